// The staff event form: raw values as typed, their validation into an EventInput, and the stored row.
import type { T } from '../../platform/i18n/index.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { LANGUAGES } from '../articles/article.js';
import { slugify } from '../tags/tag-store.js';
import {
  canonicalTimeZone,
  endsBeforeStart,
  EVENT_STATUSES,
  instantToWallTime,
  isCalendarDate,
  storeEventTime,
  wallTimeToInstant,
  type Event,
  type EventStatus,
  type EventTime,
} from './event.js';
import type { EventRow } from './event-store.js';

export type TimeKind = EventTime['kind'];
export const TIME_KINDS: TimeKind[] = ['tba', 'date', 'datetime'];

/** What the form holds, exactly as typed, so a rejected form comes back unchanged. */
export interface EventFormValues {
  title: string;
  slug: string;
  summary: string;
  programmeMd: string;
  venueName: string;
  venueAddress: string;
  venueCity: string;
  venueCountry: string;
  lat: string;
  lon: string;
  timezone: string;
  startKind: string;
  startDate: string;
  startDateTime: string;
  endKind: string;
  endDate: string;
  endDateTime: string;
  onlineUrl: string;
  language: string;
  status: string;
  statusNote: string;
  termsMd: string;
  articleSlugs: string;
}

/** A valid event as the form describes it. */
export interface EventInput {
  title: string;
  slug: string;
  summary: string;
  programmeMd: string;
  venue: { name: string; address: string; city: string; country: string; lat: number | null; lon: number | null };
  timezone: string;
  start: EventTime;
  end: EventTime;
  onlineUrl: string;
  language: string;
  status: EventStatus;
  statusNote: string;
  termsMd: string;
  articleSlugs: string[];
}

export const EVENT_LIMITS = {
  title: 300,
  slug: 120,
  summary: 2000,
  text: 200_000,
  short: 300,
  url: 2000,
  note: 500,
  articles: 50,
} as const;

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
// Codes Intl names that are not places one can hold an event in.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

// Naming and sorting some 250 regions took about a millisecond, on every view of an event's registration form:
// the list depends on the language alone, so each language's is built once.
const countryLists = new Map<string, readonly { code: string; name: string }[]>();

/** ISO 3166 region codes with their names in `lang`, sorted by name: the country select's options. */
export function countryOptions(lang = 'en'): readonly { code: string; name: string }[] {
  let list = countryLists.get(lang);
  if (!list) {
    const dn = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    const out: { code: string; name: string }[] = [];
    for (let a = 65; a < 91; a++) {
      for (let b = 65; b < 91; b++) {
        const code = String.fromCharCode(a, b);
        const name = dn.of(code);
        if (name && name !== code && !NOT_COUNTRIES.has(code)) out.push(Object.freeze({ code, name }));
      }
    }
    list = Object.freeze(out.sort((x, y) => x.name.localeCompare(y.name, lang)));
    // A language tag comes from the site's editions, not from readers: a handful of lists at most.
    countryLists.set(lang, list);
  }
  return list;
}

const englishRegions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** True when the code is a country Intl knows. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  return englishRegions.of(code) !== code;
}

/** Zones offered in the form's datalist; any IANA name is accepted. */
export const COMMON_TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Brussels',
  'Europe/Vienna',
  'Europe/Rome',
  'Europe/Warsaw',
  'Europe/Belgrade',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Kyiv',
  'Europe/Minsk',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Tbilisi',
  'Asia/Yerevan',
  'Asia/Baku',
  'Asia/Tehran',
  'Asia/Dubai',
  'Asia/Tashkent',
  'Asia/Almaty',
  'Asia/Bishkek',
  'Asia/Dushanbe',
  'Asia/Ashgabat',
  'Asia/Yekaterinburg',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Ulaanbaatar',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Irkutsk',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Asia/Vladivostok',
  'Australia/Sydney',
  'Africa/Cairo',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Africa/Johannesburg',
  'America/Sao_Paulo',
  'America/Buenos_Aires',
  'America/Mexico_City',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
];

