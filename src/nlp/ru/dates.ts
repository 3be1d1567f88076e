// Russian date expressions: "4 июля 2024 года", "27 мая", "в ноябре", "в начале февраля", "накануне",
// "в четверг", "на прошлой неделе", "в прошлом году", "по итогам 2024 года", "в первом полугодии".
import { execAll } from './text.js';
import type { When } from '../types.js';

/** A date found in a sentence, with the offsets of the words that state it. */
export interface DateExpr {
  when: When;
  start: number;
  end: number;
  /** Half-year or quarter a figure covers ("2024-H1"), or the year of "по итогам 2024 года". */
  period?: string;
  /** Relative to the narrated day ("накануне", "вчера") rather than absolute. */
  relative?: boolean;
}

const MONTHS: [RegExp, number][] = [
  [/^январ/, 1],
  [/^феврал/, 2],
  [/^март/, 3],
  [/^апрел/, 4],
  [/^ма[йяюе]/, 5],
  [/^июн/, 6],
  [/^июл/, 7],
  [/^август/, 8],
  [/^сентябр/, 9],
  [/^октябр/, 10],
  [/^ноябр/, 11],
  [/^декабр/, 12],
  [/^янв$/, 1],
  [/^фев$/, 2],
  [/^мар$/, 3],
  [/^апр$/, 4],
  [/^июн$/, 6],
  [/^июл$/, 7],
  [/^авг$/, 8],
  [/^сен$/, 9],
  [/^сент$/, 9],
  [/^окт$/, 10],
  [/^ноя$/, 11],
  [/^дек$/, 12],
];
const MONTH_WORD =
  '(январ[ьяеюи]|феврал[ьяеюи]|март[ае]?|апрел[ьяеюи]|ма[йяюе]|июн[ьяеюи]|июл[ьяеюи]|август[ае]?|сентябр[ьяеюи]|октябр[ьяеюи]|ноябр[ьяеюи]|декабр[ьяеюи]|янв|фев|мар|апр|авг|сент?|окт|ноя|дек)';
const WEEKDAYS: [RegExp, number][] = [
  [/^понедельник/, 1],
  [/^вторник/, 2],
  [/^сред[уае]/, 3],
  [/^четверг/, 4],
  [/^пятниц/, 5],
  [/^суббот/, 6],
  [/^воскресень/, 0],
];

const RE_DAY_MONTH = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:\\s*[-–—]\\s*\\d{1,2})?\\s+${MONTH_WORD}\\.?(?:\\s+(\\d{4})(?:\\s*(?:г\\.|года?))?)?(?![\\p{L}])`,
  'giu',
);
const RE_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}])(?:(в|во)\\s+)?(?:(начале|середине|конце)\\s+)?${MONTH_WORD}(?:\\s+(\\d{4})(?:\\s*(?:г\\.|года?))?|\\s+(прошлого|прошедшего|минувшего|этого|текущего|следующего|будущего)\\s+года)?(?![\\p{L}])`,
  'giu',
);
const RE_YEAR =
  /(?<![\p{L}\d])(?:(в|во|за|по итогам|по результатам|к|до|с|на|по сравнению с)\s+)?(?:(первом|втором|первое|второе|I|II)\s+(полугодии|полугодие|квартале|квартал)\s+)?(\d{4})(?:\s*(?:г\.|года?|году|гг\.))(?![\p{L}])/giu;
const RE_REL_YEAR =
  /(?<![\p{L}])(?:в|за)\s+(прошлом|прошедшем|минувшем|этом|текущем|следующем|будущем|позапрошлом)\s+год(?:у)?(?![\p{L}])|(?<![\p{L}])(?:по итогам|за)\s+(прошлого|прошедшего|минувшего|этого|текущего)\s+года(?![\p{L}])/giu;
const RE_REL_DAY = /(?<![\p{L}])(накануне|вчера|сегодня|позавчера|завтра)(?![\p{L}])/giu;
const RE_WEEKDAY = /(?<![\p{L}])во?\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![\p{L}])/giu;
const RE_WEEK = /(?<![\p{L}])на\s+(прошлой|этой|следующей)\s+неделе(?![\p{L}])/giu;
const RE_MONTH_REL = /(?<![\p{L}])в\s+(прошлом|этом|следующем)\s+месяце(?![\p{L}])/giu;
const RE_SEASON = /(?<![\p{L}])(весной|летом|осенью|зимой)(?:\s+(\d{4})\s+года)?(?![\p{L}])/giu;

