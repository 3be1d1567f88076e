import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../../test/api.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { ANONYMOUS_RATE } from './api-key.js';

let now = new Date('2026-03-01T12:00:00Z');

describe.each(DIALECTS)('partner keys on %s', (dialect) => {
  let app: TestApp;
  let api: ApiClient;
  let admin: { cookie: string; csrf: string };

  beforeEach(async () => {
    now = new Date('2026-03-01T12:00:00Z');
    app = await testApp(dialect, { pageCache: false }, { clock: () => now });
    api = await apiClient(app);
    admin = await app.signIn('admin');
    const author = await makeAuthor(app.ctx.db, { slug: 'desk' });
    await makeArticle(app.ctx.db, { title: 'One', slug: 'one', authorIds: [author], publishedAt: new Date('2026-02-01T00:00:00Z') });
  });
  afterEach(() => app.close());

  /** Creates a key through the admin form; returns the secret shown once. */
  async function createKey(fields: Record<string, string | string[]>): Promise<string> {
    const params = new URLSearchParams({ _csrf: admin.csrf });
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) params.append(k, one);
    const res = await app.server.inject({
      method: 'POST',
      url: '/admin/api-keys',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    });
    expect(res.statusCode).toBe(200);
    const key = /chk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}/.exec(res.body)?.[0];
    expect(key).toBeDefined();
    return key!;
  }
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  it('creates a key shown once and stored hashed, refuses bad forms and non-admins', async () => {
    const key = await createKey({ name: 'Mobile app', scopes: ['read', 'facts:read'], rate_limit: '100' });
    const row = await app.ctx.db.selectFrom('api_keys').selectAll().executeTakeFirstOrThrow();
    expect(row.key_hash).not.toContain(key.slice(17));
    expect(key).toContain(row.prefix);
    const list = await app.server.inject({ url: '/admin/api-keys', headers: { cookie: admin.cookie } });
    expect(list.body).toContain('Mobile app');
    expect(list.body).not.toContain(key);
    const bad = await app.server.inject({
      method: 'POST',
      url: '/admin/api-keys',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: admin.csrf,
        name: '',
        scopes: 'everything',
        origins: 'not a url',
        rate_limit: '-1',
      }).toString(),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Choose scopes from the list.');
    expect(bad.body).toContain('is not an origin');
    const editor = await app.signIn('editor');
    expect((await app.server.inject({ url: '/admin/api-keys', headers: { cookie: editor.cookie } })).statusCode).toBe(403);
    const audit = await app.ctx.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'api_key').execute();
    expect(audit.map((a) => a.action)).toEqual(['api_key.create']);
  });

  it('reads with a key, announces its limit, and refuses unknown, revoked and expired keys', async () => {
    const key = await createKey({ name: 'Partner', scopes: 'read', rate_limit: '100', expires_on: '2026-06-01' });
    const ok = await api.call({ url: '/api/v1/articles', headers: bearer(key) });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['ratelimit-limit']).toBe('100');
    expect(ok.headers['ratelimit-remaining']).toBe('99');
    const anonymous = await api.call('/api/v1/articles');
    expect(anonymous.headers['ratelimit-limit']).toBe(String(ANONYMOUS_RATE));
    // The key with its last character changed (to another one: a key may end in A).
    const altered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const token of ['chk_nope', altered, `chk_AAAAAAAAAAAA_${'A'.repeat(43)}`]) {
      const r = await api.call({ url: '/api/v1/articles', headers: bearer(token) });
      expect(r.statusCode, token).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      expect(r.json().detail).toBe('The key is not one this service issued.');
    }
    now = new Date('2026-06-02T00:00:00Z');
    expect((await api.call({ url: '/api/v1/articles', headers: bearer(key) })).json().detail).toBe('The key has expired.');
    now = new Date('2026-03-02T00:00:00Z');
    const id = (await app.ctx.db.selectFrom('api_keys').select('id').executeTakeFirstOrThrow()).id;
    const revoke = await app.server.inject({
      method: 'POST',
      url: `/admin/api-keys/${id}/revoke`,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(admin.csrf)}`,
    });
    expect(revoke.statusCode).toBe(303);
    const revoked = await api.call({ url: '/api/v1/articles', headers: bearer(key) });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().detail).toBe('The key has been revoked.');
    const used = await app.ctx.db.selectFrom('api_keys').select('last_used_at').executeTakeFirstOrThrow();
    expect(used.last_used_at).toBe('2026-03-01T12:00:00.000Z');
  });

  it('lets only facts:read keys see facts under review', async () => {
    const reader = await createKey({ name: 'Reader', scopes: 'read' });
    const analyst = await createKey({ name: 'Analyst', scopes: ['read', 'facts:read'] });
    expect((await api.call({ url: '/api/v1/facts?status=review', headers: bearer(reader) })).statusCode).toBe(403);
    const r = await api.call({ url: '/api/v1/facts?status=review,rejected', headers: bearer(analyst) });
    expect(r.statusCode).toBe(200);
    expect(r.json().data).toEqual([]);
  });

  it('answers 429 with Retry-After past the limit, per key and for anyone without one', async () => {
    const key = await createKey({ name: 'Tiny', scopes: 'read', rate_limit: '3' });
    for (let i = 0; i < 3; i++) expect((await api.call({ url: '/api/v1/rubrics', headers: bearer(key) })).statusCode).toBe(200);
    const over = await api.call({ url: '/api/v1/rubrics', headers: bearer(key) });
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.headers['ratelimit-remaining']).toBe('0');
    expect(over.json()).toMatchObject({ status: 429, title: 'Too many requests' });
    // The key's limit is its own: anyone else still reads.
    expect((await api.call('/api/v1/rubrics')).statusCode).toBe(200);
    let last = 200;
    for (let i = 0; i < ANONYMOUS_RATE; i++) last = (await app.server.inject('/api/v1/rubrics')).statusCode;
    expect(last).toBe(429);
  });

  it("answers browsers only from the key's origins", async () => {
    const key = await createKey({ name: 'Web app', scopes: 'read', origins: 'https://app.example.org' });
    const ok = await api.call({ url: '/api/v1/articles', headers: { ...bearer(key), origin: 'https://app.example.org' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.example.org');
    expect(String(ok.headers['access-control-expose-headers'])).toContain('ratelimit-remaining');
    const elsewhere = await api.call({ url: '/api/v1/articles', headers: { ...bearer(key), origin: 'https://evil.example' } });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined();
    const open = await api.call({ url: '/api/v1/articles', headers: { origin: 'https://blog.example' } });
    expect(open.headers['access-control-allow-origin']).toBe('*');
    const preflight = await app.server.inject({
      method: 'OPTIONS',
      url: '/api/v1/articles',
      headers: {
        origin: 'https://app.example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.org');
    expect(preflight.headers['access-control-allow-headers']).toContain('authorization');
    const stranger = await app.server.inject({ method: 'OPTIONS', url: '/api/v1/articles', headers: { origin: 'https://evil.example' } });
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });
});
