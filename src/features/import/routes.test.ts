import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { findArticleBySlug } from '../articles/article-store.js';
import { insertImportRun, updateImportRunProgress } from './import-run-store.js';

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

  /** Follows an accepted upload to its import's page and waits there for the import to end; returns the page. */
  async function finished(who: { cookie: string }, res: { statusCode: number; headers: Record<string, unknown> }) {
    expect(res.statusCode).toBe(303);
    const url = String(res.headers.location);
    expect(url).toMatch(/^\/admin\/import\/runs\/\d+$/);
    const seen: { done: number; total: number }[] = [];
    for (let i = 0; i < 400; i++) {
      const json = await app.server.inject({ method: 'GET', url, headers: { cookie: who.cookie, accept: 'application/json' } });
      const s = json.json() as { state: string; done: number; total: number; status: string };
      seen.push({ done: s.done, total: s.total });
      if (s.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const page = await app.server.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
    return { page, url, seen };
  }

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
    const { page: done } = await finished(ed, res);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Articles: 5 new, 0 updated, 0 unchanged.');
    // Without the uploads folder the images are skipped, and said so.
    expect(done.body).toContain('no media folder given');
    expect((await findArticleBySlug(app.ctx.db, 'water-talks'))?.status).toBe('draft');
    const audit = await app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'import.run').execute();
    expect(audit).toHaveLength(1);

    const ghost = await post(ed, { platform: 'ghost' }, { name: 'ghost.json', data: readFileSync(join(FIXTURES, 'ghost.json')) });
    expect((await finished(ed, ghost)).page.body).toContain('Articles: 4 new');
  });

  it('says what is wrong with a missing or foreign file, and keeps authors out', async () => {
    const ed = await app.signIn('editor');
    const none = await post(ed, { platform: 'wordpress' });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose the export file to import.');
    // A file of the wrong kind is refused by the import itself: its page says why, with the form to try again.
    const bad = await finished(ed, await post(ed, { platform: 'wordpress' }, { name: 'x.xml', data: Buffer.from('<html><body/></html>') }));
    expect(bad.page.statusCode).toBe(422);
    expect(bad.page.body).toContain('This file cannot be imported: not a WordPress export');
    expect(bad.page.body).toContain('action="/admin/import"');
    const json = await finished(ed, await post(ed, { platform: 'ghost' }, { name: 'x.json', data: Buffer.from('{"posts":') }));
    expect(json.page.statusCode).toBe(422);
    expect(json.page.body).toContain('not valid JSON');
    expect((await app.server.inject({ method: 'GET', url: '/admin/import/runs/9999', headers: { cookie: ed.cookie } })).statusCode).toBe(
      404,
    );
    expect((await app.server.inject({ method: 'GET', url: '/admin/import/runs/x', headers: { cookie: ed.cookie } })).statusCode).toBe(404);
    const author = await app.signIn('author', 'author@example.org');
    expect((await app.server.inject({ method: 'GET', url: '/admin/import', headers: { cookie: author.cookie } })).statusCode).toBe(403);
    expect((await post(author, { platform: 'wordpress' })).statusCode).toBe(403);
    expect((await app.server.inject({ method: 'GET', url: bad.url, headers: { cookie: author.cookie } })).statusCode).toBe(403);
  });

  it('tells an import that failed on our side as such, without the error itself', async () => {
    const ed = await app.signIn('editor');
    // The database refuses every new author: the import breaks on something that is not the file's fault.
    if (dialect === 'sqlite')
      await sql`create trigger refuse_authors before insert on authors begin select raise(abort, 'disk on fire'); end`.execute(app.ctx.db);
    else {
      await sql`create function refuse_authors() returns trigger language plpgsql as $$
        begin raise exception 'disk on fire'; end $$`.execute(app.ctx.db);
      await sql`create trigger refuse_authors before insert on authors for each row execute function refuse_authors()`.execute(app.ctx.db);
    }
    const { page } = await finished(
      ed,
      await post(ed, { platform: 'wordpress' }, { name: 'steppe.xml', data: readFileSync(join(FIXTURES, 'wordpress.xml')) }),
    );
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('The import failed on our side.');
    expect(page.body).not.toContain('disk on fire');
  });

  it('shows an import under way with its count, refreshed, and one whose process stopped as stalled', async () => {
    const ed = await app.signIn('editor');
    const now = app.ctx.clock();
    const id = await insertImportRun(app.ctx.db, { platform: 'wordpress', fileName: 'big.xml', userId: ed.userId }, now);
    const get = (accept?: string) =>
      app.server.inject({ method: 'GET', url: `/admin/import/runs/${id}`, headers: { cookie: ed.cookie, ...(accept ? { accept } : {}) } });
    let page = await get();
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Importing big.xml');
    expect(page.body).toContain('Reading the export…');
    // Without a script the page reloads itself; with one, import.js asks for the figures.
    expect(page.body).toContain('<noscript><meta http-equiv="refresh" content="2"/></noscript>');
    expect(page.body).toContain(`data-import-run="/admin/import/runs/${id}"`);
    expect(page.body).toContain('src="/assets/js/import.js"');
    await updateImportRunProgress(app.ctx.db, id, { done: 12, total: 0, label: '' }, now);
    expect((await get()).body).toContain('Reading the export: 12 entries read so far.');
    await updateImportRunProgress(app.ctx.db, id, { done: 7, total: 40, label: 'articles' }, now);
    page = await get();
    expect(page.body).toMatch(/<progress class="import-progress" max="40" value="7"/);
    expect(page.body).toContain('Items imported or skipped: 7 of 40.');
    expect((await get('application/json')).json()).toEqual({
      state: 'running',
      done: 7,
      total: 40,
      status: 'Items imported or skipped: 7 of 40.',
    });
    // Nothing heard for longer than an import pauses: its process stopped (a restart).
    await app.ctx.db
      .updateTable('import_runs')
      .set({ updated_at: new Date(now.getTime() - 11 * 60_000).toISOString() })
      .where('id', '=', id)
      .execute();
    page = await get();
    expect(page.body).toContain('This import stopped before it finished');
    expect(page.body).not.toContain('http-equiv="refresh"');
    expect((await get('application/json')).json()).toMatchObject({ state: 'stalled' });
  });
});
