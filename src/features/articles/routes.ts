// Routes of the articles feature: the public article page and the archive.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { renderDocument } from '../../platform/render.js';
import { newestOf, pageBounds } from '../../platform/ui/article-list.js';
import { parsePage } from '../../platform/ui/pagination.js';
import type { AppCtx } from '../app-context.js';
import { findEventForArticle } from '../events/event-store.js';
import { nextEvent } from '../events/next-event.js';
import { listPublicFactsForArticle } from '../dossiers/dossier-store.js';
import { markEvidenceWithIds } from '../dossiers/evidence.js';
import { FactsBlock } from '../dossiers/views/facts-block.js';
import { loadChrome } from '../site/chrome.js';
import { commentCountsBySlug } from '../comments/comment-store.js';
import { loadCommentsSection } from '../comments/comment-thread.js';
import { isPublic } from './article.js';
import { findReadableArticleBySlug, listPublishedArticles, listRelatedArticles } from './article-store.js';
import { countListArticles } from './list-count.js';
import { ArchivePage } from './views/archive-page.js';
import { ArticlePage } from './views/article-page.js';

/** Articles per page of every paginated list. */
export const PER_PAGE = 20;

/** Registers every URL of the articles feature. */
export function registerArticleRoutes(app: FastifyInstance, ctx: AppCtx): void {
  app.get<{ Params: { slug: string } }>('/articles/:slug', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const article = await findReadableArticleBySlug(ctx.db, request.params.slug);
      // Drafts and scheduled pieces do not exist for readers.
      if (!article || !isPublic(article, now)) throw notFound('Article');
      const [chrome, related, event, knowledge] = await Promise.all([
        loadChrome(ctx, request),
        listRelatedArticles(ctx.db, article, now, { memo: ctx.memo }),
        findEventForArticle(ctx.db, article.id, now, () => nextEvent(ctx, now), ctx.memo),
        listPublicFactsForArticle(ctx.db, article.id),
      ]);
      const comments = await loadCommentsSection(ctx, request, article, chrome.site.language);
      // Each fact's sentence gets an anchor in the body, so dossiers can link straight to it.
      const { html, marked } = markEvidenceWithIds(
        article.bodyHtml,
        knowledge.facts.map((f) => ({ id: f.id, text: f.evidence.text })),
      );
      const facts = FactsBlock({
        t: ctx.t,
        facts: knowledge.facts,
        entities: knowledge.entities,
        lang: article.language,
        anchored: marked,
      });
      const body = renderDocument(
        ArticlePage({ t: ctx.t, chrome, article: { ...article, bodyHtml: html }, related, event, facts, comments }),
      );
      return {
        body,
        lastModified: newestOf([article.updatedAt, event?.updatedAt, comments.lastChange, ...related.map((r) => r.updatedAt)]),
        tags: [`comments:${article.id}`],
      };
    }),
  );

  app.get<{ Querystring: { page?: string } }>('/archive', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const page = parsePage(request.query.page);
      const total = await countListArticles(ctx, { now });
      const bounds = pageBounds(total, page, PER_PAGE);
      if (!bounds) throw notFound('Page');
      const [chrome, items] = await Promise.all([
        loadChrome(ctx, request),
        listPublishedArticles(ctx.db, { now, limit: PER_PAGE, offset: bounds.offset }),
      ]);
      const commentCounts = await commentCountsBySlug(ctx.db, items);
      const body = renderDocument(
        ArchivePage({ t: ctx.t, chrome, items, total, info: { page, pages: bounds.pages, basePath: '/archive' }, commentCounts }),
      );
      return { body, lastModified: newestOf(items.map((a) => a.updatedAt)), tags: ['comment-counts'] };
    }),
  );
}
