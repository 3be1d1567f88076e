// Chinese numbers and money: 2535亿美元, 22.7亿美元, 1600亿, 3.5万, 三十四, 十九, 两, 1,200万元人民币.
import type { Money } from '../types.js';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** A number written in Chinese numerals (三十四, 十九, 两, 一百二十, 三千五百万); NaN if it is not one. */
export function parseChineseNumeral(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch];
    } else if (ch in SMALL_UNIT) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNIT[ch];
      digit = -1;
    } else if (ch in BIG_UNIT) {
      total = (total + section + Math.max(digit, 0)) * BIG_UNIT[ch];
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + Math.max(digit, 0);
}

/** A count written in Arabic digits or Chinese numerals ("34", "十九", "两"). */
export function parseCount(s: string): number {
  const t = s.replace(/,/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  return parseChineseNumeral(t);
}

const CURRENCY: Record<string, string> = {
  美元: 'USD',
  人民币: 'CNY',
  元人民币: 'CNY',
  元: 'CNY',
  欧元: 'EUR',
  卢布: 'RUB',
  日元: 'JPY',
  英镑: 'GBP',
  坚戈: 'KZT',
  索姆: 'KGS',
  港元: 'HKD',
  港币: 'HKD',
  韩元: 'KRW',
  卢比: 'INR',
  雷亚尔: 'BRL',
  迪拉姆: 'AED',
  澳元: 'AUD',
  加元: 'CAD',
  新西兰元: 'NZD',
  新加坡元: 'SGD',
  瑞士法郎: 'CHF',
  泰铢: 'THB',
  林吉特: 'MYR',
  里拉: 'TRY',
  兰特: 'ZAR',
  苏姆: 'UZS',
  沙特里亚尔: 'SAR',
};

/** Money in the folded text: number, scale (万/亿/万亿/千亿), currency. Non-global; use with matchAll via MONEY_G. */
export const MONEY_G =
  /(\d[\d,]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(万亿|千亿|百亿|十亿|亿|千万|百万|万)?\s*(元人民币|美元|人民币|欧元|卢布|日元|英镑|坚戈|索姆|港元|港币|韩元|卢比|雷亚尔|迪拉姆|澳元|加元|新西兰元|新加坡元|瑞士法郎|泰铢|林吉特|里拉|兰特|苏姆|沙特里亚尔|元)/g;

const SCALE: Record<string, number> = { 万亿: 1e12, 千亿: 1e11, 百亿: 1e10, 十亿: 1e9, 亿: 1e8, 千万: 1e7, 百万: 1e6, 万: 1e4 };

export interface MoneyHit extends Money {
  start: number;
  end: number;
}

/** Every amount of money in a span of folded text (offsets absolute when `base` is the span's start). */
export function findMoney(s: string, base = 0): MoneyHit[] {
  const out: MoneyHit[] = [];
  for (const m of s.matchAll(MONEY_G)) {
    const n = /\d/.test(m[1]) ? Number(m[1].replace(/,/g, '')) : parseChineseNumeral(m[1]);
    if (!Number.isFinite(n)) continue;
    const value = Math.round(n * (m[2] ? SCALE[m[2]] : 1) * 100) / 100;
    out.push({ value, currency: CURRENCY[m[3]], start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}
