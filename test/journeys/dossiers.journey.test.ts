// Chromium journey for the knowledge engine: an editor publishes, the engine reads the article,
// the country-pair dossier shows the fact, and its source link lands on the highlighted sentence.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/features/demo/demo-loader.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';

const ADMIN = { email: 'admin@example.org', password: 'journey-password-2' };

describe('dossiers in Chromium', () => {
  let live: LiveApp;
  let browser: Browser;

  beforeAll(async () => {
    live = await liveApp(async (app) => {
      await loadDemo({
        db: app.ctx.db,
        clock: app.ctx.clock,
        config: { adminEmail: ADMIN.email, adminPassword: ADMIN.password },
        publishing: app.ctx.publishing,
      });
      // The extraction jobs the demo queued, as the server's poller would run them.
      while ((await app.ctx.jobs.runDue()) > 0) {
        /* drain */
      }
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  it('publish an article, open the country-pair dossier, follow a fact to its highlighted sentence', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto(`${live.url}/admin/login`);
    await p.fill('#email', ADMIN.email);
    await p.fill('#password', ADMIN.password);
    await p.click('button[type=submit]');
    await p.waitForURL(/\/admin$/);
    await p.goto(`${live.url}/admin/articles/new`);
    await p.fill('#title', 'Ulaanbaatar and Astana agree on a grain corridor');
    await p.fill('#lead', 'A state visit ends with a transit deal.');
    const sentence =
      'Kazakh President Kassym-Jomart Tokayev paid a state visit to Mongolia in early October at the invitation of Mongolian President Ukhnaagiin Khurelsukh.';
    await p.fill('#body', `${sentence}\n\nThe two presidents held talks in Ulaanbaatar on grain transit and rail tariffs.`);
    await p.check('input[name=author_ids] >> nth=0');
    await p.click('button[name=action][value=publish]');
    await p.waitForURL(/\/admin\/articles\/\d+\/edit/);

    // The publication queued an extraction job; run it as the poller would.
    await live.app.ctx.jobs.runDue();

    await p.goto(`${live.url}/dossiers/pair/kz/mn`);
    const timeline = (await p.textContent('main')) ?? '';
    expect(timeline).toContain('Kassym-Jomart Tokayev');
    expect(timeline).toMatch(/state visit to Mongolia/);
    await screenshot(p, 'dossier-pair');
    await expectAccessible(p, 'dossier page');

    // The visit's entry in the timeline, and its link to the source sentence.
    const source = p
      .locator('li', { hasText: /state visit to Mongolia/ })
      .locator('a[href*="#evidence-"]')
      .first();
    const href = (await source.getAttribute('href'))!;
    await source.click();
    await p.waitForURL(new RegExp(href.replace(/[?#]/g, '\\$&') + '$'));
    const id = href.split('#')[1];
    const mark = p.locator(`[id="${id}"]`);
    await expect.poll(() => mark.count()).toBe(1);
    const highlighted = p.locator('mark.evidence').filter({ hasText: 'paid a state visit to Mongolia' });
    await expect.poll(() => highlighted.count()).toBe(1);
    // The targeted sentence is painted, not just anchored.
    const bg = await highlighted.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    expect(await p.textContent('.facts-block')).toMatch(/Facts in this article/i);
    await screenshot(p, 'dossier-evidence');
    await p.close();
  });

  it('Russian and Chinese articles fill the dossiers beside the English ones, their sentences highlighted', async () => {
    const cases = [
      {
        pair: 'ru/uz',
        name: 'Shavkat Mirziyoyev',
        fact: 'signed 15 documents',
        sentence: 'подписали 15 межправительственных соглашений',
        shot: 'dossier-ru',
      },
      { pair: 'cn/tm', name: 'Serdar Berdimuhamedov', fact: 'signed 12 documents', sentence: '12份合作文件的签署', shot: 'dossier-zh' },
    ];
    for (const c of cases) {
      for (const width of [1280, 390]) {
        const p = await browser.newPage({ viewport: { width, height: 900 } });
        await p.goto(`${live.url}/dossiers/pair/${c.pair}`);
        const main = (await p.textContent('main')) ?? '';
        await screenshot(p, `${c.shot}-${width}`);
        expect(main).toContain(c.name);
        expect(main).toContain(c.fact);
        await expectAccessible(p, `${c.pair} dossier`);
        const source = p.locator('li', { hasText: c.fact }).locator('a[href*="#evidence-"]').first();
        await source.click();
        await p.waitForURL(/#evidence-/);
        const highlighted = p.locator('mark.evidence').filter({ hasText: c.sentence });
        await expect.poll(() => highlighted.count()).toBe(1);
        await screenshot(p, `${c.shot}-evidence-${width}`);
        await p.close();
      }
    }
    // The English demo's facts share the same dossier pages: the Russia dossier holds both languages' facts.
    const ru = await (await fetch(`${live.url}/dossiers/country/ru`)).text();
    expect(ru).toContain('Shavkat Mirziyoyev');
    expect(ru).toContain('Xi Jinping');
  });

  it('the demo newsroom has its dossiers filled', async () => {
    const res = await fetch(`${live.url}/dossiers/pair/cn/kg`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('22.71');
    expect(html).toMatch(/Sadyr Japarov/);
  });
});
