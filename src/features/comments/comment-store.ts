// Comments in the database: the thread, counts, likes, reports, bans and the moderation queues.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db.js';
import { listParams, listSlots, prepared, preparedByShape, type Slots } from '../../platform/prepared.js';
import type { DB } from '../../platform/schema.js';
import type { Role } from '../../platform/session.js';
import { THREAD_PAGE, type Comment, type CommentStatus, type ThreadItem, type ThreadOrder } from './comment.js';

const COLUMNS = [
  'comments.id',
  'comments.article_id',
  'comments.user_id',
  'comments.parent_id',
  'comments.reply_to_user_id',
  'comments.reply_to_name',
  'comments.body',
  'comments.status',
  'comments.reject_reason',
  'comments.featured',
  'comments.edited_at',
  'comments.created_at',
  'comments.updated_at',
  'comments.likes_count',
  'comments.reports_open',
] as const;

type Row = {
  id: number;
  article_id: number;
  user_id: number | null;
  parent_id: number | null;
  reply_to_user_id: number | null;
  reply_to_name: string;
  body: string;
  status: CommentStatus;
  reject_reason: string;
  featured: number;
  edited_at: string | null;
  created_at: string;
  updated_at: string;
  likes_count: number;
  reports_open: number;
  author_name: string | null;
  author_deleted_at: string | null;
};

function rowToComment(r: Row): Comment {
  const gone = r.user_id === null || r.author_deleted_at !== null;
  return {
    id: r.id,
    articleId: r.article_id,
    userId: r.user_id,
    authorName: gone ? '' : (r.author_name ?? ''),
    authorDeleted: gone,
    parentId: r.parent_id,
    replyToUserId: r.reply_to_user_id,
    replyToName: r.reply_to_name,
    body: r.body,
    status: r.status,
    rejectReason: r.reject_reason,
    featured: Boolean(Number(r.featured)),
    editedAt: r.edited_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    likesCount: Number(r.likes_count),
    reportsOpen: Number(r.reports_open),
  };
}

function selectComments(db: Db) {
  return db
    .selectFrom('comments')
    .leftJoin('users', 'users.id', 'comments.user_id')
    .select([...COLUMNS, 'users.name as author_name', 'users.deleted_at as author_deleted_at']);
}

export interface NewComment {
  articleId: number;
  userId: number;
  parentId: number | null;
  replyToUserId: number | null;
  replyToName: string;
  body: string;
  status: CommentStatus;
  rejectReason: string;
  now: Date;
}

