// Messages that used to be English literals are said in the newsroom's language: one of each kind, in Russian.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeAuthor } from '../../../test/factories.js';
import { AppError } from '../../platform/errors.js';
import { messageKey, translator } from '../../platform/i18n/index.js';
import { upsertSetting } from './site-store.js';

const FIXTURES = join(import.meta.dirname, '..', 'import', 'fixtures');

/** A multipart/form-data body as a browser sends it: fields first, then one file. */
function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const boundary = '----chancery-ru-boundary';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(DIALECTS)('messages in Russian on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect);
    await upsertSetting(app.ctx.db, 'site.language', 'ru');
    await app.ctx.reloadSite();
  });
  afterEach(() => app.close());

  const upload = (
    who: { cookie: string; csrf: string },
    url: string,
    fields: Record<string, string>,
    file: { name: string; data: Buffer },
  ) => {
    const body = multipart({ _csrf: who.csrf, ...fields }, file);
    return app.server.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  it('says the publishing service’s refusal in Russian', async () => {
    const author = await app.signIn('author');
    const byline = await makeAuthor(app.ctx.db, { slug: 'ivanova', name: 'Анна Иванова', userId: author.userId });
    const input = {
      slug: 'statya',
      title: 'Статья',
      lead: '',
      bodyMd: 'Текст.',
      language: 'ru' as const,
      rubricId: null,
      authorIds: [byline],
      tagSlugs: [],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on' as const,
    };
    const refused = await app.ctx.publishing.save({ id: author.userId, role: 'author' }, input, { action: 'publish' }).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(translator('ru')(messageKey(refused.message))).toBe('Публиковать статьи и ставить их в расписание могут только редакторы.');
  });

  it('says a media upload refusal in Russian', async () => {
    const ed = await app.signIn('editor');
    const res = await upload(ed, '/admin/media', {}, { name: 'notes.txt', data: Buffer.from('not an image') });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('«notes.txt»: у файла должно быть одно из расширений: jpg, jpeg, png, webp, gif, avif, svg.');
  });

  it('says the import report’s skip reasons and warnings in Russian', async () => {
    const ed = await app.signIn('editor');
    const res = await upload(
      ed,
      '/admin/import',
      { platform: 'wordpress', drafts: '1' },
      { name: 'steppe.xml', data: readFileSync(join(FIXTURES, 'wordpress.xml')) },
    );
    // The import runs in the background: its page shows the report once it has ended.
    expect(res.statusCode).toBe(303);
    const url = String(res.headers.location);
    let page = await app.server.inject({ method: 'GET', url, headers: { cookie: ed.cookie, accept: 'application/json' } });
    for (let i = 0; i < 400 && (page.json() as { state: string }).state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      page = await app.server.inject({ method: 'GET', url, headers: { cookie: ed.cookie, accept: 'application/json' } });
    }
    const done = await app.server.inject({ method: 'GET', url, headers: { cookie: ed.cookie } });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('папка с медиафайлами не указана (--media DIR), а скачивание выключено');
    expect(done.body).toMatch(/изображение http/);
    expect(done.body).not.toContain('no media folder given');
    expect(done.body).not.toContain('its status is');
    // The items are named in Russian too: the skipped ones, and those the warnings are about.
    expect(done.body).toContain('элемент 30 «Main menu»');
    expect(done.body).toMatch(/запись 12 «Water talks[^<]*»: шорткоды удалены/);
    expect(done.body).not.toMatch(/\b(item|post) \d+/);
  });

  it('says the CSRF refusal in Russian', async () => {
    const ed = await app.signIn('editor');
    const res = await app.server.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { cookie: ed.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=forged&language=en&editions=root',
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Срок действия формы истёк. Обновите страницу и попробуйте снова.');
    expect(res.body).not.toContain('This form has expired');
  });
});
