// Routes of the feeds feature: RSS, Atom and JSON Feed for the site, each rubric, author and tag;
// sitemaps and robots.txt. All are served through the page cache (ETag, Last-Modified, 304).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { AppCtx } from '../../platform/app-context.js';
import { latestPublishedChange } from '../articles/article-store.js';
import { findAuthorBySlug } from '../authors/author-store.js';
import { findRubricBySlug } from '../rubrics/rubric-store.js';
import { findSiteInfo } from '../site/site-store.js';
import { findTagBySlug } from '../tags/tag-store.js';
import { correctionsHtml, latestNote } from '../corrections/correction.js';
import { listCorrectionsOf } from '../corrections/correction-store.js';
import { ATOM_TYPE, renderAtom } from './atom.js';
import { buildFeed, type Feed } from './feed.js';
import {
  countSitemapArticles,
  latestEventChange,
  listFeedArticles,
  listSitemapArticles,
  listSitemapPages,
  type FeedFilter,
} from './feed-store.js';
import { JSON_FEED_TYPE, renderJsonFeed } from './json-feed.js';
import { renderRss, RSS_TYPE } from './rss.js';
import {
  articlePageCount,
  lastmodOf,
  needsIndex,
  renderRobots,
  renderSitemapIndex,
  renderUrlSet,
  SITEMAP_PAGE_SIZE,
  SITEMAP_TYPE,
  type SitemapUrl,
} from './sitemap.js';

/** How many articles a feed carries. */
export const FEED_SIZE = 30;

const FORMATS: Record<string, { type: string; render: (f: Feed) => string }> = {
  'feed.xml': { type: RSS_TYPE, render: renderRss },
  'atom.xml': { type: ATOM_TYPE, render: renderAtom },
  'feed.json': { type: JSON_FEED_TYPE, render: renderJsonFeed },
};

type Scope = 'site' | 'rubric' | 'author' | 'tag';
const SCOPE_PATH: Record<Exclude<Scope, 'site'>, string> = { rubric: '/rubric', author: '/authors', tag: '/tags' };

export interface FeedRouteOptions {
  /** URLs per sitemap file (tests make it small to exercise the index). */
  sitemapPageSize?: number;
  /** A prefixed edition: only its feeds (the sitemap and robots.txt are the site's, at the root). */
  edition?: boolean;
}

const seg = (slug: string) => encodeURIComponent(slug);
const dateOf = (iso: string | undefined) => (iso ? new Date(iso) : undefined);
const newest = (...ds: (Date | undefined)[]) =>
  ds.reduce<Date | undefined>((m, d) => (d && !Number.isNaN(d.getTime()) && (!m || d > m) ? d : m), undefined);

