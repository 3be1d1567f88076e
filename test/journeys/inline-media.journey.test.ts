// Journey: an editor uploads an image from the article editor into the library and it lands in the body;
// readers on a desktop and a phone get it as a <figure> with its <picture>. An embedded video shows as a
// facade: nothing is asked of the provider until the reader clicks, and without JavaScript it is a link.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEmbed } from '../../src/features/embeds/embed-store.js';
import { updateMedia } from '../../src/features/media/media-store.js';
import { createSession, SESSION_COOKIE } from '../../src/platform/session.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { makeAuthor, makeRubric, makeUser } from '../factories.js';

const VIDEO = 'https://www.youtube.com/watch?v=Caspian0001';

describe('inline images and embeds journey', () => {
  let live: LiveApp;
  let browser: Browser;
  let token = '';
  let file = '';

  beforeAll(async () => {
    live = await liveApp(async (app) => {
      const userId = await makeUser(app.ctx.db, { role: 'editor', email: 'ed@example.org', name: 'Edith' });
      await makeAuthor(app.ctx.db, { slug: 'marina-orlova', name: 'Marina Orlova' });
      await makeRubric(app.ctx.db, { slug: 'analysis', name: 'Analysis' });
      token = await createSession(app.ctx.db, userId, new Date());
    });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="900">
      <rect width="1400" height="900" fill="#f4f6f8"/><rect x="200" y="400" width="300" height="400" fill="#2a5db0"/>
      <rect x="800" y="150" width="300" height="650" fill="#b3261e"/></svg>`;
    file = join(mkdtempSync(join(tmpdir(), 'chancery-inline-')), 'grain-chart.png');
    writeFileSync(file, await sharp(Buffer.from(svg)).png().toBuffer());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  it('uploads from the editor into the body, and readers get a figure with a picture', async () => {
    const host = new URL(live.url).hostname;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: host, path: '/' }]);
    const page = await context.newPage();
    await page.goto(`${live.url}/admin/articles/new`);
    await page.fill('#title', 'Grain leaves by rail');
    await page.fill('#body', 'Exports doubled.');
    await page.click('.media-picker summary');
    await page.setInputFiles('[data-picker-upload]', file);
    await page.waitForFunction(() => (document.getElementById('body') as HTMLTextAreaElement).value.includes('/media/'));
    expect(await page.inputValue('#body')).toBe('Exports doubled.\n\n![](/media/1)\n\n');
    await screenshot(page, 'editor-picker-desktop');
    await expectAccessible(page, 'editor with picker');

    // Publishing waits for alt text, named with the image.
    await page.check('input[name="author_ids"]');
    await page.click('button[value="publish"]');
    expect(await page.locator('#body-error').textContent()).toContain('/media/1 (grain-chart.png)');
    await updateMedia(
      live.app.ctx.db,
      1,
      {
        alt: 'Bar chart of grain exports, the second bar twice the first',
        caption: 'Grain exports',
        credit: 'Desk graphics',
        focalX: 50,
        focalY: 50,
      },
      new Date(),
    );
    await page.click('button[value="publish"]');
    await page.waitForURL(/notice=published/);
    const slug = await page.inputValue('#slug');
    await context.close();

    for (const [name, viewport, expected] of [
      ['desktop', { width: 1280, height: 900 }, '/640.avif'],
      ['phone', { width: 390, height: 844 }, '/480.avif'],
    ] as const) {
      const reader = await browser.newContext({ viewport });
      const p = await reader.newPage();
      await p.goto(`${live.url}/articles/${slug}`);
      const img = p.locator('.article-figure picture img');
      await img.evaluate((el: HTMLImageElement) => (el.complete ? null : new Promise((r) => el.addEventListener('load', r))));
      const state = await img.evaluate((el: HTMLImageElement) => ({ src: el.currentSrc, loaded: el.naturalWidth, loading: el.loading }));
      expect(state.src, name).toContain(expected);
      expect(state.loaded, name).toBeGreaterThan(0);
      expect(state.loading).toBe('eager');
      expect(await p.locator('.article-figure figcaption').textContent()).toBe('Grain exports Image: Desk graphics');
      await screenshot(p, `inline-figure-${name}`);
      await expectAccessible(p, `article with an inline image (${name})`);
      await reader.close();
    }
  });

  it('shows an embed as a facade that loads the player only on click, and as a link without JavaScript', async () => {
    const ed = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ed.addCookies([{ name: SESSION_COOKIE, value: token, domain: new URL(live.url).hostname, path: '/' }]);
    await insertEmbed(
      live.app.ctx.db,
      {
        url: VIDEO,
        provider: 'YouTube',
        title: 'Ferries across the Caspian',
        author: 'Desk Video',
        thumbnailId: 1,
        frameSrc: 'https://www.youtube-nocookie.com/embed/Caspian0001?autoplay=1',
      },
      new Date(),
    );
    const editor = await ed.newPage();
    await editor.goto(`${live.url}/admin/articles/new`);
    await editor.fill('#title', 'The ferry video');
    await editor.fill('#body', `Watch the crossing.\n\n${VIDEO}\n\nThe end.`);
    await editor.check('input[name="author_ids"]');
    await editor.click('button[value="publish"]');
    await editor.waitForURL(/notice=published/);
    const slug = await editor.inputValue('#slug');
    await ed.close();

    for (const [name, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const reader = await browser.newContext({ viewport });
      const outside: string[] = [];
      // The provider is never reached from this machine: requests to it are recorded and refused.
      await reader.route(/^https:\/\//, (route) => {
        outside.push(route.request().url());
        return route.abort();
      });
      const p = await reader.newPage();
      await p.goto(`${live.url}/articles/${slug}`, { waitUntil: 'networkidle' });
      expect(await p.locator('figure.embed .embed-button').textContent()).toBe('Play on this page');
      expect(outside, name).toEqual([]);
      await screenshot(p, `embed-facade-${name}`);
      await expectAccessible(p, `article with an embed (${name})`);
      await p.click('figure.embed .embed-facade');
      const frame = p.locator('figure.embed iframe.embed-frame');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/Caspian0001?autoplay=1');
      await p.waitForTimeout(200);
      expect(
        outside.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/Caspian0001')),
        name,
      ).toBe(true);
      await reader.close();
    }

    const plain = await browser.newContext({ javaScriptEnabled: false });
    const p = await plain.newPage();
    await p.goto(`${live.url}/articles/${slug}`);
    expect(await p.locator('figure.embed a.embed-facade').getAttribute('href')).toBe(VIDEO);
    await plain.close();
  });
});
