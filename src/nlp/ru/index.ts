// Russian reader: Russian text in, contract facts and entity mentions out.
import type { ExtractOptions, Reading } from '../types.ts';

/** Read a Russian article (first line title, then body). Offsets are into `text`. */
export function readRussian(text: string, opts: ExtractOptions = {}): Reading {
  void text;
  void opts;
  return { facts: [], mentions: [], names: new Map() };
}
