// Events: conferences and round tables; their time may be unknown (to be announced), a date, or a date-time.
import type { SafeHtml } from '../../platform/safe-html.js';

export type EventStatus = 'draft' | 'published' | 'cancelled' | 'postponed';
export const EVENT_STATUSES: EventStatus[] = ['draft', 'published', 'cancelled', 'postponed'];

/** When an event happens, as far as it is known. */
export type EventTime =
  | { kind: 'tba' }
  | { kind: 'date'; date: string }        // YYYY-MM-DD, the event's local day
  | { kind: 'datetime'; instant: string }; // ISO instant

export interface Venue { name: string; address: string; city: string; country: string; lat: number | null; lon: number | null }

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
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}

/** Offset of a zone from UTC at an instant, in minutes (e.g. +180 for Moscow). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** Converts a wall-clock time ("2026-06-10T10:00") in a zone to a UTC instant, across DST changes. */
export function wallTimeToInstant(local: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return undefined;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(guess)) return undefined;
  // Two passes settle the offset even when the guess lands on the other side of a DST change.
  let t = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60000;
  t = guess - zoneOffsetMinutes(new Date(t), timeZone) * 60000;
  return new Date(t);
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
