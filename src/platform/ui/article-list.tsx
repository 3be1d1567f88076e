// Teasers and lists of articles shared by the home page, rubric, tag, author and archive pages.
import type { VNode } from 'preact';
import type { ComponentChildren } from 'preact';
import { formatDate, formatNumber, intl, type T } from '../i18n/index.js';
import { Pagination, type PageInfo } from './pagination.js';
import { articlePath } from '../editions.js';
import { escapeHtml } from '../html-renderer.js';

/** What a teaser shows; an article summary fits this shape. */
export interface TeaserItem {
  slug: string;
  title: string;
  lead: string;
  language: string;
  publishedAt: string | null;
  updatedAt: string;
  rubric?: { slug: string; name: string } | undefined;
  authors: { slug: string; name: string }[];
  cover?: { url: string; caption: string; credit: string } | undefined;
}

export type TeaserVariant = 'lead' | 'standard' | 'compact';

export interface TeaserProps {
  t: T;
  item: TeaserItem;
  /** The page's language, for dates and to mark titles written in another language. */
  lang: string;
  variant?: TeaserVariant;
  /** Heading level of the title, so that headings stay in order on every page. */
  level?: 2 | 3;
  /** Hide the rubric kicker (on a rubric's own page it says nothing new). */
  hideKicker?: boolean;
  /** Number of published comments; the slot stays empty until it is known. */
  commentCount?: number;
  /** The page's edition prefix ("/ru"), for the rubric link of an article in the page's language. */
  base?: string;
  /** The lead's cover as a responsive <picture>, when the page above found it in the media library. */
  coverPicture?: VNode;
  /** Every edition is under its prefix (the newsroom's setting): an article lives under its language's. */
  prefixed?: boolean;
}

/** One article in a list: kicker, title, lead, byline, date and an optional comment count. */
export function Teaser({
  t,
  item,
  lang,
  variant = 'standard',
  level = 3,
  hideKicker,
  commentCount,
  base = '',
  coverPicture,
  prefixed,
}: TeaserProps) {
  const H = level === 2 ? 'h2' : 'h3';
  const href = articlePath(item.language, prefixed ?? false, item.slug);
  const other = item.language !== lang ? item.language : undefined;
  return (
    <article class={`teaser teaser-${variant}`}>
      {variant === 'lead' && item.cover && (
        <a class="teaser-cover" href={href} tabIndex={-1} aria-hidden="true">
          {coverPicture ?? <img src={item.cover.url} alt="" loading="eager" decoding="async" />}
        </a>
      )}
      <div class="teaser-text">
        {!hideKicker && item.rubric && (
          <p class="kicker teaser-kicker">
            <a class="kicker" href={`${item.language === lang ? base : prefixed ? `/${item.language}` : ''}/rubric/${item.rubric.slug}`}>
              {item.rubric.name}
            </a>
          </p>
        )}
        <H class="teaser-title" lang={other}>
          <a href={href}>{item.title}</a>
        </H>
        {variant !== 'compact' && item.lead && (
          <p class="teaser-standfirst" lang={other}>
            {item.lead}
          </p>
        )}
        <p class="meta teaser-meta">
          {item.authors.length > 0 && (
            <span class="teaser-byline">
              {joinNames(
                item.authors.map((a) => a.name),
                lang,
              )}
            </span>
          )}
          {item.publishedAt && <time dateTime={item.publishedAt}>{formatDate(item.publishedAt, lang)}</time>}
          {commentCount !== undefined && (
            <a class="teaser-comments" href={`${href}#comments`}>
              {t('article.comment_count', { count: formatNumber(commentCount, lang) })}
            </a>
          )}
        </p>
      </div>
    </article>
  );
}

