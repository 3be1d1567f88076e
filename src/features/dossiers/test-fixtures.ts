// Article texts and a stub engine shared by the dossier tests (kept out of *.test.ts so importing them runs no tests).
import type { ExtractResult } from '../../nlp/index.js';
import type { Extractor } from './dossier-service.js';

/** A state visit with talks, a meeting and a trade figure: the real engine finds four facts in it. */
export const VISIT_BODY = [
  'ASTANA, May 14 (Chancery) - Uzbek President Shavkat Mirziyoyev arrived in Astana on Tuesday for a two-day state visit at the invitation of Kazakh President Kassym-Jomart Tokayev.',
  '',
  'Mirziyoyev held talks with Tokayev in narrow and expanded formats, the presidential press service said. He also met Kazakh Prime Minister Olzhas Bektenov.',
  '',
  'Trade between Uzbekistan and Kazakhstan reached $4.4 billion in 2023, according to official statistics.',
].join('\n');

/** A later report on the same pair, with another year of trade. */
export const TRADE_BODY = 'Trade between Uzbekistan and Kazakhstan reached $5.1 billion in 2024, according to official statistics.';

/** Body for the stub engine: a visit and a meeting. */
export const STUB_BODY = 'President Japarov paid a state visit to China in February. He met Xi Jinping in Beijing.';

/** A tiny hand-made engine: one visit (sure) and one meeting (unsure), both stated by the text. */
export function stubExtractor(overrides: { confidence?: number; host?: string } = {}): Extractor {
  return (text): ExtractResult => {
    const s1 = text.indexOf('Japarov paid');
    const s2 = text.indexOf('He met');
    return {
      entities: [
        {
          id: 'person:sadyr-japarov',
          type: 'person',
          name: 'Sadyr Japarov',
          roles: [{ title: 'President', of: 'country:KG' }],
          mentions: [{ start: s1, end: s1 + 7, text: 'Japarov' }],
        },
        { id: 'country:KG', type: 'country', name: 'Kyrgyzstan', mentions: [] },
        {
          id: 'country:CN',
          type: 'country',
          name: 'China',
          mentions: [{ start: text.indexOf('China'), end: text.indexOf('China') + 5, text: 'China' }],
        },
        { id: 'person:xi-jinping', type: 'person', name: 'Xi Jinping', mentions: [] },
      ],
      facts: [
        {
          type: 'visit',
          args: { visitor: 'person:sadyr-japarov', host: overrides.host ?? 'country:CN', kind: 'state' },
          when: { value: '2025-02', precision: 'month' },
          confidence: 0.9,
          evidence: { start: s1, end: text.indexOf('.', s1) + 1, text: text.slice(s1, text.indexOf('.', s1) + 1) },
        },
        {
          type: 'meeting',
          args: { participants: ['person:sadyr-japarov', 'person:xi-jinping'] },
          confidence: overrides.confidence ?? 0.4,
          evidence: { start: s2, end: text.indexOf('.', s2) + 1, text: text.slice(s2, text.indexOf('.', s2) + 1) },
        },
      ],
    };
  };
}
