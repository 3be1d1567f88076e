// Sentence splitting over tokens: paragraph breaks always split; . ! ? split unless they end
// an abbreviation, an initial or a number.
import type { Token } from './tokenizer.js';

export interface Sentence {
  start: number;
  end: number;
  /** Token index range [t0, t1). */
  t0: number;
  t1: number;
  /** Index of the paragraph (line) the sentence belongs to. */
  para: number;
}

const ABBREV = new Set(
  (
    'mr mrs ms dr prof st co ltd inc corp jr sr no nos jan feb mar apr jun jul aug sep sept oct nov dec gen col lt ' +
    'sgt rep sen gov vs approx dept est fig mt ft pte bhd plc llc ave blvd rev hon amb maj capt cmdr adm'
  ).split(' '),
);
const MAX_TOKENS = 240;
const CLOSERS = new Set(['"', "'", ')', ']']);

/** Split a token stream into sentences; `text` is the normalised text the tokens came from. */
export function splitSentences(text: string, toks: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let para = 0;
  let t0 = 0;
  const push = (t1: number) => {
    if (t1 > t0) out.push({ start: toks[t0].start, end: toks[t1 - 1].end, t0, t1, para });
    t0 = t1;
  };
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && text.slice(toks[i - 1].end, toks[i].start).includes('\n')) {
      push(i);
      para++;
    }
    // Run-on text without punctuation is cut into bounded pieces so per-sentence work stays linear.
    if (i - t0 >= MAX_TOKENS && (toks[i - 1].s === ',' || toks[i - 1].s === ';' || i - t0 >= MAX_TOKENS + 60)) push(i);
    const t = toks[i];
    if (t.s !== '.' && t.s !== '!' && t.s !== '?') continue;
    let j = i + 1;
    while (j < toks.length && CLOSERS.has(toks[j].s) && toks[j].start === toks[j - 1].end) j++;
    if (j >= toks.length) continue;
    const next = toks[j];
    if (next.start === toks[j - 1].end) continue; // no space: "U.S", "3.5", "e.g"
    if (text.slice(toks[j - 1].end, next.start).includes('\n')) continue; // the newline rule splits
    const startsNew = next.cap || next.k === 'n' || next.s === '"' || next.s === "'" || next.s === '(';
    if (!startsNew) continue;
    if (t.s === '.' && i > 0) {
      const prev = toks[i - 1];
      if (prev.end === t.start && prev.k === 'w') {
        if (ABBREV.has(prev.lo)) continue;
        if (prev.s.length === 1 && prev.cap) continue; // initials and U.S.
      }
    }
    push(j);
  }
  push(toks.length);
  return out;
}
