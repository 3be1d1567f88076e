// Every query the hot public pages run is planned by SQLite with an index: a plan that walks a whole
// large table (`SCAN articles`) works on a demo and falls over on a 100,000-article archive.
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './app.js';
import { makeArticle, makeAuthor, makeRubric } from './factories.js';

/** Tables that grow with the archive; small ones (rubrics, settings, authors) may be scanned. */
const LARGE = [
  'articles',
  'article_tags',
  'article_authors',
  'comments',
  'facts',
  'fact_entities',
  'article_entities',
  'users',
  'sessions',
  'jobs',
  'registrations',
];

const PAGES = [
  '/articles/piece-3',
  '/',
  '/rubric/analysis',
  '/rubric/analysis?page=2',
  '/tags/kazakhstan',
  '/authors/writer-1',
  '/archive?page=2',
  '/feed.xml',
  '/sitemap.xml',
  '/sitemap-en.xml',
  '/search?q=railway',
  '/ru/',
  '/ru/rubric/analysis?page=2',
  '/ru/search?q=саммит',
  '/search?q=railway%20summit',
  '/search?q=%D1%81%D0%B0%D0%BC%D0%BC%D0%B8%D1%82',
  '/api/v1/articles',
  '/api/v1/articles?rubric=analysis&limit=5',
  '/api/v1/articles?updated_since=2026-01-10T00:00:00Z',
  '/api/v1/articles/3',
  '/api/v1/facts',
  '/api/v1/facts?entity=country:KZ',
  '/api/v1/facts?pair=country:KZ,country:CN&type=visit',
];

describe('query plans of the hot pages (SQLite)', () => {
  let app: TestApp;
  const seen = new Set<string>();

  beforeAll(async () => {
    app = await testApp(
      'sqlite',
      { pageCache: false },
      {
        onQuery: (q) => {
          seen.add(q);
        },
      },
    );
    const db = app.ctx.db;
    const rubric = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
    const author = await makeAuthor(db, { slug: 'writer-1', name: 'Writer One' });
    // Half in English (the root edition), half in Russian (/ru/): more than a page of each.
    for (let i = 0; i < 46; i++) {
      await makeArticle(db, {
        title: `Piece ${i}`,
        slug: `piece-${i}`,
        authorIds: [author],
        rubricId: rubric,
        tagSlugs: ['kazakhstan', 'railway'],
        lead: 'A railway summit.',
        bodyMd: i % 2 ? 'The railway summit.' : 'Стороны обсудили саммит.',
        language: i % 2 ? 'en' : 'ru',
        publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000),
      });
    }
    seen.clear();
    for (const p of PAGES) expect((await app.server.inject(p)).statusCode, p).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  async function plan(text: string): Promise<string[]> {
    // The plan does not depend on the values, only on the statement: bind nulls.
    const params = Array.from({ length: (text.match(/\?/g) ?? []).length }, () => null);
    const r = await app.ctx.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${text}`, params));
    return r.rows.map((row) => row.detail);
  }

  it('never scans a large table', async () => {
    const selects = [...seen].filter((q) => /^\s*(select|with)\b/i.test(q));
    expect(selects.length).toBeGreaterThan(20);
    const scans: string[] = [];
    for (const q of selects) {
      for (const d of await plan(q)) {
        const m = /^SCAN (\w+)/.exec(d);
        // "SCAN a" may be an alias: resolve it from the statement.
        const table = m && (new RegExp(`"?(\\w+)"?\\s+as\\s+"?${m[1]}"?\\b`, 'i').exec(q)?.[1] ?? m[1]);
        if (table && LARGE.includes(table)) scans.push(`${d}\n    in: ${q.slice(0, 300)}`);
      }
    }
    expect(scans).toEqual([]);
  });

  it("reads the newest change and each rubric's newest articles from an index end", async () => {
    const latest = [...seen].find((q) => /select "updated_at" from "articles"/.test(q) && /limit \?/.test(q));
    expect(latest).toBeDefined();
    expect((await plan(latest!)).join(' | ')).toMatch(/articles_status_updated_idx/);
    const perRubric = [...seen].find((q) => /from "rubrics" inner join "articles"/.test(q));
    expect(perRubric).toBeDefined();
    expect((await plan(perRubric!)).join(' | ')).toMatch(/articles_rubric_status_published_idx/);
  });

  it('reads a thread page in time order from an index and stops at the page', async () => {
    const page = [...seen].find(
      (q) => /from "comments" left join "users"/.test(q) && /"comments"."parent_id" is null/.test(q) && /limit (\?|\d+)/.test(q),
    );
    expect(page).toBeDefined();
    const steps = (await plan(page!)).join(' | ');
    expect(steps).toMatch(/comments_article_parent_created_idx/);
    // Sorting would mean reading every comment of the article first (a 10,000-comment thread took 2.8 ms).
    expect(steps).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});
