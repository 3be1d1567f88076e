// Routes of the feeds feature: RSS, Atom and JSON Feed for the site, each rubric, author and tag;
// sitemaps and robots.txt. All are served through the page cache (ETag, Last-Modified, 304).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { editionPath } from '../../platform/editions.js';
import { isLanguage, LANGUAGES, type Language } from '../../platform/i18n/index.js';
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
  listSitemapTranslations,
  type FeedFilter,
} from './feed-store.js';
import { JSON_FEED_TYPE, renderJsonFeed } from './json-feed.js';
import { renderRss, RSS_TYPE } from './rss.js';
import {
  articlePageCount,
  lastmodOf,
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

  /** The language at the root (the newsroom's setting): it decides every edition's addresses. */
  async function rootLanguage(): Promise<Language> {
    const { language } = await findSiteInfo(ctx.db, ctx.config.baseUrl);
    return isLanguage(language) ? language : 'en';
  }
  const inEdition = (lang: string, root: string, path: string) => `${base()}${editionPath(lang, root, path)}`;
  /** A page every edition has: one alternate per edition, the root edition's as x-default. */
  const everyEdition = (root: string, path: string) => [
    ...LANGUAGES.map((l) => ({ hreflang: l, href: inEdition(l, root, path) })),
    { hreflang: 'x-default', href: inEdition(root, root, path) },
  ];

  /** One edition's pages other than articles, each with its alternates in the other editions. */
  async function pageUrls(now: Date, lang: Language, root: Language): Promise<SitemapUrl[]> {
    const [p, latest] = await Promise.all([listSitemapPages(ctx.db, now), latestPublishedChange(ctx.db, now)]);
    const page = (path: string, lastmod?: string) => ({
      loc: inEdition(lang, root, path),
      lastmod: lastmodOf(lastmod),
      alternates: everyEdition(root, path),
    });
    return [
      page('/', latest),
      page('/archive', latest),
      page('/events'),
      // The list of authors is the site's, at the root only.
      ...(lang === root ? [{ loc: `${base()}/authors` }] : []),
      ...p.rubrics.map((s) => page(`/rubric/${seg(s)}`)),
      ...p.authors.map((s) => page(`/authors/${seg(s)}`)),
      ...p.tags.map((s) => page(`/tags/${seg(s)}`)),
      ...p.events.map((e) => page(`/events/${seg(e.slug)}`, e.updatedAt)),
    ];
  }

  /** One page of an edition's articles, each with its translations as alternates (the original as x-default). */
  async function articleUrls(now: Date, lang: Language, page: number): Promise<SitemapUrl[]> {
    const [rows, translations] = await Promise.all([
      listSitemapArticles(ctx.db, now, pageSize, (page - 1) * pageSize, lang),
      listSitemapTranslations(ctx.db, now),
    ]);
    const groups = new Map<number, typeof translations>();
    for (const m of translations) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
    const href = (slug: string) => `${base()}/articles/${seg(slug)}`;
    return rows.map((r) => {
      const members = groups.get(r.group) ?? [];
      const original = members.find((m) => m.original);
      return {
        loc: href(r.slug),
        lastmod: lastmodOf(r.updatedAt),
        alternates:
          members.length > 1
            ? [
                ...members.map((m) => ({ hreflang: m.language, href: href(m.slug) })),
                ...(original ? [{ hreflang: 'x-default', href: href(original.slug) }] : []),
              ]
            : undefined,
      };
    });
  }

  // The sitemap is an index of one sitemap per edition (its pages and first articles), with further files
  // for an edition whose articles outgrow one.
  app.get('/sitemap.xml', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const [counts, lastModified] = await Promise.all([
        Promise.all(LANGUAGES.map((l) => countSitemapArticles(ctx.db, now, l))),
        lastChange(now),
      ]);
      const files: string[] = [];
      LANGUAGES.forEach((lang, i) => {
        files.push(`${base()}/sitemap-${lang}.xml`);
        for (let n = 2; n <= articlePageCount(counts[i], pageSize); n++) files.push(`${base()}/sitemap-${lang}-${n}.xml`);
      });
      return { body: renderSitemapIndex(files.map((loc) => ({ loc }))), type: SITEMAP_TYPE, lastModified };
    }),
  );

  app.get<{ Params: { file: string } }>('/sitemap-:file', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const m = /^([a-z]{2})(?:-([1-9]\d{0,6}))?\.xml$/.exec(request.params.file);
      if (!m || !isLanguage(m[1]) || m[2] === '1') throw new AppError('not_found');
      const lang = m[1];
      const n = m[2] ? Number(m[2]) : 1;
      const count = await countSitemapArticles(ctx.db, now, lang);
      if (n > articlePageCount(count, pageSize)) throw new AppError('not_found');
      const root = await rootLanguage();
      const [pages, articles, lastModified] = await Promise.all([
        n === 1 ? pageUrls(now, lang, root) : Promise.resolve([]),
        articleUrls(now, lang, n),
        lastChange(now),
      ]);
      return { body: renderUrlSet([...pages, ...articles]), type: SITEMAP_TYPE, lastModified };
    }),
  );

  app.get('/robots.txt', (request, reply) =>
    ctx.cache.serve(request, reply, async () => ({ body: renderRobots(base()), type: 'text/plain; charset=utf-8' })),
  );
}
