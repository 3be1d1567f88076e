// iCalendar (RFC 5545) for events: one event as an invitation, or a feed of all; times in the event's own zone.
import { zoneOffsetMinutes, type Event, type EventTime } from './event.js';

const CRLF = '\r\n';

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > limit) {
      out.push(cur);
      cur = ' ';
      bytes = 1;
      limit = 75;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join(CRLF);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 20261025T100000Z */
export function utcStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** The wall-clock time of an instant in a zone as a floating DATE-TIME value: 20261025T100000. */
function localStamp(d: Date, zone: string): string {
  const w = new Date(d.getTime() + zoneOffsetMinutes(d, zone) * 60000);
  return utcStamp(w).slice(0, 15);
}

function offsetValue(min: number): string {
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
}

const isUtc = (zone: string) => zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Etc/GMT';

/** Instants where the zone's UTC offset changes between from and to, found by scanning days then bisecting to the second. */
export function zoneTransitions(zone: string, from: Date, to: Date): { at: Date; before: number; after: number }[] {
  const out: { at: Date; before: number; after: number }[] = [];
  const DAY = 86_400_000;
  let t = from.getTime();
  let prev = zoneOffsetMinutes(new Date(t), zone);
  while (t < to.getTime()) {
    const next = t + DAY;
    const off = zoneOffsetMinutes(new Date(next), zone);
    if (off !== prev) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (zoneOffsetMinutes(new Date(mid), zone) === prev) lo = mid;
        else hi = mid;
      }
      out.push({ at: new Date(hi), before: prev, after: off });
      prev = off;
    }
    t = next;
  }
  return out;
}

