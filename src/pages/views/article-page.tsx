// The article page: headline, standfirst, byline and dates, cover, body, closing byline, tags, event, related, comments.
import type { Translation } from '../../features/articles/translation-store.js';
import type { ComponentChildren } from 'preact';
import { formatDate, formatDateTime, intl, type T } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { ArticleList } from '../../platform/ui/article-list.js';
import type { Chrome } from '../../platform/chrome.js';
import type { Event } from '../../features/events/event.js';
import { EventBlock } from '../../features/events/views/event-block.js';
import type { AuthorRef } from '../../features/authors/author.js';
import type { Article, ArticleSummary, ReadableArticle } from '../../features/articles/article.js';
import { type Correction, correctionsJsonLd } from '../../features/corrections/correction.js';
import { CommentsSection } from './comments-section.js';
import { articlePath } from '../../platform/editions.js';

export interface ArticlePageProps {
  t: T;
  chrome: Chrome;
  article: ReadableArticle;
  related: ArticleSummary[];
  event?: Event;
  /** Published comment count and the rendered thread, once the comments feature supplies them. */
  comments?: { count: number; children?: ComponentChildren };
  /** "Facts in this article", from the knowledge engine's dossiers. */
  facts?: ComponentChildren;
  /** The article in other languages (published), for hreflang, the switcher and JSON-LD. */
  translations?: Translation[];
  /** The cover as <picture> when it comes from the media library (its alt text included). */
  coverPicture?: ComponentChildren;
  /** Corrections and update notes (for JSON-LD) and their rendered section. */
  corrections?: Correction[];
  correctionsBlock?: ComponentChildren;
}

/**
 * True when the article changed in substance after it was published (revisedAt: its title, lead or body, not
 * a minor edit; see publishing-service changesSubstance): then the page shows "Updated" with that time.
 */
export function showsUpdated(a: Pick<Article, 'publishedAt' | 'revisedAt'>): a is Pick<Article, 'publishedAt'> & { revisedAt: string } {
  return a.publishedAt !== null && a.revisedAt !== null && a.revisedAt > a.publishedAt;
}

/** When the article last changed for its readers: its last substantive change, else its publication. */
export function modifiedOf(a: Pick<Article, 'publishedAt' | 'revisedAt' | 'updatedAt'>): string {
  return showsUpdated(a) ? a.revisedAt : (a.publishedAt ?? a.updatedAt);
}

