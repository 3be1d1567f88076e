import { describe, expect, it } from 'vitest';
import { FrontMatterError, parseFrontMatter } from './front-matter.js';

function errorOf(text: string): FrontMatterError {
  try {
    parseFrontMatter(text);
  } catch (e) {
    return e as FrontMatterError;
  }
  throw new Error('expected an error');
}

describe('parseFrontMatter', () => {
  it('reads keys, quoted strings, lists, comments and the body', () => {
    const fm = parseFrontMatter(
      [
        '---',
        '# a comment line',
        'title: "After Washington: a \\"new\\" map"',
        "subtitle: 'It''s here'",
        'author: Aigerim Bekova   # trailing comment',
        'tags: [armenia, "south caucasus, the", \'iran\']',
        'empty:',
        'cover: ""',
        'hash: C# is not a comment',
        '---',
        '',
        'Body line one.',
        '',
        'Body # line two.',
      ].join('\n'),
    );
    expect(fm.data).toEqual({
      title: 'After Washington: a "new" map',
      subtitle: "It's here",
      author: 'Aigerim Bekova',
      tags: ['armenia', 'south caucasus, the', 'iran'],
      empty: '',
      cover: '',
      hash: 'C# is not a comment',
    });
    expect(fm.lines.title).toBe(3);
    expect(fm.lines.tags).toBe(6);
    expect(fm.body).toBe('Body line one.\n\nBody # line two.');
    expect(fm.bodyLine).toBe(12);
  });

  it('reads block lists, empty lists and trailing commas', () => {
    const fm = parseFrontMatter('---\nauthors:\n  - Daniel Whitcombe\n  # between\n  - "Aigerim Bekova"\nnone: []\ntrail: [a, b,]\n---\nx');
    expect(fm.data.authors).toEqual(['Daniel Whitcombe', 'Aigerim Bekova']);
    expect(fm.data.none).toEqual([]);
    expect(fm.data.trail).toEqual(['a', 'b']);
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const fm = parseFrontMatter('\uFEFF---\r\ntitle: Hello\r\n---\r\nBody\r\n');
    expect(fm.data.title).toBe('Hello');
    expect(fm.body.trim()).toBe('Body');
  });

  it.each([
    ['no front matter', 'Just text\n', 1, /no front matter/],
    ['an unclosed block', '---\ntitle: x\n', 1, /not closed/],
    ['an unterminated quote', '---\ntitle: x\nlead: "open\n---\n', 3, /unterminated double-quoted/],
    ['an unclosed list', '---\ntitle: x\n\ntags: [a, b\n---\n', 4, /not closed/],
    ['a duplicate key', '---\ntitle: x\ntitle: y\n---\n', 3, /given twice \(first on line 2\)/],
    ['a line without a colon', '---\ntitle: x\nnonsense here\n---\n', 3, /expected "key: value"/],
    ['a stray list item', '---\ntitle: x\n  - a\n---\n', 3, /must follow a key/],
    ['text after a quote', '---\ntitle: "x" y\n---\n', 2, /after the closing quote/],
    ['a nested list', '---\ntags: [a, [b]]\n---\n', 2, /nested lists/],
    ['a block scalar', '---\nlead: |\n  text\n---\n', 2, /multi-line blocks/],
    ['an empty list item', '---\ntags: [a, , b]\n---\n', 2, /empty item/],
  ])('reports %s with its line', (_name, text, line, message) => {
    const e = errorOf(text);
    expect(e).toBeInstanceOf(FrontMatterError);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
  });
});
