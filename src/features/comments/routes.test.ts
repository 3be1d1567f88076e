// Route tests: posting and replying with and without JavaScript, editing, deleting, reporting, liking,
// moderation and its permissions, the emails, hostile input.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { guardStamp } from '../../platform/form-guard.js';
import { saveModerationSettings } from './moderation/settings.js';

const SECRET = 'test-secret-test-secret-test-secret';
const sentTo = (m: { to?: unknown }, who: string) => JSON.stringify(m.to ?? '').includes(who);

describe.each(DIALECTS)('comment routes on %s', (dialect) => {
  let app: TestApp;
  let smtp: TestSmtp;
  let now: Date;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(async () => {
    now = new Date('2026-03-01T12:00:00Z');
    app = await testApp(dialect, { pageCache: false, smtpUrl: smtp.url }, { clock: () => now });
    smtp.pump = () => app.sendQueuedMail();
    const author = await makeAuthor(app.ctx.db, { slug: 'sergey' });
    await makeArticle(app.ctx.db, {
      title: 'Water talks in Dushanbe',
      slug: 'water-talks',
      authorIds: [author],
      publishedAt: new Date('2026-02-01T00:00:00Z'),
    });
  });
  afterEach(async () => {
    await app.close();
  });

  it("asks a visitor to sign in with each language's own spacing and punctuation", async () => {
    const author = await makeAuthor(app.ctx.db, { slug: 'orlova' });
    for (const [language, slug] of [
      ['ru', 'vodnye-peregovory'],
      ['zh', 'shui-tanpan'],
    ] as const) {
      await makeArticle(app.ctx.db, { title: slug, slug, language, authorIds: [author], publishedAt: new Date('2026-02-01T00:00:00Z') });
    }
    const prompt = async (path: string) =>
      /<p class="comments-note comments-signin">(.*?)<\/p>/.exec((await app.server.inject(path)).body)?.[1];
    expect(await prompt('/articles/water-talks')).toBe(
      '<a href="/account/login?next=%2Farticles%2Fwater-talks%23comments">Sign in</a> to join the discussion.',
    );
    expect(await prompt('/articles/vodnye-peregovory')).toMatch(/>Войдите<\/a>, чтобы участвовать в обсуждении\.$/);
    expect(await prompt('/articles/shui-tanpan')).toMatch(/>登录<\/a>后即可参与讨论。$/);
  });

  async function reader(name: string, confirmed = true) {
    const s = await app.signIn('reader', `${name.toLowerCase()}@example.org`);
    await app.ctx.db
      .updateTable('users')
      .set({ name, email_confirmed_at: confirmed ? '2026-01-01T00:00:00.000Z' : null })
      .where('id', '=', s.userId)
      .execute();
    return s;
  }
  const form = (csrf: string, fields: Record<string, string>) =>
    new URLSearchParams({ _csrf: csrf, _ts: guardStamp(new Date(now.getTime() - 5000), SECRET), website: '', ...fields }).toString();
  const tick = (ms = 10_000) => {
    now = new Date(now.getTime() + ms);
  };

  async function post(who: { cookie: string; csrf: string }, body: string, extra: Record<string, string> = {}, json = false) {
    tick();
    return app.server.inject({
      method: 'POST',
      url: '/articles/water-talks/comments',
      payload: form(who.csrf, { body, ...extra }),
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded', ...(json ? { accept: 'application/json' } : {}) },
    });
  }
  const page = (cookie?: string, url = '/articles/water-talks') => app.server.inject({ url, headers: cookie ? { cookie } : {} });
  const statusOf = async (id: number) =>
    (await app.ctx.db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('posts without JavaScript: 303 back to the comment, stored, counted on the article and the home page', async () => {
    const anna = await reader('Anna');
    const res = await post(anna, 'The Rogun dam matters.\n\nSee https://example.org/rogun.');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/articles\/water-talks#comment-\d+$/);
    const html = (await page()).body;
    expect(html).toMatch(/Comments <span class="comment-count" data-count="1">1<\/span>/);
    expect(html).toContain('The Rogun dam matters.');
    expect(html).toContain(
      '<a href="https://example.org/rogun" rel="nofollow ugc noopener" target="_blank">https://example.org/rogun</a>.',
    );
    expect((await page(undefined, '/')).body).toContain('Comments 1');
    expect((await page(undefined, '/archive')).body).toContain('Comments 1');
  });

  it('posts with fetch: 201 with a rendered fragment; replies attach to the top-level parent and quote whom they answer', async () => {
    const anna = await reader('Anna');
    const boris = await reader('Boris');
    const vera = await reader('Vera');
    const top = (await post(anna, 'First', {}, true)).json();
    expect(top.status).toBe('published');
    expect(top.html).toContain(`id="comment-${top.id}"`);
    const reply = (await post(boris, 'Second', { parent_id: String(top.id) }, true)).json();
    expect(reply.parentId).toBe(top.id);
    const nested = (await post(vera, 'Third', { parent_id: String(reply.id) }, true)).json();
    expect(nested.parentId).toBe(top.id);
    const row = await app.ctx.db.selectFrom('comments').selectAll().where('id', '=', nested.id).executeTakeFirstOrThrow();
    expect(row.reply_to_name).toBe('Boris');
    const html = (await page()).body;
    expect(html).toContain('in reply to Boris');
    // Boris and Anna were told about the replies.
    expect((await smtp.waitFor((m) => sentTo(m, 'boris@') && m.subject === 'Vera replied to your comment')).text).toContain('Third');
    await smtp.waitFor((m) => sentTo(m, 'anna@') && m.subject === 'Boris replied to your comment');
  });

  it('does not mail a reply to a reader who switched reply mail off', async () => {
    const anna = await reader('Annie');
    const boris = await reader('Bob');
    await app.ctx.db.updateTable('users').set({ notify_replies: 0 }).where('id', '=', anna.userId).execute();
    const top = (await post(anna, 'Quiet please', {}, true)).json();
    await post(boris, 'Loud reply', { parent_id: String(top.id) }, true);
    await post(anna, 'Second top', {}, true);
    const boris2 = (await post(boris, 'Another', {}, true)).json();
    await post(anna, 'Reply to Bob', { parent_id: String(boris2.id) }, true);
    await smtp.waitFor((m) => m.subject === 'Annie replied to your comment');
    await smtp.settle();
    expect(smtp.messages.some((m) => m.subject === 'Bob replied to your comment' && sentTo(m, 'annie@'))).toBe(false);
  });

  it('refuses unconfirmed readers, banned readers, anonymous visitors and missing CSRF', async () => {
    const un = await reader('Uma', false);
    const res = await post(un, 'Hello');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('confirm your email');
    expect((await page(un.cookie)).body).toContain('Send the confirmation link again');

    const bad = await reader('Bad');
    const mod = await app.signIn('moderator');
    const first = (await post(bad, 'I am here', {}, true)).json();
    const ban = await app.server.inject({
      method: 'POST',
      url: '/admin/comments/moderate',
      payload: new URLSearchParams({ _csrf: mod.csrf, one: `ban:${first.id}`, reason: 'abuse' }).toString(),
      headers: { cookie: mod.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(ban.statusCode).toBe(303);
    const again = await post(bad, 'Still here');
    expect(again.statusCode).toBe(403);
    expect(again.body).toContain('banned');

    const anon = await app.server.inject({
      method: 'POST',
      url: '/articles/water-talks/comments',
      payload: 'body=hi',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(anon.statusCode).toBe(403);
    const ok = await reader('Olga');
    const noCsrf = await app.server.inject({
      method: 'POST',
      url: '/articles/water-talks/comments',
      payload: 'body=hi',
      headers: { cookie: ok.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await app.ctx.db.selectFrom('comments').select('id').where('body', '=', 'hi').execute()).toEqual([]);
  });

  it('holds new commenters for pre-moderation; a moderator approves; the writer is mailed; the count moves', async () => {
    await saveModerationSettings(app.ctx.db, { premoderateNew: 1 });
    const anna = await reader('Anna');
    const res = await post(anna, 'My first comment');
    expect(res.statusCode).toBe(303);
    const id = Number(res.headers.location!.split('#comment-')[1]);
    expect(await statusOf(id)).toBe('pending');
    // The writer sees it marked as waiting; nobody else sees it.
    expect((await page(anna.cookie)).body).toContain('Awaiting moderation');
    expect((await page()).body).not.toContain('My first comment');

    const mod = await app.signIn('moderator');
    const queue = await app.server.inject({ url: '/admin/comments', headers: { cookie: mod.cookie } });
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('My first comment');
    expect(queue.body).toContain('Water talks in Dushanbe');
    expect(queue.body).toMatch(/class="badge" href="\/admin\/comments\?queue=pending">Pending <strong>1<\/strong>/);
    expect(queue.body).toContain('0 approved, 0 rejected');
    const act = await app.server.inject({
      method: 'POST',
      url: '/admin/comments/moderate',
      payload: new URLSearchParams({ _csrf: mod.csrf, one: `approve:${id}` }).toString(),
      headers: { cookie: mod.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(act.statusCode).toBe(303);
    expect(await statusOf(id)).toBe('published');
    expect((await page()).body).toMatch(/Comments <span class="comment-count" data-count="1">1<\/span>/);
    const mail = await smtp.waitFor((m) => m.subject === 'Your comment is published' && sentTo(m, 'anna@'));
    expect(mail.text).toContain(`#comment-${id}`);
    const audit = await app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'comment.approve').execute();
    expect(audit.map((a) => a.subject_id)).toEqual([String(id)]);
    // One approved comment: the second one is published at once.
    const second = await post(anna, 'My second comment', {}, true);
    expect(second.json().status).toBe('published');
  });

  it('rejects with a reason the writer sees and receives by mail; bulk actions act on every ticked comment', async () => {
    await saveModerationSettings(app.ctx.db, { premoderateAll: true });
    const anna = await reader('Anna');
    const ids: number[] = [];
    for (const b of ['one', 'two', 'three']) ids.push((await post(anna, `Comment ${b}`, {}, true)).json().id);
    const mod = await app.signIn('editor');
    const noReason = await app.server.inject({
      method: 'POST',
      url: '/admin/comments/moderate',
      payload: new URLSearchParams({ _csrf: mod.csrf, one: `reject:${ids[0]}` }).toString(),
      headers: { cookie: mod.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(noReason.headers.location).toContain('error=reason');
    expect(await statusOf(ids[0])).toBe('pending');
    await app.server.inject({
      method: 'POST',
      url: '/admin/comments/moderate',
      payload: new URLSearchParams({ _csrf: mod.csrf, one: `reject:${ids[0]}`, reason: 'Off topic' }).toString(),
      headers: { cookie: mod.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await statusOf(ids[0])).toBe('rejected');
    expect((await smtp.waitFor((m) => m.subject === 'Your comment was not published')).text).toContain('Reason: Off topic');
    expect((await page(anna.cookie)).body).toContain('Not published: Off topic');
    const bulk = new URLSearchParams({ _csrf: mod.csrf, action: 'approve', bulk: '1' });
    bulk.append('ids', String(ids[1]));
    bulk.append('ids', String(ids[2]));
    await app.server.inject({
      method: 'POST',
      url: '/admin/comments/moderate',
      payload: bulk.toString(),
      headers: { cookie: mod.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([await statusOf(ids[1]), await statusOf(ids[2])]).toEqual(['published', 'published']);
  });

  it('permissions: a reader cannot moderate, a moderator cannot edit articles, an author cannot moderate', async () => {
    const anna = await reader('Anna');
    const id = (await post(anna, 'Hello', {}, true)).json().id;
    const asReader = await app.server.inject({ url: '/admin/comments', headers: { cookie: anna.cookie } });
    expect(asReader.statusCode).toBe(303);
    expect(asReader.headers.location).toContain('/admin/login');
    const readerPost = await app.server.inject({
      method: 'POST',
      url: '/admin/comments/moderate',
      payload: new URLSearchParams({ _csrf: anna.csrf, one: `hide:${id}` }).toString(),
      headers: { cookie: anna.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(readerPost.statusCode).toBe(401);
    expect(await statusOf(id)).toBe('published');
    const mod = await app.signIn('moderator');
    expect((await app.server.inject({ url: '/admin/articles', headers: { cookie: mod.cookie } })).statusCode).toBe(403);
    expect((await app.server.inject({ url: '/admin/comments', headers: { cookie: mod.cookie } })).statusCode).toBe(200);
    const author = await app.signIn('author');
    expect((await app.server.inject({ url: '/admin/comments', headers: { cookie: author.cookie } })).statusCode).toBe(403);
  });

  it('edits within ten minutes (marked edited), not after; deletes own leaving replies; others cannot delete it', async () => {
    const anna = await reader('Anna');
    const boris = await reader('Boris');
    const top = (await post(anna, 'Original text', {}, true)).json();
    const edit = await app.server.inject({
      method: 'POST',
      url: `/comments/${top.id}/edit`,
      payload: form(anna.csrf, { body: 'Corrected text' }),
      headers: { cookie: anna.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(edit.statusCode).toBe(303);
    let html = (await page()).body;
    expect(html).toContain('Corrected text');
    expect(html).toContain('class="comment-edited"');
    tick(11 * 60_000);
    const late = await app.server.inject({
      method: 'POST',
      url: `/comments/${top.id}/edit`,
      payload: form(anna.csrf, { body: 'Too late' }),
      headers: { cookie: anna.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(late.statusCode).toBe(403);
    await post(boris, 'A reply', { parent_id: String(top.id) }, true);
    const foreign = await app.server.inject({
      method: 'POST',
      url: `/comments/${top.id}/delete`,
      payload: form(boris.csrf, {}),
      headers: { cookie: boris.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(foreign.statusCode).toBe(403);
    const del = await app.server.inject({
      method: 'POST',
      url: `/comments/${top.id}/delete`,
      payload: form(anna.csrf, {}),
      headers: { cookie: anna.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(del.statusCode).toBe(303);
    html = (await page()).body;
    expect(html).toContain('This comment was deleted.');
    expect(html).not.toContain('Corrected text');
    expect(html).toContain('A reply');
    expect(html).toMatch(/Comments <span class="comment-count" data-count="1">1<\/span>/);
  });

  it('reports once per reader with a reason, into the reported queue; likes once per reader', async () => {
    const anna = await reader('Anna');
    const boris = await reader('Boris');
    const vera = await reader('Vera');
    const c = (await post(anna, 'Contested claim', {}, true)).json();
    const empty = await app.server.inject({
      method: 'POST',
      url: `/comments/${c.id}/report`,
      payload: form(boris.csrf, { reason: ' ' }),
      headers: { cookie: boris.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(empty.statusCode).toBe(422);
    for (const who of [boris, boris, vera]) {
      const r = await app.server.inject({
        method: 'POST',
        url: `/comments/${c.id}/report`,
        payload: form(who.csrf, { reason: 'Misleading' }),
        headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(r.statusCode).toBe(200);
    }
    expect((await app.ctx.db.selectFrom('comment_reports').selectAll().execute()).length).toBe(2);
    const mod = await app.signIn('moderator');
    const q = await app.server.inject({ url: '/admin/comments?queue=reported', headers: { cookie: mod.cookie } });
    expect(q.body).toContain('Contested claim');
    expect(q.body).toContain('Misleading');
    const like = (who: { cookie: string; csrf: string }) =>
      app.server.inject({
        method: 'POST',
        url: `/comments/${c.id}/like`,
        payload: form(who.csrf, {}),
        headers: { cookie: who.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect((await like(boris)).json()).toEqual({ liked: true, count: 1 });
    expect((await like(vera)).json()).toEqual({ liked: true, count: 2 });
    expect((await like(boris)).json()).toEqual({ liked: false, count: 1 });
    expect((await like(anna)).statusCode).toBe(403);
  });

  it('treats hostile input safely: escapes markup, never links javascript:, strips NUL, replaces lone surrogates, refuses huge bodies with a message', async () => {
    const anna = await reader('Anna');
    await saveModerationSettings(app.ctx.db, { maxLinks: 10 });
    const evil = '<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) "><svg onload=alert(4)> a\u0000b \ud800 x';
    const res = await post(anna, evil, {}, true);
    expect(res.statusCode).toBe(201);
    const row = await app.ctx.db.selectFrom('comments').select('body').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.body).not.toContain('\u0000');
    expect(row.body).toContain('ab');
    expect(row.body).toContain('\ufffd');
    const html = (await page()).body;
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/<svg/);
    expect(html).not.toContain('href="javascript:');
    tick();
    const huge = await post(anna, 'x'.repeat(1024 * 1024));
    expect(huge.statusCode).toBe(422);
    expect(huge.body).toContain('at most 5000 characters');
    const tooBig = await post(anna, 'y'.repeat(3 * 1024 * 1024));
    expect(tooBig.statusCode).toBe(413);
  });

  it('rate: a second comment within 3 seconds is refused with a clear message, and 30 an hour at most', async () => {
    const anna = await reader('Anna');
    expect((await post(anna, 'one')).statusCode).toBe(303);
    now = new Date(now.getTime() + 1000);
    const fast = await app.server.inject({
      method: 'POST',
      url: '/articles/water-talks/comments',
      payload: form(anna.csrf, { body: 'two' }),
      headers: { cookie: anna.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(fast.statusCode).toBe(429);
    expect(fast.body).toContain('wait 3 seconds');
    expect(fast.body).toContain('two'); // the text is kept in the form
  });

  it('closed threads show comments but no form; comments off shows nothing and refuses posts', async () => {
    const anna = await reader('Anna');
    await post(anna, 'Before closing', {}, true);
    await app.ctx.db.updateTable('articles').set({ comments_mode: 'closed' }).execute();
    let html = (await page(anna.cookie)).body;
    expect(html).toContain('Before closing');
    expect(html).toContain('Comments are closed.');
    expect(html).not.toContain('action="/articles/water-talks/comments"');
    expect((await post(anna, 'After closing')).statusCode).toBe(403);
    await app.ctx.db.updateTable('articles').set({ comments_mode: 'off' }).execute();
    app.ctx.contentChanged();
    html = (await page(anna.cookie)).body;
    expect(html).not.toContain('Before closing');
    expect((await post(anna, 'Off now')).statusCode).toBe(404);
  });

  it('moderation settings are editable in the admin and audited', async () => {
    const mod = await app.signIn('moderator');
    const res = await app.server.inject({
      method: 'POST',
      url: '/admin/comments/settings',
      headers: { cookie: mod.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: mod.csrf,
        banned_words: 'идиот\nfool',
        suspect_words: 'scam',
        max_links: '2',
        min_interval: '3',
        per_hour: '30',
        premoderate_new: '0',
        premoderated_slugs: 'water-talks',
        webhook_url: '',
        webhook_secret: '',
      }).toString(),
    });
    expect(res.statusCode).toBe(303);
    const anna = await reader('Anna');
    const r = await post(anna, 'Вы все идиоты', {}, true);
    expect(r.json().status).toBe('rejected');
    expect(r.json().message).toContain('language this site does not publish');
    const held = await post(anna, 'A calm remark', {}, true);
    expect(held.json().status).toBe('pending');
    const bad = await app.server.inject({
      method: 'POST',
      url: '/admin/comments/settings',
      headers: { cookie: mod.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: mod.csrf,
        max_links: 'many',
        min_interval: '3',
        per_hour: '30',
        premoderate_new: '0',
        premoderated_slugs: 'no-such-article',
      }).toString(),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('No article has these slugs: no-such-article');
    expect((await app.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'comment.settings').execute()).length).toBe(1);
  });
});
