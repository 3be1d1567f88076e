// Traditional -> simplified folding, one UTF-16 unit for one, so offsets into the folded text are
// offsets into the original. Everything the reader matches runs on folded text.
import { T2S } from './t2s.data.js';

// Built on first use: only Chinese text needs it.
let TABLE: Uint16Array | undefined;
function table(): Uint16Array {
  if (TABLE) return TABLE;
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < t.length; i++) t[i] = i;
  for (let i = 0; i + 1 < T2S.length; i += 2) t[T2S.charCodeAt(i)] = T2S.charCodeAt(i + 1);
  // Full-width ASCII (digits, letters, punctuation such as ，；（）) to ASCII, and the ideographic space to a space.
  for (let c = 0xff01; c <= 0xff5e; c++) t[c] = c - 0xfee0;
  t[0x3000] = 0x20;
  TABLE = t;
  return t;
}

/** The text with traditional characters folded to simplified; same length, same offsets. */
export function fold(text: string): string {
  const map = table();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = map[c];
    if (f !== c) {
      out += text.slice(from, i) + String.fromCharCode(f);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
