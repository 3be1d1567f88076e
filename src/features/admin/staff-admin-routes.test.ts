import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { verifyPassword } from '../../platform/passwords.js';
import { findUserByEmail, findUserById, findUserWithHashByEmail } from '../staff/user-store.js';

describe.each(DIALECTS)('staff and audit admin on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect);
  });
  afterEach(() => app.close());

  type Who = { cookie: string; csrf: string };
  const get = (who: Who, url: string) => app.server.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (who: Who, url: string, payload: Record<string, string>) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });
  const sessionsOf = async (userId: number) =>
    (await app.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;

  it('adds a staff member who can then sign in; bad input is a 422 with values kept', async () => {
    const admin = await app.signIn('admin');
    const short = await post(admin, '/admin/staff', { email: 'new@example.org', name: 'Nadia', role: 'editor', password: 'short' });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('Use at least 10 characters.');
    expect(short.body).toContain('value="new@example.org"');
    const res = await post(admin, '/admin/staff', {
      email: 'New@Example.org',
      name: 'Nadia',
      role: 'editor',
      password: 'a long enough secret',
    });
    expect(res.statusCode).toBe(303);
    const user = await findUserWithHashByEmail(app.ctx.db, 'new@example.org');
    expect(user).toMatchObject({ name: 'Nadia', role: 'editor', disabled: false });
    expect(await verifyPassword('a long enough secret', user!.passwordHash)).toBe(true);
    const dup = await post(admin, '/admin/staff', {
      email: 'new@example.org',
      name: 'Again',
      role: 'author',
      password: 'a long enough secret',
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('already exists');
    const badRole = await post(admin, '/admin/staff', {
      email: 'x@example.org',
      name: 'X',
      role: 'reader',
      password: 'a long enough secret',
    });
    expect(badRole.statusCode).toBe(422);
    const list = await get(admin, '/admin/staff');
    expect(list.body).toContain('Nadia');
    expect(list.body).toContain('new@example.org');
  });

  it('changes a role: audited old -> new, and every session of that person ends', async () => {
    const admin = await app.signIn('admin');
    const ed = await app.signIn('editor', 'ed@example.org');
    expect((await get(ed, '/admin/rubrics')).statusCode).toBe(200);
    const res = await post(admin, `/admin/staff/${ed.userId}/role`, { role: 'author' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/staff/${ed.userId}?notice=role`);
    expect((await findUserById(app.ctx.db, ed.userId))?.role).toBe('author');
    expect(await sessionsOf(ed.userId)).toBe(0);
    expect((await get(ed, '/admin/rubrics')).statusCode).toBe(303);
    const audit = await app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.role').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: admin.userId, subject_id: String(ed.userId), detail: 'ed@example.org: editor -> author' });
    const bad = await post(admin, `/admin/staff/${ed.userId}/role`, { role: 'emperor' });
    expect(bad.statusCode).toBe(422);
  });

  it('disables and re-enables an account, ending its sessions; a disabled user cannot sign in', async () => {
    const admin = await app.signIn('admin');
    const mod = await app.signIn('moderator', 'mod@example.org');
    const off = await post(admin, `/admin/staff/${mod.userId}/status`, { disabled: '1' });
    expect(off.statusCode).toBe(303);
    expect((await findUserById(app.ctx.db, mod.userId))?.disabled).toBe(true);
    expect(await sessionsOf(mod.userId)).toBe(0);
    const login = await app.server.inject({ method: 'GET', url: '/admin/login' });
    const visitor = String(login.headers['set-cookie']).split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(login.body)![1];
    const attempt = await app.server.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie: visitor },
      payload: { _csrf: csrf, email: 'mod@example.org', password: 'correct horse battery' },
    });
    expect(attempt.statusCode).toBe(422);
    await post(admin, `/admin/staff/${mod.userId}/status`, { disabled: '0' });
    expect((await findUserById(app.ctx.db, mod.userId))?.disabled).toBe(false);
    const actions = (await app.ctx.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(['user.disable', 'user.enable']);
  });

  it('protects the last admin from demotion and disabling, but not a second one', async () => {
    const admin = await app.signIn('admin', 'boss@example.org');
    const demote = await post(admin, `/admin/staff/${admin.userId}/role`, { role: 'editor' });
    expect(demote.statusCode).toBe(422);
    expect(demote.body).toContain('last admin');
    const disable = await post(admin, `/admin/staff/${admin.userId}/status`, { disabled: '1' });
    expect(disable.statusCode).toBe(422);
    expect(await findUserById(app.ctx.db, admin.userId)).toMatchObject({ role: 'admin', disabled: false });
    expect(await sessionsOf(admin.userId)).toBe(1);

    await app.signIn('admin', 'second@example.org');
    const ok = await post(admin, `/admin/staff/${admin.userId}/role`, { role: 'editor' });
    expect(ok.statusCode).toBe(303);
    // The demoted admin has no session left and is sent to sign in.
    expect(ok.headers.location).toBe('/admin/login');
    expect((await findUserByEmail(app.ctx.db, 'boss@example.org'))?.role).toBe('editor');
  });

  it('resets a password: the old one stops working and their sessions end', async () => {
    const admin = await app.signIn('admin');
    const ed = await app.signIn('editor', 'ed@example.org');
    const short = await post(admin, `/admin/staff/${ed.userId}/password`, { password: '123' });
    expect(short.statusCode).toBe(422);
    const res = await post(admin, `/admin/staff/${ed.userId}/password`, { password: 'brand new passphrase' });
    expect(res.statusCode).toBe(303);
    const user = await findUserWithHashByEmail(app.ctx.db, 'ed@example.org');
    expect(await verifyPassword('brand new passphrase', user!.passwordHash)).toBe(true);
    expect(await verifyPassword('correct horse battery', user!.passwordHash)).toBe(false);
    expect(await sessionsOf(ed.userId)).toBe(0);
  });

  it('shows staff and the audit log to admins only, with an action filter and pages', async () => {
    const admin = await app.signIn('admin');
    for (let i = 0; i < 55; i++)
      await app.ctx.db
        .insertInto('audit_log')
        .values({
          at: `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
          user_id: admin.userId,
          action: i % 5 ? 'article.publish' : 'user.role',
          subject_type: 'article',
          subject_id: String(i),
          detail: `entry ${i}`,
        })
        .execute();
    const page1 = await get(admin, '/admin/audit');
    expect(page1.statusCode).toBe(200);
    expect(page1.body).toContain('55 entries');
    expect(page1.body).toContain('entry 54');
    expect(page1.body).not.toContain('entry 4<');
    const page2 = await get(admin, '/admin/audit?page=2');
    expect(page2.body).toContain('entry 4<');
    const filtered = await get(admin, '/admin/audit?action=user.role');
    expect(filtered.body).toContain('11 entries');
    expect(filtered.body).not.toContain('entry 54');
    const junk = await get(admin, '/admin/audit?action=%3Cscript%3E&page=abc');
    expect(junk.statusCode).toBe(200);
    expect(junk.body).toContain('55 entries');
    for (const role of ['editor', 'author', 'moderator'] as const) {
      const who = await app.signIn(role);
      expect((await get(who, '/admin/audit')).statusCode).toBe(403);
      expect((await get(who, '/admin/staff')).statusCode).toBe(403);
      expect((await post(who, `/admin/staff/${admin.userId}/role`, { role: 'moderator' })).statusCode).toBe(403);
    }
    expect((await findUserById(app.ctx.db, admin.userId))?.role).toBe('admin');
    const nav = await get(await app.signIn('editor'), '/admin');
    expect(nav.body).not.toContain('href="/admin/audit"');
  });

  it('answers 404 for unknown or reader accounts and 403 without CSRF', async () => {
    const admin = await app.signIn('admin');
    const reader = await app.signIn('reader');
    expect((await get(admin, '/admin/staff/9999')).statusCode).toBe(404);
    expect((await get(admin, `/admin/staff/${reader.userId}`)).statusCode).toBe(404);
    expect((await get(admin, '/admin/staff/abc')).statusCode).toBe(404);
    const ed = await app.signIn('editor');
    const forged = await app.server.inject({
      method: 'POST',
      url: `/admin/staff/${ed.userId}/role`,
      headers: { cookie: admin.cookie },
      payload: { role: 'admin' },
    });
    expect(forged.statusCode).toBe(403);
    expect((await findUserById(app.ctx.db, ed.userId))?.role).toBe('editor');
  });
});