/** Stores a comment; returns its id. */
export async function insertComment(db: Db, c: NewComment): Promise<number> {
  const at = c.now.toISOString();
  const r = await db
    .insertInto('comments')
    .values({
      article_id: c.articleId,
      user_id: c.userId,
      parent_id: c.parentId,
      reply_to_user_id: c.replyToUserId,
      reply_to_name: c.replyToName,
      body: c.body,
      status: c.status,
      reject_reason: c.rejectReason,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Stores a comment and returns it as read back, named after its author (saves a second read on the posting path). */
export async function insertCommentReturning(db: Db, c: NewComment, author: { name: string; deletedAt: string | null }): Promise<Comment> {
  const at = c.now.toISOString();
  const r = await db
    .insertInto('comments')
    .values({
      article_id: c.articleId,
      user_id: c.userId,
      parent_id: c.parentId,
      reply_to_user_id: c.replyToUserId,
      reply_to_name: c.replyToName,
      body: c.body,
      status: c.status,
      reject_reason: c.rejectReason,
      created_at: at,
      updated_at: at,
    })
    .returning(COLUMNS.map((k) => k.slice('comments.'.length) as StripTable<typeof k>))
    .executeTakeFirstOrThrow();
  return rowToComment({
    ...(r as Omit<Row, 'author_name' | 'author_deleted_at'>),
    author_name: author.name,
    author_deleted_at: author.deletedAt,
  });
}

type StripTable<K extends string> = K extends `comments.${infer C}` ? C : never;

/** One comment with its author's name, or undefined. */
export async function findComment(db: Db, id: number): Promise<Comment | undefined> {
  const r = await selectComments(db).where('comments.id', '=', id).executeTakeFirst();
  return r ? rowToComment(r as Row) : undefined;
}

/** Several comments by id. */
export async function findComments(db: Db, ids: number[]): Promise<Comment[]> {
  if (!ids.length) return [];
  const rows = await selectComments(db).where('comments.id', 'in', ids).execute();
  return rows.map((r) => rowToComment(r as Row));
}

/** Replaces the body after an edit, with the status the moderation gave it. */
export async function updateCommentBody(
  db: Db,
  id: number,
  body: string,
  status: CommentStatus,
  rejectReason: string,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('comments')
    .set({ body, status, reject_reason: rejectReason, edited_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Sets the status of comments (moderation, deletion); returns how many changed. */
export async function setCommentStatus(db: Db, ids: number[], status: CommentStatus, now: Date, rejectReason = ''): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('comments')
    .set({ status, reject_reason: rejectReason, updated_at: now.toISOString() })
    .where('id', 'in', ids)
    .execute();
}

/** Marks or unmarks comments as featured. */
export async function setFeatured(db: Db, ids: number[], featured: boolean, now: Date): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('comments')
    .set({ featured: featured ? 1 : 0, updated_at: now.toISOString() })
    .where('id', 'in', ids)
    .execute();
}

/** A comment the viewer may see in the thread: published, a deleted one that still has replies, or the viewer's own waiting one. */
function visible(viewerId: number | undefined, topLevel: boolean) {
  return (eb: ExpressionBuilder<DB, 'comments'>) => {
    const ors = [eb('comments.status', '=', 'published')];
    if (topLevel) {
      ors.push(
        eb.and([
          eb('comments.status', '=', 'deleted'),
          eb.exists(
            eb.selectFrom('comments as r').select('r.id').whereRef('r.parent_id', '=', 'comments.id').where('r.status', '=', 'published'),
          ),
        ]),
      );
    }
    if (viewerId !== undefined)
      ors.push(eb.and([eb('comments.user_id', '=', viewerId), eb('comments.status', 'in', ['pending', 'rejected'])]));
    return eb.or(ors);
  };
}

export interface ThreadPage {
  items: ThreadItem[];
  topLevel: number;
  pages: number;
  page: number;
}

// A reader who is not signed in sees the same thread as everyone: those pages are compiled once per order.
// The page size is written into the statement: SQLite compiles a statement again whenever a bound LIMIT changes.
const anonymousTops = preparedByShape((db, p: Slots<{ articleId: number; offset: number }>, dir: 'asc' | 'desc') =>
  selectComments(db)
    .where('comments.article_id', '=', p.articleId)
    .where('comments.parent_id', 'is', null)
    .where(visible(undefined, true))
    .orderBy('comments.created_at', dir)
    .orderBy('comments.id', dir)
    .limit(THREAD_PAGE)
    .offset(p.offset),
);

// Replies to the comments of one page (at most THREAD_PAGE). The article is named as well, so that SQLite reads
// this thread's part of the (article, parent) index: the row-count statistics alone say nothing about how
// rare a given parent is, since most comments have none.
const anonymousReplies = preparedByShape((db, p: Slots<Record<string, number>>, n: number) =>
  selectComments(db)
    .where('comments.article_id', '=', p.article)
    .where(
      'comments.parent_id',
      'in',
      listSlots(n).map((k) => p[k]),
    )
    .where(visible(undefined, false))
    .orderBy('comments.created_at', 'asc')
    .orderBy('comments.id', 'asc'),
);

// Visible top-level comments: the published ones from the article's tallies, plus the deleted ones that
// still show for their published replies (few, one range of the (article_id, status) index), plus, for a
// signed-in reader, their own held ones.
const deletedTopsShown = prepared((db, p: Slots<{ articleId: number }>) =>
  db
    .selectFrom('comments')
    .where('comments.article_id', '=', p.articleId)
    .where('comments.status', '=', 'deleted')
    .where('comments.parent_id', 'is', null)
    .where((e) =>
      e.exists(
        e.selectFrom('comments as r').select('r.id').whereRef('r.parent_id', '=', 'comments.id').where('r.status', '=', 'published'),
      ),
    )
    .select((eb) => eb.fn.countAll<number>().as('n')),
);

async function countTopLevel(db: Db, articleId: number, viewerId: number | undefined): Promise<number> {
  const [tally, deleted, own] = await Promise.all([
    tallyOf.first(db, { articleId }),
    deletedTopsShown.first(db, { articleId }),
    viewerId === undefined
      ? undefined
      : db
          .selectFrom('comments')
          .where('article_id', '=', articleId)
          .where('parent_id', 'is', null)
          .where('status', 'in', ['pending', 'rejected'])
          .where('user_id', '=', viewerId)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst(),
  ]);
  return Number(tally?.published_tops ?? 0) + Number(deleted?.n ?? 0) + Number(own?.n ?? 0);
}

/** One page of an article's thread: 50 top-level comments with all their visible replies. */
export async function listThread(
  db: Db,
  o: { articleId: number; order: ThreadOrder; page: number; viewerId?: number },
): Promise<ThreadPage> {
  const dir = o.order === 'newest' ? 'desc' : 'asc';
  const pageOf = (page: number) =>
    o.viewerId === undefined
      ? anonymousTops(dir).all(db, { articleId: o.articleId, offset: (page - 1) * THREAD_PAGE })
      : selectComments(db)
          .where('comments.article_id', '=', o.articleId)
          .where('comments.parent_id', 'is', null)
          .where(visible(o.viewerId, true))
          .orderBy('comments.created_at', dir)
          .orderBy('comments.id', dir)
          .limit(THREAD_PAGE)
          .offset((page - 1) * THREAD_PAGE)
          .execute();
  // Most threads fit on their first page: then the page itself is the count, and one query is saved.
  let tops = o.page <= 1 ? await pageOf(1) : undefined;
  let topLevel = tops?.length ?? 0;
  if (!tops || tops.length === THREAD_PAGE) topLevel = await countTopLevel(db, o.articleId, o.viewerId);
  const pages = Math.max(1, Math.ceil(topLevel / THREAD_PAGE));
  const page = Math.min(Math.max(1, o.page), pages);
  tops ??= await pageOf(page);
  const ids = tops.map((r) => r.id);
  const replies = !ids.length
    ? []
    : o.viewerId === undefined
      ? await anonymousReplies(ids.length).all(db, { ...listParams(ids), article: o.articleId })
      : await selectComments(db)
          .where('comments.article_id', '=', o.articleId)
          .where('comments.parent_id', 'in', ids)
          .where(visible(o.viewerId, false))
          .orderBy('comments.created_at', 'asc')
          .orderBy('comments.id', 'asc')
          .execute();
  const byParent = new Map<number, Comment[]>();
  for (const r of replies) {
    const c = rowToComment(r as Row);
    const list = byParent.get(c.parentId!);
    if (list) list.push(c);
    else byParent.set(c.parentId!, [c]);
  }
  return { items: tops.map((r) => ({ comment: rowToComment(r as Row), replies: byParent.get(r.id) ?? [] })), topLevel, pages, page };
}

/**
 * The thread page (1-based) a comment appears on for this order. `latest` says the comment (or the one it
 * answers) is among the newest of its thread, as when it was just posted: then the few visible top-level
 * comments from it to the thread's end are counted and taken from the total the tallies give, instead of
 * every one ahead of it (a post to a thread of 8,000 comments counted 8,000 index entries to find its page).
 */
export async function pageOfComment(
  db: Db,
  c: Pick<Comment, 'id' | 'articleId' | 'parentId' | 'createdAt'>,
  order: ThreadOrder,
  viewerId?: number,
  opts: { latest?: boolean } = {},
): Promise<number> {
  const top =
    c.parentId !== null
      ? await db.selectFrom('comments').select(['id', 'created_at']).where('id', '=', c.parentId).executeTakeFirst()
      : { id: c.id, created_at: c.createdAt };
  if (!top) return 1;
  const fromEnd = opts.latest === true && order === 'oldest';
  // Strictly ahead of it in this order; or, counting from the end, it and everything after it.
  const range = (eb: ExpressionBuilder<DB, 'comments'>) =>
    order === 'newest'
      ? eb.and([
          eb('comments.created_at', '>=', top.created_at),
          eb.not(eb.and([eb('comments.created_at', '=', top.created_at), eb('comments.id', '<=', top.id)])),
        ])
      : fromEnd
        ? eb.and([
            eb('comments.created_at', '>=', top.created_at),
            eb.not(eb.and([eb('comments.created_at', '=', top.created_at), eb('comments.id', '<', top.id)])),
          ])
        : eb.and([
            eb('comments.created_at', '<=', top.created_at),
            eb.not(eb.and([eb('comments.created_at', '=', top.created_at), eb('comments.id', '>=', top.id)])),
          ]);
  // Counted per status (the statuses are disjoint) so that each count walks the (article_id, status,
  // created_at) index as a range instead of every comment of the article.
  const tops = () =>
    db
      .selectFrom('comments')
      .where('comments.article_id', '=', c.articleId)
      .where('comments.parent_id', 'is', null)
      .where(range)
      .select((eb) => eb.fn.countAll<number>().as('n'));
  const [r, total] = await Promise.all([
    db
      .selectNoFrom((eb) => [
        tops().where('comments.status', '=', 'published').as('published'),
        tops()
          .where('comments.status', '=', 'deleted')
          .where((e) =>
            e.exists(
              e.selectFrom('comments as r').select('r.id').whereRef('r.parent_id', '=', 'comments.id').where('r.status', '=', 'published'),
            ),
          )
          .as('deleted'),
        (viewerId !== undefined
          ? tops().where('comments.status', 'in', ['pending', 'rejected']).where('comments.user_id', '=', viewerId)
          : eb.val(0)
        ).as('own'),
      ])
      .executeTakeFirstOrThrow(),
    fromEnd ? countTopLevel(db, c.articleId, viewerId) : 0,
  ]);
  const counted = Number(r.published ?? 0) + Number(r.deleted ?? 0) + Number(r.own ?? 0);
  const before = fromEnd ? Math.max(0, total - counted) : counted;
  return Math.floor(before / THREAD_PAGE) + 1;
}

// The article's tallies, kept by triggers on comments (migration 2026-11-29T0100): one row by its key.
const tallyOf = prepared((db, p: Slots<{ articleId: number }>) =>
  db.selectFrom('comment_tallies').select(['published', 'published_tops', 'changed_at']).where('article_id', '=', p.articleId),
);

/** Published comments on one article. */
export async function countPublished(db: Db, articleId: number): Promise<number> {
  return Number((await tallyOf.first(db, { articleId }))?.published ?? 0);
}

/** An article's published-comment count and the time of its latest comment change (the page's Last-Modified). */
export async function threadSummary(db: Db, articleId: number): Promise<{ count: number; lastChange?: string }> {
  const r = await tallyOf.first(db, { articleId });
  return { count: Number(r?.published ?? 0), lastChange: r?.changed_at ?? undefined };
}

// A list page's counts: one compiled query per number of articles shown.
const publishedCounts = preparedByShape((db, p: Slots<Record<string, number>>, n: number) =>
  db
    .selectFrom('comment_tallies')
    .where(
      'article_id',
      'in',
      listSlots(n).map((k) => p[k]),
    )
    .select(['article_id', 'published']),
);

/** Published comments per article, for a list page: one query whatever the number of articles. */
export async function countPublishedByArticle(db: Db, articleIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>(articleIds.map((id) => [id, 0]));
  if (!articleIds.length) return out;
  const ids = [...new Set(articleIds)];
  const rows =
    ids.length <= 64
      ? await publishedCounts(ids.length).all(db, listParams(ids))
      : await db.selectFrom('comment_tallies').where('article_id', 'in', ids).select(['article_id', 'published']).execute();
  for (const r of rows) out.set(r.article_id, Number(r.published));
  return out;
}

/** Comment counts keyed by slug for ArticleList, for articles whose comments are shown. */
export async function commentCountsBySlug(
  db: Db,
  items: { id: number; slug: string; commentsMode?: string }[],
): Promise<Map<string, number>> {
  const shown = items.filter((a) => a.commentsMode !== 'off');
  const counts = await countPublishedByArticle(
    db,
    shown.map((a) => a.id),
  );
  return new Map(shown.map((a) => [a.slug, counts.get(a.id) ?? 0]));
}

/** An account's comments since an instant, newest first (rate and duplicate checks). */
export async function listRecentByUser(db: Db, userId: number, since: Date): Promise<{ id: number; body: string; createdAt: string }[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'body', 'created_at'])
    .where('user_id', '=', userId)
    .where('created_at', '>=', since.toISOString())
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ id: r.id, body: r.body, createdAt: r.created_at }));
}

