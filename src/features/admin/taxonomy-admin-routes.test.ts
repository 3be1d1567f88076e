import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { findArticleById } from '../articles/article-store.js';
import { findAuthorBySlug } from '../authors/author-store.js';
import { parseAuthorForm } from '../authors/admin-author-form.js';
import { parseRubricForm } from '../rubrics/admin-rubric-form.js';
import { findRubricBySlug } from '../rubrics/rubric-store.js';
import { parseTagForm } from '../tags/admin-tag-form.js';
import { findTagBySlug, slugify } from '../tags/tag-store.js';

describe('taxonomy forms', () => {
  it('derive slugs from names and reject bad input', () => {
    expect(parseRubricForm({ name: 'Analysis & Opinion', slug: '', description: '', position: '3' }, slugify)).toEqual({
      ok: true,
      value: { name: 'Analysis & Opinion', slug: 'analysis-opinion', description: '', position: 3 },
    });
    expect(parseRubricForm({ name: '', slug: 'Bad Slug', description: '', position: '-1' }, slugify)).toMatchObject({
      ok: false,
      errors: { name: expect.any(String), slug: expect.any(String), position: expect.any(String) },
    });
    expect(parseTagForm({ name: 'Шанхайская организация', slug: '', type: 'organisation' }, slugify)).toMatchObject({
      ok: true,
      value: { slug: 'shankhayskaya-organizatsiya' },
    });
    expect(parseTagForm({ name: 'X', slug: '', type: 'planet' }, slugify)).toMatchObject({
      ok: false,
      errors: { type: expect.any(String) },
    });
    expect(
      parseAuthorForm({ name: 'Anna', slug: '', title: '', bio: '', photoUrl: 'javascript:alert(1)', userId: 'x' }, slugify),
    ).toMatchObject({ ok: false, errors: { photo_url: expect.any(String), user_id: expect.any(String) } });
  });
});

