// RSS 2.0 with the content, Dublin Core and Atom extensions: full text, every author, self link.
import { feedDate, type Feed, type FeedItem } from './feed.js';
import { el, xmlDocument, xmlList } from './xml.js';

export const RSS_TYPE = 'application/rss+xml; charset=utf-8';

/** RFC 822 date, as RSS requires ("Thu, 15 Jan 2026 10:00:00 GMT"). */
export function rfc822(d: Date): string {
  return d.toUTCString();
}

function item(i: FeedItem) {
  return el(
    'item',
    {},
    el('title', {}, i.title),
    el('link', {}, i.url),
    el('guid', { isPermaLink: i.id === i.url ? 'true' : 'false' }, i.id),
    el('pubDate', {}, rfc822(i.published)),
    el('atom:updated', {}, i.updated.toISOString()),
    xmlList(i.authors.map((a) => el('dc:creator', {}, a.name))),
    xmlList(i.categories.map((c) => el('category', c.scheme ? { domain: c.scheme } : {}, c.label))),
    i.summary ? el('description', {}, i.summary) : null,
    i.contentHtml ? el('content:encoded', {}, i.contentHtml) : null,
  );
}

/** Renders a feed as an RSS 2.0 document. */
export function renderRss(feed: Feed): string {
  return xmlDocument(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      },
      el(
        'channel',
        {},
        el('title', {}, feed.title),
        el('link', {}, feed.homeUrl),
        el('description', {}, feed.description || feed.title),
        el('language', {}, feed.language),
        el('lastBuildDate', {}, rfc822(feedDate(feed))),
        el('generator', {}, 'Chancery'),
        el('atom:link', { href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' }),
        xmlList(feed.items.map(item)),
      ),
    ),
  );
}
