// Money, capacity and count expressions, normalised to plain numbers.

export interface MoneyExpr {
  start: number;
  end: number;
  value: number;
  currency: string;
}

export interface CapacityExpr {
  start: number;
  end: number;
  value: number;
  unit: string;
}

const SCALE: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  bln: 1e9,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  thousand: 1e3,
  // Indian English: a crore is ten million, a lakh a hundred thousand ("Rs 2,500 crore").
  crore: 1e7,
  lakh: 1e5,
  k: 1e3,
};
const SYM: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  a$: 'AUD',
  au$: 'AUD',
  c$: 'CAD',
  ca$: 'CAD',
  hk$: 'HKD',
  s$: 'SGD',
  nz$: 'NZD',
  'u.s.$': 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  '¥': 'CNY',
  cny: 'CNY',
  rmb: 'CNY',
  '₽': 'RUB',
  rub: 'RUB',
  inr: 'INR',
  '₹': 'INR',
  jpy: 'JPY',
  kzt: 'KZT',
  aed: 'AED',
  sar: 'SAR',
  brl: 'BRL',
  r$: 'BRL',
  zar: 'ZAR',
  ngn: 'NGN',
  kes: 'KES',
  chf: 'CHF',
  try: 'TRY',
  rs: 'INR',
  'rs.': 'INR',
  rm: 'MYR',
  myr: 'MYR',
  n: 'NGN',
  '₦': 'NGN',
  rp: 'IDR',
  idr: 'IDR',
  tk: 'BDT',
  ksh: 'KES',
  ghs: 'GHS',
  'gh₵': 'GHS',
  egp: 'EGP',
  pkr: 'PKR',
  thb: 'THB',
  vnd: 'VND',
  xof: 'XOF',
  xaf: 'XAF',
};
const WORD_CUR: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  'us dollars': 'USD',
  euro: 'EUR',
  euros: 'EUR',
  yuan: 'CNY',
  renminbi: 'CNY',
  ruble: 'RUB',
  rubles: 'RUB',
  rouble: 'RUB',
  roubles: 'RUB',
  pound: 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
  rupee: 'INR',
  rupees: 'INR',
  tenge: 'KZT',
  som: 'KGS',
  soms: 'KGS',
  dirham: 'AED',
  dirhams: 'AED',
  riyal: 'SAR',
  riyals: 'SAR',
  rand: 'ZAR',
  naira: 'NGN',
  reais: 'BRL',
  real: 'BRL',
  'swiss francs': 'CHF',
  lira: 'TRY',
  shillings: 'KES',
  pesos: 'MXN',
  sum: 'UZS',
  somoni: 'TJS',
  ringgit: 'MYR',
  rupiah: 'IDR',
  baht: 'THB',
  dong: 'VND',
  taka: 'BDT',
  cedis: 'GHS',
  kwacha: 'ZMW',
  birr: 'ETB',
  'cfa francs': 'XOF',
  'egyptian pounds': 'EGP',
};

const DIGIT = /\d/;
const PREFIX_RE =
  /((?:US\$|U\.S\.\$|R\$|A\$|AU\$|C\$|CA\$|HK\$|S\$|NZ\$|GH₵|\$|€|£|¥|₽|₹|₦)\s?|\b(?:USD|EUR|GBP|CNY|RMB|RUB|INR|JPY|KZT|AED|SAR|BRL|ZAR|NGN|KES|CHF|TRY|MYR|IDR|GHS|EGP|PKR|THB|VND|XOF|XAF|Rs\.?|RM|Rp|Tk|KSh)\s?|\bN(?=\d[\d,.]*\s?(?:trillion|billion|million|bn|tn|trn)\b))(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.,]\d{1,2}(?!\d))?|\d+(?:\.\d+)?)(?:\s?-?(trillion|billion|million|thousand|crore|lakh|bn|trn|tn|bln|mln|mn|m|b|k)\b)?/gi;
