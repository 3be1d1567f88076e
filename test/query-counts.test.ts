// Queries per public page stay the same whatever the archive holds: no query per article, author, tag or comment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './db.js';
import { testApp, type TestApp } from './app.js';
import { makeArticle, makeAuthor, makeRubric } from './factories.js';

const PAGES = [
  '/articles/piece-2',
  '/',
  '/rubric/analysis',
  '/tags/kazakhstan',
  '/authors/writer-1',
  '/feed.xml',
  '/search?q=railway',
  '/search?q=railway%20summit',
  '/sitemap-en.xml',
];

describe.each(DIALECTS)('queries per page (%s)', (dialect) => {
  let app: TestApp;
  let queries = 0;
  let made = 0;
  let authors: number[] = [];
  let rubric = 0;

  beforeAll(async () => {
    app = await testApp(
      dialect,
      { pageCache: false },
      {
        onQuery: () => {
          queries++;
        },
      },
    );
    rubric = await makeRubric(app.ctx.db, { slug: 'analysis', name: 'Analysis' });
    authors = [
      await makeAuthor(app.ctx.db, { slug: 'writer-1', name: 'Writer One' }),
      await makeAuthor(app.ctx.db, { slug: 'writer-2', name: 'Writer Two' }),
    ];
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  /** Adds articles up to `n`, each with two authors, two tags and the rubric, published a day apart. */
  async function grow(n: number) {
    for (; made < n; made++) {
      await makeArticle(app.ctx.db, {
        title: `Piece ${made}`,
        slug: `piece-${made}`,
        authorIds: made % 2 ? authors : [authors[0]],
        rubricId: rubric,
        tagSlugs: ['kazakhstan', made % 3 ? 'railway' : 'summit'],
        lead: 'A railway summit.',
        bodyMd: `The railway summit, part ${made}.\n\nMore on the summit.`,
        publishedAt: new Date(Date.UTC(2026, 0, 1) + made * 86_400_000),
      });
    }
  }

  async function count(url: string): Promise<number> {
    queries = 0;
    const r = await app.server.inject(url);
    expect(r.statusCode, url).toBe(200);
    return queries;
  }

  async function countAll(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const p of PAGES) out[p] = await count(p); // one at a time: the counter is shared
    return out;
  }

  it('runs as many queries per page with 60 articles as with 5', async () => {
    await grow(5);
    const small = await countAll();
    await grow(60);
    const large = await countAll();
    expect(large).toEqual(small);
    // A ceiling, so a page does not quietly grow a dozen queries at once.
    for (const p of PAGES) expect(small[p], p).toBeLessThanOrEqual(20);
  }, 120_000);
});
