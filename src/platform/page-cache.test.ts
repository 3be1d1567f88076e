import Fastify from 'fastify';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPageCache, FAST_BROTLI, FAST_GZIP } from './page-cache.js';

async function server(enabled: boolean) {
  const app = Fastify();
  const cache = createPageCache({ enabled });
  let renders = 0;
  let version = 1;
  app.get('/page', (req, reply) =>
    cache.serve(req, reply, async () => {
      renders++;
      return { body: `<p>v${version}</p>` + 'x'.repeat(2000), lastModified: new Date('2026-01-01T00:00:00Z') };
    }),
  );
  await app.ready();
  return {
    app,
    cache,
    renders: () => renders,
    bump: () => {
      version++;
      cache.invalidate();
    },
  };
}

describe('page cache', () => {
  it('keeps a page from its second request, then serves it from memory until invalidated', async () => {
    const s = await server(true);
    const a = await s.app.inject('/page');
    const b = await s.app.inject('/page');
    const c = await s.app.inject('/page');
    expect(a.body).toBe(b.body);
    expect(c.body).toBe(b.body);
    expect(s.renders()).toBe(2);
    s.bump();
    // A page dropped by a change was asked for twice: its next rendering is kept at once.
    const d = await s.app.inject('/page');
    expect(d.body).toContain('v2');
    await s.app.inject('/page');
    expect(s.renders()).toBe(3);
  });

  it('sends a URL asked for once without keeping it; asked for again within the TTL, keeps it', async () => {
    let t = 0;
    const cache = createPageCache({ enabled: true, ttlMs: 60_000, now: () => t });
    const app = Fastify();
    let renders = 0;
    app.get('/p', (req, reply) =>
      cache.serve(req, reply, async () => {
        renders++;
        return { body: 'page' };
      }),
    );
    await app.ready();
    expect((await app.inject('/p?utm=a')).body).toBe('page');
    expect(cache.size()).toBe(0);
    t += 60_000;
    await app.inject('/p?utm=a');
    expect(cache.size()).toBe(0);
    t += 59_999;
    await app.inject('/p?utm=a');
    expect(cache.size()).toBe(1);
    await app.inject('/p?utm=a');
    expect(renders).toBe(3);
    // Once kept, an expired page is kept again on its next rendering.
    t += 60_000;
    await app.inject('/p?utm=a');
    await app.inject('/p?utm=a');
    expect(renders).toBe(4);
  });

  it('remembers a bounded number of URLs asked for once', async () => {
    const cache = createPageCache({ enabled: true, maxEntries: 3 });
    const app = Fastify();
    app.get('/p', (req, reply) => cache.serve(req, reply, async () => ({ body: 'page' })));
    await app.ready();
    for (const q of ['a', 'b', 'c', 'd']) await app.inject(`/p?q=${q}`);
    // 'a' was forgotten to make room for 'd': its second request is a first again.
    await app.inject('/p?q=a');
    expect(cache.size()).toBe(0);
    await app.inject('/p?q=d');
    expect(cache.size()).toBe(1);
  });

  it('drops only the pages tagged with what changed', async () => {
    const app = Fastify();
    const cache = createPageCache({ enabled: true });
    const renders: Record<string, number> = {};
    for (const [path, tags] of [
      ['/a', ['comments:1']],
      ['/b', ['comments:2']],
      ['/list', ['comment-counts']],
      ['/plain', undefined],
    ] as const) {
      app.get(path, (req, reply) =>
        cache.serve(req, reply, async () => {
          renders[path] = (renders[path] ?? 0) + 1;
          return { body: path, tags: tags && [...tags] };
        }),
      );
    }
    await app.ready();
    const all = async () => {
      for (const p of ['/a', '/b', '/list', '/plain']) await app.inject(p);
    };
    await all();
    await all();
    expect(cache.size()).toBe(4);
    cache.invalidate(['comments:1', 'comment-counts']);
    expect(cache.size()).toBe(2);
    await all();
    expect(cache.size()).toBe(4);
    expect(renders).toEqual({ '/a': 3, '/b': 2, '/list': 3, '/plain': 2 });
    cache.invalidate();
    expect(cache.size()).toBe(0);
  });

  it('answers 304 to a matching ETag or Last-Modified without rendering', async () => {
    const s = await server(true);
    await s.app.inject('/page');
    const first = await s.app.inject('/page');
    expect(first.headers['cache-control']).toContain('s-maxage');
    const etag = String(first.headers.etag);
    const r1 = await s.app.inject({ url: '/page', headers: { 'if-none-match': etag } });
    expect(r1.statusCode).toBe(304);
    expect(r1.body).toBe('');
    const r2 = await s.app.inject({ url: '/page', headers: { 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' } });
    expect(r2.statusCode).toBe(304);
    const r3 = await s.app.inject({ url: '/page', headers: { 'if-none-match': '"other"' } });
    expect(r3.statusCode).toBe(200);
    expect(s.renders()).toBe(2);
  });

  it('keeps gzip and brotli variants that decode to the page', async () => {
    const s = await server(true);
    const plain = await s.app.inject('/page');
    const gz = await s.app.inject({ url: '/page', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    const br = await s.app.inject({ url: '/page', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
  });

  it('compresses a page sent once at the fastest level, and a kept page at the full level', async () => {
    const s = await server(true);
    const body = Buffer.from(`<p>v1</p>${'x'.repeat(2000)}`);
    const once = await s.app.inject({ url: '/page', headers: { 'accept-encoding': 'gzip' } });
    expect(once.headers['content-encoding']).toBe('gzip');
    expect(once.rawPayload.equals(gzipSync(body, { level: FAST_GZIP }))).toBe(true);
    const kept = await s.app.inject({ url: '/page', headers: { 'accept-encoding': 'gzip' } });
    expect(kept.rawPayload.equals(gzipSync(body, { level: 6 }))).toBe(true);
    s.bump();
    const next = Buffer.from(`<p>v2</p>${'x'.repeat(2000)}`);
    const onceBr = await s.app.inject({ url: '/page?other', headers: { 'accept-encoding': 'br' } });
    expect(onceBr.rawPayload.equals(brotliCompressSync(next, { params: { [constants.BROTLI_PARAM_QUALITY]: FAST_BROTLI } }))).toBe(true);
    expect(brotliDecompressSync(onceBr.rawPayload).equals(next)).toBe(true);
  });

  it('when disabled, renders every time but still validates', async () => {
    const s = await server(false);
    const first = await s.app.inject('/page');
    const again = await s.app.inject({ url: '/page', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(s.renders()).toBe(2);
  });
});

describe('page cache and signed-in visitors', () => {
  it('never serves or stores a signed-in page from the shared cache', async () => {
    const s = await server(true);
    await s.app.inject('/page');
    await s.app.inject('/page');
    const personal = await s.app.inject({ url: '/page', headers: { cookie: 'chancery_session=abc' } });
    expect(personal.headers['cache-control']).toBe('private, no-cache');
    expect(s.renders()).toBe(3);
    await s.app.inject('/page');
    expect(s.renders()).toBe(3);
  });
});

describe('page cache fast path (before routing)', () => {
  async function live() {
    const cache = createPageCache({ enabled: true, headers: { 'x-frame-options': 'DENY' } });
    let renders = 0;
    let hooks = 0;
    const app = Fastify({
      serverFactory: (handler) =>
        createServer((req, res) => {
          if (!cache.serveRaw(req, res)) handler(req, res);
        }),
    });
    app.addHook('onRequest', (_req, reply, done) => {
      hooks++;
      reply.header('x-frame-options', 'DENY');
      done();
    });
    app.get('/page', (req, reply) =>
      cache.serve(req, reply, async () => {
        renders++;
        return { body: '<p>page</p>' + 'y'.repeat(3000), lastModified: new Date('2026-01-01T00:00:00Z') };
      }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/page`;
    return { app, cache, url, renders: () => renders, hooks: () => hooks };
  }

  it('answers cached pages without the app: same bytes and headers, 304, compression, sessions bypass', async () => {
    const s = await live();
    try {
      await (await fetch(s.url)).text();
      const first = await fetch(s.url, { headers: { 'accept-encoding': 'identity' } });
      const firstBody = await first.text();
      expect(s.hooks()).toBe(2);
      const second = await fetch(s.url, { headers: { 'accept-encoding': 'identity' } });
      expect(await second.text()).toBe(firstBody);
      expect(s.hooks()).toBe(2);
      expect(s.renders()).toBe(2);
      for (const h of ['etag', 'last-modified', 'cache-control', 'content-type', 'x-frame-options', 'vary'])
        expect(second.headers.get(h)).toBe(first.headers.get(h));
      const nm = await fetch(s.url, { headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(nm.status).toBe(304);
      const ims = await fetch(s.url, { headers: { 'if-modified-since': 'Thu, 01 Jan 2026 00:00:00 GMT' } });
      expect(ims.status).toBe(304);
      // fetch decodes: the body must come back identical through gzip and brotli.
      for (const enc of ['gzip', 'br']) {
        const r = await fetch(s.url, { headers: { 'accept-encoding': enc } });
        expect(r.headers.get('content-encoding')).toBe(enc);
        expect(await r.text()).toBe(firstBody);
      }
      expect(s.hooks()).toBe(2);
      await fetch(s.url, { headers: { cookie: 'chancery_session=abc' } });
      expect(s.hooks()).toBe(3);
      expect(s.renders()).toBe(3);
      s.cache.invalidate();
      await fetch(s.url);
      expect(s.renders()).toBe(4);
    } finally {
      await s.app.close();
    }
  });
});

describe('page cache memory budget', () => {
  it('holds 8 MB of pages by default', async () => {
    const cache = createPageCache({ enabled: true });
    const app = Fastify();
    app.get('/p/:n', (req, reply) =>
      cache.serve(req, reply, async () => ({ body: `<p>${(req.params as { n: string }).n}</p>` + 'm'.repeat(1024 * 1024) })),
    );
    await app.ready();
    for (let n = 0; n < 12; n++) {
      await app.inject(`/p/${n}`);
      await app.inject(`/p/${n}`);
    }
    expect(cache.size()).toBe(7);
  });

  it('drops expired pages as new ones come in, keeping their next rendering at once', async () => {
    let t = 0;
    const cache = createPageCache({ enabled: true, ttlMs: 60_000, now: () => t });
    const app = Fastify();
    let renders = 0;
    app.get('/p/:n', (req, reply) =>
      cache.serve(req, reply, async () => {
        renders++;
        return { body: 'page' };
      }),
    );
    await app.ready();
    for (const url of ['/p/1', '/p/1', '/p/2', '/p/2']) await app.inject(url);
    expect(cache.size()).toBe(2);
    t += 60_000;
    for (const url of ['/p/3', '/p/3']) await app.inject(url);
    expect(cache.size()).toBe(1);
    await app.inject('/p/1');
    await app.inject('/p/1');
    expect(cache.size()).toBe(2);
    expect(renders).toBe(7);
  });

  it('keeps one copy of a page that several URLs render alike, counted once against the budget', async () => {
    const cache = createPageCache({ enabled: true, maxBytes: 5_000 });
    const app = Fastify();
    let renders = 0;
    app.get('/p', (req, reply) =>
      cache.serve(req, reply, async () => {
        renders++;
        return { body: '<p>same</p>' + 'z'.repeat(3000) };
      }),
    );
    await app.ready();
    for (const url of ['/p?utm=a', '/p?utm=a', '/p?utm=b', '/p?utm=b', '/p']) await app.inject(url);
    // Two copies would pass the budget and push one out; one copy keeps both URLs.
    expect(cache.size()).toBe(2);
    const a = await app.inject({ url: '/p?utm=a', headers: { 'accept-encoding': 'gzip' } });
    const b = await app.inject({ url: '/p?utm=b', headers: { 'accept-encoding': 'gzip' } });
    expect(b.rawPayload.equals(a.rawPayload)).toBe(true);
    expect(renders).toBe(5);
    // A third URL rendering the same page costs nothing more.
    await app.inject('/p');
    expect(cache.size()).toBe(3);
    cache.invalidate();
    expect(cache.size()).toBe(0);
  });

  it('drops the oldest pages when their bytes (with compressed variants) pass the budget', async () => {
    const cache = createPageCache({ enabled: true, maxBytes: 10_000 });
    const app = Fastify();
    let renders = 0;
    app.get('/p/:n', (req, reply) =>
      cache.serve(req, reply, async () => {
        renders++;
        return { body: `<p>${(req.params as { n: string }).n}</p>` + 'z'.repeat(3000) };
      }),
    );
    await app.ready();
    const twice = async (url: string) => {
      await app.inject(url);
      await app.inject(url);
    };
    for (const n of [1, 2, 3]) await twice(`/p/${n}`);
    expect(cache.size()).toBe(3);
    await twice('/p/4');
    expect(cache.size()).toBe(3);
    await app.inject('/p/1');
    expect(renders).toBe(9);
    await app.inject({ url: '/p/4', headers: { 'accept-encoding': 'gzip' } });
    expect(renders).toBe(9);
    expect(cache.size()).toBeLessThanOrEqual(3);
  });
});
