// Tokens and sentences of Russian text, with UTF-16 offsets into the original input.
import { fold } from './lexicon.js';

export interface Tok {
  /** Text as written. */
  s: string;
  /** Lower case, ё folded to е. */
  lo: string;
  start: number;
  end: number;
  /** A word (letters or digits) rather than punctuation. */
  word: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph (0 = the title line). */
  para: number;
  toks: Tok[];
}

const TOKEN = /[\p{L}\p{N}]+(?:[-‐'’.,][\p{L}\p{N}]+)*\+?|[^\s\p{L}\p{N}]/gu;

const WORD_START = /^[\p{L}\p{N}]/u;
const NUMBER = /^\d+(?:[.,]\d+)*$/;

/** Tokens of `text` (a number keeps its decimal comma and a word its hyphen: "244,819", "24-й"). */
export function tokenize(text: string, from = 0, to = text.length): Tok[] {
  const out: Tok[] = [];
  const src = from === 0 && to === text.length ? text : text.slice(from, to);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(src))) {
    let s = m[0];
    if (s.length > 2 && (s.includes('.') || s.includes(','))) {
      // A comma or full stop inside letters is punctuation ("Пекин,Москва", "И.о."); inside digits it is a number.
      const head = s.replace(/[-‐].*$/, '');
      if (!NUMBER.test(head)) {
        const k = Math.min(...[s.indexOf('.'), s.indexOf(',')].filter((x) => x >= 0));
        s = s.slice(0, k);
        TOKEN.lastIndex = m.index + k;
      }
    }
    const word = s.length > 1 || WORD_START.test(s);
    const lo = fold(s);
    out.push({ s, lo, start: from + m.index, end: from + m.index + s.length, word, cap: word && s[0] !== lo[0] && s[0] !== 'ё' });
  }
  TOKEN.lastIndex = 0;
  return out;
}

// Words after which a full stop does not end a sentence.
const ABBREV = new Set([
  'г',
  'гг',
  'т',
  'е',
  'д',
  'др',
  'пр',
  'им',
  'ул',
  'пл',
  'обл',
  'р',
  'руб',
  'долл',
  'млн',
  'млрд',
  'трлн',
  'тыс',
  'см',
  'стр',
  'ст',
  'н',
  'э',
  'о',
  'с',
  'т.е',
  'т.д',
  'т.п',
  'и.о',
  'вр',
  'зам',
  'ген',
  'проф',
  'акад',
  'англ',
  'рус',
  'кв',
  'км',
]);

/** Sentences: split at . ! ? … before a capital, a digit or a quote, and at every line break. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let para = 0;
  let lineStart = 0;
  const lines = text.split('\n');
  for (const line of lines) {
    const lineEnd = lineStart + line.length;
    if (line.trim()) {
      const toks = tokenize(text, lineStart, lineEnd);
      let cur: Tok[] = [];
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i];
        cur.push(t);
        if (t.s === '.' || t.s === '!' || t.s === '?' || t.s === '…') {
          // Closing quotes and brackets belong to the sentence they close.
          while (i + 1 < toks.length && /^[»"”)]$/.test(toks[i + 1].s) && toks[i + 1].start === toks[i].end) cur.push(toks[++i]);
          const next = toks[i + 1];
          if (!next) continue;
          const prev = cur[cur.length - 2];
          if (t.s === '.' && prev && prev.word) {
            // Initials ("В. В. Путин") and abbreviations ("г.", "т.е.", "И.о.") do not end a sentence.
            if (/^\p{Lu}$/u.test(prev.s)) continue;
            if (ABBREV.has(prev.lo)) {
              // "в 2023 г. Это ...": a year's "г." can end a sentence; "в г. Казань" cannot.
              const yearBefore = /^\d{4}$/.test(cur[cur.length - 3]?.s ?? '');
              // "... составил $25,1 млрд. Экспорт ...": a figure's scale or unit before a capital ends its sentence too.
              const scale = /^(млрд|млн|трлн|тыс|км|кг|га)$/.test(prev.lo) && /^\d/.test(cur[cur.length - 3]?.s ?? '');
              if (!(((prev.lo === 'г' || prev.lo === 'гг') && yearBefore) || scale) || !/^\p{Lu}/u.test(next.s)) continue;
            }
          }
          if (!/^[\p{Lu}\d«"„—–-]/u.test(next.s)) continue;
          out.push({ start: cur[0].start, end: cur[cur.length - 1].end, para, toks: cur });
          cur = [];
        }
      }
      if (cur.length) out.push({ start: cur[0].start, end: cur[cur.length - 1].end, para, toks: cur });
      para++;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * All matches of a global regular expression. Unlike `matchAll` it does not clone the expression
 * (a clone is compiled again); `lastIndex` is reset before and after, so nothing outlives the call.
 */
export function execAll(re: RegExp, s: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}
