// The paginated article lists: the archive and each rubric's, tag's and author's page. Each is a list of
// articles with their comment counts under a heading from another feature, so they are composed here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ArticleSummary } from '../features/articles/article.js';
import { listPublishedArticles, type PublishedFilter } from '../features/articles/article-store.js';
import { countListArticles } from '../features/articles/list-count.js';
import { findAuthorBySlug } from '../features/authors/author-store.js';
import { commentCountsBySlug } from '../features/comments/comment-store.js';
import { findRubricBySlug } from '../features/rubrics/rubric-store.js';
import { findTagBySlug } from '../features/tags/tag-store.js';
import type { AppCtx } from '../platform/app-context.js';
import { type Chrome, loadChrome } from '../platform/chrome.js';
import { notFound } from '../platform/errors.js';
import { loadLocalizer } from '../platform/localize.js';
import { renderDocument } from '../platform/render.js';
import { newestOf, pageBounds } from '../platform/ui/article-list.js';
import { type PageInfo, parsePage } from '../platform/ui/pagination.js';
import { ArchivePage } from './views/archive-page.js';
import { AuthorPage } from './views/author-page.js';
import { RubricPage } from './views/rubric-page.js';
import { TagPage } from './views/tag-page.js';

/** Articles per page of every paginated list. */
export const PER_PAGE = 20;

/** One page of an article list, ready for its view. */
interface ListPage {
  chrome: Chrome;
  items: ArticleSummary[];
  total: number;
  info: PageInfo;
  commentCounts: Map<string, number>;
}

type Filter = Omit<PublishedFilter, 'now' | 'excludeIds' | 'limit' | 'offset'>;

/** Loads one page of a list: the memoized count, the page's articles with the shell, then their comment counts. */
async function loadListPage(ctx: AppCtx, request: FastifyRequest, filter: Filter, basePath: string): Promise<ListPage> {
  const now = ctx.clock();
  const page = parsePage((request.query as { page?: string }).page);
  // Each edition lists its own language's articles (the shell says which), and its pages link within it.
  const chrome = await loadChrome(ctx, request);
  filter = { ...filter, language: chrome.site.language };
  basePath = ctx.edition.prefix + basePath;
  const total = await countListArticles(ctx, { now, ...filter });
  const bounds = pageBounds(total, page, PER_PAGE);
  if (!bounds) throw notFound('Page');
  const local = await loadLocalizer(ctx, chrome.site.language);
  const items = (await listPublishedArticles(ctx.db, { now, ...filter, limit: PER_PAGE, offset: bounds.offset }, { memo: ctx.memo })).map(
    local.article,
  );
  const commentCounts = await commentCountsBySlug(ctx.db, items);
  return { chrome, items, total, info: { page, pages: bounds.pages, basePath }, commentCounts };
}

/** What a list page's cache entry holds: it changes with the articles shown and with their comment counts. */
function cached(body: string, list: ListPage) {
  return { body, lastModified: newestOf(list.items.map((a) => a.updatedAt)), tags: ['comment-counts'] };
}

/** Registers /archive, /rubric/:slug, /tags/:slug and /authors/:slug. */
export function registerListPages(app: FastifyInstance, ctx: AppCtx): void {
  const t = ctx.t;
  app.get<{ Querystring: { page?: string } }>('/archive', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const list = await loadListPage(ctx, request, {}, '/archive');
      return cached(renderDocument(ArchivePage({ t, ...list })), list);
    }),
  );

  app.get<{ Params: { slug: string }; Querystring: { page?: string } }>('/rubric/:slug', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const found = await findRubricBySlug(ctx.db, request.params.slug);
      if (!found) throw notFound('Rubric');
      const rubric = (await loadLocalizer(ctx, ctx.edition.lang)).rubric(found);
      const list = await loadListPage(ctx, request, { rubricId: rubric.id }, `/rubric/${rubric.slug}`);
      return cached(renderDocument(RubricPage({ t, rubric, ...list })), list);
    }),
  );

  app.get<{ Params: { slug: string }; Querystring: { page?: string } }>('/tags/:slug', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const found = await findTagBySlug(ctx.db, request.params.slug);
      if (!found) throw notFound('Tag');
      const tag = (await loadLocalizer(ctx, ctx.edition.lang)).tag(found);
      const list = await loadListPage(ctx, request, { tagId: tag.id }, `/tags/${tag.slug}`);
      return cached(renderDocument(TagPage({ t, tag, ...list })), list);
    }),
  );

  app.get<{ Params: { slug: string }; Querystring: { page?: string } }>('/authors/:slug', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const found = await findAuthorBySlug(ctx.db, request.params.slug);
      if (!found) throw notFound('Author');
      const author = (await loadLocalizer(ctx, ctx.edition.lang)).author(found);
      const list = await loadListPage(ctx, request, { authorId: author.id }, `/authors/${author.slug}`);
      return cached(renderDocument(AuthorPage({ t, author, ...list })), list);
    }),
  );
}
