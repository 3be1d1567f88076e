// Every URL of the dossiers feature: the public index, entity and country-pair dossiers, and the
// staff review of extracted facts under /admin/facts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { renderDocument, renderFragment } from '../../platform/render.js';
import { parsePage } from '../../platform/ui/pagination.js';
import type { AppCtx } from '../../platform/app-context.js';
import { loadChrome } from '../../platform/chrome.js';
import { registerFactAdminRoutes } from './admin-routes.js';
import { loadDossierAggregates, loadGroupsWithVersionIn } from './dossier-aggregates.js';
import { consolidated, ENTITY_TYPES, entityArgs, idFromPath, inReaderLanguage, type DossierEntity, type TimelineFact } from './dossier.js';
import {
  findEntities,
  findEntity,
  findEntityRefs,
  listTimeline,
  listTopEntities,
  listVersionFacts,
  searchEntities,
  type Scope,
} from './dossier-store.js';
import { DossierIndexPage } from './views/dossier-index-page.js';
import { DossierMain, DossierPage, type DossierPageProps, pairPath } from './views/dossier-page.js';

const PER_PAGE = 50;

/** Registers the dossier pages and the fact review screens. */
export function registerDossierRoutes(app: FastifyInstance, ctx: AppCtx): void {
  registerDossierPages(app, ctx);
  registerFactAdminRoutes(app, ctx);
}

/** The dossier pages readers see (index, entity, country pair): at the root, and again in every edition. */
export function registerDossierPages(app: FastifyInstance, ctx: AppCtx): void {
  const base = ctx.edition.prefix;
  app.get<{ Querystring: { q?: unknown } }>('/dossiers', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      // Read per request: the root edition's language is the newsroom's setting, which may change.
      const lang = ctx.edition.lang;
      const raw = request.query.q;
      const q = (typeof raw === 'string' ? raw : '').replace(/\s+/g, ' ').trim().slice(0, 100);
      const [chrome, results, groups] = await Promise.all([
        loadChrome(ctx, request),
        q ? searchEntities(ctx.db, q, now, 50, lang) : Promise.resolve([]),
        q
          ? Promise.resolve([])
          : Promise.all(
              ENTITY_TYPES.filter((x) => x !== 'place').map(async (type) => ({
                type,
                items: await listTopEntities(ctx.db, type, now, 60, lang),
              })),
            ),
      ]);
      return { body: renderDocument(DossierIndexPage({ t: ctx.t, chrome, q, results, groups })) };
    }),
  );

  app.get<{ Params: { a: string; b: string }; Querystring: { page?: string } }>('/dossiers/pair/:a/:b', async (request, reply) => {
    const { a, b } = request.params;
    if (!/^[a-zA-Z]{2}$/.test(a) || !/^[a-zA-Z]{2}$/.test(b) || a.toLowerCase() === b.toLowerCase()) throw notFound('Dossier');
    const canonical = base + pairPath(`country:${a}`, `country:${b}`);
    if (canonical !== `${base}/dossiers/pair/${a}/${b}`) {
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
    if (slug !== slug.toLowerCase()) return reply.redirect(`${base}/dossiers/${type}/${slug.toLowerCase()}`, 301);
    return ctx.cache.serve(request, reply, async () => {
      const entity = await findEntity(ctx.db, id);
      if (!entity) throw notFound('Dossier');
      return renderDossier(ctx, request, { entity: id }, [entity], `/dossiers/${type}/${slug}`, parsePage(request.query.page));
    });
  });
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
  const lang = ctx.edition.lang;
  const of = 'pair' in scope ? `pair:${scope.pair.join('|')}` : `entity:${scope.entity}`;
  // The dossier itself is the same for every reader of this edition: drawn once per content change or minute,
  // as its aggregates are, and kept within the memo's byte budget. Only the page's shell is the reader's.
  const [chrome, main] = await Promise.all([
    loadChrome(ctx, request),
    ctx.memo.get(
      `dossier-main:${of}:${ctx.edition.prefix}:${lang}:${page}:${Math.floor(now.getTime() / 60_000)}`,
      async () => {
        const [shell, read] = await Promise.all([
          loadChrome(ctx, undefined),
          listTimeline(ctx.db, scope, now, { limit: PER_PAGE, offset: (page - 1) * PER_PAGE }),
        ]);
        // Each fact in the reader's language where a version of its article in that language states it.
        const elsewhere = (fs: TimelineFact[]) => fs.filter((f) => f.article.language !== lang).map((f) => f.article.group ?? f.articleId);
        const foreign = [...elsewhere(read), ...elsewhere(plans)];
        // Only the articles that have a version in that language are asked about.
        const versioned = foreign.length ? await loadGroupsWithVersionIn(ctx, lang, now) : undefined;
        const groups = versioned ? foreign.filter((g) => versioned.has(g)) : [];
        const versions = groups.length ? await listVersionFacts(ctx.db, groups, lang, now) : [];
        const timeline = consolidated(inReaderLanguage(read, versions, lang), lang);
        const selfIds = subjects.map((s) => s.id);
        // Every name the page shows, in one query.
        const ids = new Set<string>(selfIds);
        // Upcoming events head the first page only; later pages continue the timeline.
        const upcoming = page === 1 ? consolidated(inReaderLanguage(plans, versions, lang), lang) : [];
        for (const f of [...upcoming, ...timeline]) for (const a of entityArgs(f.args)) ids.add(a.id);
        for (const s of trade) {
          ids.add(s.a);
          ids.add(s.b);
        }
        for (const s of subjects) for (const r of s.roles) if (r.of) ids.add(r.of);
        for (const r of related) ids.add(r.id);
        const names = await findEntityRefs(ctx.db, ids, lang);
        // The page's own subjects and its related entities, named as the reader's edition names them.
        const named = <E extends { id: string; name: string }>(e: E): E => ({ ...e, name: names.get(e.id)?.name ?? e.name });
        const props: Omit<DossierPageProps, 'chrome'> = {
          t: ctx.t,
          subjects: subjects.map(named) as typeof subjects,
          path,
          base: ctx.edition.prefix,
          stats,
          upcoming,
          timeline,
          info: { page, pages, basePath: ctx.edition.prefix + path },
          names,
          trade,
          investments,
          related: related.map(named),
          articles,
        };
        // Drawn with the edition's shell, never a reader's: the fragment is shared.
        return { props, html: renderFragment(DossierMain({ ...props, chrome: { ...shell, account: null } })) };
      },
      (m) => 2 * m.html.length + 8192,
    ),
  ]);
  return { body: renderDocument(DossierPage({ ...main.props, chrome, mainHtml: main.html })) };
}