/** A VTIMEZONE for the zone, covering the years around the given instants: one STANDARD or DAYLIGHT per observed offset change. */
export function vtimezone(zone: string, around: Date[]): string[] {
  const years = around.map((d) => d.getUTCFullYear());
  const from = new Date(Date.UTC(Math.min(...years) - 1, 0, 1));
  const to = new Date(Date.UTC(Math.max(...years) + 1, 11, 31));
  const first = zoneOffsetMinutes(from, zone);
  const transitions = zoneTransitions(zone, from, to);
  const offsets = [first, ...transitions.map((x) => x.after)];
  const standard = Math.min(...offsets);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const comp = (start: Date, before: number, after: number) => {
    const kind = after > standard ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of an observance is the local time before the change (RFC 5545 3.6.5).
    const local = new Date(start.getTime() + before * 60000);
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${utcStamp(local).slice(0, 15)}`,
      `TZOFFSETFROM:${offsetValue(before)}`,
      `TZOFFSETTO:${offsetValue(after)}`,
      `TZNAME:${zoneAbbreviation(zone, new Date(start.getTime() + 1000), offsetValue(after))}`,
      `END:${kind}`,
    );
  };
  comp(from, first, first);
  for (const x of transitions) comp(x.at, x.before, x.after);
  lines.push('END:VTIMEZONE');
  return lines;
}

function zoneAbbreviation(zone: string, at: Date, fallback: string): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return name && /^[A-Za-z]{2,6}$/.test(name) ? name : fallback;
  } catch {
    return fallback;
  }
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** True when the event's time is known enough for a calendar entry. */
export function hasCalendarTime(e: Pick<Event, 'start'>): boolean {
  return e.start.kind !== 'tba';
}

export interface IcsEventOpts {
  /** Absolute site URL without a trailing slash. */
  baseUrl: string;
  /** The prefix of the edition whose event pages the entries link ("" at the root), so that they answer without a redirect. */
  editionBase?: string;
  /** DTSTAMP: when this copy was made. */
  now: Date;
  sequence: number;
  /** The site's name: the organiser's common name. */
  siteTitle?: string;
  /** The organiser's address (needed by METHOD:REQUEST). */
  organiserEmail?: string;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
}

function timeProps(name: 'DTSTART' | 'DTEND', t: EventTime, zone: string): string | undefined {
  if (t.kind === 'tba') return undefined;
  if (t.kind === 'date') return `${name};VALUE=DATE:${(name === 'DTEND' ? addDays(t.date, 1) : t.date).replace(/-/g, '')}`;
  const d = new Date(t.instant);
  return isUtc(zone) ? `${name}:${utcStamp(d)}` : `${name};TZID=${zone}:${localStamp(d, zone)}`;
}

/** The VEVENT lines of one event; undefined while its time is to be announced. */
export function veventLines(e: Event, o: IcsEventOpts): string[] | undefined {
  if (!hasCalendarTime(e)) return undefined;
  const host = new URL(o.baseUrl).host;
  const url = `${o.baseUrl}${o.editionBase ?? ''}/events/${e.slug}`;
  const place = [e.venue.name, e.venue.address, e.venue.city, e.venue.country].filter(Boolean).join(', ');
  const start = timeProps('DTSTART', e.start, e.timezone)!;
  // An end of another kind than the start (a date-time start, a date end) cannot be written; leave it out.
  const end = e.end.kind === e.start.kind ? timeProps('DTEND', e.end, e.timezone) : undefined;
  const description = [e.summary, e.onlineUrl ? `Online: ${e.onlineUrl}` : '', url].filter(Boolean).join('\n\n');
  const status = o.status ?? (e.status === 'cancelled' ? 'CANCELLED' : e.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED');
  return [
    'BEGIN:VEVENT',
    `UID:event-${e.id}@${host}`,
    `DTSTAMP:${utcStamp(o.now)}`,
    start,
    ...(end ? [end] : []),
    `SEQUENCE:${o.sequence}`,
    `SUMMARY:${escapeText(e.title)}`,
    ...(place ? [`LOCATION:${escapeText(place)}`] : []),
    ...(e.venue.lat !== null && e.venue.lon !== null ? [`GEO:${e.venue.lat};${e.venue.lon}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${url}`,
    `STATUS:${status}`,
    ...(o.organiserEmail ? [`ORGANIZER;CN=${quoteParam(o.siteTitle ?? host)}:mailto:${o.organiserEmail}`] : []),
    'END:VEVENT',
  ];
}

/** A parameter value, quoted when it holds characters that would end it. */
function quoteParam(s: string): string {
  const clean = s.replace(/["\r\n]/g, '');
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

function calendar(method: string, bodies: string[][], zones: Map<string, Date[]>, name?: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Chancery//Events//EN', 'CALSCALE:GREGORIAN', `METHOD:${method}`];
  if (name) lines.push(`X-WR-CALNAME:${escapeText(name)}`);
  for (const [zone, at] of zones) if (!isUtc(zone)) lines.push(...vtimezone(zone, at));
  for (const b of bodies) lines.push(...b);
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function instantsOf(e: Event): Date[] {
  return [e.start, e.end].flatMap((t) => (t.kind === 'datetime' ? [new Date(t.instant)] : []));
}

/** One event as a calendar invitation (METHOD:REQUEST); undefined while the time is to be announced. */
export function eventIcs(e: Event, o: IcsEventOpts): string | undefined {
  const body = veventLines(e, o);
  if (!body) return undefined;
  const zones = new Map<string, Date[]>();
  const at = instantsOf(e);
  if (at.length) zones.set(e.timezone, at);
  return calendar(o.status === 'CANCELLED' ? 'CANCEL' : 'REQUEST', [body], zones);
}

/** All events with a known time as one published calendar (the /events.ics feed). */
export function eventsFeedIcs(events: Event[], o: Omit<IcsEventOpts, 'sequence'> & { name: string }): string {
  const bodies: string[][] = [];
  const zones = new Map<string, Date[]>();
  for (const e of events) {
    const body = veventLines(e, { ...o, sequence: e.icsSequence ?? 0, organiserEmail: undefined });
    if (!body) continue;
    bodies.push(body);
    const at = instantsOf(e);
    if (at.length) zones.set(e.timezone, [...(zones.get(e.timezone) ?? []), ...at]);
  }
  return calendar('PUBLISH', bodies, zones, o.name);
}
