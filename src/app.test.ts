import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from './app.js';
import { loadConfig } from './config.js';
import { freshDb } from '../test/db.js';

describe('the error handler', () => {
  let app: App;
  let close: () => Promise<void>;
  beforeEach(async () => {
    const fresh = await freshDb('sqlite');
    close = fresh.close;
    const config = loadConfig(
      {},
      {
        databaseUrl: fresh.url,
        sessionSecret: 'x'.repeat(32),
        env: 'test',
        logLevel: 'silent',
        loadDemo: false,
        dataDir: '/tmp/chancery-test',
      },
    );
    app = await buildApp({ config, db: fresh.db, logger: false });
    app.server.get('/boom', async () => {
      throw new Error('secret database detail at /srv/app.js:12');
    });
    app.server.get('/api/boom', async () => {
      throw new Error('secret');
    });
    await app.server.ready();
  });
  afterEach(async () => {
    await app.close();
    await close();
  });

  it('answers a crash with the site-styled 500 page and no detail', async () => {
    const res = await app.server.inject('/boom');
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Something went wrong');
    expect(res.body).toContain('/assets/site.css');
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('app.js');
  });

  it('answers JSON under /api, still without detail', async () => {
    const res = await app.server.inject('/api/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { status: 500, message: expect.not.stringContaining('secret') } });
  });

  it('answers unknown pages and wrong methods in the site style, never 500', async () => {
    const missing = await app.server.inject('/no/such/page');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Page not found');
    const put = await app.server.inject({ method: 'PUT', url: '/' });
    expect([404, 405]).toContain(put.statusCode);
    const badJson = await app.server.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(badJson.statusCode).toBe(400);
  });

  it('sends the security headers on every answer', async () => {
    const res = await app.server.inject('/no/such/page');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('transport safety', () => {
  async function appWith(over: Partial<import('./config.js').Config>) {
    const fresh = await freshDb('sqlite');
    const config = loadConfig(
      {},
      {
        databaseUrl: fresh.url,
        sessionSecret: 'x'.repeat(32),
        env: 'test',
        logLevel: 'silent',
        loadDemo: false,
        dataDir: '/tmp/chancery-test',
        ...over,
      },
    );
    const app = await buildApp({ config, db: fresh.db, logger: false });
    return {
      app,
      close: async () => {
        await app.close();
        await fresh.close();
      },
    };
  }

  it('sends HSTS in production behind an https address, and only then', async () => {
    const prod = await appWith({ env: 'production', baseUrl: 'https://news.example' });
    const dev = await appWith({ env: 'development', baseUrl: 'https://news.example' });
    const plain = await appWith({ env: 'production', baseUrl: 'http://news.example' });
    try {
      for (const url of ['/', '/no-such-page', '/assets/site.css']) {
        expect((await prod.app.server.inject(url)).headers['strict-transport-security']).toBe('max-age=63072000');
        expect((await dev.app.server.inject(url)).headers['strict-transport-security']).toBeUndefined();
        expect((await plain.app.server.inject(url)).headers['strict-transport-security']).toBeUndefined();
      }
    } finally {
      await Promise.all([prod.close(), dev.close(), plain.close()]);
    }
  });

  it('answers headers too large with 431 and Connection: close, so a keep-alive client reconnects', async () => {
    const { app, close } = await appWith({});
    try {
      await app.server.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.server.server.address() as import('node:net').AddressInfo).port;
      const { connect } = await import('node:net');
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
        });
        let text = '';
        socket.on('data', (d) => {
          text += d.toString();
        });
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 431 /);
      expect(answer.toLowerCase()).toContain('connection: close');
    } finally {
      await close();
    }
  });

  it('says Connection: close on a 413 whose body was not read', async () => {
    const { app, close } = await appWith({});
    try {
      const res = await app.server.inject({
        method: 'POST',
        url: '/account/signup',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `name=${'a'.repeat(3 * 1024 * 1024)}`,
      });
      expect(res.statusCode).toBe(413);
      expect(res.headers.connection).toBe('close');
    } finally {
      await close();
    }
  });
});
