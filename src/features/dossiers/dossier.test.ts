import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/index.js';
import { renderFragment } from '../../platform/render.js';
import {
  applyCorrection,
  dossierPath,
  factFingerprint,
  factSentence,
  formatAmount,
  formatWhen,
  idFromPath,
  consolidated,
  inReaderLanguage,
  isStalePlan,
  sameEvent,
  sentenceText,
  tradeSeries,
  upcomingFacts,
  upcomingSince,
  type EntityRef,
  type PublicFact,
  type TimelineFact,
} from './dossier.js';
import { FactsBlock } from './views/facts-block.js';

const t = translator('en');
const names = new Map<string, EntityRef>([
  ['person:sadyr-japarov', { id: 'person:sadyr-japarov', type: 'person', name: 'Sadyr Japarov' }],
  ['country:CN', { id: 'country:CN', type: 'country', name: 'China' }],
  ['country:KG', { id: 'country:KG', type: 'country', name: 'Kyrgyzstan' }],
  ['country:UZ', { id: 'country:UZ', type: 'country', name: 'Uzbekistan' }],
  ['place:beijing', { id: 'place:beijing', type: 'place', name: 'Beijing' }],
]);
const say = (type: string, args: Record<string, unknown>) => sentenceText(factSentence(t, { type, args }, names));

describe('summit names', () => {
  const sayIn = (lang: string, args: Record<string, unknown>, extra = names) =>
    sentenceText(factSentence(translator(lang), { type: 'summit', args }, extra, lang));
  it('are read in the reader’s language: the original where the engine kept it, else the organisation’s summit', () => {
    const caca = { name: 'China–Central Asia summit (中国—中亚峰会)', place: 'place:beijing' };
    expect(sayIn('zh', caca)).toMatch(/^中国—中亚峰会/);
    expect(sayIn('en', caca)).toBe('China–Central Asia summit in Beijing');
    const sco = { name: 'SCO Council of Heads of State summit', place: 'place:beijing', organization: 'org:sco' };
    const withSco = new Map([...names, ['org:sco', { id: 'org:sco', type: 'organization' as const, name: 'ШОС' }]]);
    expect(sayIn('ru', sco, withSco)).toMatch(/^Саммит ШОС/);
    expect(sayIn('en', sco, withSco)).toBe('SCO Council of Heads of State summit in Beijing');
  });
});

describe('fact sentences', () => {
  it('reads like a sentence for each fact type', () => {
    expect(say('visit', { visitor: 'person:sadyr-japarov', host: 'country:CN', place: 'place:beijing', kind: 'state' })).toBe(
      'Sadyr Japarov paid a state visit to China (Beijing)',
    );
    expect(say('meeting', { participants: ['person:sadyr-japarov', 'country:CN', 'country:UZ'], format: 'talks' })).toBe(
      'Sadyr Japarov, China and Uzbekistan held talks',
    );
    expect(say('agreement', { parties: ['country:KG', 'country:CN'], count: 12, domain: 'energy' })).toBe(
      'Kyrgyzstan and China signed 12 documents on energy',
    );
    // Fields a Chinese source names in Chinese are not shown on the English page.
    expect(say('agreement', { parties: ['country:KG', 'country:CN'], count: 12, domain: '能源、交通' })).toBe(
      'Kyrgyzstan and China signed 12 documents',
    );
    expect(say('investment', { recipient: 'country:KG', investor: 'country:CN', amount: { value: 22710000000, currency: 'USD' } })).toBe(
      'Investment of $22.71 billion by China in Kyrgyzstan',
    );
    expect(
      say('trade', {
        parties: ['country:KG', 'country:CN'],
        metric: 'trade_turnover',
        amount: { value: 4.4e9, currency: 'USD' },
        period: '2023',
      }),
    ).toBe('Trade turnover between Kyrgyzstan and China: $4.4 billion in 2023');
    expect(say('summit', { name: 'China–Central Asia summit', place: 'place:beijing', ordinal: 2 })).toBe(
      'The 2nd China–Central Asia summit in Beijing',
    );
    expect(say('project_milestone', { project: 'project:china-kyrgyzstan-uzbekistan-railway', stage: 'construction_started' })).toBe(
      'Construction began on china kyrgyzstan uzbekistan railway',
    );
  });

  it('formats dates at their precision and amounts in words', () => {
    expect(formatWhen('2025-02', 'month')).toBe('February 2025');
    expect(formatWhen('2024-05-14', 'day')).toBe('14 May 2024');
    expect(formatWhen('2023', 'year')).toBe('2023');
    expect(formatAmount(1.5e6, 'CNY')).toBe('CN¥1.5 million');
    expect(formatAmount(950, 'EUR')).toBe('€950');
  });

  it('formats amounts the way Russian and Chinese write large sums', () => {
    expect(formatAmount(22_710_000_000, 'USD', 'ru')).toBe('22,71\u00a0млрд\u00a0$');
    expect(formatAmount(22_710_000_000, 'USD', 'zh')).toBe('US$227.1亿');
    expect(formatAmount(410_000_000, 'USD', 'ru')).toBe('410\u00a0млн\u00a0$');
  });
});

