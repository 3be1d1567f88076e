// /admin/articles/:id/revisions: the list, a comparison of two, and restoring one.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { idParam, queryParam, sendAdminPage } from '../../platform/admin-page.js';
import type { AppCtx } from '../../platform/app-context.js';
import { AppError, notFound, ValidationError } from '../../platform/errors.js';
import type { Article } from '../articles/article.js';
import { findArticleById } from '../articles/article-store.js';
import { type Actor, canEdit, canPublish, type PublishingService, type SaveAction } from '../articles/publishing-service.js';
import { findAuthorByUserId } from '../authors/author-store.js';
import { diffRevisions } from './revision.js';
import { findRevision, listRevisions } from './revision-store.js';
import { RevisionDiffPage, RevisionListPage } from './views/revision-pages.js';

/** Registers the revision pages; every save records a revision through the publishing service (revisionLog). */
export function registerRevisionRoutes(app: FastifyInstance, ctx: AppCtx, publishing: PublishingService): void {
  const { t } = ctx;

  async function editable(request: FastifyRequest): Promise<{ actor: Actor; article: Article }> {
    const user = requireRole(request, AREA_ROLES.articles);
    const article = await findArticleById(ctx.db, idParam(request));
    if (!article) throw notFound('Article');
    const author = user.role === 'author' ? await findAuthorByUserId(ctx.db, user.id) : undefined;
    const actor: Actor = { id: user.id, role: user.role, authorId: author?.id };
    if (!canEdit(actor, article)) throw new AppError('forbidden', t('admin.articles.forbidden'));
    return { actor, article };
  }

  const revisionId = (raw: string) => (/^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : undefined);

  adminScope(app, ctx, (admin) => {
    admin.get('/articles/:id/revisions', async (request, reply) => {
      const { actor, article } = await editable(request);
      const revisions = await listRevisions(ctx.db, article.id);
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: t('revisions.title', { title: article.title }), current: 'articles' },
        RevisionListPage({
          t,
          csrf: formToken(ctx, request),
          articleId: article.id,
          revisions,
          canRestore: article.status === 'draft' || canPublish(actor),
        }),
      );
    });

    admin.get('/articles/:id/revisions/compare', async (request, reply) => {
      const { article } = await editable(request);
      const fromId = revisionId(queryParam(request, 'from'));
      const toId = revisionId(queryParam(request, 'to'));
      if (!fromId || !toId) throw new AppError('bad_request', t('revisions.pick_two'));
      const [from, to] = await Promise.all([findRevision(ctx.db, article.id, fromId), findRevision(ctx.db, article.id, toId)]);
      if (!from || !to) throw notFound('Revision');
      // Older on the left, whichever way round they were picked.
      const [a, b] = from.id <= to.id ? [from, to] : [to, from];
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: t('revisions.compare_title', { title: article.title }), current: 'articles' },
        RevisionDiffPage({ t, articleId: article.id, from: a, to: b, diffs: diffRevisions(a.input, b.input) }),
      );
    });

    admin.post('/articles/:id/revisions/:rev/restore', async (request, reply) => {
      const { actor, article } = await editable(request);
      const rev = await findRevision(ctx.db, article.id, revisionId((request.params as { rev: string }).rev) ?? 0);
      if (!rev) throw notFound('Revision');
      // The article keeps its state: a published piece is published again with the old text, a draft stays one.
      const action: SaveAction = article.status === 'published' ? 'publish' : article.status === 'scheduled' ? 'schedule' : 'draft';
      try {
        await publishing.save(actor, rev.input, {
          id: article.id,
          action,
          scheduleAt: action === 'schedule' && article.publishedAt ? new Date(article.publishedAt) : undefined,
          // The save keeps the restored text as a new revision and logs the restore, in one transaction.
          audit: { action: 'article.restore', detail: `revision ${rev.id}` },
        });
      } catch (err) {
        if (err instanceof ValidationError)
          throw new AppError('conflict', t('revisions.restore_failed', { reason: Object.values(err.fields)[0] ?? err.message }));
        throw err;
      }
      return reply.redirect(`/admin/articles/${article.id}/edit?notice=restored`, 303);
    });
  });
}
