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
    ['a stray list item', '---\ntitle: x\n- a\n---\n', 3, /expected "key: value", got "- a"/],
    ['text after a quote', '---\ntitle: "x" y\n---\n', 2, /after the closing quote/],
    ['a tab for indentation', '---\ncover:\n\timage: a.jpg\n---\n', 3, /tabs are not allowed/],
    ['a misaligned nested key', '---\ncover:\n  image: a.jpg\n   alt: x\n---\n', 3, /check the indentation/],
    ['an impossible date', '---\ndate: 2025-02-30\n---\n', 2, /bad date "2025-02-30"/],
    ['a duplicate nested key', '---\ncover:\n  image: a.jpg\n  image: b.jpg\n---\n', 4, /given twice \(first on line 3\)/],
    ['a list at the top', '---\n- a\n- b\n---\n', 2, /key: value/],
    ['an unknown alias', '---\ntitle: *nope\n---\n', 2, /alias/],
    ['an empty list item', '---\ntags: [a, , b]\n---\n', 2, /empty item/],
  ])('reports %s with its line', (_name, text, line, message) => {
    const e = errorOf(text);
    expect(e).toBeInstanceOf(FrontMatterError);
    expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  it('reads nested maps, block strings, booleans, dates and lists as Hugo and Jekyll write them', () => {
    const fm = parseFrontMatter(
      [
        '---',
        'title: "Borders after the ceasefire"',
        'date: 2024-03-05T09:30:00+02:00',
        'lastmod: 2024-03-06 10:00:00 +0200',
        'draft: true',
        'published: false',
        'weight: 1.10',
        'description: |',
        '  First line of the lead.',
        '  Second line, kept apart.',
        'summary: >-',
        '  Folded into',
        '  one line.',
        'categories:',
        '  - Analysis',
        'cover:',
        '  image: /media/3',
        '  caption: "A map"',
        '  relative: false',
        'params:',
        '  sources: [UN, OSCE]',
        '  nested:',
        '    deep: yes',
        'empty:',
        'nothing: null',
        '---',
        'Body.',
      ].join('\n'),
    );
    expect(fm.data.title).toBe('Borders after the ceasefire');
    expect(fm.data.date).toEqual(new Date('2024-03-05T07:30:00Z'));
    expect(fm.data.lastmod).toEqual(new Date('2024-03-06T08:00:00Z'));
    expect(fm.data.draft).toBe(true);
    expect(fm.data.published).toBe(false);
    expect(fm.data.weight).toBe('1.10');
    expect(fm.data.description).toBe('First line of the lead.\nSecond line, kept apart.\n');
    expect(fm.data.summary).toBe('Folded into one line.');
    expect(fm.data.categories).toEqual(['Analysis']);
    expect(fm.data.cover).toEqual({ image: '/media/3', caption: 'A map', relative: false });
    // YAML 1.2: "yes" is a word, not a boolean.
    expect(fm.data.params).toEqual({ sources: ['UN', 'OSCE'], nested: { deep: 'yes' } });
    expect(fm.data.empty).toBe('');
    expect(fm.data.nothing).toBe('');
    expect(fm.lines.cover).toBe(16);
    expect(fm.lines.params).toBe(20);
    expect(fm.body).toBe('Body.');
  });

  it('keeps a date-only value as midnight UTC and numbers as written', () => {
    const fm = parseFrontMatter('---\ndate: 2024-02-29\ntitle: 1984\nslug: 007\n---\n');
    expect(fm.data.date).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(fm.data.title).toBe('1984');
    expect(fm.data.slug).toBe('007');
  });

  it('expands a few aliases but refuses a flood of them', () => {
    const fm = parseFrontMatter('---\nbase: &b {region: caucasus}\ncopy: *b\n---\n');
    expect(fm.data.copy).toEqual({ region: 'caucasus' });
    const laughs = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      laughs.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(', ')}]`,
      );
    laughs.push('---');
    expect(errorOf(laughs.join('\n')).message).toMatch(/aliases/);
  });

  it('does not let a "__proto__" key reach the prototype', () => {
    const fm = parseFrontMatter('---\n__proto__: {polluted: true}\ntitle: x\n---\n');
    expect(Object.getPrototypeOf(fm.data)).toBe(Object.prototype);
    expect((fm.data as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(fm.data, '__proto__')?.value).toEqual({ polluted: true });
  });
});
