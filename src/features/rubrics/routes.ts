// Routes of the rubrics feature: each rubric's paginated page.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { renderDocument } from '../../platform/render.js';
import { newestOf, pageBounds } from '../../platform/ui/article-list.js';
import { parsePage } from '../../platform/ui/pagination.js';
import type { AppCtx } from '../app-context.js';
import { listPublishedArticles } from '../articles/article-store.js';
import { countListArticles } from '../articles/list-count.js';
import { loadChrome } from '../site/chrome.js';
import { findRubricBySlug } from './rubric-store.js';
import { RubricPage } from './views/rubric-page.js';
import { commentCountsBySlug } from '../comments/comment-store.js';

const PER_PAGE = 20;

/** Registers every URL of the rubrics feature. */
export function registerRubricRoutes(app: FastifyInstance, ctx: AppCtx): void {
  app.get<{ Params: { slug: string }; Querystring: { page?: string } }>('/rubric/:slug', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const rubric = await findRubricBySlug(ctx.db, request.params.slug);
      if (!rubric) throw notFound('Rubric');
      const page = parsePage(request.query.page);
      const total = await countListArticles(ctx, { now, rubricId: rubric.id });
      const bounds = pageBounds(total, page, PER_PAGE);
      if (!bounds) throw notFound('Page');
      const [chrome, items] = await Promise.all([
        loadChrome(ctx, request),
        listPublishedArticles(ctx.db, { now, rubricId: rubric.id, limit: PER_PAGE, offset: bounds.offset }),
      ]);
      const info = { page, pages: bounds.pages, basePath: `/rubric/${rubric.slug}` };
      const commentCounts = await commentCountsBySlug(ctx.db, items);
      return {
        body: renderDocument(RubricPage({ t: ctx.t, chrome, rubric, items, info, total, commentCounts })),
        lastModified: newestOf(items.map((a) => a.updatedAt)),
        tags: ['comment-counts'],
      };
    }),
  );
}
