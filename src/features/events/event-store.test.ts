import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentMemo } from '../../platform/content-memo.js';
import type { Db } from '../../platform/db.js';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { linkTranslation } from '../articles/translation-store.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import {
  countPastEvents,
  eventSlugTaken,
  findArticleIdsBySlugs,
  findEventBySlug,
  findEventForArticle,
  insertEvent,
  listEventArticles,
  listEventArticleSlugs,
  listPastEvents,
  listUpcomingEvents,
  setEventArticles,
  type EventRow,
} from './event-store.js';

const NOW = new Date('2026-06-10T12:00:00Z');

function row(slug: string, o: Partial<EventRow> = {}): EventRow {
  return {
    slug,
    title: slug,
    summary: '',
    programmeMd: '',
    programmeHtml: '',
    venueName: 'Hall',
    venueAddress: '',
    venueCity: 'Sochi',
    venueCountry: 'RU',
    lat: 43.56,
    lon: 39.75,
    timezone: 'Europe/Moscow',
    startsAt: null,
    endsAt: null,
    onlineUrl: '',
    language: 'en',
    status: 'published',
    statusNote: '',
    termsMd: '',
    termsHtml: '',
    ...o,
  };
}

describe.each(DIALECTS)('event store on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
  });
  afterEach(() => close());

  async function seed() {
    await insertEvent(db, row('tba-a'), NOW);
    await insertEvent(db, row('later', { startsAt: '2026-09-01T07:00:00.000Z' }), NOW);
    await insertEvent(db, row('tba-b', { status: 'postponed' }), NOW);
    await insertEvent(db, row('sooner-date', { startsAt: '2026-07-01' }), NOW);
    await insertEvent(db, row('running', { startsAt: '2026-06-08', endsAt: '2026-06-12' }), NOW);
    await insertEvent(db, row('today-morning', { startsAt: '2026-06-10T06:00:00.000Z' }), NOW);
    await insertEvent(db, row('draft', { startsAt: '2026-07-02', status: 'draft' }), NOW);
    await insertEvent(db, row('old', { startsAt: '2026-01-10T07:00:00.000Z', endsAt: '2026-01-10T15:00:00.000Z' }), NOW);
    await insertEvent(db, row('older', { startsAt: '2025-11-01', status: 'cancelled' }), NOW);
    await insertEvent(db, row('yesterday', { startsAt: '2026-06-09' }), NOW);
  }

  it('lists upcoming soonest first, to-be-announced last, no drafts', async () => {
    await seed();
    expect((await listUpcomingEvents(db, NOW)).map((e) => e.slug)).toEqual([
      'running',
      'today-morning',
      'sooner-date',
      'later',
      'tba-a',
      'tba-b',
    ]);
    // The limit cuts after ordering, so TBA never pushes out a dated event on any dialect.
    expect((await listUpcomingEvents(db, NOW, 2)).map((e) => e.slug)).toEqual(['running', 'today-morning']);
  });

  it('lists past events most recent first and counts them', async () => {
    await seed();
    expect((await listPastEvents(db, NOW)).map((e) => e.slug)).toEqual(['yesterday', 'old', 'older']);
    expect((await listPastEvents(db, NOW, 1, 1)).map((e) => e.slug)).toEqual(['old']);
    expect(await countPastEvents(db, NOW)).toBe(3);
  });

  it('round-trips times and coordinates', async () => {
    await seed();
    const e = (await findEventBySlug(db, 'running'))!;
    expect(e.start).toEqual({ kind: 'date', date: '2026-06-08' });
    expect(e.end).toEqual({ kind: 'date', date: '2026-06-12' });
    expect(e.venue).toMatchObject({ lat: expect.closeTo(43.56, 4), lon: expect.closeTo(39.75, 4) });
    expect((await findEventBySlug(db, 'tba-a'))!.start).toEqual({ kind: 'tba' });
    expect((await findEventBySlug(db, 'later'))!.start).toEqual({ kind: 'datetime', instant: '2026-09-01T07:00:00.000Z' });
  });

  it('the article block prefers a linked event over the next upcoming one', async () => {
    await seed();
    const author = await makeAuthor(db, { slug: 'ann' });
    const linkedTo = await makeArticle(db, { title: 'Corridors', authorIds: [author] });
    const other = await makeArticle(db, { title: 'Elsewhere', authorIds: [author] });
    const later = (await findEventBySlug(db, 'later'))!;
    await setEventArticles(db, later.id, [linkedTo]);
    expect((await findEventForArticle(db, linkedTo, NOW))!.slug).toBe('later');
    expect((await findEventForArticle(db, other, NOW))!.slug).toBe('running');
    // A linked draft is not shown: the next upcoming event is.
    const draft = (await findEventBySlug(db, 'draft'))!;
    await setEventArticles(db, later.id, []);
    await setEventArticles(db, draft.id, [linkedTo]);
    expect((await findEventForArticle(db, linkedTo, NOW))!.slug).toBe('running');
  });

  it('with a memo, looks up only articles linked to a visible event, and sees new links once the memo is cleared', async () => {
    await seed();
    const author = await makeAuthor(db, { slug: 'ann' });
    const linkedTo = await makeArticle(db, { title: 'Corridors', authorIds: [author] });
    const other = await makeArticle(db, { title: 'Elsewhere', authorIds: [author] });
    const later = (await findEventBySlug(db, 'later'))!;
    const memo = createContentMemo({ enabled: true });
    expect((await findEventForArticle(db, linkedTo, NOW, undefined, memo))!.slug).toBe('running');
    await setEventArticles(db, later.id, [linkedTo]);
    memo.clear(); // as every content change does
    expect((await findEventForArticle(db, linkedTo, NOW, undefined, memo))!.slug).toBe('later');
    expect((await findEventForArticle(db, other, NOW, undefined, memo))!.slug).toBe('running');
    const draft = (await findEventBySlug(db, 'draft'))!;
    await setEventArticles(db, draft.id, [other]);
    memo.clear();
    expect((await findEventForArticle(db, other, NOW, undefined, memo))!.slug).toBe('running');
  });

  it('lists an edition’s readers the version in their language where an article has one, each group once', async () => {
    const id = await insertEvent(db, row('corridors'), NOW);
    const author = await makeAuthor(db, { slug: 'marina' });
    const at = (d: number) => new Date(Date.UTC(2026, 4, d));
    const ru = await makeArticle(db, { title: 'Коридор', slug: 'koridor', language: 'ru', authorIds: [author], publishedAt: at(1) });
    const en = await makeArticle(db, { title: 'The corridor', slug: 'corridor', authorIds: [author], publishedAt: at(3) });
    await linkTranslation(db, en, ru);
    const ruOnly = await makeArticle(db, { title: 'Тарифы', slug: 'tarify', language: 'ru', authorIds: [author], publishedAt: at(2) });
    const zhDraft = await makeArticle(db, { title: '走廊', slug: 'zoulang', language: 'zh', authorIds: [author], status: 'draft' });
    await linkTranslation(db, zhDraft, ru);
    // Both versions of the corridor piece linked, as an organiser might.
    await setEventArticles(db, id, [ru, ruOnly, en]);
    const list = async (lang?: string) => (await listEventArticles(db, id, NOW, lang)).map((a) => `${a.language}:${a.slug}`);
    expect(await list('en')).toEqual(['en:corridor', 'ru:tarify']);
    expect(await list('ru')).toEqual(['ru:tarify', 'ru:koridor']);
    // No published Chinese version: the originals.
    expect(await list('zh')).toEqual(['en:corridor', 'ru:tarify', 'ru:koridor']);
    expect(await list()).toEqual(['en:corridor', 'ru:tarify', 'ru:koridor']);
  });

  it('links articles by slug and lists only published ones for readers', async () => {
    const id = await insertEvent(db, row('forum'), NOW);
    const author = await makeAuthor(db, { slug: 'ann' });
    const pub = await makeArticle(db, { title: 'Published piece', authorIds: [author], publishedAt: new Date('2026-05-01T00:00:00Z') });
    const draft = await makeArticle(db, { title: 'Draft piece', authorIds: [author], status: 'draft' });
    const ids = await findArticleIdsBySlugs(db, ['published-piece', 'draft-piece', 'nope']);
    expect([...ids.entries()].sort()).toEqual([
      ['draft-piece', draft],
      ['published-piece', pub],
    ]);
    await setEventArticles(db, id, [...ids.values()]);
    expect(await listEventArticleSlugs(db, id)).toEqual(['draft-piece', 'published-piece']);
    expect((await listEventArticles(db, id, NOW)).map((a) => a.slug)).toEqual(['published-piece']);
    expect(await eventSlugTaken(db, 'forum')).toBe(true);
    expect(await eventSlugTaken(db, 'forum', id)).toBe(false);
  });
});