describe.each(DIALECTS)('taxonomy admin on %s', (dialect) => {
  let app: TestApp;
  let changes: number;
  beforeEach(async () => {
    app = await testApp(dialect);
    changes = 0;
    const original = app.ctx.contentChanged;
    app.ctx.contentChanged = () => {
      changes++;
      original();
    };
  });
  afterEach(() => app.close());

  type Who = { cookie: string; csrf: string };
  const get = (who: Who, url: string) => app.server.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (who: Who, url: string, payload: Record<string, string>) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });

  it('creates, edits and deletes a rubric; a duplicate slug is a 422 with the values kept', async () => {
    const ed = await app.signIn('editor');
    expect((await get(ed, '/admin/rubrics/new')).statusCode).toBe(200);
    const made = await post(ed, '/admin/rubrics/new', { name: 'Analysis', slug: '', description: 'Long reads', position: '2' });
    expect(made.statusCode).toBe(303);
    const r = await findRubricBySlug(app.ctx.db, 'analysis');
    expect(r).toMatchObject({ name: 'Analysis', description: 'Long reads', position: 2 });
    expect(made.headers.location).toBe(`/admin/rubrics/${r!.id}/edit?notice=created`);
    expect(changes).toBe(1);

    const dup = await post(ed, '/admin/rubrics/new', { name: 'Another', slug: 'analysis', description: 'Kept text', position: '1' });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('Another entry already uses this slug.');
    expect(dup.body).toContain('Kept text');
    expect(dup.body).toContain('value="Another"');
    const empty = await post(ed, '/admin/rubrics/new', { name: '  ', slug: '', description: '', position: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('A name is required.');

    // Saving under its own slug is not a duplicate.
    const edited = await post(ed, `/admin/rubrics/${r!.id}/edit`, {
      name: 'Analysis and comment',
      slug: 'analysis',
      description: '',
      position: '1',
    });
    expect(edited.statusCode).toBe(303);
    expect((await findRubricBySlug(app.ctx.db, 'analysis'))?.name).toBe('Analysis and comment');
    const list = await get(ed, '/admin/rubrics');
    expect(list.body).toContain('Analysis and comment');

    const confirm = await get(ed, `/admin/rubrics/${r!.id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Yes, delete');
    const del = await post(ed, `/admin/rubrics/${r!.id}/delete`, {});
    expect(del.headers.location).toBe('/admin/rubrics?notice=deleted');
    expect(await findRubricBySlug(app.ctx.db, 'analysis')).toBeUndefined();
    const actions = (await app.ctx.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((x) => x.action);
    expect(actions).toEqual(['rubric.create', 'rubric.update', 'rubric.delete']);
    expect(changes).toBe(3);
  });

  it('manages authors with a byline title and a linked staff account', async () => {
    const ed = await app.signIn('editor');
    const writer = await app.signIn('author', 'writer@example.org');
    const res = await post(ed, '/admin/authors/new', {
      name: 'Sergey Saenko',
      slug: '',
      title: 'International Observer',
      bio: 'Writes on Central Asia.',
      photo_url: '',
      user_id: String(writer.userId),
    });
    expect(res.statusCode).toBe(303);
    const a = await findAuthorBySlug(app.ctx.db, 'sergey-saenko');
    expect(a).toMatchObject({ title: 'International Observer', userId: writer.userId });
    const form = await get(ed, `/admin/authors/${a!.id}/edit`);
    expect(form.body).toContain('value="International Observer"');
    expect(form.body).toContain(`value="${writer.userId}" selected`);
    // One account writes as one author.
    const twice = await post(ed, '/admin/authors/new', {
      name: 'Other',
      slug: '',
      title: '',
      bio: '',
      photo_url: '',
      user_id: String(writer.userId),
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('already writes as Sergey Saenko');
    const dup = await post(ed, '/admin/authors/new', {
      name: 'Sergey Saenko',
      slug: 'sergey-saenko',
      title: '',
      bio: '',
      photo_url: '',
      user_id: '',
    });
    expect(dup.statusCode).toBe(422);
    // Deleting an author keeps the articles.
    const articleId = await makeArticle(app.ctx.db, { title: 'A piece', authorIds: [a!.id, await makeAuthor(app.ctx.db, { slug: 'co' })] });
    await post(ed, `/admin/authors/${a!.id}/delete`, {});
    expect(await findAuthorBySlug(app.ctx.db, 'sergey-saenko')).toBeUndefined();
    expect((await findArticleById(app.ctx.db, articleId))?.authors.map((x) => x.slug)).toEqual(['co']);
  });

  it('manages tags with a type and shows how many articles carry each', async () => {
    const ed = await app.signIn('admin');
    const res = await post(ed, '/admin/tags/new', { name: 'Kazakhstan', slug: '', type: 'country' });
    expect(res.statusCode).toBe(303);
    const tag = await findTagBySlug(app.ctx.db, 'kazakhstan');
    expect(tag).toMatchObject({ type: 'country' });
    await makeArticle(app.ctx.db, {
      title: 'Astana talks',
      authorIds: [await makeAuthor(app.ctx.db, { slug: 'x' })],
      tagSlugs: ['kazakhstan'],
    });
    const list = await get(ed, '/admin/tags');
    expect(list.body).toMatch(/Kazakhstan<\/a><\/th><td[^>]*>kazakhstan<\/td><td[^>]*>Country<\/td><td[^>]*>1<\/td>/);
    const bad = await post(ed, `/admin/tags/${tag!.id}/edit`, { name: 'Kazakhstan', slug: 'Kaz Akh', type: 'planet' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Choose topic, country, organisation or person.');
    expect((await post(ed, `/admin/tags/${tag!.id}/delete`, {})).statusCode).toBe(303);
    expect(await findTagBySlug(app.ctx.db, 'kazakhstan')).toBeUndefined();
  });

  it('keeps authors and moderators out, and answers 404 to unknown ids', async () => {
    for (const role of ['author', 'moderator'] as const) {
      const who = await app.signIn(role);
      for (const url of ['/admin/authors', '/admin/rubrics/new', '/admin/tags']) expect((await get(who, url)).statusCode).toBe(403);
      expect((await post(who, '/admin/tags/new', { name: 'X', slug: '', type: 'topic' })).statusCode).toBe(403);
    }
    expect(await findTagBySlug(app.ctx.db, 'x')).toBeUndefined();
    const ed = await app.signIn('editor');
    for (const url of ['/admin/tags/999/edit', '/admin/authors/abc/edit', '/admin/rubrics/0/delete'])
      expect((await get(ed, url)).statusCode).toBe(404);
    const noCsrf = await app.server.inject({
      method: 'POST',
      url: '/admin/rubrics/new',
      headers: { cookie: ed.cookie },
      payload: { name: 'Sneaky' },
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});
