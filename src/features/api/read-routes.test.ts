import { gunzipSync } from 'node:zlib';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../../test/api.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { insertComment } from '../comments/comment-store.js';
import { extractArticle } from '../dossiers/dossier-service.js';
import { STUB_BODY, stubExtractor } from '../dossiers/test-fixtures.js';
import { insertEvent, setEventArticles, type EventRow } from '../events/event-store.js';
import { saveSettings } from '../events/registration-store.js';
import { defaultSettings } from '../events/registration.js';
import { insertTag } from '../tags/tag-store.js';

let now = new Date('2026-03-01T12:00:00Z');
const ADMIN = { id: null, role: 'admin' as const };

const EVENT: EventRow = {
  slug: 'corridors',
  title: 'Round table on corridors',
  summary: 'Transit routes.',
  programmeMd: '',
  programmeHtml: '<p>Talks.</p>',
  venueName: 'Hall',
  venueAddress: '1 Square',
  venueCity: 'Almaty',
  venueCountry: 'KZ',
  lat: null,
  lon: null,
  timezone: 'Asia/Almaty',
  startsAt: '2026-04-10T05:00:00.000Z',
  endsAt: null,
  onlineUrl: '',
  language: 'en',
  status: 'published',
  statusNote: '',
  termsMd: 'Be on time.',
  termsHtml: '<p>Be on time.</p>',
};

