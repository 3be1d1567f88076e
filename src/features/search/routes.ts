// Routes of the search feature: GET /search, a cached page per query string.
import type { FastifyInstance } from 'fastify';
import { renderDocument } from '../../platform/render.js';
import type { AppCtx } from '../../platform/app-context.js';
import { LANGUAGES } from '../articles/article.js';
import { listAuthors } from '../authors/author-store.js';
import { listRubrics } from '../rubrics/rubric-store.js';
import { loadChrome } from '../../platform/chrome.js';
import { loadLocalizer } from '../../platform/localize.js';
import { parseSearchParams } from './search-params.js';
import { COUNT_CAP, searchArticles } from './search-store.js';
import { SearchPage } from './views/search-page.js';

const PER_PAGE = 10;

/** Registers every URL of the search feature. */
export function registerSearchRoutes(app: FastifyInstance, ctx: AppCtx): void {
  app.get('/search', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      // No Last-Modified: finding the newest change costs more than a search; the ETag validates the page.
      // The filter menus change only with the content: shared by every search.
      const [chrome, rubrics, authors] = await Promise.all([
        loadChrome(ctx, request),
        ctx.memo.get('search:rubrics', () => listRubrics(ctx.db)),
        ctx.memo.get('search:authors', () => listAuthors(ctx.db)),
      ]);
      const p = parseSearchParams((request.query ?? {}) as Record<string, unknown>, { rubrics, authors });
      // An edition searches its own language unless the reader asks for another, or for all of them.
      if (!p.form.lang) p.filters.language = chrome.site.language;
      let results;
      if (p.query.terms.length) {
        const r = await searchArticles(ctx.db, {
          terms: p.query.terms,
          filters: p.filters,
          now,
          limit: PER_PAGE,
          offset: (p.page - 1) * PER_PAGE,
          memo: ctx.memo,
        });
        const pages = Math.max(1, Math.ceil(Math.min(r.total, COUNT_CAP) / PER_PAGE));
        // A hit's rubric and bylines in its own language, like the rubric page its kicker links to.
        const locals = new Map(
          await Promise.all(
            [...new Set(r.hits.map((h) => h.article.language))].map(async (l) => [l, await loadLocalizer(ctx, l)] as const),
          ),
        );
        const hits = r.hits.map((h) => ({ ...h, article: locals.get(h.article.language)!.article(h.article) }));
        results = { ...r, hits, page: p.page, pages, perPage: PER_PAGE };
      }
      const local = await loadLocalizer(ctx, chrome.site.language);
      const body = renderDocument(
        SearchPage({
          t: ctx.t,
          chrome,
          form: p.form,
          notices: p.notices,
          filtered: p.filtered,
          results,
          rubrics: rubrics.map((r) => ({ slug: r.slug, name: local.rubric(r).name })),
          authors: authors.map((a) => ({ slug: a.slug, name: a.name })),
          languages: LANGUAGES,
        }),
      );
      return { body };
    }),
  );
}
