// Journey: the demo newsroom's embedded video. A reader opens the Tianjin summit report and finds the video
// as a facade, its thumbnail served by the site itself and nothing asked of the provider; a click puts the
// no-cookie player's frame in its place.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/features/demo/demo-loader.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';

describe('demo video journey', () => {
  let live: LiveApp;
  let browser: Browser;

  beforeAll(async () => {
    live = await liveApp(async (app) => {
      await loadDemo({
        db: app.ctx.db,
        clock: app.ctx.clock,
        config: { adminEmail: 'admin@example.org', adminPassword: 'journey-password-1' },
        publishing: app.ctx.publishing,
        media: app.ctx.media,
      });
    });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  it('shows the facade with the local thumbnail, asks nothing of YouTube, and frames the player on click', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const context = await browser.newContext({ viewport });
      const outside: string[] = [];
      // This machine reaches no provider: every request off the site is recorded and refused.
      await context.route(
        (url) => url.origin !== live.url,
        (route) => {
          outside.push(route.request().url());
          return route.abort();
        },
      );
      const page = await context.newPage();
      await page.goto(`${live.url}/articles/sco-tianjin-summit`, { waitUntil: 'networkidle' });
      const figure = page.locator('figure.embed');
      await figure.scrollIntoViewIfNeeded();
      const thumb = figure.locator('picture img');
      await thumb.evaluate((el: HTMLImageElement) => (el.complete ? null : new Promise((r) => el.addEventListener('load', r))));
      const state = await thumb.evaluate((el: HTMLImageElement) => ({ src: el.currentSrc, width: el.naturalWidth }));
      expect(new URL(state.src).origin, name).toBe(live.url);
      expect(new URL(state.src).pathname, name).toMatch(/^\/media\/\d+\//);
      expect(state.width, name).toBeGreaterThan(0);
      expect(await figure.locator('figcaption').textContent()).toContain("Shanghai Spirit in action: Tianjin Summit shapes SCO's future");
      expect(await figure.locator('figcaption').textContent()).toContain('CGTN');
      expect(outside, name).toEqual([]);
      await screenshot(page, `demo-video-facade-${name}`);
      await expectAccessible(page, `demo article with a video (${name})`);

      await figure.locator('.embed-facade').click();
      const frame = figure.locator('iframe.embed-frame');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/_IT8x1lHplk?autoplay=1');
      await expect.poll(() => outside.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/_IT8x1lHplk'))).toBe(true);
      expect(
        outside.every((u) => u.startsWith('https://www.youtube-nocookie.com/')),
        outside.join(' '),
      ).toBe(true);
      await context.close();
    }
  });
});
