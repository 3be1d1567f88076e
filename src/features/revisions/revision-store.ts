// Every query of article_revisions.
import type { Db } from '../../platform/db.js';
import type { ArticleInput } from '../articles/article.js';
import { type Revision, sameInput } from './revision.js';

type Row = { id: number; article_id: number; user_id: number | null; created_at: string; snapshot: string; user_name: string | null };

function rowToRevision(r: Row): Revision {
  return {
    id: Number(r.id),
    articleId: Number(r.article_id),
    userId: r.user_id === null ? null : Number(r.user_id),
    userName: r.user_name,
    createdAt: r.created_at,
    input: JSON.parse(r.snapshot) as ArticleInput,
  };
}

function selectRevisions(db: Db) {
  return db
    .selectFrom('article_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.article_id', 'r.user_id', 'r.created_at', 'r.snapshot', 'u.name as user_name']);
}

/** Keeps this save as a revision, unless it holds exactly what the latest one does; returns whether it kept it. */
export async function recordRevision(
  db: Db,
  r: { articleId: number; userId: number | null; input: ArticleInput; at: Date },
): Promise<boolean> {
  const latest = await selectRevisions(db).where('r.article_id', '=', r.articleId).orderBy('r.id', 'desc').limit(1).executeTakeFirst();
  if (latest && sameInput(rowToRevision(latest as Row).input, r.input)) return false;
  await db
    .insertInto('article_revisions')
    .values({ article_id: r.articleId, user_id: r.userId, created_at: r.at.toISOString(), snapshot: JSON.stringify(r.input) })
    .execute();
  return true;
}

/** The revision log the publishing service writes in each save's transaction. */
export const revisionLog = { record: recordRevision };

/** An article's revisions, the newest first. */
export async function listRevisions(db: Db, articleId: number): Promise<Revision[]> {
  return ((await selectRevisions(db).where('r.article_id', '=', articleId).orderBy('r.id', 'desc').limit(500).execute()) as Row[]).map(
    rowToRevision,
  );
}

/** One revision of this article, or undefined. */
export async function findRevision(db: Db, articleId: number, id: number): Promise<Revision | undefined> {
  const r = await selectRevisions(db).where('r.article_id', '=', articleId).where('r.id', '=', id).executeTakeFirst();
  return r && rowToRevision(r as Row);
}
