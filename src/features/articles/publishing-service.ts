// Saving, publishing, scheduling, unpublishing and deleting articles: the rules that span tables.
import { recordEvent } from '../../platform/event-outbox.js';
import { inTransaction, type Db } from '../../platform/db.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { enqueueJob } from '../../platform/jobs.js';
import { renderMarkdown } from '../../platform/markdown.js';
import type { Role } from '../../platform/session.js';
import { insertAudit } from '../audit/audit-store.js';
import { ensureTags } from '../tags/tag-store.js';
import type { Article, ArticleInput } from './article.js';
import {
  deleteArticle,
  findArticleById,
  insertArticle,
  listDueScheduled,
  setArticleAuthors,
  setArticleTags,
  slugTaken,
  updateArticle,
  updateArticleStatus,
  lockArticleState,
  markArticleRevised,
  publishScheduledArticle,
} from './article-store.js';
import { countExistingAuthors } from '../authors/author-store.js';
import { rubricExists } from '../rubrics/rubric-store.js';

export interface Actor {
  id: number | null;
  role: Role;
  authorId?: number;
  /** An author who may publish their own drafts: the newsroom does not require review (features/review). */
  publishesOwn?: boolean;
}

export type SaveAction = 'draft' | 'publish' | 'schedule';

/** An index derived from articles (full-text search), kept current inside publishing's transactions. */
export interface ArticleIndex {
  /** Indexes (or re-indexes) one article from its current row; removes it when it is not published. */
  index(tx: Db, articleId: number): Promise<void>;
  /** Drops one article from the index. */
  remove(tx: Db, articleId: number): Promise<void>;
}

/** The revision history (features/revisions), written in the save's own transaction: a save never lands without its revision. */
export interface RevisionLog {
  record(tx: Db, r: { articleId: number; userId: number | null; input: ArticleInput; at: Date }): Promise<unknown>;
}

/**
 * True when a save of a published article changes it in substance: its title, lead or body differ.
 * A minor edit (the editor's "minor edit" box: a typo, a link) does not count, nor does a change of tags,
 * cover or slug. See docs/editorial-workflow.md.
 */
export function changesSubstance(before: Pick<Article, 'title' | 'lead' | 'bodyMd'>, after: ArticleInput): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(before.title) !== norm(after.title) || norm(before.lead) !== norm(after.lead) || norm(before.bodyMd) !== norm(after.bodyMd);
}

export interface PublishingDeps {
  db: Db;
  clock: () => Date;
  /** Called after a change that public pages show. */
  contentChanged: () => void;
  /** Called after an article is published or edited while published (the knowledge engine listens). */
  onPublished?: (articleId: number) => Promise<void>;
  /** The search feature's index (articleSearchIndex): given by whoever builds the service, so articles import no search. */
  index: ArticleIndex;
  /** Keeps a revision of every save, inside its transaction (revisionLog of features/revisions). */
  revisions?: RevisionLog;
}

/** True when the actor may edit this article (authors: only their own drafts and scheduled pieces). */
export function canEdit(actor: Actor, article: Pick<Article, 'status' | 'authors' | 'createdBy'> | undefined): boolean {
  if (actor.role === 'admin' || actor.role === 'editor') return true;
  if (actor.role !== 'author') return false;
  if (!article) return true;
  const own = article.createdBy === actor.id || (actor.authorId !== undefined && article.authors.some((a) => a.id === actor.authorId));
  return own && article.status === 'draft';
}

/** True when the actor may publish, schedule, unpublish or delete any article. */
export function canPublish(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'editor';
}

