import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { listAudit } from '../audit/audit-store.js';
import { findEventBySlug, listEventArticleSlugs } from './event-store.js';

const NOW = new Date('2026-06-10T12:00:00Z');

const BASE = {
  title: 'Greater Eurasia Conference',
  slug: '',
  summary: 'Corridors and capital.',
  programme: '## Day one\n\nOpening.',
  venue_name: 'Lazurnaya Hotel',
  venue_address: '103 Kurortniy Prospekt',
  venue_city: 'Sochi',
  venue_country: 'RU',
  lat: '43.56',
  lon: '39.75',
  timezone: 'Europe/Moscow',
  start_kind: 'tba',
  start_date: '',
  start_datetime: '',
  end_kind: 'tba',
  end_date: '',
  end_datetime: '',
  online_url: '',
  language: 'en',
  status: 'published',
  status_note: '',
  terms: 'Registration is required.',
  articles: '',
};

describe.each(DIALECTS)('event admin on %s', (dialect) => {
  let app: TestApp;
  let staff: { userId: number; cookie: string; csrf: string };
  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    staff = await app.signIn('editor');
  });
  afterEach(() => app.close());

  const post = (url: string, payload: Record<string, string>, who = staff) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });
  const get = (url: string, who: { cookie: string } | null = staff) =>
    app.server.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

  it('keeps the title, venue and terms per language, shown in each edition and falling back to the original', async () => {
    const created = await post('/admin/events', {
      ...BASE,
      tr_ru_title: 'Конференция «Большая Евразия»',
      tr_ru_venue_name: 'Отель «Лазурная»',
      tr_ru_terms_md: 'Нужна **регистрация**.',
      tr_zh_title: '大欧亚会议',
    });
    expect(created.statusCode).toBe(303);
    const e = (await findEventBySlug(app.ctx.db, 'greater-eurasia-conference'))!;
    expect((await get(`/admin/events/${e.id}/edit`)).body).toContain('value="大欧亚会议"');

    const ru = await get('/ru/events/greater-eurasia-conference', null);
    expect(ru.statusCode).toBe(200);
    expect(ru.body).toContain('<html lang="ru"');
    expect(ru.body).toContain('Конференция «Большая Евразия»');
    expect(ru.body).toContain('Отель «Лазурная»');
    expect(ru.body).toContain('href="/ru/events/greater-eurasia-conference/terms"');
    expect(ru.body).toContain('hreflang="zh" href="http://chancery.test/zh/events/greater-eurasia-conference"');
    const terms = await get('/ru/events/greater-eurasia-conference/terms', null);
    expect(terms.body).toContain('Нужна <strong>регистрация</strong>.');
    // Chinese has a title only: the venue is the original's.
    const zh = await get('/zh/events/greater-eurasia-conference', null);
    expect(zh.body).toContain('大欧亚会议');
    expect(zh.body).toContain('Lazurnaya Hotel');
    expect((await get('/zh/events', null)).body).toContain('大欧亚会议');
    // The original edition is as written.
    const en = await get('/events/greater-eurasia-conference', null);
    expect(en.body).toContain('Greater Eurasia Conference');
    expect(en.body).not.toContain('Большая Евразия');

    const tooLong = await post(`/admin/events/${e.id}`, { ...BASE, slug: e.slug, tr_zh_title: '会'.repeat(301) });
    expect(tooLong.statusCode).toBe(422);
    expect((await post(`/admin/events/${e.id}/delete`, {})).statusCode).toBe(303);
    expect(await app.ctx.db.selectFrom('translations').selectAll().execute()).toEqual([]);
  });

  it('creates a TBA event that readers see, then sets a time shown in the event zone', async () => {
    const form = await get('/admin/events/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<datalist id="event-time-zones">');
    expect(form.body).toContain('<option value="RU">Russia</option>');

    const created = await post('/admin/events', BASE);
    expect(created.statusCode).toBe(303);
    const e = (await findEventBySlug(app.ctx.db, 'greater-eurasia-conference'))!;
    expect(created.headers.location).toBe(`/admin/events/${e.id}/edit?notice=created`);
    expect(e.start).toEqual({ kind: 'tba' });

    const page = await get('/events/greater-eurasia-conference', null);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Time to be announced');

    const edit = await get(`/admin/events/${e.id}/edit?notice=created`);
    expect(edit.body).toContain('Event created.');
    expect(edit.body).toContain('value="Greater Eurasia Conference"');

    const saved = await post(`/admin/events/${e.id}`, {
      ...BASE,
      slug: 'greater-eurasia-conference',
      start_kind: 'datetime',
      start_datetime: '2026-09-01T10:00',
      end_kind: 'datetime',
      end_datetime: '2026-09-02T18:30',
    });
    expect(saved.statusCode).toBe(303);
    expect((await findEventBySlug(app.ctx.db, 'greater-eurasia-conference'))!.start).toEqual({
      kind: 'datetime',
      instant: '2026-09-01T07:00:00.000Z',
    });
    // The public page was cached before the change: contentChanged must have dropped it.
    const after = await get('/events/greater-eurasia-conference', null);
    expect(after.body).not.toContain('Time to be announced');
    expect(after.body).toContain('1 September 2026 at 10:00 GMT+3');
    expect(after.body).toContain('Moscow Standard Time (Europe/Moscow)');
    // The form shows the time back as the local wall time.
    expect((await get(`/admin/events/${e.id}/edit`)).body).toContain('value="2026-09-01T10:00"');

    const audit = await listAudit(app.ctx.db, { limit: 10 });
    expect(audit.items.map((a) => a.action)).toEqual(['event.publish']);
    expect(audit.items[0]).toMatchObject({ userId: staff.userId, subjectType: 'event', subjectId: String(e.id) });
  });

  it('a time across the DST change is stored as the right instant', async () => {
    await post('/admin/events', { ...BASE, timezone: 'Europe/Berlin', start_kind: 'datetime', start_datetime: '2026-10-25T02:30' });
    expect((await findEventBySlug(app.ctx.db, 'greater-eurasia-conference'))!.start).toEqual({
      kind: 'datetime',
      instant: '2026-10-25T00:30:00.000Z',
    });
  });

  it('re-renders with 422 and the values kept', async () => {
    const badZone = await post('/admin/events', { ...BASE, timezone: 'Europe/Atlantis' });
    expect(badZone.statusCode).toBe(422);
    expect(badZone.body).toContain('“Europe/Atlantis” is not a time zone we know.');
    expect(badZone.body).toContain('value="Greater Eurasia Conference"');
    expect(badZone.body).toContain('value="Europe/Atlantis"');

    const endFirst = await post('/admin/events', {
      ...BASE,
      start_kind: 'date',
      start_date: '2026-09-02',
      end_kind: 'date',
      end_date: '2026-09-01',
    });
    expect(endFirst.statusCode).toBe(422);
    expect(endFirst.body).toContain('The end cannot be before the start.');
    expect(endFirst.body).toContain('value="2026-09-01"');

    const coords = await post('/admin/events', { ...BASE, lat: '95', lon: 'east' });
    expect(coords.statusCode).toBe(422);
    expect(coords.body).toContain('Latitude must be a number from −90 to 90.');
    expect(coords.body).toContain('Longitude must be a number from −180 to 180.');

    const author = await makeAuthor(app.ctx.db, { slug: 'ann' });
    await makeArticle(app.ctx.db, { title: 'Known piece', authorIds: [author] });
    const unknown = await post('/admin/events', { ...BASE, articles: 'known-piece, no-such-piece' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('No article has the address: no-such-piece.');
    expect(unknown.body).toContain('value="known-piece, no-such-piece"');

    expect(await findEventBySlug(app.ctx.db, 'greater-eurasia-conference')).toBeUndefined();

    const ok = await post('/admin/events', { ...BASE, articles: 'known-piece' });
    expect(ok.statusCode).toBe(303);
    const e = (await findEventBySlug(app.ctx.db, 'greater-eurasia-conference'))!;
    expect(await listEventArticleSlugs(app.ctx.db, e.id)).toEqual(['known-piece']);
    const dup = await post('/admin/events', { ...BASE });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('Another event already uses the address');
  });

  it('cancels, then deletes after a confirmation, writing the audit log', async () => {
    await post('/admin/events', { ...BASE, status: 'draft' });
    const e = (await findEventBySlug(app.ctx.db, 'greater-eurasia-conference'))!;
    expect((await get('/events/greater-eurasia-conference', null)).statusCode).toBe(404);
    await post(`/admin/events/${e.id}`, { ...BASE, slug: e.slug, status: 'cancelled', status_note: 'Called off by the hosts.' });
    const page = await get('/events/greater-eurasia-conference', null);
    expect(page.body).toContain('Cancelled');
    expect(page.body).toContain('Called off by the hosts.');
    expect(page.body).toContain('EventCancelled');

    const confirm = await get(`/admin/events/${e.id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`action="/admin/events/${e.id}/delete"`);
    const del = await post(`/admin/events/${e.id}/delete`, {});
    expect(del.statusCode).toBe(303);
    expect(await findEventBySlug(app.ctx.db, e.slug)).toBeUndefined();
    expect((await get('/events/greater-eurasia-conference', null)).statusCode).toBe(404);
    expect((await listAudit(app.ctx.db, { limit: 10 })).items.map((a) => a.action)).toEqual(['event.delete', 'event.cancel']);
    expect((await post(`/admin/events/${e.id}/delete`, {})).statusCode).toBe(404);
  });

  it('admins and editors may; authors and moderators may not', async () => {
    const admin = await app.signIn('admin');
    expect((await get('/admin/events', admin)).statusCode).toBe(200);
    expect((await get('/admin/events', staff)).statusCode).toBe(200);
    for (const role of ['author', 'moderator'] as const) {
      const who = await app.signIn(role);
      expect((await get('/admin/events', who)).statusCode).toBe(403);
      expect((await get('/admin/events/new', who)).statusCode).toBe(403);
      expect((await post('/admin/events', BASE, who)).statusCode).toBe(403);
    }
    expect(await findEventBySlug(app.ctx.db, 'greater-eurasia-conference')).toBeUndefined();
    expect((await get('/admin/events', null)).statusCode).toBe(303);
  });

  it('requires the CSRF token', async () => {
    const res = await app.server.inject({ method: 'POST', url: '/admin/events', headers: { cookie: staff.cookie }, payload: { ...BASE } });
    expect(res.statusCode).toBe(403);
    const forged = await app.server.inject({
      method: 'POST',
      url: '/admin/events',
      headers: { cookie: staff.cookie },
      payload: { ...BASE, _csrf: 'forged' },
    });
    expect(forged.statusCode).toBe(403);
    expect(await findEventBySlug(app.ctx.db, 'greater-eurasia-conference')).toBeUndefined();
  });

  it('unknown and malformed ids are 404', async () => {
    expect((await get('/admin/events/999/edit')).statusCode).toBe(404);
    expect((await get('/admin/events/abc/edit')).statusCode).toBe(404);
    expect((await post('/admin/events/999', BASE)).statusCode).toBe(404);
  });
});
