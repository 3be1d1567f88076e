// Chromium journeys through the demo newsroom's three editions: each home page, an article and its switcher
// there and back, search by a Russian word form and by a Chinese word inside a sentence, and an editor
// linking a translation. axe-core on every page; screenshots on desktop and phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/features/demo/demo-loader.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';

const ADMIN = { email: 'admin@example.org', password: 'journey-password-1' };

describe('the three editions in Chromium', () => {
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
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(e.message));
    (p as unknown as { consoleErrors: string[] }).consoleErrors = errors;
    return p;
  }
  const errorsOf = (p: Page) => (p as unknown as { consoleErrors: string[] }).consoleErrors;

  it('shows each edition’s home in its language, on desktop and phone', async () => {
    for (const [path, lang, skip] of [
      ['/', 'en', 'Skip to content'],
      ['/ru/', 'ru', 'Перейти к содержанию'],
      ['/zh/', 'zh', '跳到正文'],
    ] as const) {
      for (const [width, height, device] of [
        [1280, 900, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        const p = await page(width, height);
        await p.goto(live.url + path);
        expect(await p.getAttribute('html', 'lang')).toBe(lang);
        expect(await p.textContent('a.skip')).toBe(skip);
        await expectAccessible(p, `home ${lang} ${device}`);
        await screenshot(p, `languages-home-${lang}-${device}`);
        expect(errorsOf(p)).toEqual([]);
        await p.close();
      }
    }
  });

  it('shows the Sochi conference in each edition’s language, on desktop and phone', async () => {
    for (const [prefix, lang, title, venue] of [
      ['', 'en', 'Greater Eurasia: Corridors, Capital and Cooperation', 'The Radisson Lazurnaya Hotel'],
      ['/ru', 'ru', 'Большая Евразия: коридоры, капитал и сотрудничество', 'Отель «Рэдиссон Лазурная»'],
      ['/zh', 'zh', '大欧亚：走廊、资本与合作', '丽笙拉祖尔纳亚酒店'],
    ] as const) {
      for (const [width, height, device] of [
        [1280, 900, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        const p = await page(width, height);
        await p.goto(`${live.url}${prefix}/events/greater-eurasia-connectivity-conference`);
        expect(await p.getAttribute('html', 'lang')).toBe(lang);
        expect(await p.textContent('h1')).toBe(title);
        expect(await p.textContent('.event-venue-name')).toBe(venue);
        if (lang === 'ru') expect(await p.textContent('h2')).toBe('Программа (предварительная)');
        await expectAccessible(p, `event ${lang} ${device}`);
        await screenshot(p, `languages-event-${lang}-${device}`);
        expect(errorsOf(p)).toEqual([]);
        await p.close();
      }
    }
    const p = await page();
    await p.goto(`${live.url}/ru/events/greater-eurasia-connectivity-conference/terms`);
    expect(await p.textContent('h2')).toBe('Условия участия');
    await expectAccessible(p, 'event terms ru');
    await p.close();
  });

  it('goes from the English analysis to its Russian and Chinese versions and back', async () => {
    const p = await page();
    await p.goto(`${live.url}/articles/bishkek-beijing-partnership`);
    await p.click('nav.editions a[hreflang=ru]');
    await expect.poll(() => p.url()).toContain('/articles/bishkek-pekin-partnerstvo');
    expect(await p.getAttribute('html', 'lang')).toBe('ru');
    expect(await p.textContent('h1')).toContain('Бишкек и Пекин');
    await expectAccessible(p, 'article ru');
    await screenshot(p, 'languages-article-ru-desktop');
    await p.click('nav.editions a[hreflang=zh]');
    await expect.poll(() => p.url()).toContain('/articles/bishkek-beijing-huoban-guanxi');
    expect(await p.getAttribute('html', 'lang')).toBe('zh');
    await expectAccessible(p, 'article zh');
    await p.click('nav.editions a[hreflang=en]');
    await expect.poll(() => p.url()).toContain('/articles/bishkek-beijing-partnership');
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    expect(errorsOf(p)).toEqual([]);
    const phone = await page(390, 844);
    await phone.goto(`${live.url}/articles/bishkek-pekin-partnerstvo`);
    await screenshot(phone, 'languages-article-ru-phone');
  });

  it('searches a Russian word form in the Russian edition and a Chinese word inside a sentence', async () => {
    const p = await page();
    await p.goto(`${live.url}/ru/`);
    await p.fill('#masthead-q', 'железной дороги');
    await p.press('#masthead-q', 'Enter');
    await expect.poll(() => p.url()).toContain('/ru/search?q=');
    expect(await p.locator('.search-hit-title a').allTextContents()).toContain(
      'Железная дорога Китай — Киргизия — Узбекистан: после двадцати пяти лет переговоров началась стройка',
    );
    expect(await p.textContent('.search-count')).toMatch(/результат/);
    await expectAccessible(p, 'search ru');
    await screenshot(p, 'languages-search-ru-desktop');

    await p.goto(`${live.url}/zh/`);
    await p.fill('#masthead-q', '铁路');
    await p.press('#masthead-q', 'Enter');
    await expect.poll(() => p.url()).toContain('/zh/search?q=');
    const titles = await p.locator('.search-hit-title a').allTextContents();
    expect(titles).toContain('中吉乌铁路开工：谈判二十五年后破土动工');
    expect(await p.locator('.search-hit mark').first().textContent()).toBe('铁路');
    await expectAccessible(p, 'search zh');
    await screenshot(p, 'languages-search-zh-desktop');
    expect(errorsOf(p)).toEqual([]);
  });

  it('lets an editor link a translation from the article editor', async () => {
    const p = await page();
    await p.goto(`${live.url}/admin/login`);
    await p.fill('#email', ADMIN.email);
    await p.fill('#password', ADMIN.password);
    await p.click('button[type=submit]');
    await p.goto(`${live.url}/admin/articles?q=Ташкент`);
    await p.goto(`${live.url}/admin/articles`);
    const href = await p.locator('a', { hasText: 'Ташкент и Москва' }).first().getAttribute('href');
    await p.goto(live.url + href!);
    await p.fill('#translation_slug', 'no-such-article');
    await p.click('.editor-translations button[type=submit]');
    expect(await p.textContent('.editor-translations')).toContain('No article has this address.');
    await p.fill('#translation_slug', 'kazakhstan-uzbekistan-trade');
    await p.click('.editor-translations button[type=submit]');
    expect(await p.textContent('.editor-translations')).toContain('The group already has an article in this language.');
    await p.fill('#translation_slug', 'china-turkmenistan-state-visit-zh');
    await p.click('.editor-translations button[type=submit]');
    await expect.poll(() => p.url()).toContain('notice=linked');
    expect(await p.textContent('.editor-translations')).toContain('中国同土库曼斯坦签署多项合作文件');
    await expectAccessible(p, 'editor translations');
    await screenshot(p, 'languages-editor-translations');
  });
  it('puts every edition under its prefix when the newsroom chooses it in the settings, and back', async () => {
    const p = await page();
    await p.goto(`${live.url}/admin/login`);
    await p.fill('#email', ADMIN.email);
    await p.fill('#password', ADMIN.password);
    await p.click('button[type=submit]');
    await p.goto(`${live.url}/admin/settings`);
    await p.check('#editions-prefixed');
    await p.click('.site-settings button[type=submit]');
    await expect.poll(() => p.url()).toContain('notice=saved');
    await expectAccessible(p, 'site settings');
    await screenshot(p, 'languages-settings-prefixed');

    // The root goes to the default edition's home, and an old address to its prefixed one.
    await p.goto(`${live.url}/`);
    expect(new URL(p.url()).pathname).toBe('/en/');
    expect(await p.getAttribute('a.brand', 'href')).toBe('/en/');
    await screenshot(p, 'languages-prefixed-home-en');
    await p.goto(`${live.url}/articles/bishkek-beijing-partnership`);
    expect(new URL(p.url()).pathname).toBe('/en/articles/bishkek-beijing-partnership');
    expect(await p.getAttribute('link[rel=canonical]', 'href')).toBe(`${live.url}/en/articles/bishkek-beijing-partnership`);
    await p.click('nav.editions a[hreflang=ru]');
    await expect.poll(() => new URL(p.url()).pathname).toBe('/ru/articles/bishkek-pekin-partnerstvo');
    expect(await p.getAttribute('html', 'lang')).toBe('ru');
    await expectAccessible(p, 'prefixed article ru');
    await screenshot(p, 'languages-prefixed-article-ru');
    expect(errorsOf(p)).toEqual([]);

    // Back to the default language at the root: the prefixed addresses lead there.
    await p.goto(`${live.url}/admin/settings`);
    await p.check('#editions-root');
    await p.click('.site-settings button[type=submit]');
    await expect.poll(() => p.url()).toContain('notice=saved');
    await p.goto(`${live.url}/en/articles/bishkek-beijing-partnership`);
    expect(new URL(p.url()).pathname).toBe('/articles/bishkek-beijing-partnership');
  });
});
