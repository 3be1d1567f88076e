import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeAuthor } from '../../../test/factories.js';
import { findArticleById } from '../articles/article-store.js';
import { diffRevisions } from './revision.js';
import { listRevisions } from './revision-store.js';

describe('diffRevisions', () => {
  it('lists only the fields that changed, word by word', () => {
    const base = {
      title: 'Talks resume in Almaty',
      slug: 'talks',
      lead: '',
      bodyMd: 'Five states meet on Monday.',
      language: 'en' as const,
      rubricId: null,
      authorIds: [1],
      tagSlugs: ['water'],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on' as const,
    };
    const d = diffRevisions(base, { ...base, bodyMd: 'Five states meet on Tuesday.' });
    expect(d.map((x) => x.field)).toEqual(['Body']);
    expect(d[0].parts.filter((p) => p.removed).map((p) => p.text)).toEqual(['Monday']);
    expect(d[0].parts.filter((p) => p.added).map((p) => p.text)).toEqual(['Tuesday']);
  });
});

describe.each(DIALECTS)('revisions on %s', (dialect) => {
  let app: TestApp;
  let authorId: number;
  beforeEach(async () => {
    app = await testApp(dialect);
    authorId = await makeAuthor(app.ctx.db, { slug: 'sergey-saenko', name: 'Sergey Saenko' });
  });
  afterEach(() => app.close());

  type Who = { cookie: string; csrf: string };
  const get = (who: Who, url: string) => app.server.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (who: Who, url: string, payload: Record<string, string | string[]>) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });
  const form = (over: Record<string, string> = {}) => ({
    title: 'Water talks resume',
    slug: 'water-talks',
    lead: '',
    body: 'Delegations meet in Almaty on Monday.',
    language: 'en',
    rubric_id: '',
    author_ids: [String(authorId)],
    tags: '',
    cover_url: '',
    cover_caption: '',
    cover_credit: '',
    comments_mode: 'on',
    action: 'draft',
    ...over,
  });

  it('keeps a revision per save, compares two and restores one', async () => {
    const ed = await app.signIn('editor');
    const made = await post(ed, '/admin/articles/new', form());
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(made.headers.location))![1]);
    await post(ed, `/admin/articles/${id}/edit`, form({ body: 'Delegations meet in Almaty on Tuesday.' }));
    // Saving without a change keeps no new revision.
    await post(ed, `/admin/articles/${id}/edit`, form({ body: 'Delegations meet in Almaty on Tuesday.' }));
    await post(
      ed,
      `/admin/articles/${id}/edit`,
      form({ title: 'Water talks resume in Almaty', action: 'publish', body: 'Delegations meet in Almaty on Tuesday.' }),
    );
    const revisions = await listRevisions(app.ctx.db, id);
    expect(revisions.map((r) => r.input.title)).toEqual(['Water talks resume in Almaty', 'Water talks resume', 'Water talks resume']);
    expect(revisions[0].userId).toBe(ed.userId);

    const editor = await get(ed, `/admin/articles/${id}/edit`);
    expect(editor.body).toContain(`href="/admin/articles/${id}/revisions"`);
    const list = await get(ed, `/admin/articles/${id}/revisions`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Restore this version');
    expect(list.body.match(/name="to"/g)).toHaveLength(3);

    const oldest = revisions[2].id;
    const newest = revisions[0].id;
    const cmp = await get(ed, `/admin/articles/${id}/revisions/compare?from=${newest}&to=${oldest}`);
    expect(cmp.statusCode).toBe(200);
    expect(cmp.body).toContain('<h2>Title</h2>');
    expect(cmp.body).toContain('<del>Monday</del>');
    expect(cmp.body).toContain('<ins>Tuesday</ins>');
    expect(cmp.body).toContain('<span>Water talks resume </span><ins>in Almaty</ins>');

    const restored = await post(ed, `/admin/articles/${id}/revisions/${oldest}/restore`, {});
    expect(restored.statusCode).toBe(303);
    expect(restored.headers.location).toBe(`/admin/articles/${id}/edit?notice=restored`);
    const article = (await findArticleById(app.ctx.db, id))!;
    expect([article.title, article.bodyMd, article.status]).toEqual([
      'Water talks resume',
      'Delegations meet in Almaty on Monday.',
      'published',
    ]);
    expect((await listRevisions(app.ctx.db, id)).length).toBe(4);
    const audit = await app.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'article.restore').execute();
    expect(audit).toEqual([{ action: 'article.restore', detail: `revision ${oldest}` }]);
  });

  it("writes the revision in the save's transaction: a failed revision write leaves the article unchanged", async () => {
    const ed = await app.signIn('editor');
    const made = await post(ed, '/admin/articles/new', form());
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(made.headers.location))![1]);
    // The revision table goes away under the running app: the next save's revision write fails.
    await sql`alter table article_revisions rename to article_revisions_gone`.execute(app.ctx.db);
    const res = await post(ed, `/admin/articles/${id}/edit`, form({ title: 'Water talks collapse', body: 'Nobody came.' }));
    expect(res.statusCode).toBe(500);
    const article = (await findArticleById(app.ctx.db, id))!;
    expect([article.title, article.bodyMd]).toEqual(['Water talks resume', 'Delegations meet in Almaty on Monday.']);
    await sql`alter table article_revisions_gone rename to article_revisions`.execute(app.ctx.db);
    expect((await listRevisions(app.ctx.db, id)).map((r) => r.input.title)).toEqual(['Water talks resume']);
  });

  it('answers bad requests plainly and keeps other people out', async () => {
    const ed = await app.signIn('editor');
    const made = await post(ed, '/admin/articles/new', form());
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(made.headers.location))![1]);
    expect((await get(ed, `/admin/articles/${id}/revisions/compare?from=x&to=1`)).statusCode).toBe(400);
    expect((await get(ed, `/admin/articles/${id}/revisions/compare?from=99999&to=99998`)).statusCode).toBe(404);
    expect((await post(ed, `/admin/articles/${id}/revisions/99999/restore`, {})).statusCode).toBe(404);
    expect((await get(ed, '/admin/articles/99999/revisions')).statusCode).toBe(404);
    const writer = await app.signIn('author');
    expect((await get(writer, `/admin/articles/${id}/revisions`)).statusCode).toBe(403);
    const moderator = await app.signIn('moderator');
    expect((await get(moderator, `/admin/articles/${id}/revisions`)).statusCode).toBe(403);
  });
});
