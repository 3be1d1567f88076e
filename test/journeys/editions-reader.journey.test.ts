// Chromium journeys of a reader in each edition of the demo newsroom: from an article's facts to a country's
// dossier with names in the edition's language, then signing up (the confirmation mail in that language) and
// commenting on an article of that edition, held for moderation as a first comment is. axe-core on every page;
// screenshots on desktop and phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/features/demo/demo-loader.js';
import { saveModerationSettings } from '../../src/features/comments/moderation/settings.js';
import { SEND_MAIL_JOB } from '../../src/platform/mail-queue.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { startSmtp, type TestSmtp } from '../smtp.js';

const ADMIN = { email: 'admin@example.org', password: 'journey-password-5' };

const EDITIONS = [
  {
    lang: 'en',
    prefix: '',
    article: 'bishkek-beijing-partnership',
    country: 'Kyrgyzstan',
    names: ['Sadyr Japarov', 'China'],
    signup: 'Create an account',
    mail: /Confirm your email address/,
    confirmed: 'Address confirmed',
    pending: 'Awaiting moderation',
    held: 'Your comment is awaiting moderation',
    comment: 'The figures on the demonstration park deserve a follow-up.',
  },
  {
    lang: 'ru',
    prefix: '/ru',
    article: 'bishkek-pekin-partnerstvo',
    country: 'Киргизия',
    names: ['Садыр Жапаров', 'Китай'],
    signup: 'Создать учётную запись',
    mail: /Подтвердите адрес/,
    confirmed: 'Адрес подтверждён',
    pending: 'Ждёт модерации',
    held: 'Ваш комментарий ждёт модерации',
    comment: 'Цифры по демонстрационному парку стоит проверить ещё раз.',
  },
  {
    lang: 'zh',
    prefix: '/zh',
    article: 'bishkek-beijing-huoban-guanxi',
    country: '吉尔吉斯斯坦',
    names: ['萨德尔·扎帕罗夫', '中国'],
    signup: '创建账户',
    mail: /确认您在/,
    confirmed: '地址已确认',
    pending: '等待审核',
    held: '您的评论正在等待审核',
    comment: '示范园的投资数字值得再核实一下。',
  },
] as const;

