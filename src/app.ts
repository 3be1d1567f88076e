// buildApp wires the platform and registers every feature's routes, by hand and in one place.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  type FastifyReply,
  type FastifyServerOptions,
} from 'fastify';
import formbody from '@fastify/formbody';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { Config } from './config.js';
import type { Db } from './platform/db.js';
import { AppError, MESSAGE_KEY } from './platform/errors.js';
import { translator } from './platform/i18n/index.js';
import { createJobRunner, enqueueJob } from './platform/jobs.js';
import { createMailer, type Mailer } from './platform/mailer.js';
import { createContentMemo } from './platform/content-memo.js';
import { packageRoot } from './platform/package-root.js';
import { createPageCache } from './platform/page-cache.js';
import { renderDocument } from './platform/render.js';
import { SECURITY_HEADERS } from './platform/security.js';
import { buildStylesheet } from './platform/stylesheet.js';
import type { AppCtx } from './platform/app-context.js';
import { commentQueueBadges } from './features/comments/queue-badges.js';
import { listRubrics } from './features/rubrics/rubric-store.js';
import { findSiteInfo } from './features/site/site-store.js';
import type { PublishingService } from './features/articles/publishing-service.js';
import { articleSearchIndex } from './features/search/search-index-store.js';
import { createPublishingService } from './features/articles/publishing-service.js';
import { loadChrome } from './platform/chrome.js';
import { ErrorPage } from './features/site/views/error-page.js';
import { registerAuthorRoutes } from './features/authors/routes.js';
import { registerArticlePage } from './pages/article-page.js';
import { registerHomePage } from './pages/home-page.js';
import { registerListPages } from './pages/list-pages.js';
import { registerEventRoutes } from './features/events/routes.js';
import { registerSearchRoutes } from './features/search/routes.js';
import { registerFeedRoutes } from './features/feeds/routes.js';
import { registerAdminRoutes } from './features/admin/routes.js';
import { registerDossierRoutes } from './features/dossiers/routes.js';
import { registerCommentRoutes } from './features/comments/routes.js';
import { registerReaderRoutes } from './features/readers/routes.js';
import { extractArticleJob } from './features/dossiers/dossier-service.js';
import { registrationJobs } from './features/events/registration-jobs.js';
import { createMediaLibrary } from './features/media/media-library.js';
import { registerMediaRoutes } from './features/media/routes.js';
import { registerRevisionRoutes } from './features/revisions/routes.js';

const ROOT = packageRoot(import.meta.url);

// Fastify loads Ajv and fast-json-stringify to build its schema compilers when it is created, a tenth of
// start-up; no route declares a schema, so they are loaded (from Fastify's own dependencies) only if one does.
const fromFastify = (id: string) => createRequire(createRequire(import.meta.url).resolve('fastify'))(id);
const LAZY_SCHEMA_COMPILERS: NonNullable<FastifyServerOptions['schemaController']> = {
  compilersFactory: {
    buildValidator: (...args) => fromFastify('@fastify/ajv-compiler')()(...args),
    buildSerializer: (...args) => fromFastify('@fastify/fast-json-stringify-compiler')()(...args),
  },
};

export interface AppDeps {
  config: Config;
  db: Db;
  clock?: () => Date;
  /** Tests pass their own; otherwise built from SMTP_URL or the outbox folder. */
  mailer?: Mailer;
  /** Logger options; tests pass false. */
  logger?: boolean | object;
}

/** The context plus the domain services that commands and tests drive directly. */
export type AppServices = AppCtx & { publishing: PublishingService };

export interface App {
  server: FastifyInstance;
  ctx: AppServices;
  close(): Promise<void>;
}

