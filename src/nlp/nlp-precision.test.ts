// Precision guards: ordinary newsroom sentences that resemble facts but state none.
import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

const none = [
  'Migrants from Libya arrived in Italy on Sunday after a perilous crossing.',
  'The proposal met with fierce resistance in the Bundestag.',
  "The ministry received support from President Joe Biden's administration.",
  'Russia launched a missile attack on the Odesa port overnight.',
  'Police opened fire near the Rafah crossing.',
  'Japan hosted a dinner for delegates of the G7.',
  'Officials said the two sides would sign a free trade agreement by year-end.',
  'Talks between Armenia and Azerbaijan collapsed; no deal was signed.',
  'Erdogan told reporters that Turkey had not yet decided whether to join BRICS.',
  'The Kremlin said Russian President Vladimir Putin would visit Turkey next month.',
  'India plans to invest $5 billion in Africa over the next five years.',
  'The two countries aim to raise bilateral trade between Vietnam and Japan to $150 billion by 2030.',
  'A summit could change the mood in Geneva.',
  'Chinese state media said the six countries signed the declaration.',
];

describe('statements the text does not make are never emitted', () => {
  it.each(none)('%s', (sentence) => {
    expect(extract('Headline\n' + sentence, { published: '2024-06-20' }).facts).toEqual([]);
  });
});

describe('general constructions', () => {
  const one = (s: string) => extract('Headline\n' + s, { published: '2024-06-20' }).facts;
  it('reads "talks between X and Y"', () => {
    const [f] = one('Talks between Chinese President Xi Jinping and US President Joe Biden lasted four hours.');
    expect(f.args).toEqual({ participants: ['person:xi-jinping', 'person:joe-biden'], format: 'talks' });
  });
  it('reads coordinated subjects that "held talks"', () => {
    const [f] = one('Indian Prime Minister Narendra Modi and Japanese Prime Minister Fumio Kishida held talks in Tokyo.');
    expect(f.args).toEqual({ participants: ['person:narendra-modi', 'person:fumio-kishida'], format: 'talks', place: 'place:tokyo' });
  });
  it('reads a visit from "who is visiting"', () => {
    const f = one('Hungarian Prime Minister Viktor Orban, who is visiting China, met Chinese President Xi Jinping in Beijing on Monday.');
    expect(f.map((x) => x.type).sort()).toEqual(['meeting', 'visit']);
  });
  it('finds the project of a passive completion', () => {
    const [f] = one('The Lobito Corridor railway, which links Zambia to the Atlantic coast of Angola, was completed in 1929.');
    expect(f).toMatchObject({ type: 'project_milestone', args: { stage: 'completed' }, when: { value: '1929' } });
  });
  it('places a summit named after the meeting place', () => {
    const [f] = one('Heads of state met in Johannesburg on Tuesday for the 15th BRICS summit.');
    expect(f.args).toEqual({ name: 'BRICS summit', place: 'place:johannesburg', ordinal: 15, organization: 'org:brics' });
  });
  it('reads exports with goods worth', () => {
    const [f] = one('According to customs data, Kazakhstan exported goods worth $3.2 billion to Uzbekistan in 2023.');
    expect(f.args).toMatchObject({ parties: ['country:KZ', 'country:UZ'], metric: 'exports', amount: { value: 3.2e9, currency: 'USD' } });
  });
});
