// Routes of the feeds feature: RSS, Atom and JSON Feed for the site, each rubric, author and tag;
// sitemaps and robots.txt. All are served through the page cache (ETag, Last-Modified, 304).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { articlePath, type EditionScheme, editionPath } from '../../platform/editions.js';
import { isLanguage, LANGUAGES, type Language } from '../../platform/i18n/index.js';
import type { AppCtx } from '../../platform/app-context.js';
import { latestPublishedChange } from '../articles/article-store.js';
import { findAuthorBySlug } from '../authors/author-store.js';
import { findRubricBySlug } from '../rubrics/rubric-store.js';
import { findSiteInfo, siteIn } from '../site/site-store.js';
import { type Localizer, loadLocalizer } from '../../platform/localize.js';
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
  async function scopeOf(scope: Scope, slug: string, siteTitle: string, siteDescription: string, local: Localizer) {
    const t = ctx.t;
    const vars = (name: string) => ({ name, site: siteTitle });
    if (scope === 'site') {
      return { filter: {}, path: '', title: siteTitle, description: siteDescription || t('feeds.description.site', { site: siteTitle }) };
    }
    const path = `${SCOPE_PATH[scope]}/${seg(slug)}`;
    if (scope === 'rubric') {
      const found = await findRubricBySlug(ctx.db, slug);
      if (!found) throw new AppError('not_found');
      const r = local.rubric(found);
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
    const found = await findTagBySlug(ctx.db, slug);
    if (!found) throw new AppError('not_found');
    const tag = local.tag(found);
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
        const settings = await findSiteInfo(ctx.db, base());
        // The root edition's language is the newsroom's setting, read here with the site's title.
        const language = ctx.edition.prefix ? ctx.edition.lang : settings.language;
        const site = siteIn(settings, language);
        // Rubrics and tags (titles, each entry's categories) as the edition names them.
        const local = await loadLocalizer(ctx, language);
        const d = await scopeOf(scope, request.params.slug ?? '', site.title, site.description, local);
        const prefixed = site.editions === 'prefixed';
        const filter: FeedFilter = { now, ...d.filter, language };
        const articles = (await listFeedArticles(ctx.db, { ...filter, limit: FEED_SIZE })).map((a) => ({
          ...a,
          rubric: a.rubric && local.rubric(a.rubric),
          tags: a.tags.map(local.tag),
        }));
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
            addresses: { editionBase: ctx.edition.prefix, prefixedArticles: prefixed },
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

  async function lastChange(now: Date): Promise<Date | undefined> {
    const [a, e] = await Promise.all([latestPublishedChange(ctx.db, now), latestEventChange(ctx.db)]);
    return newest(dateOf(a), dateOf(e));
  }

  /** How every edition is addressed (the newsroom's settings): it decides every URL of the sitemaps. */
  async function scheme(): Promise<EditionScheme> {
    const { language, editions } = await findSiteInfo(ctx.db, ctx.config.baseUrl);
    return { root: isLanguage(language) ? language : 'en', prefixed: editions === 'prefixed' };
  }
  const inEdition = (lang: string, s: EditionScheme, path: string) => `${base()}${editionPath(lang, s, path)}`;
  /** A page every edition has: one alternate per edition, the default edition's as x-default. */
  const everyEdition = (s: EditionScheme, path: string) => [
    ...LANGUAGES.map((l) => ({ hreflang: l, href: inEdition(l, s, path) })),
    { hreflang: 'x-default', href: inEdition(s.root, s, path) },
  ];
  /** Where one edition's sitemap file lives: "/sitemap-ru-2.xml" at the root, or "/ru/sitemap-2.xml" when prefixed. */
  const sitemapFile = (lang: string, s: EditionScheme, n: number) =>
    s.prefixed ? `${base()}/${lang}/sitemap${n > 1 ? `-${n}` : ''}.xml` : `${base()}/sitemap-${lang}${n > 1 ? `-${n}` : ''}.xml`;

  /** One edition's pages other than articles, each with its alternates in the other editions. */
  async function pageUrls(now: Date, lang: Language, s: EditionScheme): Promise<SitemapUrl[]> {
    const [p, latest] = await Promise.all([listSitemapPages(ctx.db, now), latestPublishedChange(ctx.db, now)]);
    const page = (path: string, lastmod?: string) => ({
      loc: inEdition(lang, s, path),
      lastmod: lastmodOf(lastmod),
      alternates: everyEdition(s, path),
    });
    return [
      page('/', latest),
      page('/archive', latest),
      page('/events'),
      // The list of authors is the site's, in the default edition only.
      ...(lang === s.root ? [{ loc: inEdition(lang, s, '/authors') }] : []),
      ...p.rubrics.map((r) => page(`/rubric/${seg(r)}`)),
      ...p.authors.map((a) => page(`/authors/${seg(a)}`)),
      ...p.tags.map((t) => page(`/tags/${seg(t)}`)),
      ...p.events.map((e) => page(`/events/${seg(e.slug)}`, e.updatedAt)),
    ];
  }

  /** One page of an edition's articles, each with its translations as alternates (the original as x-default). */
  async function articleUrls(now: Date, lang: Language, page: number, s: EditionScheme): Promise<SitemapUrl[]> {
    const [rows, translations] = await Promise.all([
      listSitemapArticles(ctx.db, now, pageSize, (page - 1) * pageSize, lang),
      listSitemapTranslations(ctx.db, now),
    ]);
    const groups = new Map<number, typeof translations>();
    for (const m of translations) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
    const href = (language: string, slug: string) => `${base()}${articlePath(language, s, seg(slug))}`;
    return rows.map((r) => {
      const members = groups.get(r.group) ?? [];
      const original = members.find((m) => m.original);
      return {
        loc: href(lang, r.slug),
        lastmod: lastmodOf(r.updatedAt),
        alternates:
          members.length > 1
            ? [
                ...members.map((m) => ({ hreflang: m.language, href: href(m.language, m.slug) })),
                ...(original ? [{ hreflang: 'x-default', href: href(original.language, original.slug) }] : []),
              ]
            : undefined,
      };
    });
  }

  /** The urlset of one edition's sitemap file n, or not_found past its last. */
  async function editionSitemap(lang: Language, n: number) {
    const now = ctx.clock();
    const count = await countSitemapArticles(ctx.db, now, lang);
    if (n > articlePageCount(count, pageSize)) throw new AppError('not_found');
    const s = await scheme();
    const [pages, articles, lastModified] = await Promise.all([
      n === 1 ? pageUrls(now, lang, s) : Promise.resolve([]),
      articleUrls(now, lang, n, s),
      lastChange(now),
    ]);
    return { body: renderUrlSet([...pages, ...articles]), type: SITEMAP_TYPE, lastModified };
  }

  if (opts.edition) {
    // With every edition prefixed, each edition's sitemap lives under its prefix, beside the pages it lists.
    const lang = ctx.edition.lang;
    app.get('/sitemap.xml', (request, reply) => ctx.cache.serve(request, reply, () => editionSitemap(lang, 1)));
    app.get<{ Params: { n: string } }>('/sitemap-:n.xml', (request, reply) =>
      ctx.cache.serve(request, reply, async () => {
        if (!/^([2-9]|[1-9]\d{1,6})$/.test(request.params.n)) throw new AppError('not_found');
        return editionSitemap(lang, Number(request.params.n));
      }),
    );
    return;
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
      const s = await scheme();
      const files: string[] = [];
      LANGUAGES.forEach((lang, i) => {
        for (let n = 1; n === 1 || n <= articlePageCount(counts[i], pageSize); n++) files.push(sitemapFile(lang, s, n));
      });
      return { body: renderSitemapIndex(files.map((loc) => ({ loc }))), type: SITEMAP_TYPE, lastModified };
    }),
  );

  app.get<{ Params: { file: string } }>('/sitemap-:file', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const m = /^([a-z]{2})(?:-([1-9]\d{0,6}))?\.xml$/.exec(request.params.file);
      if (!m || !isLanguage(m[1]) || m[2] === '1') throw new AppError('not_found');
      return editionSitemap(m[1], m[2] ? Number(m[2]) : 1);
    }),
  );

  app.get('/robots.txt', (request, reply) =>
    ctx.cache.serve(request, reply, async () => ({ body: renderRobots(base()), type: 'text/plain; charset=utf-8' })),
  );
}
