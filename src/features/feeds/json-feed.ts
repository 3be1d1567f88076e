// JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
import type { Feed, FeedItem } from './feed.js';
import { stripForbidden } from './xml.js';

export const JSON_FEED_TYPE = 'application/feed+json; charset=utf-8';

const clean = (s: string) => stripForbidden(s);

function item(i: FeedItem) {
  return {
    id: i.id,
    url: i.url,
    title: clean(i.title),
    ...(i.summary ? { summary: clean(i.summary) } : {}),
    content_html: clean(i.contentHtml),
    date_published: i.published.toISOString(),
    date_modified: i.updated.toISOString(),
    authors: i.authors.map((a) => ({ name: clean(a.name), ...(a.url ? { url: a.url } : {}) })),
    tags: i.categories.map((c) => clean(c.label)),
    ...(i.language ? { language: i.language } : {}),
  };
}

/** Renders a feed as a JSON Feed 1.1 document. */
export function renderJsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: clean(feed.title),
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    ...(feed.description ? { description: clean(feed.description) } : {}),
    language: feed.language,
    authors: [{ name: clean(feed.publisher.name), ...(feed.publisher.url ? { url: feed.publisher.url } : {}) }],
    items: feed.items.map(item),
  });
}
