// Russian money amounts and counts: "240 миллиардов долларов", "$20 млрд", "244,819 миллиарда долларов",
// "около десяти миллиардов долларов", "1,5 трлн рублей", "500 млн юаней", "N соглашений".
import { execAll } from './text.js';
import type { Money } from '../types.js';

export interface MoneyExpr extends Money {
  start: number;
  end: number;
}

const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одного: 1,
  одна: 1,
  одной: 1,
  два: 2,
  двух: 2,
  две: 2,
  три: 3,
  трех: 3,
  трёх: 3,
  четыре: 4,
  четырех: 4,
  четырёх: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  семь: 7,
  семи: 7,
  восемь: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
  одиннадцать: 11,
  двенадцать: 12,
  пятнадцать: 15,
  двадцать: 20,
  двадцати: 20,
  тридцать: 30,
  тридцати: 30,
  сорок: 40,
  сорока: 40,
  пятьдесят: 50,
  пятидесяти: 50,
  сто: 100,
  ста: 100,
  полтора: 1.5,
  полутора: 1.5,
  несколько: NaN,
  нескольких: NaN,
};
const NUM =
  '(\\d+(?:[ \\u00a0]\\d{3})*(?:[.,]\\d+)?|' +
  Object.keys(NUMBER_WORDS)
    .filter((w) => !w.startsWith('нескольк'))
    .join('|') +
  ')';
const SCALE = '(тыс(?:яч[аиу]?)?\\.?|млн\\.?|миллион(?:а|ов)?|млрд\\.?|миллиард(?:а|ов)?|трлн\\.?|триллион(?:а|ов)?)';
const CUR =
  '(доллар(?:а|ов|ы)?(?:\\s+США)?|долл\\.?|евро|рубл(?:ь|я|ей)|руб\\.?|юан(?:ь|я|ей)|тенге|сум(?:а|ов)?|сомов?|манат(?:а|ов)?|лир|рупи[йи]|драм(?:а|ов)?|иен)';
// "1 млрд 214 млн долларов": a second, smaller scale continues the first.
const RE_AFTER = new RegExp(`(?<![\\p{L}\\d])${NUM}\\s*${SCALE}?(?:\\s+(\\d+(?:[.,]\\d+)?)\\s*${SCALE})?\\s*${CUR}(?![\\p{L}])`, 'giu');
const RE_SIGN = new RegExp(`([$€¥₽])\\s*${NUM}(?:\\s*${SCALE})?(?![\\p{L}\\d])`, 'giu');

function scaleOf(s: string | undefined): number {
  if (!s) return 1;
  const lo = s.toLowerCase();
  if (lo.startsWith('тыс')) return 1e3;
  if (lo.startsWith('млн') || lo.startsWith('миллион')) return 1e6;
  if (lo.startsWith('млрд') || lo.startsWith('миллиард')) return 1e9;
  if (lo.startsWith('трлн') || lo.startsWith('триллион')) return 1e12;
  return 1;
}

function currencyOf(s: string): string {
  const lo = s.toLowerCase();
  if (lo.startsWith('долл') || lo === '$') return 'USD';
  if (lo === 'евро' || lo === '€') return 'EUR';
  if (lo.startsWith('рубл') || lo.startsWith('руб') || lo === '₽') return 'RUB';
  if (lo.startsWith('юан') || lo === '¥') return 'CNY';
  if (lo === 'тенге') return 'KZT';
  if (lo.startsWith('сум')) return 'UZS';
  if (lo.startsWith('сом')) return 'KGS';
  if (lo.startsWith('манат')) return 'AZN';
  if (lo === 'лир') return 'TRY';
  if (lo.startsWith('рупи')) return 'INR';
  if (lo.startsWith('драм')) return 'AMD';
  if (lo === 'иен') return 'JPY';
  return lo.toUpperCase();
}

/** A number written in digits (decimal comma, spaces between thousands) or in words. */
export function parseNumber(s: string): number {
  const w = NUMBER_WORDS[s.toLowerCase()];
  if (w !== undefined) return w;
  return Number(s.replace(/[ \u00a0]/g, '').replace(',', '.'));
}

/** Money amounts in `s` (offsets relative to `base`). */
const HINT_MONEY = /доллар|долл|евро|рубл|руб|юан|тенге|сум|сом|манат|лир|рупи|драм|иен|[$€¥₽]/;
const HINT_COUNT = /соглашени|документ|меморандум|договор|контракт|протокол|деклараци|заявлени/;

export function findMoney(s: string, base: number): MoneyExpr[] {
  const out: MoneyExpr[] = [];
  if (!HINT_MONEY.test(s.toLowerCase())) return out;
  for (const m of execAll(RE_AFTER, s)) {
    let v = parseNumber(m[1]) * scaleOf(m[2]);
    if (m[3] && m[4] && scaleOf(m[4]) < scaleOf(m[2])) v += parseNumber(m[3]) * scaleOf(m[4]);
    else if (m[3]) continue;
    if (!Number.isFinite(v)) continue;
    out.push({ value: Math.round(v * 100) / 100, currency: currencyOf(m[5]), start: base + m.index, end: base + m.index + m[0].length });
  }
  for (const m of execAll(RE_SIGN, s)) {
    const v = parseNumber(m[2]) * scaleOf(m[3]);
    if (!Number.isFinite(v)) continue;
    const start = base + m.index;
    if (out.some((o) => o.start <= start && o.end > start)) continue;
    out.push({ value: Math.round(v * 100) / 100, currency: currencyOf(m[1]), start, end: start + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

const RE_COUNT = new RegExp(
  `(?<![\\p{L}\\d,])(?:около|более|свыше|порядка|почти|ровно)?\\s*${NUM}\\s+(?:[а-яё-]+(?:ых|их)\\s+(?:и\\s+)?)*(соглашени[йяе]|документ(?:а|ов)?|меморандум(?:а|ов)?|договор(?:а|ов)?|контракт(?:а|ов)?|протокол(?:а|ов)?|деклараци[йи]|заявлени[йя])`,
  'iu',
);

/** Number of documents ("подписали 3 соглашения", "около 25 документов"). */
export function findCount(s: string): number | undefined {
  if (!HINT_COUNT.test(s.toLowerCase())) return undefined;
  const m = RE_COUNT.exec(s);
  if (!m) return undefined;
  const n = parseNumber(m[1]);
  return Number.isFinite(n) && n >= 1 && n < 1000 && Number.isInteger(n) ? n : undefined;
}
