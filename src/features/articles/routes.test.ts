import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { insertEvent } from '../events/event-store.js';
import { insertTag } from '../tags/tag-store.js';
import { createPublishingService } from './publishing-service.js';
import { articleSearchIndex } from '../search/search-index-store.js';
import type { ArticleInput } from './article.js';
import { findArticleById } from './article-store.js';

const NOW = new Date('2026-03-01T12:00:00Z');

/** The parsed JSON-LD blocks of a page. */
function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

describe.each(DIALECTS)('article pages on %s', (dialect) => {
  let app: TestApp;
  let saenko: number;
  let bekova: number;
  let rubricId: number;

  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const db = app.ctx.db;
    saenko = await makeAuthor(db, { slug: 'sergey-saenko', name: 'Sergey Saenko', title: 'International Observer' });
    bekova = await makeAuthor(db, { slug: 'aigerim-bekova', name: 'Aigerim Bekova', title: 'Senior Analyst' });
    rubricId = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
    await insertTag(db, { slug: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country' });
    await insertTag(db, { slug: 'sco', name: 'SCO', type: 'organisation' });
    await makeArticle(db, {
      title: 'Bishkek and Beijing deepen their partnership',
      slug: 'bishkek-beijing',
      authorIds: [saenko, bekova],
      rubricId,
      lead: 'A state visit produced a joint statement and twenty agreements.',
      tagSlugs: ['kyrgyzstan', 'sco'],
      bodyMd: '## The railway\n\nThe line will cross the **Torugart** pass.\n\n> A quoted official.\n',
      coverUrl: '/media/railway.jpg',
      coverCaption: 'The Torugart pass in winter',
      coverCredit: 'Desk archive',
      publishedAt: new Date('2026-02-10T09:00:00Z'),
    });
  });
  afterEach(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) => app.server.inject({ method: 'GET', url, headers });

  it('shows a published article with kicker, lead, dates, authors, cover, body, byline, tags and comments', async () => {
    const res = await get('/articles/bishkek-beijing');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<a class="kicker" href="/rubric/analysis">Analysis</a>');
    expect(html).toMatch(/<h1 id="article-title" lang="en">Bishkek and Beijing deepen their partnership<\/h1>/);
    expect(html).toContain('<p class="article-lead" lang="en">A state visit produced a joint statement and twenty agreements.</p>');
    expect(html).toContain('<time datetime="2026-02-10T09:00:00.000Z">10 February 2026</time>');
    expect(html).not.toContain('article-updated');
    expect(html).toContain('1 min read');
    expect(html).toMatch(
      /By <a href="\/authors\/sergey-saenko" rel="author">Sergey Saenko<\/a> and <a href="\/authors\/aigerim-bekova" rel="author">Aigerim Bekova<\/a>/,
    );
    expect(html).toContain('<img src="/media/railway.jpg"');
    expect(html).toContain('The Torugart pass in winter');
    expect(html).toContain('Photo: Desk archive');
    expect(html).toMatch(/<div class="article-body" lang="en"><h2[^>]*>The railway<\/h2>/);
    expect(html).toContain('<strong>Torugart</strong>');
    // The closing byline in the reference page's form, one line per author.
    expect(html).toContain(
      '<p class="byline-author"><a href="/authors/sergey-saenko" rel="author">Sergey Saenko</a>, International Observer</p>',
    );
    expect(html).toContain(
      '<p class="byline-author"><a href="/authors/aigerim-bekova" rel="author">Aigerim Bekova</a>, Senior Analyst</p>',
    );
    expect(html).toContain('<a href="/tags/kyrgyzstan"><span class="tag-type">Country</span> Kyrgyzstan</a>');
    expect(html).toContain('<a href="/tags/sco"><span class="tag-type">Organisation</span> SCO</a>');
    expect(html).toContain(
      '<section id="comments" class="comments" aria-labelledby="comments-title"><h2 id="comments-title">Comments <span class="comment-count" data-count="0">0</span></h2>',
    );
    expect(html).toContain('No comments yet.');
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain('<meta property="og:image" content="http://chancery.test/media/railway.jpg"/>');
    expect(html).toContain('<meta property="article:published_time" content="2026-02-10T09:00:00.000Z"/>');
    expect(html).toContain('aria-current="page">Analysis</a>');
  });

  it('carries NewsArticle JSON-LD with every author as a Person', async () => {
    const ld = jsonLd((await get('/articles/bishkek-beijing')).body);
    const article = ld.find((o) => o['@type'] === 'NewsArticle');
    expect(article).toMatchObject({
      headline: 'Bishkek and Beijing deepen their partnership',
      datePublished: '2026-02-10T09:00:00.000Z',
      dateModified: '2026-02-10T09:00:00.000Z',
      inLanguage: 'en',
      articleSection: 'Analysis',
      keywords: ['Kyrgyzstan', 'SCO'],
      image: ['http://chancery.test/media/railway.jpg'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'http://chancery.test/articles/bishkek-beijing' },
      publisher: { '@type': 'Organization', name: 'Chancery' },
    });
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Sergey Saenko', jobTitle: 'International Observer', url: 'http://chancery.test/authors/sergey-saenko' },
      { '@type': 'Person', name: 'Aigerim Bekova', jobTitle: 'Senior Analyst', url: 'http://chancery.test/authors/aigerim-bekova' },
    ]);
  });

  it('escapes a headline that tries to close the JSON-LD script', async () => {
    await makeArticle(app.ctx.db, { title: 'Trick </script><script>alert(1)</script>', slug: 'trick', authorIds: [saenko] });
    const html = (await get('/articles/trick')).body;
    expect(html).not.toContain('<script>alert(1)');
    expect(jsonLd(html)[0].headline).toBe('Trick </script><script>alert(1)</script>');
  });

  it('marks a Russian article with lang="ru"', async () => {
    await makeArticle(app.ctx.db, {
      title: 'Бишкек и Пекин',
      slug: 'bishkek-pekin',
      language: 'ru',
      bodyMd: 'Текст статьи.',
      authorIds: [saenko],
    });
    const html = (await get('/articles/bishkek-pekin')).body;
    expect(html).toContain('<h1 id="article-title" lang="ru">Бишкек и Пекин</h1>');
    expect(html).toContain('<div class="article-body" lang="ru"><p>Текст статьи.</p>');
    expect(jsonLd(html)[0].inLanguage).toBe('ru');
  });

  it('answers 404 for unknown slugs, drafts and scheduled articles', async () => {
    const db = app.ctx.db;
    await makeArticle(db, { title: 'A draft', slug: 'a-draft', authorIds: [saenko], status: 'draft' });
    const svc = createPublishingService({ index: articleSearchIndex, db, clock: () => NOW, contentChanged: () => undefined });
    const input: ArticleInput = {
      title: 'Tomorrow',
      slug: 'tomorrow',
      lead: '',
      bodyMd: '',
      language: 'en',
      rubricId: null,
      authorIds: [saenko],
      tagSlugs: [],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on',
    };
    await svc.save({ id: null, role: 'admin' }, input, { action: 'schedule', scheduleAt: new Date('2026-03-02T08:00:00Z') });
    for (const url of ['/articles/no-such-thing', '/articles/a-draft', '/articles/tomorrow']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Page not found');
    }
  });

  it('answers 304 to a current validator and sends Last-Modified from the article', async () => {
    const first = await get('/articles/bishkek-beijing');
    expect(first.headers['last-modified']).toBe(new Date('2026-02-10T09:00:00Z').toUTCString());
    const etag = String(first.headers.etag);
    const again = await get('/articles/bishkek-beijing', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('shows "Updated" with the time of the last substantive change, not of a minor edit', async () => {
    const db = app.ctx.db;
    const id = await makeArticle(db, {
      title: 'Edited later',
      slug: 'edited-later',
      authorIds: [saenko],
      publishedAt: new Date('2026-02-01T09:00:00Z'),
    });
    const svc = createPublishingService({
      index: articleSearchIndex,
      db,
      clock: () => new Date('2026-02-03T15:00:00Z'),
      contentChanged: () => undefined,
    });
    await svc.save(
      { id: null, role: 'admin' },
      {
        title: 'Edited later',
        slug: 'edited-later',
        lead: '',
        bodyMd: 'Corrected.',
        language: 'en',
        rubricId: null,
        authorIds: [saenko],
        tagSlugs: [],
        coverUrl: '',
        coverCaption: '',
        coverCredit: '',
        commentsMode: 'on',
      },
      { id, action: 'publish' },
    );
    const html = (await get('/articles/edited-later')).body;
    expect(html).toMatch(/Updated <time datetime="2026-02-03T15:00:00.000Z">3 February 2026[^<]*15:00[^<]*<\/time>/);
    expect(html).toContain('Published <time datetime="2026-02-01T09:00:00.000Z">1 February 2026</time>');
    expect(html).toContain('"dateModified":"2026-02-03T15:00:00.000Z"');
    // A later minor edit (a typo) and a save that changes only tags keep the time of the substantive change.
    const later = createPublishingService({
      index: articleSearchIndex,
      db,
      clock: () => new Date('2026-02-05T08:00:00Z'),
      contentChanged: () => undefined,
    });
    const input = {
      title: 'Edited later',
      slug: 'edited-later',
      lead: '',
      bodyMd: 'Corrected!',
      language: 'en' as const,
      rubricId: null,
      authorIds: [saenko],
      tagSlugs: [],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on' as const,
    };
    await later.save({ id: null, role: 'admin' }, input, { id, action: 'publish', minor: true });
    await later.save({ id: null, role: 'admin' }, { ...input, tagSlugs: ['water'] }, { id, action: 'publish' });
    expect((await findArticleById(db, id))!.revisedAt).toBe('2026-02-03T15:00:00.000Z');
    await later.save({ id: null, role: 'admin' }, { ...input, title: 'Edited much later' }, { id, action: 'publish' });
    expect((await findArticleById(db, id))!.revisedAt).toBe('2026-02-05T08:00:00.000Z');
  });

  it('follows the comments mode: closed and off', async () => {
    await makeArticle(app.ctx.db, { title: 'Closed one', slug: 'closed-one', authorIds: [saenko], commentsMode: 'closed' });
    await makeArticle(app.ctx.db, { title: 'Quiet one', slug: 'quiet-one', authorIds: [saenko], commentsMode: 'off' });
    const closed = (await get('/articles/closed-one')).body;
    expect(closed).toContain('Comments <span class="comment-count" data-count="0">0</span>');
    expect(closed).toContain('Comments are closed.');
    expect(closed).not.toContain('No comments yet.');
    const off = (await get('/articles/quiet-one')).body;
    expect(off).toContain(
      '<section id="comments" class="comments comments-off"><p class="comments-note">Comments are turned off for this article.</p></section>',
    );
    expect(off).not.toContain('comments-title');
  });

  it('shows the linked event and related articles', async () => {
    const db = app.ctx.db;
    await makeArticle(db, {
      title: 'Another Kyrgyz story',
      slug: 'another',
      authorIds: [bekova],
      tagSlugs: ['kyrgyzstan'],
      publishedAt: new Date('2026-02-12T09:00:00Z'),
    });
    await insertEvent(
      db,
      {
        slug: 'eurasia-conference',
        title: 'Eurasia connectivity conference',
        summary: 'Corridors and trade.',
        programmeMd: '',
        programmeHtml: '',
        venueName: 'Radisson Lazurnaya',
        venueAddress: '103 Kurortniy Prospekt',
        venueCity: 'Sochi',
        venueCountry: 'RU',
        lat: null,
        lon: null,
        timezone: 'Europe/Moscow',
        startsAt: null,
        endsAt: null,
        onlineUrl: '',
        language: 'en',
        status: 'published',
        statusNote: '',
        termsMd: 'Register first.',
        termsHtml: '<p>Register first.</p>',
      },
      NOW,
    );
    const html = (await get('/articles/bishkek-beijing')).body;
    expect(html).toContain('class="event-block"');
    expect(html).toContain('<a href="/events/eurasia-conference">Eurasia connectivity conference</a>');
    expect(html).toContain('103 Kurortniy Prospekt, Sochi, Russia');
    expect(html).toMatch(
      /<section class="related" aria-labelledby="related-title">[\s\S]*<a href="\/articles\/another">Another Kyrgyz story<\/a>/,
    );
    // Events block before related articles, comments last, as on the reference page.
    expect(html.indexOf('event-block')).toBeLessThan(html.indexOf('related-title'));
    expect(html.indexOf('related-title')).toBeLessThan(html.indexOf('id="comments"'));
  });
});

describe.each(DIALECTS)('archive on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const author = await makeAuthor(app.ctx.db, { slug: 'marina-orlova', name: 'Marina Orlova' });
    for (let i = 1; i <= 23; i++) {
      await makeArticle(app.ctx.db, {
        title: `Dispatch ${i}`,
        slug: `dispatch-${i}`,
        authorIds: [author],
        publishedAt: new Date(Date.UTC(2026, 0, i, 8)),
      });
    }
    await makeArticle(app.ctx.db, { title: 'Unfinished', slug: 'unfinished', authorIds: [author], status: 'draft' });
  });
  afterEach(() => app.close());

  it('pages twenty at a time, newest first, and 404s past the last page', async () => {
    const one = await app.server.inject('/archive');
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('23 articles');
    expect(one.body.match(/class="teaser /g)).toHaveLength(20);
    expect(one.body.indexOf('Dispatch 23<')).toBeLessThan(one.body.indexOf('Dispatch 22<'));
    expect(one.body).toContain('<a rel="next" href="/archive?page=2">');
    expect(one.body).not.toContain('Unfinished');
    const two = await app.server.inject('/archive?page=2');
    expect(two.body.match(/class="teaser /g)).toHaveLength(3);
    expect(two.body).toContain('Dispatch 1<');
    expect(two.body).toContain('<a rel="prev" href="/archive">');
    expect((await app.server.inject('/archive?page=3')).statusCode).toBe(404);
    // Nonsense page numbers fall back to the first page.
    const bad = await app.server.inject('/archive?page=abc');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Dispatch 23<');
  });
});
