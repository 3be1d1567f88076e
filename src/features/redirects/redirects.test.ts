import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
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

  it('sends an imported address straight to the article’s edition when every edition is prefixed, whichever the scheme', async () => {
    const db = app.ctx.db;
    const author = await makeAuthor(db, { slug: 'desk' });
    await makeArticle(db, { slug: 'vodnye-peregovory', title: 'Водные переговоры', language: 'ru', authorIds: [author], publishedAt: NOW });
    // The import keeps the root form: right under either scheme, whatever the setting becomes.
    await upsertRedirect(db, '/2024/05/vodnye-peregovory', '/articles/vodnye-peregovory', NOW);
    await upsertRedirect(db, '/?p=14', '/articles/vodnye-peregovory', NOW);
    const admin = await app.signIn('admin');
    const choose = async (editions: string) =>
      app.server.inject({
        method: 'POST',
        url: '/admin/settings',
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: admin.csrf, language: 'en', editions }).toString(),
      });
    expect((await choose('prefixed')).statusCode).toBe(303);
    for (const old of ['/2024/05/vodnye-peregovory/', '/?p=14']) {
      const res = await app.server.inject(old);
      expect([old, res.statusCode, res.headers.location]).toEqual([old, 301, '/ru/articles/vodnye-peregovory']);
      // It depends on the setting: a CDN may keep it, a browser must not (decision 021).
      expect(res.headers['cache-control']).toBe('public, max-age=0, s-maxage=3600');
      expect((await app.server.inject(String(res.headers.location))).statusCode).toBe(200);
    }
    expect(await findRedirect(db, '/2024/05/vodnye-peregovory')).toBe('/articles/vodnye-peregovory');
    expect((await choose('root')).statusCode).toBe(303);
    const back = await app.server.inject('/2024/05/vodnye-peregovory');
    expect([back.statusCode, back.headers.location]).toEqual([301, '/articles/vodnye-peregovory']);
    expect((await app.server.inject('/articles/vodnye-peregovory')).statusCode).toBe(200);
  });
});