// "20 billion 516 million US dollars", as statistics offices write: a smaller scale continues the larger.
const SUFFIX_RE =
  /\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(trillion|billion|million|thousand|bn|trn|tn|bln|mln|mn)?(?:\s+(\d{1,3})\s+(billion|million|thousand))?\s+(us dollars|dollars?|euros?|yuan|renminbi|rubles?|roubles?|pounds|yen|rupees?|tenge|soms?|dirhams?|riyals?|rand|naira|reais|swiss francs|lira|shillings|pesos|somoni|ringgit|rupiah|baht|dong|taka|cedis|kwacha|birr|cfa francs|egyptian pounds)\b/gi;

/** Find money amounts such as "$22.71 billion", "€3bn", "1.5 million yuan". */
export function findMoney(s: string, base: number): MoneyExpr[] {
  const out: MoneyExpr[] = [];
  // Every amount has a digit; most sentences have none.
  if (!DIGIT.test(s)) return out;
  let m: RegExpExecArray | null;
  PREFIX_RE.lastIndex = 0;
  while ((m = PREFIX_RE.exec(s)) !== null) {
    const cur = SYM[m[1].trim().toLowerCase()] ?? 'USD';
    const num = parseNumber(m[2], !!m[3]);
    const scale = m[3] ? SCALE[m[3].toLowerCase()] : 1;
    out.push({ start: base + m.index, end: base + m.index + m[0].length, value: round(num * scale), currency: cur });
  }
  SUFFIX_RE.lastIndex = 0;
  while ((m = SUFFIX_RE.exec(s)) !== null) {
    const start = base + m.index;
    if (out.some((o) => o.start <= start && o.end > start)) continue;
    const num = parseFloat(m[1].replace(/,/g, ''));
    const scale = m[2] ? SCALE[m[2].toLowerCase()] : 1;
    const rest = m[3] && m[4] && SCALE[m[4].toLowerCase()] < scale ? +m[3] * SCALE[m[4].toLowerCase()] : 0;
    if (m[3] && !rest) continue;
    out.push({ start, end: start + m[0].length, value: round(num * scale + rest), currency: WORD_CUR[m[5].toLowerCase()] ?? 'USD' });
  }
  return out.sort((a, b) => a.start - b.start);
}

// "$34,2 million" is 34.2 million as much of the world writes it; "$1,500" is fifteen hundred.
function parseNumber(raw: string, scaled: boolean): number {
  if (scaled && /^\d+,\d{1,2}$/.test(raw)) return parseFloat(raw.replace(',', '.'));
  return parseFloat(raw.replace(/,/g, ''));
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

const CAP_RE = /\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?-?(MW|GW|kW|MWh|GWh|megawatts?|gigawatts?|kilowatts?)\b/g;
const CAP_UNIT: Record<string, [string, number]> = {
  mw: ['MW', 1],
  gw: ['MW', 1000],
  kw: ['MW', 0.001],
  mwh: ['MWh', 1],
  gwh: ['MWh', 1000],
  megawatt: ['MW', 1],
  megawatts: ['MW', 1],
  gigawatt: ['MW', 1000],
  gigawatts: ['MW', 1000],
  kilowatt: ['MW', 0.001],
  kilowatts: ['MW', 0.001],
};

/** Find power capacities ("300 MW", "1.2 GW"), normalised to MW/MWh. */
export function findCapacities(s: string, base: number): CapacityExpr[] {
  const out: CapacityExpr[] = [];
  if (!DIGIT.test(s)) return out;
  CAP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAP_RE.exec(s)) !== null) {
    const [unit, mul] = CAP_UNIT[m[2].toLowerCase()];
    const v = parseFloat(m[1].replace(/,/g, '')) * mul;
    out.push({ start: base + m.index, end: base + m.index + m[0].length, value: round(v), unit });
  }
  return out;
}

const NUM_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  dozen: 12,
  'a dozen': 12,
  'two dozen': 24,
};

/** Parse a count written in digits or words ("20", "twenty", "a dozen"). */
export function parseCount(s: string): number | undefined {
  const lo = s.toLowerCase().trim();
  if (/^\d+$/.test(lo)) return +lo;
  return NUM_WORDS[lo];
}
