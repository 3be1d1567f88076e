import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { countRedirects, findRedirect, normalizeRedirectPath, upsertRedirect } from './redirect-store.js';

const NOW = new Date('2026-12-07T06:00:00Z');

describe('normalizeRedirectPath', () => {
  it('keeps local paths without a trailing slash or fragment, and refuses others', () => {
    expect(normalizeRedirectPath('/2024/05/a/')).toBe('/2024/05/a');
    expect(normalizeRedirectPath('/?p=12#c3')).toBe('/?p=12');
    expect(normalizeRedirectPath('/a/?')).toBe('/a');
    expect(normalizeRedirectPath('//evil.example/x')).toBeUndefined();
    expect(normalizeRedirectPath('https://evil.example/x')).toBeUndefined();
  });
});

describe.each(DIALECTS)('redirects from old addresses (%s)', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
  });
  afterEach(() => app.close());

  it('answers an old address with a 301 to the new one, and an unknown one with 404', async () => {
    const db = app.ctx.db;
    expect(await upsertRedirect(db, '/2024/05/water-talks/', '/articles/water-talks', NOW)).toBe(true);
    expect(await upsertRedirect(db, '/?p=12', '/articles/water-talks', NOW)).toBe(true);
    expect(await upsertRedirect(db, '/', '/articles/x', NOW)).toBe(false);
    // Re-pointing an address keeps one row.
    expect(await upsertRedirect(db, '/2024/05/water-talks', '/articles/water-talks-2', NOW)).toBe(true);
    expect(await countRedirects(db)).toBe(2);
    expect(await findRedirect(db, '/2024/05/water-talks?utm_source=x')).toBe('/articles/water-talks-2');

    const res = await app.server.inject('/2024/05/water-talks/');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/articles/water-talks-2');
    const byId = await app.server.inject('/?p=12');
    expect([byId.statusCode, byId.headers.location]).toEqual([301, '/articles/water-talks']);
    expect((await app.server.inject('/?p=13')).statusCode).toBe(200);
    expect((await app.server.inject('/?q=x')).statusCode).toBe(200);
    expect((await app.server.inject('/2024/05/unknown/')).statusCode).toBe(404);
    expect((await app.server.inject({ method: 'POST', url: '/2024/05/water-talks/' })).statusCode).toBe(404);
  });
});
