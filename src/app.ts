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
import { hasKey, isLanguage, type Language, LANGUAGES, type MessageKey, messageKey, type T, translator } from './platform/i18n/index.js';
import { createJobRunner, enqueueJob } from './platform/jobs.js';
import { createMailer, type Mailer } from './platform/mailer.js';
import { SEND_MAIL_JOB, sendMailJob } from './platform/mail-queue.js';
import { createContentMemo } from './platform/content-memo.js';
import { packageRoot } from './platform/package-root.js';
import { createPageCache } from './platform/page-cache.js';
import { renderDocument } from './platform/render.js';
import { securityHeaders } from './platform/security.js';
import { isUniqueViolation } from './platform/db.js';
import { buildStylesheet } from './platform/stylesheet.js';
import { createAdmission } from './platform/admission.js';
import { createChangeBus, type ChangeBus } from './platform/change-bus.js';
import { ALL_PAGES_KEY, createPurger } from './platform/purge.js';
import { forgetModerationSettings } from './features/comments/moderation/settings.js';
import type { AppCtx } from './platform/app-context.js';
import { commentQueueBadges } from './features/comments/queue-badges.js';
import { listRubrics } from './features/rubrics/rubric-store.js';
import { findSiteInfo, siteIn } from './features/site/site-store.js';
import { findArticleLanguageBySlug } from './features/articles/article-store.js';
import { editionPrefix, type EditionsMode, prefixedAddress } from './platform/editions.js';
import type { PublishingService } from './features/articles/publishing-service.js';
import { articleSearchIndex } from './features/search/search-index-store.js';
import { REINDEX_HAN_JOB, reindexHanJob } from './features/search/reindex-job.js';
import { createPublishingService } from './features/articles/publishing-service.js';
import { loadChrome, type Shell } from './platform/chrome.js';
import { loadLocalizer } from './platform/localize.js';
import { ErrorPage } from './features/site/views/error-page.js';
import { registerSiteSettingsRoutes } from './features/site/settings-routes.js';
import { registerAuthorRoutes } from './features/authors/routes.js';
import { registerArticlePage } from './pages/article-page.js';
import { registerHomePage } from './pages/home-page.js';
import { registerListPages } from './pages/list-pages.js';
import { registerEventPages, registerEventRoutes } from './features/events/routes.js';
import { registerSearchRoutes } from './features/search/routes.js';
import { registerFeedRoutes } from './features/feeds/routes.js';
import { registerAdminRoutes } from './features/admin/routes.js';
import { registerAccountRoutes } from './features/staff/account-routes.js';
import { registerDossierPages, registerDossierRoutes } from './features/dossiers/routes.js';
import { registerCommentRoutes } from './features/comments/routes.js';
import { registerReaderPages, registerReaderRoutes } from './features/readers/routes.js';
import { extractArticleJob } from './features/dossiers/dossier-service.js';
import { registrationJobs } from './features/events/registration-jobs.js';
import { webhookJobs } from './features/api/webhook-service.js';
import { registerApiRoutes } from './features/api/routes.js';
import { createMediaLibrary, type MediaLibrary } from './features/media/media-library.js';
import { mediaStorageFor } from './features/media/media-storage.js';
import { createEmbedService } from './features/embeds/embed-service.js';
import { guardedGet } from './platform/outbound.js';
import { registerMediaRoutes } from './features/media/routes.js';
import { registerRevisionRoutes } from './features/revisions/routes.js';
import { findRedirect } from './features/redirects/redirect-store.js';
import { registerImportRoutes } from './features/import/routes.js';
import { revisionLog } from './features/revisions/revision-store.js';
import { registerCorrectionRoutes } from './features/corrections/routes.js';
import { registerReviewRoutes } from './features/review/routes.js';
import { createReviewService } from './features/review/review-service.js';

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
export type AppServices = AppCtx & { publishing: PublishingService; media: MediaLibrary };

export interface App {
  server: FastifyInstance;
  ctx: AppServices;
  /** How this app hears of other processes' changes; wait for bus.ready() before counting on it. */
  bus: ChangeBus;
  close(): Promise<void>;
}

