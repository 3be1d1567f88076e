// /events: upcoming events first (soonest first, those still to be announced last), then past ones.
import { editionAlternates } from '../../../platform/editions.js';
import type { T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import { Pagination, type PageInfo } from '../../../platform/ui/pagination.js';
import type { Chrome } from '../../../platform/chrome.js';
import type { Event } from '../event.js';
import { EventTeaser } from './event-teaser.js';

export interface EventsPageProps {
  t: T;
  chrome: Chrome;
  upcoming: Event[];
  past: Event[];
  pastInfo: PageInfo;
}

/** The whole events page; later pages of the past list leave the upcoming section out. */
export function EventsPage({ t, chrome, upcoming, past, pastInfo }: EventsPageProps) {
  const lang = chrome.site.language;
  const first = pastInfo.page === 1;
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current="events"
      meta={{
        title: t('events.title'),
        description: t('events.description'),
        path: first ? pastInfo.basePath : `${pastInfo.basePath}?page=${pastInfo.page}`,
        alternates: first ? editionAlternates(chrome.site, '/events') : undefined,
      }}
    >
      <div class="events-page">
        <h1>{t('events.title')}</h1>
        <p class="events-calendar meta">
          <a href="/events.ics">{t('events.calendar_feed')}</a>
        </p>
        {first && (
          <section class="events-section" aria-labelledby="events-upcoming">
            <h2 id="events-upcoming">{t('events.upcoming')}</h2>
            {upcoming.length ? (
              <div class="event-list">
                {upcoming.map((e) => (
                  <EventTeaser t={t} event={e} lang={lang} base={chrome.site.base} />
                ))}
              </div>
            ) : (
              <p class="events-empty">{t('events.none_upcoming')}</p>
            )}
          </section>
        )}
        <section class="events-section" aria-labelledby="events-past">
          <h2 id="events-past">{t('events.past')}</h2>
          {past.length ? (
            <div class="event-list">
              {past.map((e) => (
                <EventTeaser t={t} event={e} lang={lang} base={chrome.site.base} />
              ))}
            </div>
          ) : (
            <p class="events-empty">{t('events.none_past')}</p>
          )}
          <Pagination t={t} info={pastInfo} />
        </section>
      </div>
    </Layout>
  );
}
