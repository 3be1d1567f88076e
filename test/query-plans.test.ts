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
    const steps = (await plan(perRubric!)).join(' | ');
    // Either rubric index reads from its end; the edition's language may be part of it.
    expect(steps).toMatch(/articles_rubric_(language_)?(status_)?published_idx/);
    expect(steps).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  // Almost every article is its own group (translation_group null): counted with the nulls, that column looked
  // useless to the planner, which walked every published article (a skip-scan of the rubric index) instead.
  it("finds an article's translations through the group index once statistics say most have none", async () => {
    const q = [...seen].find((x) => /coalesce\("a"."translation_group"/.test(x));
    expect(q).toBeDefined();
    await app.ctx.db.executeQuery(CompiledQuery.raw('analyze'));
    // With a real date: SQLite consults its samples of status and published_at for a bound value.
    const r = await app.ctx.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q}`, [3, 3, '2100-01-01']));
    const steps = r.rows.map((row) => row.detail).join(' | ');
    expect(steps).toMatch(/articles_translation_group_idx/);
    expect(steps).not.toMatch(/ANY\(|SCAN/);
  });

  // An edition lists its own language: with the language in the index, the rows OFFSET skips on the way to a deep
  // page are skipped in the index, without reading each article's row to check its language.
  it("pages an edition's rubric and archive through indexes that hold the language", async () => {
    const lists = [...seen].filter(
      (q) => /"articles"."language" = /.test(q) && /offset/i.test(q) && !/"article_tags"|"article_authors"/.test(q),
    );
    const rubric = lists.find((q) => /"articles"."rubric_id" = /.test(q));
    const archive = lists.find((q) => !/"articles"."rubric_id" = /.test(q));
    expect(rubric).toBeDefined();
    expect(archive).toBeDefined();
    await app.ctx.db.executeQuery(CompiledQuery.raw('analyze'));
    const explain = async (q: string) =>
      (
        await app.ctx.db.executeQuery<{ detail: string }>(
          CompiledQuery.raw(
            `explain query plan ${q}`,
            q
              .split('?')
              .slice(1)
              .map((_, i) => (i === 0 && /rubric_id/.test(q) ? 1 : '2100-01-01')),
          ),
        )
      ).rows
        .map((r) => r.detail)
        .join(' | ');
    expect(await explain(rubric!)).toMatch(/articles_rubric_language_published_idx \(rubric_id=\? AND status=\? AND language=\?/);
    expect(await explain(archive!)).toMatch(/articles_language_published_idx \(status=\? AND language=\?/);
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
