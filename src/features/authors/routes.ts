// Routes of the authors feature: the list of authors and each author's paginated page.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { renderDocument } from '../../platform/render.js';
import { newestOf, pageBounds } from '../../platform/ui/article-list.js';
import { parsePage } from '../../platform/ui/pagination.js';
import type { AppCtx } from '../app-context.js';
import { listPublishedArticles } from '../articles/article-store.js';
import { countListArticles } from '../articles/list-count.js';
import { loadChrome } from '../site/chrome.js';
import { findAuthorBySlug, listAuthors } from './author-store.js';
import { AuthorPage } from './views/author-page.js';
import { AuthorsPage } from './views/authors-page.js';
import { commentCountsBySlug } from '../comments/comment-store.js';

const PER_PAGE = 20;

/** Registers every URL of the authors feature. */
export function registerAuthorRoutes(app: FastifyInstance, ctx: AppCtx): void {
  app.get('/authors', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const [chrome, authors] = await Promise.all([loadChrome(ctx, request), listAuthors(ctx.db)]);
      return { body: renderDocument(AuthorsPage({ t: ctx.t, chrome, authors })) };
    }),
  );

  app.get<{ Params: { slug: string }; Querystring: { page?: string } }>('/authors/:slug', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const author = await findAuthorBySlug(ctx.db, request.params.slug);
      if (!author) throw notFound('Author');
      const page = parsePage(request.query.page);
      const total = await countListArticles(ctx, { now, authorId: author.id });
      const bounds = pageBounds(total, page, PER_PAGE);
      if (!bounds) throw notFound('Page');
      const [chrome, items] = await Promise.all([
        loadChrome(ctx, request),
        listPublishedArticles(ctx.db, { now, authorId: author.id, limit: PER_PAGE, offset: bounds.offset }),
      ]);
      const info = { page, pages: bounds.pages, basePath: `/authors/${author.slug}` };
      const commentCounts = await commentCountsBySlug(ctx.db, items);
      return {
        body: renderDocument(AuthorPage({ t: ctx.t, chrome, author, items, info, total, commentCounts })),
        lastModified: newestOf(items.map((a) => a.updatedAt)),
        tags: ['comment-counts'],
      };
    }),
  );
}
