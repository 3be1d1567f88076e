// Planned facts in the store: written and read back, kept out of the timeline, the counts and the key
// figures, and listed as upcoming until an article reports the event or its date is long past.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import type { ExtractResult, Fact } from '../../nlp/index.js';
import type { Db } from '../../platform/db.js';
import { extractArticle, type Extractor } from './dossier-service.js';
import {
  dossierStats,
  listFactsOfArticle,
  listFigureFacts,
  listRelatedEntities,
  listTimeline,
  listUpcomingFacts,
} from './dossier-store.js';

const NOW = new Date('2026-03-15T12:00:00Z');
const JAPAROV = {
  id: 'person:sadyr-japarov',
  type: 'person' as const,
  name: 'Sadyr Japarov',
  roles: [{ title: 'President', of: 'country:KG' }],
  mentions: [],
};
const ENTITIES: ExtractResult['entities'] = [
  JAPAROV,
  { id: 'country:KG', type: 'country', name: 'Kyrgyzstan', mentions: [] },
  { id: 'country:CN', type: 'country', name: 'China', mentions: [] },
];

/** An engine that states each fact on its own sentence of the text. */
function engine(facts: Omit<Fact, 'evidence' | 'confidence'>[]): Extractor {
  return (text) => ({
    entities: ENTITIES,
    facts: facts.map((f, i) => ({ confidence: 0.9, ...f, evidence: { start: i, end: i + 1, text: text.slice(i, i + 1) } })),
  });
}
const VISIT = { visitor: 'person:sadyr-japarov', host: 'country:CN', kind: 'state' };

describe.each(DIALECTS)('planned facts in the dossier store on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let author: number;
  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
    author = await makeAuthor(db, { slug: 'desk' });
  });
  afterEach(async () => {
    await close();
  });

  async function report(slug: string, day: string, facts: Omit<Fact, 'evidence' | 'confidence'>[]): Promise<number> {
    const id = await makeArticle(db, {
      title: `Report ${slug}`,
      slug,
      bodyMd: 'Some text about the visit.',
      authorIds: [author],
      publishedAt: new Date(`${day}T09:00:00Z`),
    });
    await extractArticle(db, id, { extract: engine(facts), now: NOW });
    return id;
  }
  const upcoming = async (scope: Parameters<typeof listUpcomingFacts>[1], now = NOW) =>
    (await listUpcomingFacts(db, scope, now)).map((f) => [f.type, f.when?.value ?? null]);

  it("stores the engine's planned status and keeps plans out of the timeline, counts and figures", async () => {
    const id = await report('announce', '2026-02-20', [
      { type: 'visit', args: VISIT, when: { value: '2026-04', precision: 'month' }, status: 'planned' },
      {
        type: 'trade',
        args: { parties: ['country:KG', 'country:CN'], metric: 'trade_turnover', amount: { value: 2e10, currency: 'USD' }, period: '2027' },
        when: { value: '2027', precision: 'year' },
        status: 'planned',
      },
      {
        type: 'trade',
        args: { parties: ['country:KG', 'country:CN'], metric: 'trade_turnover', amount: { value: 1e10, currency: 'USD' }, period: '2025' },
        when: { value: '2025', precision: 'year' },
      },
    ]);
    expect((await listFactsOfArticle(db, id)).map((f) => [f.type, f.planned])).toEqual([
      ['visit', true],
      ['trade', true],
      ['trade', false],
    ]);
    const pair = { pair: ['country:CN', 'country:KG'] as [string, string] };
    expect((await listTimeline(db, pair, NOW, { limit: 50, offset: 0 })).map((f) => f.when?.value)).toEqual(['2025']);
    expect(await listTimeline(db, { entity: 'person:sadyr-japarov' }, NOW, { limit: 50, offset: 0 })).toEqual([]);
    expect((await listFigureFacts(db, pair, NOW)).map((f) => f.args.period)).toEqual(['2025']);
    expect(await dossierStats(db, pair, NOW)).toMatchObject({ facts: 1, articles: 1, firstYear: '2025', lastYear: '2025' });
    expect(await listRelatedEntities(db, { entity: 'country:CN' }, NOW)).toEqual([
      { id: 'country:KG', type: 'country', name: 'Kyrgyzstan', shared: 1 },
    ]);
    expect(await upcoming({ entity: 'person:sadyr-japarov' })).toEqual([['visit', '2026-04']]);
    expect(await upcoming(pair)).toEqual([
      ['visit', '2026-04'],
      ['trade', '2027'],
    ]);

    // Re-extraction follows the engine: once the text says it happened, the fact is history.
    await extractArticle(db, id, {
      extract: engine([{ type: 'visit', args: VISIT, when: { value: '2026-02', precision: 'month' } }]),
      now: NOW,
    });
    expect((await listFactsOfArticle(db, id)).map((f) => [f.type, f.planned])).toEqual([['visit', false]]);
    expect(await upcoming(pair)).toEqual([]);
    expect((await listTimeline(db, pair, NOW, { limit: 50, offset: 0 })).map((f) => f.type)).toEqual(['visit']);
  });

  it('drops a plan once an article reports it happened in its month or later, or once it is long past', async () => {
    await report('announce', '2026-02-20', [
      { type: 'visit', args: VISIT, when: { value: '2026-03', precision: 'month' }, status: 'planned' },
      {
        type: 'summit',
        args: { name: 'SCO summit', place: 'country:CN' },
        when: { value: '2026-09', precision: 'season' },
        status: 'planned',
      },
    ]);
    const scope = { entity: 'country:CN' };
    expect(await upcoming(scope)).toEqual([
      ['visit', '2026-03'],
      ['summit', '2026-09'],
    ]);
    // A visit by someone else, and an earlier visit by the same visitor, do not fulfil the plan.
    await report('other', '2026-03-02', [
      { type: 'visit', args: { visitor: 'country:KG', host: 'country:CN' }, when: { value: '2026-03-01', precision: 'day' } },
      { type: 'visit', args: VISIT, when: { value: '2026-02-10', precision: 'day' } },
    ]);
    expect(await upcoming(scope)).toEqual([
      ['visit', '2026-03'],
      ['summit', '2026-09'],
    ]);
    // A draft reporting the visit is not public yet.
    const draft = await makeArticle(db, { title: 'Draft', slug: 'draft', bodyMd: 'x', authorIds: [author], status: 'draft' });
    expect(
      await extractArticle(db, draft, {
        extract: engine([{ type: 'visit', args: VISIT, when: { value: '2026-03-10', precision: 'day' } }]),
        now: NOW,
      }),
    ).toBeUndefined();
    await report('arrived', '2026-03-11', [
      { type: 'visit', args: { ...VISIT, kind: 'official' }, when: { value: '2026-03-10', precision: 'day' } },
    ]);
    expect(await upcoming(scope)).toEqual([['summit', '2026-09']]);
    // The summit's season ends with November; a month later it is stale, whether it happened or not.
    expect(await upcoming(scope, new Date('2026-12-31T12:00:00Z'))).toEqual([['summit', '2026-09']]);
    expect(await upcoming(scope, new Date('2027-01-02T12:00:00Z'))).toEqual([]);
  });
});