/** schema.org NewsArticle of an article, every author a Person. */
export function articleJsonLd(
  a: ReadableArticle,
  site: Chrome['site'],
  translations: Translation[] = [],
  corrections: Correction[] = [],
): object {
  const prefixed = site.editions === 'prefixed';
  const url = `${site.baseUrl}${articlePath(a.language, prefixed, a.slug)}`;
  const work = (x: Translation) => ({
    '@type': 'NewsArticle',
    headline: x.title,
    inLanguage: x.language,
    url: `${site.baseUrl}${articlePath(x.language, prefixed, x.slug)}`,
  });
  // The original names its translations; a translation names its original (and the original's other translations).
  const original = translations.find((x) => x.original);
  const abs = (p: string) => (/^https?:\/\//.test(p) ? p : site.baseUrl + p);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.lead || undefined,
    datePublished: a.publishedAt,
    dateModified: modifiedOf(a),
    author: a.authors.map((p) => ({
      '@type': 'Person',
      name: p.name,
      jobTitle: p.title || undefined,
      url: `${site.baseUrl}${site.base ?? ''}/authors/${p.slug}`,
    })),
    publisher: {
      '@type': 'Organization',
      name: site.title,
      url: site.baseUrl,
      logo: { '@type': 'ImageObject', url: `${site.baseUrl}/assets/favicon.svg` },
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    inLanguage: a.language,
    translationOfWork: original ? work(original) : undefined,
    workTranslation: !original && translations.length ? translations.map(work) : undefined,
    articleSection: a.rubric?.name,
    keywords: a.tags.length ? a.tags.map((tag) => tag.name) : undefined,
    image: a.cover ? [abs(a.cover.url)] : undefined,
    correction: correctionsJsonLd(corrections),
  };
}

/** Author links joined as the language joins a list: "A, B and C". */
function AuthorLinks({ authors, lang, base = '' }: { authors: AuthorRef[]; lang: string; base?: string }) {
  let parts: { type: string; value: string }[];
  try {
    parts = authors.length === 1 ? [{ type: 'element', value: authors[0].name }] : intl.and(lang).formatToParts(authors.map((a) => a.name));
  } catch {
    parts = authors.flatMap((a, i) =>
      i
        ? [
            { type: 'literal', value: ', ' },
            { type: 'element', value: a.name },
          ]
        : [{ type: 'element', value: a.name }],
    );
  }
  let i = 0;
  return (
    <>
      {parts.map((p) =>
        p.type === 'element' ? (
          <a href={`${base}/authors/${authors[i++].slug}`} rel="author">
            {p.value}
          </a>
        ) : (
          p.value
        ),
      )}
    </>
  );
}

/** The whole article page. */
export function ArticlePage({
  t,
  chrome,
  article: a,
  related,
  event,
  comments,
  facts,
  translations = [],
  coverPicture,
  corrections = [],
  correctionsBlock,
}: ArticlePageProps) {
  const prefixed = chrome.site.editions === 'prefixed';
  const path = (x: { language: string; slug: string }) => articlePath(x.language, prefixed, x.slug);
  const alternates = translations.length
    ? Object.fromEntries([[a.language, path(a)], ...translations.map((x) => [x.language, path(x)])])
    : undefined;
  const original = translations.find((x) => x.original);
  const lang = chrome.site.language;
  const contentLang = a.language;
  const cover = a.cover;
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current={a.rubric ? `rubric:${a.rubric.slug}` : undefined}
      meta={{
        title: a.title,
        description: a.lead || undefined,
        path: path(a),
        ogType: 'article',
        image: cover?.url,
        publishedTime: a.publishedAt ?? undefined,
        modifiedTime: modifiedOf(a),
        jsonLd: [articleJsonLd(a, chrome.site, translations, corrections)],
        alternates,
        xDefault: alternates && path(original ?? a),
      }}
    >
      <article class="article" aria-labelledby="article-title">
        <header class="article-header">
          {a.rubric && (
            <p class="kicker article-kicker">
              <a class="kicker" href={`${chrome.site.base ?? ''}/rubric/${a.rubric.slug}`}>
                {a.rubric.name}
              </a>
            </p>
          )}
          <h1 id="article-title" lang={contentLang}>
            {a.title}
          </h1>
          {a.lead && (
            <p class="article-lead" lang={contentLang}>
              {a.lead}
            </p>
          )}
          <p class="meta article-meta">
            {a.authors.length > 0 && (
              <span class="article-authors">
                {t('article.by')} <AuthorLinks base={chrome.site.base} authors={a.authors} lang={lang} />
              </span>
            )}
            {a.publishedAt && (
              <span class="article-date">
                {t('article.published')} <time dateTime={a.publishedAt}>{formatDate(a.publishedAt, lang)}</time>
              </span>
            )}
            {showsUpdated(a) && (
              <span class="article-updated">
                {t('article.updated')} <time dateTime={a.revisedAt}>{formatDateTime(a.revisedAt, lang)}</time>
              </span>
            )}
            <span class="article-reading">{t('article.reading_time', { minutes: a.readingMinutes })}</span>
          </p>
        </header>
        {cover && (
          <figure class="article-cover">
            {/* The caption below describes the picture; repeating it as alt text would read it twice. */}
            {coverPicture ?? <img src={cover.url} alt="" decoding="async" />}
            {(cover.caption || cover.credit) && (
              <figcaption>
                {cover.caption && <span lang={contentLang}>{cover.caption}</span>}
                {cover.caption && cover.credit && ' '}
                {cover.credit && <span class="credit">{t('article.cover_credit', { credit: cover.credit })}</span>}
              </figcaption>
            )}
          </figure>
        )}
        <div class="article-body" lang={contentLang} dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
        {correctionsBlock}
        <footer class="article-footer">
          {a.authors.length > 0 && (
            <div class="article-byline">
              {a.authors.map((p) => (
                <p class="byline-author">
                  <a href={`${chrome.site.base ?? ''}/authors/${p.slug}`} rel="author">
                    {p.name}
                  </a>
                  {p.title ? `, ${p.title}` : ''}
                </p>
              ))}
            </div>
          )}
          {a.tags.length > 0 && (
            <nav class="article-tags" aria-labelledby="article-tags-title">
              <h2 id="article-tags-title" class="article-tags-title">
                {t('article.tags')}
              </h2>
              <ul role="list">
                {a.tags.map((tag) => (
                  <li>
                    <a href={`${chrome.site.base ?? ''}/tags/${tag.slug}`}>
                      <span class="tag-type">{t(`tag.type.${tag.type}`)}</span> {tag.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </footer>
      </article>
      {facts}
      {event && <EventBlock t={t} event={event} base={chrome.site.base} />}
      {related.length > 0 && (
        <section class="related" aria-labelledby="related-title">
          <h2 id="related-title">{t('article.related')}</h2>
          <ArticleList
            base={chrome.site.base}
            prefixed={chrome.site.editions === 'prefixed'}
            t={t}
            items={related}
            lang={lang}
            variant="compact"
            level={3}
          />
        </section>
      )}
      <CommentsSection t={t} lang={lang} mode={a.commentsMode} count={comments?.count ?? 0}>
        {comments?.children}
      </CommentsSection>
    </Layout>
  );
}
