// Sitemaps (sitemaps.org 0.9): a plain URL set, or an index of URL sets for large archives.
import { el, xmlDocument, xmlList } from './xml.js';

export const SITEMAP_TYPE = 'application/xml; charset=utf-8';
/** URLs per sitemap file; the protocol allows 50,000, smaller files are cheaper to regenerate. */
export const SITEMAP_PAGE_SIZE = 10_000;

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
  /** The same page in other languages (and x-default), as xhtml:link alternates; the page itself among them. */
  alternates?: { hreflang: string; href: string }[];
}

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** W3C datetime of a stored ISO timestamp, or undefined when it does not parse. */
export function lastmodOf(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function entry(tag: 'url' | 'sitemap', u: SitemapUrl) {
  return el(
    tag,
    {},
    el('loc', {}, u.loc),
    u.lastmod ? el('lastmod', {}, u.lastmod) : null,
    xmlList((u.alternates ?? []).map((a) => el('xhtml:link', { rel: 'alternate', hreflang: a.hreflang, href: a.href }))),
  );
}

/** A <urlset> listing pages, with their language alternates where they have some. */
export function renderUrlSet(urls: SitemapUrl[]): string {
  const xhtml = urls.some((u) => u.alternates?.length) ? XHTML : undefined;
  return xmlDocument(el('urlset', { xmlns: NS, 'xmlns:xhtml': xhtml }, xmlList(urls.map((u) => entry('url', u)))));
}

/** A <sitemapindex> pointing at other sitemap files. */
export function renderSitemapIndex(sitemaps: SitemapUrl[]): string {
  return xmlDocument(el('sitemapindex', { xmlns: NS }, xmlList(sitemaps.map((u) => entry('sitemap', u)))));
}

/** How many article sitemap files an archive needs (at least one, so the first always exists). */
export function articlePageCount(articleCount: number, pageSize: number): number {
  return Math.max(1, Math.ceil(articleCount / pageSize));
}

/** True when one file cannot hold every URL and /sitemap.xml must be an index. */
export function needsIndex(pageUrlCount: number, articleCount: number, pageSize: number): boolean {
  return pageUrlCount + articleCount > pageSize;
}

/** robots.txt: everything open but the admin and search result pages; points to the sitemap. */
export function renderRobots(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /search?', '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}
