// Chinese has no spaces between words, and both indexes split text at spaces and punctuation: a run of Han
// characters would be one "word" ("中国和吉尔吉斯斯坦签署了铁路协议"), found only by the whole run. The same
// segmentation, ICU's dictionary through Intl.Segmenter, is applied to what is indexed and to the query, so a
// word inside a sentence is a word of the index ("铁路").

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
// Intl.Segmenter is built once: the only cost of segmenting is then the dictionary walk.
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** True when the text has a Han character (the only text segmentation changes). */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** The words of a run of Han characters, in order ("铁路协议" gives 铁路, 协议). */
export function hanWords(run: string): string[] {
  const out: string[] = [];
  for (const s of words.segment(run)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * The text with a space around every Chinese word, for an index that splits at spaces; text without Han
 * characters is returned as it is.
 */
export function segmentForIndex(text: string): string {
  if (!HAN.test(text)) return text;
  return text.replace(HAN_RUN, (run) => ` ${hanWords(run).join(' ')} `);
}

/** The Chinese words of a run with their offsets in the text, for marking matches in a snippet. */
export function hanWordSpans(text: string, offset: number): { start: number; end: number; word: string }[] {
  const out: { start: number; end: number; word: string }[] = [];
  for (const s of words.segment(text))
    if (s.isWordLike) out.push({ start: offset + s.index, end: offset + s.index + s.segment.length, word: s.segment });
  return out;
}