describe('facts in the reader’s language', () => {
  const visit = { visitor: 'person:shavkat-mirziyoyev', host: 'country:KZ' };
  const fact = (
    id: number,
    articleId: number,
    language: string,
    group: number,
    text: string,
    args: Record<string, unknown> = visit,
  ): TimelineFact => ({
    id,
    articleId,
    type: 'visit',
    args,
    when: undefined,
    sortDate: '2024-05-14',
    status: 'auto',
    evidence: { text },
    article: { id: articleId, slug: `a-${articleId}`, title: `Article ${articleId}`, publishedAt: '2024-05-14', language, group },
  });
  const other = { visitor: 'person:xi-jinping', host: 'country:KZ' };

  it('cites the version in the reader’s language of a fact its original states', () => {
    const en = fact(1, 10, 'en', 10, 'Mirziyoyev arrived.');
    const ru = fact(7, 11, 'ru', 10, 'Мирзиёев прибыл.');
    const [shown] = inReaderLanguage([en], [ru], 'ru');
    expect(shown).toMatchObject({ id: 7, evidence: { text: 'Мирзиёев прибыл.' }, article: { slug: 'a-11', language: 'ru' } });
  });

  it('shows a fact stated by two versions on one page once: the reader’s, else the original’s', () => {
    const en = fact(1, 10, 'en', 10, 'Mirziyoyev arrived.');
    const ru = fact(2, 11, 'ru', 10, 'Мирзиёев прибыл.');
    const zh = fact(3, 12, 'zh', 10, '米尔济约耶夫抵达。');
    expect(inReaderLanguage([en, ru, zh], [], 'ru').map((f) => f.id)).toEqual([2]);
    expect(inReaderLanguage([zh, en, ru], [], 'fr').map((f) => f.id)).toEqual([1]);
    expect(inReaderLanguage([en, ru, zh], [], 'en').map((f) => f.id)).toEqual([1]);
  });

  it('keeps a fact no version in the reader’s language states, and facts of unrelated articles', () => {
    const en = fact(1, 10, 'en', 10, 'Xi arrived.', other);
    const ru = fact(2, 11, 'ru', 10, 'Мирзиёев прибыл.');
    const elsewhere = fact(3, 20, 'en', 20, 'Mirziyoyev arrived again.');
    expect(inReaderLanguage([en, elsewhere], [ru], 'ru')).toEqual([en, elsewhere]);
  });

  it('shows an event several articles report once, with the others as further sources', () => {
    const summit = (id: number, articleId: number, language: string, day: string) => ({
      ...fact(id, articleId, language, articleId, `summit ${id}`),
      type: 'summit',
      args: { name: 'SCO summit', place: 'place:tianjin', organization: 'org:sco' },
      when: { value: day, precision: 'day' },
      sortDate: day,
    });
    const ru = summit(1, 30, 'ru', '2025-08-31');
    const en = summit(2, 31, 'en', '2025-09-01');
    const later = summit(3, 32, 'en', '2026-06-15');
    const out = consolidated([ru, en, later], 'en');
    // The English report stands, the Russian one is a further source; a year later it is another summit.
    expect(out.map((f) => [f.id, (f.also ?? []).map((g) => g.id)])).toEqual([
      [2, [1]],
      [3, []],
    ]);
    // Facts of one article are never merged here, nor versions of one article (inReaderLanguage's work).
    expect(consolidated([ru, { ...ru, id: 4 }], 'ru')).toHaveLength(2);
  });

  it('drops a fact another version tells more or less fully, but not two events of one article', () => {
    const talks = (participants: string[]) => ({ participants, format: 'talks' });
    const meeting = (id: number, articleId: number, language: string, people: string[]) => ({
      ...fact(id, articleId, language, 10, `talks ${id}`),
      type: 'meeting',
      args: talks(people),
    });
    const enXi = meeting(1, 10, 'en', ['person:sadyr-japarov', 'person:xi-jinping']);
    const enLi = meeting(2, 10, 'en', ['person:sadyr-japarov', 'person:li-qiang']);
    const ruAll = meeting(3, 11, 'ru', ['person:sadyr-japarov', 'person:xi-jinping', 'person:li-qiang', 'person:zhao-leji']);
    const zhTwo = meeting(4, 12, 'zh', ['person:sadyr-japarov', 'person:li-qiang', 'person:zhao-leji']);
    const ruOther = meeting(5, 11, 'ru', ['person:vladimir-putin', 'person:xi-jinping']);
    // The English page: the English version's two meetings stand, the fuller Russian and Chinese ones go;
    // a meeting only the Russian version states stays.
    expect(inReaderLanguage([enXi, enLi, ruAll, zhTwo, ruOther], [], 'en').map((f) => f.id)).toEqual([1, 2, 5]);
    // The same when the English version's facts are not on the page but known from `versions`.
    expect(inReaderLanguage([ruAll, zhTwo, ruOther], [enXi, enLi], 'en').map((f) => f.id)).toEqual([5]);
    // Within one article, overlapping meetings are both kept, and so are two of the same people on the English page.
    const ruXi = meeting(6, 11, 'ru', ['person:sadyr-japarov', 'person:xi-jinping']);
    expect(inReaderLanguage([ruAll, ruXi], [], 'ru').map((f) => f.id)).toEqual([3, 6]);
    const ruXi2 = meeting(10, 11, 'ru', ['person:sadyr-japarov', 'person:xi-jinping']);
    expect(inReaderLanguage([ruXi, ruXi2], [], 'en').map((f) => f.id)).toEqual([6, 10]);
    // A visit by the same visitor where one version named no host goes; to another host, it stays.
    const noHost = fact(7, 11, 'ru', 10, 'Мирзиёев прибыл.', { visitor: 'person:shavkat-mirziyoyev' });
    const elsewhere = fact(8, 11, 'ru', 10, 'Мирзиёев прибыл.', { visitor: 'person:shavkat-mirziyoyev', host: 'country:CN' });
    expect(inReaderLanguage([noHost, elsewhere], [fact(9, 10, 'en', 10, 'Mirziyoyev arrived.')], 'en').map((f) => f.id)).toEqual([8]);
  });
});

