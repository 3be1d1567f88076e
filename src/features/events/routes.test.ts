import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { insertEvent, setEventArticles, type EventRow } from './event-store.js';

const NOW = new Date('2026-06-10T12:00:00Z');

function row(slug: string, o: Partial<EventRow> = {}): EventRow {
  const terms = '## Terms\n\nRegistration is **required**.';
  return {
    slug,
    title: `Title of ${slug}`,
    summary: 'Diplomats and economists on Eurasian corridors.',
    programmeMd: '## Programme\n\nOpening plenary.',
    programmeHtml: renderMarkdown('## Programme\n\nOpening plenary.'),
    venueName: 'Lazurnaya Hotel',
    venueAddress: '103 Kurortniy Prospekt',
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
    termsMd: terms,
    termsHtml: renderMarkdown(terms),
    ...o,
  };
}

function jsonLdOf(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

describe.each(DIALECTS)('public event pages on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
  });
  afterEach(() => app.close());
  const get = (url: string) => app.server.inject({ method: 'GET', url });

  it('an event with its time to be announced: venue, map, terms link, JSON-LD without startDate', async () => {
    await insertEvent(app.ctx.db, row('forum'), NOW);
    const res = await get('/events/forum');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1 id="event-title">Title of forum</h1>');
    expect(res.body).toContain('Time to be announced');
    expect(res.body).toContain('Lazurnaya Hotel');
    expect(res.body).toContain('103 Kurortniy Prospekt');
    expect(res.body).toContain('Russia');
    expect(res.body).toContain('href="https://www.openstreetmap.org/?mlat=43.56&amp;mlon=39.75"');
    expect(res.body).toContain('<a href="/events/forum/terms">Terms of participation</a>');
    expect(res.body).toContain('Opening plenary.');
    const ld = jsonLdOf(res.body).find((o) => o['@type'] === 'Event')!;
    expect(ld).toBeDefined();
    expect(ld.startDate).toBeUndefined();
    expect(ld.eventStatus).toBe('https://schema.org/EventScheduled');
    expect(ld).toMatchObject({
      location: { address: { addressCountry: 'RU', addressLocality: 'Sochi' }, geo: { latitude: 43.56 } },
      url: 'http://chancery.test/events/forum',
    });
    expect(res.headers.etag).toBeDefined();
    expect(
      (await app.server.inject({ method: 'GET', url: '/events/forum', headers: { 'if-none-match': String(res.headers.etag) } })).statusCode,
    ).toBe(304);
  });

  it('a timed event shows the time in its zone and names the zone', async () => {
    await insertEvent(
      app.ctx.db,
      row('timed', {
        startsAt: '2026-09-01T07:00:00.000Z',
        endsAt: '2026-09-01T15:00:00.000Z',
        status: 'postponed',
        statusNote: 'New dates to follow.',
      }),
      NOW,
    );
    const res = await get('/events/timed');
    expect(res.body).toContain('1 September 2026 at 10:00 GMT+3 – 18:00');
    expect(res.body).toContain('Moscow Standard Time (Europe/Moscow)');
    expect(res.body).toContain('Postponed');
    expect(res.body).toContain('New dates to follow.');
    const ld = jsonLdOf(res.body).find((o) => o['@type'] === 'Event')!;
    expect(ld).toMatchObject({
      startDate: '2026-09-01T10:00:00+03:00',
      endDate: '2026-09-01T18:00:00+03:00',
      eventStatus: 'https://schema.org/EventPostponed',
    });
  });

  it('the terms page shows the terms with a way back', async () => {
    await insertEvent(app.ctx.db, row('forum'), NOW);
    const res = await get('/events/forum/terms');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Terms of participation: Title of forum');
    expect(res.body).toContain('Registration is <strong>required</strong>.');
    expect(res.body).toContain('href="/events/forum"');
  });

  it('drafts, unknown slugs and events without terms are 404', async () => {
    await insertEvent(app.ctx.db, row('secret', { status: 'draft' }), NOW);
    await insertEvent(app.ctx.db, row('no-terms', { termsMd: '', termsHtml: '' }), NOW);
    expect((await get('/events/secret')).statusCode).toBe(404);
    expect((await get('/events/secret/terms')).statusCode).toBe(404);
    expect((await get('/events/nothing-here')).statusCode).toBe(404);
    const noTerms = await get('/events/no-terms');
    expect(noTerms.statusCode).toBe(200);
    expect(noTerms.body).not.toContain('/events/no-terms/terms');
    expect((await get('/events/no-terms/terms')).statusCode).toBe(404);
    expect((await get('/events')).body).not.toContain('secret');
  });

  it('lists upcoming then past with headings, badges and TBA', async () => {
    await insertEvent(app.ctx.db, row('tba'), NOW);
    await insertEvent(app.ctx.db, row('soon', { startsAt: '2026-07-01', status: 'cancelled' }), NOW);
    await insertEvent(app.ctx.db, row('gone', { startsAt: '2026-01-10' }), NOW);
    const res = await get('/events');
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(b.indexOf('<h2 id="events-upcoming">Upcoming</h2>')).toBeGreaterThan(0);
    expect(b.indexOf('/events/soon')).toBeGreaterThan(b.indexOf('events-upcoming'));
    expect(b.indexOf('/events/tba')).toBeGreaterThan(b.indexOf('/events/soon'));
    expect(b.indexOf('events-past">Past')).toBeGreaterThan(b.indexOf('/events/tba'));
    expect(b.indexOf('/events/gone')).toBeGreaterThan(b.indexOf('events-past">Past'));
    expect(b).toContain('event-badge-cancelled');
    expect(b).toContain('Time to be announced');
    expect(b).toContain('1 July 2026');
    expect((await get('/events?page=x')).statusCode).toBe(200);
    expect((await get('/events?page=9')).statusCode).toBe(404);
  });

  it('lists the published articles linked to the event', async () => {
    const id = await insertEvent(app.ctx.db, row('forum'), NOW);
    const author = await makeAuthor(app.ctx.db, { slug: 'ann' });
    const a = await makeArticle(app.ctx.db, { title: 'Corridor politics', authorIds: [author] });
    const d = await makeArticle(app.ctx.db, { title: 'Unfinished draft', authorIds: [author], status: 'draft' });
    await setEventArticles(app.ctx.db, id, [a, d]);
    const res = await get('/events/forum');
    expect(res.body).toContain('<a href="/articles/corridor-politics">Corridor politics</a>');
    expect(res.body).not.toContain('Unfinished draft');
  });
});
