import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_TERMS, cleanQueryText, parseQuery, toFtsQuery, toTsQuery } from './search-query.js';

describe('parseQuery', () => {
  it('splits into lowercase words and stems them as prefixes', () => {
    const q = parseQuery('  Railway AGREEMENTS ');
    expect(q.text).toBe('Railway AGREEMENTS');
    expect(q.terms).toEqual([
      { word: 'railway', stem: 'railway', prefix: true },
      { word: 'agreements', stem: 'agreement', prefix: true },
    ]);
  });

  it('drops stop words unless nothing else is left', () => {
    expect(parseQuery('the summit of the SCO').terms.map((t) => t.word)).toEqual(['summit', 'sco']);
    expect(parseQuery('переговоры в Астане').terms.map((t) => t.stem)).toEqual(['переговор', 'астан']);
    expect(parseQuery('a AND OR').terms.map((t) => t.word)).toEqual(['a', 'and', 'or']);
  });

  it('cuts Chinese into the words the index holds, and keeps other scripts beside it', () => {
    expect(parseQuery('铁路').terms).toEqual([{ word: '铁路', stem: '铁路', prefix: false }]);
    expect(parseQuery('签署了铁路协议').terms.map((t) => t.word)).toEqual(['签署', '铁路', '协议']);
    // Mixed scripts with no space between them: each script its own words, Russian still stemmed.
    expect(parseQuery('Тоқаев铁路 переговоры').terms).toEqual([
      { word: 'тоқаев', stem: 'тоқа', prefix: true },
      { word: '铁路', stem: '铁路', prefix: false },
      { word: 'переговоры', stem: 'переговор', prefix: true },
    ]);
    expect(toFtsQuery(parseQuery('SCO 铁路').terms)).toBe('"sco" AND "铁路"');
    expect(toTsQuery(parseQuery('SCO 铁路').terms)).toBe("'sco' & '铁路'");
  });

  it('matches short words and numbers exactly', () => {
    expect(parseQuery('EU 2024').terms).toEqual([
      { word: 'eu', stem: 'eu', prefix: false },
      { word: '2024', stem: '2024', prefix: false },
    ]);
  });

  it('matches the stem and the word itself when the stem is too short to be a prefix', () => {
    expect(parseQuery('мира').terms).toEqual([{ word: 'мира', stem: 'мир', prefix: false, forms: ['мир', 'мира'] }]);
    expect(toFtsQuery(parseQuery('мира сотрудничество').terms)).toBe('("мир" OR "мира") AND "сотрудничеств"*');
    expect(toTsQuery(parseQuery('мира').terms)).toBe("('мир' | 'мира')");
  });

  it('removes every operator and quote character', () => {
    for (const raw of ['"', '*', 'NEAR(', '"unterminated', 'a:b', "'; drop table articles; --", '(x OR y) NOT z^', '\\']) {
      const q = parseQuery(raw);
      for (const t of q.terms) expect(t.stem).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
    }
    expect(parseQuery('"').terms).toEqual([]);
    expect(parseQuery('\u0301 café').terms.map((t) => t.word)).toEqual(['café']);
    expect(parseQuery('*').terms).toEqual([]);
    expect(parseQuery('NEAR(').terms.map((t) => t.word)).toEqual(['near']);
  });

  it('truncates long queries and caps the number of terms', () => {
    const long = 'word '.repeat(2000);
    expect(cleanQueryText(long).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    const many = Array.from({ length: 30 }, (_, i) => `term${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
    expect(parseQuery(many).terms).toHaveLength(MAX_TERMS);
  });

  it('treats arrays and non-strings as empty', () => {
    expect(parseQuery(['a', 'b']).terms).toEqual([]);
    expect(parseQuery(undefined).text).toBe('');
  });
});

describe('index query text', () => {
  const terms = parseQuery('Переговоры EU').terms;
  it('builds an FTS5 expression of quoted terms', () => {
    expect(toFtsQuery(terms)).toBe('"переговор"* AND "eu"');
  });
  it('builds a to_tsquery expression of quoted terms', () => {
    expect(toTsQuery(terms)).toBe("'переговор':* & 'eu'");
  });
});
