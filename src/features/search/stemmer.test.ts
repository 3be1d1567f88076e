import { describe, expect, it } from 'vitest';
import { stem, stemEnglish, stemRussian } from './stemmer.js';

/** True when the query word's stem is a prefix of the text word (what the index is asked for). */
const finds = (query: string, text: string) => text.startsWith(stem(query));

describe('stemRussian', () => {
  it.each([
    ['переговоры', 'переговор'],
    ['переговорах', 'переговор'],
    ['переговоров', 'переговор'],
    ['саммита', 'саммит'],
    ['выборах', 'выбор'],
    ['президента', 'президент'],
    ['российских', 'российск'],
    ['российская', 'российск'],
    ['стратегического', 'стратегическ'],
    ['соглашение', 'соглашен'],
    ['соглашений', 'соглашен'],
    ['безопасность', 'безопасн'],
    ['безопасности', 'безопасн'],
  ])('%s -> %s', (word, expected) => {
    expect(stemRussian(word)).toBe(expected);
  });

  it('treats ё as е', () => {
    expect(stemRussian('её')).toBe(stemRussian('ее'));
  });

  it('leaves words without a vowel alone', () => {
    expect(stemRussian('сша')).toBe('сша');
  });
});

describe('stemEnglish', () => {
  it.each([
    ['agreements', 'agreement'],
    ['agreement', 'agreement'],
    ['railways', 'railway'],
    ['railway', 'railway'],
    ['policies', 'polic'],
    ['policy', 'polic'],
    ['negotiations', 'negotiat'],
    ['negotiating', 'negotiat'],
    ['planning', 'plan'],
    ['meeting', 'meet'],
    ['taxes', 'tax'],
    ['crisis', 'crisis'],
    ['news', 'news'],
    ['speed', 'speed'],
  ])('%s -> %s', (word, expected) => {
    expect(stemEnglish(word)).toBe(expected);
  });
});

describe('stem as a prefix of other forms', () => {
  it.each([
    ['переговоры', 'переговорах'],
    ['переговорах', 'переговоры'],
    ['саммит', 'саммита'],
    ['саммита', 'саммит'],
    ['казахстан', 'казахстана'],
    ['казахстана', 'казахстан'],
    ['китай', 'китае'],
    ['соглашение', 'соглашениями'],
    ['agreement', 'agreements'],
    ['agreements', 'agreement'],
    ['railway', 'railways'],
    ['railways', 'railway'],
    ['policy', 'policies'],
    ['country', 'countries'],
    ['negotiation', 'negotiate'],
    ['sanction', 'sanctions'],
  ])('"%s" finds "%s"', (query, text) => {
    expect(finds(query, text)).toBe(true);
  });

  it('does not stem words of other scripts or numbers', () => {
    expect(stem('中国')).toBe('中国');
    expect(stem('2024')).toBe('2024');
    expect(stem('g20')).toBe('g20');
  });
});
