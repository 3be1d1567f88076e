// Chinese dates: 2025年6月17日, 11月21日至23日 (first day), 8日 / 8日下午 (a day of the publication month,
// in the past), 去年, 今年, 两年前, 上月, 1983年5月, and datelines (2025年6月17日,阿斯塔纳) / 新华社北京11月11日电.
import type { When } from '../types.js';
import { parseChineseNumeral } from './numbers.js';

export interface DateHit extends When {
  start: number;
  end: number;
  /** A bare day of month (8日): read in the past; an announced event reads it ahead. */
  dayOnly?: boolean;
}

const NUM = '(\\d{1,4}|[零〇一二两三四五六七八九十]{1,4})';
// Alternatives longest first; every hit is a "when" of the clause that contains it.
const DATE_G = new RegExp(
  [
    `(?<y>\\d{4})年(?:(?<m>\\d{1,2})月(?:(?<d>\\d{1,2})日)?)?`,
    `(?<m2>\\d{1,2})月(?<d2>\\d{1,2})日`,
    `(?<ry>去年|今年|明年)(?<m5>\\d{1,2})月(?:(?<d5>\\d{1,2})日)?`,
    `(?<![\\d.])(?<m3>\\d{1,2})月(?:份)?(?![\\d日])`,
    `(?<![\\d月年至到~\\-—])(?<d4>\\d{1,2})日(?=[上下]午|晚|早|凌晨|,|至|到|起|-|在|举行|抵达|同|与|会见|会谈|宣布|表示|说|签署|[,。])`,
    `(?<rel>去年|今年|明年|前年|上月|上个月|本月|下月|下个月|今天|今日|昨天|昨日|明天|明日|上周|上星期|本周|下周|下星期)`,
    `(?<ago>${NUM})年(?:前|以前)`,
  ].join('|'),
  'g',
);