describe('dossier paths and fingerprints', () => {
  it('maps ids and paths both ways', () => {
    expect(dossierPath('country:KG')).toBe('/dossiers/country/kg');
    expect(dossierPath('org:sco')).toBe('/dossiers/org/sco');
    expect(idFromPath('country', 'kg')).toBe('country:KG');
    expect(idFromPath('org', 'sco')).toBe('org:sco');
    expect(idFromPath('country', 'kgz')).toBeUndefined();
    expect(idFromPath('planet', 'mars')).toBeUndefined();
    expect(idFromPath('person', '../etc')).toBeUndefined();
  });

  it('fingerprints by key arguments only', () => {
    const a = factFingerprint(1, 'trade', {
      parties: ['country:KG', 'country:CN'],
      metric: 'trade_turnover',
      period: '2023',
      amount: { value: 1, currency: 'USD' },
    });
    const b = factFingerprint(1, 'trade', {
      parties: ['country:CN', 'country:KG'],
      metric: 'trade_turnover',
      period: '2023',
      amount: { value: 2, currency: 'USD' },
    });
    expect(a).toBe(b);
    expect(factFingerprint(2, 'trade', { parties: ['country:CN', 'country:KG'], metric: 'trade_turnover', period: '2023' })).not.toBe(a);
  });
});

