// Chromium journey through staff passkeys with a virtual authenticator (the DevTools protocol's WebAuthn
// domain): an editor adds a passkey on the security page, gets recovery codes, signs out, and signs in again
// with the password and then the passkey; screenshots on a desktop and a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { makeUser } from '../factories.js';

describe('staff passkey journey in Chromium', () => {
  let live: LiveApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    live = await liveApp(async (app) => {
      await makeUser(app.ctx.db, { role: 'editor', email: 'ed@example.org', name: 'Edith' });
    });
    // WebAuthn takes a domain for its relying party, not an address: the same server as localhost.
    base = live.url.replace('127.0.0.1', 'localhost');
    live.app.ctx.config.baseUrl = base;
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  async function password(p: Page, email = 'ed@example.org') {
    await p.goto(`${base}/admin/login`);
    await p.fill('#email', email);
    await p.fill('#password', 'correct horse battery');
    await p.click('form[action="/admin/login"] button[type=submit]');
  }

  it('adds a passkey, then signs in with the password and the passkey', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(p);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });

    await password(p);
    await p.waitForURL(`${base}/admin`);
    await p.goto(`${base}/admin/account`);
    await expectAccessible(p, 'security page');
    await screenshot(p, 'account-security-desktop');
    await p.fill('#passkey-name', 'Laptop');
    await p.click('form[data-passkey-create] button[type=submit]');
    await p.waitForSelector('.recovery-codes');
    expect(await p.locator('.recovery-codes li').count()).toBe(10);
    expect(await p.textContent('.passkeys')).toContain('Laptop');
    await screenshot(p, 'account-passkey-added-desktop');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);

    // Sign out, and in again: the password leads to the second step, the passkey finishes it.
    await p.click('form[action="/admin/logout"] button');
    await p.waitForURL(/\/admin\/login/);
    await password(p);
    await p.waitForURL(/\/admin\/login\/code/);
    await expectAccessible(p, 'code page');
    await screenshot(p, 'admin-code-desktop');
    await p.click('form[data-passkey-sign-in] button[type=submit]');
    await p.waitForURL(`${base}/admin`);
    expect(await p.textContent('body')).toContain('Sign out Edith');
    const used = await live.app.ctx.db.selectFrom('user_passkeys').select('last_used_at').executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBe('');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows the security page and the code step on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const p = await context.newPage();
    await password(p);
    await p.waitForURL(/\/admin\/login\/code/);
    await screenshot(p, 'admin-code-phone');
    await context.close();
  }, 60_000);

  it('shows the security page in Russian and Chinese, on a desktop and a phone', async () => {
    await makeUser(live.app.ctx.db, { role: 'author', email: 'au@example.org', name: 'Au' });
    for (const lang of ['ru', 'zh']) {
      await live.app.ctx.db
        .insertInto('settings')
        .values({ key: 'site.language', value: lang })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: lang }))
        .execute();
      live.app.ctx.contentChanged();
      for (const [device, viewport] of [
        ['desktop', { width: 1280, height: 900 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        const context = await browser.newContext({ viewport });
        const p = await context.newPage();
        await p.goto(`${base}/`);
        await password(p, 'au@example.org');
        await p.waitForURL(`${base}/admin`);
        await p.goto(`${base}/admin/account`);
        expect(await p.getAttribute('html', 'lang')).toBe(lang);
        await screenshot(p, `account-security-${lang}-${device}`);
        await context.close();
      }
    }
  }, 120_000);
});
