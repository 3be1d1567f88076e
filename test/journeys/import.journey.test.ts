// Journey: an editor moving from WordPress uploads the export at /admin/import and reads the report; the
// old address of a post then leads readers to the article. Screenshots in English, Russian and Chinese.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/platform/session.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { makeUser } from '../factories.js';
import { upsertSetting } from '../../src/features/site/site-store.js';

const WXR = join(import.meta.dirname, '..', '..', 'src', 'features', 'import', 'fixtures', 'wordpress.xml');

describe('import journey', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ['en', 'ru', 'zh'] as const)
    it(`imports a WordPress export from the admin (${lang})`, async () => {
      let token = '';
      const live: LiveApp = await liveApp(async (app) => {
        const userId = await makeUser(app.ctx.db, { role: 'editor', email: 'ed@example.org', name: 'Edith' });
        await upsertSetting(app.ctx.db, 'site.language', lang);
        app.ctx.contentChanged();
        token = await createSession(app.ctx.db, userId, new Date());
      });
      try {
        // The interface takes up the newsroom's language with the next page shell it builds.
        await fetch(`${live.url}/`);
        const host = new URL(live.url).hostname;
        for (const [name, viewport] of [
          ['desktop', { width: 1280, height: 900 }],
          ['phone', { width: 390, height: 844 }],
        ] as const) {
          const context = await browser.newContext({ viewport });
          await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: host, path: '/' }]);
          const page = await context.newPage();
          await page.goto(`${live.url}/admin/import`);
          await expectAccessible(page, `import page ${lang} ${name}`);
          await screenshot(page, `import-form-${lang}-${name}`);
          await page.setInputFiles('#export-file', WXR);
          await page.click('form[action="/admin/import"] button[type="submit"]');
          await page.waitForSelector('#import-report');
          const report = await page.locator('section[aria-labelledby="import-report"]').textContent();
          expect(report).toMatch(/5/);
          await expectAccessible(page, `import report ${lang} ${name}`);
          await screenshot(page, `import-report-${lang}-${name}`);
          await context.close();
        }
        // A reader following an old link lands on the article.
        const reader = await browser.newContext();
        const p = await reader.newPage();
        const res = await p.goto(`${live.url}/2024/05/water-talks/`);
        expect(res?.status()).toBe(200);
        expect(p.url()).toBe(`${live.url}/articles/water-talks`);
        await reader.close();
      } finally {
        await live.close();
      }
    });
});
