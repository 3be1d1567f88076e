import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Event } from './event.js';
import { escapeText, eventIcs, eventsFeedIcs, foldLine, zoneTransitions } from './ics.js';

/** A small independent reader: checks line endings and lengths, unfolds, and returns components with their properties. */
function parseIcs(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.split('\r\n').slice(0, -1);
  for (const l of physical) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  type Comp = { name: string; props: { name: string; params: Record<string, string>; value: string }[]; children: Comp[] };
  const root: Comp = { name: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const m = /^([A-Z-]+)((?:;[A-Z-]+=(?:"[^"]*"|[^;:]*))*):(.*)$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, name, rawParams, value] = m!;
    const params: Record<string, string> = {};
    for (const p of rawParams.split(';').slice(1)) {
      const [k, v] = p.split('=');
      params[k] = v;
    }
    if (name === 'BEGIN') {
      const c = { name: value, props: [], children: [] };
      stack.at(-1)!.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(value);
    } else stack.at(-1)!.props.push({ name, params, value });
  }
  expect(stack).toHaveLength(1);
  const prop = (c: Comp, n: string) => c.props.find((p) => p.name === n);
  const unescapeText = (v: string) => v.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
  return { root, prop, unescapeText };
}

const base: Event = {
  id: 7,
  slug: 'greater-eurasia',
  title: 'Greater Eurasia; corridors, capital & "trust"',
  summary: 'Day one: opening.\nDay two: panels, with Q&A.',
  programmeMd: '',
  programmeHtml: '' as never,
  venue: { name: 'Radisson Lazurnaya', address: '103 Kurortniy Prospekt', city: 'Sochi', country: 'RU', lat: 43.56, lon: 39.75 },
  timezone: 'Europe/Berlin',
  start: { kind: 'datetime', instant: '2026-10-25T08:30:00.000Z' },
  end: { kind: 'datetime', instant: '2026-10-25T16:00:00.000Z' },
  onlineUrl: '',
  language: 'en',
  status: 'published',
  statusNote: '',
  termsMd: '',
  termsHtml: '' as never,
  createdAt: '',
  updatedAt: '',
  icsSequence: 3,
};
const opts = {
  baseUrl: 'https://news.example.org',
  now: new Date('2026-06-01T10:00:00Z'),
  sequence: 3,
  siteTitle: 'Observer, Ltd',
  organiserEmail: 'events@example.org',
};

describe('ics text rules', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
  it('folds at 75 octets without splitting UTF-8 characters', () => {
    const folded = foldLine(`SUMMARY:${'Зимний форум '.repeat(12)}`);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((l) => l.startsWith(' ')),
    ).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'Зимний форум '.repeat(12)}`);
  });
  it('finds the Berlin transitions of 2026 at 01:00 UTC in March and October', () => {
    const tr = zoneTransitions('Europe/Berlin', new Date('2026-01-01T00:00:00Z'), new Date('2026-12-31T00:00:00Z'));
    expect(tr.map((x) => [x.at.toISOString(), x.before, x.after])).toEqual([
      ['2026-03-29T01:00:00.000Z', 60, 120],
      ['2026-10-25T01:00:00.000Z', 120, 60],
    ]);
  });
});

describe('event .ics', () => {
  it('writes a REQUEST with a stable UID, the local time in the event zone and a matching VTIMEZONE (DST ends that morning)', () => {
    const ics = eventIcs(base, opts)!;
    const { root, prop, unescapeText } = parseIcs(ics);
    const cal = root.children[0];
    expect(cal.name).toBe('VCALENDAR');
    expect(prop(cal, 'METHOD')!.value).toBe('REQUEST');
    const ev = cal.children.find((c) => c.name === 'VEVENT')!;
    expect(prop(ev, 'UID')!.value).toBe('event-7@news.example.org');
    expect(prop(ev, 'DTSTAMP')!.value).toBe('20260601T100000Z');
    // 08:30 UTC on 25 October is 09:30 in Berlin: winter time began at 01:00 UTC that day.
    expect(prop(ev, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Berlin' }, value: '20261025T093000' });
    expect(prop(ev, 'DTEND')!.value).toBe('20261025T170000');
    expect(prop(ev, 'SEQUENCE')!.value).toBe('3');
    expect(unescapeText(prop(ev, 'SUMMARY')!.value)).toBe(base.title);
    expect(unescapeText(prop(ev, 'DESCRIPTION')!.value)).toContain('Day two: panels, with Q&A.');
    expect(unescapeText(prop(ev, 'LOCATION')!.value)).toBe('Radisson Lazurnaya, 103 Kurortniy Prospekt, Sochi, RU');
    expect(prop(ev, 'URL')!.value).toBe('https://news.example.org/events/greater-eurasia');
    // From an edition's calendar (or a mail of it), the entry links that edition's page.
    const inEdition = parseIcs(eventIcs(base, { ...opts, editionBase: '/ru' })!);
    const entry = inEdition.root.children[0].children.find((c) => c.name === 'VEVENT')!;
    expect(inEdition.prop(entry, 'URL')!.value).toBe('https://news.example.org/ru/events/greater-eurasia');
    const tz = cal.children.find((c) => c.name === 'VTIMEZONE')!;
    expect(prop(tz, 'TZID')!.value).toBe('Europe/Berlin');
    const oct = tz.children.find((c) => prop(c, 'DTSTART')!.value === '20261025T030000')!;
    expect(oct.name).toBe('STANDARD');
    expect([prop(oct, 'TZOFFSETFROM')!.value, prop(oct, 'TZOFFSETTO')!.value]).toEqual(['+0200', '+0100']);
    const mar = tz.children.find((c) => prop(c, 'DTSTART')!.value === '20260329T020000')!;
    expect(mar.name).toBe('DAYLIGHT');
  });

  it('writes date-only events as VALUE=DATE with an exclusive end', () => {
    const e = { ...base, start: { kind: 'date' as const, date: '2026-10-25' }, end: { kind: 'date' as const, date: '2026-10-26' } };
    const { root, prop } = parseIcs(eventIcs(e, opts)!);
    const ev = root.children[0].children.find((c) => c.name === 'VEVENT')!;
    expect(prop(ev, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20261025' });
    expect(prop(ev, 'DTEND')!.value).toBe('20261027');
    expect(root.children[0].children.some((c) => c.name === 'VTIMEZONE')).toBe(false);
  });

  it('gives no calendar entry while the time is to be announced; the feed leaves such events out', () => {
    const tba = { ...base, id: 8, start: { kind: 'tba' as const }, end: { kind: 'tba' as const } };
    expect(eventIcs(tba, opts)).toBeUndefined();
    const feed = eventsFeedIcs([tba, base], { ...opts, name: 'Events' });
    const { root } = parseIcs(feed);
    expect(root.children[0].children.filter((c) => c.name === 'VEVENT')).toHaveLength(1);
    expect(feed).toContain('METHOD:PUBLISH');
  });

  it('is read back by python3-icalendar with the same instants', () => {
    // Debian's python3-icalendar lives with /usr/bin/python3, which a python3 earlier on PATH (pyenv) may not see.
    const python = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import icalendar'], { encoding: 'utf8' }).status === 0);
    if (!python) {
      console.warn('SKIPPED: python3 lacks the icalendar module (apt-get install python3-icalendar)');
      return;
    }
    const moscow = {
      ...base,
      id: 9,
      timezone: 'Europe/Moscow',
      start: { kind: 'datetime' as const, instant: '2026-06-10T07:00:00.000Z' },
      end: { kind: 'datetime' as const, instant: '2026-06-10T15:00:00.000Z' },
    };
    const dated = { ...base, id: 10, start: { kind: 'date' as const, date: '2026-12-01' }, end: { kind: 'tba' as const } };
    const script = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = []
for ev in cal.walk('VEVENT'):
    s = ev.decoded('DTSTART')
    e = ev.decoded('DTEND') if ev.get('DTEND') else None
    iso = lambda d: d.isoformat() if d is not None else None
    out.append({'uid': str(ev['UID']), 'summary': str(ev['SUMMARY']), 'start': iso(s), 'end': iso(e), 'seq': int(ev['SEQUENCE']), 'location': str(ev.get('LOCATION', ''))})
print(json.dumps(out))
`;
    for (const [ics, expected] of [
      [eventIcs(base, opts)!, { uid: 'event-7@news.example.org', start: '2026-10-25T09:30:00+01:00', end: '2026-10-25T17:00:00+01:00' }],
      [eventIcs(moscow, opts)!, { uid: 'event-9@news.example.org', start: '2026-06-10T10:00:00+03:00', end: '2026-06-10T18:00:00+03:00' }],
      [eventIcs(dated, opts)!, { uid: 'event-10@news.example.org', start: '2026-12-01', end: null }],
    ] as const) {
      const out = JSON.parse(execFileSync(python, ['-c', script], { input: ics, encoding: 'utf8' }));
      expect(out).toHaveLength(1);
      expect(out[0]).toMatchObject({ ...expected, summary: base.title, seq: 3 });
      expect(out[0].location).toContain('Sochi');
    }
  });
});
