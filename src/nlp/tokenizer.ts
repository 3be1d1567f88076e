// Word/number/punctuation tokenizer over normalised text.

export interface Token {
  s: string;
  lo: string;
  start: number;
  end: number;
  /** 'w' word, 'n' number, 'p' punctuation. */
  k: 'w' | 'n' | 'p';
  cap: boolean;
}

// Built once: the bundler writes a lone \p{L} literal as new RegExp(...), which compiles at every call.
const LETTER = /\p{L}/u;
const TOKEN_RE = /[\p{L}\p{M}][\p{L}\p{M}\d]*(?:'[\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*|\S/gu;

/** Split normalised text into tokens; a trailing possessive "'s" becomes its own token. */
export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let s = m[0];
    const start = m.index + offset;
    const c = s.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      out.push({ s, lo: s, start, end: start + s.length, k: 'n', cap: false });
      continue;
    }
    if (s.length === 1 && !LETTER.test(s)) {
      out.push({ s, lo: s, start, end: start + 1, k: 'p', cap: false });
      continue;
    }
    if (s.length > 2 && (s.endsWith("'s") || s.endsWith("'S"))) {
      s = s.slice(0, -2);
      out.push(word(s, start));
      out.push({ s: "'s", lo: "'s", start: start + s.length, end: start + s.length + 2, k: 'p', cap: false });
      continue;
    }
    out.push(word(s, start));
  }
  return out;
}

function word(s: string, start: number): Token {
  const first = s[0];
  return { s, lo: s.toLowerCase(), start, end: start + s.length, k: 'w', cap: first !== first.toLowerCase() };
}
