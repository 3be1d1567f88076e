import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { findArticleBySlug } from '../articles/article-store.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** A multipart/form-data body as a browser sends it: fields first, then the file. */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = '----chancery-import-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: text/xml\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(DIALECTS)('the import page (%s)', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect);
  });
  afterEach(() => app.close());

  const post = (who: { cookie: string; csrf: string }, fields: Record<string, string>, file?: { name: string; data: Buffer }) => {
    const body = multipart({ _csrf: who.csrf, ...fields }, file);
    return app.server.inject({
      method: 'POST',
      url: '/admin/import',
      headers: { cookie: who.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  it('imports an uploaded WordPress export and reports what it did and skipped', async () => {
    const ed = await app.signIn('editor');
    const page = await app.server.inject({ method: 'GET', url: '/admin/import', headers: { cookie: ed.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Import from another platform');
    expect(page.body).toContain('href="/admin/import"');

    const res = await post(
      ed,
      { platform: 'wordpress', drafts: '1' },
      { name: 'steppe.xml', data: readFileSync(join(FIXTURES, 'wordpress.xml')) },
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Articles: 5 new, 0 updated, 0 unchanged.');
    // Without the uploads folder the images are skipped, and said so.
    expect(res.body).toContain('no media folder given');
    expect((await findArticleBySlug(app.ctx.db, 'water-talks'))?.status).toBe('draft');
    const audit = await app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'import.run').execute();
    expect(audit).toHaveLength(1);

    const ghost = await post(ed, { platform: 'ghost' }, { name: 'ghost.json', data: readFileSync(join(FIXTURES, 'ghost.json')) });
    expect(ghost.body).toContain('Articles: 4 new');
  });

  it('says what is wrong with a missing or foreign file, and keeps authors out', async () => {
    const ed = await app.signIn('editor');
    const none = await post(ed, { platform: 'wordpress' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose the export file to import.');
    const bad = await post(ed, { platform: 'wordpress' }, { name: 'x.xml', data: Buffer.from('<html><body/></html>') });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('This file cannot be imported: not a WordPress export');
    const json = await post(ed, { platform: 'ghost' }, { name: 'x.json', data: Buffer.from('{"posts":') });
    expect(json.statusCode).toBe(422);
    expect(json.body).toContain('not valid JSON');
    const author = await app.signIn('author', 'author@example.org');
    expect((await app.server.inject({ method: 'GET', url: '/admin/import', headers: { cookie: author.cookie } })).statusCode).toBe(403);
    expect((await post(author, { platform: 'wordpress' })).statusCode).toBe(403);
  });
});
