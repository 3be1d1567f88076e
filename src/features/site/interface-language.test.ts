// The newsroom's language (`site.language`) is the language of the whole interface: public pages, the
// reader's account pages and mails, and the admin, with each language's plural rules.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { upsertSetting } from './site-store.js';

const NOW = new Date('2026-06-01T10:00:00Z');

describe.each(DIALECTS)('the interface language on %s', (dialect) => {
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

  async function speak(lang: string) {
    await upsertSetting(app.ctx.db, 'site.language', lang);
    app.ctx.contentChanged();
  }

  it('is English in a new newsroom', async () => {
    const home = await app.server.inject('/');
    expect(home.body).toContain('<html lang="en"');
    expect(home.body).toContain('Skip to content');
  });

  it('speaks Russian on public pages, account pages and the admin once the newsroom chooses it', async () => {
    const author = await makeAuthor(app.ctx.db, { slug: 'ivanova', name: 'Анна Иванова' });
    for (let i = 0; i < 5; i++)
      await makeArticle(app.ctx.db, { slug: `statya-${i}`, title: `Статья ${i}`, language: 'ru', authorIds: [author], publishedAt: NOW });
    await speak('ru');
    const home = await app.server.inject('/');
    expect(home.body).toContain('<html lang="ru"');
    expect(home.body).toContain('Перейти к содержанию');
    expect(home.body).not.toContain('Skip to content');
    const archive = await app.server.inject('/archive');
    expect(archive.body).toContain('5 статей');
    expect((await app.server.inject('/account/signup')).body).toContain('Создать учётную запись');
    expect((await app.server.inject('/search?q=zzzz')).body).toContain('ничего не найдено');
    const missing = await app.server.inject('/articles/no-such-article');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Страница не найдена');

    const login = await app.server.inject('/admin/login');
    expect(login.body).toContain('<html lang="ru"');
    expect(login.body).toContain('Вход в редакцию');
    const editor = await app.signIn('editor');
    const dash = await app.server.inject({ url: '/admin', headers: { cookie: editor.cookie } });
    expect(dash.body).toContain('Сводка');
    expect(dash.body).toContain('Выйти');
    expect(dash.body).toMatch(/<strong>5<\/strong> опубликовано/);
    expect(dash.body).not.toContain('Recently edited');
  });

  it('writes the reader’s mails in the newsroom’s language', async () => {
    await speak('zh');
    const form = await app.server.inject({ url: '/account/signup', remoteAddress: '10.0.0.9' });
    expect(form.body).toContain('<html lang="zh"');
    expect(form.body).toContain('创建账户');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const stamp = /name="_ts" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const cookie = ([] as string[])
      .concat((form.headers['set-cookie'] as string | string[]) ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    now = new Date(NOW.getTime() + 5000);
    const res = await app.server.inject({
      method: 'POST',
      url: '/account/signup',
      remoteAddress: '10.0.0.9',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: csrf,
        _ts: stamp,
        website: '',
        name: '王芳',
        email: 'wang@example.org',
        password: 'a long enough secret',
      }).toString(),
    });
    expect(res.body).toContain('请查收邮件');
    const mail = await smtp.waitFor((m) => JSON.stringify(m.to ?? '').includes('wang@example.org'));
    expect(mail.subject).toContain('确认您在');
    expect(mail.text).toContain('王芳，您好');
  });
});