/** Builds the whole application; nothing is shared between two apps in one process. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, db } = deps;
  const clock = deps.clock ?? (() => new Date());
  const headers = securityHeaders(config);
  const cache = createPageCache({ enabled: config.pageCache, headers });
  const memo = createContentMemo({ enabled: config.pageCache });
  // Under overload, requests wait their turn in arrival order, and a full queue answers 503 at once (admission.ts).
  const admission = createAdmission({ limit: config.maxActive, maxQueue: config.maxQueue, message: () => t('error.busy') });
  const server = Fastify({
    // Cached anonymous pages are answered before routing, hooks and cookie parsing (see page-cache.ts).
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (!cache.serveRaw(req, res)) admission.admit(req, res, () => handler(req, res));
      }),
    logger: deps.logger ?? (config.logLevel === 'silent' ? false : { level: config.logLevel }),
    bodyLimit: 2 * 1024 * 1024,
    // Only the proxies named in TRUSTED_PROXIES may tell the client's address; by default none may.
    // (Fastify takes a hop count too, though its types omit it.)
    trustProxy: config.trustedProxies as boolean | string[],
    clientErrorHandler: closeOnClientError,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    schemaController: LAZY_SCHEMA_COMPILERS,
  });
  const bus = createChangeBus({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl, site: config.baseUrl, log: server.log, db });
  const purger = createPurger(config.purgeUrl, server.log);
  const commentTags = (ids: number[]) => [...ids.map((id) => `comments:${id}`), 'comment-counts'];
  const dropContent = () => {
    cache.invalidate();
    memo.clear();
  };
  const dropComments = (ids: number[]) => cache.invalidate(commentTags(ids));
  const forgetSettings = (area: string) => {
    if (area === 'moderation') forgetModerationSettings(db);
    // The site's language or its editions' addresses changed: read them again, and drop every page that links.
    if (area === 'site') void reloadSite().then(dropContent, (err) => server.log.error({ err }, 'reading the site settings failed'));
  };
  bus.onChange((change) => {
    if (change.kind === 'content') dropContent();
    else if (change.kind === 'comments' && Array.isArray(change.articleIds)) dropComments(change.articleIds.map(Number));
    else if (change.kind === 'settings') forgetSettings(String(change.area));
  });
  // The interface speaks the newsroom's language (the `site.language` setting): read now, and again with
  // the shared page shell after every content change, so a change of setting needs no restart.
  const first = await findSiteInfo(db, config.baseUrl);
  let spoken = translator(first.language);
  // Whether the default edition is at the root or under its prefix (the `site.editions` setting), read likewise.
  let mode: EditionsMode = first.editions ?? 'root';
  const reloadSite = async () => {
    const site = await findSiteInfo(db, config.baseUrl);
    spoken = translator(site.language);
    mode = site.editions ?? 'root';
  };
  // One object whose fields follow the settings: edition contexts copy the reference, never the values.
  const editions = {
    get root() {
      return spoken.lang;
    },
    get prefixed() {
      return mode === 'prefixed';
    },
  };
  const t = Object.defineProperty((key: MessageKey, vars?: Record<string, string | number>) => spoken(key, vars), 'lang', {
    get: () => spoken.lang,
  }) as T;
  // The shared page shell in one edition's language (the newsroom's when none is named): the site, under the name
  // and description it gave that language, and the rubric menu with the names translated where the newsroom did.
  const loadShellIn = async (lang: Language | undefined): Promise<Shell> => {
    const [site, rubrics] = await Promise.all([findSiteInfo(db, config.baseUrl), listRubrics(db)]);
    const root = translator(site.language);
    if (lang === undefined) {
      spoken = root;
      mode = site.editions ?? 'root';
    }
    const local = await loadLocalizer({ db, memo }, lang ?? root.lang);
    // With every edition prefixed, the pages left at the root (accounts, comment forms) link into the default edition.
    const base = editionPrefix(root.lang, { root: root.lang, prefixed: site.editions === 'prefixed' });
    return {
      site: { ...siteIn(site, lang ?? root.lang), language: root.lang, rootLanguage: root.lang, base },
      rubrics: rubrics.map((r) => ({ slug: r.slug, name: local.rubric(r).name })),
    };
  };
  const mailer = deps.mailer ?? createMailer({ smtpUrl: config.smtpUrl, outboxDir: join(config.dataDir, 'outbox'), from: config.mailFrom });
  const ctx = {
    config,
    db,
    clock,
    cache,
    memo,
    t,
    // The root edition speaks the newsroom's language; the others are registered under their prefixes below.
    edition: {
      prefix: '',
      get lang() {
        return spoken.lang;
      },
    },
    editions,
    log: server.log,
    mailer,
    // Each change drops this process's pages, is told to every other process (change-bus.ts), and purged from
    // a CDN in front when CHANCERY_PURGE_URL is set.
    contentChanged: () => {
      dropContent();
      bus.publish({ kind: 'content' });
      purger.purge([ALL_PAGES_KEY]);
    },
    commentsChanged: (ids: number[]) => {
      dropComments(ids);
      bus.publish({ kind: 'comments', articleIds: ids });
      purger.purge(commentTags(ids));
    },
    settingsChanged: (area: string) => {
      forgetSettings(area);
      bus.publish({ kind: 'settings', area });
      // The site's settings show on every page: a CDN in front drops them all.
      if (area === 'site') purger.purge([ALL_PAGES_KEY]);
    },
    reloadSite: async () => {
      await reloadSite();
      dropContent();
    },
    // The shells in platform/ get their feature data here: the site and rubric menu, the comment queues.
    loadShell: () => loadShellIn(undefined),
    adminBadges: (staff) => commentQueueBadges(db, t, staff),
  } as AppServices;
  ctx.publishing = createPublishingService({
    index: articleSearchIndex,
    revisions: revisionLog,
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
      // Partner webhooks: the event outbox's fan-out and each delivery (features/api/webhook-service.ts).
      ...webhookJobs(ctx),
      [SEND_MAIL_JOB]: sendMailJob(mailer),
      [REINDEX_HAN_JOB]: reindexHanJob(db, clock),
    },
    clock,
    server.log,
  );

  // One constant object: building headers per request costs more than serving a cached page.
  server.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
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

  server.setErrorHandler((err: FastifyError, request, reply) => sendError(ctx, headers, err, request, reply));
  // With every edition under its prefix, the address a root address of content moved to: an article's in its own
  // language's edition, anything else in the default edition's; undefined for what stays at the root.
  const editionAddress = async (url: string): Promise<string | undefined> => {
    if (mode !== 'prefixed') return undefined;
    const to = prefixedAddress(url, spoken.lang);
    if (to === undefined) return undefined;
    const article = /^\/articles\/([^/?#]+)/.exec(url);
    if (article) {
      const lang = await findArticleLanguageBySlug(db, decodeURIComponent(article[1])).catch(() => undefined);
      if (lang && isLanguage(lang)) return `/${lang}${url}`;
    }
    return to;
  };
  // An address of the platform the newsroom moved from (features/redirects) answers with a permanent redirect.
  // Its target is kept in the root form ("/articles/slug"), right in both schemes: when every edition is
  // prefixed, the answer names the edition's address at once (a CDN keeps it, a browser does not: see sendMoved).
  const sendOldAddress = async (request: FastifyRequest, reply: FastifyReply) => {
    const to = await findRedirect(db, request.url).catch(() => undefined);
    if (!to) return undefined;
    const edition = await editionAddress(to);
    if (edition) return sendMoved(reply, headers, edition, 301);
    return reply.headers(headers).header('cache-control', 'public, max-age=3600').redirect(to, 301);
  };
  // WordPress's own links ("/?p=12", "/?page_id=2") land on the home page's route: looked up before it.
  server.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/?') && (request.method === 'GET' || request.method === 'HEAD') && /[?&](p|page_id)=\d/.test(request.url))
      return sendOldAddress(request, reply);
  });
  server.setNotFoundHandler(async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      const sent = await sendOldAddress(request, reply);
      if (sent) return sent;
    }
    return sendError(ctx, headers, new AppError('not_found'), request, reply);
  });

  // With every edition under its prefix, "/" goes to the default edition's home (302: the setting may change) and
  // every other root address of content to its prefixed address (301, an article to its own language's edition).
  // Both are kept by a CDN only (never by browsers), and carry the key a purge drops, so that switching back never loops.
  server.addHook('onRequest', async (request, reply) => {
    if (mode !== 'prefixed' || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const to = await editionAddress(request.url);
    if (to === undefined) return;
    const home = request.url === '/' || request.url.startsWith('/?');
    return sendMoved(reply, headers, to, home ? 302 : 301);
  });

  // Pages that gather several features, composed above them (src/pages).
  registerHomePage(server, ctx);
  registerArticlePage(server, ctx);
  registerListPages(server, ctx);
  registerAuthorRoutes(server, ctx);
  registerEventRoutes(server, ctx);
  registerSearchRoutes(server, ctx);
  registerFeedRoutes(server, ctx);
  registerAdminRoutes(server, ctx, ctx.publishing);
  registerSiteSettingsRoutes(server, ctx);
  registerAccountRoutes(server, ctx);
  registerDossierRoutes(server, ctx);
  const comments = registerCommentRoutes(server, ctx);
  registerReaderRoutes(server, ctx);
  registerCorrectionRoutes(server, ctx);
  // The information service for apps and partners (its own errors, validation and limits).
  await registerApiRoutes(server, ctx, { comments });
  // Every language's edition under its prefix: home, article lists, search, feeds, events, dossiers and the reader's
  // account pages (and mails), in its language.
  const byLang = new Map(LANGUAGES.map((lang) => [lang, editionCtx(ctx, lang, loadShellIn)]));
  ctx.inEdition = (lang) => {
    const l = isLanguage(lang) ? lang : spoken.lang;
    return l === spoken.lang && mode === 'root' ? ctx : byLang.get(l)!;
  };
  for (const lang of LANGUAGES) {
    const ed = byLang.get(lang)!;
    await server.register(
      async (scope) => {
        scope.addHook('onRequest', async (request, reply) => {
          if (mode === 'prefixed' || (request.method !== 'GET' && request.method !== 'HEAD')) return;
          const rest = request.url.slice(lang.length + 1);
          // With the default edition at the root, its language's prefix is only a way there, articles of any
          // language live at "/articles/slug", and the sitemaps of every edition at the root.
          const sitemap = /^\/sitemap(-[1-9]\d*)?\.xml$/.exec(rest.split('?')[0]);
          if (sitemap) return sendMoved(reply, headers, `/sitemap-${lang}${sitemap[1] ?? ''}.xml`, 301);
          if (lang === spoken.lang || rest.startsWith('/articles/')) return sendMoved(reply, headers, rest || '/', 301);
        });
        registerHomePage(scope, ed);
        registerArticlePage(scope, ed);
        registerAuthorRoutes(scope, ed);
        registerListPages(scope, ed);
        registerSearchRoutes(scope, ed);
        registerFeedRoutes(scope, ed, { edition: true });
        registerCorrectionRoutes(scope, ed);
        registerEventPages(scope, ed);
        registerDossierPages(scope, ed);
        registerReaderPages(scope, ed);
      },
      { prefix: `/${lang}` },
    );
  }
  const media = createMediaLibrary({ db, storage: mediaStorageFor(config), clock });
  ctx.media = media;
  registerMediaRoutes(server, ctx, media);
  // Embeds are described when an article naming them is saved, through the outbound guard.
  const embeds = createEmbedService({
    db,
    clock,
    library: media,
    get: guardedGet(config.outboundAllowedHosts),
    log: (message) => server.log.warn(message),
  });
  ctx.resolveEmbeds = (markdown) => embeds.resolve(markdown);
  registerImportRoutes(server, ctx, media, ctx.publishing);
  registerRevisionRoutes(server, ctx, ctx.publishing);
  registerReviewRoutes(server, ctx, createReviewService({ db, clock, t, baseUrl: () => config.baseUrl, publishing: ctx.publishing }));

  return {
    server,
    ctx,
    bus,
    async close() {
      await ctx.jobs.stop();
      await server.close();
      await Promise.all([bus.close(), purger.flush()]);
      if (!deps.mailer) mailer.close();
    },
  };
}

/**
 * Errors the HTTP parser meets before Fastify sees a request (headers too large, a malformed request line):
 * the answer says the connection closes, so a keep-alive client opens a new one instead of losing its next request.
 */
