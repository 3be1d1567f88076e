import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import type { Db } from '../../platform/db.js';
import { createPublishingService } from '../articles/publishing-service.js';
import { articleSearchIndex } from '../search/search-index-store.js';
import { stubExtractor, VISIT_BODY } from './test-fixtures.js';
import { articleText, extractAll, extractArticle } from './dossier-service.js';
import {
  dossierStats,
  findEntity,
  listFactsOfArticle,
  listPublicFactsForArticle,
  listTimeline,
  updateFactDecision,
} from './dossier-store.js';

const NOW = new Date('2026-02-01T00:00:00Z');

describe.each(DIALECTS)('dossier service on %s', (dialect) => {
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

  const stubArticle = () =>
    makeArticle(db, {
      title: 'A visit to China',
      slug: 'visit',
      lead: 'Lead.',
      bodyMd: 'President Japarov paid a state visit to China in February. He met Xi Jinping in Beijing.',
      authorIds: [author],
      publishedAt: new Date('2025-02-10T09:00:00Z'),
    });

  it('runs the real engine and stores entities, facts, evidence and links', async () => {
    const id = await makeArticle(db, {
      title: 'Tashkent and Astana deepen their alliance',
      slug: 'alliance',
      lead: '',
      bodyMd: VISIT_BODY,
      authorIds: [author],
      publishedAt: new Date('2024-05-14T08:00:00Z'),
    });
    const out = await extractArticle(db, id, { now: NOW });
    expect(out!.facts).toBeGreaterThanOrEqual(3);
    const facts = await listFactsOfArticle(db, id);
    const visit = facts.find((f) => f.type === 'visit')!;
    expect(visit.args.visitor).toBe('person:shavkat-mirziyoyev');
    const text = articleText({ title: 'Tashkent and Astana deepen their alliance', lead: '', body_md: VISIT_BODY });
    expect(text.slice(visit.evidence.start, visit.evidence.end)).toBe(visit.evidence.text);
    expect(visit.evidence.text).toContain('state visit');
    expect((await findEntity(db, 'person:shavkat-mirziyoyev'))?.roles).toEqual([{ title: 'President', of: 'country:UZ' }]);
    // The visitor's country sees the visit through his role: the UZ–KZ pair page lists it.
    const pair = await listTimeline(db, { pair: ['country:KZ', 'country:UZ'] }, NOW, { limit: 50, offset: 0 });
    expect(pair.map((f) => f.type)).toContain('visit');
    expect(pair.map((f) => f.type)).toContain('trade');
  });

  it('holds facts under the threshold for review and hides them from public queries', async () => {
    const id = await stubArticle();
    const out = await extractArticle(db, id, { extract: stubExtractor(), now: NOW });
    expect(out).toMatchObject({ facts: 2, review: 1 });
    const all = await listFactsOfArticle(db, id);
    expect(all.map((f) => [f.type, f.status])).toEqual([
      ['visit', 'auto'],
      ['meeting', 'review'],
    ]);
    const pub = await listPublicFactsForArticle(db, id);
    expect(pub.facts.map((f) => f.type)).toEqual(['visit']);
    expect(pub.entities.get('country:CN')?.name).toBe('China');
    const stats = await dossierStats(db, { entity: 'person:sadyr-japarov' }, NOW);
    expect(stats).toMatchObject({ facts: 1, articles: 1, firstYear: '2025', lastYear: '2025' });
  });

  it('keeps a rejected fact rejected across re-extraction, and it never shows', async () => {
    const id = await stubArticle();
    await extractArticle(db, id, { extract: stubExtractor({ confidence: 0.95 }), now: NOW });
    const meeting = (await listFactsOfArticle(db, id)).find((f) => f.type === 'meeting')!;
    await updateFactDecision(db, meeting.id, 'rejected', undefined, NOW);
    await extractArticle(db, id, { extract: stubExtractor({ confidence: 0.99 }), now: NOW });
    await extractArticle(db, id, { extract: stubExtractor({ confidence: 0.99 }), now: NOW });
    const after = await listFactsOfArticle(db, id);
    expect(after.filter((f) => f.type === 'meeting')).toHaveLength(1);
    expect(after.find((f) => f.type === 'meeting')).toMatchObject({ id: meeting.id, status: 'rejected' });
    expect((await listPublicFactsForArticle(db, id)).facts.map((f) => f.type)).toEqual(['visit']);
    expect(await listTimeline(db, { entity: 'person:xi-jinping' }, NOW, { limit: 50, offset: 0 })).toEqual([]);
  });

  it('keeps corrected arguments and confirmations across re-extraction', async () => {
    const id = await stubArticle();
    await extractArticle(db, id, { extract: stubExtractor(), now: NOW });
    const [visit, meeting] = await listFactsOfArticle(db, id);
    await updateFactDecision(db, visit.id, 'corrected', { ...visit.args, kind: 'official' }, NOW);
    await updateFactDecision(db, meeting.id, 'confirmed', undefined, NOW);
    await extractArticle(db, id, { extract: stubExtractor(), now: NOW });
    const after = await listFactsOfArticle(db, id);
    expect(after.map((f) => [f.id, f.status])).toEqual([
      [visit.id, 'corrected'],
      [meeting.id, 'confirmed'],
    ]);
    expect(after[0].args.kind).toBe('official');
    // A confirmed fact shows although its confidence is low.
    expect((await listPublicFactsForArticle(db, id)).facts).toHaveLength(2);
  });

  it('replaces automatic facts the engine no longer finds', async () => {
    const id = await stubArticle();
    await extractArticle(db, id, { extract: stubExtractor(), now: NOW });
    await extractArticle(db, id, { extract: stubExtractor({ host: 'country:KG' }), now: NOW });
    const visits = (await listFactsOfArticle(db, id)).filter((f) => f.type === 'visit');
    expect(visits.map((f) => f.args.host)).toEqual(['country:KG']);
  });

  it('hides facts of unpublished articles and deletes those of deleted ones', async () => {
    const id = await stubArticle();
    await extractArticle(db, id, { extract: stubExtractor(), now: NOW });
    const svc = createPublishingService({ index: articleSearchIndex, db, clock: () => NOW, contentChanged: () => undefined });
    await svc.unpublish({ id: null, role: 'admin' }, id);
    expect((await listPublicFactsForArticle(db, id)).facts).toEqual([]);
    expect((await dossierStats(db, { entity: 'country:CN' }, NOW)).facts).toBe(0);
    expect(await listFactsOfArticle(db, id)).toHaveLength(2); // kept, so republishing restores them
    expect(await extractArticle(db, id, { extract: stubExtractor(), now: NOW })).toBeUndefined();
    await svc.remove({ id: null, role: 'admin' }, id);
    expect(await db.selectFrom('facts').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('fact_entities').selectAll().execute()).toEqual([]);
  });

  it('does not show facts of articles scheduled for later', async () => {
    const id = await stubArticle();
    await extractArticle(db, id, { extract: stubExtractor(), now: NOW });
    expect((await dossierStats(db, { entity: 'country:CN' }, new Date('2025-01-01T00:00:00Z'))).facts).toBe(0);
  });

  it('re-extracts every published article with progress', async () => {
    await stubArticle();
    await makeArticle(db, {
      title: 'Draft',
      slug: 'draft',
      bodyMd: 'Japarov paid a visit. He met Xi.',
      authorIds: [author],
      status: 'draft',
    });
    const seen: string[] = [];
    const r = await extractAll(db, { extract: stubExtractor(), now: NOW, onProgress: (d, t) => seen.push(`${d}/${t}`) });
    expect(r).toEqual({ articles: 1, facts: 2, review: 1 });
    expect(seen).toEqual(['1/1']);
  });
});
