// Chromium journey of a conference: the organiser announces it with the time still open, a reader registers and gets mail,
// the organiser sets the time and the participant receives the updated calendar file; check-in at the door on a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../factories.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { startSmtp, type TestSmtp } from '../smtp.js';
import { SEND_MAIL_JOB } from '../../src/platform/mail-queue.js';

const ORGANISER = { email: 'organiser@example.org', password: 'correct horse battery' };
const TITLE = 'Greater Eurasia: corridors and capital';

describe('events journey in Chromium', () => {
  let live: LiveApp;
  let browser: Browser;
  let smtp: TestSmtp;
  let organiser: Page;
  let eventId = 0;
  let slug = '';
  let manageLink = '';

  beforeAll(async () => {
    smtp = await startSmtp();
    live = await liveApp(
      async (app) => {
        await makeUser(app.ctx.db, { role: 'editor', email: ORGANISER.email, name: 'Olga Organiser' });
      },
      { smtpUrl: smtp.url },
    );
    // Mail goes through the job queue; the live app here does not poll, so waiting for a mail sends it.
    smtp.pump = () => live.app.ctx.jobs.runDue([SEND_MAIL_JOB]);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await live?.close();
    await smtp?.close();
  });

  async function page(width = 1280, height = 900): Promise<Page> {
    const p = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    // A 422 or 409 answer to a rejected form is expected; anything else in the console is a bug.
    p.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4(22|09)/.test(m.text())) errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(e.message));
    (p as any).consoleErrors = errors;
    return p;
  }

  it('an organiser creates an event with its time to be announced and terms, publishes it and opens registration', async () => {
    organiser = await page();
    await organiser.goto(`${live.url}/admin/events/new`);
    await organiser.fill('#email', ORGANISER.email);
    await organiser.fill('#password', ORGANISER.password);
    await organiser.click('button[type=submit]');
    await organiser.waitForURL(/\/admin\/events\/new$/, { timeout: 5000 }).catch(async (e) => {
      console.log('URL', organiser.url(), (await organiser.textContent('main'))?.slice(0, 400));
      throw e;
    });
    await organiser.fill('#title', TITLE);
    await organiser.fill('#summary', 'Two days on transit corridors, finance and the new rules of trade across Eurasia.');
    await organiser.fill('#timezone', 'Europe/Moscow');
    await organiser.fill('#venue_name', 'The Radisson Lazurnaya Hotel');
    await organiser.fill('#venue_address', '103 Kurortniy Prospekt');
    await organiser.fill('#venue_city', 'Sochi');
    await organiser.selectOption('#venue_country', 'RU');
    await organiser.selectOption('#status', 'published');
    await organiser.fill('#terms', 'Participation is free. **Accreditation** is confirmed by email.');
    await organiser.click('form.event-form button[type=submit]');
    await organiser.waitForURL(/\/admin\/events\/\d+\/edit\?notice=created/);
    eventId = Number(/events\/(\d+)\/edit/.exec(organiser.url())![1]);
    slug = (await organiser.inputValue('#slug')) || 'greater-eurasia-corridors-and-capital';

    await organiser.click('nav.event-tabs >> text=Registration settings');
    await organiser.check('#enabled');
    await organiser.fill('#capacity', '40');
    await organiser.fill('#q_label_0', 'Which panel will you attend?');
    await organiser.selectOption('#q_kind_0', 'choice');
    await organiser.fill('#q_options_0', 'Corridors\nFinance');
    await organiser.check('#q_required_0');
    await organiser.click('form.registration-settings button[type=submit]');
    await organiser.waitForURL(/registration\?notice=saved/);
    expect(await organiser.textContent('main')).toContain('Registration settings saved.');
  }, 60_000);

  it('a reader registers without an account and gets the confirmation mail (no .ics while the time is open) with a working link', async () => {
    const p = await page();
    await p.goto(`${live.url}/events/${slug}`);
    expect(await p.textContent('.registration-state')).toContain('40 places left.');
    expect(await p.textContent('.event-facts')).toContain('Time to be announced');
    await p.fill('#reg-name', 'Aida Bekova');
    await p.fill('#reg-email', 'aida@example.org');
    await p.fill('#reg-organisation', 'Central Asia Observer');
    await p.selectOption('#reg-country', 'KG');
    await p.check('input[type=radio][value=Finance]');
    await screenshot(p, 'event-registration-desktop');
    await expectAccessible(p, 'event page with the registration form');
    const phone = await page(390, 844);
    await phone.goto(`${live.url}/events/${slug}`);
    await screenshot(phone, 'event-registration-phone');
    await expectAccessible(phone, 'event page on a phone');
    await phone.close();

    // Submitting without the terms shows a clear message and keeps what was typed.
    await p.waitForTimeout(3100);
    await p.click('.registration-submit');
    await p.waitForLoadState('load');
    expect(await p.textContent('.registration')).toContain('Accept the terms of participation to register.');
    expect(await p.inputValue('#reg-name')).toBe('Aida Bekova');
    await p.check('#reg-terms');
    await p.waitForTimeout(3100);
    await p.click('.registration-submit');
    await p.waitForURL(/\/registration\/[\w-]+\?notice=registered/);
    expect(await p.textContent('main')).toContain('Confirmed');

    const mail = await smtp.waitFor((m) => m.subject === `Registration confirmed: ${TITLE}`, 10_000);
    expect(mail.attachments.filter((a) => a.contentType.startsWith('text/calendar'))).toHaveLength(0);
    manageLink = /(http:\/\/127\.0\.0\.1:\d+\/events\/[\w-]+\/registration\/[\w-]+)/.exec(mail.text!)![1];
    await p.goto(manageLink);
    expect(await p.textContent('main')).toContain('Aida Bekova');
    expect(await p.textContent('main')).toContain('Version 1 accepted');
    expect((p as any).consoleErrors).toEqual([]);
    await p.close();
  }, 60_000);

  it('the organiser sets the time; the participant gets the update with the new .ics; the cancel link works', async () => {
    await organiser.goto(`${live.url}/admin/events/${eventId}/edit`);
    await organiser.check('input[name=start_kind][value=datetime]');
    await organiser.fill('#start_datetime', '2026-12-10T10:00');
    await organiser.click('form.event-form button[type=submit]');
    await organiser.waitForURL(/notice=saved/);
    await live.app.ctx.jobs.runDue();
    const update = await smtp.waitFor((m) => m.subject === `New time: ${TITLE}`, 10_000);
    const ics = update.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString();
    expect(ics).toContain('DTSTART;TZID=Europe/Moscow:20261210T100000');
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('METHOD:REQUEST');

    // A reader in New York also sees the time in their own zone; one in Moscow sees only the event's zone.
    const ny = await browser.newContext({ timezoneId: 'America/New_York', viewport: { width: 1280, height: 900 } });
    const nyPage = await ny.newPage();
    await nyPage.goto(`${live.url}/events/${slug}`);
    await expect.poll(() => nyPage.isVisible('.event-local')).toBe(true);
    expect(await nyPage.textContent('.event-local')).toMatch(/^Your time: .*2:00.*America\/New_York/);
    await ny.close();
    const msk = await browser.newContext({ timezoneId: 'Europe/Moscow' });
    const mskPage = await msk.newPage();
    await mskPage.goto(`${live.url}/events/${slug}`);
    await mskPage.waitForLoadState('load');
    expect(await mskPage.isVisible('.event-local')).toBe(false);
    await msk.close();

    const p = await page();
    await p.goto(manageLink);
    await p.click('.registration-cancel button');
    await p.waitForURL(/notice=cancelled/);
    expect(await p.textContent('.registration-status')).toContain('Cancelled');
    await smtp.waitFor((m) => m.subject === `Registration cancelled: ${TITLE}`, 10_000);
    await p.goto(`${live.url}/events/${slug}`);
    expect(await p.textContent('.registration-state')).toContain('40 places left.');
    await p.close();
  }, 60_000);

  it('check-in on the day, from a phone', async () => {
    // Two more participants registered by the page's own rules.
    const reg = await import('../../src/features/events/registration-jobs.js');
    const service = reg.registrationServiceFor(live.app.ctx);
    await service.register(
      eventId,
      { name: 'Bolot Osmonov', email: 'bolot@example.org', organisation: 'Kabar', position: 'Reporter', country: 'KG', answers: {} },
      { termsAccepted: true },
    );
    await service.register(
      eventId,
      { name: 'Zarina Kim', email: 'zarina@example.org', organisation: 'Asia-Plus', position: '', country: 'TJ', answers: {} },
      { termsAccepted: true },
    );
    await organiser.close();
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${live.url}/admin/login`);
    await phone.fill('#email', ORGANISER.email);
    await phone.fill('#password', ORGANISER.password);
    await phone.click('form button[type=submit]');
    await phone.waitForURL(/\/admin\/?$/);
    await phone.goto(`${live.url}/admin/events/${eventId}/check-in`);
    expect(await phone.textContent('.check-in-count')).toContain('0 of 2 checked in');
    await phone.fill('#check-in-q', 'zar');
    await phone.click('.check-in-search button');
    await phone.click('button:has-text("Mark attended: Zarina Kim")');
    await phone.waitForURL(/check-in\?q=zar/);
    expect(await phone.textContent('.check-in-count')).toContain('1 of 2 checked in');
    await phone.goto(`${live.url}/admin/events/${eventId}/check-in`);
    await screenshot(phone, 'event-check-in-phone');
    await expectAccessible(phone, 'check-in page');
    await phone.close();
  }, 60_000);
});
