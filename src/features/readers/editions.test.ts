// The reader's account pages in each edition: /ru/account/… speaks Russian, its mails too, and their links and
// redirects stay in the edition, while the root edition keeps the newsroom's language.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';

const NOW = new Date('2026-06-01T10:00:00Z');

describe.each(DIALECTS)('account pages in each edition on %s', (dialect) => {
  let smtp: TestSmtp;
  let app: TestApp;
  let now: Date;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });
  beforeEach(async () => {
    now = NOW;
    app = await testApp(dialect, { smtpUrl: smtp.url }, { clock: () => now });
    smtp.pump = () => app.sendQueuedMail();
  });
  afterEach(async () => {
    await app.close();
  });

  it('signs a reader up in Russian under /ru/, with a Russian mail whose link stays in the edition', async () => {
    const form = await app.server.inject({ url: '/ru/account/signup', remoteAddress: '10.0.0.7' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<html lang="ru"');
    expect(form.body).toContain('Создать учётную запись');
    expect(form.body).toContain('action="/ru/account/signup"');
    expect(form.body).toContain('href="/ru/account/login"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const stamp = /name="_ts" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const cookie = ([] as string[])
      .concat((form.headers['set-cookie'] as string | string[]) ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    now = new Date(NOW.getTime() + 5000);
    const res = await app.server.inject({
      method: 'POST',
      url: '/ru/account/signup',
      remoteAddress: '10.0.0.7',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: csrf,
        _ts: stamp,
        website: '',
        name: 'Анна',
        email: 'anna@example.org',
        password: 'a long enough secret',
      }).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Проверьте почту');
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to ?? '').includes('anna@example.org'));
    expect(mail.subject).toContain('Подтвердите адрес');
    const link = /https?:\/\/\S+\/account\/confirm\?token=[\w-]+/.exec(mail.text ?? '')?.[0] ?? '';
    expect(new URL(link).pathname).toBe('/ru/account/confirm');
    const confirmed = await app.server.inject({ url: new URL(link).pathname + new URL(link).search });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Адрес подтверждён');
  });

  it('keeps redirects in the edition and English at the root', async () => {
    expect((await app.server.inject('/account/signup')).body).toContain('Create an account');
    const zh = await app.server.inject('/zh/account/login');
    expect(zh.body).toContain('<html lang="zh"');
    expect(zh.body).toContain('name="next" value="/zh/account"');
    expect(zh.body).toContain('href="/zh/account/signup"');
    // The switcher leads to the same page in the other editions.
    expect(zh.body).toMatch(/<nav class="editions"[^>]*>[\s\S]*href="\/ru\/account\/login" hreflang="ru"/);
    const profile = await app.server.inject('/ru/account');
    expect(profile.statusCode).toBe(303);
    expect(profile.headers.location).toBe('/ru/account/login?next=%2Fru%2Faccount');
    // The root edition's language under its prefix is only a way to the root.
    expect((await app.server.inject('/en/account/login')).headers.location).toBe('/account/login');
  });
});