export interface Commenter {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
  emailConfirmedAt: string | null;
  notifyReplies: boolean;
  deletedAt: string | null;
}

/** The account behind a comment, with what moderation and mail need. */
export async function findCommenter(db: Db, userId: number): Promise<Commenter | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
    disabled: Boolean(r.disabled),
    emailConfirmedAt: r.email_confirmed_at ?? null,
    notifyReplies: Number(r.notify_replies ?? 1) !== 0,
    deletedAt: r.deleted_at ?? null,
  };
}

/** The ban or suspension in force for an account, if any. */
export async function findActiveBan(db: Db, userId: number, now: Date): Promise<{ until: string | null; reason: string } | undefined> {
  const at = now.toISOString();
  const r = await db
    .selectFrom('user_bans')
    .select(['until', 'reason'])
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', at)]))
    .orderBy('until', 'desc')
    .executeTakeFirst();
  return r ? { until: r.until, reason: r.reason } : undefined;
}

/** Bans an account (days null) or suspends it for some days. */
export async function insertBan(
  db: Db,
  b: { userId: number; days: number | null; reason: string; byUserId: number; now: Date },
): Promise<void> {
  await db
    .insertInto('user_bans')
    .values({
      user_id: b.userId,
      until: b.days === null ? null : new Date(b.now.getTime() + b.days * 864e5).toISOString(),
      reason: b.reason,
      by_user_id: b.byUserId,
      created_at: b.now.toISOString(),
    })
    .execute();
}

