// The format-neutral model every feed builder renders: one Feed, many FeedItems, absolute URLs only.
import { articlePath } from '../../platform/editions.js';

export interface FeedPerson {
  name: string;
  url?: string;
}
/** A category: the rubric or a tag; term is its slug, scheme the URL prefix of its pages. */
export interface FeedCategory {
  term: string;
  label: string;
  scheme?: string;
}

export interface FeedItem {
  /** Stable identifier: the article's canonical URL. */
  id: string;
  url: string;
  title: string;
  /** Plain-text summary (the lead). */
  summary: string;
  /** The full article body, already sanitised HTML. */
  contentHtml: string;
  published: Date;
  updated: Date;
  authors: FeedPerson[];
  categories: FeedCategory[];
  language?: string;
}

export interface Feed {
  title: string;
  description: string;
  /** The page the feed mirrors (home, rubric, author or tag page). */
  homeUrl: string;
  /** Absolute URLs of this feed in each format; `self` is the one being rendered. */
  urls: { rss: string; atom: string; json: string };
  language: string;
  /** Who publishes the feed: the newsroom. */
  publisher: FeedPerson;
  /** Newest change among the items, or undefined for an empty feed. */
  updated: Date | undefined;
  /** A fallback when the feed has no items (feeds still need a date). */
  generatedAt: Date;
  items: FeedItem[];
}

/** The date a feed as a whole carries: its newest item change, else when it was generated. */
export function feedDate(feed: Feed): Date {
  return feed.updated ?? feed.generatedAt;
}

/** What buildFeed needs from an article (the shape feed-store reads). */
export interface FeedSource {
  slug: string;
  title: string;
  lead: string;
  bodyHtml: string;
  language: string;
  publishedAt: string;
  updatedAt: string;
  rubric: { slug: string; name: string } | undefined;
  authors: { slug: string; name: string }[];
  tags: { slug: string; name: string }[];
  /** Corrections and update notes as HTML, appended to the content, and the date of the newest. */
  notes?: { html: string; latest: string };
}

const seg = (slug: string) => encodeURIComponent(slug);

/** Where an edition's pages live: its prefix ("" at the root), and whether articles too are under their edition's. */
export interface FeedAddresses {
  editionBase: string;
  prefixedArticles: boolean;
}

/** The feed item of an article, every link absolute under baseUrl (and the feed's edition). */
export function articleToItem(baseUrl: string, a: FeedSource, at: FeedAddresses = { editionBase: '', prefixedArticles: false }): FeedItem {
  const url = `${baseUrl}${articlePath(a.language, at.prefixedArticles, seg(a.slug))}`;
  const pages = baseUrl + at.editionBase;
  const published = new Date(a.publishedAt);
  // A new correction makes the entry new again for feed readers.
  const changed = new Date(a.notes && a.notes.latest > a.updatedAt ? a.notes.latest : a.updatedAt);
  return {
    id: url,
    url,
    title: a.title,
    summary: a.lead,
    contentHtml: a.notes ? a.bodyHtml + a.notes.html : a.bodyHtml,
    language: a.language,
    // A piece scheduled in advance was last saved before it went out: it is never "updated" before it was published.
    published,
    updated: changed > published ? changed : published,
    authors: a.authors.map((p) => ({ name: p.name, url: `${pages}/authors/${seg(p.slug)}` })),
    categories: [
      ...(a.rubric ? [{ term: a.rubric.slug, label: a.rubric.name, scheme: `${pages}/rubric/` }] : []),
      ...a.tags.map((t) => ({ term: t.slug, label: t.name, scheme: `${pages}/tags/` })),
    ],
  };
}

export interface FeedSpec {
  baseUrl: string;
  title: string;
  description: string;
  /** Site-relative path of the page the feed mirrors ("" for home, "/rubric/analysis" ...). */
  path: string;
  language: string;
  publisherName: string;
  generatedAt: Date;
  /** The edition's addresses; the root edition's, with articles at "/articles/slug", when absent. */
  addresses?: FeedAddresses;
}

/** Assembles the format-neutral feed of these articles (already newest first). */
export function buildFeed(spec: FeedSpec, articles: FeedSource[]): Feed {
  const items = articles.map((a) => articleToItem(spec.baseUrl, a, spec.addresses));
  const updated = items.reduce<Date | undefined>((m, i) => (!m || i.updated > m ? i.updated : m), undefined);
  const prefix = spec.baseUrl + spec.path;
  return {
    title: spec.title,
    description: spec.description,
    // The site's feed in an edition (its path is the edition's prefix) links to that edition's home, "/en/".
    homeUrl: spec.path && spec.path !== spec.addresses?.editionBase ? prefix : `${spec.baseUrl}${spec.addresses?.editionBase ?? ''}/`,
    language: spec.language,
    urls: { rss: `${prefix}/feed.xml`, atom: `${prefix}/atom.xml`, json: `${prefix}/feed.json` },
    publisher: { name: spec.publisherName, url: `${spec.baseUrl}${spec.addresses?.editionBase ?? ''}/` },
    updated,
    generatedAt: spec.generatedAt,
    items,
  };
}
