import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/index.js';
import {
  canonicalTimeZone,
  endsBeforeStart,
  instantToWallTime,
  isCalendarDate,
  isoInZone,
  isUpcoming,
  mapUrl,
  parseEventTime,
  storeEventTime,
  wallTimeToInstant,
  type Event,
  type EventTime,
} from './event.js';
import { emptyFormValues, parseEventForm, valuesFromEvent, type EventFormValues } from './event-form.js';
import { eventJsonLd } from './event-json-ld.js';
import { eventTimeText, zoneLabel } from './views/event-time.js';

const t = translator('en');
const at = (iso: string): EventTime => ({ kind: 'datetime', instant: new Date(iso).toISOString() });

describe('event time storage', () => {
  it('reads and writes TBA, date-only and date-time', () => {
    expect(parseEventTime(null)).toEqual({ kind: 'tba' });
    expect(parseEventTime('2026-06-10')).toEqual({ kind: 'date', date: '2026-06-10' });
    expect(parseEventTime('2026-06-10T07:00:00.000Z')).toEqual({ kind: 'datetime', instant: '2026-06-10T07:00:00.000Z' });
    expect(storeEventTime({ kind: 'tba' })).toBeNull();
    expect(storeEventTime({ kind: 'date', date: '2026-06-10' })).toBe('2026-06-10');
    expect(storeEventTime({ kind: 'datetime', instant: '2026-06-10T07:00Z' })).toBe('2026-06-10T07:00:00.000Z');
  });

  it('knows real calendar days', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('10.06.2026')).toBe(false);
  });
});

