// Sentences of Chinese text: split on 。！？； (and their ASCII forms after folding) and line breaks,
// never inside quotation marks “” 「」 『』 except at a line break.

export interface Sentence {
  start: number;
  end: number;
  /** Index of the paragraph (line) the sentence belongs to; 0 is the title line. */
  para: number;
}

const OPEN = new Set(['“', '「', '『', '《', '‘']);
const CLOSE = new Set(['”', '」', '』', '》', '’']);
const STOP = new Set(['。', '!', '?', ';', '！', '？', '；']);

/** Sentences of folded text `s`, trimmed of spaces, with their paragraph index. */
export function splitSentences(s: string): Sentence[] {
  const out: Sentence[] = [];
  let para = 0;
  let start = 0;
  let depth = 0;
  const push = (end: number): void => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(s[a])) a++;
    while (b > a && /\s/.test(s[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b, para });
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\n') {
      push(i);
      start = i + 1;
      depth = 0;
      if (out.length && out[out.length - 1].para === para) para++;
      continue;
    }
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) {
      if (depth > 0) depth--;
      // A closing quote right after a full stop ends the sentence with it: 。”
      if (depth === 0 && i > 0 && STOP.has(s[i - 1])) {
        push(i + 1);
        start = i + 1;
      }
    } else if (STOP.has(c) && depth === 0) {
      // Keep a run of stops (?!) together, and a closing quote that follows.
      let j = i + 1;
      while (j < s.length && STOP.has(s[j])) j++;
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(s.length);
  return out;
}
