// The newsroom's name and description, set in /admin/settings: the default ones, and each edition's own, shown
// in that edition's header, footer, page titles and feeds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { findSiteInfo, type SiteSettings, siteIn } from './site-store.js';

const NOW = new Date('2026-06-01T10:00:00Z');

describe('siteIn', () => {
  const site: SiteSettings = {
    title: 'The Desk',
    description: 'Default words.',
    language: 'en',
    baseUrl: 'http://x.test',
    byLanguage: { ru: { description: 'Описание.' }, zh: { title: '书桌', description: '简介。' } },
  };
  it('gives a language its own name and description, the default ones where it has none, and never the table', () => {
    expect(siteIn(site, 'ru')).toEqual({ title: 'The Desk', description: 'Описание.', language: 'en', baseUrl: 'http://x.test' });
    expect(siteIn(site, 'zh')).toMatchObject({ title: '书桌', description: '简介。' });
    expect(siteIn(site, 'en')).toEqual({ title: 'The Desk', description: 'Default words.', language: 'en', baseUrl: 'http://x.test' });
    expect(siteIn(site, 'xx')).not.toHaveProperty('byLanguage');
  });
});

describe.each(DIALECTS)('the site name and description on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const author = await makeAuthor(app.ctx.db, { slug: 'orlova', name: 'Marina Orlova' });
    await makeArticle(app.ctx.db, { slug: 'railway', title: 'Railway deal', authorIds: [author], publishedAt: NOW });
    await makeArticle(app.ctx.db, { slug: 'doroga', title: 'Железная дорога', language: 'ru', authorIds: [author], publishedAt: NOW });
  });
  afterEach(async () => {
    await app.close();
  });

  async function save(fields: Record<string, string>) {
    const admin = await app.signIn('admin');
    return app.server.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: admin.csrf, language: 'en', editions: 'root', ...fields }).toString(),
    });
  }

  it('saves the default and per-edition wording, and each edition shows its own at once', async () => {
    // Cached before the change: must not outlive it.
    for (let i = 0; i < 2; i++) expect((await app.server.inject('/ru/')).statusCode).toBe(200);
    const saved = await save({
      title: '  Eurasia Desk ',
      description: 'Diplomacy & trade, daily.',
      title_ru: 'Евразийский отдел',
      description_ru: 'Дипломатия и торговля — каждый день.',
      title_zh: '',
      description_zh: '每日外交与贸易。',
    });
    expect(saved.statusCode).toBe(303);

    const en = (await app.server.inject('/')).body;
    expect(en).toContain('<title>Eurasia Desk</title>');
    expect(en).toContain('<p>Diplomacy &amp; trade, daily.</p>');
    const ru = (await app.server.inject('/ru/')).body;
    expect(ru).toContain('<title>Евразийский отдел</title>');
    expect(ru).toContain('<p>Дипломатия и торговля — каждый день.</p>');
    expect(ru).not.toContain('Diplomacy');
    // A Russian article's page belongs to the Russian edition.
    expect((await app.server.inject('/articles/doroga')).body).toContain('<title>Железная дорога — Евразийский отдел</title>');
    // No Chinese title of its own: the default one, with the Chinese description.
    const zh = (await app.server.inject('/zh/')).body;
    expect(zh).toContain('<title>Eurasia Desk</title>');
    expect(zh).toContain('<p>每日外交与贸易。</p>');
    // Feeds speak for their edition too.
    const feed = (await app.server.inject('/ru/feed.xml')).body;
    expect(feed).toContain('<title>Евразийский отдел</title>');
    expect(feed).toContain('<description>Дипломатия и торговля — каждый день.</description>');
    expect((await app.server.inject('/feed.xml')).body).toContain('<title>Eurasia Desk</title>');

    // The form shows what was saved; emptied again, an edition falls back to the default.
    const admin = await app.signIn('admin');
    const form = (await app.server.inject({ url: '/admin/settings', headers: { cookie: admin.cookie } })).body;
    expect(form).toContain('name="title_ru" value="Евразийский отдел"');
    expect(form).toContain('>每日外交与贸易。</textarea>');
    expect((await save({ title: 'Eurasia Desk', title_ru: '', description_ru: '' })).statusCode).toBe(303);
    expect((await app.server.inject('/ru/')).body).toContain('<title>Eurasia Desk</title>');
    const site = await findSiteInfo(app.ctx.db, '');
    expect(site.byLanguage.ru).toBeUndefined();
    expect(site.byLanguage.zh).toEqual({ title: undefined, description: '每日外交与贸易。' });
  });

  it('refuses an empty or overlong title and an overlong description with 422, saving nothing', async () => {
    await save({ title: 'Before', description: 'Kept.' });
    for (const [fields, message] of [
      [{ title: '   ' }, 'Give the site a title of at most 120 characters.'],
      [{ title: 'x'.repeat(121) }, 'Give the site a title of at most 120 characters.'],
      [{ title: 'Fine', description: 'd'.repeat(301) }, 'A description of at most 300 characters.'],
      [{ title: 'Fine', title_ru: 'т'.repeat(121) }, 'Give the site a title of at most 120 characters.'],
      [{ title: 'Fine', description_zh: '字'.repeat(301) }, 'A description of at most 300 characters.'],
    ] as const) {
      const res = await save(fields);
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(message);
      expect(res.body).toContain('aria-invalid="true"');
    }
    const site = await findSiteInfo(app.ctx.db, '');
    expect([site.title, site.description, site.byLanguage]).toEqual(['Before', 'Kept.', {}]);
  });

  it('keeps the wording when a form sends only the language and the editions, and lets only administrators in', async () => {
    await save({ title: 'Named', description_ru: 'Своё описание.' });
    const admin = await app.signIn('admin');
    const res = await app.server.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: admin.csrf, language: 'ru', editions: 'root' }).toString(),
    });
    expect(res.statusCode).toBe(303);
    const site = await findSiteInfo(app.ctx.db, '');
    expect([site.title, site.language, site.byLanguage.ru?.description]).toEqual(['Named', 'ru', 'Своё описание.']);
    const editor = await app.signIn('editor');
    const refused = await app.server.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: editor.csrf, language: 'en', editions: 'root', title: 'Hijacked' }).toString(),
    });
    expect(refused.statusCode).toBe(403);
    expect((await findSiteInfo(app.ctx.db, '')).title).toBe('Named');
  });
});
