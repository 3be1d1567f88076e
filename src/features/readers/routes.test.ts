import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { makeUser } from '../../../test/factories.js';
import { findReaderById } from './reader-store.js';
import { readerCanComment } from './reader.js';
import { csrfToken } from '../../platform/session.js';

const csrfFor = (a: TestApp, visitor: string) => csrfToken(a.ctx.config.sessionSecret, visitor);

const START = new Date('2026-06-01T10:00:00Z');

/** A browser-like client: keeps cookies, reads form tokens from the last page. */
class Client {
  jar = new Map<string, string>();
  csrf = '';
  stamp = '';
  constructor(
    private app: TestApp,
    private ip = '10.0.0.1',
  ) {}
  get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  private keep(res: { headers: Record<string, unknown> }) {
    const set = res.headers['set-cookie'];
    for (const c of ([] as string[]).concat((set as string | string[] | undefined) ?? [])) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i),
        value = pair.slice(i + 1);
      if (!value || attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a))) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
  async get(url: string) {
    const res = await this.app.server.inject({ method: 'GET', url, headers: { cookie: this.cookie }, remoteAddress: this.ip });
    this.keep(res);
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? this.csrf;
    this.stamp = /name="_ts" value="([^"]+)"/.exec(res.body)?.[1] ?? this.stamp;
    return res;
  }
  async post(url: string, fields: Record<string, string>, opts: { csrf?: boolean } = {}) {
    const body = new URLSearchParams({ ...(opts.csrf === false ? {} : { _csrf: this.csrf }), ...fields }).toString();
    const res = await this.app.server.inject({
      method: 'POST',
      url,
      payload: body,
      remoteAddress: this.ip,
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    this.keep(res);
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? this.csrf;
    this.stamp = /name="_ts" value="([^"]+)"/.exec(res.body)?.[1] ?? this.stamp;
    return res;
  }
}

