// The comment service: posting, editing, deleting, reporting, liking and moderating, each in its own
// transaction; mail goes out only after the commit and a mail failure never loses a comment.
import { recordEvent } from '../../platform/event-outbox.js';
import { AppError, notFound } from '../../platform/errors.js';
import { inTransaction, type Db } from '../../platform/db.js';
import { queueMail } from '../../platform/mail-queue.js';
import { type T, messageKey } from '../../platform/i18n/index.js';
import type { SessionUser } from '../../platform/session.js';
import { insertAudit } from '../audit/audit-store.js';
import { readerCanComment } from '../readers/reader.js';
import { canDeleteComment, canEditComment, cleanText, MAX_REASON, replyTarget, type Comment, type CommentStatus } from './comment.js';
import {
  articlePremoderated,
  findActiveBan,
  findComment,
  findCommenter,
  findComments,
  historyOf,
  insertBan,
  insertCommentReturning,
  insertReport,
  listRecentByUser,
  resolveReports,
  setCommentStatus,
  setFeatured,
  toggleLike,
  updateCommentBody,
} from './comment-store.js';
import { defaultPhases, moderate } from './moderation/pipeline.js';
import { guardedPost } from '../../platform/outbound.js';
import type { ModerationInput, Phase, Verdict } from './moderation/phase.js';
import { loadModerationSettings } from './moderation/settings.js';
import { findArticleLanguageBySlug, findArticleSlug } from '../articles/article-store.js';
import { findSiteInfo } from '../site/site-store.js';
import { articlePath } from '../../platform/editions.js';

export interface CommentServiceDeps {
  db: Db;
  clock: () => Date;
  t: T;
  log: { error(obj: object, msg?: string): void };
  /** The comments these articles show have changed. */
  commentsChanged(articleIds: number[]): void;
  baseUrl: () => string;
  /** Replaces the phases (tests); defaults to the full pipeline. */
  phases?: Phase[];
  /** Hosts the webhook may reach although they are not public (OUTBOUND_ALLOWED_HOSTS). */
  outboundAllowedHosts?: readonly string[];
  /** The translator of an article's language: what the writer is told speaks the article's edition. */
  translate?: (lang: string) => T;
}

/** What an article must offer to be commented on. */
export interface CommentableArticle {
  id: number;
  slug: string;
  title: string;
  commentsMode: 'on' | 'off' | 'closed';
  /** Its language, where known: the writer is answered in it. */
  language?: string;
}

export interface PostResult {
  comment: Comment;
  verdict: Verdict;
  status: CommentStatus;
  message: string;
}

export type ModerationAction = 'approve' | 'reject' | 'hide' | 'feature' | 'unfeature' | 'dismiss' | 'ban' | 'suspend';
export const MODERATION_ACTIONS: ModerationAction[] = ['approve', 'reject', 'hide', 'feature', 'unfeature', 'dismiss', 'ban', 'suspend'];

export interface CommentService {
  /** Runs the moderation pipeline and stores the comment (or refuses it with a typed error). */
  post(user: SessionUser, article: CommentableArticle, input: { body: string; parentId?: number }): Promise<PostResult>;
  /** Edits one's own comment within the edit window; moderation runs again. */
  edit(user: SessionUser, article: CommentableArticle, commentId: number, body: string): Promise<PostResult>;
  /** Deletes one's own comment: it shows as deleted, its replies stay. */
  remove(user: SessionUser, commentId: number): Promise<Comment>;
  /** Reports a comment with a reason; false when this reader had reported it already. */
  report(user: SessionUser, commentId: number, reason: string): Promise<boolean>;
  /** Likes (or un-likes) a published comment, once per reader. */
  like(user: SessionUser, commentId: number): Promise<{ liked: boolean; count: number }>;
  /** Applies a moderator's action to comments; every change is audited. Returns how many comments it touched. */
  moderate(staff: SessionUser, ids: number[], action: ModerationAction, opts?: { reason?: string; days?: number }): Promise<number>;
}

