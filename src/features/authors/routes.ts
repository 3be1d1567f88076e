// Routes of the authors feature: the list of authors. Each author's page lists articles: src/pages/list-pages.ts.
import type { FastifyInstance } from 'fastify';
import type { AppCtx } from '../../platform/app-context.js';
import { loadChrome } from '../../platform/chrome.js';
import { renderDocument } from '../../platform/render.js';
import { listAuthors } from './author-store.js';
import { AuthorsPage } from './views/authors-page.js';

/** Registers /authors. */
export function registerAuthorRoutes(app: FastifyInstance, ctx: AppCtx): void {
  app.get('/authors', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const [chrome, authors] = await Promise.all([loadChrome(ctx, request), listAuthors(ctx.db)]);
      return { body: renderDocument(AuthorsPage({ t: ctx.t, chrome, authors })) };
    }),
  );
}
