import { describe, expect, it } from 'vitest';
import { readingMinutes } from './markdown.js';

describe('readingMinutes', () => {
  it('counts words separated by any whitespace, at 230 a minute, at least one', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('   \n\t ')).toBe(1);
    const words = (n: number, sep: string) => Array.from({ length: n }, (_, i) => `w${i}`).join(sep);
    expect(readingMinutes(words(230 * 3, ' '))).toBe(3);
    expect(readingMinutes(`  ${words(230 * 2, '\n\n')}  `)).toBe(2);
    // No-break and other Unicode spaces separate words as split(/\s+/) does.
    expect(readingMinutes(words(230 * 4, '\u00a0'))).toBe(4);
    expect(readingMinutes(words(230 * 4, '\u2009'))).toBe(4);
    expect(readingMinutes(words(345, ' '))).toBe(2);
  });

  it('agrees with splitting on whitespace for mixed Russian and English text', () => {
    const text = 'Стороны подписали 20 документов —\u00a0включая «Совместное заявление».\n\nThe parties signed twenty   documents.\t';
    expect(readingMinutes(text.repeat(100))).toBe(Math.max(1, Math.round(text.repeat(100).split(/\s+/).filter(Boolean).length / 230)));
  });
});
