import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { csrfToken } from '../../platform/session.js';
import { insertEvent } from './event-store.js';
import { guardStamp } from '../../platform/form-guard.js';
import { listRegistrations, saveSettings, replaceQuestions } from './registration-store.js';
import { defaultSettings } from './registration.js';
import type { EventRow } from './event-store.js';
import { csvCell } from './registration-csv.js';

const EVENT_ROW: EventRow = {
  slug: 'round-table',
  title: 'Round table on corridors',
  summary: 'Transit.',
  programmeMd: '',
  programmeHtml: '',
  venueName: 'Lazurnaya',
  venueAddress: '103 Kurortniy Prospekt',
  venueCity: 'Sochi',
  venueCountry: 'RU',
  lat: null,
  lon: null,
  timezone: 'Europe/Berlin',
  startsAt: '2026-10-25T08:30:00.000Z',
  endsAt: null,
  onlineUrl: '',
  language: 'en',
  status: 'published',
  statusNote: '',
  termsMd: 'Be on time.',
  termsHtml: '<p>Be on time.</p>',
};
let now = new Date('2026-06-01T10:00:00Z');
const SECRET = 'test-secret-test-secret-test-secret';

describe.each(DIALECTS)('registration pages on %s', (dialect) => {
  let app: TestApp;
  let smtp: TestSmtp;
  let eventId: number;
  let choiceId: number;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    now = new Date('2026-06-01T10:00:00Z');
    app = await testApp(dialect, { smtpUrl: smtp.url }, { clock: () => now });
    smtp.pump = () => app.sendQueuedMail();
    eventId = await insertEvent(app.ctx.db, EVENT_ROW, now);
    await saveSettings(app.ctx.db, { ...defaultSettings(eventId), enabled: true, capacity: 2 }, now);
    await replaceQuestions(app.ctx.db, eventId, [
      { id: 0, position: 1, kind: 'choice', label: 'Language of the panel', options: ['English', 'Russian'], required: true },
      { id: 0, position: 2, kind: 'text', label: 'Dietary needs', options: [], required: false },
    ]);
    choiceId = (
      await app.ctx.db.selectFrom('event_questions').select('id').where('label', '=', 'Language of the panel').executeTakeFirstOrThrow()
    ).id;
  });
  afterEach(() => app.close());

  const visitor = 'visitor-cookie-value-123456';
  const form = (over: Record<string, string> = {}) => ({
    _csrf: csrfToken(SECRET, visitor),
    _ts: guardStamp(new Date(now.getTime() - 10_000), SECRET),
    website: '',
    name: 'Aida Bekova',
    email: 'aida@example.org',
    organisation: 'Observer',
    position: 'Editor',
    country: 'KG',
    terms: 'yes',
    [`q_${choiceId}`]: 'Russian',
    ...over,
  });
  const register = (over: Record<string, string> = {}) =>
    app.server.inject({
      method: 'POST',
      url: '/events/round-table/register',
      headers: { cookie: `chancery_visitor=${visitor}` },
      payload: form(over),
    });

  it('shows the form with places left, JSON-LD availability, never from the shared cache', async () => {
    const res = await app.server.inject({ method: 'GET', url: '/events/round-table' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(res.headers['set-cookie']).toContain('chancery_visitor=');
    expect(res.body).toContain('2 places left.');
    expect(res.body).toContain('name="terms"');
    expect(res.body).toContain('Language of the panel');
    expect(res.body).toContain('"availability":"https://schema.org/InStock"');
    expect(res.body).toContain('"eventStatus":"https://schema.org/EventScheduled"');
    expect(res.body).toContain('src="/assets/js/event-time.js"');
  });

  it('registers, mails the confirmation with an .ics and a working cancel link; the place goes back', async () => {
    const res = await register();
    expect(res.statusCode).toBe(303);
    const manageUrl = res.headers.location as string;
    expect(manageUrl).toMatch(/^\/events\/round-table\/registration\/[\w-]+\?notice=registered$/);
    const mail = await smtp.waitFor(
      (m) => m.subject === 'Registration confirmed: Round table on corridors' && (m.to as any).text.includes('aida@example.org'),
    );
    const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    expect(ics.content.toString()).toContain('DTSTART;TZID=Europe/Berlin:20261025T093000');
    const link = /http:\/\/chancery\.test(\/events\/round-table\/registration\/[\w-]+)/.exec(mail.text!)![1];
    expect(manageUrl.startsWith(link)).toBe(true);
    const [reg] = await listRegistrations(app.ctx.db, eventId);
    expect(reg).toMatchObject({ status: 'confirmed', termsVersion: 1, country: 'KG', answers: { [String(choiceId)]: 'Russian' } });

    const page = await app.server.inject({ method: 'GET', url: link, headers: { cookie: `chancery_visitor=${visitor}` } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Confirmed');
    expect(page.headers['cache-control']).toBe('no-store');
    const cancel = await app.server.inject({
      method: 'POST',
      url: `${link}/cancel`,
      headers: { cookie: `chancery_visitor=${visitor}` },
      payload: { _csrf: csrfToken(SECRET, visitor) },
    });
    expect(cancel.statusCode).toBe(303);
    expect((await listRegistrations(app.ctx.db, eventId))[0].status).toBe('cancelled');
    await smtp.waitFor((m) => m.subject === 'Registration cancelled: Round table on corridors');
    // Cancelling twice is a clear 409, not a 500.
    const again = await app.server.inject({
      method: 'POST',
      url: `${link}/cancel`,
      headers: { cookie: `chancery_visitor=${visitor}` },
      payload: { _csrf: csrfToken(SECRET, visitor) },
    });
    expect(again.statusCode).toBe(409);
    expect(
      (await app.server.inject({ method: 'GET', url: '/events/round-table/registration/not-a-real-token-at-all-xx' })).statusCode,
    ).toBe(404);
  });

  it('bad input: invalid email, unknown answer, missing terms, duplicate, honeypot, too fast — clear pages, no duplicates', async () => {
    const bad = await register({ email: 'aida@', [`q_${choiceId}`]: 'Klingon', terms: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter an email address like name@example.org.');
    expect(bad.body).toContain('Choose one of the offered answers to “Language of the panel”.');
    expect(bad.body).toContain('Accept the terms of participation to register.');
    expect(bad.body).toContain('value="Aida Bekova"');
    expect(await listRegistrations(app.ctx.db, eventId)).toHaveLength(0);

    expect((await register()).statusCode).toBe(303);
    const dup = await register({ email: 'AIDA@example.org' });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain('aida@example.org is already registered for this event');
    expect(await listRegistrations(app.ctx.db, eventId)).toHaveLength(1);

    const bot = await register({ email: 'bot@example.org', website: 'http://spam.example' });
    expect(bot.statusCode).toBe(422);
    const fast = await app.server.inject({
      method: 'POST',
      url: '/events/round-table/register',
      headers: { cookie: `chancery_visitor=${visitor}` },
      payload: { ...form({ email: 'fast@example.org' }), _ts: guardStamp(now, SECRET) },
    });
    expect(fast.statusCode).toBe(422);
    expect(fast.body).toContain('quicker than a person');
    const noCsrf = await app.server.inject({
      method: 'POST',
      url: '/events/round-table/register',
      payload: form({ email: 'x@example.org' }),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await listRegistrations(app.ctx.db, eventId)).toHaveLength(1);
  });

  it('a signed-in reader finds the form prefilled, and the registration is tied to the account', async () => {
    const reader = await app.signIn('reader', 'reader-one@example.org');
    const page = await app.server.inject({ method: 'GET', url: '/events/round-table', headers: { cookie: reader.cookie } });
    expect(page.body).toContain('value="reader-one@example.org"');
    expect(page.body).toContain('Your name and email come from your reader account');
    const res = await app.server.inject({
      method: 'POST',
      url: '/events/round-table/register',
      headers: { cookie: reader.cookie },
      payload: { ...form({ email: 'reader-one@example.org' }), _csrf: reader.csrf },
    });
    expect(res.statusCode).toBe(303);
    expect((await listRegistrations(app.ctx.db, eventId))[0].userId).toBe(reader.userId);
  });

  it('closed registration and a cancelled event answer 409 with a message; the page says why', async () => {
    await saveSettings(app.ctx.db, { ...defaultSettings(eventId), enabled: true, closesAt: '2026-05-01T00:00:00.000Z' }, now);
    const closed = await register();
    expect(closed.statusCode).toBe(409);
    expect(closed.body).toContain('Registration is closed.');
    await app.ctx.db.updateTable('events').set({ status: 'cancelled' }).where('id', '=', eventId).execute();
    const cancelled = await register();
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.body).toContain('This event is cancelled; registration is closed.');
    expect(cancelled.body).not.toContain('name="terms"');
    expect(await listRegistrations(app.ctx.db, eventId)).toHaveLength(0);
  });

  it('full: the page says waiting list and SoldOut; the next registrant is waitlisted', async () => {
    await register();
    await register({ email: 'b@example.org' });
    const page = await app.server.inject({ method: 'GET', url: '/events/round-table' });
    expect(page.body).toContain('All places are taken');
    expect(page.body).toContain('https://schema.org/SoldOut');
    await register({ email: 'c@example.org' });
    expect((await listRegistrations(app.ctx.db, eventId, { status: 'waitlisted' })).map((r) => r.email)).toEqual(['c@example.org']);
  });

  it('organiser: list with filters, approve, reject with message, cancel, promote, CSV export, check-in; others are refused', async () => {
    const staff = await app.signIn('editor');
    const post = (url: string, payload: Record<string, string> = {}) =>
      app.server.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: { _csrf: staff.csrf, ...payload } });
    const get = (url: string, cookie = staff.cookie) => app.server.inject({ method: 'GET', url, headers: { cookie } });

    const settings = await post(`/admin/events/${eventId}/registration`, {
      enabled: '1',
      capacity: '1',
      opens_at: '',
      closes_at: '',
      offer_hours: '0',
      reminder_hours: '24',
      q_id_0: String(choiceId),
      q_label_0: 'Language of the panel',
      q_kind_0: 'choice',
      q_options_0: 'English\nRussian',
      q_required_0: '1',
      q_id_1: '',
      q_label_1: '',
      q_kind_1: 'text',
      q_options_1: '',
    });
    expect(settings.statusCode).toBe(303);
    const badSettings = await post(`/admin/events/${eventId}/registration`, {
      enabled: '1',
      capacity: 'many',
      offer_hours: '1',
      reminder_hours: '1',
      q_label_0: 'Pick',
      q_kind_0: 'choice',
      q_options_0: 'only one',
    });
    expect(badSettings.statusCode).toBe(422);
    expect(badSettings.body).toContain('A choice question needs at least two choices.');

    await register({ name: '=HYPERLINK("http://evil")', email: 'a@example.org', organisation: 'Observer, "Central Asia"' });
    await register({ name: 'Bolot', email: 'b@example.org' });
    const [a, b] = await listRegistrations(app.ctx.db, eventId);
    expect([a.status, b.status]).toEqual(['confirmed', 'waitlisted']);

    const list = await get(`/admin/events/${eventId}/registrations?status=waitlisted`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('b@example.org');
    expect(list.body).not.toContain('a@example.org');
    expect((await get(`/admin/events/${eventId}/registrations?q=bolot`)).body).toContain('b@example.org');

    expect((await post(`/admin/events/${eventId}/registrations/${b.id}/promote`)).statusCode).toBe(409);

    const csv = await get(`/admin/events/${eventId}/registrations.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe(
      'id,status,name,email,organisation,position,country,waitlist_position,terms_version,registered_at,attended_at,Language of the panel',
    );
    expect(lines[1]).toContain(`confirmed,"'=HYPERLINK(""http://evil"")",a@example.org,"Observer, ""Central Asia""",Editor,KG,,1,`);
    expect(lines[1].endsWith(',Russian')).toBe(true);

    // Cancelling the confirmed place confirms the next in line at once (offers do not wait: 0 hours).
    expect((await post(`/admin/events/${eventId}/registrations/${a.id}/cancel`)).statusCode).toBe(303);
    expect((await listRegistrations(app.ctx.db, eventId, { status: 'confirmed' })).map((r) => r.email)).toEqual(['b@example.org']);

    const checkIn = await get(`/admin/events/${eventId}/check-in?q=bol`);
    expect(checkIn.body).toContain('Mark attended');
    expect((await post(`/admin/events/${eventId}/check-in/${b.id}`, { attended: '1', q: 'bol' })).headers.location).toBe(
      `/admin/events/${eventId}/check-in?q=bol#p${b.id}`,
    );
    expect((await listRegistrations(app.ctx.db, eventId, { attended: true })).map((r) => r.id)).toEqual([b.id]);
    expect((await get(`/admin/events/${eventId}/check-in`)).body).toContain('1 of 1 checked in');

    const reject = await post(`/admin/events/${eventId}/registrations/${b.id}/reject`, { message: 'Press only, sorry.' });
    expect(reject.statusCode).toBe(303);
    const rejected = await smtp.waitFor(
      (m) => m.subject === 'Your registration: Round table on corridors' && (m.to as any).text.includes('b@example.org'),
    );
    expect(rejected.text).toContain('Press only, sorry.');
    expect((await post(`/admin/events/${eventId}/registrations/${b.id}/approve`)).statusCode).toBe(409);
    expect((await post(`/admin/events/${eventId}/registrations/99999/cancel`)).statusCode).toBe(409);
    expect((await get(`/admin/events/abc/registrations`)).statusCode).toBe(404);

    const author = await app.signIn('author');
    expect((await get(`/admin/events/${eventId}/registrations`, author.cookie)).statusCode).toBe(403);
    expect((await get(`/admin/events/${eventId}/registrations.csv`, author.cookie)).statusCode).toBe(403);
    expect((await app.server.inject({ method: 'GET', url: `/admin/events/${eventId}/check-in` })).statusCode).toBe(303);
  });

  it('serves /events.ics with known times only, and per-event calendar files', async () => {
    await insertEvent(app.ctx.db, { ...EVENT_ROW, slug: 'tba-event', title: 'TBA forum', startsAt: null }, now);
    const feed = await app.server.inject({ method: 'GET', url: '/events.ics' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('SUMMARY:Round table on corridors');
    expect(feed.body).not.toContain('TBA forum');
    expect((await app.server.inject({ method: 'GET', url: '/events/round-table/calendar.ics' })).statusCode).toBe(200);
    expect((await app.server.inject({ method: 'GET', url: '/events/tba-event/calendar.ics' })).statusCode).toBe(404);
  });

  it('a freed place is offered by mail; the accept link confirms it, and a second accept is a clear 409', async () => {
    await saveSettings(app.ctx.db, { ...defaultSettings(eventId), enabled: true, capacity: 1, offerHours: 48 }, now);
    const first = await register();
    await register({ email: 'second@example.org', name: 'Second Person' });
    const firstLink = first.headers.location!.split('?')[0];
    await app.server.inject({
      method: 'POST',
      url: `${firstLink}/cancel`,
      headers: { cookie: `chancery_visitor=${visitor}` },
      payload: { _csrf: csrfToken(SECRET, visitor) },
    });
    const offer = await smtp.waitFor(
      (m) => m.subject === 'A place is free for you: Round table on corridors' && (m.to as any).text.includes('second@example.org'),
    );
    const link = /http:\/\/chancery\.test(\/events\/round-table\/registration\/[\w-]+)/.exec(offer.text!)![1];
    const page = await app.server.inject({ method: 'GET', url: link, headers: { cookie: `chancery_visitor=${visitor}` } });
    expect(page.body).toContain('Accept the place');
    const accept = await app.server.inject({
      method: 'POST',
      url: `${link}/accept`,
      headers: { cookie: `chancery_visitor=${visitor}` },
      payload: { _csrf: csrfToken(SECRET, visitor) },
    });
    expect(accept.statusCode).toBe(303);
    expect((await listRegistrations(app.ctx.db, eventId, { status: 'confirmed' })).map((r) => r.email)).toEqual(['second@example.org']);
    const again = await app.server.inject({
      method: 'POST',
      url: `${link}/accept`,
      headers: { cookie: `chancery_visitor=${visitor}` },
      payload: { _csrf: csrfToken(SECRET, visitor) },
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This offer is no longer open.');
    expect((await app.server.inject({ method: 'GET', url: '/events' })).body).toContain('href="/events.ics"');
  });

  it('terms pages show the version a participant accepted', async () => {
    await register();
    const v1 = await app.server.inject({ method: 'GET', url: '/events/round-table/terms?version=1' });
    expect(v1.statusCode).toBe(200);
    expect(v1.body).toContain('Be on time.');
    expect((await app.server.inject({ method: 'GET', url: '/events/round-table/terms?version=9' })).statusCode).toBe(404);
    expect((await app.server.inject({ method: 'GET', url: '/events/round-table/terms?version=x' })).statusCode).toBe(404);
  });
});

describe('csv cells', () => {
  it('quotes and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+7 999')).toBe("'+7 999");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
  });
});
