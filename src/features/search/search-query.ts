// A reader's query turned into words and safe index queries: no character of the input reaches FTS5 or
// to_tsquery as syntax, only letters and digits inside quotes.
import { segmentForIndex } from './segment.js';
import { stem } from './stemmer.js';

/** Queries longer than this are cut: nobody types more, and long queries cost time. */
export const MAX_QUERY_CHARS = 200;
/** At most this many words are searched for (all must match). */
export const MAX_TERMS = 10;
/** Stems shorter than this are not used as prefixes. */
export const MIN_PREFIX = 4;

export interface Term {
  /** The word as typed, lowercased. */
  word: string;
  /** What the index is asked for. */
  stem: string;
  /** True when any word starting with the stem matches. */
  prefix: boolean;
  /** Exact forms to match instead, when the stem is too short to be a prefix. */
  forms?: string[];
}

export interface ParsedQuery {
  /** The query as shown back to the reader (trimmed, cut to MAX_QUERY_CHARS). */
  text: string;
  terms: Term[];
}

// Words that carry no meaning on their own; dropped unless the query has nothing else.
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'into',
  'is',
  'it',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'и',
  'в',
  'во',
  'на',
  'с',
  'со',
  'о',
  'об',
  'по',
  'к',
  'ко',
  'у',
  'из',
  'за',
  'от',
  'до',
  'для',
  'не',
  'а',
  'но',
  'или',
  'что',
  'как',
  // Chinese particles and conjunctions, as the segmenter gives them.
  '的',
  '了',
  '和',
  '与',
  '在',
  '是',
]);

/** Cuts a raw query parameter to size and trims it; arrays and non-strings count as empty. */
export function cleanQueryText(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : '';
  return Array.from(
    s
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .trim(),
  )
    .slice(0, MAX_QUERY_CHARS)
    .join('')
    .trim();
}

const DIGITS_ONLY = /^\p{N}+$/u;
const HAN_WORD = /\p{Script=Han}/u;

/** Splits a query into searchable words and stems them; punctuation and operators are dropped. */
export function parseQuery(raw: unknown): ParsedQuery {
  const text = cleanQueryText(raw);
  // The same split as the index tokenizer: runs of letters, digits and combining marks.
  // Diacritics stay: FTS5 folds them on both sides, PostgreSQL's 'simple' on neither.
  // Chinese is first cut into words, as the index was (segment.ts): "签署铁路协议" asks for 签署, 铁路 and 协议.
  const words = (segmentForIndex(text.toLowerCase()).match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const unique = [...new Set(words)];
  const meaningful = unique.filter((w) => !STOP_WORDS.has(w));
  const chosen = (meaningful.length ? meaningful : unique).slice(0, MAX_TERMS);
  const terms = chosen.map((word): Term => {
    const s = stem(word);
    // A Chinese word is matched whole: the index holds the same words.
    if (DIGITS_ONLY.test(word) || word.length < 3 || HAN_WORD.test(word)) return { word, stem: word, prefix: false };
    // A short stem as a prefix matches hundreds of words ("sta*") and is slow on a large index: match the stem and the word.
    if (s.length < MIN_PREFIX) return s === word ? { word, stem: word, prefix: false } : { word, stem: s, prefix: false, forms: [s, word] };
    return { word, stem: s, prefix: true };
  });
  return { text, terms };
}

/** The FTS5 MATCH expression: every term, each a quoted string, stems as prefix queries. */
export function toFtsQuery(terms: Term[]): string {
  const q = (w: string) => `"${w.replace(/"/g, '')}"`;
  return terms.map((t) => (t.forms ? `(${t.forms.map(q).join(' OR ')})` : `${q(t.stem)}${t.prefix ? '*' : ''}`)).join(' AND ');
}

/** The to_tsquery('simple', ...) text: every term quoted, stems as prefix queries. */
export function toTsQuery(terms: Term[]): string {
  const q = (w: string) => `'${w.replace(/['\\:&|!()<>*]/g, '')}'`;
  return terms.map((t) => (t.forms ? `(${t.forms.map(q).join(' | ')})` : `${q(t.stem)}${t.prefix ? ':*' : ''}`)).join(' & ');
}
