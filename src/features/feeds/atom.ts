// Atom 1.0 (RFC 4287): one entry per article with its authors, categories, summary and full content.
import { feedDate, type Feed, type FeedItem, type FeedPerson } from './feed.js';
import { el, xmlDocument, xmlList } from './xml.js';

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

function person(p: FeedPerson) {
  return el('author', {}, el('name', {}, p.name), p.url ? el('uri', {}, p.url) : null);
}

function entry(i: FeedItem) {
  return el(
    'entry',
    {},
    el('id', {}, i.id),
    el('title', { type: 'text' }, i.title),
    el('link', { rel: 'alternate', type: 'text/html', href: i.url }),
    el('published', {}, i.published.toISOString()),
    el('updated', {}, i.updated.toISOString()),
    xmlList(i.authors.map(person)),
    xmlList(i.categories.map((c) => el('category', { term: c.term, label: c.label, scheme: c.scheme }))),
    i.summary ? el('summary', { type: 'text' }, i.summary) : null,
    // Escaped HTML rather than CDATA: a "]]>" in an article cannot end the section early.
    el('content', { type: 'html' }, i.contentHtml),
  );
}

/** Renders a feed as an Atom 1.0 document. */
export function renderAtom(feed: Feed): string {
  return xmlDocument(
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.language },
      el('id', {}, feed.urls.atom),
      el('title', { type: 'text' }, feed.title),
      feed.description ? el('subtitle', { type: 'text' }, feed.description) : null,
      el('updated', {}, feedDate(feed).toISOString()),
      el('link', { rel: 'self', type: 'application/atom+xml', href: feed.urls.atom }),
      el('link', { rel: 'alternate', type: 'text/html', href: feed.homeUrl }),
      // Entries without a byline inherit the newsroom as their author, as RFC 4287 requires one.
      person(feed.publisher),
      el('generator', {}, 'Chancery'),
      xmlList(feed.items.map(entry)),
    ),
  );
}
