import { describe, expect, it } from 'vitest';
import { containsAll, containsAllOf, highlightAll, snippet } from './highlight.js';
import { parseQuery } from './search-query.js';

const terms = (q: string) => parseQuery(q).terms;
const show = (s: string) => s.replace(/\u0002/g, '[').replace(/\u0003/g, ']');

describe('search highlighting', () => {
  it('marks every word of the query by its stem, in English and Russian, whatever the case and diacritics', () => {
    expect(show(highlightAll('Railways and the new railway line', terms('railway')))).toBe('[Railways] and the new [railway] line');
    expect(show(highlightAll('Переговоры в Пекине: итоги переговоров', terms('переговоры')))).toBe(
      '[Переговоры] в Пекине: итоги [переговоров]',
    );
    expect(show(highlightAll('Ёлки у дороги', terms('елки')))).toBe('[Ёлки] у дороги');
    expect(show(highlightAll('Nothing here', terms('railway')))).toBe('Nothing here');
  });

  it('tells a text that holds every word of the query, as a headline match', () => {
    expect(containsAll('The Railways to Kashgar', terms('railway kashgar'))).toBe(true);
    expect(containsAll('Переговоры в Пекине', terms('переговоры'))).toBe(true);
    expect(containsAll('The railway to Kashgar', terms('railway steppe'))).toBe(false);
    expect(containsAll('Notes from Central Asia', terms('railway'))).toBe(false);
  });

  it('tests many texts with one matcher, each on its own words', () => {
    const headline = containsAllOf(terms('railway kashgar'));
    const titles = ['The Railways to Kashgar', 'The railway to Almaty', 'Kashgar, by railway', 'Kashgar markets', 'railways'];
    expect(titles.map(headline)).toEqual([true, false, true, false, false]);
    expect(titles.map(headline)).toEqual(titles.map((t) => containsAll(t, terms('railway kashgar'))));
  });

  it('does not let sentinel characters in the text open marks of their own', () => {
    expect(show(highlightAll('a \u0002trap\u0003 railway', terms('railway')))).toBe('a trap [railway]');
  });

  it('picks the passage holding the most different query words, with an ellipsis where it cuts', () => {
    const filler = (n: number, w = 'word') => Array.from({ length: n }, () => w).join(' ');
    const text = `${filler(50)} railway once. ${filler(50)} railway and summit together here. ${filler(50)}`;
    const s = show(snippet(text, terms('railway summit'), 12));
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('[railway] and [summit] together');
    expect(s.split(/\s+/).length).toBeLessThanOrEqual(13);
  });

  it('shows the start of a short text without an ellipsis, and nothing when no word matches', () => {
    expect(show(snippet('The summit opened.', terms('summit'), 32))).toBe('The [summit] opened.');
    expect(snippet('The summit opened.', terms('railway'), 32)).toBe('');
  });

  it('matches a short stem only as a whole word, not as a prefix', () => {
    // "gas" is too short to be a prefix: "gasket" must not light up.
    expect(show(highlightAll('Gas and gasket', terms('gas')))).toBe('[Gas] and gasket');
  });
});