const linkIn = (text: string, path: string) => {
  const m = new RegExp(`http://chancery\\.test(${path.replace(/\//g, '\\/')}\\?token=[A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return m[1];
};

describe.each(DIALECTS)('reader accounts on %s', (dialect) => {
  let smtp: TestSmtp;
  let app: TestApp;
  let now: Date;
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(async () => {
    now = START;
    app = await testApp(dialect, { smtpUrl: smtp.url }, { clock: () => now });
    smtp.pump = () => app.sendQueuedMail();
  });
  afterEach(async () => {
    await app.close();
  });

  async function signUp(c: Client, email: string, name = 'Reader One', password = 'a long enough secret') {
    const form = await c.get('/account/signup');
    expect(form.statusCode).toBe(200);
    later(5000);
    return c.post('/account/signup', { name, email, password, website: '', _ts: c.stamp });
  }
  async function logIn(c: Client, email: string, password: string) {
    await c.get('/account/login');
    return c.post('/account/login', { email, password, next: '/account' });
  }

  it('signs up, mails a confirmation link that confirms once, signs in and out', async () => {
    const c = new Client(app);
    const res = await signUp(c, 'Ada@Example.org', 'Ada Lovelace');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('Check your mail');
    expect(res.body).toContain('ada@example.org');
    const mail = await smtp.waitFor(
      (m) => !!m.to && JSON.stringify(m.to).includes('ada@example.org') && /Confirm your email/.test(m.subject ?? ''),
    );
    expect(mail.text).toContain('Hello Ada Lovelace');
    const link = linkIn(mail.text ?? '', '/account/confirm');

    const row = await app.ctx.db.selectFrom('users').selectAll().where('email', '=', 'ada@example.org').executeTakeFirstOrThrow();
    expect(row.role).toBe('reader');
    expect(row.password_hash).not.toContain('a long enough secret');
    const tokens = await app.ctx.db.selectFrom('user_tokens').selectAll().where('user_id', '=', row.id).execute();
    expect(tokens).toHaveLength(1);
    expect(link).not.toContain(tokens[0].id); // only the hash is stored
    expect(tokens[0].expires_at).toBe(new Date(now.getTime() + 48 * 3600_000).toISOString());

    // Unconfirmed readers may sign in but not comment.
    const login = await logIn(c, 'ada@example.org', 'a long enough secret');
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/account');
    const profile = await c.get('/account');
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain('not confirmed yet');
    expect(profile.body).toContain('<a href="/account">Ada Lovelace</a>');
    expect(readerCanComment((await findReaderById(app.ctx.db, row.id))!)).toBe(false);

    const confirm = await c.get(link);
    expect(confirm.statusCode).toBe(303);
    expect(confirm.headers.location).toBe('/account?notice=confirmed');
    expect(readerCanComment((await findReaderById(app.ctx.db, row.id))!)).toBe(true);
    expect((await c.get('/account?notice=confirmed')).body).toContain('Your email address is confirmed');
    const again = await new Client(app).get(link);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This link no longer works');

    const out = await c.post('/account/logout', {});
    expect(out.statusCode).toBe(303);
    expect(await app.ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', row.id).execute()).toHaveLength(0);
    const after = await c.get('/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/account/login?next=%2Faccount');
  });

  it('an expired confirmation link does nothing', async () => {
    const c = new Client(app);
    await signUp(c, 'late@example.org');
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('late@example.org'));
    later(48 * 3600_000 + 1000);
    const res = await new Client(app).get(linkIn(mail.text ?? '', '/account/confirm'));
    expect(res.statusCode).toBe(400);
    const row = await app.ctx.db
      .selectFrom('users')
      .select('email_confirmed_at')
      .where('email', '=', 'late@example.org')
      .executeTakeFirstOrThrow();
    expect(row.email_confirmed_at).toBeNull();
  });

  it('an address already registered gets the same page and a reminder mail, no second account', async () => {
    await makeUser(app.ctx.db, { role: 'reader', email: 'taken@example.org', name: 'Taken' });
    const c = new Client(app);
    const res = await signUp(c, 'taken@example.org', 'Someone Else');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Check your mail');
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('taken@example.org'));
    expect(mail.subject).toMatch(/already have an account/);
    expect(mail.text).toContain('http://chancery.test/account/reset');
    const rows = await app.ctx.db.selectFrom('users').select(['name']).where('email', '=', 'taken@example.org').execute();
    expect(rows).toEqual([{ name: 'Taken' }]);
  });

  it('invalid sign-up input is shown again with 422, values kept but never the password', async () => {
    const c = new Client(app);
    await c.get('/account/signup');
    later(5000);
    const res = await c.post('/account/signup', { name: 'A', email: 'not-an-address', password: 'short-pw', website: '', _ts: c.stamp });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('at least 2 characters');
    expect(res.body).toContain('Enter an email address');
    expect(res.body).toContain('at least 10 characters');
    expect(res.body).toContain('value="not-an-address"');
    expect(res.body).not.toContain('short-pw');
    expect(await app.ctx.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a filled honeypot and a form sent too fast', async () => {
    const c = new Client(app);
    await c.get('/account/signup');
    later(5000);
    const bot = await c.post('/account/signup', {
      name: 'Bot Bot',
      email: 'bot@example.org',
      password: 'a long enough secret',
      website: 'http://spam.example',
      _ts: c.stamp,
    });
    expect(bot.statusCode).toBe(422);
    expect(bot.body).toContain('could not accept this form');
    await c.get('/account/signup');
    later(1000);
    const fast = await c.post('/account/signup', {
      name: 'Quick Quick',
      email: 'quick@example.org',
      password: 'a long enough secret',
      website: '',
      _ts: c.stamp,
    });
    expect(fast.statusCode).toBe(422);
    expect(fast.body).toContain('faster than a person');
    expect(fast.body).toContain('value="quick@example.org"');
    const noStamp = await c.post('/account/signup', { name: 'No Stamp', email: 'nostamp@example.org', password: 'a long enough secret' });
    expect(noStamp.statusCode).toBe(422);
    expect(await app.ctx.db.selectFrom('users').selectAll().execute()).toHaveLength(0);
    await smtp.settle();
    expect(smtp.messages.some((m) => /bot@|quick@|nostamp@/.test(JSON.stringify(m.to)))).toBe(false);
  });

  it('refuses forms without a CSRF token', async () => {
    const c = new Client(app);
    await c.get('/account/signup');
    later(5000);
    const res = await c.post(
      '/account/signup',
      { name: 'No Token', email: 'nt@example.org', password: 'a long enough secret', _ts: c.stamp },
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
    const login = await c.post('/account/login', { email: 'x@example.org', password: 'whatever' }, { csrf: false });
    expect(login.statusCode).toBe(403);
    const user = await app.signIn('reader');
    const del = await app.server.inject({
      method: 'POST',
      url: '/account/delete',
      headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'delete_password=correct+horse+battery',
    });
    expect(del.statusCode).toBe(403);
    expect((await findReaderById(app.ctx.db, user.userId))!.deletedAt).toBeNull();
  });

  it('resets a forgotten password by the mailed link: the old password stops working, sessions end', async () => {
    const id = await makeUser(app.ctx.db, { role: 'reader', email: 'forgot@example.org', name: 'Forgetful' });
    const other = new Client(app, '10.0.0.9');
    expect((await logIn(other, 'forgot@example.org', 'correct horse battery')).statusCode).toBe(303);
    const c = new Client(app);
    await c.get('/account/reset');
    later(2000);
    const res = await c.post('/account/reset', { email: 'forgot@example.org', website: '', _ts: c.stamp });
    expect(res.statusCode).toBe(200);
    const unknown = await c.post('/account/reset', { email: 'nobody@example.org', website: '', _ts: c.stamp });
    // The same answer whether or not the address has an account.
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body.replace(/nobody@example\.org/g, 'X').replace(/name="_csrf" value="[^"]+"/g, '')).toBe(
      res.body.replace(/forgot@example\.org/g, 'X').replace(/name="_csrf" value="[^"]+"/g, ''),
    );
    const mail = await smtp.waitFor(
      (m) => JSON.stringify(m.to).includes('forgot@example.org') && /Reset your password/.test(m.subject ?? ''),
    );
    const link = linkIn(mail.text ?? '', '/account/reset/confirm');
    await smtp.settle();
    expect(smtp.messages.some((m) => JSON.stringify(m.to).includes('nobody@example.org'))).toBe(false);

    const form = await c.get(link);
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const short = await c.post('/account/reset/confirm', { token, password: 'tiny' });
    expect(short.statusCode).toBe(422);
    const done = await c.post('/account/reset/confirm', { token, password: 'a brand new passphrase' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account/login?notice=password_reset');
    expect(await app.ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', id).execute()).toHaveLength(0);
    expect((await other.get('/account')).statusCode).toBe(303);
    expect((await logIn(new Client(app, '10.0.0.2'), 'forgot@example.org', 'correct horse battery')).statusCode).toBe(422);
    expect((await logIn(new Client(app, '10.0.0.3'), 'forgot@example.org', 'a brand new passphrase')).statusCode).toBe(303);
    // Single use.
    expect((await c.post('/account/reset/confirm', { token, password: 'yet another passphrase' })).statusCode).toBe(400);
    expect((await new Client(app).get(link)).statusCode).toBe(400);
  });

  it('a reset link expires after an hour', async () => {
    await makeUser(app.ctx.db, { role: 'reader', email: 'slow@example.org' });
    const c = new Client(app);
    await c.get('/account/reset');
    later(2000);
    await c.post('/account/reset', { email: 'slow@example.org', website: '', _ts: c.stamp });
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('slow@example.org'));
    later(3600_000 + 1000);
    const link = linkIn(mail.text ?? '', '/account/reset/confirm');
    expect((await c.get(link)).statusCode).toBe(400);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    expect((await c.post('/account/reset/confirm', { token, password: 'a brand new passphrase' })).statusCode).toBe(400);
  });

  it('changes the display name and the reply-notification preference', async () => {
    const id = await makeUser(app.ctx.db, { role: 'reader', email: 'pref@example.org', name: 'Old Name' });
    const c = new Client(app);
    await logIn(c, 'pref@example.org', 'correct horse battery');
    await c.get('/account');
    const bad = await c.post('/account/name', { name: ' x ' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('at least 2 characters');
    const ok = await c.post('/account/name', { name: '  Nadia   <b>K</b> ' });
    expect(ok.statusCode).toBe(303);
    const page = await c.get(ok.headers.location as string);
    expect(page.body).toContain('Your display name is saved');
    expect(page.body).toContain('Nadia &lt;b>K&lt;/b>');
    expect((await findReaderById(app.ctx.db, id))!.name).toBe('Nadia <b>K</b>');
    expect((await findReaderById(app.ctx.db, id))!.notifyReplies).toBe(true);
    expect((await c.post('/account/notifications', {})).headers.location).toBe('/account?notice=notify_off');
    expect((await findReaderById(app.ctx.db, id))!.notifyReplies).toBe(false);
    expect((await c.get('/account')).body).not.toMatch(/name="notify_replies" value="on" checked/);
    await c.post('/account/notifications', { notify_replies: 'on' });
    expect((await findReaderById(app.ctx.db, id))!.notifyReplies).toBe(true);
  });

  it('deleting the account anonymises it and keeps the row', async () => {
    const id = await makeUser(app.ctx.db, { role: 'reader', email: 'gone@example.org', name: 'Soon Gone' });
    const c = new Client(app);
    await logIn(c, 'gone@example.org', 'correct horse battery');
    await c.get('/account');
    const wrong = await c.post('/account/delete', { delete_password: 'not my password' });
    expect(wrong.statusCode).toBe(422);
    expect((await findReaderById(app.ctx.db, id))!.deletedAt).toBeNull();
    const res = await c.post('/account/delete', { delete_password: 'correct horse battery' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/deleted');
    const row = await app.ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Deleted user', email: `deleted-${id}@invalid`, password_hash: '', deleted_at: now.toISOString() });
    expect(await app.ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', id).execute()).toHaveLength(0);
    expect((await c.get('/account')).statusCode).toBe(303);
    expect((await logIn(new Client(app, '10.0.0.4'), 'gone@example.org', 'correct horse battery')).statusCode).toBe(422);
    // The address is free again.
    await signUp(new Client(app, '10.0.0.5'), 'gone@example.org', 'Back Again');
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('gone@example.org'));
    expect(mail.subject).toMatch(/Confirm your email/);
  });

  it('staff sign in only at /admin/login: the reader form refuses them and the reset form mails them nothing', async () => {
    await makeUser(app.ctx.db, { role: 'editor', email: 'ed@example.org', name: 'Ed Itor' });
    const c = new Client(app);
    const res = await logIn(c, 'ed@example.org', 'correct horse battery');
    expect(res.statusCode).toBe(422);
    expect(c.jar.has('chancery_session')).toBe(false);

    const rc = new Client(app, '10.0.0.9');
    await rc.get('/account/reset');
    later(2000);
    const reset = await rc.post('/account/reset', { email: 'ed@example.org', website: '', _ts: rc.stamp });
    // The same page as for any address, so the form does not tell who is staff; but no link is mailed.
    expect(reset.statusCode).toBe(200);
    expect(reset.body).toContain('Check your mail');
    await smtp.settle();
    expect(smtp.messages.some((m) => JSON.stringify(m.to).includes('ed@example.org'))).toBe(false);

    await makeUser(app.ctx.db, { role: 'reader', email: 'rd@example.org' });
    const r = new Client(app, '10.0.0.6');
    await logIn(r, 'rd@example.org', 'correct horse battery');
    const admin = await r.get('/admin');
    expect(admin.statusCode).toBe(303);
    expect(admin.headers.location).toMatch(/^\/admin\/login/);
    expect((await r.get('/admin/outbox')).statusCode).toBe(303);
    expect(r.jar.has('chancery_session')).toBe(true);
  });

  it('wrong passwords from everywhere slow strangers down but never lock the owner out', async () => {
    await makeUser(app.ctx.db, { role: 'reader', email: 'owner@example.org' });
    // The owner signed in on this browser before: it carries the account's device cookie.
    const owner = new Client(app, '10.9.9.9');
    expect((await logIn(owner, 'owner@example.org', 'correct horse battery')).statusCode).toBe(303);
    await owner.get('/account');
    expect((await owner.post('/account/logout', {})).statusCode).toBe(303);
    // Ten wrong passwords, each from another address.
    const codes: number[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await logIn(new Client(app, `10.8.8.${i}`), 'owner@example.org', 'wrong password')).statusCode);
    // Five free; after the fifth, strangers wait whatever they send.
    expect(codes).toEqual([422, 422, 422, 422, 422, 429, 429, 429, 429, 429]);
    const stranger = await logIn(new Client(app, '10.7.7.7'), 'owner@example.org', 'correct horse battery');
    expect(stranger.statusCode).toBe(429);
    expect(stranger.body).toContain('Please wait 2 seconds');
    // Each further wrong guess doubles the wait: 2 s, then 4 s.
    later(2000);
    expect((await logIn(new Client(app, '10.7.7.8'), 'owner@example.org', 'wrong again')).statusCode).toBe(422);
    expect((await logIn(new Client(app, '10.7.7.9'), 'owner@example.org', 'x')).body).toContain('Please wait 4 seconds');
    // The owner's browser is not held back: the right password, first time.
    expect((await logIn(owner, 'owner@example.org', 'correct horse battery')).statusCode).toBe(303);
  });

  it('a reset link lifts the delay on an account from a new browser', async () => {
    await makeUser(app.ctx.db, { role: 'reader', email: 'mine@example.org', name: 'Mine' });
    for (let i = 0; i < 5; i++) await logIn(new Client(app, `10.6.1.${i}`), 'mine@example.org', 'wrong password');
    const fresh = new Client(app, '10.6.2.1');
    expect((await logIn(fresh, 'mine@example.org', 'correct horse battery')).statusCode).toBe(429);
    await fresh.get('/account/reset');
    later(2000);
    await fresh.post('/account/reset', { email: 'mine@example.org', website: '', _ts: fresh.stamp });
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('mine@example.org'));
    await fresh.get(linkIn(mail.text ?? '', '/account/reset/confirm'));
    expect(
      (
        await fresh.post('/account/reset/confirm', {
          token: /name="token" value="([^"]+)"/.exec((await fresh.get(linkIn(mail.text ?? '', '/account/reset/confirm'))).body)![1],
          password: 'a brand new password',
        })
      ).statusCode,
    ).toBe(303);
    expect((await logIn(fresh, 'mine@example.org', 'a brand new password')).statusCode).toBe(303);
  });

  it('a forged X-Forwarded-For does not buy new tries unless the proxy is trusted', async () => {
    const guesses = async (a: TestApp) => {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await a.server.inject({
          method: 'POST',
          url: '/admin/login',
          remoteAddress: '10.20.0.1',
          headers: { 'x-forwarded-for': `192.0.2.${i}`, cookie: 'chancery_visitor=abcdefghijklmnopqrstuv' },
          payload: { _csrf: csrfFor(a, 'abcdefghijklmnopqrstuv'), email: `nobody${i}@example.org`, password: 'guess' },
        });
        codes.push(res.statusCode);
      }
      return codes;
    };
    // Trusting no proxy (the default), the twelve guesses come from one address: the eleventh waits.
    expect((await guesses(app)).slice(9)).toEqual([422, 429, 429]);
    // Behind a trusted proxy the header is believed (and each forwarded address counted on its own).
    const proxied = await testApp(dialect, { trustedProxies: ['10.20.0.0/16'] }, { clock: () => now });
    try {
      expect(await guesses(proxied)).toEqual(Array(12).fill(422));
    } finally {
      await proxied.close();
    }
  });

  it("lists the reader's sessions with this browser marked, and ends another or all the others", async () => {
    await makeUser(app.ctx.db, { role: 'reader', email: 'many@example.org' });
    const browsers = [new Client(app, '10.0.0.21'), new Client(app, '10.0.0.22'), new Client(app, '10.0.0.23')];
    for (const c of browsers) expect((await logIn(c, 'many@example.org', 'correct horse battery')).statusCode).toBe(303);
    const [first, second, third] = browsers;
    const page = await third.get('/account');
    expect(page.body).toContain('10.0.0.21');
    expect(page.body).toContain('10.0.0.22');
    expect(page.body).toMatch(/10\.0\.0\.23/);
    expect(page.body).toContain('(this browser)');
    const ends = [...page.body.matchAll(/action="\/account\/sessions\/([0-9a-f]{64})\/end"/g)].map((m) => m[1]);
    expect(ends).toHaveLength(2);
    const stranger = new Client(app, '10.0.0.30');
    await makeUser(app.ctx.db, { role: 'reader', email: 'other@example.org' });
    await logIn(stranger, 'other@example.org', 'correct horse battery');
    await stranger.get('/account');
    expect((await stranger.post(`/account/sessions/${ends[0]}/end`, {})).statusCode).toBe(404);

    const row = await app.ctx.db.selectFrom('sessions').select('ip').where('id', '=', ends[0]).executeTakeFirstOrThrow();
    expect((await third.post(`/account/sessions/${ends[0]}/end`, {})).statusCode).toBe(303);
    const [gone, kept] = row.ip === '10.0.0.21' ? [first, second] : [second, first];
    expect((await gone.get('/account')).statusCode).toBe(303);
    expect((await kept.get('/account')).statusCode).toBe(200);
    await third.get('/account');
    expect((await third.post('/account/sessions/end-others', {})).statusCode).toBe(303);
    expect((await kept.get('/account')).statusCode).toBe(303);
    const mine = await third.get('/account?notice=sessions_ended');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('Those sessions are signed out.');
  });

  it('only local paths are followed after sign-in', async () => {
    await makeUser(app.ctx.db, { role: 'reader', email: 'nx@example.org' });
    const c = new Client(app);
    await c.get('/account/login');
    const res = await c.post('/account/login', { email: 'nx@example.org', password: 'correct horse battery', next: '//evil.example/x' });
    expect(res.headers.location).toBe('/account');
    const c2 = new Client(app, '10.0.0.7');
    await c2.get('/account/login?next=/article/some-story%23comments');
    const ok = await c2.post('/account/login', {
      email: 'nx@example.org',
      password: 'correct horse battery',
      next: '/article/some-story#comments',
    });
    expect(ok.headers.location).toBe('/article/some-story#comments');
  });

  it('rate-limits sign-up per address, login per address and per account, reset per address and per account', async () => {
    const c = new Client(app, '10.1.1.1');
    for (let i = 0; i < 5; i++) expect((await signUp(c, `many${i}@example.org`, `Many ${i}`)).statusCode).toBe(200);
    const over = await signUp(c, 'many5@example.org', 'Many Five');
    expect(over.statusCode).toBe(429);
    expect(over.body).toContain('Too many accounts');
    expect((await signUp(new Client(app, '10.1.1.2'), 'other@example.org', 'Other One')).statusCode).toBe(200);
    later(3600_000);
    expect((await signUp(c, 'many6@example.org', 'Many Six')).statusCode).toBe(200);

    await makeUser(app.ctx.db, { role: 'reader', email: 'target@example.org' });
    const attacker = new Client(app, '10.2.2.2');
    await attacker.get('/account/login');
    for (let i = 0; i < 10; i++)
      expect((await attacker.post('/account/login', { email: `guess${i}@example.org`, password: 'nope' })).statusCode).toBe(422);
    const ipBlocked = await attacker.post('/account/login', { email: 'target@example.org', password: 'correct horse battery' });
    expect(ipBlocked.statusCode).toBe(429);
    expect(ipBlocked.body).toContain('Too many wrong passwords');
    later(1000);
    expect((await attacker.post('/account/login', { email: 'target@example.org', password: 'correct horse battery' })).statusCode).toBe(
      303,
    );

    const rc = new Client(app, '10.5.5.5');
    await rc.get('/account/reset');
    later(2000);
    for (let i = 0; i < 3; i++)
      expect((await rc.post('/account/reset', { email: 'target@example.org', website: '', _ts: rc.stamp })).statusCode).toBe(200);
    expect((await rc.post('/account/reset', { email: 'target@example.org', website: '', _ts: rc.stamp })).statusCode).toBe(429);
    const rc2 = new Client(app, '10.6.6.6');
    await rc2.get('/account/reset');
    later(2000);
    for (let i = 0; i < 5; i++)
      expect((await rc2.post('/account/reset', { email: `r${i}@example.org`, website: '', _ts: rc2.stamp })).statusCode).toBe(200);
    const ipOver = await rc2.post('/account/reset', { email: 'r9@example.org', website: '', _ts: rc2.stamp });
    expect(ipOver.statusCode).toBe(429);
    expect(ipOver.body).toContain('Too many reset requests');
  });

  it('masthead shows Sign in to visitors and the name to a signed-in reader on account pages', async () => {
    const anon = await new Client(app).get('/account/login');
    expect(anon.body).toContain('<p class="masthead-account"><a href="/account/login">Sign in</a></p>');
    await makeUser(app.ctx.db, { role: 'reader', email: 'mh@example.org', name: 'Mast Head' });
    const c = new Client(app);
    await logIn(c, 'mh@example.org', 'correct horse battery');
    expect((await c.get('/account')).body).toContain('<p class="masthead-account"><a href="/account">Mast Head</a></p>');
  });
});
