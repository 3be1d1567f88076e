// Marks a query's words in a hit's title and picks the passage to show, in JavaScript: asking SQLite's
// full-text index for snippets re-reads every match in the range of the page's hits, which for a common
// word on a large archive cost more than the search itself.
import type { Term } from './search-query.js';
import { hanWordSpans, hasHan } from './segment.js';

/** Sentinels around a matched word; markedToHtml turns them into <mark> after escaping. */
export const OPEN = '\u0002';
export const CLOSE = '\u0003';

interface Token {
  start: number;
  end: number;
  term: number;
}

// The index's tokenizer (unicode61, diacritics removed) on both sides: "Ёлка" and "елка" are one word.
const MARKS = /\p{M}/gu;
const fold = (s: string) => (isAscii(s) ? s.toLowerCase() : s.normalize('NFD').replace(MARKS, '').toLowerCase());

/** True when every character is ASCII, which decomposes to itself: most words of an English text. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A matcher returning which term (index) a word matches, or -1. */
function matcher(terms: Term[]): (word: string) => number {
  const rules = terms.map((t) =>
    t.forms
      ? { exact: new Set(t.forms.map(fold)), prefix: undefined }
      : t.prefix
        ? { exact: undefined, prefix: fold(t.stem) }
        : { exact: new Set([fold(t.stem)]), prefix: undefined },
  );
  // A text says most of its words many times: each is folded and matched once per text.
  const seen = new Map<string, number>();
  return (word) => {
    let term = seen.get(word);
    if (term !== undefined) return term;
    const w = fold(word);
    term = rules.findIndex((r) => (r.prefix !== undefined ? w.startsWith(r.prefix) : r.exact!.has(w)));
    seen.set(word, term);
    return term;
  };
}

function tokens(text: string, match: (w: string) => number): Token[] {
  const out: Token[] = [];
  // Most texts have no Chinese: one test of the whole text spares one per word (a tenth of a search page).
  const han = hasHan(text);
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    // A run with Chinese in it holds several words: the ones the index holds (segment.ts).
    if (han && hasHan(m[0])) {
      for (const w of hanWordSpans(m[0], m.index!)) out.push({ start: w.start, end: w.end, term: match(w.word) });
    } else out.push({ start: m.index!, end: m.index! + m[0].length, term: match(m[0]) });
  }
  return out;
}

function mark(text: string, toks: Token[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const t of toks) {
    if (t.term < 0 || t.start < from || t.end > to) continue;
    out += text.slice(at, t.start) + OPEN + text.slice(t.start, t.end) + CLOSE;
    at = t.end;
  }
  return out + text.slice(at, to);
}

const clean = (s: string) => s.replace(/[\u0002\u0003]/g, '');

/**
 * A test of many texts for every term, as the index's column filter would find them ("{title} : ..."): one
 * matcher for all of them, so a word said in many titles is folded and matched once (a full ranking window
 * is a thousand titles).
 */
export function containsAllOf(terms: Term[]): (text: string) => boolean {
  const match = matcher(terms);
  return (text) => {
    const seen = new Set<number>();
    for (const t of tokens(text, match)) if (t.term >= 0) seen.add(t.term);
    return seen.size === terms.length;
  };
}

/** True when every term matches a word of the text, as the index's column filter would find it ("{title} : ..."). */
export function containsAll(text: string, terms: Term[]): boolean {
  return containsAllOf(terms)(text);
}

/** The whole text with every matched word marked. */
export function highlightAll(text: string, terms: Term[]): string {
  const t = clean(text);
  return mark(t, tokens(t, matcher(terms)), 0, t.length);
}

/**
 * A passage of about `size` words with its matches marked: the one holding the most different query words,
 * then the most matches, the earliest on a tie; "…" where it cuts the text. Empty when nothing matches.
 */
export function snippet(text: string, terms: Term[], size: number): string {
  const t = clean(text);
  const toks = tokens(t, matcher(terms));
  const hits = toks.map((x, i) => (x.term >= 0 ? i : -1)).filter((i) => i >= 0);
  if (!hits.length) return '';
  let best = { start: 0, distinct: -1, count: -1 };
  for (const h of hits) {
    // A little context before the first match of the passage.
    const start = Math.max(0, Math.min(h - 3, toks.length - size));
    const seen = new Set<number>();
    let count = 0;
    for (let i = start; i < Math.min(toks.length, start + size); i++)
      if (toks[i].term >= 0) {
        seen.add(toks[i].term);
        count++;
      }
    if (seen.size > best.distinct || (seen.size === best.distinct && count > best.count)) best = { start, distinct: seen.size, count };
  }
  const last = Math.min(toks.length, best.start + size) - 1;
  const from = best.start === 0 ? 0 : toks[best.start].start;
  const to = last === toks.length - 1 ? t.length : toks[last].end;
  return `${from > 0 ? '…' : ''}${mark(t, toks, from, to).trim()}${to < t.length ? '…' : ''}`;
}