// Cheap tests on the lower-cased sentence before the full expressions run.
const HINT_MONTH = /январ|феврал|март|апрел|ма[йяюе]|июн|июл|авг|сен|окт|ноя|дек|янв|фев|мар|апр/;
const HINT_REL_DAY = /накануне|вчера|сегодня|завтра/;
const HINT_WEEKDAY = /понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье/;
const HINT_SEASON = /весной|летом|осенью|зимой/;
const HINT_YEAR = /\d{4}/;

function monthOf(w: string): number | undefined {
  const lo = w.toLowerCase();
  for (const [re, n] of MONTHS) if (re.test(lo)) return n;
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Add days to a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return ymd(d);
}

/** Year for a month without one: the anchor's year, moved so that past events fall before it and planned ones after. */
function yearFor(month: number, anchor: string | undefined, future: boolean): number | undefined {
  if (!anchor) return undefined;
  const y = Number(anchor.slice(0, 4));
  const m = Number(anchor.slice(5, 7));
  if (future && month < m - 1) return y + 1;
  if (!future && month > m + 1) return y - 1;
  return y;
}

function overlaps(list: DateExpr[], s: number, e: number): boolean {
  return list.some((d) => s < d.end && e > d.start);
}

/**
 * Dates in `s` (which starts at offset `base` of the text). `anchor` is the day relative words count
 * from (the narrated day or the publication day); `future` reads bare months and weekdays forward.
 */