function num(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Whether day `d` exists in month `m` of year `y` (no 2月30日). */
function realDay(y: number, m: number, d: number): boolean {
  return d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

/** The year that puts month `m` (1-12) nearest the publication date (December read in January is last year's). */
function monthBefore(pub: { y: number; m: number; d: number }, m: number): number {
  return m - pub.m > 6 ? pub.y - 1 : pub.m - m > 6 ? pub.y + 1 : pub.y;
}

export interface Anchor {
  y: number;
  m: number;
  d: number;
}

/** Anchor from YYYY-MM-DD. */
export function anchorOf(date: string | undefined): Anchor | undefined {
  const m = date && /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
}

/** Every date in a span of folded text, resolved against `anchor` (relative ones are dropped without it). */
export function findDates(s: string, anchor: Anchor | undefined, base = 0): DateHit[] {
  const out: DateHit[] = [];
  for (const m of s.matchAll(DATE_G)) {
    const g = m.groups ?? {};
    const at = { start: base + m.index, end: base + m.index + m[0].length };
    if (g.y) {
      const y = Number(g.y);
      if (y < 1900 || y > 2100) continue;
      const okM = g.m && Number(g.m) >= 1 && Number(g.m) <= 12;
      if (g.d && okM && realDay(y, Number(g.m), Number(g.d)))
        out.push({ value: `${y}-${pad(Number(g.m))}-${pad(Number(g.d))}`, precision: 'day', ...at });
      else if (okM) out.push({ value: `${y}-${pad(Number(g.m))}`, precision: 'month', ...at });
      else out.push({ value: String(y), precision: 'year', ...at });
    } else if (g.ry) {
      if (!anchor) continue;
      const y = anchor.y + (g.ry === '去年' ? -1 : g.ry === '明年' ? 1 : 0);
      const mo = Number(g.m5);
      if (mo < 1 || mo > 12) continue;
      if (g.d5) out.push({ value: `${y}-${pad(mo)}-${pad(Number(g.d5))}`, precision: 'day', ...at });
      else out.push({ value: `${y}-${pad(mo)}`, precision: 'month', ...at });
    } else if (g.m2) {
      if (!anchor) continue;
      const mo = Number(g.m2);
      const d = Number(g.d2);
      if (mo < 1 || mo > 12 || !realDay(anchor.y, mo, d)) continue;
      out.push({ value: `${monthBefore(anchor, mo)}-${pad(mo)}-${pad(d)}`, precision: 'day', ...at });
    } else if (g.m3) {
      if (!anchor) continue;
      const mo = Number(g.m3);
      if (mo < 1 || mo > 12) continue;
      out.push({ value: `${monthBefore(anchor, mo)}-${pad(mo)}`, precision: 'month', ...at });
    } else if (g.d4) {
      if (!anchor) continue;
      const d = Number(g.d4);
      if (d < 1 || d > 31) continue;
      const [y, mo] = d <= anchor.d ? [anchor.y, anchor.m] : anchor.m === 1 ? [anchor.y - 1, 12] : [anchor.y, anchor.m - 1];
      out.push({ value: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day', dayOnly: true, ...at });
    } else if (g.rel) {
      if (!anchor) continue;
      const { y, m: mo, d } = anchor;
      const shift = (k: number): string => {
        const t = y * 12 + (mo - 1) + k;
        return `${Math.floor(t / 12)}-${pad((t % 12) + 1)}`;
      };
      const r = g.rel;
      if (r === '去年') out.push({ value: String(y - 1), precision: 'year', ...at });
      else if (r === '前年') out.push({ value: String(y - 2), precision: 'year', ...at });
      else if (r === '今年') out.push({ value: String(y), precision: 'year', ...at });
      else if (r === '明年') out.push({ value: String(y + 1), precision: 'year', ...at });
      else if (r === '上月' || r === '上个月') out.push({ value: shift(-1), precision: 'month', ...at });
      else if (r === '本月') out.push({ value: shift(0), precision: 'month', ...at });
      else if (r === '下月' || r === '下个月') out.push({ value: shift(1), precision: 'month', ...at });
      else if (/周|星期/.test(r)) {
        // A week names no day: the month of its middle.
        const k = r.startsWith('上') ? -7 : r.startsWith('下') ? 7 : 0;
        out.push({ value: new Date(Date.UTC(y, mo - 1, d + k)).toISOString().slice(0, 7), precision: 'month', ...at });
      } else {
        const k = r === '今天' || r === '今日' ? 0 : r === '明天' || r === '明日' ? 1 : -1;
        const dt = new Date(Date.UTC(y, mo - 1, d + k));
        out.push({ value: dt.toISOString().slice(0, 10), precision: 'day', ...at });
      }
    } else if (g.ago) {
      if (!anchor) continue;
      const k = num(g.ago);
      if (!Number.isFinite(k) || k > 100) continue;
      out.push({ value: String(anchor.y - k), precision: 'year', ...at });
    }
  }
  return out;
}

/** Dateline at the top of a document: "(2025年6月17日,阿斯塔纳)" or "新华社北京11月11日电". */
export const DATELINE =
  /(?:^|\n)\s*[(（]\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*[,，]\s*([^)）\n]{1,12})[)）]|(?:新华社|中新社|人民网|央视网|国际在线)([^\d\s电]{2,8})(\d{1,2})月(\d{1,2})日电/;

/** A bare day of month read ahead of the anchor (an announced event: 将于23日举行). */
export function ahead(w: DateHit, anchor: Anchor | undefined): DateHit {
  if (!w.dayOnly || !anchor) return w;
  const d = Number(w.value.slice(8));
  if (d >= anchor.d) return { ...w, value: `${anchor.y}-${pad(anchor.m)}-${pad(d)}` };
  const [y, m] = anchor.m === 12 ? [anchor.y + 1, 1] : [anchor.y, anchor.m + 1];
  return { ...w, value: `${y}-${pad(m)}-${pad(d)}` };
}
