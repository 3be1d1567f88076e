import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import type { Db } from '../../platform/db.js';
import { insertEvent } from '../events/event-store.js';

const NOW = new Date('2026-03-01T12:00:00Z');

function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

/** A newsroom with three rubrics and n articles spread over them, every one with two authors. */
async function newsroom(db: Db, n: number, from = 1) {
  const a = await makeAuthor(db, { slug: `author-a-${from}`, name: `Author A${from}` });
  const b = await makeAuthor(db, { slug: `author-b-${from}`, name: `Author B${from}` });
  const rubrics =
    from === 1
      ? [
          await makeRubric(db, { slug: 'analysis', name: 'Analysis', position: 0 }),
          await makeRubric(db, { slug: 'news', name: 'News', position: 1 }),
          await makeRubric(db, { slug: 'opinion', name: 'Opinion', position: 2 }),
        ]
      : (await db.selectFrom('rubrics').select('id').orderBy('position').execute()).map((r) => r.id);
  for (let i = from; i < from + n; i++) {
    await makeArticle(db, {
      title: `Story ${i}`,
      slug: `story-${i}`,
      lead: `Lead of story ${i}.`,
      rubricId: rubrics[i % 3],
      authorIds: [a, b],
      tagSlugs: [`tag-${i % 4}`],
      publishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    });
  }
}

describe.each(DIALECTS)('home page on %s', (dialect) => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('shows the lead story, the latest list, a section per rubric and the upcoming event', async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const db = app.ctx.db;
    await newsroom(db, 14);
    await makeArticle(db, {
      title: 'Covered story',
      slug: 'covered',
      rubricId: null,
      coverUrl: '/media/cover.jpg',
      authorIds: [1],
      publishedAt: new Date('2026-01-01T00:10:30Z'),
    });
    await makeArticle(db, { title: 'Secret draft', slug: 'secret', authorIds: [1], status: 'draft' });
    await insertEvent(
      db,
      {
        slug: 'sochi-conference',
        title: 'Sochi connectivity conference',
        summary: '',
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
        termsMd: '',
        termsHtml: '',
      },
      NOW,
    );
    const res = await app.server.inject('/');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // The newest piece with a cover leads, even though two stories are newer.
    expect(html).toMatch(
      /<section class="home-lead"[^>]*><article class="teaser teaser-lead"><a class="teaser-cover" href="\/articles\/covered"[\s\S]*?<h2 class="teaser-title"><a href="\/articles\/covered">Covered story<\/a><\/h2>/,
    );
    const latest = html.slice(html.indexOf('home-latest-title'), html.indexOf('</section>', html.indexOf('home-latest-title')));
    expect([...latest.matchAll(/href="\/articles\/(story-\d+)"/g)].map((m) => m[1])).toEqual([
      'story-12',
      'story-11',
      'story-10',
      'story-9',
      'story-8',
      'story-7',
    ]);
    // The two newest after the lead sit under it with their standfirsts.
    const leadBlock = html.slice(html.indexOf('class="home-lead"'), html.indexOf('home-latest-title'));
    expect([...leadBlock.matchAll(/<h2 class="teaser-title"><a href="\/articles\/([a-z0-9-]+)"/g)].map((m) => m[1])).toEqual([
      'covered',
      'story-14',
      'story-13',
    ]);
    expect(leadBlock).toContain('Lead of story 14.');
    expect(latest).toContain('<span class="teaser-byline">Author A1 and Author B1</span>');
    expect(latest).toContain('<a class="kicker" href="/rubric/news">News</a>');
    // Rubric sections in menu order, four teasers each, with their "More in" link.
    const order = ['home-rubric-analysis', 'home-rubric-news', 'home-rubric-opinion'].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    const news = html.slice(order[1], order[2]);
    expect(news.match(/class="teaser /g)).toHaveLength(4);
    expect([...news.matchAll(/href="\/articles\/(story-\d+)"/g)].map((m) => m[1])).toEqual(['story-13', 'story-10', 'story-7', 'story-4']);
    expect(html).toContain('<a href="/rubric/news">More in News</a>');
    expect(html).toContain('<a href="/events/sochi-conference">Sochi connectivity conference</a>');
    expect(html).not.toContain('Secret draft');
    expect(jsonLd(html)[0]).toMatchObject({ '@type': 'WebSite', url: 'http://chancery.test/' });
    // The event shown was saved last, so it sets Last-Modified.
    expect(res.headers['last-modified']).toBe(NOW.toUTCString());
    const again = await app.server.inject({ url: '/', headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('says so when nothing is published', async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const res = await app.server.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Nothing has been published yet.');
  });

  it('issues the same number of queries for 5 articles as for 40', async () => {
    let queries = 0;
    app = await testApp(
      dialect,
      { pageCache: false },
      {
        clock: () => NOW,
        onQuery: () => {
          queries++;
        },
      },
    );
    await newsroom(app.ctx.db, 5);
    queries = 0;
    expect((await app.server.inject('/')).statusCode).toBe(200);
    const few = queries;
    await newsroom(app.ctx.db, 35, 6);
    queries = 0;
    const res = await app.server.inject('/');
    expect(res.body.match(/class="teaser /g)!.length).toBeGreaterThan(15);
    expect(queries).toBe(few);
    expect(few).toBeLessThanOrEqual(10);
  });
});
