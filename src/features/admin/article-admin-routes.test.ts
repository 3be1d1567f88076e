import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor, makeRubric, makeUser } from '../../../test/factories.js';
import { findArticleById, findArticleBySlug } from '../articles/article-store.js';
import { parseUtcLocal } from './article-admin-routes.js';

describe('parseUtcLocal', () => {
  it('reads datetime-local values as UTC and refuses impossible dates', () => {
    expect(parseUtcLocal('2026-03-02T08:00')?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(parseUtcLocal('2026-03-02T08:00:30')?.toISOString()).toBe('2026-03-02T08:00:30.000Z');
    expect(parseUtcLocal('2026-02-30T08:00')).toBeUndefined();
    expect(parseUtcLocal('tomorrow')).toBeUndefined();
    expect(parseUtcLocal('')).toBeUndefined();
  });
});

describe.each(DIALECTS)('article admin on %s', (dialect) => {
  let app: TestApp;
  let now: Date;
  let authorId: number;
  let rubricId: number;

  beforeEach(async () => {
    now = new Date('2026-03-01T09:00:00Z');
    app = await testApp(dialect, {}, { clock: () => now });
    authorId = await makeAuthor(app.ctx.db, { slug: 'sergey-saenko', name: 'Sergey Saenko' });
    rubricId = await makeRubric(app.ctx.db, { slug: 'analysis', name: 'Analysis' });
  });
  afterEach(() => app.close());

  type Who = { cookie: string; csrf: string };
  const get = (who: Who, url: string) => app.server.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (who: Who, url: string, payload: Record<string, string | string[]>) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });
  const form = (over: Record<string, string | string[]> = {}) => ({
    title: 'Bishkek and Beijing sign a railway deal',
    slug: '',
    lead: 'The line runs through the Torugart pass.',
    body: 'The **railway** will cost $4.7 billion.',
    language: 'en',
    rubric_id: String(rubricId),
    author_ids: [String(authorId)],
    tags: 'Kyrgyzstan, china',
    cover_url: '',
    cover_caption: '',
    cover_credit: '',
    comments_mode: 'on',
    action: 'draft',
    ...over,
  });
  const idOf = (location: unknown) => Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(location))![1]);

  it('lets an editor draft, publish, unpublish, schedule and delete an article', async () => {
    const ed = await app.signIn('editor');
    const page = await get(ed, '/admin/articles/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="title"');
    expect(page.body).toContain('src="/assets/js/editor.js"');
    expect(page.body).toContain('Publish at (UTC)');

    const draft = await post(ed, '/admin/articles/new', form());
    expect(draft.statusCode).toBe(303);
    expect(draft.headers.location).toMatch(/\/edit\?notice=saved$/);
    const id = idOf(draft.headers.location);
    let a = await findArticleById(app.ctx.db, id);
    expect(a).toMatchObject({ status: 'draft', slug: 'bishkek-and-beijing-sign-a-railway-deal', rubric: { id: rubricId } });
    expect(a!.tags.map((x) => x.slug).sort()).toEqual(['china', 'kyrgyzstan']);
    const edit = await get(ed, draft.headers.location as string);
    expect(edit.body).toContain('Saved.');
    expect(edit.body).toContain('value="Bishkek and Beijing sign a railway deal"');

    const pub = await post(ed, `/admin/articles/${id}/edit`, form({ slug: 'railway-deal', action: 'publish' }));
    expect(pub.headers.location).toBe(`/admin/articles/${id}/edit?notice=published`);
    a = await findArticleById(app.ctx.db, id);
    expect(a).toMatchObject({ status: 'published', slug: 'railway-deal', publishedAt: now.toISOString() });
    const pubPage = await app.server.inject({ method: 'GET', url: '/articles/railway-deal' });
    // The public article page may not be registered yet; when it is, the piece must be there.
    if (pubPage.statusCode !== 404) expect(pubPage.body).toContain('Bishkek and Beijing sign a railway deal');

    const un = await post(
      ed,
      `/admin/articles/${id}/edit`,
      form({ slug: 'railway-deal', title: 'Railway deal, revised', action: 'unpublish' }),
    );
    expect(un.headers.location).toBe(`/admin/articles/${id}/edit?notice=unpublished`);
    a = await findArticleById(app.ctx.db, id);
    expect(a).toMatchObject({ status: 'draft', title: 'Railway deal, revised' });

    const sch = await post(
      ed,
      `/admin/articles/${id}/edit`,
      form({ slug: 'railway-deal', action: 'schedule', publish_at: '2026-03-02T08:30' }),
    );
    expect(sch.headers.location).toBe(`/admin/articles/${id}/edit?notice=scheduled`);
    a = await findArticleById(app.ctx.db, id);
    expect(a).toMatchObject({ status: 'scheduled', publishedAt: '2026-03-02T08:30:00.000Z' });
    const schPage = await get(ed, `/admin/articles/${id}/edit`);
    expect(schPage.body).toContain('value="2026-03-02T08:30"');

    const confirm = await get(ed, `/admin/articles/${id}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`action="/admin/articles/${id}/delete"`);
    expect(await findArticleById(app.ctx.db, id)).toBeDefined();
    const del = await post(ed, `/admin/articles/${id}/delete`, {});
    expect(del.statusCode).toBe(303);
    expect(del.headers.location).toBe('/admin/articles?notice=deleted');
    expect(await findArticleById(app.ctx.db, id)).toBeUndefined();
    const actions = (await app.ctx.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(['article.publish', 'article.unpublish', 'article.schedule', 'article.delete']);
  });

  it('refuses a schedule time in the past or malformed, keeping the form', async () => {
    const ed = await app.signIn('editor');
    const past = await post(ed, '/admin/articles/new', form({ action: 'schedule', publish_at: '2026-03-01T08:00' }));
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('must be in the future');
    expect(past.body).toContain('value="2026-03-01T08:00"');
    const bad = await post(ed, '/admin/articles/new', form({ action: 'schedule', publish_at: 'soon' }));
    expect(bad.statusCode).toBe(422);
    expect(await app.ctx.db.selectFrom('articles').select('id').execute()).toHaveLength(0);
  });

  it('re-renders invalid input with 422, the values kept and messages shown', async () => {
    const ed = await app.signIn('editor');
    const res = await post(
      ed,
      '/admin/articles/new',
      form({ title: '', author_ids: [], lead: 'Kept <lead> & more', body: 'Body **kept**' }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('A title is required.');
    expect(res.body).toContain('Choose at least one author.');
    expect(res.body).toContain('Kept &lt;lead> &amp; more');
    expect(res.body).toContain('Body **kept**');
    // A duplicate slug is caught by the service and shown on the slug field.
    await makeArticle(app.ctx.db, { title: 'Taken', slug: 'taken', authorIds: [authorId] });
    const dup = await post(ed, '/admin/articles/new', form({ slug: 'taken' }));
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('Another article already uses this slug.');
    expect(dup.body).toContain('id="slug-error"');
  });

  it('rejects an oversized body with 422 and a 10 MB paste with 413, never 500', async () => {
    const ed = await app.signIn('editor');
    const long = await post(ed, '/admin/articles/new', form({ body: 'a'.repeat(500_001) }));
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('The body is longer than 500,000 characters.');
    const huge = await app.server.inject({
      method: 'POST',
      url: '/admin/articles/new',
      headers: { cookie: ed.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(ed.csrf)}&title=x&body=${'a'.repeat(10 * 1024 * 1024)}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('too large');
  });

  it('survives broken Markdown and hostile HTML in the body and the preview', async () => {
    const ed = await app.signIn('editor');
    const body =
      '# Title\n\n[link](javascript:alert(1)) <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n| a | b |\n|---\n> > > *\n\n```\nunclosed fence';
    const res = await post(ed, '/admin/articles/new', form({ body, action: 'preview' }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/class="preview-body[^>]*><h2>Title<\/h2>/);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toMatch(/<img[^>]*onerror/);
    expect(res.body).not.toContain('href="javascript:');
    expect(res.body).toContain('<code>unclosed fence');
    const saved = await post(ed, '/admin/articles/new', form({ body }));
    expect(saved.statusCode).toBe(303);
    const preview = await app.server.inject({
      method: 'POST',
      url: '/admin/articles/preview',
      headers: { cookie: ed.cookie, 'x-csrf-token': ed.csrf },
      payload: { body: '## Hello\n\n<script>x()</script>\n\nSome **bold**' },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<h2>Hello</h2>');
    expect(preview.body).toContain('<strong>bold</strong>');
    expect(preview.body).not.toContain('<script');
    const noToken = await app.server.inject({
      method: 'POST',
      url: '/admin/articles/preview',
      headers: { cookie: ed.cookie },
      payload: { body: 'x' },
    });
    expect(noToken.statusCode).toBe(403);
  });

  it('lists articles with status, title, author filters and pages', async () => {
    const other = await makeAuthor(app.ctx.db, { slug: 'anna', name: 'Anna Petrova' });
    for (let i = 1; i <= 27; i++)
      await makeArticle(app.ctx.db, { title: `Piece number ${i}`, authorIds: [authorId], status: i % 2 ? 'published' : 'draft' });
    await makeArticle(app.ctx.db, { title: 'Caspian gas talks', authorIds: [other], status: 'draft' });
    const ed = await app.signIn('editor');
    const all = await get(ed, '/admin/articles');
    expect(all.body).toContain('28 articles');
    expect(all.body).toContain('rel="next" href="/admin/articles?page=2"');
    const drafts = await get(ed, '/admin/articles?status=draft');
    expect(drafts.body).toContain('14 articles');
    const q = await get(ed, '/admin/articles?q=caspian');
    expect(q.body).toContain('1 article<');
    expect(q.body).toContain('Caspian gas talks');
    expect(q.body).toContain('Anna Petrova');
    const byAuthor = await get(ed, `/admin/articles?author=${other}`);
    expect(byAuthor.body).toContain('Caspian gas talks');
    expect(byAuthor.body).not.toContain('Piece number');
    const junk = await get(ed, '/admin/articles?status=nonsense&page=-3&author=abc');
    expect(junk.statusCode).toBe(200);
    expect(junk.body).toContain('28 articles');
  });

  it('shows authors only their own pieces and lets them edit only their own drafts', async () => {
    const writer = await app.signIn('author');
    await app.ctx.db.updateTable('authors').set({ user_id: writer.userId }).where('id', '=', authorId).execute();
    const other = await makeAuthor(app.ctx.db, { slug: 'anna', name: 'Anna Petrova' });
    const theirs = await makeArticle(app.ctx.db, { title: 'Not mine', authorIds: [other], status: 'draft' });
    const minePublished = await makeArticle(app.ctx.db, { title: 'Mine and published', authorIds: [authorId] });

    const list = await get(writer, '/admin/articles');
    expect(list.body).toContain('Mine and published');
    expect(list.body).not.toContain('Not mine');
    expect(list.body).not.toContain('id="f-author"');

    const newPage = await get(writer, '/admin/articles/new');
    expect(newPage.body).not.toContain('value="publish"');
    expect(newPage.body).toContain(`value="${authorId}" checked`);
    const created = await post(writer, '/admin/articles/new', form());
    expect(created.statusCode).toBe(303);
    const mine = idOf(created.headers.location);
    expect((await post(writer, `/admin/articles/${mine}/edit`, form({ title: 'Mine, edited' }))).statusCode).toBe(303);
    expect((await findArticleById(app.ctx.db, mine))?.title).toBe('Mine, edited');

    expect((await post(writer, `/admin/articles/${mine}/edit`, form({ action: 'publish' }))).statusCode).toBe(403);
    expect((await post(writer, '/admin/articles/new', form({ slug: 'other-one', action: 'publish' }))).statusCode).toBe(403);
    expect((await findArticleById(app.ctx.db, mine))?.status).toBe('draft');
    expect((await get(writer, `/admin/articles/${theirs}/edit`)).statusCode).toBe(403);
    expect((await post(writer, `/admin/articles/${theirs}/edit`, form({ title: 'Hijacked' }))).statusCode).toBe(403);
    expect((await findArticleById(app.ctx.db, theirs))?.title).toBe('Not mine');
    expect((await get(writer, `/admin/articles/${minePublished}/edit`)).statusCode).toBe(403);
    expect((await post(writer, `/admin/articles/${theirs}/delete`, {})).statusCode).toBe(403);
    expect(await findArticleById(app.ctx.db, theirs)).toBeDefined();
  });

  it('keeps moderators, readers and forged forms out', async () => {
    const id = await makeArticle(app.ctx.db, { title: 'Something', authorIds: [authorId], status: 'draft' });
    const mod = await app.signIn('moderator');
    for (const url of ['/admin/articles', '/admin/articles/new', `/admin/articles/${id}/edit`, `/admin/articles/${id}/delete`]) {
      expect((await get(mod, url)).statusCode).toBe(403);
    }
    expect((await post(mod, '/admin/articles/new', form())).statusCode).toBe(403);

    const reader = await app.signIn('reader');
    const asReader = await get(reader, '/admin/articles/new');
    expect(asReader.statusCode).toBe(303);
    expect(asReader.headers.location).toContain('/admin/login');
    expect((await post(reader, '/admin/articles/new', form())).statusCode).toBe(401);

    const ed = await app.signIn('editor');
    const forged = await app.server.inject({ method: 'POST', url: '/admin/articles/new', headers: { cookie: ed.cookie }, payload: form() });
    expect(forged.statusCode).toBe(403);
    const wrong = await post({ cookie: ed.cookie, csrf: 'forged' }, `/admin/articles/${id}/delete`, {});
    expect(wrong.statusCode).toBe(403);
    expect(await app.ctx.db.selectFrom('articles').select('id').execute()).toHaveLength(1);
  });

  it('answers 404 to unknown and non-numeric ids', async () => {
    const ed = await app.signIn('editor');
    for (const url of [
      '/admin/articles/9999/edit',
      '/admin/articles/abc/edit',
      '/admin/articles/1e3/edit',
      '/admin/articles/99999999999999/edit',
      '/admin/articles/9999/delete',
    ]) {
      expect((await get(ed, url)).statusCode, url).toBe(404);
    }
    expect((await post(ed, '/admin/articles/9999/edit', form())).statusCode).toBe(404);
    expect(await findArticleBySlug(app.ctx.db, 'bishkek-and-beijing-sign-a-railway-deal')).toBeUndefined();
  });

  it('makes a missing account-to-author link harmless: the author sees an empty list', async () => {
    await makeArticle(app.ctx.db, { title: 'Someone else', authorIds: [authorId] });
    const email = 'lone@example.org';
    await makeUser(app.ctx.db, { role: 'author', email: 'unused@example.org' });
    const lone = await app.signIn('author', email);
    const res = await get(lone, '/admin/articles');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Someone else');
  });
});