/** Reads the form body into values, trimmed and cut to sane lengths. */
export function formValuesOf(form: Record<string, unknown>): EventFormValues {
  const f = (name: string, max: number = EVENT_LIMITS.short) => {
    const v = form[name];
    const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
    return s.replace(/\r\n/g, '\n').trim().slice(0, max);
  };
  return {
    title: f('title', EVENT_LIMITS.title),
    slug: f('slug', EVENT_LIMITS.slug),
    summary: f('summary', EVENT_LIMITS.summary),
    programmeMd: f('programme', EVENT_LIMITS.text),
    venueName: f('venue_name'),
    venueAddress: f('venue_address'),
    venueCity: f('venue_city'),
    venueCountry: f('venue_country', 10),
    lat: f('lat', 40),
    lon: f('lon', 40),
    timezone: f('timezone', 100),
    startKind: f('start_kind', 10),
    startDate: f('start_date', 20),
    startDateTime: f('start_datetime', 30),
    endKind: f('end_kind', 10),
    endDate: f('end_date', 20),
    endDateTime: f('end_datetime', 30),
    onlineUrl: f('online_url', EVENT_LIMITS.url),
    language: f('language', 10),
    status: f('status', 20),
    statusNote: f('status_note', EVENT_LIMITS.note),
    termsMd: f('terms', EVENT_LIMITS.text),
    articleSlugs: f('articles', 10_000),
  };
}

/** The empty form of a new event. */
export function emptyFormValues(): EventFormValues {
  return {
    title: '',
    slug: '',
    summary: '',
    programmeMd: '',
    venueName: '',
    venueAddress: '',
    venueCity: '',
    venueCountry: '',
    lat: '',
    lon: '',
    timezone: 'UTC',
    startKind: 'tba',
    startDate: '',
    startDateTime: '',
    endKind: 'tba',
    endDate: '',
    endDateTime: '',
    onlineUrl: '',
    language: 'en',
    status: 'draft',
    statusNote: '',
    termsMd: '',
    articleSlugs: '',
  };
}

function timeValues(t: EventTime, timeZone: string): { kind: string; date: string; dateTime: string } {
  if (t.kind === 'tba') return { kind: 'tba', date: '', dateTime: '' };
  if (t.kind === 'date') return { kind: 'date', date: t.date, dateTime: '' };
  const wall = instantToWallTime(t.instant, timeZone);
  return { kind: 'datetime', date: wall.slice(0, 10), dateTime: wall };
}

/** The form of a stored event: date-times shown as wall-clock times in the event's zone. */
export function valuesFromEvent(e: Event, articleSlugs: string[]): EventFormValues {
  const s = timeValues(e.start, e.timezone);
  const en = timeValues(e.end, e.timezone);
  return {
    title: e.title,
    slug: e.slug,
    summary: e.summary,
    programmeMd: e.programmeMd,
    venueName: e.venue.name,
    venueAddress: e.venue.address,
    venueCity: e.venue.city,
    venueCountry: e.venue.country,
    lat: e.venue.lat === null ? '' : String(e.venue.lat),
    lon: e.venue.lon === null ? '' : String(e.venue.lon),
    timezone: e.timezone,
    startKind: s.kind,
    startDate: s.date,
    startDateTime: s.dateTime,
    endKind: en.kind,
    endDate: en.date,
    endDateTime: en.dateTime,
    onlineUrl: e.onlineUrl,
    language: e.language,
    status: e.status,
    statusNote: e.statusNote,
    termsMd: e.termsMd,
    articleSlugs: articleSlugs.join(', '),
  };
}

