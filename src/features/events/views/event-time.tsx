// An event's time as readers see it: "Time to be announced", a date, or a date-time in the event's zone.
import { formatDate, formatDateTime, intl, type T } from '../../../platform/i18n/index.js';
import type { EventTime } from '../event.js';

/** Text of an event's start (and end when known) in its own time zone. */
export function eventTimeText(t: T, start: EventTime, end: EventTime, timeZone: string, lang = 'en'): string {
  if (start.kind === 'tba') return t('events.tba');
  const one = (x: EventTime) =>
    x.kind === 'date'
      ? formatDate(`${x.date}T12:00:00Z`, lang, 'UTC')
      : x.kind === 'datetime'
        ? formatDateTime(x.instant, lang, timeZone)
        : '';
  const s = one(start);
  if (end.kind === 'tba') return s;
  if (end.kind === 'datetime' && start.kind === 'datetime' && end.instant.slice(0, 10) === start.instant.slice(0, 10)) {
    const endTime = intl
      .date(lang === 'en' ? 'en-GB' : lang, { hour: '2-digit', minute: '2-digit', timeZone })
      .format(new Date(end.instant));
    return `${s} – ${endTime}`;
  }
  return `${s} – ${one(end)}`;
}

/** A <time> element for the start, machine-readable when the time is known. */
export function EventTimeView({
  t,
  start,
  end,
  timeZone,
  lang,
}: {
  t: T;
  start: EventTime;
  end: EventTime;
  timeZone: string;
  lang?: string;
}) {
  const text = eventTimeText(t, start, end, timeZone, lang);
  if (start.kind === 'tba') return <span class="event-time event-time-tba">{text}</span>;
  return (
    <time class="event-time" dateTime={start.kind === 'date' ? start.date : start.instant}>
      {text}
    </time>
  );
}

/** The zone named for readers at an instant: "Central European Summer Time (Europe/Berlin)". */
export function zoneLabel(timeZone: string, at: string, lang = 'en'): string {
  try {
    const parts = intl.date(lang === 'en' ? 'en-GB' : lang, { timeZone, timeZoneName: 'long' }).formatToParts(new Date(at));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value;
    return name && name !== timeZone ? `${name} (${timeZone})` : timeZone;
  } catch {
    return timeZone;
  }
}
