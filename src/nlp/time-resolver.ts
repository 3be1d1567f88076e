// Finds time expressions in a sentence and resolves them against the publication date.
import type { When } from './types.js';

export interface TimeExpr {
  start: number;
  end: number;
  when?: When;
  /** Bare year for trade periods etc. */
  year?: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MON_RE =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?';
const SEASON: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMW: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const PATTERNS = new RegExp(
  [
    `\\b(?:on\\s+)?${MON_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*-\\s*\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+((?:19|20)\\d\\d)\\b`, // 1-3 Month D, YYYY
    `\\b(?:on\\s+)?(\\d{1,2})(?:\\s*-\\s*\\d{1,2})?\\s+${MON_RE}\\s+((?:19|20)\\d\\d)\\b`, // 4-6 D Month YYYY
    `\\b${MON_RE}\\s+(?:of\\s+)?((?:19|20)\\d\\d)\\b`, // 7-8 Month YYYY
    `\\b(?:on\\s+)?${MON_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, // 9-10 Month D
    `\\b(?:on\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MON_RE}\\b`, // 11-12 D Month
    `\\b(?:in|since|during|until|by|from|of|early|mid|late|mid-|end of|beginning of)\\s+(?:early\\s+|mid-?\\s*|late\\s+|the end of\\s+|the beginning of\\s+)?${MON_RE}(?![\\w])(?!,?\\s+\\d)`, // 13
    `\\b(?:in|during|of|by|for|since|until|from)\\s+(?:the\\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\\s+(?:half|quarter)\\s+of\\s+|(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+|(?:fiscal|financial|calendar)\\s+(?:year\\s+)?)?((?:19|20)\\d\\d)\\b`, // 14
    `\\b(this|last|next|the past|the previous|past|previous|the coming|the current)\\s+(year|month|spring|summer|fall|autumn|winter)\\b`, // 15-16
    `\\b(?:in|during|by|this|last|next)\\s+(?:the\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+of\\s+((?:19|20)\\d\\d))?\\b`, // 17-18
    `\\b(?:on|last|this|next)?\\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b`, // 19
    `\\b(yesterday|today|earlier this week|this week|last week)\\b`, // 20
    `\\b(?:the\\s+)?(?:past|last|previous)\\s+(\\w+)\\s+years\\b`, // 21 range: unresolved
    `\\b((?:19|20)\\d\\d)\\b`, // 22 bare year
    `\\b(last|this|next)\\s+${MON_RE}(?![\\w])(?!,?\\s+\\d)`, // 23-24 "last October"
  ].join('|'),
  'gi',
);

function monthIndex(m: string): number {
  const lo = m.toLowerCase().replace('.', '');
  return MONTHS.findIndex((x) => x.startsWith(lo.slice(0, 3))) + 1;
}
const pad = (n: number) => String(n).padStart(2, '0');

// Every pattern above needs a digit or one of these words: most sentences have neither, and this test costs
// a small part of running PATTERNS over them.
const HINT = /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|autumn|winter|day|year|month|week/i;

/** Find and resolve time expressions in `s` (offsets relative to `s` plus `base`). */
export function findTimes(s: string, base: number, published?: string, future = false): TimeExpr[] {
  const out: TimeExpr[] = [];
  if (!HINT.test(s)) return out;
  const pub = published ? published.split('-').map(Number) : undefined;
  PATTERNS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PATTERNS.exec(s)) !== null) {
    const start = base + m.index;
    const end = start + m[0].length;
    const push = (when: When | undefined, year?: number) => out.push({ start, end, when, year });
    if (m[1]) {
      const y = +m[3];
      push({ value: `${y}-${pad(monthIndex(m[1]))}-${pad(+m[2])}`, precision: 'day' }, y);
    } else if (m[4]) {
      const y = +m[6];
      push({ value: `${y}-${pad(monthIndex(m[5]))}-${pad(+m[4])}`, precision: 'day' }, y);
    } else if (m[7]) {
      if (m[7].toLowerCase().startsWith('may') && m[7] === m[7].toLowerCase()) continue; // modal "may"
      const y = +m[8];
      push({ value: `${y}-${pad(monthIndex(m[7]))}`, precision: 'month' }, y);
    } else if (m[9] || m[12]) {
      const mon = monthIndex(m[9] ?? m[12]);
      const raw = m[9] ?? m[12];
      if (raw === raw.toLowerCase() && /^may$/i.test(raw)) continue;
      if (!pub) continue;
      const day = +(m[10] ?? m[11]);
      if (day < 1 || day > 31) continue;
      const y = resolveYear(mon, pub, future);
      push({ value: `${y}-${pad(mon)}-${pad(day)}`, precision: 'day' }, y);
    } else if (m[13]) {
      if (m[13] === m[13].toLowerCase() && /^may$/i.test(m[13])) continue;
      if (!pub) {
        push(undefined);
        continue;
      }
      const mon = monthIndex(m[13]);
      const y = resolveYear(mon, pub, future);
      push({ value: `${y}-${pad(mon)}`, precision: 'month' }, y);
    } else if (m[14]) {
      const y = +m[14];
      push({ value: String(y), precision: 'year' }, y);
    } else if (m[15]) {
      if (!pub) {
        push(undefined);
        continue;
      }
      const rel = m[15].toLowerCase();
      const unit = m[16].toLowerCase();
      const delta = /last|past|previous/.test(rel) ? -1 : /next|coming/.test(rel) ? 1 : 0;
      if (unit === 'year') push({ value: String(pub[0] + delta), precision: 'year' }, pub[0] + delta);
      else if (unit === 'month') {
        const d = new Date(Date.UTC(pub[0], pub[1] - 1 + delta, 1));
        push({ value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, precision: 'month' }, d.getUTCFullYear());
      } else {
        const y = pub[0] + delta;
        push({ value: `${y}-${pad(SEASON[unit])}`, precision: 'season' }, y);
      }
    } else if (m[17]) {
      const season = m[17].toLowerCase();
      let y = m[18] ? +m[18] : pub ? pub[0] : undefined;
      if (y === undefined) {
        push(undefined);
        continue;
      }
      if (!m[18] && pub && /^last/i.test(m[0])) y -= 1;
      if (!m[18] && pub && /^next/i.test(m[0])) y += 1;
      push({ value: `${y}-${pad(SEASON[season])}`, precision: 'season' }, y);
    } else if (m[19]) {
      if (!pub) {
        push(undefined);
        continue;
      }
      const d = new Date(Date.UTC(pub[0], pub[1] - 1, pub[2]));
      const want = WEEKDAYS.indexOf(m[19].toLowerCase());
      // A weekday counts back from publication for what happened and forward for what is announced
      // ("will arrive next Sunday", "a visit from Saturday").
      const forward = future || /^next/i.test(m[0].trim());
      if (forward) {
        let ahead = (want - d.getUTCDay() + 7) % 7;
        if (ahead === 0 && /^next/i.test(m[0].trim())) ahead = 7;
        d.setUTCDate(d.getUTCDate() + ahead);
        push({ value: d.toISOString().slice(0, 10), precision: 'day' }, d.getUTCFullYear());
        continue;
      }
      let back = (d.getUTCDay() - want + 7) % 7;
      if (/^last/i.test(m[0].trim()) && back === 0) back = 7;
      d.setUTCDate(d.getUTCDate() - back);
      push({ value: d.toISOString().slice(0, 10), precision: 'day' }, d.getUTCFullYear());
    } else if (m[20]) {
      if (!pub) {
        push(undefined);
        continue;
      }
      const w = m[20].toLowerCase();
      if (w.includes('week')) continue;
      const d = new Date(Date.UTC(pub[0], pub[1] - 1, pub[2]));
      if (w === 'yesterday') d.setUTCDate(d.getUTCDate() - 1);
      push({ value: d.toISOString().slice(0, 10), precision: 'day' }, d.getUTCFullYear());
    } else if (m[21]) {
      if (!(m[21].toLowerCase() in NUMW) && !/^\d+$/.test(m[21])) continue;
      push(undefined); // a span of years states no single date
    } else if (m[23]) {
      if (!pub) {
        push(undefined);
        continue;
      }
      // "last October": the latest October before the month of publication; "next May" the first after it.
      const mon = monthIndex(m[24]);
      const rel = m[23].toLowerCase();
      const y = rel === 'last' ? (mon < pub[1] ? pub[0] : pub[0] - 1) : rel === 'next' ? (mon > pub[1] ? pub[0] : pub[0] + 1) : pub[0];
      push({ value: `${y}-${pad(mon)}`, precision: 'month' }, y);
    } else if (m[22]) {
      const y = +m[22];
      const before = s.slice(Math.max(0, m.index - 2), m.index);
      if (/[$€£¥]|\d/.test(before)) continue;
      push({ value: String(y), precision: 'year' }, y);
    }
  }
  // "in September last year": the month of the year named right after it.
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (
      (a.when?.precision === 'month' || a.when?.precision === 'day') &&
      b.when?.precision === 'year' &&
      b.start - a.end <= 4 &&
      /^\s*(?:of\s+)?(?:last|this|next|the previous|the past)\s+year/i.test(s.slice(a.end - base, b.end - base))
    ) {
      // "in September last year", "on 8 May last year".
      a.when = { value: `${b.when.value}${a.when.value.slice(4)}`, precision: a.when.precision };
      a.year = +b.when.value;
      a.end = b.end;
      out.splice(k + 1, 1);
    }
  }
  return out;
}

// A month named without a year is the latest such month not after publication
// (or the next one for announced events).
function resolveYear(mon: number, pub: number[], future: boolean): number {
  if (future) return mon >= pub[1] ? pub[0] : pub[0] + 1;
  return mon <= pub[1] ? pub[0] : pub[0] - 1;
}
