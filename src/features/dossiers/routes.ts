// Every URL of the dossiers feature: the public index, entity and country-pair dossiers, and the
// staff review of extracted facts under /admin/facts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { renderDocument } from '../../platform/render.js';
import { parsePage } from '../../platform/ui/pagination.js';
import type { AppCtx } from '../../platform/app-context.js';
import { loadChrome } from '../../platform/chrome.js';
import { registerFactAdminRoutes } from './admin-routes.js';
import { loadDossierAggregates } from './dossier-aggregates.js';
import { ENTITY_TYPES, entityArgs, idFromPath, type DossierEntity } from './dossier.js';
import { findEntities, findEntity, findEntityRefs, listTimeline, listTopEntities, searchEntities, type Scope } from './dossier-store.js';
import { DossierIndexPage } from './views/dossier-index-page.js';
import { DossierPage, pairPath } from './views/dossier-page.js';

const PER_PAGE = 50;

/** Registers the dossier pages and the fact review screens. */
export function registerDossierRoutes(app: FastifyInstance, ctx: AppCtx, opts: { edition?: boolean } = {}): void {
  const prefix = ctx.edition.prefix;
  app.get<{ Querystring: { q?: unknown } }>('/dossiers', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const raw = request.query.q;
      const q = (typeof raw === 'string' ? raw : '').replace(/\s+/g, ' ').trim().slice(0, 100);
      const [chrome, results, groups] = await Promise.all([
        loadChrome(ctx, request),
        q ? searchEntities(ctx.db, q, now) : Promise.resolve([]),
        q
          ? Promise.resolve([])
          : Promise.all(
              ENTITY_TYPES.filter((x) => x !== 'place').map(async (type) => ({ type, items: await listTopEntities(ctx.db, type, now) })),
            ),
      ]);
      return { body: renderDocument(DossierIndexPage({ t: ctx.t, chrome, q, results, groups })) };
    }),
  );

  app.get<{ Params: { a: string; b: string }; Querystring: { page?: string } }>('/dossiers/pair/:a/:b', async (request, reply) => {
    const { a, b } = request.params;
    if (!/^[a-zA-Z]{2}$/.test(a) || !/^[a-zA-Z]{2}$/.test(b) || a.toLowerCase() === b.toLowerCase()) throw notFound('Dossier');
    const canonical = pairPath(`country:${a}`, `country:${b}`, prefix);
    if (canonical !== `${prefix}/dossiers/pair/${a}/${b}`) {
      const page = parsePage(request.query.page);
      return reply.redirect(page > 1 ? `${canonical}?page=${page}` : canonical, 301);
    }
    return ctx.cache.serve(request, reply, async () => {
      const ids = [`country:${a.toUpperCase()}`, `country:${b.toUpperCase()}`] as [string, string];
      const found = await findEntities(ctx.db, ids);
      const subjects = ids.map((id) => found.get(id));
      if (!subjects[0] || !subjects[1]) throw notFound('Dossier');
      return renderDossier(
        ctx,
        request,
        { pair: ids },
        subjects as [DossierEntity, DossierEntity],
        canonical,
        parsePage(request.query.page),
      );
    });
  });

  app.get<{ Params: { type: string; slug: string }; Querystring: { page?: string } }>('/dossiers/:type/:slug', async (request, reply) => {
    const { type, slug } = request.params;
    const id = idFromPath(type, slug);
    if (!id) throw notFound('Dossier');
    if (slug !== slug.toLowerCase()) return reply.redirect(`${prefix}/dossiers/${type}/${slug.toLowerCase()}`, 301);
    return ctx.cache.serve(request, reply, async () => {
      const entity = await findEntity(ctx.db, id);
      if (!entity) throw notFound('Dossier');
      return renderDossier(ctx, request, { entity: id }, [entity], `${prefix}/dossiers/${type}/${slug}`, parsePage(request.query.page));
    });
  });

  // The fact review screens are the admin's, at the root only.
  if (!opts.edition) registerFactAdminRoutes(app, ctx);
}

async function renderDossier(
  ctx: AppCtx,
  request: FastifyRequest,
  scope: Scope,
  subjects: [DossierEntity] | [DossierEntity, DossierEntity],
  path: string,
  page: number,
) {
  const now = ctx.clock();
  const wantsFigures = 'pair' in scope || subjects[0].type === 'country';
  const { stats, articles, trade, investments, related, upcoming: plans } = await loadDossierAggregates(ctx, scope, wantsFigures, now);
  // An entity only an unpublished article knew about has no public dossier.
  if (!stats.facts && !articles.total) throw notFound('Dossier');
  const pages = Math.max(1, Math.ceil(stats.facts / PER_PAGE));
  if (page > pages) throw notFound('Page');
  const [chrome, timeline] = await Promise.all([
    loadChrome(ctx, request),
    listTimeline(ctx.db, scope, now, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
  ]);
  const selfIds = subjects.map((s) => s.id);
  // Every name the page shows, in one query.
  const ids = new Set<string>(selfIds);
  // Upcoming events head the first page only; later pages continue the timeline.
  const upcoming = page === 1 ? plans : [];
  for (const f of [...upcoming, ...timeline]) for (const a of entityArgs(f.args)) ids.add(a.id);
  for (const s of trade) {
    ids.add(s.a);
    ids.add(s.b);
  }
  for (const s of subjects) for (const r of s.roles) if (r.of) ids.add(r.of);
  const names = await findEntityRefs(ctx.db, ids);
  const info = { page, pages, basePath: path };
  return {
    body: renderDocument(
      DossierPage({ t: ctx.t, chrome, subjects, path, stats, upcoming, timeline, info, names, trade, investments, related, articles }),
    ),
  };
}