/** Builds the whole application; nothing is shared between two apps in one process. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, db } = deps;
  const clock = deps.clock ?? (() => new Date());
  const cache = createPageCache({ enabled: config.pageCache, headers: SECURITY_HEADERS });
  const memo = createContentMemo({ enabled: config.pageCache });
  const server = Fastify({
    // Cached anonymous pages are answered before routing, hooks and cookie parsing (see page-cache.ts).
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (!cache.serveRaw(req, res)) handler(req, res);
      }),
    logger: deps.logger ?? (config.logLevel === 'silent' ? false : { level: config.logLevel }),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    schemaController: LAZY_SCHEMA_COMPILERS,
  });
  const t = translator('en');
  const mailer = deps.mailer ?? createMailer({ smtpUrl: config.smtpUrl, outboxDir: join(config.dataDir, 'outbox'), from: config.mailFrom });
  const ctx = {
    config,
    db,
    clock,
    cache,
    memo,
    t,
    log: server.log,
    mailer,
    contentChanged: () => {
      cache.invalidate();
      memo.clear();
    },
    commentsChanged: (ids: number[]) => cache.invalidate([...ids.map((id) => `comments:${id}`), 'comment-counts']),
    // The shells in platform/ get their feature data here: the site and rubric menu, the comment queues.
    loadShell: async () => {
      const [site, rubrics] = await Promise.all([findSiteInfo(db, config.baseUrl), listRubrics(db)]);
      return { site, rubrics: rubrics.map((r) => ({ slug: r.slug, name: r.name })) };
    },
    adminBadges: (staff) => commentQueueBadges(db, t, staff),
  } as AppServices;
  ctx.publishing = createPublishingService({
    index: articleSearchIndex,
    db,
    clock,
    contentChanged: ctx.contentChanged,
    // Extraction runs as a job so publishing never waits on the knowledge engine.
    onPublished: async (id) => {
      await enqueueJob(db, 'extract-article', clock(), { articleId: id }, clock());
    },
  });
  ctx.jobs = createJobRunner(
    db,
    {
      'publish-scheduled': async () => {
        await ctx.publishing.publishDue();
      },
      'extract-article': extractArticleJob(db, clock, ctx.contentChanged),
      ...registrationJobs(ctx),
    },
    clock,
    server.log,
  );

  // One constant object: building headers per request costs more than serving a cached page.
  server.addHook('onRequest', (_req, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });

  await server.register(cookie, { secret: config.sessionSecret });
  await server.register(formbody, { bodyLimit: 2 * 1024 * 1024 });
  // Each feature owns a part of the stylesheet; they are joined once here and served from memory.
  for (const [path, dir] of [
    ['/assets/site.css', 'css'],
    ['/assets/admin.css', 'admin-css'],
  ]) {
    const sheet = buildStylesheet(join(ROOT, 'public', dir));
    server.get(path, (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600').header('etag', sheet.etag).type('text/css; charset=utf-8');
      return request.headers['if-none-match'] === sheet.etag ? reply.code(304).send() : reply.send(sheet.css);
    });
  }
  // Browsers ask for /favicon.ico on pages that name no icon (feeds, errors, mail previews).
  const favicon = readFileSync(join(ROOT, 'public', 'favicon.svg'));
  server.get('/favicon.ico', (_request, reply) =>
    reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(favicon),
  );
  await server.register(fastifyStatic, {
    root: join(ROOT, 'public'),
    prefix: '/assets/',
    maxAge: '1d',
    decorateReply: false,
    etag: true,
    lastModified: true,
  });
  await server.register(fastifyStatic, { root: join(ROOT, 'client'), prefix: '/assets/js/', maxAge: '1h', decorateReply: false });
  await server.register(fastifyStatic, {
    root: [join(ROOT, 'node_modules/@fontsource/source-serif-4/files'), join(ROOT, 'node_modules/@fontsource/inter/files')],
    prefix: '/assets/fonts/',
    maxAge: '365d',
    immutable: true,
    decorateReply: false,
  });

  server.setErrorHandler((err: FastifyError, request, reply) => sendError(ctx, err, request, reply));
  server.setNotFoundHandler((request, reply) => sendError(ctx, new AppError('not_found', 'Page not found'), request, reply));

  // Pages that gather several features, composed above them (src/pages).
  registerHomePage(server, ctx);
  registerArticlePage(server, ctx);
  registerListPages(server, ctx);
  registerAuthorRoutes(server, ctx);
  registerEventRoutes(server, ctx);
  registerSearchRoutes(server, ctx);
  registerFeedRoutes(server, ctx);
  registerAdminRoutes(server, ctx, ctx.publishing);
  registerDossierRoutes(server, ctx);
  registerCommentRoutes(server, ctx);
  registerReaderRoutes(server, ctx);
  registerMediaRoutes(server, ctx, createMediaLibrary({ db, dir: join(config.dataDir, 'media'), clock }));
  registerRevisionRoutes(server, ctx, ctx.publishing);

  return {
    server,
    ctx,
    async close() {
      await ctx.jobs.stop();
      await server.close();
      if (!deps.mailer) mailer.close();
    },
  };
}

/** The one error handler: typed errors to their status, Fastify's client errors kept, 5xx logged and hidden. */
async function sendError(ctx: AppCtx, err: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  let status = err instanceof AppError ? err.status : ((err as FastifyError).statusCode ?? 500);
  if (status < 400 || status > 599) status = 500;
  const t = ctx.t;
  let message: string;
  if (err instanceof AppError) message = err.message && err.message !== err.code ? err.message : t(MESSAGE_KEY[err.code]);
  else if (status === 413) message = t('error.too_large');
  else if (status === 404) message = t('error.not_found');
  else if (status === 405) message = t('error.method_not_allowed');
  else if (status === 415) message = 'Send the form as application/x-www-form-urlencoded or JSON.';
  else if (status < 500) message = t('error.bad_request');
  else message = t('error.server');
  if (status >= 500) request.log.error({ err }, 'request failed');
  reply.headers(SECURITY_HEADERS).header('cache-control', 'no-store');
  if (request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json')) {
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send({ error: { status, message, ...(err instanceof AppError && Object.keys(err.fields).length ? { fields: err.fields } : {}) } });
  }
  const title = status === 404 ? t('error.not_found.title') : status >= 500 ? t('error.server.title') : message;
  let html: string;
  try {
    const chrome = await loadChrome(ctx, request);
    html = renderDocument(ErrorPage({ t, chrome, status, title, message, path: request.url.split('?')[0] }));
  } catch {
    html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${status}</title><h1>${status}</h1><p>${message.replace(/[<&]/g, '')}</p>`;
  }
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
