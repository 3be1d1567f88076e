// Journey: an editor uploads an image, gives it alt text and a focal point, makes it an article's cover, and
// readers on a desktop and on a phone get the <picture> in AVIF at a width that fits their screen.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/platform/session.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { makeAuthor, makeRubric, makeUser } from '../factories.js';

describe('media library journey', () => {
  let live: LiveApp;
  let browser: Browser;
  let token = '';
  let file = '';

  beforeAll(async () => {
    live = await liveApp(async (app) => {
      const userId = await makeUser(app.ctx.db, { role: 'editor', email: 'ed@example.org', name: 'Edith' });
      await makeAuthor(app.ctx.db, { slug: 'sergey-saenko', name: 'Sergey Saenko' });
      await makeRubric(app.ctx.db, { slug: 'analysis', name: 'Analysis' });
      token = await createSession(app.ctx.db, userId, new Date());
    });
    // A drawn "map": two regions and a border line, as a newsroom's own graphics desk would make.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
      <rect width="1600" height="1000" fill="#d9e4ec"/><path d="M0 0H900L700 1000H0Z" fill="#a9c2a0"/>
      <path d="M900 0L700 1000" stroke="#8a1c1c" stroke-width="12" stroke-dasharray="30 20"/></svg>`;
    file = join(mkdtempSync(join(tmpdir(), 'chancery-media-')), 'border-map.jpg');
    writeFileSync(file, await sharp(Buffer.from(svg)).jpeg().toBuffer());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  it('uploads, describes, uses as a cover and serves responsive AVIF on desktop and phone', async () => {
    const host = new URL(live.url).hostname;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: host, path: '/' }]);
    const page = await context.newPage();
    await page.goto(`${live.url}/admin/media`);
    await expectAccessible(page, 'media library');
    await page.setInputFiles('#files', file);
    await page.click('form[data-media-upload] button[type="submit"]');
    await page.waitForURL(/uploaded=1/);
    expect(await page.locator('.notice').textContent()).toBe('One image added to the library.');
    expect(await page.locator('.media-grid li').count()).toBe(1);
    await screenshot(page, 'media-library-desktop');

    await page.click('.media-grid a');
    await page.fill('#alt', 'A drawn map of the disputed border line');
    // A click on the image sets the focal point (client/media.js): here, left of centre.
    const box = (await page.locator('[data-focal] img').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.5);
    expect(Number(await page.inputValue('#focal_x'))).toBeGreaterThan(20);
    expect(Number(await page.inputValue('#focal_x'))).toBeLessThan(30);
    await page.click('.media-form button[type="submit"]');
    await page.waitForURL(/notice=saved/);
    await expectAccessible(page, 'media edit');

    await page.goto(`${live.url}/admin/articles/new`);
    await page.fill('#title', 'Where the border runs now');
    await page.fill('#body', 'The line moved twice this year.');
    await page.check('input[name="author_ids"]');
    await page.fill('#cover_url', '/media/1');
    await page.click('button[value="publish"]');
    await page.waitForURL(/notice=published/);
    const slug = await page.inputValue('#slug');
    await context.close();

    for (const [name, viewport, expected] of [
      ['desktop', { width: 1280, height: 900 }, '/640-3x2.avif'],
      ['phone', { width: 375, height: 800 }, '/480-3x2.avif'],
    ] as const) {
      const reader = await browser.newContext({ viewport });
      const p = await reader.newPage();
      await p.goto(`${live.url}/articles/${slug}`);
      const img = p.locator('.article-cover picture img');
      await img.evaluate((el: HTMLImageElement) => (el.complete ? null : new Promise((r) => el.addEventListener('load', r))));
      const state = await img.evaluate((el: HTMLImageElement) => ({
        src: el.currentSrc,
        loaded: el.naturalWidth,
        alt: el.alt,
        ratio: el.width / el.height,
      }));
      expect(state.src, name).toContain(expected);
      expect(state.loaded, name).toBeGreaterThan(0);
      expect(state.alt).toBe('A drawn map of the disputed border line');
      expect(state.ratio).toBeCloseTo(1.5, 1);
      expect(await p.locator('.article-cover picture source[type="image/webp"]').count()).toBe(1);
      await screenshot(p, `media-cover-${name}`);
      await expectAccessible(p, `article with cover (${name})`);
      await reader.close();
    }
  });

  it('uploads several files at once, each with its own bar and its own answer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chancery-media-many-'));
    const files: string[] = [];
    for (const [name, colour] of [
      ['port-north.png', '#2a5db0'],
      ['port-south.png', '#b3261e'],
    ] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1600"><rect width="2400" height="1600" fill="${colour}"/>
        <circle cx="1200" cy="800" r="500" fill="#f4f6f8"/></svg>`;
      // Noise keeps the file large enough for a slowed upload to be seen in flight.
      const noise = Buffer.alloc(600 * 400 * 3, 0).map((_, i) => (i * 7919) % 251);
      const base = await sharp(Buffer.from(svg)).png().toBuffer();
      const grain = await sharp(noise, { raw: { width: 600, height: 400, channels: 3 } })
        .png()
        .toBuffer();
      const png = await sharp(base)
        .composite([{ input: grain, top: 0, left: 0 }])
        .png()
        .toBuffer();
      writeFileSync(join(dir, name), png);
      files.push(join(dir, name));
    }
    // Not an image, whatever its name says: refused, and said so on its own row.
    writeFileSync(join(dir, 'notes.png'), 'These are meeting notes, not a picture.');
    files.push(join(dir, 'notes.png'));

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: new URL(live.url).hostname, path: '/' }]);
    const page = await context.newPage();
    await page.goto(`${live.url}/admin/media`);
    const before = await page.locator('.media-grid li').count();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 200 * 1024,
    });
    await page.setInputFiles('#files', files);
    await page.click('form[data-media-upload] button[type="submit"]');
    const rows = page.locator('[data-upload-list] li');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.locator('.upload-name').allTextContents()).toEqual(['port-north.png', 'port-south.png', 'notes.png']);
    // A file part-way up while the others wait or are done: one bar per file.
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLProgressElement>('[data-upload-list] progress')).some((p) => p.value > 0 && p.value < 100),
    );
    await screenshot(page, 'media-upload-many-progress');
    await expectAccessible(page, 'media library uploading several files');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.waitForFunction(() => document.querySelectorAll('[data-upload-list] li[data-result]').length === 3);
    expect(await rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-result')))).toEqual(['saved', 'saved', 'refused']);
    expect(await rows.nth(0).locator('[data-state]').textContent()).toBe('Added to the library');
    expect(await rows.nth(2).locator('[data-state]').textContent()).toMatch(/notes\.png/);
    await screenshot(page, 'media-upload-many-done');
    // The refusal stays on screen; the two images are in the library.
    await page.reload();
    expect(await page.locator('.media-grid li').count()).toBe(before + 2);
    await context.close();
  });
});
