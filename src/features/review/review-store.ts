// Every query of article_reviews and review_notes (and the reviewers a review may be assigned to).
import type { Db } from '../../platform/db.js';
import type { ListedReview, Review, ReviewNote, ReviewState } from './review.js';

function reviews(db: Db) {
  return db
    .selectFrom('article_reviews as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .leftJoin('users as s', 's.id', 'r.submitted_by')
    .leftJoin('users as x', 'x.id', 'r.assignee_id')
    .select([
      'r.article_id',
      'r.state',
      'r.submitted_by',
      's.name as submitted_by_name',
      'r.assignee_id',
      'x.name as assignee_name',
      'r.submitted_at',
      'r.updated_at',
      'a.title',
    ]);
}

type Row = {
  article_id: number;
  state: string;
  submitted_by: number | null;
  submitted_by_name: string | null;
  assignee_id: number | null;
  assignee_name: string | null;
  submitted_at: string;
  updated_at: string;
  title: string;
};

function rowToReview(r: Row): ListedReview {
  return {
    articleId: Number(r.article_id),
    state: r.state as ReviewState,
    submittedBy: r.submitted_by === null ? null : Number(r.submitted_by),
    submittedByName: r.submitted_by_name,
    assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
    assigneeName: r.assignee_name,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    title: r.title,
  };
}

/** The review of this article, or undefined. */
export async function findReview(db: Db, articleId: number): Promise<Review | undefined> {
  const r = await reviews(db).where('r.article_id', '=', articleId).executeTakeFirst();
  return r && rowToReview(r as Row);
}

/** Starts or restarts a review: submitted now, keeping its assignee when it had one. */
export async function submitReview(db: Db, articleId: number, userId: number | null, at: Date): Promise<void> {
  const now = at.toISOString();
  await db
    .insertInto('article_reviews')
    .values({ article_id: articleId, state: 'submitted', submitted_by: userId, assignee_id: null, submitted_at: now, updated_at: now })
    .onConflict((oc) =>
      oc.column('article_id').doUpdateSet({ state: 'submitted', submitted_by: userId, submitted_at: now, updated_at: now }),
    )
    .execute();
}

/** Moves a review to another state. */
export async function setReviewState(db: Db, articleId: number, state: ReviewState, at: Date): Promise<void> {
  await db.updateTable('article_reviews').set({ state, updated_at: at.toISOString() }).where('article_id', '=', articleId).execute();
}

/** Marks a waiting review approved; false when it was not waiting (sent back or approved meanwhile). */
export async function closeSubmittedReview(db: Db, articleId: number, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('article_reviews')
    .set({ state: 'approved', updated_at: at.toISOString() })
    .where('article_id', '=', articleId)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Gives a review to a reviewer. */
export async function setReviewAssignee(db: Db, articleId: number, assigneeId: number, at: Date): Promise<void> {
  await db
    .updateTable('article_reviews')
    .set({ assignee_id: assigneeId, updated_at: at.toISOString() })
    .where('article_id', '=', articleId)
    .execute();
}

/** Drafts waiting for an editor, the longest waiting first (articles that went out another way are left out). */
export async function listReviewQueue(db: Db, opts: { assigneeId?: number; limit: number }): Promise<ListedReview[]> {
  let q = reviews(db).where('r.state', '=', 'submitted').where('a.status', '=', 'draft');
  if (opts.assigneeId !== undefined) q = q.where('r.assignee_id', '=', opts.assigneeId);
  return ((await q.orderBy('r.submitted_at').orderBy('r.article_id').limit(opts.limit).execute()) as Row[]).map(rowToReview);
}

/** Drafts sent back to this author, the newest first. */
export async function listSentBack(db: Db, userId: number, limit: number): Promise<ListedReview[]> {
  return (
    (await reviews(db)
      .where('r.state', '=', 'sent_back')
      .where('r.submitted_by', '=', userId)
      .where('a.status', '=', 'draft')
      .orderBy('r.updated_at', 'desc')
      .limit(limit)
      .execute()) as Row[]
  ).map(rowToReview);
}

/** Staff who may review: editors and admins whose accounts are active, by name. */
export async function listReviewers(db: Db): Promise<{ id: number; name: string; email: string }[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('role', 'in', ['editor', 'admin'])
    .where('disabled', '=', 0)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** One user's address and name (the recipient of a review mail), or undefined. */
export async function findRecipient(
  db: Db,
  userId: number,
): Promise<{ id: number; name: string; email: string; role: string } | undefined> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('id', '=', userId)
    .where('disabled', '=', 0)
    .executeTakeFirst();
}

/** Adds a note; returns its id. */
export async function insertNote(
  db: Db,
  n: { articleId: number; parentId: number | null; userId: number | null; body: string; at: Date },
): Promise<number> {
  const r = await db
    .insertInto('review_notes')
    .values({ article_id: n.articleId, parent_id: n.parentId, user_id: n.userId, body: n.body, created_at: n.at.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** An article's notes, in the order they were written. */
export async function listNotes(db: Db, articleId: number): Promise<ReviewNote[]> {
  const rows = await db
    .selectFrom('review_notes as n')
    .leftJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.id', 'n.article_id', 'n.parent_id', 'n.user_id', 'u.name as user_name', 'n.body', 'n.created_at'])
    .where('n.article_id', '=', articleId)
    .orderBy('n.id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    articleId: Number(r.article_id),
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    userId: r.user_id === null ? null : Number(r.user_id),
    userName: r.user_name,
    body: r.body,
    createdAt: r.created_at,
  }));
}

/** True when this article has a note with this id. */
export async function noteExists(db: Db, articleId: number, id: number): Promise<boolean> {
  return (
    (await db.selectFrom('review_notes').select('id').where('article_id', '=', articleId).where('id', '=', id).executeTakeFirst()) !==
    undefined
  );
}

/** Whether review is required (the default) before an author's draft goes out. */
export async function reviewRequired(db: Db): Promise<boolean> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', 'review.required').executeTakeFirst();
  return r?.value !== '0';
}

/** Turns the review requirement on or off. */
export async function setReviewRequired(db: Db, required: boolean): Promise<void> {
  const value = required ? '1' : '0';
  await db
    .insertInto('settings')
    .values({ key: 'review.required', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