describe('corrections', () => {
  const args = {
    visitor: 'person:sadyr-japarov',
    host: 'country:CN',
    kind: 'state',
    count: 3,
    amount: { value: 1, currency: 'USD' },
    parties: ['country:CN'],
  };
  it('reads the new value in the shape of the argument', () => {
    expect(applyCorrection('visit', args, 'host', ' country:KG ')).toEqual({
      ok: true,
      args: { ...args, host: 'country:KG' },
      entityIds: ['country:KG'],
    });
    expect(applyCorrection('visit', args, 'parties', 'country:CN, country:KG')).toMatchObject({
      ok: true,
      args: { parties: ['country:CN', 'country:KG'] },
    });
    expect(applyCorrection('visit', args, 'amount', '22,710,000,000 usd')).toMatchObject({
      ok: true,
      args: { amount: { value: 22710000000, currency: 'USD' } },
    });
    expect(applyCorrection('visit', args, 'count', '12')).toMatchObject({ ok: true, args: { count: 12 } });
    expect(applyCorrection('visit', args, 'kind', '')).toMatchObject({
      ok: true,
      args: { visitor: 'person:sadyr-japarov', host: 'country:CN' },
    });
  });
  it('refuses what cannot be right', () => {
    expect(applyCorrection('visit', args, 'visitor', '')).toMatchObject({ ok: false, error: 'admin.facts.error.required' });
    expect(applyCorrection('visit', args, 'host', 'China')).toMatchObject({ ok: false, error: 'admin.facts.error.unknown_entity' });
    expect(applyCorrection('visit', args, 'amount', 'lots')).toMatchObject({ ok: false, error: 'admin.facts.error.amount' });
    expect(applyCorrection('visit', args, 'count', '1.5')).toMatchObject({ ok: false, error: 'admin.facts.error.number' });
    expect(applyCorrection('visit', args, '__proto__', 'x')).toMatchObject({ ok: false, error: 'admin.facts.error.unknown_arg' });
  });
});

describe('key figures', () => {
  const fact = (id: number, period: string, value: number, publishedAt: string): PublicFact => ({
    id,
    articleId: id,
    type: 'trade',
    args: { parties: ['country:KG', 'country:CN'], metric: 'trade_turnover', amount: { value, currency: 'USD' }, period },
    when: { value: period, precision: 'year' },
    sortDate: `${period}-12-31`,
    confidence: 0.9,
    evidence: { start: 0, end: 1, text: 'x' },
    extractorVersion: '1',
    status: 'auto',
    fingerprint: String(id),
    planned: false,
    article: { id, slug: `a${id}`, title: `A${id}`, publishedAt, language: 'en' },
  });
  it('keeps one value a year, from the latest article', () => {
    const s = tradeSeries([fact(1, '2023', 1e9, '2024-01-01'), fact(2, '2023', 1.2e9, '2024-06-01'), fact(3, '2024', 2e9, '2025-01-01')]);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ a: 'country:CN', b: 'country:KG' });
    expect(s[0].points.map((p) => [p.year, p.value, p.factId])).toEqual([
      ['2023', 1.2e9, 2],
      ['2024', 2e9, 3],
    ]);
  });
});