function parseCoordinate(raw: string, max: number): number | null | undefined {
  if (raw === '') return null;
  const s = raw.replace(',', '.');
  if (!/^[+-]?\d{1,3}(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Math.abs(n) <= max ? n : undefined;
}

/** Parses one side (start or end) of the event's time; an error message when it is not a real time in the zone. */
function parseTime(t: T, kind: string, date: string, dateTime: string, zone: string | undefined): { time?: EventTime; error?: string } {
  if (kind === 'tba' || kind === '') return { time: { kind: 'tba' } };
  if (kind === 'date') {
    if (!isCalendarDate(date)) return { error: t('events.error.date') };
    return { time: { kind: 'date', date } };
  }
  if (kind !== 'datetime') return { error: t('events.error.time_kind') };
  const m = DATETIME_RE.exec(dateTime);
  if (!m || !isCalendarDate(m[1]) || +m[2] > 23 || +m[3] > 59) return { error: t('events.error.datetime') };
  if (!zone) return {}; // the zone's own error says what to fix
  const wall = `${m[1]}T${m[2]}:${m[3]}`;
  const instant = wallTimeToInstant(wall, zone)!;
  // A wall time skipped when the clocks go forward does not exist; say so rather than silently shift it.
  const back = instantToWallTime(instant, zone);
  if (back !== wall) return { error: t('events.error.dst_gap', { time: wall.replace('T', ' '), zone, suggestion: back.slice(11) }) };
  return { time: { kind: 'datetime', instant: instant.toISOString() } };
}

/** Validates the form: an input when everything is right, else messages by field id. */
export function parseEventForm(v: EventFormValues, t: T): { input?: EventInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!v.title) errors.title = t('events.error.title');
  const slug = v.slug ? v.slug.toLowerCase() : slugify(v.title);
  if (!SLUG_RE.test(slug)) errors.slug = t('events.error.slug');

  if (v.venueCountry && !isCountryCode(v.venueCountry.toUpperCase())) errors.venue_country = t('events.error.country');
  const lat = parseCoordinate(v.lat, 90);
  const lon = parseCoordinate(v.lon, 180);
  if (lat === undefined) errors.lat = t('events.error.lat');
  if (lon === undefined) errors.lon = t('events.error.lon');
  if (lat !== undefined && lon !== undefined && (lat === null) !== (lon === null))
    errors[lat === null ? 'lat' : 'lon'] = t('events.error.coordinates_pair');

  const zone = canonicalTimeZone(v.timezone);
  if (!zone) errors.timezone = t('events.error.timezone', { zone: v.timezone });

  const start = parseTime(t, v.startKind, v.startDate, v.startDateTime, zone);
  if (start.error) errors[v.startKind === 'date' ? 'start_date' : 'start_datetime'] = start.error;
  const end = parseTime(t, v.endKind, v.endDate, v.endDateTime, zone);
  if (end.error) errors[v.endKind === 'date' ? 'end_date' : 'end_datetime'] = end.error;
  if (start.time && end.time && zone) {
    if (start.time.kind === 'tba' && end.time.kind !== 'tba') errors.end_kind = t('events.error.end_without_start');
    else if (endsBeforeStart(start.time, end.time, zone))
      errors[end.time.kind === 'date' ? 'end_date' : 'end_datetime'] = t('events.error.end_before_start');
  }

  if (v.onlineUrl && !isHttpUrl(v.onlineUrl)) errors.online_url = t('events.error.url');
  if (!(LANGUAGES as readonly string[]).includes(v.language)) errors.language = t('events.error.language');
  if (!(EVENT_STATUSES as string[]).includes(v.status)) errors.status = t('events.error.status');

  const articleSlugs = [
    ...new Set(
      v.articleSlugs
        .split(/[,\s]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (articleSlugs.length > EVENT_LIMITS.articles) errors.articles = t('events.error.too_many_articles', { max: EVENT_LIMITS.articles });

  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      title: v.title,
      slug,
      summary: v.summary,
      programmeMd: v.programmeMd,
      venue: { name: v.venueName, address: v.venueAddress, city: v.venueCity, country: v.venueCountry.toUpperCase(), lat: lat!, lon: lon! },
      timezone: zone!,
      start: start.time!,
      end: end.time!,
      onlineUrl: v.onlineUrl,
      language: v.language,
      status: v.status as EventStatus,
      statusNote: v.statusNote,
      termsMd: v.termsMd,
      articleSlugs,
    },
  };
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The stored row of a valid input: Markdown rendered to sanitised HTML once, here. */
export function eventRowOf(input: EventInput): EventRow {
  return {
    slug: input.slug,
    title: input.title,
    summary: input.summary,
    programmeMd: input.programmeMd,
    programmeHtml: renderMarkdown(input.programmeMd),
    venueName: input.venue.name,
    venueAddress: input.venue.address,
    venueCity: input.venue.city,
    venueCountry: input.venue.country,
    lat: input.venue.lat,
    lon: input.venue.lon,
    timezone: input.timezone,
    startsAt: storeEventTime(input.start),
    endsAt: storeEventTime(input.end),
    onlineUrl: input.onlineUrl,
    language: input.language,
    status: input.status,
    statusNote: input.statusNote,
    termsMd: input.termsMd,
    termsHtml: renderMarkdown(input.termsMd),
  };
}
