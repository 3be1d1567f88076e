// Chromium journeys for comments: sign-up to approved comment, a reply without reloading, and injection payloads
// that must stay inert on the article page and in the moderator console.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertComment } from '../../src/features/comments/comment-store.js';
import { saveModerationSettings } from '../../src/features/comments/moderation/settings.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { makeArticle, makeAuthor, makeUser } from '../factories.js';
import { startSmtp, type TestSmtp } from '../smtp.js';
import { SEND_MAIL_JOB } from '../../src/platform/mail-queue.js';

const PASSWORD = 'correct horse battery';
const READER = { name: 'Anna Petrova', email: 'anna@example.org', password: 'a long reader password' };

describe('comment journeys in Chromium', () => {
  let live: LiveApp;
  let browser: Browser;
  let smtp: TestSmtp;
  let boris = 0;

  beforeAll(async () => {
    smtp = await startSmtp();
    live = await liveApp(
      async (app) => {
        const db = app.ctx.db;
        const author = await makeAuthor(db, { slug: 'sergey-saenko', name: 'Sergey Saenko' });
        await makeArticle(db, {
          title: 'Water talks in Dushanbe',
          slug: 'water-talks',
          lead: 'Delegations discussed the Rogun dam.',
          bodyMd: 'The forum met for two days.',
          authorIds: [author],
          publishedAt: new Date(Date.now() - 86400_000),
        });
        await makeUser(db, { role: 'moderator', email: 'mod@example.org', name: 'Mira Moderator' });
        boris = await makeUser(db, { role: 'reader', email: 'boris@example.org', name: 'Boris' });
        await db.updateTable('users').set({ email_confirmed_at: new Date().toISOString() }).where('id', '=', boris).execute();
        // The first comment of a new commenter waits for a moderator.
        await saveModerationSettings(db, { premoderateNew: 1 });
      },
      { smtpUrl: smtp.url },
    );
    // Mail goes through the job queue; the live app here does not poll, so waiting for a mail sends it.
    smtp.pump = () => live.app.ctx.jobs.runDue([SEND_MAIL_JOB]);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await live?.close();
    await smtp?.close();
  });

  async function page(width = 1280, height = 900): Promise<Page> {
    const p = await (await browser.newContext({ viewport: { width, height } })).newPage();
    const errors: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(e.message));
    (p as any).consoleErrors = errors;
    return p;
  }

  async function signIn(p: Page, email: string, next: string) {
    await p.goto(`${live.url}/account/login?next=${encodeURIComponent(next)}`);
    await p.fill('#email', email);
    await p.fill('#password', PASSWORD);
    await p.click('main button[type=submit]');
  }

  it('a reader signs up, confirms by mail, posts, is held; a moderator approves; the counts move to 1', async () => {
    const p = await page();
    await p.goto(`${live.url}/account/signup`);
    await p.fill('#name', READER.name);
    await p.fill('#email', READER.email);
    await p.fill('#password', READER.password);
    await p.waitForTimeout(3200); // the form guard wants a person's pace
    await p.click('main button[type=submit]');
    const mail = await smtp.waitFor((m) => /Confirm your email/.test(m.subject ?? '') && JSON.stringify(m.to).includes(READER.email));
    const link = /https?:\/\/\S+\/account\/confirm\?token=[\w-]+/.exec(mail.text ?? '')![0];
    await p.goto(link);
    expect(await p.textContent('main')).toMatch(/confirm/i);

    await p.goto(`${live.url}/account/login?next=${encodeURIComponent('/articles/water-talks')}`);
    await p.fill('#email', READER.email);
    await p.fill('#password', READER.password);
    await p.click('main button[type=submit]');
    await p.waitForURL(/\/articles\/water-talks/);
    await p.fill('#comment-text', 'The Rogun financing round deserves a closer look.\n\nSee https://example.org/rogun for the figures.');
    await p.waitForTimeout(1100);
    await p.evaluate(() => {
      (window as any).stillHere = true;
    });
    await p.click('.comment-new button[type=submit]');
    await p.waitForSelector('.comment-pending');
    expect(await p.evaluate(() => (window as any).stillHere)).toBe(true); // posted without a reload
    expect(await p.textContent('.comment-pending')).toContain('Awaiting moderation');
    await screenshot(p, 'comments-held');

    const anon = await page();
    await anon.goto(`${live.url}/articles/water-talks`);
    expect((await anon.textContent('#comments-title'))?.replace(/\s+/g, ' ').trim()).toBe('Comments 0');

    const mod = await page();
    await mod.goto(`${live.url}/admin/login`);
    await mod.fill('#email', 'mod@example.org');
    await mod.fill('#password', PASSWORD);
    await mod.click('button[type=submit]');
    await mod.goto(`${live.url}/admin/comments`);
    expect(await mod.textContent('.admin-header')).toMatch(/Pending\s*1/);
    expect(await mod.textContent('.mod-list')).toContain('The Rogun financing round');
    expect(await mod.textContent('.mod-keys')).toMatch(/j \/ k/);
    await screenshot(mod, 'moderation-queue');
    await expectAccessible(mod, 'moderator console');
    await mod.keyboard.press('j');
    await Promise.all([mod.waitForURL(/notice=done/), mod.keyboard.press('a')]);
    expect(await mod.textContent('main')).toContain('Nothing in this queue');
    const approved = await smtp.waitFor((m) => m.subject === 'Your comment is published');
    expect(approved.text).toContain('/articles/water-talks#comment-');

    await anon.goto(`${live.url}/articles/water-talks`);
    expect((await anon.textContent('#comments-title'))?.replace(/\s+/g, ' ').trim()).toBe('Comments 1');
    expect(await anon.textContent('.comment-thread')).toContain('The Rogun financing round');
    expect(await anon.getAttribute('.comment-body a', 'rel')).toBe('nofollow ugc noopener');
    await screenshot(anon, 'comments-article');
    await expectAccessible(anon, 'article with comments');
    await anon.goto(`${live.url}/`);
    expect(await anon.textContent('main')).toContain('Comments 1');
    expect((p as any).consoleErrors).toEqual([]);
    for (const x of [p, anon, mod]) await x.context().close();
  });

  it('a reader replies without the page reloading', async () => {
    // One approved comment of his own, two hours old (outside the rate phase's window): past the
    // new-commenter hold, his reply is published at once.
    const db = live.app.ctx.db;
    const article = await db.selectFrom('articles').select('id').where('slug', '=', 'water-talks').executeTakeFirstOrThrow();
    await insertComment(db, {
      articleId: article.id,
      userId: boris,
      parentId: null,
      replyToUserId: null,
      replyToName: '',
      body: 'Noted.',
      status: 'published',
      rejectReason: '',
      now: new Date(Date.now() - 2 * 3600_000),
    });
    live.app.ctx.commentsChanged([article.id]);
    const p = await page(390, 844);
    await signIn(p, 'boris@example.org', '/articles/water-talks');
    await p.waitForURL(/\/articles\/water-talks/);
    await p.evaluate(() => {
      (window as any).stillHere = true;
    });
    const annas = p.locator('.thread-item', { hasText: 'The Rogun financing round' });
    await annas.locator('summary').first().click();
    await annas.locator('details textarea').first().fill('Agreed, and the Vakhsh cascade too.');
    await p.waitForTimeout(1100);
    await annas.locator('details button[type=submit]').first().click();
    await annas.locator('.comment-replies .comment').first().waitFor();
    expect(await annas.locator('.comment-replies').first().textContent()).toContain('Agreed, and the Vakhsh cascade too.');
    expect(await annas.locator('.comment-replies').first().textContent()).toContain('in reply to Anna Petrova');
    expect(await p.evaluate(() => (window as any).stillHere)).toBe(true);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(p, 'comments-reply-phone');
    // The script counts the published reply in place, as the server does on a reload.
    expect(await p.getAttribute('#comments .comment-count', 'data-count')).toBe('3');
    expect(await p.textContent('#comments .comment-count')).toBe('3');
    await p.reload();
    expect(await p.textContent('#comments .comment-count')).toBe('3');
    expect((p as any).consoleErrors).toEqual([]);
    await p.context().close();
  });

  it('injection payloads stay text on the article page and in the moderator console', async () => {
    const payloads = [
      '<script>window.__pwned = 1; alert(1)</script>',
      '<img src=x onerror="window.__pwned = 2; alert(2)">',
      'javascript:alert(3)',
      '[click](javascript:alert(4)) http://example.org/"onmouseover="alert(5)',
      '"><svg onload=alert(6)>',
      '</textarea><script>alert(7)</script>',
      '\u202Egnp.exe <iframe src="javascript:alert(8)"></iframe> \ud800',
      '<a href="jav&#x09;ascript:alert(9)">x</a> <style>*{display:none}</style>',
    ];
    const db = live.app.ctx.db;
    const article = await db.selectFrom('articles').select('id').where('slug', '=', 'water-talks').executeTakeFirstOrThrow();
    for (const [i, body] of payloads.entries()) {
      await insertComment(db, {
        articleId: article.id,
        userId: boris,
        parentId: null,
        replyToUserId: null,
        replyToName: '',
        body,
        status: i % 2 ? 'published' : 'pending',
        rejectReason: '',
        now: new Date(Date.now() + i),
      });
    }
    // One more through the real form, the way an attacker would send it.
    const p = await page();
    const dialogs: string[] = [];
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(p, 'boris@example.org', '/articles/water-talks');
    await p.waitForURL(/\/articles\/water-talks/);
    await p.fill('#comment-text', '<img src=x onerror=alert(10)><script>alert(11)</script>');
    await p.waitForTimeout(3100);
    await p.click('.comment-new button[type=submit]');
    await p.waitForSelector('text=<img src=x onerror=alert(10)>');
    live.app.ctx.contentChanged();

    const check = async (x: Page, where: string) => {
      await x.waitForTimeout(300);
      const found = await x.evaluate(() => ({
        pwned: (window as any).__pwned ?? null,
        scripts: Array.from(
          document.querySelectorAll('.comment-body script, .mod-list script, script:not([src]):not([type="application/ld+json"])'),
        ).length,
        imgs: document.querySelectorAll('.comment-body img, .mod-list img').length,
        svgs: document.querySelectorAll('.comment-body svg, .mod-list svg').length,
        iframes: document.querySelectorAll('iframe').length,
        jsLinks: Array.from(document.querySelectorAll('a')).filter((a) => !/^(https?:|\/|#|mailto:)/.test(a.getAttribute('href') ?? '/'))
          .length,
        handlers: Array.from(document.querySelectorAll('.comment-body *, .mod-list .comment-body *')).filter((el) =>
          Array.from(el.attributes).some((a) => a.name.startsWith('on')),
        ).length,
      }));
      expect(found, where).toEqual({ pwned: null, scripts: 0, imgs: 0, svgs: 0, iframes: 0, jsLinks: 0, handlers: 0 });
    };
    await p.reload();
    await check(p, 'article page, signed in');
    const anon = await page();
    anon.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await anon.goto(`${live.url}/articles/water-talks`);
    expect(await anon.textContent('.comment-thread')).toContain('<img src=x onerror="window.__pwned = 2; alert(2)">');
    await check(anon, 'article page, anonymous');
    await screenshot(anon, 'comments-xss-article');

    const mod = await page();
    mod.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await mod.goto(`${live.url}/admin/login`);
    await mod.fill('#email', 'mod@example.org');
    await mod.fill('#password', PASSWORD);
    await mod.click('button[type=submit]');
    for (const queue of ['pending', 'all']) {
      await mod.goto(`${live.url}/admin/comments?queue=${queue}`);
      expect(await mod.textContent('.mod-list')).toContain('<script>');
      await check(mod, `moderator console ${queue}`);
    }
    await screenshot(mod, 'comments-xss-console');
    expect(dialogs).toEqual([]);
    for (const x of [p, anon, mod]) await x.context().close();
  });
});
