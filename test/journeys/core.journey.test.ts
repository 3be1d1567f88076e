// Chromium journeys through the demo newsroom: what an editor and a reader actually do.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/features/demo/demo-loader.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';

const ADMIN = { email: 'admin@example.org', password: 'journey-password-1' };

describe('core journeys in Chromium', () => {
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
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  async function page(width = 1280, height = 900): Promise<Page> {
    const p = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    // A CSP violation or a script error is a bug even when the page looks right.
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    (p as any).consoleErrors = errors;
    return p;
  }

  it('an editor signs in, writes and publishes an article; it reaches the home page, the RSS feed and search', async () => {
    const p = await page();
    await p.goto(`${live.url}/admin/articles/new`);
    await expect.poll(() => p.url()).toContain('/admin/login');
    await p.fill('#email', ADMIN.email);
    await p.fill('#password', ADMIN.password);
    await p.click('button[type=submit]');
    await p.waitForURL(/\/admin\/articles\/new$/);
    await p.fill('#title', 'Dushanbe hosts the water forum and a Rogun financing round');
    await p.fill('#lead', 'Delegations from thirty countries discussed glaciers, tariffs and the Rogun dam.');
    await p.fill(
      '#body',
      'The **Rogun** hydropower plant drew most of the questions.\n\n## Financing\n\nLenders discussed a new tranche for the Vakhsh cascade.',
    );
    await p.check('input[name=author_ids] >> nth=0');
    await p.fill('#tags', 'tajikistan, water');
    await screenshot(p, 'admin-editor');
    await p.click('button[name=action][value=publish]');
    await p.waitForURL(/\/admin\/articles\/\d+\/edit/);
    expect(await p.textContent('body')).toMatch(/published/i);

    await p.goto(`${live.url}/`);
    const lead = await p.textContent('main');
    expect(lead).toContain('Dushanbe hosts the water forum');

    const rss = await (await fetch(`${live.url}/feed.xml`)).text();
    expect(rss).toContain('Dushanbe hosts the water forum');

    await p.goto(`${live.url}/search?q=Vakhsh`);
    expect(await p.textContent('main')).toContain('Dushanbe hosts the water forum');
    await screenshot(p, 'search-results');
    await expectAccessible(p, 'search page');
    expect((p as any).consoleErrors).toEqual([]);
    await p.close();
  });

  it('a reader opens the analysis article and sees the byline, the events block and the comment count', async () => {
    const p = await page();
    await p.goto(`${live.url}/`);
    await screenshot(p, 'home');
    await expectAccessible(p, 'home page');
    await p.goto(`${live.url}/articles/bishkek-beijing-partnership`);
    const main = (await p.textContent('main')) ?? '';
    expect(main).toMatch(/Sergey Saenko,\s*International Observer/);
    const block = (await p.textContent('.event-block')) ?? '';
    expect(block).toContain('103 Kurortniy Prospekt');
    expect(block).toContain('Radisson Lazurnaya');
    expect(block).toContain('Time to be announced');
    expect(await p.getAttribute('.event-block a[href$="/terms"]', 'href')).toMatch(/\/events\/.+\/terms$/);
    // The demo's readers' thread: two comments and a reply, counted as the reference page counts them.
    expect((await p.textContent('#comments-title'))?.replace(/\s+/g, ' ').trim()).toBe('Comments 3');
    expect(await p.textContent('#comments')).toContain('Daniyar Kasymov');
    await screenshot(p, 'article');
    await expectAccessible(p, 'article page');
    expect((p as any).consoleErrors).toEqual([]);
    await p.close();
  });

  it('the event page shows a time to be announced and its terms', async () => {
    const p = await page();
    await p.goto(`${live.url}/events`);
    await p.click('main a[href^="/events/"]');
    expect(await p.textContent('main')).toContain('Time to be announced');
    await screenshot(p, 'event');
    await expectAccessible(p, 'event page');
    await p.click('a[href$="/terms"]');
    expect(await p.textContent('h1')).toMatch(/Terms of participation/i);
    await p.close();
  });

  it('reads well on a phone', async () => {
    const p = await page(390, 844);
    for (const [path, name] of [
      ['/', 'phone-home'],
      ['/articles/bishkek-beijing-partnership', 'phone-article'],
      ['/events', 'phone-events'],
      ['/search?q=railway', 'phone-search'],
    ] as const) {
      await p.goto(live.url + path);
      // No sideways scrolling on a narrow screen.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(p, name);
    }
    await p.close();
  });
});
