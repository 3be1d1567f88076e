// The events block under an article: venue, time (or "to be announced"), and the terms of participation.
import { intl, type T } from '../../../platform/i18n/index.js';
import type { Event } from '../event.js';
import { EventTimeView } from './event-time.js';

/** Renders the block for one event; the article page decides which event. `base` is the edition's prefix. */
export function EventBlock({ t, event, base = '' }: { t: T; event: Event; base?: string }) {
  const place = [event.venue.address, event.venue.city, countryName(event.venue.country, t.lang)].filter(Boolean).join(', ');
  return (
    <aside class="event-block" aria-labelledby="event-block-title">
      <p class="kicker">{t('events.block_title')}</p>
      <h2 id="event-block-title">
        <a href={`${base}/events/${event.slug}`}>{event.title}</a>
      </h2>
      {event.status === 'cancelled' && <p class="event-status">{t('events.status.cancelled')}</p>}
      {event.status === 'postponed' && (
        <p class="event-status">
          {t('events.status.postponed')}
          {event.statusNote ? `: ${event.statusNote}` : ''}
        </p>
      )}
      <dl>
        <dt>{t('events.location')}</dt>
        <dd>
          {place}
          {event.venue.name ? <>. {event.venue.name}</> : null}
        </dd>
        <dt>{t('events.time')}</dt>
        <dd>
          <EventTimeView t={t} start={event.start} end={event.end} timeZone={event.timezone} />
        </dd>
      </dl>
      {event.termsMd && (
        <p>
          <a href={`${base}/events/${event.slug}/terms`}>{t('events.terms_link')}</a>
        </p>
      )}
    </aside>
  );
}

/** The name of an ISO country code in a language (English unless told), or the code itself. */
// Intl.DisplayNames#of takes about 20 µs and the event block is on every article page: names are kept.
const countryNames = new Map<string, string>();

export function countryName(code: string, lang = 'en'): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  const key = `${lang}:${code}`;
  let name = countryNames.get(key);
  if (name === undefined) {
    try {
      name = intl.regionNames(lang).of(code) ?? code;
    } catch {
      name = code;
    }
    // Codes and languages are few (two letters each), so the map stays small.
    countryNames.set(key, name);
  }
  return name;
}