/** Approved and rejected comment counts per account (moderator's view of a commenter's history). */
export async function historyOf(db: Db, userIds: number[]): Promise<Map<number, { approved: number; rejected: number }>> {
  const out = new Map<number, { approved: number; rejected: number }>();
  if (!userIds.length) return out;
  const rows = await db
    .selectFrom('comments')
    .where('user_id', 'in', [...new Set(userIds)])
    .where('status', 'in', ['published', 'rejected', 'hidden'])
    .select(['user_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['user_id', 'status'])
    .execute();
  for (const r of rows) {
    const h = out.get(r.user_id!) ?? { approved: 0, rejected: 0 };
    if (r.status === 'published') h.approved += Number(r.n);
    else h.rejected += Number(r.n);
    out.set(r.user_id!, h);
  }
  return out;
}

/** Whether an article is under pre-moderation of its own. */
export async function articlePremoderated(db: Db, articleId: number): Promise<boolean> {
  const r = await db.selectFrom('article_comment_settings').select('premoderate').where('article_id', '=', articleId).executeTakeFirst();
  return Boolean(r && Number(r.premoderate));
}

/** Turns an article's own pre-moderation on or off. */
export async function setArticlePremoderation(db: Db, articleId: number, on: boolean): Promise<void> {
  await db
    .insertInto('article_comment_settings')
    .values({ article_id: articleId, premoderate: on ? 1 : 0 })
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ premoderate: on ? 1 : 0 }))
    .execute();
}