/** An attribute as the renderer writes a string value: bare when empty, else quoted and escaped. */
const attr = (name: string, value: string) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`);

/**
 * A teaser written straight to HTML: the bytes Teaser draws without a cover picture given as an element. A page
 * draws lists of them on every miss (an article page its related articles, a list page twenty), and building
 * Preact elements for each and walking them cost twice as much. article-list.test.tsx holds the two equal.
 */
export function teaserHtml({
  t,
  item,
  lang,
  variant = 'standard',
  level = 3,
  hideKicker,
  commentCount,
  base = '',
  prefixed,
}: TeaserProps): string {
  const H = level === 2 ? 'h2' : 'h3';
  const href = articlePath(item.language, prefixed ?? false, item.slug);
  const other = item.language !== lang ? attr('lang', item.language) : '';
  let s = `<article${attr('class', `teaser teaser-${variant}`)}>`;
  if (variant === 'lead' && item.cover)
    s += `<a class="teaser-cover"${attr('href', href)} tabindex="-1" aria-hidden="true"><img${attr('src', item.cover.url)} alt loading="eager" decoding="async"/></a>`;
  s += '<div class="teaser-text">';
  if (!hideKicker && item.rubric) {
    const rubricHref = `${item.language === lang ? base : prefixed ? `/${item.language}` : ''}/rubric/${item.rubric.slug}`;
    s += `<p class="kicker teaser-kicker"><a class="kicker"${attr('href', rubricHref)}>${escapeHtml(item.rubric.name)}</a></p>`;
  }
  s += `<${H} class="teaser-title"${other}><a${attr('href', href)}>${escapeHtml(item.title)}</a></${H}>`;
  if (variant !== 'compact' && item.lead) s += `<p class="teaser-standfirst"${other}>${escapeHtml(item.lead)}</p>`;
  s += '<p class="meta teaser-meta">';
  if (item.authors.length > 0)
    s += `<span class="teaser-byline">${escapeHtml(
      joinNames(
        item.authors.map((a) => a.name),
        lang,
      ),
    )}</span>`;
  if (item.publishedAt) s += `<time${attr('datetime', item.publishedAt)}>${escapeHtml(formatDate(item.publishedAt, lang))}</time>`;
  if (commentCount !== undefined)
    s += `<a class="teaser-comments"${attr('href', `${href}#comments`)}>${escapeHtml(t('article.comment_count', { count: formatNumber(commentCount, lang) }))}</a>`;
  return `${s}</p></div></article>`;
}

/** Names joined the way the language joins a list ("A, B and C"). */
export function joinNames(names: string[], lang: string): string {
  // Most pieces have one author: nothing to join.
  if (names.length === 1) return names[0];
  try {
    return intl.and(lang).format(names);
  } catch {
    return names.join(', ');
  }
}

export interface ArticleListProps {
  t: T;
  items: TeaserItem[];
  lang: string;
  variant?: TeaserVariant;
  level?: 2 | 3;
  hideKicker?: boolean;
  /** Comment counts by slug, when known. */
  commentCounts?: Map<string, number>;
  /** Shown when the list is empty. */
  empty?: ComponentChildren;
  /** The page's edition prefix, for rubric links. */
  base?: string;
  /** Every edition is under its prefix: articles' links too. */
  prefixed?: boolean;
}

/** A list of teasers, or the empty message. */
export function ArticleList({ t, items, lang, variant, level, hideKicker, commentCounts, empty, base, prefixed }: ArticleListProps) {
  if (items.length === 0) return empty ? <p class="list-empty">{empty}</p> : null;
  // The teasers written straight to HTML (teaserHtml), the bytes the Teaser elements would draw.
  let html = '';
  for (const item of items)
    html += `<li>${teaserHtml({ t, item, lang, variant, level, hideKicker, commentCount: commentCounts?.get(item.slug), base, prefixed })}</li>`;
  return <ol class={`article-list article-list-${variant ?? 'standard'}`} role="list" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A page of a paginated list with its pager. */
export function PagedArticleList(props: ArticleListProps & { info: PageInfo }) {
  return (
    <>
      <ArticleList {...props} />
      <Pagination t={props.t} info={props.info} />
    </>
  );
}

/** Number of pages and the offset of a page; undefined when the page is past the last one. */
export function pageBounds(total: number, page: number, perPage: number): { pages: number; offset: number } | undefined {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return page > pages ? undefined : { pages, offset: (page - 1) * perPage };
}

/** The newest of some ISO timestamps as a Date (a page's Last-Modified), or undefined. */
export function newestOf(isoTimes: (string | null | undefined)[]): Date | undefined {
  let best: string | undefined;
  for (const s of isoTimes) if (s && (!best || s > best)) best = s;
  return best ? new Date(best) : undefined;
}

/** "1 article", "20 articles": the size of a list in words. */
export function articleCount(t: T, n: number, lang: string): string {
  void lang; // the translator's own language writes the number and chooses the plural form
  return t('list.count', { count: n });
}

type FeedLink = { title: string; path: string; type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json' };

/** The RSS, Atom and JSON feeds of a list living at basePath ("" for the whole site), for PageMeta.feeds. */
export function feedLinks(t: T, name: string, basePath: string): FeedLink[] {
  return [
    { title: t('list.feed.rss', { name }), path: `${basePath}/feed.xml`, type: 'application/rss+xml' },
    { title: t('list.feed.atom', { name }), path: `${basePath}/atom.xml`, type: 'application/atom+xml' },
    { title: t('list.feed.json', { name }), path: `${basePath}/feed.json`, type: 'application/feed+json' },
  ];
}
