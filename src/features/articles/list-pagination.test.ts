// Deep list pages are read by keyset from their first article's (date, id): every page must hold exactly what
// the plain LIMIT/OFFSET query over the same filter returns, ties on equal dates included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import type { Db } from '../../platform/db.js';
import { createContentMemo } from '../../platform/content-memo.js';
import { listPublishedArticles, type PublishedFilter } from './article-store.js';

const NOW = new Date('2026-05-01T12:00:00Z');
// Five dates for 300 articles: long runs of equal timestamps, one of them "now" exactly, one in the future.
const DATES = [
  '2026-01-01T00:00:00.000Z',
  '2026-02-01T00:00:00.000Z',
  '2026-03-01T00:00:00.000Z',
  NOW.toISOString(),
  '2026-06-01T00:00:00.000Z',
];
const N = 300;

describe.each(DIALECTS)('list pages on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let rubrics: number[];
  let authors: number[];
  let tagId: number;

  beforeAll(async () => {
    ({ db, close } = await freshDb(dialect));
    rubrics = [await makeRubric(db, { slug: 'analysis' }), await makeRubric(db, { slug: 'news' })];
    authors = [await makeAuthor(db, { slug: 'anna' }), await makeAuthor(db, { slug: 'boris' })];
    for (let i = 0; i < N; i++) {
      await makeArticle(db, {
        title: `Piece ${i}`,
        slug: `piece-${i}`,
        authorIds: [authors[i % 2]],
        rubricId: rubrics[i % 3 === 0 ? 1 : 0],
        tagSlugs: i % 4 === 0 ? ['steppe'] : [],
        language: i % 7 === 0 ? 'ru' : 'en',
        publishedAt: new Date('2026-01-01T00:00:00Z'),
      });
    }
    // Dates written afterwards, in an order unrelated to the ids; some articles drafts or scheduled.
    const ids = (await db.selectFrom('articles').select('id').orderBy('id').execute()).map((r) => r.id);
    for (let k = 0; k < DATES.length; k++) {
      const group = ids.filter((_, i) => (i * 7 + 3) % DATES.length === k);
      await db.updateTable('articles').set({ published_at: DATES[k] }).where('id', 'in', group).execute();
    }
    const every = (n: number, from: number) => ids.filter((_, i) => i % n === from);
    await db.updateTable('articles').set({ status: 'draft' }).where('id', 'in', every(11, 5)).execute();
    await db.updateTable('articles').set({ status: 'scheduled' }).where('id', 'in', every(13, 2)).execute();
    tagId = (await db.selectFrom('tags').select('id').where('slug', '=', 'steppe').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => {
    await close();
  });

  /** The query list pages ran before: the same filter, LIMIT and OFFSET. */
  async function offsetPage(f: Omit<PublishedFilter, 'now'>, limit: number, offset: number, now = NOW): Promise<number[]> {
    let q = db.selectFrom('articles').select('id').where('status', '=', 'published').where('published_at', '<=', now.toISOString());
    if (f.rubricId !== undefined) q = q.where('rubric_id', '=', f.rubricId);
    if (f.language) q = q.where('language', '=', f.language);
    if (f.authorId !== undefined)
      q = q.where('id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', '=', f.authorId!));
    if (f.tagId !== undefined)
      q = q.where('id', 'in', (eb) => eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', f.tagId!));
    const rows = await q.orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return rows.map((r) => r.id);
  }

  const FILTERS: Omit<PublishedFilter, 'now'>[] = [
    {},
    { language: 'en' },
    { language: 'ru' },
    { rubricId: 0, language: 'en' },
    { rubricId: 1 },
    { authorId: 1, language: 'en' },
    { tagId: 0 },
    { tagId: 0, language: 'en' },
  ];
  // The fixture's ids, known once it is built.
  const resolve = (f: Omit<PublishedFilter, 'now'>) => ({
    ...f,
    rubricId: f.rubricId === undefined ? undefined : rubrics[f.rubricId],
    authorId: f.authorId === undefined ? undefined : authors[f.authorId],
    tagId: f.tagId === undefined ? undefined : tagId,
  });

  async function compareAll(opts: Parameters<typeof listPublishedArticles>[2], now = NOW): Promise<number> {
    let compared = 0;
    for (const raw of FILTERS) {
      const f = resolve(raw);
      for (const limit of [20, 7]) {
        for (let offset = 0; offset <= N; offset += limit === 20 ? 20 : 13) {
          const want = await offsetPage(f, limit, offset, now);
          const got = (await listPublishedArticles(db, { now, ...f, limit, offset }, opts)).map((a) => a.id);
          expect(got, `${JSON.stringify(f)} limit ${limit} offset ${offset}`).toEqual(want);
          compared += want.length;
          if (!want.length) break;
        }
      }
    }
    return compared;
  }

  it('holds on every page what LIMIT/OFFSET held, in the same order', async () => {
    const compared = await compareAll({});
    // The fixture is what the comparison needs: long pages of ties, and some excluded articles.
    expect(compared).toBeGreaterThan(1000);
    expect((await offsetPage({}, N, 0)).length).toBeLessThan(N * 0.7);
  });

  it('holds the same from checkpoints, also once scheduled articles come due and with a clock behind them', async () => {
    const memo = createContentMemo({ enabled: true });
    const opts = { memo, checkpointEvery: 16 };
    expect(await compareAll(opts)).toBeGreaterThan(1000);
    expect(memo.size()).toBe(FILTERS.length);
    // A month later the future articles are due: the checkpoints taken at NOW are shifted by their number.
    const later = new Date('2026-06-15T00:00:00Z');
    expect((await offsetPage({}, N, 0, later)).length).toBeGreaterThan((await offsetPage({}, N, 0)).length);
    await compareAll(opts, later);
    await compareAll(opts, new Date('2026-04-01T00:00:00Z'));
    expect(memo.size()).toBe(FILTERS.length);
  });

  it('is empty past the end', async () => {
    expect(await listPublishedArticles(db, { now: NOW, rubricId: rubrics[1], limit: 20, offset: N })).toEqual([]);
  });
});
