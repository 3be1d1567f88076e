// /corrections: the public list of every correction and update note, per edition.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../../platform/app-context.js';
import { loadChrome } from '../../platform/chrome.js';
import { notFound } from '../../platform/errors.js';
import { renderDocument } from '../../platform/render.js';
import { parsePage } from '../../platform/ui/pagination.js';
import { listPublicCorrections } from './correction-store.js';
import { CorrectionsPage } from './views/corrections-page.js';

export const CORRECTIONS_PER_PAGE = 30;

/** Registers /corrections (at the root and under each edition's prefix). */
export function registerCorrectionRoutes(app: FastifyInstance, ctx: AppCtx): void {
  app.get<{ Querystring: { page?: string } }>('/corrections', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const page = parsePage(request.query.page);
      const chrome = await loadChrome(ctx, request);
      const list = await listPublicCorrections(ctx.db, {
        now,
        language: chrome.site.language,
        limit: CORRECTIONS_PER_PAGE,
        offset: (page - 1) * CORRECTIONS_PER_PAGE,
      });
      const pages = Math.max(1, Math.ceil(list.total / CORRECTIONS_PER_PAGE));
      if (page > pages) throw notFound('Page');
      const body = renderDocument(
        CorrectionsPage({ t: ctx.t, chrome, items: list.items, info: { page, pages, basePath: `${ctx.edition.prefix}/corrections` } }),
      );
      // No Last-Modified: a removed note makes the page older, never newer; the ETag still answers 304.
      return { body };
    }),
  );
}
