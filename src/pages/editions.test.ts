// Each language is an edition with its own addresses: the newsroom's language at the root, every other under
// its prefix, each with its home, lists, search and feeds in its language and with its own articles.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/db.js';
import { testApp, type TestApp } from '../../test/app.js';
import { makeArticle, makeAuthor, makeRubric } from '../../test/factories.js';

const NOW = new Date('2026-06-01T10:00:00Z');

describe.each(DIALECTS)('editions on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const db = app.ctx.db;
    const author = await makeAuthor(db, { slug: 'anna', name: 'Anna' });
    const rubric = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
    const day = (d: number) => new Date(Date.UTC(2026, 4, d));
    await makeArticle(db, {
      slug: 'state-visit',
      title: 'The state visit',
      language: 'en',
      rubricId: rubric,
      authorIds: [author],
      publishedAt: day(3),
    });
    await makeArticle(db, {
      slug: 'gosvizit',
      title: 'Государственный визит',
      language: 'ru',
      rubricId: rubric,
      authorIds: [author],
      publishedAt: day(4),
    });
    await makeArticle(db, { slug: 'tielu', title: '铁路协议', language: 'zh', rubricId: rubric, authorIds: [author], publishedAt: day(5) });
  });
  afterEach(async () => {
    await app.close();
  });
  const get = (url: string) => app.server.inject(url);
  const articleLinks = (html: string) => [...new Set([...html.matchAll(/href="(\/articles\/[^"#]+)"/g)].map((m) => m[1]))].sort();

  it('serves the newsroom’s language at the root and every other language under its prefix', async () => {
    const root = await get('/');
    expect(root.body).toContain('<html lang="en"');
    expect(articleLinks(root.body)).toEqual(['/articles/state-visit']);

    const ru = await get('/ru/');
    expect(ru.statusCode).toBe(200);
    expect(ru.body).toContain('<html lang="ru"');
    expect(ru.body).toContain('Перейти к содержанию');
    expect(articleLinks(ru.body)).toEqual(['/articles/gosvizit']);
    // Its masthead, sections and footer stay within the edition.
    expect(ru.body).toContain('<a class="brand" href="/ru/">');
    expect(ru.body).toContain('href="/ru/rubric/analysis"');
    expect(ru.body).toContain('<a href="/ru/feed.xml">RSS</a>');
    // hreflang alternates of the home page, the root edition as x-default, and a switcher to the others.
    expect(ru.body).toContain('<link rel="alternate" hreflang="zh" href="http://chancery.test/zh/"/>');
    expect(ru.body).toContain('<link rel="alternate" hreflang="x-default" href="http://chancery.test/"/>');
    expect(ru.body).toMatch(/<a href="\/" hreflang="en" lang="en">English<\/a>/);

    const zh = await get('/zh/');
    expect(zh.body).toContain('<html lang="zh"');
    expect(zh.body).toContain('跳到正文');
    expect(articleLinks(zh.body)).toEqual(['/articles/tielu']);

    expect((await get('/en/')).headers.location).toBe('/');
    // Teasers and an article's byline, rubric and tags link within the article's edition.
    expect(ru.body).toContain('<a class="kicker" href="/ru/rubric/analysis">');
    const article = await get('/articles/gosvizit');
    expect(article.body).toContain('<html lang="ru"');
    expect(article.body).toContain('href="/ru/authors/anna" rel="author"');
    expect(article.body).toContain('<a class="kicker" href="/ru/rubric/analysis">');
    expect((await get('/articles/state-visit')).body).toContain('<a class="kicker" href="/rubric/analysis">');
  });

  it('lists, counts and pages each edition’s own articles', async () => {
    const ru = await get('/ru/rubric/analysis');
    expect(articleLinks(ru.body)).toEqual(['/articles/gosvizit']);
    expect(ru.body).toContain('1 статья');
    expect(ru.body).toContain('<link rel="canonical" href="http://chancery.test/ru/rubric/analysis"/>');
    expect(articleLinks((await get('/zh/archive')).body)).toEqual(['/articles/tielu']);
    expect(articleLinks((await get('/archive')).body)).toEqual(['/articles/state-visit']);
  });

  it('gives each edition feeds of its own language', async () => {
    const ru = await get('/ru/feed.xml');
    expect(ru.statusCode).toBe(200);
    expect(ru.body).toContain('<language>ru</language>');
    expect(ru.body).toContain('Государственный визит');
    expect(ru.body).not.toContain('The state visit');
    const zh = JSON.parse((await get('/zh/feed.json')).body);
    expect(zh.items.map((i: { title: string }) => i.title)).toEqual(['铁路协议']);
    // The edition's home as its pages name it, with the closing slash.
    expect(zh.home_page_url).toBe('http://chancery.test/zh/');
    const root = await get('/atom.xml');
    expect(root.body).toContain('The state visit');
    expect(root.body).not.toContain('铁路协议');
    // With the default edition at the root, every edition's sitemap is at the root too (see root-edition.test.ts).
    const sitemap = await get('/ru/sitemap.xml');
    expect(sitemap.statusCode).toBe(301);
    expect(sitemap.headers.location).toBe('/sitemap-ru.xml');
  });

  it('puts the newsroom’s own language at the root when it chooses another', async () => {
    await app.ctx.db.insertInto('settings').values({ key: 'site.language', value: 'ru' }).execute();
    app.ctx.contentChanged();
    const root = await get('/');
    expect(root.body).toContain('<html lang="ru"');
    expect(articleLinks(root.body)).toEqual(['/articles/gosvizit']);
    expect((await get('/ru/archive')).headers.location).toBe('/archive');
    const en = await get('/en/');
    expect(en.statusCode).toBe(200);
    expect(articleLinks(en.body)).toEqual(['/articles/state-visit']);
    expect(en.body).toContain('<a class="brand" href="/en/">');
  });
});
