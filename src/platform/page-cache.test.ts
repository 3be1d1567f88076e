import Fastify from 'fastify';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createPageCache } from './page-cache.js';

async function server(enabled: boolean) {
  const app = Fastify();
  const cache = createPageCache({ enabled });
  let renders = 0;
  let version = 1;
  app.get('/page', (req, reply) => cache.serve(req, reply, async () => { renders++; return { body: `<p>v${version}</p>` + 'x'.repeat(2000), lastModified: new Date('2026-01-01T00:00:00Z') }; }));
  await app.ready();
  return { app, cache, renders: () => renders, bump: () => { version++; cache.invalidate(); } };
}

describe('page cache', () => {
  it('renders once, then serves from memory until invalidated', async () => {
    const s = await server(true);
    const a = await s.app.inject('/page');
    const b = await s.app.inject('/page');
    expect(a.body).toBe(b.body);
    expect(s.renders()).toBe(1);
    s.bump();
    const c = await s.app.inject('/page');
    expect(c.body).toContain('v2');
    expect(s.renders()).toBe(2);
  });

  it('answers 304 to a matching ETag or Last-Modified without rendering', async () => {
    const s = await server(true);
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
    expect(s.renders()).toBe(1);
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
    const personal = await s.app.inject({ url: '/page', headers: { cookie: 'chancery_session=abc' } });
    expect(personal.headers['cache-control']).toBe('private, no-cache');
    expect(s.renders()).toBe(2);
    await s.app.inject('/page');
    expect(s.renders()).toBe(2);
  });
});