export function findDates(s: string, base: number, anchor: string | undefined, future = false): DateExpr[] {
  const out: DateExpr[] = [];
  const push = (d: DateExpr) => {
    if (!overlaps(out, d.start, d.end)) out.push(d);
  };
  const lo = s.toLowerCase();
  const months = HINT_MONTH.test(lo);
  const year = HINT_YEAR.test(s);
  for (const m of months ? execAll(RE_DAY_MONTH, s) : []) {
    const mon = monthOf(m[2]);
    const day = Number(m[1]);
    if (!mon || day < 1 || day > 31) continue;
    const y = m[3] ? Number(m[3]) : yearFor(mon, anchor, future);
    if (!y) continue;
    push({ when: { value: `${y}-${pad(mon)}-${pad(day)}`, precision: 'day' }, start: base + m.index, end: base + m.index + m[0].length });
  }
  for (const m of months ? execAll(RE_MONTH_YEAR, s) : []) {
    // A bare month needs "в" before it or a year after it ("в ноябре", "ноябрь 2024 года").
    if (!m[1] && !m[2] && !m[4] && !m[5]) continue;
    const mon = monthOf(m[3]);
    if (!mon) continue;
    let y = m[4] ? Number(m[4]) : yearFor(mon, anchor, future);
    if (m[5] && anchor) {
      const rel = m[5].toLowerCase();
      y = Number(anchor.slice(0, 4)) + (/^(прошл|прошедш|минувш)/.test(rel) ? -1 : /^(следующ|будущ)/.test(rel) ? 1 : 0);
    }
    if (!y) continue;
    push({ when: { value: `${y}-${pad(mon)}`, precision: 'month' }, start: base + m.index, end: base + m.index + m[0].length });
  }
  for (const m of HINT_REL_DAY.test(lo) ? execAll(RE_REL_DAY, s) : []) {
    if (!anchor) continue;
    const w = m[1].toLowerCase();
    const n = w === 'сегодня' ? 0 : w === 'завтра' ? 1 : w === 'позавчера' ? -2 : -1;
    push({
      when: { value: addDays(anchor, n), precision: 'day' },
      start: base + m.index,
      end: base + m.index + m[0].length,
      relative: true,
    });
  }
  for (const m of HINT_WEEKDAY.test(lo) ? execAll(RE_WEEKDAY, s) : []) {
    if (!anchor) continue;
    const wd = WEEKDAYS.find(([re]) => re.test(m[1].toLowerCase()))?.[1];
    if (wd === undefined) continue;
    const cur = new Date(anchor + 'T00:00:00Z').getUTCDay();
    const diff = future ? (wd - cur + 7) % 7 : -((cur - wd + 7) % 7);
    push({
      when: { value: addDays(anchor, diff), precision: 'day' },
      start: base + m.index,
      end: base + m.index + m[0].length,
      relative: true,
    });
  }
  for (const m of lo.includes('недел') ? execAll(RE_WEEK, s) : []) {
    if (!anchor) continue;
    const k = m[1].toLowerCase();
    const d = addDays(anchor, k === 'прошлой' ? -7 : k === 'следующей' ? 7 : 0);
    push({ when: { value: d.slice(0, 7), precision: 'month' }, start: base + m.index, end: base + m.index + m[0].length, relative: true });
  }
  for (const m of lo.includes('месяц') ? execAll(RE_MONTH_REL, s) : []) {
    if (!anchor) continue;
    const k = m[1].toLowerCase();
    const d = new Date(anchor.slice(0, 7) + '-15T00:00:00Z');
    d.setUTCMonth(d.getUTCMonth() + (k === 'прошлом' ? -1 : k === 'следующем' ? 1 : 0));
    push({
      when: { value: ymd(d).slice(0, 7), precision: 'month' },
      start: base + m.index,
      end: base + m.index + m[0].length,
      relative: true,
    });
  }
  for (const m of HINT_SEASON.test(lo) ? execAll(RE_SEASON, s) : []) {
    const y = m[2] ? Number(m[2]) : anchor ? Number(anchor.slice(0, 4)) : undefined;
    if (!y) continue;
    const mon = { весной: 4, летом: 7, осенью: 10, зимой: 1 }[m[1].toLowerCase() as 'весной'];
    push({ when: { value: `${y}-${pad(mon)}`, precision: 'season' }, start: base + m.index, end: base + m.index + m[0].length });
  }
  for (const m of year ? execAll(RE_YEAR, s) : []) {
    const prep = (m[1] ?? '').toLowerCase();
    // "по сравнению с 2023 годом", "с 2015 года" name a baseline, not the time of the fact.
    if (prep === 'с' || prep === 'по сравнению с' || prep === 'до' || prep === 'к') continue;
    const before = s.slice(Math.max(0, m.index - 40), m.index);
    if (/(сравнению с|аналогичным периодом|относительно|против)\s*$/i.test(before)) continue;
    const y = Number(m[4]);
    let period: string | undefined = String(y);
    if (m[3]) {
      const half = /полугоди/i.test(m[3]);
      const n = /^(первом|первое|I)$/i.test(m[2]) ? 1 : 2;
      period = `${y}-${half ? 'H' : 'Q'}${n}`;
    }
    push({ when: { value: String(y), precision: 'year' }, start: base + m.index, end: base + m.index + m[0].length, period });
  }
  for (const m of lo.includes('год') ? execAll(RE_REL_YEAR, s) : []) {
    if (!anchor) continue;
    const k = (m[1] ?? m[2]).toLowerCase();
    const y =
      Number(anchor.slice(0, 4)) +
      (/^(прошл|прошедш|минувш)/.test(k) ? -1 : /^позапрошл/.test(k) ? -2 : /^(следующ|будущ)/.test(k) ? 1 : 0);
    push({
      when: { value: String(y), precision: 'year' },
      start: base + m.index,
      end: base + m.index + m[0].length,
      period: String(y),
      relative: true,
    });
  }
  // "январь-июнь 2024 года" is the first half of 2024, not June.
  const range = lo.includes('январ') ? execAll(RE_MONTH_RANGE, s)[0] : undefined;
  if (range) {
    const to = monthOf(range[2]);
    const y = Number(range[3]);
    if (to) {
      const start = base + range.index;
      const end = start + range[0].length;
      const kept = out.filter((d) => d.end <= start || d.start >= end);
      const period = to === 6 ? `${y}-H1` : to === 3 ? `${y}-Q1` : to === 12 ? String(y) : `${y}-01/${pad(to)}`;
      kept.push({ when: { value: String(y), precision: 'year' }, start, end, period });
      return kept.sort((a, b) => a.start - b.start);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const RE_MONTH_RANGE = new RegExp(
  `(?<![\\p{L}])(?:в|за|по итогам)?\\s*(январ[ьяеюи]|январе)\\s*[-–—]\\s*${MONTH_WORD}\\s+(\\d{4})(?:\\s*(?:г\\.|года?))?`,
  'giu',
);

/** The dateline of a wire item ("МИНСК, 3 окт - Sputnik.", "Бишкек, Кыргызстан, 14 марта 2025 года –"). */
export function datelineDate(s: string, published: string | undefined): string | undefined {
  const m =
    /^[\p{Lu}][\p{L}-]+(?:[ -][\p{Lu}][\p{L}-]+)?(?:,\s*[\p{Lu}][\p{L}-]+)?[,.]\s+(\d{1,2})\s+(\p{L}+)\.?(?:\s+(\d{4})(?:\s*(?:года?|г\.))?)?\s*(?:[-–—/.]|$)/u.exec(
      s,
    );
  if (!m) return undefined;
  const mon = monthOf(m[2]);
  if (!mon) return undefined;
  const y = m[3] ? Number(m[3]) : yearFor(mon, published, false);
  return y ? `${y}-${pad(mon)}-${pad(Number(m[1]))}` : undefined;
}