function closeOnClientError(err: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, text] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout']
        : [400, 'Bad Request'];
  if (socket.writable) {
    const body = `${status} ${text}\n`;
    socket.write(
      `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * A redirect between the root and the editions. A shared cache (a CDN) may keep it, and drops it with every page
 * when the settings change (the purge key); a browser never keeps it, or switching back would loop in it.
 */
export const MOVED_CACHE_CONTROL = 'public, max-age=0, s-maxage=3600';
function sendMoved(reply: FastifyReply, headers: Readonly<Record<string, string>>, to: string, status: 301 | 302) {
  return reply
    .headers(headers)
    .header('cache-control', MOVED_CACHE_CONTROL)
    .header('surrogate-key', ALL_PAGES_KEY)
    .header('cache-tag', ALL_PAGES_KEY)
    .redirect(to, status);
}

/** The context of a prefixed edition: its language's translator, its prefix, and a shell that links within it. */
function editionCtx(ctx: AppCtx, lang: Language, loadShellIn: (lang: Language) => Promise<Shell>): AppCtx {
  const prefix = `/${lang}`;
  return {
    ...ctx,
    t: translator(lang),
    edition: { lang, prefix },
    inEdition: (l) => ctx.inEdition(l),
    loadShell: async () => {
      const shell = await loadShellIn(lang);
      return { ...shell, site: { ...shell.site, language: lang, base: prefix } };
    },
  };
}

/** The one error handler: typed errors to their status, Fastify's client errors kept, 5xx logged and hidden. */
async function sendError(
  ctx: AppCtx,
  headers: Readonly<Record<string, string>>,
  thrown: FastifyError | AppError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  // A unique index that refused a row two requests raced to insert: the loser is told it exists, never a 500.
  const err = isUniqueViolation(thrown) ? new AppError('conflict', ctx.t('error.conflict')) : thrown;
  let status = err instanceof AppError ? err.status : ((err as FastifyError).statusCode ?? 500);
  if (status < 400 || status > 599) status = 500;
  const t = ctx.t;
  let message: string;
  const json = request.url.startsWith('/api/') || (request.headers.accept ?? '').startsWith('application/json');
  if (err instanceof AppError)
    // A message may be a catalogue key (said in the reader's language); a page is told "not found" in its
    // language too, while JSON keeps the thrower's plainer "Article not found".
    message = hasKey(err.message)
      ? t(messageKey(err.message), err.vars)
      : err.message && err.message !== err.code && (json || err.code !== 'not_found')
        ? err.message
        : t(MESSAGE_KEY[err.code]);
  else if (status === 413) message = t('error.too_large');
  else if (status === 404) message = t('error.not_found');
  else if (status === 405) message = t('error.method_not_allowed');
  else if (status === 415) message = t('error.media_type');
  else if (status < 500) message = t('error.bad_request');
  else message = t('error.server');
  if (status >= 500) request.log.error({ err }, 'request failed');
  reply.headers(headers).header('cache-control', 'no-store');
  // A body too large was not read to its end: the connection cannot carry another request, so say it closes.
  if (status === 413 || status === 431 || status === 408) reply.header('connection', 'close');
  if (json) {
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
    html = `<!doctype html><html lang="${t.lang}"><meta charset="utf-8"><title>${status}</title><h1>${status}</h1><p>${message.replace(/[<&]/g, '')}</p>`;
  }
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
