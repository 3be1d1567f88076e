// The front page: the lead story, the latest articles, a section per rubric, and the next event.
import type { VNode } from 'preact';
import { editionAlternates } from '../../platform/editions.js';
import type { T } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { ArticleList, Teaser } from '../../platform/ui/article-list.js';
import type { ArticleSummary } from '../../features/articles/article.js';
import type { Event } from '../../features/events/event.js';
import { EventBlock } from '../../features/events/views/event-block.js';
import type { Chrome } from '../../platform/chrome.js';

export interface HomeSection {
  rubric: { slug: string; name: string; description: string };
  items: ArticleSummary[];
}

export interface HomePageProps {
  t: T;
  chrome: Chrome;
  lead: ArticleSummary | undefined;
  /** The lead's cover from the media library, as a <picture>. */
  leadPicture?: VNode;
  latest: ArticleSummary[];
  sections: HomeSection[];
  event: Event | undefined;
  /** Published comment counts by slug, for every teaser shown. */
  commentCounts?: Map<string, number>;
}

/** schema.org WebSite of the newsroom, with its search. */
function siteJsonLd(site: Chrome['site']): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.title,
    description: site.description || undefined,
    // The edition's home and search: the root's redirect there when every edition is prefixed.
    url: `${site.baseUrl}${site.base ?? ''}/`,
    inLanguage: site.language,
    publisher: { '@type': 'Organization', name: site.title, url: site.baseUrl },
    potentialAction: {
      '@type': 'SearchAction',
      target: `${site.baseUrl}${site.base ?? ''}/search?q={query}`,
      'query-input': 'required name=query',
    },
  };
}

/** Stories shown with their standfirsts under the lead, before the side list. */
const SECONDARY = 2;

/** The whole front page. */
export function HomePage({ t, chrome, lead, leadPicture, latest, sections, event, commentCounts }: HomePageProps) {
  const { site } = chrome;
  const lang = site.language;
  return (
    <Layout
      t={t}
      site={site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current="home"
      meta={{
        title: site.title,
        description: site.description || undefined,
        path: `${site.base ?? ''}/`,
        jsonLd: [siteJsonLd(site)],
        alternates: editionAlternates(site, '/'),
      }}
    >
      <h1 class="visually-hidden">{site.title}</h1>
      {!lead ? (
        <p class="list-empty">{t('home.empty')}</p>
      ) : (
        <div class="home-top">
          <section class="home-lead" aria-label={t('home.lead')}>
            <Teaser
              t={t}
              base={site.base}
              prefixed={site.editions === 'prefixed'}
              item={lead}
              lang={lang}
              variant="lead"
              level={2}
              commentCount={commentCounts?.get(lead.slug)}
              coverPicture={leadPicture}
            />
            {/* The next stories sit under the lead with their standfirsts; the rest go to the side list. */}
            {latest.length > SECONDARY && (
              <ArticleList
                t={t}
                base={site.base}
                prefixed={site.editions === 'prefixed'}
                commentCounts={commentCounts}
                items={latest.slice(0, SECONDARY)}
                lang={lang}
                level={2}
              />
            )}
          </section>
          {latest.length > 0 && (
            <section class="home-latest" aria-labelledby="home-latest-title">
              <h2 id="home-latest-title" class="section-title">
                {t('home.latest')}
              </h2>
              <ArticleList
                base={site.base}
                prefixed={site.editions === 'prefixed'}
                t={t}
                commentCounts={commentCounts}
                items={latest.length > SECONDARY ? latest.slice(SECONDARY) : latest}
                lang={lang}
                variant="compact"
                level={3}
              />
              <p class="section-more">
                <a href={`${site.base ?? ''}/archive`}>{t('home.archive_link')}</a>
              </p>
            </section>
          )}
        </div>
      )}
      {event && (
        <div class="home-event">
          <EventBlock t={t} event={event} base={chrome.site.base} />
          <p class="section-more">
            <a href="/events">{t('home.all_events')}</a>
          </p>
        </div>
      )}
      {sections.length > 0 && (
        <div class="home-rubrics">
          {sections.map(({ rubric, items }) => (
            <section class="home-rubric" aria-labelledby={`home-rubric-${rubric.slug}`}>
              <h2 id={`home-rubric-${rubric.slug}`} class="section-title">
                <a href={`${site.base ?? ''}/rubric/${rubric.slug}`}>{rubric.name}</a>
              </h2>
              <ArticleList
                t={t}
                base={site.base}
                prefixed={site.editions === 'prefixed'}
                commentCounts={commentCounts}
                items={items}
                lang={lang}
                level={3}
                hideKicker
              />
              <p class="section-more">
                <a href={`${site.base ?? ''}/rubric/${rubric.slug}`}>{t('home.more_in', { rubric: rubric.name })}</a>
              </p>
            </section>
          ))}
        </div>
      )}
    </Layout>
  );
}