/** Turns every article's own pre-moderation off (the settings form then names the ones that keep it). */
export async function clearArticlePremoderation(db: Db): Promise<void> {
  await db.updateTable('article_comment_settings').set({ premoderate: 0 }).execute();
}

/** Slugs of the articles under pre-moderation. */
export async function listPremoderatedSlugs(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('article_comment_settings')
    .innerJoin('articles', 'articles.id', 'article_comment_settings.article_id')
    .select('articles.slug')
    .where('article_comment_settings.premoderate', '=', 1)
    .orderBy('articles.slug')
    .execute();
  return rows.map((r) => r.slug);
}

/** Likes a comment once per reader, or takes the like back; returns whether it is liked now. */
export async function toggleLike(db: Db, commentId: number, userId: number, now: Date): Promise<boolean> {
  const gone = await db.deleteFrom('comment_likes').where('comment_id', '=', commentId).where('user_id', '=', userId).executeTakeFirst();
  if (Number(gone.numDeletedRows) > 0) {
    await db
      .updateTable('comments')
      .set((eb) => ({ likes_count: eb('likes_count', '-', 1) }))
      .where('id', '=', commentId)
      .execute();
    return false;
  }
  await db.insertInto('comment_likes').values({ comment_id: commentId, user_id: userId, created_at: now.toISOString() }).execute();
  await db
    .updateTable('comments')
    .set((eb) => ({ likes_count: eb('likes_count', '+', 1) }))
    .where('id', '=', commentId)
    .execute();
  return true;
}

