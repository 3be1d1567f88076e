// The newsroom's choice of where its default edition lives: at the root (the default) or, like every other
// edition, under its prefix; set in /admin/settings, and followed by every address, link, feed and redirect.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { linkTranslation } from '../articles/translation-store.js';

const NOW = new Date('2026-06-01T10:00:00Z');
const BASE = 'http://chancery.test';

describe.each(DIALECTS)('the root edition setting on %s', (dialect) => {
  let app: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(async () => {
    app = await testApp(dialect, { smtpUrl: smtp.url }, { clock: () => NOW });
    const author = await makeAuthor(app.ctx.db, { slug: 'bekova', name: 'Aigerim Bekova' });
    const rubric = await makeRubric(app.ctx.db, { slug: 'analysis', name: 'Analysis' });
    const en = await makeArticle(app.ctx.db, {
      slug: 'railway-deal',
      title: 'Railway deal',
      authorIds: [author],
      rubricId: rubric,
      publishedAt: NOW,
    });
    const ru = await makeArticle(app.ctx.db, {
      slug: 'zheleznaya-doroga',
      title: 'Железная дорога',
      language: 'ru',
      authorIds: [author],
      rubricId: rubric,
      publishedAt: NOW,
    });
    await linkTranslation(app.ctx.db, ru, en);
    app.ctx.contentChanged();
  });
  afterEach(async () => {
    await app.close();
  });

  /** Saves the settings through the admin form, as an administrator would. */
  async function choose(editions: string, language = 'en') {
    const admin = await app.signIn('admin');
    return app.server.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: admin.csrf, language, editions }).toString(),
    });
  }

  it('keeps the default language at the root until the newsroom chooses otherwise', async () => {
    const home = await app.server.inject('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`<link rel="alternate" hreflang="en" href="${BASE}/"/>`);
    expect(home.body).toContain(`<link rel="alternate" hreflang="x-default" href="${BASE}/"/>`);
    expect(home.body).toContain('href="/articles/railway-deal"');
    const en = await app.server.inject('/en/archive');
    expect(en.statusCode).toBe(301);
    expect(en.headers.location).toBe('/archive');
    const ru = await app.server.inject('/ru/articles/zheleznaya-doroga');
    expect(ru.statusCode).toBe(301);
    expect(ru.headers.location).toBe('/articles/zheleznaya-doroga');
    const page = await app.server.inject('/articles/zheleznaya-doroga');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<link rel="canonical" href="${BASE}/articles/zheleznaya-doroga"/>`);
  });

  it('shows the choice to administrators only, and refuses a value it does not know with 422', async () => {
    const admin = await app.signIn('admin');
    const form = await app.server.inject({ url: '/admin/settings', headers: { cookie: admin.cookie } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="root" checked');
    const editor = await app.signIn('editor');
    expect((await app.server.inject({ url: '/admin/settings', headers: { cookie: editor.cookie } })).statusCode).toBe(403);
    const bad = await choose('everywhere');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Choose where the editions’ addresses live.'.replace('’', "'"));
    expect((await app.server.inject('/')).statusCode).toBe(200);
  });

  it('puts every edition under its prefix once chosen, redirecting the root addresses', async () => {
    // A page cached before the change must not outlive it.
    expect((await app.server.inject('/archive')).statusCode).toBe(200);
    expect((await app.server.inject('/archive')).statusCode).toBe(200);
    const saved = await choose('prefixed');
    expect(saved.statusCode).toBe(303);

    const root = await app.server.inject('/');
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/en/');
    expect(root.headers.vary ?? '').not.toContain('Accept-Language');
    // A CDN may keep it (and drops it on a purge); a browser must not, or switching back would loop.
    expect(root.headers['cache-control']).toBe('public, max-age=0, s-maxage=3600');
    expect(root.headers['surrogate-key']).toBe('pages');
    for (const [from, to] of [
      ['/archive', '/en/archive'],
      ['/archive?page=1', '/en/archive?page=1'],
      ['/rubric/analysis', '/en/rubric/analysis'],
      ['/tags/china', '/en/tags/china'],
      ['/authors', '/en/authors'],
      ['/authors/bekova', '/en/authors/bekova'],
      ['/search?q=railway', '/en/search?q=railway'],
      ['/events', '/en/events'],
      ['/feed.xml', '/en/feed.xml'],
      ['/rubric/analysis/atom.xml', '/en/rubric/analysis/atom.xml'],
      ['/dossiers', '/en/dossiers'],
      ['/sitemap-ru.xml', '/ru/sitemap.xml'],
      ['/articles/railway-deal', '/en/articles/railway-deal'],
      // An article goes straight to its own language's edition.
      ['/articles/zheleznaya-doroga', '/ru/articles/zheleznaya-doroga'],
    ]) {
      const res = await app.server.inject(from);
      expect(res.statusCode, from).toBe(301);
      expect(res.headers.location, from).toBe(to);
    }
    // Another edition's article is sent to its own; the admin, accounts and robots.txt stay where they are.
    const wrong = await app.server.inject('/en/articles/zheleznaya-doroga');
    expect(wrong.statusCode).toBe(301);
    expect(wrong.headers.location).toBe('/ru/articles/zheleznaya-doroga');
    expect((await app.server.inject('/account/login')).statusCode).toBe(200);
    expect((await app.server.inject('/robots.txt')).statusCode).toBe(200);
    expect((await app.server.inject('/admin/login')).statusCode).toBe(200);

    const home = await app.server.inject('/en/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`<link rel="canonical" href="${BASE}/en/"/>`);
    expect(home.body).toContain(`<link rel="alternate" hreflang="ru" href="${BASE}/ru/"/>`);
    expect(home.body).toContain(`<link rel="alternate" hreflang="x-default" href="${BASE}/en/"/>`);
    expect(home.body).toContain('href="/en/articles/railway-deal"');
    expect(home.body).toContain('href="/en/rubric/analysis"');
    expect(home.body).toContain('href="/en/authors"');

    const article = await app.server.inject('/ru/articles/zheleznaya-doroga');
    expect(article.statusCode).toBe(200);
    expect(article.body).toContain(`<link rel="canonical" href="${BASE}/ru/articles/zheleznaya-doroga"/>`);
    expect(article.body).toContain(`<link rel="alternate" hreflang="en" href="${BASE}/en/articles/railway-deal"/>`);
    expect(article.body).toContain(`<link rel="alternate" hreflang="x-default" href="${BASE}/en/articles/railway-deal"/>`);
    expect(article.body).toContain(`"url":"${BASE}/ru/authors/bekova"`);
    // The switcher goes to the translation, and JSON-LD names the prefixed addresses.
    expect(article.body).toMatch(/<a href="\/en\/articles\/railway-deal" hreflang="en"/);
    expect(article.body).toContain(`"url":"${BASE}/ru/articles/zheleznaya-doroga"`);
    expect(article.body).toContain(`"url":"${BASE}/en/articles/railway-deal"`);

    const feed = await app.server.inject('/ru/feed.xml');
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain(`${BASE}/ru/articles/zheleznaya-doroga`);
    expect(feed.body).not.toContain(`${BASE}/articles/`);

    const index = await app.server.inject('/sitemap.xml');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain(`<loc>${BASE}/ru/sitemap.xml</loc>`);
    const sitemap = await app.server.inject('/en/sitemap.xml');
    expect(sitemap.statusCode).toBe(200);
    expect(sitemap.body).toContain(`<loc>${BASE}/en/articles/railway-deal</loc>`);
    expect(sitemap.body).toContain(`hreflang="ru" href="${BASE}/ru/articles/zheleznaya-doroga"`);
    expect(sitemap.body).toContain(`<loc>${BASE}/en/</loc>`);
    expect(sitemap.body).not.toMatch(new RegExp(`<loc>${BASE}/(archive|articles)`));

    // Pages left at the root link into the default edition.
    const login = await app.server.inject('/account/login');
    expect(login.body).toContain('<a class="brand" href="/en/">');
  });

  it('goes back to the root when the newsroom chooses it again, and follows a new default language', async () => {
    await choose('prefixed');
    expect((await app.server.inject('/en/archive')).statusCode).toBe(200);
    await choose('root', 'ru');
    const home = await app.server.inject('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="ru"');
    expect(home.body).toContain('href="/articles/zheleznaya-doroga"');
    const ru = await app.server.inject('/ru/archive');
    expect(ru.statusCode).toBe(301);
    expect(ru.headers.location).toBe('/archive');
    expect((await app.server.inject('/en/archive')).statusCode).toBe(200);
  });
});