describe.each(DIALECTS)('the read API on %s', (dialect) => {
  let app: TestApp;
  let api: ApiClient;
  let author: number;
  let visitId: number;
  let eventId: number;

  beforeEach(async () => {
    now = new Date('2026-03-01T12:00:00Z');
    app = await testApp(dialect, { pageCache: false }, { clock: () => now });
    api = await apiClient(app);
    const db = app.ctx.db;
    author = await makeAuthor(db, { slug: 'aigerim-bekova', name: 'Aigerim Bekova' });
    const other = await makeAuthor(db, { slug: 'ivan-petrov', name: 'Ivan Petrov' });
    const rubric = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
    await insertTag(db, { slug: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country' });
    for (let i = 1; i <= 24; i++)
      await makeArticle(db, {
        title: `Bishkek note ${i}`,
        slug: `note-${i}`,
        authorIds: [i % 2 ? author : other],
        rubricId: i <= 5 ? rubric : null,
        tagSlugs: i % 3 === 0 ? ['kyrgyzstan'] : [],
        language: i === 7 ? 'ru' : 'en',
        publishedAt: new Date(Date.UTC(2026, 0, i, 8)),
      });
    visitId = await makeArticle(db, {
      title: 'Japarov in Beijing',
      slug: 'japarov-beijing',
      authorIds: [author],
      bodyMd: STUB_BODY,
      lead: 'A state visit.',
      coverUrl: '/assets/cover.jpg',
      tagSlugs: ['kyrgyzstan'],
      publishedAt: new Date('2026-02-10T08:00:00Z'),
    });
    await makeArticle(db, { title: 'Unfinished draft', slug: 'draft-one', authorIds: [author], status: 'draft' });
    await extractArticle(db, visitId, { extract: stubExtractor(), now, threshold: 0.6 });
    eventId = await insertEvent(db, EVENT, now);
    await saveSettings(db, { ...defaultSettings(eventId), enabled: true, capacity: 30 }, now);
    await setEventArticles(db, eventId, [visitId]);
    const reader = await app.signIn('reader');
    const top = await insertComment(db, {
      articleId: visitId,
      userId: reader.userId,
      parentId: null,
      replyToUserId: null,
      replyToName: '',
      body: 'Useful piece.',
      status: 'published',
      rejectReason: '',
      now,
    });
    await insertComment(db, {
      articleId: visitId,
      userId: reader.userId,
      parentId: top,
      replyToUserId: reader.userId,
      replyToName: 'reader',
      body: 'And a reply.',
      status: 'published',
      rejectReason: '',
      now,
    });
  });
  afterEach(() => app.close());

  it('serves an OpenAPI 3.1 document that an independent validator accepts, and a reference page without scripts', async () => {
    const result = await new Validator().validate(api.doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect((api.doc as unknown as { openapi: string }).openapi).toBe('3.1.0');
    const page = await app.server.inject('/api/v1/reference');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<code>GET /articles/{id}</code>');
    expect(page.body).toContain('id="problem-429"');
    expect(page.body).not.toMatch(/<script/i);
    // Webhooks are described in the document (OpenAPI 3.1's webhooks section) and on the page.
    const webhooks = (api.doc as unknown as { webhooks: Record<string, unknown> }).webhooks;
    expect(Object.keys(webhooks)).toContain('article.published');
    expect(Object.keys(webhooks)).toContain('registration.cancelled');
    expect(page.body).toContain('id="webhook-article.unpublished"');
  });

  it('pages articles with a cursor that stays stable while articles are published', async () => {
    const first = await api.call('/api/v1/articles?limit=10');
    expect(first.statusCode).toBe(200);
    const one = first.json();
    expect(one.data.map((a: { slug: string }) => a.slug).slice(0, 2)).toEqual(['japarov-beijing', 'note-24']);
    expect(one.data).toHaveLength(10);
    // A new article appears between two pages: the second page neither repeats nor skips.
    await makeArticle(app.ctx.db, {
      title: 'Breaking',
      slug: 'breaking',
      authorIds: [author],
      publishedAt: new Date('2026-02-28T09:00:00Z'),
    });
    const two = (await api.call(`/api/v1/articles?limit=10&cursor=${one.next_cursor}`)).json();
    expect(two.data[0].slug).toBe('note-15');
    const three = (await api.call(`/api/v1/articles?limit=10&cursor=${two.next_cursor}`)).json();
    expect(three.data.map((a: { slug: string }) => a.slug)).toEqual(['note-5', 'note-4', 'note-3', 'note-2', 'note-1']);
    expect(three.next_cursor).toBeNull();
    const a = one.data[0];
    expect(a).toMatchObject({
      id: visitId,
      url: 'http://chancery.test/articles/japarov-beijing',
      published_at: '2026-02-10T08:00:00.000Z',
      authors: [{ slug: 'aigerim-bekova', name: 'Aigerim Bekova' }],
      cover: { url: 'http://chancery.test/assets/cover.jpg' },
      comment_count: 2,
    });
  });

  it('filters articles by rubric, tag, author, edition and dates, and names what it cannot find', async () => {
    const slugs = async (q: string) => (await api.call(`/api/v1/articles?${q}`)).json().data.map((a: { slug: string }) => a.slug);
    expect(await slugs('rubric=analysis')).toEqual(['note-5', 'note-4', 'note-3', 'note-2', 'note-1']);
    expect(await slugs('tag=kyrgyzstan&limit=3')).toEqual(['japarov-beijing', 'note-24', 'note-21']);
    expect((await slugs('author=ivan-petrov&limit=100')).length).toBe(12);
    expect(await slugs('language=ru')).toEqual(['note-7']);
    expect(await slugs('from=2026-01-20&to=2026-01-22')).toEqual(['note-21', 'note-20']);
    const unknown = await api.call('/api/v1/articles?rubric=nowhere');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ status: 404, errors: [{ parameter: 'rubric' }] });
  });

  it('answers bad input with problem documents naming each parameter', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/articles?limit=abc', 400, 'limit'],
      ['/api/v1/articles?limit=500', 400, 'limit'],
      ['/api/v1/articles?colour=blue', 400, 'colour'],
      ['/api/v1/articles?cursor=bm9wZQ', 400, 'cursor'],
      ['/api/v1/articles?from=2026-13-45', 400, 'from'],
      ['/api/v1/articles/abc', 400, 'id'],
      ['/api/v1/entities/nonsense', 400, 'id'],
      ['/api/v1/facts?status=secret', 400, 'status'],
      ['/api/v1/search', 400, 'q'],
    ];
    for (const [url, status, parameter] of cases) {
      const r = await api.call(url);
      expect(r.statusCode, url).toBe(status);
      expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      const p = r.json();
      expect(p).toMatchObject({ status, title: 'Bad request', type: 'http://chancery.test/api/v1/reference#problem-400' });
      expect(
        p.errors.map((e: { parameter: string }) => e.parameter),
        url,
      ).toContain(parameter);
    }
    // A cursor of another list is refused too.
    const events = (await api.call('/api/v1/events?limit=1')).json();
    expect((await api.call(`/api/v1/articles?cursor=${events.next_cursor ?? 'x'}`)).statusCode).toBe(400);
    const missing = await api.call('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().title).toBe('Not found');
  });

  it('gives one article with body, tags, event and comment count; drafts are not found', async () => {
    const r = await api.call(`/api/v1/articles/${visitId}`);
    expect(r.statusCode).toBe(200);
    const a = r.json();
    expect(a.body_html).toContain('Japarov paid a state visit');
    expect(a.tags.map((t: { slug: string }) => t.slug)).toEqual(['kyrgyzstan']);
    expect(a.event).toEqual({
      id: eventId,
      slug: 'corridors',
      title: 'Round table on corridors',
      url: 'http://chancery.test/events/corridors',
    });
    expect(a.comment_count).toBe(2);
    expect(a.translations).toEqual([]);
    const draft = await app.ctx.db.selectFrom('articles').select('id').where('slug', '=', 'draft-one').executeTakeFirstOrThrow();
    expect((await api.call(`/api/v1/articles/${draft.id}`)).statusCode).toBe(404);
    expect((await api.call('/api/v1/articles/999999')).statusCode).toBe(404);
  });

  it('syncs changes with updated_since, tombstones included', async () => {
    now = new Date('2026-03-02T00:00:00Z');
    const since = now.toISOString();
    const full = (await api.call(`/api/v1/articles?updated_since=${since}`)).json();
    expect(full).toMatchObject({ data: [], deleted: [], next_cursor: null, next_since: since });
    const svc = app.ctx.publishing;
    const ids = await app.ctx.db
      .selectFrom('articles')
      .select(['id', 'slug'])
      .where('slug', 'in', ['note-1', 'note-2', 'note-3'])
      .orderBy('slug')
      .execute();
    now = new Date('2026-03-02T01:00:00Z');
    await svc.unpublish(ADMIN, ids[0].id);
    now = new Date('2026-03-02T02:00:00Z');
    await svc.remove(ADMIN, ids[1].id);
    now = new Date('2026-03-02T03:00:00Z');
    await makeArticle(app.ctx.db, { title: 'Fresh', slug: 'fresh', authorIds: [author], publishedAt: now });
    now = new Date('2026-03-02T04:00:00Z');
    const page1 = (await api.call(`/api/v1/articles?updated_since=${since}&limit=2`)).json();
    expect(page1.deleted).toEqual([
      { id: ids[0].id, slug: 'note-1', reason: 'unpublished', at: '2026-03-02T01:00:00.000Z' },
      { id: ids[1].id, slug: 'note-2', reason: 'deleted', at: '2026-03-02T02:00:00.000Z' },
    ]);
    expect(page1.data).toEqual([]);
    expect(page1.next_since).toBeNull();
    const page2 = (await api.call(`/api/v1/articles?updated_since=${since}&limit=2&cursor=${page1.next_cursor}`)).json();
    expect(page2.data.map((a: { slug: string }) => a.slug)).toEqual(['fresh']);
    expect(page2.next_cursor).toBeNull();
    expect(page2.next_since).toBe('2026-03-02T04:00:00.000Z');
    const mixed = await api.call(`/api/v1/articles?updated_since=${since}&rubric=analysis`);
    expect(mixed.statusCode).toBe(400);
  });

  it('answers 304 to a matching If-None-Match and compresses when asked', async () => {
    const first = await api.call('/api/v1/articles?limit=50');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await api.call({ url: '/api/v1/articles?limit=50', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    await makeArticle(app.ctx.db, { title: 'News', slug: 'news', authorIds: [author], publishedAt: new Date('2026-02-28T00:00:00Z') });
    expect((await api.call({ url: '/api/v1/articles?limit=50', headers: { 'if-none-match': etag } })).statusCode).toBe(200);
    const zipped = await app.server.inject({ url: '/api/v1/articles?limit=50', headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString()).data).toHaveLength(26);
  });

  it('lists events with terms and places left, and the newsroom', async () => {
    const list = (await api.call('/api/v1/events')).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      id: eventId,
      starts_at: '2026-04-10T05:00:00.000Z',
      terms: null,
      registration: { state: 'open', capacity: 30, places_left: 30 },
      venue: { city: 'Almaty' },
    });
    expect((await api.call(`/api/v1/events/${eventId}`)).json().title).toBe('Round table on corridors');
    expect((await api.call('/api/v1/events/4242')).statusCode).toBe(404);
    expect((await api.call('/api/v1/authors')).json().data.map((a: { slug: string }) => a.slug)).toContain('ivan-petrov');
    expect((await api.call(`/api/v1/authors/${author}`)).json().name).toBe('Aigerim Bekova');
    expect((await api.call('/api/v1/rubrics')).json().data[0].slug).toBe('analysis');
    expect((await api.call('/api/v1/tags')).json().data[0]).toMatchObject({ slug: 'kyrgyzstan', type: 'country' });
  });

  it('gives the comment thread with replies', async () => {
    const r = (await api.call(`/api/v1/articles/${visitId}/comments`)).json();
    expect(r.count).toBe(2);
    expect(r.data).toHaveLength(1);
    expect(r.data[0].comment.body).toBe('Useful piece.');
    expect(r.data[0].replies[0]).toMatchObject({ body: 'And a reply.', reply_to_name: 'reader' });
    expect(r.next_cursor).toBeNull();
  });

  it('gives entities with all their names, dossiers, and facts with evidence in three formats', async () => {
    const kg = (await api.call('/api/v1/entities/person:sadyr-japarov')).json();
    expect(kg).toMatchObject({ name: 'Sadyr Japarov', roles: [{ title: 'President', of: 'country:KG' }] });
    expect(kg.names[0]).toBe('Sadyr Japarov');
    const countries = (await api.call('/api/v1/entities?type=country')).json().data.map((e: { id: string }) => e.id);
    expect(countries).toEqual(['country:CN', 'country:KG']);
    const facts = (await api.call('/api/v1/facts?entity=person:sadyr-japarov')).json();
    // The meeting (confidence 0.4) waits for review and is not public.
    expect(facts.data).toHaveLength(1);
    expect(facts.data[0]).toMatchObject({
      type: 'visit',
      status: 'auto',
      evidence: { text: 'Japarov paid a state visit to China in February.' },
      article: { id: visitId, url: 'http://chancery.test/articles/japarov-beijing' },
    });
    expect((await api.call('/api/v1/facts?pair=person:sadyr-japarov,country:CN&type=visit')).json().data).toHaveLength(1);
    expect((await api.call('/api/v1/facts?type=meeting')).json().data).toHaveLength(0);
    expect((await api.call('/api/v1/facts?from=2026')).json().data).toHaveLength(0);
    const review = await api.call('/api/v1/facts?status=review');
    expect(review.statusCode).toBe(403);
    const csv = await api.call('/api/v1/facts?format=csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe(
      'id,type,sort_date,when,precision,planned,status,confidence,args,evidence,article_id,article_url,article_published_at',
    );
    expect(csv.body).toContain('"{""visitor"":""person:sadyr-japarov""');
    const lines = await api.call({ url: '/api/v1/facts', headers: { accept: 'application/jsonl' } });
    expect(lines.headers['content-type']).toBe('application/jsonl; charset=utf-8');
    expect(JSON.parse(lines.body.trim().split('\n')[0]).type).toBe('visit');
    expect((await api.call('/api/v1/facts?limit=500')).statusCode).toBe(400);
    const dossier = (await api.call('/api/v1/dossiers/person:sadyr-japarov')).json();
    expect(dossier).toMatchObject({ facts: 1, articles: 1, url: 'http://chancery.test/dossiers/person/sadyr-japarov' });
    expect(dossier.latest_articles[0].slug).toBe('japarov-beijing');
    expect((await api.call('/api/v1/dossiers/person:sadyr-japarov/country:CN')).json().facts).toBe(1);
    expect((await api.call('/api/v1/dossiers/country:ZZ')).statusCode).toBe(404);
  });

  it('searches published articles with highlighted passages', async () => {
    const r = (await api.call('/api/v1/search?q=beijing')).json();
    expect(r.total).toBe(1);
    expect(r.data[0].article.slug).toBe('japarov-beijing');
    expect(r.data[0].title_html).toContain('<mark>Beijing</mark>');
    const many = (await api.call('/api/v1/search?q=bishkek&limit=20')).json();
    expect(many.data).toHaveLength(20);
    const rest = (await api.call(`/api/v1/search?q=bishkek&limit=20&cursor=${many.next_cursor}`)).json();
    expect(rest.data).toHaveLength(4);
    expect((await api.call(`/api/v1/search?q=other&cursor=${many.next_cursor}`)).statusCode).toBe(400);
  });
});
