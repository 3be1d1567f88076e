// Journey: an author submits a draft; an editor takes it, leaves a note and sends it back; the author revises and
// submits again; the editor schedules it. Then an editor publishes a correction on a published piece. Each
// page is checked with axe and photographed on a desktop and a phone.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCorrection } from '../../src/features/corrections/correction-service.js';
import { upsertSetting } from '../../src/features/site/site-store.js';
import { createSession, SESSION_COOKIE } from '../../src/platform/session.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { makeArticle, makeAuthor, makeUser } from '../factories.js';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('review and corrections journey', () => {
  let live: LiveApp;
  let browser: Browser;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    live = await liveApp(async (app) => {
      const lena = await makeUser(app.ctx.db, { role: 'author', email: 'lena@example.org', name: 'Lena Petrova' });
      const desk = await makeUser(app.ctx.db, { role: 'editor', email: 'desk@example.org', name: 'Dmitri Desk' });
      const authorId = await makeAuthor(app.ctx.db, { slug: 'lena-petrova', name: 'Lena Petrova', userId: lena });
      await makeArticle(app.ctx.db, {
        title: 'Caspian summit ends with a shipping pact',
        slug: 'caspian-summit',
        authorIds: [authorId],
        bodyMd: 'Five leaders met in Aktau and signed a pact on shipping lanes.',
        publishedAt: new Date(Date.now() - 3 * 86400_000),
      });
      // Notes in the other editions, so their corrections pages have something to show.
      for (const [language, title, slug, body, note] of [
        [
          'ru',
          'Саммит в Актау завершился',
          'sammit-v-aktau',
          'Пять лидеров подписали соглашение.',
          'В первой версии было сказано, что встреча длилась два дня; она длилась один день.',
        ],
        ['zh', '阿克套峰会闭幕', 'aketao-fenghui', '五国领导人签署了航运协议。', '本文早前版本称会议持续两天，实际为一天。'],
      ] as const) {
        const id = await makeArticle(app.ctx.db, {
          title,
          slug,
          language,
          bodyMd: body,
          authorIds: [authorId],
          publishedAt: new Date(Date.now() - 2 * 86400_000),
        });
        await addCorrection(app.ctx.db, {
          articleId: id,
          articleTitle: title,
          kind: 'correction',
          body: note,
          notedAt: new Date(Date.now() - 86400_000),
          userId: desk,
          at: new Date(),
        });
      }
      tokens.lena = await createSession(app.ctx.db, lena, new Date());
      tokens.desk = await createSession(app.ctx.db, desk, new Date());
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  async function as(who: 'lena' | 'desk', viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport });
    await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who], domain: new URL(live.url).hostname, path: '/' }]);
    return { context, page: await context.newPage() };
  }

  /** The same address photographed on a phone too. */
  async function onPhone(who: 'lena' | 'desk', path: string, name: string) {
    const { context, page } = await as(who, PHONE);
    await page.goto(`${live.url}${path}`);
    await screenshot(page, `${name}-phone`);
    await context.close();
  }

  it('submit, review, send back, resubmit and schedule', async () => {
    const author = await as('lena');
    const p = author.page;
    await p.goto(`${live.url}/admin/articles/new`);
    await p.fill('#title', 'Grain corridor reopens');
    await p.fill('#body', 'Ships left Odesa on Monday.');
    await p.click('button[value="draft"]');
    await p.waitForURL(/notice=saved/);
    const editUrl = p.url().split('?')[0];
    const id = /\/admin\/articles\/(\d+)\/edit/.exec(editUrl)![1];
    expect(await p.locator('button[value="publish"]').count()).toBe(0);
    await p.click('#review button:has-text("Submit for review")');
    await p.waitForURL(/notice=review_submitted/);
    expect(await p.locator('.review-state').textContent()).toContain('Waiting for review');

    const editor = await as('desk');
    const e = editor.page;
    await e.goto(`${live.url}/admin`);
    expect(await e.locator('.dashboard-review').first().textContent()).toContain('Grain corridor reopens');
    await e.goto(`${live.url}/admin/review`);
    await expectAccessible(e, 'review queue');
    await screenshot(e, 'review-queue-desktop');
    await onPhone('desk', '/admin/review', 'review-queue');
    await e.click('text=Grain corridor reopens');
    await e.selectOption('#assignee_id', { label: 'Dmitri Desk' });
    await e.click('#review button:has-text("Assign")');
    await e.waitForURL(/notice=review_assigned/);
    await e.fill('#review_note', 'Which port exactly? Odesa alone, or Chornomorsk too?');
    await e.click('#review button:has-text("Add the note")');
    await e.waitForURL(/notice=review_noted/);
    await e.fill('#send_back_note', 'Name both ports in the lead, please.');
    await e.click('#review button:has-text("Send back to the author")');
    await e.waitForURL(/notice=review_sent_back/);

    await p.goto(`${live.url}/admin`);
    expect(await p.locator('#sent-back-title').textContent()).toContain('Sent back to you');
    await expectAccessible(p, 'author dashboard');
    await screenshot(p, 'review-dashboard-sent-back-desktop');
    await onPhone('lena', '/admin', 'review-dashboard-sent-back');
    await p.click('.dashboard-review a:has-text("Grain corridor reopens")');
    // The notes are there under the editor, threaded: the author answers the question under it.
    await p.click('.review-note >> nth=0 >> summary');
    await p.fill(`.review-note >> nth=0 >> textarea`, 'Both: Chornomorsk too.');
    await p.click('.review-note >> nth=0 >> button:has-text("Reply")');
    await p.waitForURL(/notice=review_noted/);
    expect(await p.locator('.review-note .review-thread .review-note-body').first().textContent()).toBe('Both: Chornomorsk too.');
    await p.fill('#lead', 'Ships left Odesa and Chornomorsk on Monday.');
    await p.click('button[value="draft"]');
    await p.waitForURL(/notice=saved/);
    await p.click('#review button:has-text("Submit again")');
    await p.waitForURL(/notice=review_submitted/);
    await expectAccessible(p, 'editor with review notes');
    await screenshot(p, 'review-editor-author-desktop');
    await onPhone('lena', `/admin/articles/${id}/edit#review`, 'review-editor-author');

    await e.goto(`${editUrl}#review`);
    await screenshot(e, 'review-editor-editor-desktop');
    await onPhone('desk', `/admin/articles/${id}/edit#review`, 'review-editor-editor');
    const when = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 16);
    await e.fill('#approve_at', when);
    await e.click('#review button:has-text("Approve")');
    await e.waitForURL(/notice=scheduled/);
    expect(await e.locator('.article-state .status').textContent()).toBe('Scheduled');
    await author.context.close();

    // A correction on a published piece, seen by readers with its date.
    await e.goto(`${live.url}/admin/articles`);
    await e.click('text=Caspian summit ends with a shipping pact');
    await e.fill('#correction_body', 'An earlier version said four leaders met; there were five.');
    await e.click('#corrections button:has-text("Publish the note")');
    await e.waitForURL(/notice=corrected/);
    await editor.context.close();

    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const reader = await browser.newContext({ viewport });
      const r = await reader.newPage();
      await r.goto(`${live.url}/articles/caspian-summit`);
      expect(await r.locator('#corrections .correction-body').textContent()).toContain('there were five');
      await expectAccessible(r, `article with correction on ${name}`);
      await screenshot(r, `correction-article-${name}`);
      await r.goto(`${live.url}/corrections`);
      await expectAccessible(r, `corrections page on ${name}`);
      await screenshot(r, `corrections-page-${name}`);
      await reader.close();
    }
  });

  it('speaks Russian and Chinese on the corrections page and in the review panel', async () => {
    for (const lang of ['ru', 'zh']) {
      await upsertSetting(live.app.ctx.db, 'site.language', lang);
      live.app.ctx.contentChanged();
      for (const [name, viewport] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        const reader = await browser.newContext({ viewport });
        const r = await reader.newPage();
        await r.goto(`${live.url}/corrections`);
        expect(await r.locator('.corrections-list .correction').count()).toBe(1);
        await screenshot(r, `corrections-page-${lang}-${name}`);
        await r.click('.correction-article a');
        expect(await r.locator('#corrections .correction-body').count()).toBe(1);
        await screenshot(r, `correction-article-${lang}-${name}`);
        await reader.close();
        const { context, page } = await as('desk', viewport);
        await page.goto(`${live.url}/admin/review`);
        await page.goto(`${live.url}/admin/articles`);
        const link = page.locator('a:has-text("Caspian summit")');
        await link.first().click();
        await screenshot(page, `correction-editor-${lang}-${name}`);
        await context.close();
      }
    }
    await upsertSetting(live.app.ctx.db, 'site.language', 'en');
    live.app.ctx.contentChanged();
  });
});
