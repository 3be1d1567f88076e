// Journey: an editor writes in the article editor on a phone; the live preview follows the typing under the strict CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createSession, SESSION_COOKIE } from '../../src/platform/session.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { makeAuthor, makeRubric, makeUser } from '../factories.js';

describe('admin editor journey', () => {
  let live: LiveApp;
  let browser: Browser;
  let token = '';

  beforeAll(async () => {
    live = await liveApp(async (app) => {
      const userId = await makeUser(app.ctx.db, { role: 'editor', email: 'ed@example.org', name: 'Edith' });
      await makeAuthor(app.ctx.db, { slug: 'sergey-saenko', name: 'Sergey Saenko' });
      await makeRubric(app.ctx.db, { slug: 'analysis', name: 'Analysis' });
      token = await createSession(app.ctx.db, userId, new Date());
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  it('previews Markdown live, saves and publishes, and is accessible at 375px', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const host = new URL(live.url).hostname;
    await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: host, path: '/' }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${live.url}/admin/articles/new`);
    await page.fill('#title', 'Astana hosts the Caspian summit');
    await page.fill('#body', '## Agenda\n\nThe **Caspian** states meet in Astana.');
    await page.waitForSelector('.preview-body h2:has-text("Agenda")', { timeout: 5000 });
    expect(await page.locator('.preview-body strong').textContent()).toBe('Caspian');
    await page.check('input[name="author_ids"]');
    await expectAccessible(page, 'editor');
    await screenshot(page, 'admin-editor-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.click('button[value="publish"]');
    await page.waitForURL(/notice=published/);
    expect(await page.locator('.notice').textContent()).toBe('Published.');
    await page.goto(`${live.url}/admin/articles`);
    await expectAccessible(page, 'article list');
    await screenshot(page, 'admin-articles-phone');
    expect(await page.locator('table.data').textContent()).toContain('Astana hosts the Caspian summit');
    // The accessibility checker is injected inline and the CSP rightly refuses that first try; nothing else may fail.
    expect(errors.filter((e) => !(e.includes('Content Security Policy') && e.includes('inline')))).toEqual([]);
    await context.close();
  });
});