const DAY = 24 * 3600_000;

/** Builds the comment service from its dependencies. */
export function createCommentService(deps: CommentServiceDeps): CommentService {
  const { db, clock, t } = deps;
  const phases = deps.phases ?? defaultPhases(guardedPost(deps.outboundAllowedHosts ?? []));

  /** Queues a mail in the change's transaction; the job queue sends it (a crash delays it, never loses it). */
  const mail = (tx: Db, to: string, subject: string, text: string) => queueMail(tx, { to, subject, text }, clock());
  const site = () => deps.baseUrl();
  // The comment's address follows the newsroom's editions: under its article's language when every edition is prefixed.
  const link = async (tx: Db, slug: string, id: number) => {
    const [lang, info] = await Promise.all([findArticleLanguageBySlug(tx, slug), findSiteInfo(tx, '')]);
    return `${site()}${articlePath(lang ?? info.language, info.editions === 'prefixed', slug)}#comment-${id}`;
  };

  async function requireCommenter(user: SessionUser) {
    const who = await findCommenter(db, user.id);
    if (!who) throw new AppError('unauthorized');
    if (!readerCanComment({ ...who, role: who.role })) {
      throw new AppError(
        'forbidden',
        who.role === 'reader' && !who.emailConfirmedAt && !who.deletedAt
          ? t('comments.error.unconfirmed')
          : t('comments.error.cannot_post'),
      );
    }
    return who;
  }

  async function runPipeline(
    who: NonNullable<Awaited<ReturnType<typeof findCommenter>>>,
    article: CommentableArticle,
    body: string,
    editingId?: number,
  ): Promise<Verdict> {
    const now = clock();
    const [ban, history, premoderate, recent, settings] = await Promise.all([
      findActiveBan(db, who.id, now),
      historyOf(db, [who.id]),
      articlePremoderated(db, article.id),
      listRecentByUser(db, who.id, new Date(now.getTime() - DAY)),
      loadModerationSettings(db),
    ]);
    const input: ModerationInput = {
      body,
      now,
      editingId,
      author: {
        id: who.id,
        name: who.name,
        role: who.role,
        createdAt: who.createdAt,
        ban,
        approvedCount: history.get(who.id)?.approved ?? 0,
      },
      article: { id: article.id, slug: article.slug, title: article.title, premoderate },
      recent: recent.filter((r) => r.id !== editingId),
      settings,
    };
    const verdict = await moderate(input, phases);
    if (verdict.action === 'reject' && verdict.store === false) {
      const message = tOf(article)(messageKey(verdict.reason.key), verdict.reason.vars);
      const code = verdict.phase === 'rate' ? 'rate_limited' : verdict.phase === 'account' ? 'forbidden' : 'validation';
      throw code === 'validation' ? new AppError('validation', message, { body: message }) : new AppError(code, message);
    }
    return verdict;
  }

  const tOf = (a: CommentableArticle): T => (a.language && deps.translate ? deps.translate(a.language) : t);
  const statusOf = (v: Verdict): CommentStatus => (v.action === 'approve' ? 'published' : v.action === 'hold' ? 'pending' : 'rejected');
  const messageOf = (v: Verdict, t: T): string =>
    v.action === 'approve'
      ? t('comments.posted')
      : v.action === 'hold'
        ? t('comments.held', { reason: t(messageKey(v.reason.key), v.reason.vars) })
        : t('comments.rejected', { reason: t(messageKey(v.reason.key), v.reason.vars) });

  /** Tells the person answered by a published reply, unless they opted out or answered themselves. */
  async function notifyReply(tx: Db, c: Comment, slug: string) {
    if (c.parentId === null || c.replyToUserId === null || c.replyToUserId === c.userId) return;
    const to = await findCommenter(tx, c.replyToUserId);
    if (!to || to.deletedAt || to.disabled || !to.notifyReplies) return;
    await mail(
      tx,
      to.email,
      t('comments.mail.reply.subject', { name: c.authorName }),
      t('comments.mail.reply.body', {
        recipient: to.name,
        name: c.authorName,
        body: c.body.slice(0, 1000),
        link: await link(tx, slug, c.id),
      }),
    );
  }

  function requireOpen(article: CommentableArticle) {
    if (article.commentsMode === 'off') throw notFound('Comments');
    if (article.commentsMode === 'closed') throw new AppError('forbidden', tOf(article)('comments.error.closed'));
  }

  return {
    async post(user, article, input) {
      requireOpen(article);
      const who = await requireCommenter(user);
      let parent: ReturnType<typeof replyTarget> | undefined;
      if (input.parentId !== undefined) {
        const target = await findComment(db, input.parentId);
        if (!target || target.articleId !== article.id || target.status !== 'published')
          throw new AppError('validation', t('comments.error.no_parent'), { body: t('comments.error.no_parent') });
        parent = replyTarget(target);
      }
      const body = cleanText(input.body);
      const verdict = await runPipeline(who, article, body);
      const status = statusOf(verdict);
      const reason = status === 'published' ? '' : t(messageKey(verdict.reason.key), verdict.reason.vars);
      const now = clock();
      // Committed before the caller answers: an acknowledged comment is on disk (WAL), whatever happens next;
      // the reply notice is queued in the same transaction.
      const comment = await inTransaction(db, async (tx) => {
        const inserted = await insertCommentReturning(
          tx,
          {
            articleId: article.id,
            userId: who.id,
            parentId: parent?.parentId ?? null,
            replyToUserId: parent?.replyToUserId ?? null,
            replyToName: parent?.replyToName ?? '',
            body,
            status,
            rejectReason: reason,
            now,
          },
          who,
        );
        if (status === 'published') {
          await notifyReply(tx, inserted, article.slug);
          await recordEvent(tx, { type: 'comment.approved', id: inserted.id }, now);
        }
        return inserted;
      });
      if (status === 'published') deps.commentsChanged([article.id]);
      return { comment, verdict, status, message: messageOf(verdict, tOf(article)) };
    },

    async edit(user, article, commentId, raw) {
      requireOpen(article);
      const who = await requireCommenter(user);
      const c = await findComment(db, commentId);
      if (!c || c.articleId !== article.id) throw notFound('Comment');
      if (!canEditComment(c, who.id, clock())) throw new AppError('forbidden', t('comments.error.edit_window'));
      const body = cleanText(raw);
      const verdict = await runPipeline(who, article, body, c.id);
      const status = statusOf(verdict);
      await inTransaction(db, (tx) =>
        updateCommentBody(
          tx,
          c.id,
          body,
          status,
          status === 'published' ? '' : t(messageKey(verdict.reason.key), verdict.reason.vars),
          clock(),
        ),
      );
      if (c.status === 'published' || status === 'published') deps.commentsChanged([c.articleId]);
      return { comment: (await findComment(db, c.id))!, verdict, status, message: messageOf(verdict, tOf(article)) };
    },

    async remove(user, commentId) {
      const c = await findComment(db, commentId);
      if (!c) throw notFound('Comment');
      if (!canDeleteComment(c, user.id)) throw new AppError('forbidden', t('comments.error.not_yours'));
      await inTransaction(db, (tx) => setCommentStatus(tx, [c.id], 'deleted', clock()));
      if (c.status === 'published') deps.commentsChanged([c.articleId]);
      return (await findComment(db, c.id))!;
    },

    async report(user, commentId, raw) {
      const reason = cleanText(raw).slice(0, MAX_REASON);
      if (!reason) throw new AppError('validation', t('comments.error.reason'), { reason: t('comments.error.reason') });
      const c = await findComment(db, commentId);
      if (!c || c.status !== 'published') throw notFound('Comment');
      if (c.userId === user.id) throw new AppError('forbidden', t('comments.error.own_report'));
      return inTransaction(db, (tx) => insertReport(tx, c.id, user.id, reason, clock()));
    },

    async like(user, commentId) {
      const c = await findComment(db, commentId);
      if (!c || c.status !== 'published') throw notFound('Comment');
      if (c.userId === user.id) throw new AppError('forbidden', t('comments.error.own_like'));
      const liked = await inTransaction(db, (tx) => toggleLike(tx, c.id, user.id, clock()));
      deps.commentsChanged([c.articleId]);
      return { liked, count: (await findComment(db, c.id))!.likesCount };
    },

    async moderate(staff, ids, action, opts = {}) {
      const now = clock();
      const list = await findComments(db, [...new Set(ids)].slice(0, 200));
      if (!list.length) return 0;
      const reason = cleanText(opts.reason ?? '').slice(0, MAX_REASON);
      if (action === 'reject' && !reason)
        throw new AppError('validation', t('comments.error.reject_reason'), { reason: t('comments.error.reject_reason') });
      const days = opts.days;
      if (action === 'suspend' && (!Number.isInteger(days) || days! < 1 || days! > 3650))
        throw new AppError('validation', t('comments.error.days'), { days: t('comments.error.days') });
      const listIds = list.map((c) => c.id);
      const authors = [...new Set(list.map((c) => c.userId).filter((x): x is number => x !== null))];
      await inTransaction(db, async (tx) => {
        if (action === 'approve') {
          await setCommentStatus(tx, listIds, 'published', now);
          await resolveReports(tx, listIds, now);
          for (const c of list) if (c.status !== 'published') await recordEvent(tx, { type: 'comment.approved', id: c.id }, now);
        } else if (action === 'reject') {
          await setCommentStatus(tx, listIds, 'rejected', now, reason);
          await resolveReports(tx, listIds, now);
        } else if (action === 'hide') {
          await setCommentStatus(tx, listIds, 'hidden', now, reason);
          await resolveReports(tx, listIds, now);
        } else if (action === 'feature' || action === 'unfeature') await setFeatured(tx, listIds, action === 'feature', now);
        else if (action === 'dismiss') await resolveReports(tx, listIds, now);
        else
          for (const userId of authors)
            await insertBan(tx, { userId, days: action === 'ban' ? null : days!, reason, byUserId: staff.id, now });
        for (const c of list) {
          await insertAudit(tx, {
            at: now,
            userId: staff.id,
            action: `comment.${action}`,
            subjectType: 'comment',
            subjectId: c.id,
            detail: [reason, action === 'suspend' ? `${days} days` : '', c.userId ? `author ${c.userId}` : ''].filter(Boolean).join('; '),
          });
        }
        // In the same transaction: the writer learns the fate of a held comment; approved replies reach whom they answer.
        if (action === 'approve' || action === 'reject') {
          for (const c of list.filter((x) => x.status === 'pending' && x.userId !== null)) {
            const who = await findCommenter(tx, c.userId!);
            const slug = (await findArticleSlug(tx, c.articleId)) ?? '';
            if (who && !who.deletedAt && !who.disabled) {
              if (action === 'approve')
                await mail(
                  tx,
                  who.email,
                  t('comments.mail.approved.subject'),
                  t('comments.mail.approved.body', { name: who.name, link: await link(tx, slug, c.id), body: c.body.slice(0, 1000) }),
                );
              else
                await mail(
                  tx,
                  who.email,
                  t('comments.mail.rejected.subject'),
                  t('comments.mail.rejected.body', { name: who.name, reason, body: c.body.slice(0, 1000) }),
                );
            }
            if (action === 'approve') await notifyReply(tx, { ...c, status: 'published' }, slug);
          }
        }
      });
      if (list.some((c) => c.status === 'published') || action === 'approve' || action === 'feature' || action === 'unfeature')
        deps.commentsChanged([...new Set(list.map((c) => c.articleId))]);
      return list.length;
    },
  };
}