describe('facts block', () => {
  it('lists facts with dossier links and evidence anchors, and renders nothing without facts', () => {
    const html = renderFragment(
      FactsBlock({
        t,
        entities: names,
        facts: [
          {
            id: 42,
            articleId: 1,
            type: 'visit',
            args: { visitor: 'person:sadyr-japarov', host: 'country:CN' },
            when: { value: '2025-02', precision: 'month' },
            sortDate: '2025-02-31',
            confidence: 0.9,
            evidence: { start: 0, end: 1, text: 'x' },
            extractorVersion: '1',
            status: 'auto',
            fingerprint: 'f',
            planned: false,
          },
        ],
      })!,
    );
    expect(html).toContain('<h2 id="facts-block-title">Facts in this article</h2>');
    expect(html).toContain('<a href="/dossiers/person/sadyr-japarov">Sadyr Japarov</a> visited <a href="/dossiers/country/cn">China</a>');
    expect(html).toContain('<time datetime="2025-02">February 2025</time>');
    expect(html).toContain('href="#evidence-42"');
    expect(FactsBlock({ t, entities: names, facts: [] })).toBeNull();
  });
});

describe('upcoming events', () => {
  const NOW = new Date('2026-03-15T12:00:00Z');
  let n = 0;
  const plan = (
    type: string,
    args: Record<string, unknown>,
    when?: { value: string; precision: string },
    sortDate = when ? `${when.value.slice(0, 7)}-31` : '2026-03-01',
  ) => ({ id: ++n, type, args, when, sortDate });
  const visit = { visitor: 'person:sadyr-japarov', host: 'country:CN' };

  it('knows an event by its key entities, per type', () => {
    expect(sameEvent({ type: 'visit', args: { ...visit, kind: 'state' } }, { type: 'visit', args: visit })).toBe(true);
    expect(sameEvent({ type: 'visit', args: visit }, { type: 'visit', args: { ...visit, host: 'country:KZ' } })).toBe(false);
    expect(
      sameEvent({ type: 'visit', args: visit }, { type: 'meeting', args: { participants: ['person:sadyr-japarov', 'country:CN'] } }),
    ).toBe(false);
    expect(
      sameEvent(
        { type: 'meeting', args: { participants: ['person:a', 'person:b'] } },
        { type: 'meeting', args: { participants: ['person:b', 'person:a'], format: 'talks' } },
      ),
    ).toBe(true);
    expect(
      sameEvent(
        { type: 'meeting', args: { participants: ['person:a', 'person:b'] } },
        { type: 'meeting', args: { participants: ['person:a', 'person:b', 'person:c'] } },
      ),
    ).toBe(false);
    expect(
      sameEvent(
        { type: 'summit', args: { name: 'SCO summit', place: 'place:tianjin' } },
        { type: 'summit', args: { name: 'Heads of State Council', place: 'place:tianjin' } },
      ),
    ).toBe(true);
    expect(
      sameEvent(
        { type: 'summit', args: { name: 'China–Central Asia summit', place: 'place:astana' } },
        { type: 'summit', args: { name: 'china–central asia summit', place: 'country:KZ' } },
      ),
    ).toBe(true);
    expect(
      sameEvent(
        { type: 'summit', args: { name: 'SCO summit', place: 'place:tianjin' } },
        { type: 'summit', args: { name: 'BRICS summit', place: 'place:kazan' } },
      ),
    ).toBe(false);
    expect(
      sameEvent(
        { type: 'agreement', args: { parties: ['country:KG', 'country:CN'] } },
        { type: 'agreement', args: { parties: ['country:CN', 'country:KG'], count: 12 } },
      ),
    ).toBe(true);
    expect(sameEvent({ type: 'agreement', args: { parties: [] } }, { type: 'agreement', args: { parties: [] } })).toBe(false);
  });

  it('hides a plan a month after its date has passed, and an undated one a quarter after it was announced', () => {
    expect(isStalePlan(plan('visit', visit, { value: '2026-02', precision: 'month' }), NOW)).toBe(false); // ended 28 February
    expect(isStalePlan(plan('visit', visit, { value: '2026-01', precision: 'month' }), NOW)).toBe(true); // ended 31 January
    expect(isStalePlan(plan('visit', visit, { value: '2026-02-12', precision: 'day' }), NOW)).toBe(false);
    expect(isStalePlan(plan('visit', visit, { value: '2026-02-11', precision: 'day' }), NOW)).toBe(true);
    expect(isStalePlan(plan('summit', visit, { value: '2025-12', precision: 'season' }), NOW)).toBe(false); // winter: to the end of February
    expect(isStalePlan(plan('summit', visit, { value: '2025', precision: 'year' }), NOW)).toBe(true);
    expect(isStalePlan(plan('visit', visit, undefined, '2026-01-01'), NOW)).toBe(false);
    expect(isStalePlan(plan('visit', visit, undefined, '2025-12-01'), NOW)).toBe(true);
    expect(upcomingSince(NOW) <= '2025-12-13').toBe(true);
  });

  it('keeps the plans still to come, soonest first, and drops those an article reports as happened', () => {
    const march = plan('visit', visit, { value: '2026-03', precision: 'month' });
    const autumn = plan('summit', { name: 'SCO summit', place: 'place:tianjin' }, { value: '2026-09', precision: 'season' }, '2026-09-31');
    const undated = plan('agreement', { parties: ['country:KG', 'country:CN'] }, undefined, '2026-03-02');
    const old = plan('visit', { visitor: 'person:a', host: 'country:KZ' }, { value: '2025-10', precision: 'month' });
    const happenedEarlier = { type: 'visit', args: visit, when: { value: '2026-02-20', precision: 'day' }, sortDate: '2026-02-20' };
    expect(upcomingFacts([autumn, old, undated, march], [happenedEarlier], NOW).map((f) => f.id)).toEqual([
      march.id,
      autumn.id,
      undated.id,
    ]);
    const happened = {
      type: 'visit',
      args: { ...visit, kind: 'state' },
      when: { value: '2026-03-10', precision: 'day' },
      sortDate: '2026-03-10',
    };
    expect(upcomingFacts([autumn, undated, march], [happened], NOW).map((f) => f.id)).toEqual([autumn.id, undated.id]);
    expect(upcomingFacts([autumn, undated, march], [], NOW, 1).map((f) => f.id)).toEqual([march.id]);
  });

  it("states a plan in the future tense, and the facts block follows a fact's planned flag", () => {
    expect(sentenceText(factSentence(t, { type: 'visit', args: { ...visit, kind: 'state' } }, names, 'en', true))).toBe(
      'Sadyr Japarov will pay a state visit to China',
    );
    expect(
      sentenceText(
        factSentence(
          t,
          {
            type: 'meeting',
            args: { participants: ['person:sadyr-japarov', 'person:xi-jinping'], format: 'talks', place: 'place:beijing' },
          },
          names,
          'en',
          true,
        ),
      ),
    ).toMatch(/^Sadyr Japarov and .+ will hold talks \(.+\)$/);
    expect(
      sentenceText(factSentence(t, { type: 'agreement', args: { parties: ['country:KG', 'country:CN'], count: 3 } }, names, 'en', true)),
    ).toMatch(/ will sign 3 documents$/);
    const html = renderFragment(
      FactsBlock({
        t,
        entities: names,
        facts: [
          {
            id: 7,
            articleId: 1,
            type: 'visit',
            args: visit,
            when: { value: '2026-04', precision: 'month' },
            sortDate: '2026-04-31',
            confidence: 0.8,
            evidence: { start: 0, end: 1, text: 'x' },
            extractorVersion: '1',
            status: 'auto',
            fingerprint: 'p',
            planned: true,
          },
        ],
      })!,
    );
    expect(html).toContain('Sadyr Japarov</a> will visit <a href="/dossiers/country/cn">China</a>');
  });
});
