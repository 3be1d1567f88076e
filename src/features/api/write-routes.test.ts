import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../../test/api.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { insertEvent, type EventRow } from '../events/event-store.js';
import { saveSettings } from '../events/registration-store.js';
import { defaultSettings } from '../events/registration.js';
import { hashKey, newKey } from './api-key.js';
import { insertApiKey } from './api-key-store.js';
import { challengeOf } from './oauth.js';

let now = new Date('2026-03-01T12:00:00Z');
const VERIFIER = 'a-verifier-of-enough-length-for-pkce-0123456789';
const REDIRECT = 'https://app.example.org/callback';

const EVENT: EventRow = {
  slug: 'corridors',
  title: 'Round table on corridors',
  summary: 'Transit routes.',
  programmeMd: '',
  programmeHtml: '',
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

describe.each(DIALECTS)('the API acting for readers on %s', (dialect) => {
  let app: TestApp;
  let api: ApiClient;
  let smtp: TestSmtp;
  let clientId: string;
  let partnerKey: string;
  let articleId: number;
  let eventId: number;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  beforeEach(async () => {
    now = new Date('2026-03-01T12:00:00Z');
    smtp.messages.length = 0;
    app = await testApp(dialect, { pageCache: false, smtpUrl: smtp.url }, { clock: () => now });
    smtp.pump = () => app.sendQueuedMail();
    api = await apiClient(app);
    const db = app.ctx.db;
    const author = await makeAuthor(db, { slug: 'desk' });
    articleId = await makeArticle(db, {
      title: 'Corridors',
      slug: 'corridors',
      authorIds: [author],
      publishedAt: new Date('2026-02-01T00:00:00Z'),
    });
    const k = newKey();
    partnerKey = k.key;
    clientId = k.prefix;
    await insertApiKey(
      db,
      {
        name: 'Newsroom app',
        scopes: ['read', 'comments:write', 'registrations:write'],
        origins: [],
        redirectUris: [REDIRECT],
        rateLimit: 1000,
        expiresAt: null,
        prefix: k.prefix,
        hash: hashKey(k.key),
        createdBy: null,
      },
      now,
    );
    eventId = await insertEvent(db, EVENT, now);
    await saveSettings(db, { ...defaultSettings(eventId), enabled: true, capacity: 1 }, now);
  });
  afterEach(() => app.close());

  /** A confirmed reader signed in on the site. */
  async function reader(email: string) {
    const r = await app.signIn('reader', email);
    await app.ctx.db.updateTable('users').set({ email_confirmed_at: now.toISOString() }).where('id', '=', r.userId).execute();
    return r;
  }

  const authorizeUrl = (extra: Record<string, string> = {}) =>
    `/oauth/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: 'comments:write registrations:write',
      state: 'xyz',
      code_challenge: challengeOf(VERIFIER),
      code_challenge_method: 'S256',
      ...extra,
    })}`;

  /** Goes through consent and the token endpoint; returns the token answer. */
  async function tokensFor(r: { cookie: string }) {
    const code = await codeFor(r);
    const res = await api.call({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_id: clientId,
        code_verifier: VERIFIER,
      }).toString(),
    });
    expect(res.statusCode).toBe(200);
    return { ...(res.json() as { access_token: string; refresh_token: string; scope: string }), code };
  }

  /** The reader allows the app on the consent page; returns the code sent back to the app. */
  async function codeFor(r: { cookie: string }) {
    const page = await app.server.inject({ url: authorizeUrl(), headers: { cookie: r.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Allow Newsroom app?');
    expect(page.body).not.toMatch(/<script(?! type="application\/ld\+json")/);
    const fields = Object.fromEntries(
      [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]),
    );
    const allow = await app.server.inject({
      method: 'POST',
      url: '/oauth/authorize',
      headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, decision: 'allow' }).toString(),
    });
    expect(allow.statusCode).toBe(303);
    const back = new URL(String(allow.headers.location));
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('xyz');
    return back.searchParams.get('code')!;
  }

  it('issues reader tokens by authorisation code with PKCE, once, and refreshes them', async () => {
    const r = await reader('amina@example.org');
    const t = await tokensFor(r);
    expect(t.scope).toBe('comments:write registrations:write');
    const me = await api.call({ url: '/api/v1/me', headers: { authorization: `Bearer ${t.access_token}` } });
    expect(me.json()).toMatchObject({ id: r.userId, scopes: ['comments:write', 'registrations:write'] });
    const token = (body: Record<string, string>) =>
      api.call({
        method: 'POST',
        url: '/api/v1/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ client_id: clientId, ...body }).toString(),
      });
    const again = await token({ grant_type: 'authorization_code', code: t.code, redirect_uri: REDIRECT, code_verifier: VERIFIER });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: 'invalid_grant', status: 400 });
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json().access_token).not.toBe(t.access_token);
    expect((await token({ grant_type: 'refresh_token', refresh_token: t.refresh_token })).json().error).toBe('invalid_grant');
    expect((await token({ grant_type: 'password' })).statusCode).toBe(400);
    // A wrong verifier is refused, and the code is spent by the attempt.
    const code = await codeFor(r);
    const wrong = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: `${VERIFIER}x` });
    expect(wrong.json().error).toBe('invalid_grant');
    expect((await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER })).statusCode).toBe(400);
    // An access token lasts an hour.
    now = new Date('2026-03-01T14:00:00Z');
    expect((await api.call({ url: '/api/v1/me', headers: { authorization: `Bearer ${t.access_token}` } })).statusCode).toBe(401);
  });

  it('revokes tokens (RFC 7009) and lists connected apps for the reader to withdraw', async () => {
    const r = await reader('lin@example.org');
    const phone = await tokensFor(r);
    now = new Date('2026-03-01T12:01:00Z');
    const tablet = await tokensFor(r);
    const me = (token: string) => api.call({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    const revoke = (body: Record<string, string>) =>
      api.call({
        method: 'POST',
        url: '/api/v1/oauth/revoke',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(body).toString(),
      });
    // The refresh token of one device, and the access token issued with it; the other device keeps its access.
    const done = await revoke({ token: phone.refresh_token, client_id: clientId, token_type_hint: 'refresh_token' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({});
    expect((await me(phone.access_token)).statusCode).toBe(401);
    expect((await me(tablet.access_token)).statusCode).toBe(200);
    // Unknown or already revoked tokens are answered alike; another app's client_id revokes nothing.
    expect((await revoke({ token: 'cht_nothing', client_id: clientId })).statusCode).toBe(200);
    expect((await revoke({ token: phone.refresh_token, client_id: clientId })).statusCode).toBe(200);
    const other = newKey();
    await insertApiKey(
      app.ctx.db,
      {
        name: 'Other app',
        scopes: ['read'],
        origins: [],
        redirectUris: [],
        rateLimit: 10,
        expiresAt: null,
        prefix: other.prefix,
        hash: hashKey(other.key),
        createdBy: null,
      },
      now,
    );
    expect((await revoke({ token: tablet.access_token, client_id: other.prefix })).statusCode).toBe(200);
    expect((await me(tablet.access_token)).statusCode).toBe(200);
    const unknown = await revoke({ token: tablet.access_token, client_id: 'AAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error).toBe('invalid_client');
    expect((await revoke({ client_id: clientId })).statusCode).toBe(400);

    // The metadata names the endpoint.
    const meta = await app.server.inject('/.well-known/oauth-authorization-server');
    expect(meta.json()).toMatchObject({
      issuer: 'http://chancery.test',
      revocation_endpoint: 'http://chancery.test/api/v1/oauth/revoke',
      code_challenge_methods_supported: ['S256'],
    });

    // The reader's page lists the app with what it may do, and withdraws it everywhere.
    expect((await app.server.inject('/account/apps')).headers.location).toBe('/account/login?next=%2Faccount%2Fapps');
    const page = await app.server.inject({ url: '/account/apps', headers: { cookie: r.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Newsroom app');
    expect(page.body).toContain('register you for events');
    expect(page.body).not.toContain('Other app');
    const keyId = Number(/\/account\/apps\/(\d+)\/revoke/.exec(page.body)?.[1]);
    const forged = await app.server.inject({
      method: 'POST',
      url: `/account/apps/${keyId}/revoke`,
      headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=wrong',
    });
    expect(forged.statusCode).toBe(403);
    const withdraw = await app.server.inject({
      method: 'POST',
      url: `/account/apps/${keyId}/revoke`,
      headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: r.csrf }).toString(),
    });
    expect(withdraw.statusCode).toBe(303);
    expect((await me(tablet.access_token)).statusCode).toBe(401);
    const refresh = await api.call({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ client_id: clientId, grant_type: 'refresh_token', refresh_token: tablet.refresh_token }).toString(),
    });
    expect(refresh.json().error).toBe('invalid_grant');
    const after = await app.server.inject({ url: '/account/apps?notice=revoked', headers: { cookie: r.cookie } });
    expect(after.body).toContain('The app no longer has access to your account.');
    expect(after.body).toContain('No app has access to your account.');
    expect((await app.server.inject({ url: '/account', headers: { cookie: r.cookie } })).body).toContain('href="/account/apps"');
  });

  it('sends strangers to sign in and refuses unknown apps, addresses and scopes', async () => {
    const anonymous = await app.server.inject(authorizeUrl());
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/account\/login\?next=%2Foauth%2Fauthorize/);
    expect((await app.server.inject(authorizeUrl({ client_id: 'AAAAAAAAAAAA' }))).statusCode).toBe(400);
    expect((await app.server.inject(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }))).statusCode).toBe(400);
    const scope = await app.server.inject(authorizeUrl({ scope: 'facts:read' }));
    expect(scope.headers.location).toBe(`${REDIRECT}?error=invalid_scope&state=xyz`);
    const plain = await app.server.inject(authorizeUrl({ code_challenge_method: 'plain' }));
    expect(plain.headers.location).toBe(`${REDIRECT}?error=invalid_request&state=xyz`);
    const r = await reader('omar@example.org');
    const page = await app.server.inject({ url: authorizeUrl(), headers: { cookie: r.cookie } });
    const fields = Object.fromEntries(
      [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]),
    );
    const deny = await app.server.inject({
      method: 'POST',
      url: '/oauth/authorize',
      headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...fields, decision: 'deny' }).toString(),
    });
    expect(deny.headers.location).toBe(`${REDIRECT}?error=access_denied&state=xyz`);
  });

  it('posts comments and replies through moderation, likes and reports, and refuses bad bodies', async () => {
    const a = await reader('amina@example.org');
    const b = await reader('boris@example.org');
    const ta = (await tokensFor(a)).access_token;
    const tb = (await tokensFor(b)).access_token;
    const post = (token: string, body: unknown, headers: Record<string, string> = {}) =>
      api.call({
        method: 'POST',
        url: `/api/v1/articles/${articleId}/comments`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const first = await post(ta, { body: 'A thoughtful remark on transit corridors.' });
    expect(first.statusCode).toBe(201);
    const c = first.json();
    expect(['published', 'pending']).toContain(c.status);
    const stored = await app.ctx.db
      .selectFrom('comments')
      .select(['status', 'user_id'])
      .where('id', '=', c.comment.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: c.status, user_id: a.userId });
    if (c.status === 'pending')
      await app.ctx.db.updateTable('comments').set({ status: 'published' }).where('id', '=', c.comment.id).execute();
    const reply = await post(tb, { body: 'I disagree about the corridors.', parent_id: c.comment.id });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().comment.parent_id).toBe(c.comment.id);
    const like = await api.call({
      method: 'POST',
      url: `/api/v1/comments/${c.comment.id}/like`,
      headers: { authorization: `Bearer ${tb}` },
    });
    expect(like.json()).toEqual({ liked: true, likes: 1 });
    const report = await api.call({
      method: 'POST',
      url: `/api/v1/comments/${c.comment.id}/reports`,
      headers: { authorization: `Bearer ${tb}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ reason: 'Off topic' }),
    });
    expect(report.statusCode).toBe(201);
    expect(report.json()).toEqual({ reported: true });
    const own = await api.call({
      method: 'POST',
      url: `/api/v1/comments/${c.comment.id}/like`,
      headers: { authorization: `Bearer ${ta}` },
    });
    expect(own.statusCode).toBe(403);

    const unknown = await post(ta, { body: 'x', colour: 'blue' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ pointer: '/colour', detail: 'Unknown field.' }]);
    const wrongType = await post(ta, { body: 42 });
    expect(wrongType.json().errors[0]).toMatchObject({ pointer: '/body' });
    expect((await post(ta, '{not json')).statusCode).toBe(400);
    expect((await post(ta, 'body=x', { 'content-type': 'text/plain' })).statusCode).toBe(415);
    expect((await post(ta, { body: 'x'.repeat(70_000) })).statusCode).toBe(413);
    expect((await post(partnerKey, { body: 'As the app itself' })).statusCode).toBe(403);
    expect((await post('', { body: 'Nobody' }, { authorization: '' })).statusCode).toBe(401);
    const nowhere = await api.call({
      method: 'POST',
      url: '/api/v1/articles/99999/comments',
      headers: { authorization: `Bearer ${ta}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ body: 'Hello' }),
    });
    expect(nowhere.statusCode).toBe(404);
  });

  it('registers and cancels with the same capacity, waiting list and mails as the site', async () => {
    const a = await reader('amina@example.org');
    const b = await reader('boris@example.org');
    const ta = (await tokensFor(a)).access_token;
    const tb = (await tokensFor(b)).access_token;
    const register = (token: string, body: unknown) =>
      api.call({
        method: 'POST',
        url: `/api/v1/events/${eventId}/registration`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    const noTerms = await register(ta, { organisation: 'Institute' });
    expect(noTerms.statusCode).toBe(422);
    expect(noTerms.json().errors).toEqual([{ pointer: '/accept_terms', detail: expect.any(String) }]);
    const first = await register(ta, { organisation: 'Institute', country: 'KZ', accept_terms: true });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'confirmed', event_id: eventId });
    await smtp.waitFor((m) => m.to !== undefined && JSON.stringify(m.to).includes('amina@example.org'));
    expect((await register(ta, { accept_terms: true })).statusCode).toBe(409);
    const second = await register(tb, { accept_terms: true });
    expect(second.json()).toMatchObject({ status: 'waitlisted', waitlist_position: 1 });
    const places = (await api.call(`/api/v1/events/${eventId}`)).json().registration;
    expect(places).toMatchObject({ state: 'waitlist', places_left: 0 });
    const cancel = await api.call({
      method: 'DELETE',
      url: `/api/v1/events/${eventId}/registration`,
      headers: { authorization: `Bearer ${ta}` },
    });
    expect(cancel.json()).toEqual({ cancelled: true });
    const boris = await app.ctx.db
      .selectFrom('registrations')
      .select('status')
      .where('email', '=', 'boris@example.org')
      .executeTakeFirstOrThrow();
    expect(boris.status).toBe('offered');
    expect(
      (await api.call({ method: 'DELETE', url: `/api/v1/events/${eventId}/registration`, headers: { authorization: `Bearer ${ta}` } }))
        .statusCode,
    ).toBe(404);
  });
});
