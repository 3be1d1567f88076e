// Events: conferences and round tables; their time may be unknown (to be announced), a date, or a date-time.
import type { SafeHtml } from '../../platform/safe-html.js';

export type EventStatus = 'draft' | 'published' | 'cancelled' | 'postponed';
export const EVENT_STATUSES: EventStatus[] = ['draft', 'published', 'cancelled', 'postponed'];

/** When an event happens, as far as it is known. */
export type EventTime =
  | { kind: 'tba' }
  | { kind: 'date'; date: string } // YYYY-MM-DD, the event's local day
  | { kind: 'datetime'; instant: string }; // ISO instant

export interface Venue {
  name: string;
  address: string;
  city: string;
  country: string;
  lat: number | null;
  lon: number | null;
}

export interface Event {
  id: number;
  slug: string;
  title: string;
  summary: string;
  programmeMd: string;
  programmeHtml: SafeHtml;
  venue: Venue;
  timezone: string;
  start: EventTime;
  end: EventTime;
  onlineUrl: string;
  language: string;
  status: EventStatus;
  statusNote: string;
  termsMd: string;
  termsHtml: SafeHtml;
  createdAt: string;
  updatedAt: string;
  /** RFC 5545 SEQUENCE of the event's calendar entry (raised when its time changes). */
  icsSequence?: number;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a stored start/end value. */
export function parseEventTime(v: string | null): EventTime {
  if (!v) return { kind: 'tba' };
  if (DATE_RE.test(v)) return { kind: 'date', date: v };
  return { kind: 'datetime', instant: v };
}

/** The stored form of an event time. */
export function storeEventTime(t: EventTime): string | null {
  return t.kind === 'tba' ? null : t.kind === 'date' ? t.date : new Date(t.instant).toISOString();
}

/** True when the time zone is one Intl knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// Building an Intl formatter costs far more than using one; calendar exports ask for thousands of offsets.
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    if (zoneFormatters.size < 1000) zoneFormatters.set(timeZone, f);
  }
  return f;
}

/** Offset of a zone from UTC at an instant, in minutes (e.g. +180 for Moscow). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = zoneFormatter(timeZone).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** Converts a wall-clock time ("2026-06-10T10:00") in a zone to a UTC instant, across DST changes.
 * A time that happens twice (clocks go back) is its first occurrence; a time skipped when clocks go
 * forward is moved forward by the gap, as a person setting a clock would. */
export function wallTimeToInstant(local: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return undefined;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(guess)) return undefined;
  // Offsets a day before and after cover any single transition near the wall time.
  const before = zoneOffsetMinutes(new Date(guess - 86_400_000), timeZone);
  const after = zoneOffsetMinutes(new Date(guess + 86_400_000), timeZone);
  const fits = [before, after].map((o) => guess - o * 60000).filter((t) => zoneOffsetMinutes(new Date(t), timeZone) * 60000 === guess - t);
  if (fits.length) return new Date(Math.min(...fits));
  return new Date(guess - before * 60000);
}

/** The wall-clock time ("2026-06-10T10:00") of an instant in a zone: the inverse of wallTimeToInstant. */
export function instantToWallTime(instant: string | Date, timeZone: string): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return new Date(d.getTime() + zoneOffsetMinutes(d, timeZone) * 60000).toISOString().slice(0, 16);
}

/** The zone's canonical name ("europe/berlin" -> "Europe/Berlin"), or undefined when Intl does not know it. */
export function canonicalTimeZone(tz: string): string | undefined {
  if (!tz.trim() || !isValidTimeZone(tz.trim())) return undefined;
  return new Intl.DateTimeFormat('en', { timeZone: tz.trim() }).resolvedOptions().timeZone;
}

/** "+03:00": the zone's offset at an instant, as ISO 8601 writes it. */
export function offsetText(instant: Date, timeZone: string): string {
  const m = zoneOffsetMinutes(instant, timeZone);
  const a = Math.abs(m);
  return `${m < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** An event time as schema.org wants it: YYYY-MM-DD for a date, local time with offset for a date-time; undefined when TBA. */
export function isoInZone(t: EventTime, timeZone: string): string | undefined {
  if (t.kind === 'tba') return undefined;
  if (t.kind === 'date') return t.date;
  const d = new Date(t.instant);
  return `${instantToWallTime(d, timeZone)}:00${offsetText(d, timeZone)}`;
}

/** True when a YYYY-MM-DD string names a real calendar day. */
export function isCalendarDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The local day (YYYY-MM-DD) an event time falls on in its zone; undefined when TBA. */
export function localDay(t: EventTime, timeZone: string): string | undefined {
  return t.kind === 'tba' ? undefined : t.kind === 'date' ? t.date : instantToWallTime(t.instant, timeZone).slice(0, 10);
}

/** True when the end is before the start (a date-only side compares by local day). */
export function endsBeforeStart(start: EventTime, end: EventTime, timeZone: string): boolean {
  if (start.kind === 'tba' || end.kind === 'tba') return false;
  if (start.kind === 'datetime' && end.kind === 'datetime') return new Date(end.instant).getTime() < new Date(start.instant).getTime();
  return localDay(end, timeZone)! < localDay(start, timeZone)!;
}

/** OpenStreetMap link for a venue with coordinates, else undefined. */
export function mapUrl(v: Pick<Venue, 'lat' | 'lon'>): string | undefined {
  if (v.lat === null || v.lon === null) return undefined;
  return `https://www.openstreetmap.org/?mlat=${v.lat}&mlon=${v.lon}`;
}

/** True when readers may see the event (drafts are staff-only). */
export function isVisible(e: Pick<Event, 'status'>): boolean {
  return e.status !== 'draft';
}

/** The instant an event starts, for sorting and "upcoming" (a date-only event starts at its day's start in UTC). */
export function startSortKey(t: EventTime): string | null {
  return t.kind === 'tba' ? null : t.kind === 'date' ? `${t.date}T00:00:00.000Z` : t.instant;
}

/** True when the event has not ended yet, or its time is still to be announced. */
export function isUpcoming(e: Pick<Event, 'start' | 'end'>, now: Date): boolean {
  const end = e.end.kind !== 'tba' ? e.end : e.start;
  if (end.kind === 'tba') return true;
  if (end.kind === 'date') return end.date >= now.toISOString().slice(0, 10);
  return end.instant >= now.toISOString();
}
