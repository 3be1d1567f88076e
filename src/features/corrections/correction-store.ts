// Every query of article_corrections.
import type { Db } from '../../platform/db.js';
import { listParams, listSlots, prepared, preparedByShape, type Slots } from '../../platform/prepared.js';
import type { Correction, CorrectionKind, ListedCorrection } from './correction.js';

type Row = { id: number; article_id: number; kind: string; body: string; noted_at: string; created_at: string };

function rowToCorrection(r: Row): Correction {
  return {
    id: Number(r.id),
    articleId: Number(r.article_id),
    kind: r.kind as CorrectionKind,
    body: r.body,
    notedAt: r.noted_at,
    createdAt: r.created_at,
  };
}

const COLUMNS = ['id', 'article_id', 'kind', 'body', 'noted_at', 'created_at'] as const;

/** Appends a note to an article; returns its id. */
export async function insertCorrection(
  db: Db,
  c: { articleId: number; kind: CorrectionKind; body: string; notedAt: Date; userId: number | null; at: Date },
): Promise<number> {
  const r = await db
    .insertInto('article_corrections')
    .values({
      article_id: c.articleId,
      kind: c.kind,
      body: c.body,
      noted_at: c.notedAt.toISOString(),
      user_id: c.userId,
      created_at: c.at.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Removes one note of this article; returns whether there was one. */
export async function deleteCorrection(db: Db, articleId: number, id: number): Promise<Correction | undefined> {
  const found = await db
    .selectFrom('article_corrections')
    .select(COLUMNS)
    .where('article_id', '=', articleId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) return undefined;
  await db.deleteFrom('article_corrections').where('id', '=', id).execute();
  return rowToCorrection(found as Row);
}

// Asked on every article page that misses the cache.
const ofArticle = prepared((db, p: Slots<{ articleId: number }>) =>
  db.selectFrom('article_corrections').select(COLUMNS).where('article_id', '=', p.articleId).orderBy('noted_at').orderBy('id').limit(200),
);

/** An article's notes, the oldest first (as they read under the article). */
export async function listCorrections(db: Db, articleId: number): Promise<Correction[]> {
  return ((await ofArticle.all(db, { articleId })) as Row[]).map(rowToCorrection);
}

const ofArticles = preparedByShape((db, p: Slots<Record<string, number>>, n: number) =>
  db
    .selectFrom('article_corrections')
    .select(COLUMNS)
    .where(
      'article_id',
      'in',
      listSlots(n).map((k) => p[k]),
    )
    .orderBy('noted_at')
    .orderBy('id'),
);

/** The notes of several articles (a feed's), by article id. */
export async function listCorrectionsOf(db: Db, ids: number[]): Promise<Map<number, Correction[]>> {
  const out = new Map<number, Correction[]>();
  if (!ids.length) return out;
  for (const r of (await ofArticles(ids.length).all(db, listParams(ids))) as Row[]) {
    const c = rowToCorrection(r);
    out.set(c.articleId, [...(out.get(c.articleId) ?? []), c]);
  }
  return out;
}

/** The notes of published articles in this language, the newest first: the public corrections page. */
export async function listPublicCorrections(
  db: Db,
  f: { now: Date; language: string; limit: number; offset: number },
): Promise<{ items: ListedCorrection[]; total: number }> {
  const base = db
    .selectFrom('article_corrections as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .where('a.status', '=', 'published')
    .where('a.published_at', '<=', f.now.toISOString())
    .where('a.language', '=', f.language);
  const [rows, count] = await Promise.all([
    base
      .select(['c.id', 'c.article_id', 'c.kind', 'c.body', 'c.noted_at', 'c.created_at', 'a.slug', 'a.title', 'a.language'])
      .orderBy('c.noted_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...rowToCorrection(r as Row), article: { slug: r.slug, title: r.title, language: r.language } })),
    total: Number(count.n),
  };
}