/** Builds the publishing service from its dependencies. */
export function createPublishingService(deps: PublishingDeps) {
  const { db, clock } = deps;

  async function checkRefs(tx: Db, input: ArticleInput, id?: number) {
    const errors: Record<string, string> = {};
    if (await slugTaken(tx, input.slug, id)) errors.slug = 'admin.form.article_slug_taken';
    if (input.rubricId !== null && !(await rubricExists(tx, input.rubricId))) errors.rubric_id = 'admin.form.rubric_missing';
    if ((await countExistingAuthors(tx, input.authorIds)) !== input.authorIds.length) errors.author_ids = 'admin.form.author_missing';
    if (Object.keys(errors).length) throw new ValidationError(errors);
  }

  return {
    /**
     * Creates or updates an article and applies the action: keep as draft, publish now, or schedule.
     * Returns the article id. Throws ValidationError (422) or AppError('forbidden').
     */
    async save(
      actor: Actor,
      input: ArticleInput,
      opts: {
        id?: number;
        action: SaveAction;
        scheduleAt?: Date;
        publishedAt?: Date;
        /** A minor edit of a published article (a typo): it does not show as "Updated". */
        minor?: boolean;
        /** An audit entry written in the same transaction (a restore says which revision it brought back). */
        audit?: { action: string; detail: string };
        /**
         * More work that must land with the save or not at all (a review closed by its approval): it runs last,
         * inside the save's transaction, and an error from it rolls the whole save back.
         */
        within?: (tx: Db, id: number) => Promise<void>;
      },
    ): Promise<number> {
      const now = clock();
      const existing = opts.id !== undefined ? await findArticleById(db, opts.id) : undefined;
      if (opts.id !== undefined && !existing) throw new AppError('not_found', 'Article not found');
      if (!canEdit(actor, existing)) throw new AppError('forbidden', 'article.error.edit_own_drafts');
      if (opts.action !== 'draft' && !canPublish(actor) && !actor.publishesOwn)
        throw new AppError('forbidden', 'article.error.editors_publish');
      if (opts.action === 'schedule') {
        if (!opts.scheduleAt || Number.isNaN(opts.scheduleAt.getTime()))
          throw new ValidationError({ publish_at: 'admin.form.schedule_missing' });
        if (opts.scheduleAt <= now) throw new ValidationError({ publish_at: 'admin.form.schedule_past' });
      }
      const bodyHtml = renderMarkdown(input.bodyMd);
      let status = existing?.status ?? 'draft';
      let publishedAt = existing?.publishedAt ?? null;
      if (opts.action === 'publish') {
        // Publishing keeps the original date when an already published article is edited;
        // an import may instead give the date the piece first appeared elsewhere.
        if (opts.publishedAt && !Number.isNaN(opts.publishedAt.getTime())) publishedAt = opts.publishedAt.toISOString();
        else if (status !== 'published') publishedAt = now.toISOString();
        status = 'published';
      } else if (opts.action === 'schedule') {
        status = 'scheduled';
        publishedAt = opts.scheduleAt!.toISOString();
      }
      const row = {
        slug: input.slug,
        title: input.title,
        lead: input.lead,
        bodyMd: input.bodyMd,
        bodyHtml,
        language: input.language,
        status,
        publishedAt,
        rubricId: input.rubricId,
        coverUrl: input.coverUrl,
        coverCaption: input.coverCaption,
        coverCredit: input.coverCredit,
        commentsMode: input.commentsMode,
      };
      // An article imported with its own publication date was last changed then, not at import time.
      const stamp =
        opts.action === 'publish' && opts.publishedAt && publishedAt === opts.publishedAt.toISOString() && opts.publishedAt < now
          ? opts.publishedAt
          : now;
      const id = await inTransaction(db, async (tx) => {
        await checkRefs(tx, input, opts.id);
        const id = opts.id ?? (await insertArticle(tx, row, stamp, actor.id));
        if (opts.id !== undefined) await updateArticle(tx, id, row, stamp);
        await setArticleAuthors(tx, id, input.authorIds);
        await setArticleTags(tx, id, await ensureTags(tx, input.tagSlugs));
        await deps.index.index(tx, id);
        // A published piece edited in substance shows "Updated" with this time (not a first publication, not a minor edit).
        if (existing?.status === 'published' && status === 'published' && !opts.minor && changesSubstance(existing, input))
          await markArticleRevised(tx, id, now);
        await deps.revisions?.record(tx, { articleId: id, userId: actor.id, input, at: now });
        if (opts.audit)
          await insertAudit(tx, {
            at: now,
            userId: actor.id,
            action: opts.audit.action,
            subjectType: 'article',
            subjectId: id,
            detail: opts.audit.detail,
          });
        if (status === 'published')
          await recordEvent(tx, { type: existing?.status === 'published' ? 'article.updated' : 'article.published', id }, now);
        else if (existing?.status === 'published') await recordEvent(tx, { type: 'article.unpublished', id, slug: existing.slug }, now);
        if (opts.action === 'publish' && existing?.status !== 'published')
          await insertAudit(tx, {
            at: now,
            userId: actor.id,
            action: 'article.publish',
            subjectType: 'article',
            subjectId: id,
            detail: input.title,
          });
        if (opts.action === 'schedule') {
          await insertAudit(tx, {
            at: now,
            userId: actor.id,
            action: 'article.schedule',
            subjectType: 'article',
            subjectId: id,
            detail: `${input.title} at ${publishedAt}`,
          });
          await enqueueJob(tx, 'publish-scheduled', opts.scheduleAt!, {}, now);
        }
        await opts.within?.(tx, id);
        return id;
      });
      deps.contentChanged();
      if (status === 'published') await deps.onPublished?.(id);
      return id;
    },

    /** Takes a published or scheduled article back to draft. */
    async unpublish(actor: Actor, id: number): Promise<void> {
      if (!canPublish(actor)) throw new AppError('forbidden', 'article.error.editors_unpublish');
      const a = await findArticleById(db, id);
      if (!a) throw new AppError('not_found', 'Article not found');
      const now = clock();
      await inTransaction(db, async (tx) => {
        await updateArticleStatus(tx, id, 'draft', a.status === 'published' ? a.publishedAt : null, now);
        await deps.index.remove(tx, id);
        if (a.status === 'published') await recordEvent(tx, { type: 'article.unpublished', id, slug: a.slug }, now);
        await insertAudit(tx, {
          at: now,
          userId: actor.id,
          action: 'article.unpublish',
          subjectType: 'article',
          subjectId: id,
          detail: a.title,
        });
      });
      deps.contentChanged();
    },

    /** Deletes an article for good. */
    async remove(actor: Actor, id: number): Promise<void> {
      const a = await findArticleById(db, id);
      if (!a) throw new AppError('not_found', 'Article not found');
      if (!canPublish(actor) && !canEdit(actor, a)) throw new AppError('forbidden', 'article.error.delete_own_drafts');
      const now = clock();
      await inTransaction(db, async (tx) => {
        await deps.index.remove(tx, id);
        await deleteArticle(tx, id, now);
        if (a.status === 'published') await recordEvent(tx, { type: 'article.unpublished', id, slug: a.slug, reason: 'deleted' }, now);
        await insertAudit(tx, {
          at: now,
          userId: actor.id,
          action: 'article.delete',
          subjectType: 'article',
          subjectId: id,
          detail: a.title,
        });
      });
      deps.contentChanged();
    },

    /** Publishes every scheduled article whose time has come; the scheduler job calls it. */
    async publishDue(): Promise<number> {
      const now = clock();
      const due = await listDueScheduled(db, now);
      let published = 0;
      for (const d of due) {
        // Several instances may run this at once: the row lock lets exactly one of them publish each article.
        const mine = await inTransaction(db, async (tx) => {
          const a = await lockArticleState(tx, d.id);
          if (!a || a.status !== 'scheduled') return false;
          if (!(await publishScheduledArticle(tx, d.id, now))) return false;
          await deps.index.index(tx, d.id);
          await recordEvent(tx, { type: 'article.published', id: d.id }, now);
          await insertAudit(tx, {
            at: now,
            userId: null,
            action: 'article.publish',
            subjectType: 'article',
            subjectId: d.id,
            detail: `${a.title} (scheduled)`,
          });
          return true;
        });
        if (!mine) continue;
        published++;
        await deps.onPublished?.(d.id);
      }
      if (published) deps.contentChanged();
      return published;
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
