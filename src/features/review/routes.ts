// The review routes: the queue, the steps on a draft, and the newsroom's setting. The editor shows the panel
// (features/admin composes views/review-block); each step here redirects back to it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { idParam, queryParam, sendAdminPage } from '../../platform/admin-page.js';
import type { AppCtx } from '../../platform/app-context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { field, formOf } from '../../platform/forms.js';
import { messageKey } from '../../platform/i18n/index.js';
import type { Article, ArticleInput } from '../articles/article.js';
import { findArticleById } from '../articles/article-store.js';
import { type Actor, canEdit, canPublish } from '../articles/publishing-service.js';
import { insertAudit } from '../audit/audit-store.js';
import { findAuthorByUserId } from '../authors/author-store.js';
import { parseNote } from './review.js';
import type { ReviewService } from './review-service.js';
import { listReviewQueue, reviewRequired, setReviewRequired } from './review-store.js';
import { ReviewQueuePage } from './views/review-queue-page.js';

const NOTICES = ['review_settings'] as const;

/** "YYYY-MM-DDTHH:MM" read as UTC, or undefined. */
function utcLocal(raw: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/.exec(raw.trim());
  if (!m) return undefined;
  const d = new Date(`${m[1]}:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === m[1] ? d : undefined;
}

/** The fields of a saved article, as a save takes them (an approval publishes the draft as it stands). */
export function inputOfArticle(a: Article): ArticleInput {
  return {
    title: a.title,
    slug: a.slug,
    lead: a.lead,
    bodyMd: a.bodyMd,
    language: a.language as ArticleInput['language'],
    rubricId: a.rubric?.id ?? null,
    authorIds: a.authors.map((x) => x.id),
    tagSlugs: a.tags.map((x) => x.slug),
    coverUrl: a.cover?.url ?? '',
    coverCaption: a.cover?.caption ?? '',
    coverCredit: a.cover?.credit ?? '',
    commentsMode: a.commentsMode,
  };
}

/** Registers /admin/review and /admin/articles/:id/review/*. */
export function registerReviewRoutes(app: FastifyInstance, ctx: AppCtx, review: ReviewService): void {
  const { t } = ctx;

  /** The draft of :id and the actor, who must be able to see it (its author or an editor): 404 before 403. */
  async function onArticle(request: FastifyRequest): Promise<{ actor: Actor; article: Article }> {
    const user = requireRole(request, AREA_ROLES.articles);
    const article = await findArticleById(ctx.db, idParam(request));
    if (!article) throw notFound('Article');
    const author = user.role === 'author' ? await findAuthorByUserId(ctx.db, user.id) : undefined;
    const actor: Actor = { id: user.id, role: user.role, authorId: author?.id };
    if (!canPublish(actor) && !canEdit(actor, article)) throw new AppError('forbidden', t('admin.articles.forbidden'));
    return { actor, article };
  }

  const back = (id: number, notice: string) => `/admin/articles/${id}/edit?notice=${notice}#review`;

  adminScope(app, ctx, (admin) => {
    admin.get('/review', async (request, reply) => {
      const user = requireRole(request, ['admin', 'editor']);
      const [items, required] = await Promise.all([listReviewQueue(ctx.db, { limit: 200 }), reviewRequired(ctx.db)]);
      const n = queryParam(request, 'notice');
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: t('review.queue.title'), current: 'review' },
        ReviewQueuePage({
          t,
          csrf: formToken(ctx, request),
          items,
          required,
          canSet: user.role === 'admin',
          notice: (NOTICES as readonly string[]).includes(n) ? t(messageKey(`admin.notice.${n}`)) : undefined,
        }),
      );
    });

    admin.post('/review/settings', async (request, reply) => {
      const user = requireRole(request, ['admin']);
      const raw = formOf(request).required;
      const required = (Array.isArray(raw) ? raw : [raw]).includes('1');
      await setReviewRequired(ctx.db, required);
      await insertAudit(ctx.db, {
        at: ctx.clock(),
        userId: user.id,
        action: 'settings.review',
        subjectType: 'settings',
        subjectId: 'review.required',
        detail: required ? 'required' : 'optional',
      });
      return reply.redirect('/admin/review?notice=review_settings', 303);
    });

    admin.post('/articles/:id/review/submit', async (request, reply) => {
      const { actor, article } = await onArticle(request);
      await review.submit(actor, article);
      return reply.redirect(back(article.id, 'review_submitted'), 303);
    });

    admin.post('/articles/:id/review/assign', async (request, reply) => {
      const { actor, article } = await onArticle(request);
      const raw = field(formOf(request), 'assignee_id');
      if (!/^[1-9][0-9]{0,9}$/.test(raw)) throw new AppError('validation', 'review.error.reviewer');
      await review.assign(actor, article, Number(raw));
      return reply.redirect(back(article.id, 'review_assigned'), 303);
    });

    admin.post('/articles/:id/review/notes', async (request, reply) => {
      const { actor, article } = await onArticle(request);
      const form = formOf(request);
      const note = parseNote(field(form, 'body'));
      if (!note.ok) throw new AppError('validation', note.error);
      const parentRaw = field(form, 'parent_id');
      if (parentRaw && !/^[1-9][0-9]{0,9}$/.test(parentRaw)) throw new AppError('validation', 'review.error.parent');
      await review.note(actor, article, note.value, parentRaw ? Number(parentRaw) : null);
      return reply.redirect(back(article.id, 'review_noted'), 303);
    });

    admin.post('/articles/:id/review/send-back', async (request, reply) => {
      const { actor, article } = await onArticle(request);
      const note = parseNote(field(formOf(request), 'body'));
      if (!note.ok)
        throw new AppError('validation', note.error === 'review.error.note_required' ? 'review.error.send_back_note' : note.error);
      await review.sendBack(actor, article, note.value);
      return reply.redirect(back(article.id, 'review_sent_back'), 303);
    });

    admin.post('/articles/:id/review/approve', async (request, reply) => {
      const { actor, article } = await onArticle(request);
      const raw = field(formOf(request), 'publish_at').trim();
      let at: Date | undefined;
      if (raw) {
        at = utcLocal(raw);
        if (!at) throw new AppError('validation', 'admin.editor.schedule_invalid');
        if (at <= ctx.clock()) throw new AppError('validation', 'admin.editor.schedule_past');
      }
      await review.approve(actor, article, inputOfArticle(article), at);
      return reply.redirect(back(article.id, at ? 'scheduled' : 'published'), 303);
    });
  });
}
