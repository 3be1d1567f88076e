import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { replaceManyTranslations } from '../../platform/translation-store.js';
import { createPublishingService } from '../articles/publishing-service.js';
import { articleSearchIndex } from '../search/search-index-store.js';
import { insertEvent, type EventRow } from '../events/event-store.js';
import { registerFeedRoutes } from './routes.js';
import { child, children, parseStrictXml, textOf, type XmlNode } from './test-xml.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const BASE = 'http://chancery.test';
const HOSTILE = 'Sanctions & "tariffs" <b>now</b> ]]> end\u0001\u0007';
const HOSTILE_CLEAN = 'Sanctions & "tariffs" <b>now</b> ]]> end';

const event = (slug: string, status: EventRow['status']): EventRow => ({
  slug,
  title: slug,
  summary: '',
  programmeMd: '',
  programmeHtml: '',
  venueName: 'Hall',
  venueAddress: '',
  venueCity: 'Almaty',
  venueCountry: 'KZ',
  lat: null,
  lon: null,
  timezone: 'Asia/Almaty',
  startsAt: '2026-04-10',
  endsAt: null,
  onlineUrl: '',
  language: 'en',
  status,
  statusNote: '',
  termsMd: '',
  termsHtml: '',
});

describe.each(DIALECTS)('feeds on %s', (dialect) => {
  let app: TestApp;
  let queries: string[];

  beforeEach(async () => {
    queries = [];
    app = await testApp(dialect, {}, { clock: () => NOW, onQuery: (q) => queries.push(q) });
    const db = app.ctx.db;
    const analysis = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
    const news = await makeRubric(db, { slug: 'news', name: 'News' });
    const anna = await makeAuthor(db, { slug: 'anna', name: 'Anna Petrova' });
    const boris = await makeAuthor(db, { slug: 'boris', name: 'Boris Lee' });
    const carla = await makeAuthor(db, { slug: 'carla', name: 'Carla Diaz' });
    await makeAuthor(db, { slug: 'dmitri', name: 'Dmitri Quiet' });
    await makeArticle(db, {
      title: 'Caspian pipeline talks',
      slug: 'caspian',
      lead: 'Talks resume.',
      bodyMd: 'The **pipeline** crosses the sea.',
      rubricId: analysis,
      authorIds: [anna, boris],
      tagSlugs: ['Iran', 'Oil'],
      publishedAt: new Date('2026-02-01T10:00:00Z'),
    });
    await makeArticle(db, {
      title: 'Port strike ends',
      slug: 'port-strike',
      lead: 'Dockers return.',
      bodyMd: 'Work resumed at dawn.',
      rubricId: news,
      authorIds: [carla],
      tagSlugs: ['Oil'],
      publishedAt: new Date('2026-02-10T10:00:00Z'),
    });
    await makeArticle(db, {
      title: HOSTILE,
      slug: 'hostile',
      lead: 'Lead & <lead>',
      bodyMd: 'Body with ]]> and & and <i>x</i>',
      rubricId: analysis,
      authorIds: [anna],
      publishedAt: new Date('2026-02-20T10:00:00Z'),
    });
    await makeArticle(db, {
      title: 'Secret draft',
      slug: 'secret-draft',
      authorIds: [anna],
      rubricId: analysis,
      tagSlugs: ['Iran'],
      status: 'draft',
    });
    await makeArticle(db, {
      title: 'Future piece',
      slug: 'future-piece',
      authorIds: [anna],
      rubricId: analysis,
      tagSlugs: ['Iran'],
      publishedAt: new Date('2026-05-01T10:00:00Z'),
    });
    const svc = createPublishingService({ index: articleSearchIndex, db, clock: () => NOW, contentChanged: () => undefined });
    await svc.save(
      { id: null, role: 'admin' },
      {
        title: 'Scheduled piece',
        slug: 'scheduled-piece',
        lead: '',
        bodyMd: '',
        language: 'en',
        rubricId: analysis,
        authorIds: [carla],
        tagSlugs: ['Iran'],
        coverUrl: '',
        coverCaption: '',
        coverCredit: '',
        commentsMode: 'on',
      },
      { action: 'schedule', scheduleAt: new Date('2026-04-01T10:00:00Z') },
    );
    await insertEvent(db, event('almaty-forum', 'published'), NOW);
    await insertEvent(db, event('hidden-draft-event', 'draft'), NOW);
  });
  afterEach(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });
  const rssItems = (body: string) => children(child(parseStrictXml(body), 'channel'), 'item');
  const rssTitles = (body: string) => rssItems(body).map((i) => textOf(child(i, 'title')));
  const hidden = ['Secret draft', 'Future piece', 'Scheduled piece'];

  it('serves the site RSS feed: published only, newest first, every author, absolute links, full content', async () => {
    const res = await get('/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(rssTitles(res.body)).toEqual([HOSTILE_CLEAN, 'Port strike ends', 'Caspian pipeline talks']);
    for (const h of hidden) expect(res.body).not.toContain(h);
    const caspian = rssItems(res.body)[2];
    expect(textOf(child(caspian, 'link'))).toBe(`${BASE}/articles/caspian`);
    expect(textOf(child(caspian, 'guid'))).toBe(`${BASE}/articles/caspian`);
    expect(children(caspian, 'dc:creator').map(textOf)).toEqual(['Anna Petrova', 'Boris Lee']);
    expect(children(caspian, 'category').map(textOf)).toEqual(['Analysis', 'Iran', 'Oil']);
    expect(textOf(child(caspian, 'description'))).toBe('Talks resume.');
    expect(textOf(child(caspian, 'content:encoded'))).toContain('<strong>pipeline</strong>');
    expect(textOf(child(caspian, 'pubDate'))).toBe('Sun, 01 Feb 2026 10:00:00 GMT');
    expect(res.headers['last-modified']).toBe(new Date('2026-02-20T10:00:00Z').toUTCString());
  });

  it('serves Atom with an author element per author', async () => {
    const res = await get('/atom.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseStrictXml(res.body);
    const entries = children(feed, 'entry');
    expect(entries.map((e) => textOf(child(e, 'title')))).toEqual([HOSTILE_CLEAN, 'Port strike ends', 'Caspian pipeline talks']);
    expect(children(entries[2], 'author').map((a) => textOf(child(a, 'name')))).toEqual(['Anna Petrova', 'Boris Lee']);
    expect(child(entries[2], 'link').attrs.href).toBe(`${BASE}/articles/caspian`);
    expect(textOf(child(entries[0], 'content'))).toContain(']]&gt;');
    expect(textOf(child(feed, 'updated'))).toBe('2026-02-20T10:00:00.000Z');
    expect(children(feed, 'link').find((l) => l.attrs.rel === 'self')?.attrs.href).toBe(`${BASE}/atom.xml`);
  });

  it('serves JSON Feed 1.1', async () => {
    const res = await get('/feed.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const json = JSON.parse(res.body);
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items.map((i: { title: string }) => i.title)).toEqual([HOSTILE_CLEAN, 'Port strike ends', 'Caspian pipeline talks']);
    expect(json.items[2]).toMatchObject({
      id: `${BASE}/articles/caspian`,
      url: `${BASE}/articles/caspian`,
      summary: 'Talks resume.',
      date_published: '2026-02-01T10:00:00.000Z',
      tags: ['Analysis', 'Iran', 'Oil'],
      authors: [
        { name: 'Anna Petrova', url: `${BASE}/authors/anna` },
        { name: 'Boris Lee', url: `${BASE}/authors/boris` },
      ],
    });
    expect(json.items[2].content_html).toContain('<strong>pipeline</strong>');
  });

  it('gives each rubric, author and tag only its own articles', async () => {
    expect(rssTitles((await get('/rubric/analysis/feed.xml')).body)).toEqual([HOSTILE_CLEAN, 'Caspian pipeline talks']);
    expect(rssTitles((await get('/rubric/news/feed.xml')).body)).toEqual(['Port strike ends']);
    const atom = parseStrictXml((await get('/authors/carla/atom.xml')).body);
    expect(children(atom, 'entry').map((e) => textOf(child(e, 'title')))).toEqual(['Port strike ends']);
    expect(textOf(child(atom, 'title'))).toContain('Carla Diaz');
    const boris = JSON.parse((await get('/authors/boris/feed.json')).body);
    expect(boris.items.map((i: { id: string }) => i.id)).toEqual([`${BASE}/articles/caspian`]);
    expect(boris.feed_url).toBe(`${BASE}/authors/boris/feed.json`);
    expect(boris.home_page_url).toBe(`${BASE}/authors/boris`);
    // Drafts, future and scheduled pieces carry the tag too, and must stay out.
    expect(JSON.parse((await get('/tags/iran/feed.json')).body).items.map((i: { title: string }) => i.title)).toEqual([
      'Caspian pipeline talks',
    ]);
    expect(rssTitles((await get('/tags/oil/feed.xml')).body)).toEqual(['Port strike ends', 'Caspian pipeline talks']);
    const quiet = await get('/authors/dmitri/feed.xml');
    expect(quiet.statusCode).toBe(200);
    expect(rssItems(quiet.body)).toHaveLength(0);
  });

  it('names rubrics and tags in the edition’s language: the feed’s title and each entry’s categories', async () => {
    const db = app.ctx.db;
    const news = (await db.selectFrom('rubrics').select('id').where('slug', '=', 'news').executeTakeFirstOrThrow()).id;
    const oil = (await db.selectFrom('tags').select('id').where('slug', '=', 'oil').executeTakeFirstOrThrow()).id;
    await replaceManyTranslations(db, [
      { subject: 'rubric', id: news, translations: { ru: { name: 'Новости' } } },
      { subject: 'tag', id: oil, translations: { ru: { name: 'Нефть' } } },
    ]);
    const carla = (await db.selectFrom('authors').select('id').where('slug', '=', 'carla').executeTakeFirstOrThrow()).id;
    await makeArticle(db, {
      title: 'Забастовка в порту окончена',
      slug: 'zabastovka',
      language: 'ru',
      rubricId: news,
      authorIds: [carla],
      tagSlugs: ['Oil'],
      publishedAt: new Date('2026-02-11T10:00:00Z'),
    });
    app.ctx.contentChanged();
    const ru = await get('/ru/rubric/news/feed.xml');
    expect(ru.statusCode).toBe(200);
    const channel = child(parseStrictXml(ru.body), 'channel');
    expect(textOf(child(channel, 'title'))).toMatch(/^Новости/);
    const [item] = rssItems(ru.body);
    expect(children(item, 'category').map(textOf).sort()).toEqual(['Нефть', 'Новости']);
    const en = await get('/rubric/news/feed.xml');
    expect(textOf(child(child(parseStrictXml(en.body), 'channel'), 'title'))).toMatch(/^News/);
    expect(children(rssItems(en.body)[0], 'category').map(textOf).sort()).toEqual(['News', 'Oil']);
  });

  it('answers 404 for unknown rubrics, authors and tags', async () => {
    for (const url of ['/rubric/nope/feed.xml', '/authors/nope/atom.xml', '/tags/nope/feed.json', '/rubric/%3Cx%3E/atom.xml']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
    }
  });

  it('answers 304 to a reader that has the current feed', async () => {
    const first = await get('/atom.xml');
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await get('/atom.xml', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const since = await get('/feed.json', { 'if-modified-since': first.headers['last-modified'] as string });
    expect(since.statusCode).toBe(304);
    expect((await get('/atom.xml', { 'if-none-match': '"stale"' })).statusCode).toBe(200);
  });

  it('carries the latest 30 articles, reading them in a fixed number of queries', async () => {
    const anna = (await app.ctx.db.selectFrom('authors').select('id').where('slug', '=', 'anna').executeTakeFirstOrThrow()).id;
    const boris = (await app.ctx.db.selectFrom('authors').select('id').where('slug', '=', 'boris').executeTakeFirstOrThrow()).id;
    for (let n = 1; n <= 30; n++) {
      await makeArticle(app.ctx.db, {
        title: `Bulletin ${n}`,
        slug: `bulletin-${n}`,
        authorIds: [anna, boris],
        tagSlugs: ['Oil', `t${n}`],
        publishedAt: new Date(Date.UTC(2026, 1, 21, n)),
      });
    }
    queries.length = 0;
    const json = JSON.parse((await get('/feed.json')).body);
    expect(json.items).toHaveLength(30);
    expect(json.items[0].title).toBe('Bulletin 30');
    expect(json.items[29].title).toBe('Bulletin 1');
    expect(json.items[29].authors).toHaveLength(2);
    // Settings, the edition's translations (once per content change), articles, bylines, tags, corrections:
    // never one query per article.
    expect(queries.length).toBeGreaterThanOrEqual(3);
    expect(queries.length).toBeLessThanOrEqual(6);
  });

  it('lists every public page in the sitemap of its edition, under an index of one sitemap per edition', async () => {
    const index = await get('/sitemap.xml');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8');
    const idx = parseStrictXml(index.body);
    expect(idx.name).toBe('sitemapindex');
    expect(children(idx, 'sitemap').map((s) => textOf(child(s, 'loc')))).toEqual([
      `${BASE}/sitemap-en.xml`,
      `${BASE}/sitemap-ru.xml`,
      `${BASE}/sitemap-zh.xml`,
    ]);
    const res = await get('/sitemap-en.xml');
    expect(res.statusCode).toBe(200);
    const set = parseStrictXml(res.body);
    expect(set.name).toBe('urlset');
    const urls = children(set, 'url').map((u) => textOf(child(u, 'loc')));
    expect(urls).toEqual(
      expect.arrayContaining([
        `${BASE}/`,
        `${BASE}/archive`,
        `${BASE}/events`,
        `${BASE}/authors`,
        `${BASE}/articles/caspian`,
        `${BASE}/articles/port-strike`,
        `${BASE}/articles/hostile`,
        `${BASE}/rubric/analysis`,
        `${BASE}/rubric/news`,
        `${BASE}/authors/anna`,
        `${BASE}/authors/carla`,
        `${BASE}/tags/iran`,
        `${BASE}/tags/oil`,
        `${BASE}/events/almaty-forum`,
      ]),
    );
    for (const gone of ['secret-draft', 'future-piece', 'scheduled-piece', 'hidden-draft-event']) expect(res.body).not.toContain(gone);
    expect(new Set(urls).size).toBe(urls.length);
    const caspian = children(set, 'url').find((u) => textOf(child(u, 'loc')) === `${BASE}/articles/caspian`)!;
    expect(textOf(child(caspian, 'lastmod'))).toBe('2026-02-01T10:00:00.000Z');
    // An edition-wide page names the same page in every edition.
    expect(res.body).toContain(`<xhtml:link rel="alternate" hreflang="ru" href="${BASE}/ru/rubric/analysis"`);
    // The Russian edition has its own prefixed pages and none of the English articles.
    const ru = await get('/sitemap-ru.xml');
    expect(ru.body).toContain(`<loc>${BASE}/ru/archive</loc>`);
    expect(ru.body).not.toContain('/articles/caspian');
    expect((await get('/sitemap-en.xml', { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
    for (const bad of ['/sitemap-de.xml', '/sitemap-en-1.xml', '/sitemap-en-2.xml', '/sitemap-en-x.xml', '/sitemap-pages.xml'])
      expect((await get(bad)).statusCode).toBe(404);
  });

  it('gives an edition further sitemap files when its articles outgrow one', async () => {
    // A second server on the same context, with a page size of 2 instead of 10,000.
    const server = Fastify();
    registerFeedRoutes(server, app.ctx, { sitemapPageSize: 2 });
    await server.ready();
    try {
      const index = parseStrictXml((await server.inject('/sitemap.xml')).body);
      expect(index.name).toBe('sitemapindex');
      const locs = children(index, 'sitemap').map((s) => textOf(child(s, 'loc')));
      expect(locs).toEqual([`${BASE}/sitemap-en.xml`, `${BASE}/sitemap-en-2.xml`, `${BASE}/sitemap-ru.xml`, `${BASE}/sitemap-zh.xml`]);
      const locsOf = (n: XmlNode) => children(n, 'url').map((u) => textOf(child(u, 'loc')));
      const first = locsOf(parseStrictXml((await server.inject('/sitemap-en.xml')).body));
      const second = locsOf(parseStrictXml((await server.inject('/sitemap-en-2.xml')).body));
      expect(first).toContain(`${BASE}/events/almaty-forum`);
      expect(second).not.toContain(`${BASE}/events/almaty-forum`);
      expect([...first, ...second].filter((u) => u.includes('/articles/')).sort()).toEqual([
        `${BASE}/articles/caspian`,
        `${BASE}/articles/hostile`,
        `${BASE}/articles/port-strike`,
      ]);
      expect((await server.inject('/sitemap-en-3.xml')).statusCode).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('serves robots.txt', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toContain('Disallow: /admin\n');
    expect(res.body).toContain('Disallow: /search?\n');
    expect(res.body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});
