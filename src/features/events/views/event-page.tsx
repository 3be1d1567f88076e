// /events/:slug: what, when (in the event's own zone), where, the programme, the terms and the coverage.
import type { ComponentChildren } from 'preact';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { articlePath, editionAlternates } from '../../../platform/editions.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Chrome } from '../../../platform/chrome.js';
import { mapUrl, type Event } from '../event.js';
import type { LinkedArticle } from '../event-store.js';
import { availabilityOf, type RegistrationState } from '../registration.js';
import { eventJsonLd } from '../event-json-ld.js';
import { countryName } from './event-block.js';
import { EventTimeView, zoneLabel } from './event-time.js';
import { StatusBadge } from './event-teaser.js';

export interface EventPageProps {
  t: T;
  chrome: Chrome;
  event: Event;
  articles: LinkedArticle[];
  /** The registration section, once registration exists; rendered after the programme. */
  registration?: ComponentChildren;
  /** Where registration stands, for the JSON-LD offer. */
  registrationState?: RegistrationState;
}

/** The venue as a postal address, with a map link when the coordinates are known. */
function VenueBlock({ t, event: e, lang }: { t: T; event: Event; lang: string }) {
  const v = e.venue;
  const map = mapUrl(v);
  const lines = [v.name, v.address, v.city, v.country ? countryName(v.country, lang) : ''].filter(Boolean);
  if (!lines.length && !map) return null;
  return (
    <>
      <dt>{t('events.venue')}</dt>
      <dd class="event-venue">
        <p class="event-address">
          {lines.map((l, i) => (
            <>
              {i > 0 && <br />}
              <span class={i === 0 && v.name ? 'event-venue-name' : undefined}>{l}</span>
            </>
          ))}
        </p>
        {map && (
          <p>
            <a class="event-map" href={map} rel="external noopener">
              {t('events.map')}
            </a>
          </p>
        )}
      </dd>
    </>
  );
}

/** The whole event page. */
export function EventPage({ t, chrome, event: e, articles, registration, registrationState }: EventPageProps) {
  const lang = chrome.site.language;
  const availability = registrationState && availabilityOf(registrationState);
  const offer = availability
    ? { availability, validFrom: registrationState?.kind === 'not_yet' ? registrationState.opensAt : undefined }
    : undefined;
  const other = e.language !== lang ? e.language : undefined;
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current="events"
      meta={{
        title: e.title,
        description: e.summary || undefined,
        path: `${chrome.site.base ?? ''}/events/${e.slug}`,
        alternates: editionAlternates(chrome.site, `/events/${e.slug}`),
        jsonLd: [eventJsonLd(e, chrome.site, offer)],
      }}
    >
      <article class="event" aria-labelledby="event-title">
        <header class="event-header">
          <p class="kicker">
            <a class="kicker" href={`${chrome.site.base ?? ''}/events`}>
              {t('events.title')}
            </a>
          </p>
          <h1 id="event-title" lang={other}>
            {e.title}
          </h1>
          {(e.status === 'cancelled' || e.status === 'postponed') && (
            <p class={`event-status event-status-${e.status}`}>
              <StatusBadge t={t} event={e} />
              {e.statusNote && <> {e.statusNote}</>}
            </p>
          )}
          {e.summary && (
            <p class="event-summary" lang={other}>
              {e.summary}
            </p>
          )}
        </header>
        <dl class="event-facts">
          <dt>{t('events.time')}</dt>
          <dd>
            <EventTimeView t={t} start={e.start} end={e.end} timeZone={e.timezone} lang={lang} />
            {e.start.kind === 'datetime' && (
              <span
                class="event-local meta"
                data-start={e.start.instant}
                data-end={e.end.kind === 'datetime' ? e.end.instant : undefined}
                data-zone={e.timezone}
                data-label={t('events.your_time')}
                hidden
              />
            )}
            {e.start.kind === 'datetime' && (
              <span class="event-zone meta">{t('events.zone_note', { zone: zoneLabel(e.timezone, e.start.instant, lang) })}</span>
            )}
          </dd>
          <VenueBlock t={t} event={e} lang={lang} />
          {e.onlineUrl && (
            <>
              <dt>{t('events.online')}</dt>
              <dd>
                <a href={e.onlineUrl} rel="external noopener">
                  {e.onlineUrl}
                </a>
              </dd>
            </>
          )}
        </dl>
        {e.programmeMd && (
          <section
            class="event-programme prose"
            aria-label={t('events.programme')}
            lang={other}
            dangerouslySetInnerHTML={{ __html: e.programmeHtml }}
          />
        )}
        {registration}
        {e.termsMd && (
          <p class="event-terms-link">
            <a href={`${chrome.site.base ?? ''}/events/${e.slug}/terms`}>{t('events.terms_link')}</a>
          </p>
        )}
        {e.start.kind === 'datetime' && <script src="/assets/js/event-time.js" defer />}
        {articles.length > 0 && (
          <section class="event-articles" aria-labelledby="event-articles-title">
            <h2 id="event-articles-title">{t('events.articles')}</h2>
            <ul>
              {articles.map((a) => (
                <li>
                  <a
                    href={articlePath(a.language, chrome.site.editions === 'prefixed', a.slug)}
                    lang={a.language !== lang ? a.language : undefined}
                  >
                    {a.title}
                  </a>{' '}
                  <time class="meta" dateTime={a.publishedAt}>
                    {formatDate(a.publishedAt, lang)}
                  </time>
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </Layout>
  );
}