/** Registers every URL of the feeds feature. */
export function registerFeedRoutes(app: FastifyInstance, ctx: AppCtx, opts: FeedRouteOptions = {}): void {
  const pageSize = Math.max(1, opts.sitemapPageSize ?? SITEMAP_PAGE_SIZE);
  const base = () => ctx.config.baseUrl;

  /** Resolves the scope's filter, title and description; throws not_found for an unknown slug. */
  async function scopeOf(scope: Scope, slug: string, siteTitle: string, siteDescription: string) {
    const t = ctx.t;
    const vars = (name: string) => ({ name, site: siteTitle });
    if (scope === 'site') {
      return { filter: {}, path: '', title: siteTitle, description: siteDescription || t('feeds.description.site', { site: siteTitle }) };
    }
    const path = `${SCOPE_PATH[scope]}/${seg(slug)}`;
    if (scope === 'rubric') {
      const r = await findRubricBySlug(ctx.db, slug);
      if (!r) throw new AppError('not_found');
      return {
        filter: { rubricId: r.id },
        path,
        title: t('feeds.title.rubric', vars(r.name)),
        description: t('feeds.description.rubric', vars(r.name)),
      };
    }
    if (scope === 'author') {
      const a = await findAuthorBySlug(ctx.db, slug);
      if (!a) throw new AppError('not_found');
      return {
        filter: { authorId: a.id },
        path,
        title: t('feeds.title.author', vars(a.name)),
        description: t('feeds.description.author', vars(a.name)),
      };
    }
    const tag = await findTagBySlug(ctx.db, slug);
    if (!tag) throw new AppError('not_found');
    return {
      filter: { tagId: tag.id },
      path,
      title: t('feeds.title.tag', vars(tag.name)),
      description: t('feeds.description.tag', vars(tag.name)),
    };
  }

  function serveFeed(scope: Scope, file: string) {
    const format = FORMATS[file];
    return (request: FastifyRequest<{ Params: { slug?: string } }>, reply: FastifyReply) =>
      ctx.cache.serve(request, reply, async () => {
        const now = ctx.clock();
        const site = await findSiteInfo(ctx.db, base());
        const d = await scopeOf(scope, request.params.slug ?? '', site.title, site.description);
        // The root edition's language is the newsroom's setting, read here with the site's title.
        const language = ctx.edition.prefix ? ctx.edition.lang : site.language;
        const filter: FeedFilter = { now, ...d.filter, language };
        const articles = await listFeedArticles(ctx.db, { ...filter, limit: FEED_SIZE });
        // Corrections and update notes travel with their article's entry (features/corrections).
        const notes = await listCorrectionsOf(
          ctx.db,
          articles.map((a) => a.id),
        );
        for (const a of articles) {
          const list = notes.get(a.id);
          if (list) a.notes = { html: correctionsHtml(ctx.t, list, language), latest: latestNote(list)! };
        }
        const feed = buildFeed(
          {
            baseUrl: base(),
            title: d.title,
            description: d.description,
            path: ctx.edition.prefix + d.path,
            language,
            publisherName: site.title,
            generatedAt: now,
          },
          articles,
        );
        return { body: format.render(feed), type: format.type, lastModified: feed.updated };
      });
  }

  for (const file of Object.keys(FORMATS)) {
    app.get(`/${file}`, serveFeed('site', file));
    app.get(`/rubric/:slug/${file}`, serveFeed('rubric', file));
    app.get(`/authors/:slug/${file}`, serveFeed('author', file));
    app.get(`/tags/:slug/${file}`, serveFeed('tag', file));
  }
  if (opts.edition) return;

  async function lastChange(now: Date): Promise<Date | undefined> {
    const [a, e] = await Promise.all([latestPublishedChange(ctx.db, now), latestEventChange(ctx.db)]);
    return newest(dateOf(a), dateOf(e));
  }

  async function pageUrls(now: Date): Promise<SitemapUrl[]> {
    const b = base();
    const [p, latest] = await Promise.all([listSitemapPages(ctx.db, now), latestPublishedChange(ctx.db, now)]);
    return [
      { loc: `${b}/`, lastmod: lastmodOf(latest) },
      { loc: `${b}/archive`, lastmod: lastmodOf(latest) },
      { loc: `${b}/events` },
      { loc: `${b}/authors` },
      ...p.rubrics.map((s) => ({ loc: `${b}/rubric/${seg(s)}` })),
      ...p.authors.map((s) => ({ loc: `${b}/authors/${seg(s)}` })),
      ...p.tags.map((s) => ({ loc: `${b}/tags/${seg(s)}` })),
      ...p.events.map((e) => ({ loc: `${b}/events/${seg(e.slug)}`, lastmod: lastmodOf(e.updatedAt) })),
    ];
  }

  async function articleUrls(now: Date, page: number): Promise<SitemapUrl[]> {
    const rows = await listSitemapArticles(ctx.db, now, pageSize, (page - 1) * pageSize);
    return rows.map((r) => ({ loc: `${base()}/articles/${seg(r.slug)}`, lastmod: lastmodOf(r.updatedAt) }));
  }

  app.get('/sitemap.xml', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const [pages, count, lastModified] = await Promise.all([pageUrls(now), countSitemapArticles(ctx.db, now), lastChange(now)]);
      if (!needsIndex(pages.length, count, pageSize)) {
        return { body: renderUrlSet([...pages, ...(await articleUrls(now, 1))]), type: SITEMAP_TYPE, lastModified };
      }
      const files = [`${base()}/sitemap-pages.xml`];
      for (let n = 1; n <= articlePageCount(count, pageSize); n++) files.push(`${base()}/sitemap-articles-${n}.xml`);
      return { body: renderSitemapIndex(files.map((loc) => ({ loc }))), type: SITEMAP_TYPE, lastModified };
    }),
  );

  app.get('/sitemap-pages.xml', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const [pages, lastModified] = await Promise.all([pageUrls(now), lastChange(now)]);
      return { body: renderUrlSet(pages), type: SITEMAP_TYPE, lastModified };
    }),
  );

  app.get<{ Params: { n: string } }>('/sitemap-articles-:n.xml', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const n = /^[1-9]\d{0,6}$/.test(request.params.n) ? Number(request.params.n) : 0;
      if (!n) throw new AppError('not_found');
      const count = await countSitemapArticles(ctx.db, now);
      if (n > articlePageCount(count, pageSize)) throw new AppError('not_found');
      const urls = await articleUrls(now, n);
      return { body: renderUrlSet(urls), type: SITEMAP_TYPE, lastModified: newest(...urls.map((u) => dateOf(u.lastmod))) };
    }),
  );

  app.get('/robots.txt', (request, reply) =>
    ctx.cache.serve(request, reply, async () => ({ body: renderRobots(base()), type: 'text/plain; charset=utf-8' })),
  );
}
