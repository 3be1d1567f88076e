import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeUser } from '../../../test/factories.js';
import { totpCode } from '../../platform/second-factor-store.js';
import { describeAgent } from '../../platform/user-agent.js';

function cookiesOf(res: { headers: Record<string, unknown> }): string {
  const set = res.headers['set-cookie'];
  const list = Array.isArray(set) ? set : set ? [String(set)] : [];
  return list.map((c) => String(c).split(';')[0]).join('; ');
}
const csrfOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)![1];
const PASSWORD = 'correct horse battery';

describe('describeAgent', () => {
  it('names the browser and system in a few words', () => {
    expect(
      describeAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'),
    ).toBe('Chrome · Windows');
    expect(
      describeAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1'),
    ).toBe('Safari · iOS');
    expect(describeAgent('')).toBe('');
  });
});

describe.each(DIALECTS)('second factor, sessions and re-authentication on %s', (dialect) => {
  let app: TestApp;
  let now: Date;
  const clock = () => now;
  beforeEach(async () => {
    now = new Date('2026-12-07T09:00:00Z');
    app = await testApp(dialect, {}, { clock });
  });
  afterEach(() => app.close());

  /** Signs in through the form; returns the cookies and where the form sent the browser. */
  async function passwordStep(email: string, password = PASSWORD, agent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0') {
    const form = await app.server.inject({ method: 'GET', url: '/admin/login' });
    const cookie = cookiesOf(form);
    const res = await app.server.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie, 'user-agent': agent },
      payload: { _csrf: csrfOf(form.body), email, password, next: '/admin' },
    });
    return { res, cookie: [cookie, cookiesOf(res)].filter(Boolean).join('; ') };
  }

  async function codeStep(cookie: string, code: string) {
    const form = await app.server.inject({ method: 'GET', url: '/admin/login/code?next=%2Fadmin', headers: { cookie } });
    expect(form.statusCode).toBe(200);
    return app.server.inject({
      method: 'POST',
      url: '/admin/login/code',
      headers: { cookie },
      payload: { _csrf: csrfOf(form.body), code, next: '/admin' },
    });
  }

  /** Enrols the signed-in person's authenticator app; returns its secret and the recovery codes. */
  async function enrol(cookie: string) {
    const page = await app.server.inject({ method: 'GET', url: '/admin/account', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<img class="qr" src="data:image\/svg\+xml;base64,/);
    const secret = /<code class="api-key">([A-Z2-7 ]+)<\/code>/.exec(page.body)![1].replace(/ /g, '');
    const wrong = await app.server.inject({
      method: 'POST',
      url: '/admin/account/second-factor',
      headers: { cookie },
      payload: { _csrf: csrfOf(page.body), code: '000000' === totpCode(secret, now) ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(422);
    const res = await app.server.inject({
      method: 'POST',
      url: '/admin/account/second-factor',
      headers: { cookie },
      payload: { _csrf: csrfOf(page.body), code: totpCode(secret, now) },
    });
    expect(res.statusCode).toBe(200);
    const codes = [...res.body.matchAll(/<li><code>([A-Z2-7]{5}-[A-Z2-7]{5})<\/code><\/li>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    const stored = await app.ctx.db.selectFrom('user_recovery_codes').select('code_hash').execute();
    expect(stored.map((r) => r.code_hash)).not.toContain(codes[0]);
    return { secret, codes };
  }

  it('enrols an app, then asks for its code after the password, once per code, and takes a recovery code once', async () => {
    const { cookie } = await app.signIn('editor', 'ed@example.org');
    const { secret, codes } = await enrol(cookie);
    now = new Date(now.getTime() + 60_000);

    const first = await passwordStep('ed@example.org');
    expect(first.res.statusCode).toBe(303);
    expect(first.res.headers.location).toBe('/admin/login/code?next=%2Fadmin');
    const before = await app.ctx.db.selectFrom('sessions').select('id').execute();
    expect(before).toHaveLength(1); // only the session that enrolled: the password alone started none

    expect((await codeStep(first.cookie, '123456' === totpCode(secret, now) ? '654321' : '123456')).statusCode).toBe(422);
    const ok = await codeStep(first.cookie, totpCode(secret, now));
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin');
    expect(cookiesOf(ok)).toMatch(/chancery_session=/);

    // The same code again, within its 30 seconds, is refused.
    const again = await passwordStep('ed@example.org');
    expect((await codeStep(again.cookie, totpCode(secret, now))).statusCode).toBe(422);
    // A recovery code works once, typed in lower case with spaces.
    const recovery = codes[3].toLowerCase().replace('-', ' ');
    expect((await codeStep(again.cookie, recovery)).statusCode).toBe(303);
    const third = await passwordStep('ed@example.org');
    expect((await codeStep(third.cookie, recovery)).statusCode).toBe(422);
  });

  it('does not let the code form be reached without the password, nor a forged pending cookie', async () => {
    await makeUser(app.ctx.db, { role: 'editor', email: 'ed@example.org' });
    const res = await app.server.inject({ method: 'GET', url: '/admin/login/code' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/login/);
    const form = await app.server.inject({ method: 'GET', url: '/admin/login' });
    const cookie = `${cookiesOf(form)}; chancery_pending=1.${now.getTime() + 60_000}.forged`;
    const post = await app.server.inject({
      method: 'POST',
      url: '/admin/login/code',
      headers: { cookie },
      payload: { _csrf: csrfOf(form.body), code: '123456', next: '/admin' },
    });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toMatch(/^\/admin\/login/);
    expect(cookiesOf(post)).not.toMatch(/chancery_session=/);
  });

  it('limits code guesses per account: after five wrong codes even the right one waits', async () => {
    const { cookie } = await app.signIn('editor', 'ed@example.org');
    const { secret } = await enrol(cookie);
    now = new Date(now.getTime() + 60_000);
    const { cookie: pending } = await passwordStep('ed@example.org');
    const right = totpCode(secret, now);
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await codeStep(pending, wrong)).statusCode).toBe(422);
    expect((await codeStep(pending, wrong)).statusCode).toBe(429);
    const limited = await codeStep(pending, right);
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many wrong codes');
    now = new Date(now.getTime() + 61_000);
    const { cookie: later } = await passwordStep('ed@example.org');
    expect((await codeStep(later, totpCode(secret, now))).statusCode).toBe(303);
  });

  it('sends an administrator without a second factor to enrolment when the newsroom requires one', async () => {
    const first = await app.signIn('admin', 'first@example.org');
    const page = await app.server.inject({ method: 'GET', url: '/admin/account', headers: { cookie: first.cookie } });
    // Requiring it before having it is refused: the administrator would lock themselves into enrolment.
    const early = await app.server.inject({
      method: 'POST',
      url: '/admin/account/policy',
      headers: { cookie: first.cookie },
      payload: { _csrf: csrfOf(page.body), admins_need_second_factor: '1' },
    });
    expect(early.statusCode).toBe(409);
    await enrol(first.cookie);
    const on = await app.server.inject({
      method: 'POST',
      url: '/admin/account/policy',
      headers: { cookie: first.cookie },
      payload: { _csrf: csrfOf(page.body), admins_need_second_factor: '1' },
    });
    expect(on.statusCode).toBe(303);
    expect((await app.server.inject({ method: 'GET', url: '/admin', headers: { cookie: first.cookie } })).statusCode).toBe(200);

    const other = await app.signIn('admin', 'second@example.org');
    const sent = await app.server.inject({ method: 'GET', url: '/admin/staff', headers: { cookie: other.cookie } });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/admin/account?enrol=required');
    const posted = await app.server.inject({
      method: 'POST',
      url: '/admin/staff',
      headers: { cookie: other.cookie },
      payload: { _csrf: other.csrf, name: 'New', email: 'new@example.org', role: 'admin' },
    });
    expect(posted.statusCode).toBe(403);
    const enrolPage = await app.server.inject({ method: 'GET', url: '/admin/account?enrol=required', headers: { cookie: other.cookie } });
    expect(enrolPage.statusCode).toBe(200);
    expect(enrolPage.body).toContain('requires administrators');
    // Editors are not held to the administrators' rule.
    const editor = await app.signIn('editor');
    expect((await app.server.inject({ method: 'GET', url: '/admin', headers: { cookie: editor.cookie } })).statusCode).toBe(200);
    // And the enrolled administrator may not turn theirs off while the rule stands.
    const off = await app.server.inject({
      method: 'POST',
      url: '/admin/account/second-factor/remove',
      headers: { cookie: first.cookie },
      payload: { _csrf: first.csrf },
    });
    expect(off.statusCode).toBe(409);
  });

  it('lists the sessions of the account, marks this one, and ends another or all the others', async () => {
    await makeUser(app.ctx.db, { role: 'author', email: 'au@example.org' });
    const phone = await passwordStep('au@example.org', PASSWORD, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1');
    const tablet = await passwordStep('au@example.org', PASSWORD, 'Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Safari/537.36');
    const desk = await passwordStep('au@example.org', PASSWORD, 'Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537.36');
    const page = await app.server.inject({ method: 'GET', url: '/admin/account', headers: { cookie: desk.cookie } });
    expect(page.body).toContain('Safari · iOS');
    expect(page.body).toContain('Chrome · Android');
    expect(page.body).toMatch(/Chrome · Windows<strong class="tag"> this browser<\/strong>/);
    const ends = [...page.body.matchAll(/action="\/admin\/account\/sessions\/([0-9a-f]{64})\/end"/g)].map((m) => m[1]);
    expect(ends).toHaveLength(2);

    // Another person's session cannot be ended from here.
    const stranger = await app.signIn('author');
    const theirs = await app.server.inject({
      method: 'POST',
      url: `/admin/account/sessions/${ends[0]}/end`,
      headers: { cookie: stranger.cookie },
      payload: { _csrf: stranger.csrf },
    });
    expect(theirs.statusCode).toBe(404);

    const row = await app.ctx.db.selectFrom('sessions').select('user_agent').where('id', '=', ends[0]).executeTakeFirstOrThrow();
    const ended = await app.server.inject({
      method: 'POST',
      url: `/admin/account/sessions/${ends[0]}/end`,
      headers: { cookie: desk.cookie },
      payload: { _csrf: csrfOf(page.body) },
    });
    expect(ended.statusCode).toBe(303);
    const gone = row.user_agent.includes('iPhone') ? phone : tablet;
    const kept = gone === phone ? tablet : phone;
    expect((await app.server.inject({ method: 'GET', url: '/admin', headers: { cookie: gone.cookie } })).statusCode).toBe(303);
    expect((await app.server.inject({ method: 'GET', url: '/admin', headers: { cookie: kept.cookie } })).statusCode).toBe(200);

    const everywhere = await app.server.inject({
      method: 'POST',
      url: '/admin/account/sessions/end-others',
      headers: { cookie: desk.cookie },
      payload: { _csrf: csrfOf(page.body) },
    });
    expect(everywhere.statusCode).toBe(303);
    expect((await app.server.inject({ method: 'GET', url: '/admin', headers: { cookie: kept.cookie } })).statusCode).toBe(303);
    expect((await app.server.inject({ method: 'GET', url: '/admin', headers: { cookie: desk.cookie } })).statusCode).toBe(200);
  });

  it('asks for the password again before a role change, a new API key or a deletion, once it is ten minutes old', async () => {
    const admin = await app.signIn('admin', 'boss@example.org');
    const target = await makeUser(app.ctx.db, { role: 'author', email: 'au@example.org' });
    // Just signed in: proof is fresh.
    const fresh = await app.server.inject({
      method: 'POST',
      url: `/admin/staff/${target}/role`,
      headers: { cookie: admin.cookie, referer: `http://chancery.test/admin/staff/${target}` },
      payload: { _csrf: admin.csrf, role: 'editor' },
    });
    expect(fresh.statusCode).toBe(303);
    expect(fresh.headers.location).not.toMatch(/reauth/);

    now = new Date(now.getTime() + 11 * 60_000);
    const stale = await app.server.inject({
      method: 'POST',
      url: `/admin/staff/${target}/role`,
      headers: { cookie: admin.cookie, referer: `http://chancery.test/admin/staff/${target}` },
      payload: { _csrf: admin.csrf, role: 'moderator' },
    });
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toBe(`/admin/reauth?next=${encodeURIComponent(`/admin/staff/${target}`)}`);
    const role = await app.ctx.db.selectFrom('users').select('role').where('id', '=', target).executeTakeFirstOrThrow();
    expect(role.role).toBe('editor');

    const key = await app.server.inject({
      method: 'POST',
      url: '/admin/api-keys',
      headers: { cookie: admin.cookie },
      payload: { _csrf: admin.csrf, name: 'Partner', scopes: 'read' },
    });
    expect(key.headers.location).toBe('/admin/reauth?next=%2Fadmin');
    const del = await app.server.inject({ method: 'GET', url: '/admin/events/1/delete', headers: { cookie: admin.cookie } });
    expect(del.headers.location).toBe('/admin/reauth?next=%2Fadmin%2Fevents%2F1%2Fdelete');

    const form = await app.server.inject({ method: 'GET', url: del.headers.location as string, headers: { cookie: admin.cookie } });
    expect(form.statusCode).toBe(200);
    const wrong = await app.server.inject({
      method: 'POST',
      url: '/admin/reauth',
      headers: { cookie: admin.cookie },
      payload: { _csrf: csrfOf(form.body), password: 'not it', next: '/admin/events/1/delete' },
    });
    expect(wrong.statusCode).toBe(422);
    const right = await app.server.inject({
      method: 'POST',
      url: '/admin/reauth',
      headers: { cookie: admin.cookie },
      payload: { _csrf: csrfOf(form.body), password: PASSWORD, next: 'https://evil.example/' },
    });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/admin');
    const again = await app.server.inject({
      method: 'POST',
      url: `/admin/staff/${target}/role`,
      headers: { cookie: admin.cookie },
      payload: { _csrf: admin.csrf, role: 'moderator' },
    });
    expect(again.headers.location).not.toMatch(/reauth/);
    const after = await app.ctx.db.selectFrom('users').select('role').where('id', '=', target).executeTakeFirstOrThrow();
    expect(after.role).toBe('moderator');
  });
});
