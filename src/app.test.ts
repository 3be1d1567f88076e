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
