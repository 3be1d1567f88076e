// A page's bytes: the same as Buffer.from gives, whatever the text holds.
import { describe, expect, it } from 'vitest';
import { utf8 } from './render.js';

describe('utf8', () => {
  it('writes what Buffer.from writes, lone surrogates and large pages included', () => {
    const texts = [
      '',
      'abc',
      'Русский 中文 — “quotes”',
      '\ud800 lone',
      'x\udfff',
      '😀 emoji',
      `${'a'.repeat(100_000)}é`,
      'ж'.repeat(300_000),
      '文'.repeat(1_200_000),
    ];
    for (const text of texts) expect(utf8(text).equals(Buffer.from(text))).toBe(true);
  });

  it('gives each page its own bytes, never a view of a buffer it writes into again', () => {
    const first = utf8(`первая ${'страница '.repeat(1000)}`);
    const second = utf8(`second ${'page '.repeat(2000)}`);
    expect(first.toString()).toBe(`первая ${'страница '.repeat(1000)}`);
    expect(second.toString()).toBe(`second ${'page '.repeat(2000)}`);
  });
});