describe('wall time in a zone', () => {
  it('Moscow has no DST: always UTC+3', () => {
    expect(wallTimeToInstant('2026-01-15T10:00', 'Europe/Moscow')!.toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(wallTimeToInstant('2026-07-15T10:00', 'Europe/Moscow')!.toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(isoInZone(at('2026-07-15T07:00Z'), 'Europe/Moscow')).toBe('2026-07-15T10:00:00+03:00');
  });

  it('Berlin winter and summer offsets', () => {
    expect(wallTimeToInstant('2026-03-28T12:00', 'Europe/Berlin')!.toISOString()).toBe('2026-03-28T11:00:00.000Z');
    expect(wallTimeToInstant('2026-03-30T12:00', 'Europe/Berlin')!.toISOString()).toBe('2026-03-30T10:00:00.000Z');
  });

  it('a time skipped when clocks go forward (Berlin 2026-03-29 02:30) moves forward by the gap', () => {
    const i = wallTimeToInstant('2026-03-29T02:30', 'Europe/Berlin')!;
    expect(i.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToWallTime(i, 'Europe/Berlin')).toBe('2026-03-29T03:30');
    // Either side of the gap is exact.
    expect(wallTimeToInstant('2026-03-29T01:59', 'Europe/Berlin')!.toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(wallTimeToInstant('2026-03-29T03:00', 'Europe/Berlin')!.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('a time that happens twice (Berlin 2026-10-25 02:30) is its first occurrence, in summer time', () => {
    const i = wallTimeToInstant('2026-10-25T02:30', 'Europe/Berlin')!;
    expect(i.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(isoInZone({ kind: 'datetime', instant: i.toISOString() }, 'Europe/Berlin')).toBe('2026-10-25T02:30:00+02:00');
    expect(wallTimeToInstant('2026-10-25T03:30', 'Europe/Berlin')!.toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('works west of UTC and on half-hour zones', () => {
    expect(wallTimeToInstant('2026-03-08T02:30', 'America/New_York')!.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(wallTimeToInstant('2026-06-10T10:00', 'Asia/Kolkata')!.toISOString()).toBe('2026-06-10T04:30:00.000Z');
    expect(isoInZone(at('2026-06-10T04:30Z'), 'Asia/Kolkata')).toBe('2026-06-10T10:00:00+05:30');
  });

  it('rejects malformed wall times', () => {
    expect(wallTimeToInstant('tomorrow', 'UTC')).toBeUndefined();
    expect(wallTimeToInstant('2026-06-10', 'UTC')).toBeUndefined();
  });

  it('canonicalises zone names and refuses unknown ones', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });
});

describe('formatting', () => {
  it('says "Time to be announced" when TBA', () => {
    expect(eventTimeText(t, { kind: 'tba' }, { kind: 'tba' }, 'Europe/Moscow')).toBe('Time to be announced');
  });

  it('shows a date-only event as its day, whatever the zone', () => {
    expect(eventTimeText(t, { kind: 'date', date: '2026-06-10' }, { kind: 'tba' }, 'Pacific/Kiritimati')).toBe('10 June 2026');
    expect(eventTimeText(t, { kind: 'date', date: '2026-06-10' }, { kind: 'date', date: '2026-06-12' }, 'UTC')).toBe(
      '10 June 2026 – 12 June 2026',
    );
  });

  it('shows a date-time in the event zone, on either side of a DST change', () => {
    expect(eventTimeText(t, at('2026-06-10T07:00Z'), { kind: 'tba' }, 'Europe/Moscow')).toBe('10 June 2026 at 10:00 GMT+3');
    expect(eventTimeText(t, at('2026-10-25T00:30Z'), { kind: 'tba' }, 'Europe/Berlin')).toMatch(/25 October 2026.*02:30 CEST/);
    expect(eventTimeText(t, at('2026-10-25T01:30Z'), { kind: 'tba' }, 'Europe/Berlin')).toMatch(/25 October 2026.*02:30 CET/);
    expect(eventTimeText(t, at('2026-06-10T07:00Z'), at('2026-06-10T14:30Z'), 'Europe/Moscow')).toBe('10 June 2026 at 10:00 GMT+3 – 17:30');
  });

  it('names the zone', () => {
    expect(zoneLabel('Europe/Moscow', '2026-06-10T07:00:00Z')).toBe('Moscow Standard Time (Europe/Moscow)');
    expect(zoneLabel('Europe/Berlin', '2026-06-10T07:00:00Z')).toBe('Central European Summer Time (Europe/Berlin)');
  });
});

describe('isUpcoming', () => {
  const now = new Date('2026-06-10T12:00:00Z');
  it('TBA is upcoming', () => expect(isUpcoming({ start: { kind: 'tba' }, end: { kind: 'tba' } }, now)).toBe(true));
  it('a date-only event is upcoming through its day', () => {
    expect(isUpcoming({ start: { kind: 'date', date: '2026-06-10' }, end: { kind: 'tba' } }, now)).toBe(true);
    expect(isUpcoming({ start: { kind: 'date', date: '2026-06-09' }, end: { kind: 'tba' } }, now)).toBe(false);
  });
  it('a multi-day event is upcoming until its end', () => {
    expect(isUpcoming({ start: { kind: 'date', date: '2026-06-01' }, end: { kind: 'date', date: '2026-06-11' } }, now)).toBe(true);
    expect(isUpcoming({ start: at('2026-06-10T08:00Z'), end: at('2026-06-10T11:59Z') }, now)).toBe(false);
    expect(isUpcoming({ start: at('2026-06-10T08:00Z'), end: at('2026-06-10T12:30Z') }, now)).toBe(true);
  });
});

describe('end before start', () => {
  it('compares instants, and local days when one side is a date', () => {
    expect(endsBeforeStart(at('2026-06-10T08:00Z'), at('2026-06-10T07:59Z'), 'UTC')).toBe(true);
    expect(endsBeforeStart(at('2026-06-10T08:00Z'), at('2026-06-10T08:00Z'), 'UTC')).toBe(false);
    // 22:00 UTC on the 9th is already the 10th in Moscow.
    expect(endsBeforeStart(at('2026-06-09T22:00Z'), { kind: 'date', date: '2026-06-10' }, 'Europe/Moscow')).toBe(false);
    expect(endsBeforeStart(at('2026-06-09T22:00Z'), { kind: 'date', date: '2026-06-10' }, 'UTC')).toBe(false);
    expect(endsBeforeStart(at('2026-06-10T22:00Z'), { kind: 'date', date: '2026-06-10' }, 'Europe/Moscow')).toBe(true);
    expect(endsBeforeStart({ kind: 'date', date: '2026-06-10' }, { kind: 'date', date: '2026-06-09' }, 'UTC')).toBe(true);
  });
});

function values(over: Partial<EventFormValues>): EventFormValues {
  return { ...emptyFormValues(), title: 'Eurasia Forum', ...over };
}

describe('parseEventForm', () => {
  it('accepts a TBA event and makes the slug from the title', () => {
    const { input, errors } = parseEventForm(values({ timezone: 'europe/moscow', venueCountry: 'ru', lat: '43,56', lon: '39.75' }), t);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      slug: 'eurasia-forum',
      timezone: 'Europe/Moscow',
      start: { kind: 'tba' },
      end: { kind: 'tba' },
      venue: { country: 'RU', lat: 43.56, lon: 39.75 },
    });
  });

  it('reads a date-time as a wall time in the event zone', () => {
    const { input } = parseEventForm(
      values({
        timezone: 'Europe/Berlin',
        startKind: 'datetime',
        startDateTime: '2026-10-25T02:30',
        endKind: 'datetime',
        endDateTime: '2026-10-25T18:00',
      }),
      t,
    );
    expect(input!.start).toEqual({ kind: 'datetime', instant: '2026-10-25T00:30:00.000Z' });
    expect(input!.end).toEqual({ kind: 'datetime', instant: '2026-10-25T17:00:00.000Z' });
  });

  it('refuses a wall time that does not exist and suggests the real one', () => {
    const { input, errors } = parseEventForm(
      values({ timezone: 'Europe/Berlin', startKind: 'datetime', startDateTime: '2026-03-29T02:30' }),
      t,
    );
    expect(input).toBeUndefined();
    expect(errors.start_datetime).toContain('03:30');
  });

  it('names every bad field', () => {
    const { errors } = parseEventForm(
      values({
        title: '',
        slug: 'Bad Slug!',
        timezone: 'Mars/Base',
        lat: '91',
        lon: '',
        venueCountry: 'QQ',
        onlineUrl: 'javascript:alert(1)',
        language: 'xx',
        status: 'gone',
        startKind: 'date',
        startDate: '2026-02-30',
      }),
      t,
    );
    expect(Object.keys(errors).sort()).toEqual(
      ['language', 'lat', 'online_url', 'slug', 'start_date', 'status', 'timezone', 'title', 'venue_country'].sort(),
    );
    expect(errors.timezone).toContain('Mars/Base');
  });

  it('wants both coordinates or neither', () => {
    expect(parseEventForm(values({ lat: '10' }), t).errors.lon).toBeDefined();
  });

  it('refuses an end before the start, and an end without a start', () => {
    expect(
      parseEventForm(values({ startKind: 'date', startDate: '2026-06-10', endKind: 'date', endDate: '2026-06-09' }), t).errors.end_date,
    ).toMatch(/cannot be before/);
    expect(
      parseEventForm(
        values({
          timezone: 'UTC',
          startKind: 'datetime',
          startDateTime: '2026-06-10T10:00',
          endKind: 'datetime',
          endDateTime: '2026-06-10T09:00',
        }),
        t,
      ).errors.end_datetime,
    ).toMatch(/cannot be before/);
    expect(parseEventForm(values({ endKind: 'date', endDate: '2026-06-09' }), t).errors.end_kind).toBeDefined();
  });

  it('splits and de-duplicates article slugs', () => {
    expect(parseEventForm(values({ articleSlugs: 'a-one, B-two,,a-one  c' }), t).input!.articleSlugs).toEqual(['a-one', 'b-two', 'c']);
  });
});

const sample: Event = {
  id: 1,
  slug: 'forum',
  title: 'Forum',
  summary: 'A forum.',
  programmeMd: '',
  programmeHtml: '' as never,
  venue: { name: 'Hall', address: '1 Main St', city: 'Sochi', country: 'RU', lat: 43.56, lon: 39.75 },
  timezone: 'Europe/Moscow',
  start: { kind: 'tba' },
  end: { kind: 'tba' },
  onlineUrl: '',
  language: 'en',
  status: 'published',
  statusNote: '',
  termsMd: '',
  termsHtml: '' as never,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the stored event back in the form', () => {
  it('shows date-times as wall times in the zone', () => {
    const v = valuesFromEvent(
      { ...sample, timezone: 'Europe/Berlin', start: at('2026-10-25T00:30Z'), end: { kind: 'date', date: '2026-10-26' } },
      ['a', 'b'],
    );
    expect(v).toMatchObject({
      startKind: 'datetime',
      startDateTime: '2026-10-25T02:30',
      endKind: 'date',
      endDate: '2026-10-26',
      articleSlugs: 'a, b',
      lat: '43.56',
    });
  });
});

describe('eventJsonLd', () => {
  const site = { title: 'The Desk', baseUrl: 'https://desk.example' };
  it('leaves out startDate while TBA and gives place, geo and organizer', () => {
    const ld = eventJsonLd(sample, site);
    expect(ld.startDate).toBeUndefined();
    expect(ld).toMatchObject({
      '@type': 'Event',
      name: 'Forum',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Hall',
        address: { streetAddress: '1 Main St', addressLocality: 'Sochi', addressCountry: 'RU' },
        geo: { latitude: 43.56, longitude: 39.75 },
      },
      organizer: { '@type': 'Organization', name: 'The Desk' },
      url: 'https://desk.example/events/forum',
    });
  });

  it('gives dates, a cancelled status and mixed attendance with an online link', () => {
    const ld = eventJsonLd(
      {
        ...sample,
        status: 'cancelled',
        onlineUrl: 'https://stream.example/x',
        start: { kind: 'date', date: '2026-06-10' },
        end: { kind: 'date', date: '2026-06-11' },
      },
      site,
    );
    expect(ld).toMatchObject({
      startDate: '2026-06-10',
      endDate: '2026-06-11',
      eventStatus: 'https://schema.org/EventCancelled',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
    });
    expect(eventJsonLd({ ...sample, status: 'postponed' }, site).eventStatus).toBe('https://schema.org/EventPostponed');
  });

  it('has a map link only with coordinates', () => {
    expect(mapUrl(sample.venue)).toBe('https://www.openstreetmap.org/?mlat=43.56&mlon=39.75');
    expect(mapUrl({ lat: null, lon: null })).toBeUndefined();
  });
});
