// Word lists matched against comments: normalised text, Russian and English word forms, simple obfuscation.
import { stem } from '../../search/stemmer.js';

const DIGIT_LOOKALIKES: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
// Latin letters that look Cyrillic, used to hide a Russian word from a filter ("идиoт" with a Latin o).
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
  i: 'і',
};

// Built once: the bundler writes a \p{...} literal as new RegExp(...), which would compile at every call, and
// these run for every word of every comment posted.
const CYRILLIC = /\p{Script=Cyrillic}/u;
const MARKS = /\p{M}/gu;
const REPEATS = /(\p{L})\1+/gu;
const ASCII = /^[\x00-\x7f]*$/;
const DISGUISES = /[013457@$]/;

/** Lowercase, ё -> е, Latin diacritics stripped (Cyrillic letters such as й are kept whole). */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII.test(lower)) return lower;
  let out = '';
  for (const ch of lower) {
    if (ch === 'ё') out += 'е';
    else if (ch.charCodeAt(0) < 0x80 || CYRILLIC.test(ch)) out += ch;
    else out += ch.normalize('NFD').replace(MARKS, '');
  }
  return out;
}

/** Undoes simple disguises: digits and symbols for letters, Latin look-alikes inside Cyrillic words. */
function undisguise(word: string): string {
  let w = DISGUISES.test(word) ? [...word].map((ch) => DIGIT_LOOKALIKES[ch] ?? ch).join('') : word;
  if (!ASCII.test(w) && CYRILLIC.test(w))
    w = [...w]
      .map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch)
      .join('')
      .replace(/і/g, 'и');
  return w;
}

/** Runs of one letter shortened to a single letter ("idiiiot" -> "idiot"). */
export function collapseRepeats(word: string): string {
  return word.replace(REPEATS, '$1');
}

/** The forms of a word compared against a list: its stem, and its stem once repeated letters collapse. */
function keys(word: string): string[] {
  const w = undisguise(normalizeWord(word));
  const out = new Set([stem(w), stem(collapseRepeats(w)), collapseRepeats(stem(w))]);
  return [...out].filter((k) => k.length > 0);
}

/** Words of a text, as written (letters, digits and the symbols used to disguise letters). */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}@$]+/gu) ?? [];
}

export interface WordMatcher {
  /** The list entry a text contains, or undefined. */
  find(text: string): string | undefined;
}

/** Compiles a word list (single words or phrases) into a matcher. */
export function compileWordList(entries: string[]): WordMatcher {
  const single = new Map<string, string>();
  const phrases: { words: string[][]; entry: string }[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry) continue;
    const words = tokenize(entry);
    if (words.length === 1) for (const k of keys(words[0])) single.set(k, entry);
    else if (words.length > 1) phrases.push({ entry, words: words.map(keys) });
  }
  return {
    find(text) {
      const tokens = tokenize(text).map(keys);
      for (const ks of tokens)
        for (const k of ks) {
          const hit = single.get(k);
          if (hit) return hit;
        }
      for (const p of phrases) {
        for (let i = 0; i + p.words.length <= tokens.length; i++) {
          if (p.words.every((ws, j) => ws.some((w) => tokens[i + j].includes(w)))) return p.entry;
        }
      }
      return undefined;
    },
  };
}

/** Parses a list typed in the admin: one entry per line or comma-separated. */
export function parseWordList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 2000);
}