/** Ids among these comments that the user liked. */
export async function likedBy(db: Db, userId: number, commentIds: number[]): Promise<Set<number>> {
  if (!commentIds.length) return new Set();
  const rows = await db
    .selectFrom('comment_likes')
    .select('comment_id')
    .where('user_id', '=', userId)
    .where('comment_id', 'in', commentIds)
    .execute();
  return new Set(rows.map((r) => r.comment_id));
}

/** Records a report; false when this reader had already reported the comment. */
export async function insertReport(db: Db, commentId: number, userId: number, reason: string, now: Date): Promise<boolean> {
  const r = await db
    .insertInto('comment_reports')
    .values({ comment_id: commentId, user_id: userId, reason, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await db
    .updateTable('comments')
    .set((eb) => ({ reports_open: eb('reports_open', '+', 1) }))
    .where('id', '=', commentId)
    .execute();
  return true;
}

/** Closes the open reports of comments a moderator has dealt with. */
export async function resolveReports(db: Db, ids: number[], now: Date): Promise<void> {
  if (!ids.length) return;
  await db
    .updateTable('comment_reports')
    .set({ resolved_at: now.toISOString() })
    .where('comment_id', 'in', ids)
    .where('resolved_at', 'is', null)
    .execute();
  await db.updateTable('comments').set({ reports_open: 0 }).where('id', 'in', ids).execute();
}

/** Open report reasons per comment. */
export async function reportsOf(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('comment_reports')
    .select(['comment_id', 'reason'])
    .where('comment_id', 'in', ids)
    .where('resolved_at', 'is', null)
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.comment_id, [...(out.get(r.comment_id) ?? []), r.reason]);
  return out;
}

export type Queue = 'pending' | 'reported' | 'rejected' | 'all';
export const QUEUES: Queue[] = ['pending', 'reported', 'rejected', 'all'];

export interface QueueItem {
  comment: Comment;
  /** `language` names the article's edition, for its address. */
  article: { id: number; slug: string; title: string; language: string };
  author: {
    createdAt: string | null;
    email: string;
    role: Role | null;
    approved: number;
    rejected: number;
    ban?: { until: string | null };
  };
  reports: string[];
}

function queueFilter(queue: Queue) {
  return (eb: ExpressionBuilder<DB, 'comments'>) => {
    if (queue === 'pending') return eb('comments.status', '=', 'pending');
    if (queue === 'rejected') return eb('comments.status', '=', 'rejected');
    if (queue === 'reported') return eb.and([eb('comments.reports_open', '>', 0), eb('comments.status', 'in', ['published', 'pending'])]);
    return eb('comments.id', '>', 0);
  };
}

/** One page of a moderation queue, oldest waiting first (newest first for "all"), with article and author history. */
export async function listQueue(
  db: Db,
  o: { queue: Queue; limit: number; offset: number; now: Date },
): Promise<{ items: QueueItem[]; total: number }> {
  const dir = o.queue === 'all' || o.queue === 'rejected' ? 'desc' : 'asc';
  const [rows, count] = await Promise.all([
    selectComments(db)
      .innerJoin('articles', 'articles.id', 'comments.article_id')
      .select([
        'articles.slug as article_slug',
        'articles.title as article_title',
        'articles.language as article_language',
        'users.created_at as author_created_at',
        'users.email as author_email',
        'users.role as author_role',
      ])
      .where(queueFilter(o.queue))
      .orderBy('comments.created_at', dir)
      .orderBy('comments.id', dir)
      .limit(o.limit)
      .offset(o.offset)
      .execute(),
    db
      .selectFrom('comments')
      .where(queueFilter(o.queue))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const userIds = rows.map((r) => r.user_id).filter((x): x is number => x !== null);
  const ids = rows.map((r) => r.id);
  const at = o.now.toISOString();
  const [history, reports, bans] = await Promise.all([
    historyOf(db, userIds),
    reportsOf(db, ids),
    userIds.length
      ? db
          .selectFrom('user_bans')
          .select(['user_id', 'until'])
          .where('user_id', 'in', userIds)
          .where('lifted_at', 'is', null)
          .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', at)]))
          .execute()
      : Promise.resolve([] as { user_id: number; until: string | null }[]),
  ]);
  const banOf = new Map(bans.map((b) => [b.user_id, { until: b.until }]));
  return {
    total: Number(count.n),
    items: rows.map((r) => {
      const h = r.user_id !== null ? history.get(r.user_id) : undefined;
      return {
        comment: rowToComment(r as unknown as Row),
        article: { id: r.article_id, slug: r.article_slug, title: r.article_title, language: r.article_language },
        author: {
          createdAt: r.author_created_at ?? null,
          email: r.author_email ?? '',
          role: (r.author_role as Role | null) ?? null,
          approved: h?.approved ?? 0,
          rejected: h?.rejected ?? 0,
          ban: r.user_id !== null ? banOf.get(r.user_id) : undefined,
        },
        reports: reports.get(r.id) ?? [],
      };
    }),
  };
}

/** Comments waiting for a moderator: pending and reported, in one query. */
export async function queueCounts(db: Db): Promise<{ pending: number; reported: number }> {
  const r = await db
    .selectFrom('comments')
    .select([
      sql<number>`sum(case when status = 'pending' then 1 else 0 end)`.as('pending'),
      sql<number>`sum(case when reports_open > 0 and status in ('published', 'pending') then 1 else 0 end)`.as('reported'),
    ])
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb('reports_open', '>', 0)]))
    .executeTakeFirst();
  return { pending: Number(r?.pending ?? 0), reported: Number(r?.reported ?? 0) };
}
