// One event in a list: title, time (or "to be announced"), venue and city, and a badge when it will not go ahead as planned.
import type { T } from '../../../platform/i18n/index.js';
import type { Event } from '../event.js';
import { EventTimeView } from './event-time.js';

/** The badge of a cancelled or postponed event; nothing for others. */
export function StatusBadge({ t, event }: { t: T; event: Pick<Event, 'status'> }) {
  if (event.status !== 'cancelled' && event.status !== 'postponed') return null;
  return <span class={`event-badge event-badge-${event.status}`}>{t(`events.status.${event.status}`)}</span>;
}

/** A teaser of an event for the events page. */
export function EventTeaser({ t, event: e, lang, base = '' }: { t: T; event: Event; lang: string; base?: string }) {
  const place = [e.venue.name, e.venue.city].filter(Boolean).join(', ');
  return (
    <article class={`event-teaser event-teaser-${e.status}`}>
      <h3 class="event-teaser-title" lang={e.language !== lang ? e.language : undefined}>
        <a href={`${base}/events/${e.slug}`}>{e.title}</a> <StatusBadge t={t} event={e} />
      </h3>
      <p class="meta event-teaser-meta">
        <EventTimeView t={t} start={e.start} end={e.end} timeZone={e.timezone} lang={lang} />
        {place && <span class="event-teaser-place">{place}</span>}
        {!place && e.onlineUrl && <span class="event-teaser-place">{t('events.online')}</span>}
      </p>
      {e.summary && (
        <p class="event-teaser-summary" lang={e.language !== lang ? e.language : undefined}>
          {e.summary}
        </p>
      )}
    </article>
  );
}
