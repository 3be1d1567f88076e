// Chromium journey through reader accounts on a phone: sign up, confirm by the mailed link,
// manage the profile, sign out; every page checked for accessibility.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { startSmtp, type TestSmtp } from '../smtp.js';
import { SEND_MAIL_JOB } from '../../src/platform/mail-queue.js';

describe('reader account journey in Chromium', () => {
  let live: LiveApp;
  let browser: Browser;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startSmtp();
    live = await liveApp(async () => undefined, { smtpUrl: smtp.url });
    // Mail goes through the job queue; the live app here does not poll, so waiting for a mail sends it.
    smtp.pump = () => live.app.ctx.jobs.runDue([SEND_MAIL_JOB]);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await live?.close();
    await smtp?.close();
  });

  it('a reader signs up on a phone, confirms by the email link, changes the name and signs out', async () => {
    const p: Page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    const errors: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(e.message));

    await p.goto(`${live.url}/`);
    await p.click('.masthead-account a');
    await p.waitForURL(/\/account\/login/);
    await expectAccessible(p, 'sign-in page');
    await p.click('a[href="/account/signup"]');
    await p.waitForURL(/\/account\/signup$/);
    // The honeypot is in the form but off screen and out of the tab order.
    const box = (await p.locator('input[name=website]').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(0);
    expect(await p.getAttribute('input[name=website]', 'tabindex')).toBe('-1');
    await p.fill('#name', 'Journey Reader');
    await p.fill('#email', 'journey@example.org');
    await p.fill('#password', 'short');
    // A person takes longer than the minimum fill time.
    await p.waitForTimeout(3100);
    await p.click('form[action="/account/signup"] button[type=submit]');
    expect(await p.textContent('.error-summary')).toContain('at least 10 characters');
    expect(await p.inputValue('#email')).toBe('journey@example.org');
    await expectAccessible(p, 'sign-up page with errors');
    await screenshot(p, 'account-signup-errors-phone');
    await p.fill('#password', 'a long enough secret');
    await p.waitForTimeout(3100);
    await p.click('form[action="/account/signup"] button[type=submit]');
    expect(await p.textContent('main')).toContain('Check your mail');

    const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('journey@example.org'));
    const link = /(http:\/\/127\.0\.0\.1:\d+\/account\/confirm\?token=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1];
    await p.goto(link);
    expect(await p.textContent('main')).toContain('your email address is confirmed');
    await p.click('main a[href="/account/login"]');
    await p.fill('#email', 'journey@example.org');
    await p.fill('#password', 'a long enough secret');
    await p.click('form[action="/account/login"] button[type=submit]');
    await p.waitForURL(/\/account$/);
    expect(await p.textContent('.masthead-account')).toBe('Journey Reader');
    await expectAccessible(p, 'profile page');
    await screenshot(p, 'account-profile-phone');

    await p.fill('#name', 'Journey R.');
    await p.click('form[action="/account/name"] button[type=submit]');
    await p.waitForURL(/notice=name_saved/);
    expect(await p.textContent('.masthead-account')).toBe('Journey R.');
    await p.click('form[action="/account/logout"] button[type=submit]');
    await p.waitForURL(`${live.url}/`);
    await p.goto(`${live.url}/account`);
    await p.waitForURL(/\/account\/login/);
    // The one 422 is the deliberate short password.
    expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    await p.close();
  }, 60_000);
});