describe('a reader in each edition, in Chromium', () => {
  let live: LiveApp;
  let browser: Browser;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    live = await liveApp(
      async (app) => {
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
        // A new commenter's first comment waits for a moderator.
        await saveModerationSettings(app.ctx.db, { premoderateNew: 1 });
      },
      { smtpUrl: smtp.url },
    );
    smtp.pump = () => live.app.ctx.jobs.runDue([SEND_MAIL_JOB]);
    browser = await launchBrowser();
  }, 180_000);
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
    (p as unknown as { consoleErrors: string[] }).consoleErrors = errors;
    return p;
  }
  const errorsOf = (p: Page) => (p as unknown as { consoleErrors: string[] }).consoleErrors;

  for (const ed of EDITIONS) {
    it(`opens a country's dossier from an article's facts, named in ${ed.lang}`, async () => {
      for (const [width, height, device] of [
        [1280, 900, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        const p = await page(width, height);
        await p.goto(`${live.url}/articles/${ed.article}`);
        expect(await p.getAttribute('html', 'lang')).toBe(ed.lang);
        const link = p.locator(`.facts-block a[href="${ed.prefix}/dossiers/country/kg"]`).first();
        expect(await link.textContent()).toBe(ed.country);
        await link.click();
        await p.waitForURL(new RegExp(`${ed.prefix}/dossiers/country/kg$`));
        expect(await p.getAttribute('html', 'lang')).toBe(ed.lang);
        expect(await p.textContent('h1')).toBe(ed.country);
        const main = (await p.textContent('main')) ?? '';
        for (const name of ed.names) expect(main).toContain(name);
        // A sentence quoted from an article in another language says which language it is in.
        for (const q of await p.locator('.fact-evidence[lang]').all()) expect(await q.getAttribute('lang')).not.toBe(ed.lang);
        // The switcher leads to the same dossier in the other editions.
        for (const other of EDITIONS.filter((o) => o.lang !== ed.lang))
          expect(await p.getAttribute(`nav.editions a[hreflang=${other.lang}]`, 'href')).toBe(`${other.prefix}/dossiers/country/kg`);
        await expectAccessible(p, `dossier ${ed.lang} ${device}`);
        await screenshot(p, `editions-dossier-${ed.lang}-${device}`);
        expect(errorsOf(p)).toEqual([]);
        await p.context().close();
      }
    }, 90_000);

    it(`signs up in ${ed.lang}, confirms by mail and comments on an article of that edition`, async () => {
      const email = `reader-${ed.lang}@example.org`;
      const password = `a long ${ed.lang} reader password`;
      const p = await page();
      await p.goto(`${live.url}${ed.prefix}/account/signup`);
      expect(await p.getAttribute('html', 'lang')).toBe(ed.lang);
      expect(await p.textContent('h1')).toBe(ed.signup);
      await expectAccessible(p, `signup ${ed.lang}`);
      await screenshot(p, `editions-signup-${ed.lang}-desktop`);
      await p.fill('#name', `Reader ${ed.lang.toUpperCase()}`);
      await p.fill('#email', email);
      await p.fill('#password', password);
      await p.waitForTimeout(3200); // the form guard wants a person's pace
      await p.click('main button[type=submit]');
      await p.waitForSelector('main h1');
      expect(await p.getAttribute('html', 'lang')).toBe(ed.lang);
      const mail = await smtp.waitFor((m) => ed.mail.test(m.subject ?? '') && JSON.stringify(m.to).includes(email));
      const link = new RegExp(`https?://\\S+${ed.prefix}/account/confirm\\?token=[\\w-]+`).exec(mail.text ?? '')?.[0];
      expect(link, mail.text).toBeDefined();
      await p.goto(link!);
      expect(await p.textContent('h1')).toBe(ed.confirmed);

      await p.goto(`${live.url}${ed.prefix}/account/login?next=${encodeURIComponent(`/articles/${ed.article}`)}`);
      expect(await p.getAttribute('html', 'lang')).toBe(ed.lang);
      await expectAccessible(p, `login ${ed.lang}`);
      await p.fill('#email', email);
      await p.fill('#password', password);
      await p.click('main button[type=submit]');
      await p.waitForURL(new RegExp(`/articles/${ed.article}`));
      await p.fill('#comment-text', ed.comment);
      await p.waitForTimeout(1100);
      await p.click('.comment-new button[type=submit]');
      await p.waitForSelector('.comment-pending');
      expect(await p.textContent('.comment-pending')).toContain(ed.pending);
      expect(await p.textContent('.comment-pending')).toContain(ed.comment);
      // The writer is told why, in the article's language.
      await expect.poll(async () => (await p.textContent('.comment-new')) ?? '').toContain(ed.held);
      await expectAccessible(p, `comment pending ${ed.lang}`);
      await p.locator('.comment-pending').scrollIntoViewIfNeeded();
      await screenshot(p, `editions-comment-${ed.lang}-desktop`);
      expect(errorsOf(p)).toEqual([]);

      // On a phone, the same article with the pending comment.
      const phone = await (
        await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: await p.context().storageState() })
      ).newPage();
      await phone.goto(`${live.url}/articles/${ed.article}#comments`);
      expect(await phone.textContent('.comment-pending')).toContain(ed.pending);
      await expectAccessible(phone, `comment pending ${ed.lang} phone`);
      await screenshot(phone, `editions-comment-${ed.lang}-phone`);
      await phone.context().close();

      // Readers see nothing yet: the comment waits for a moderator.
      const anon = await page();
      await anon.goto(`${live.url}/articles/${ed.article}`);
      expect((await anon.textContent('main')) ?? '').not.toContain(ed.comment);
      await anon.context().close();
      await p.context().close();
    }, 90_000);
  }
});
