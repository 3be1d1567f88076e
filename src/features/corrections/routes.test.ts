import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { parseCorrectionForm } from './correction.js';
import { listCorrections } from './correction-store.js';

const NOW = new Date('2026-03-10T12:00:00Z');

describe('parseCorrectionForm', () => {
  it('takes today by default, an earlier day at its midnight, and refuses the rest', () => {
    const ok = parseCorrectionForm({ kind: 'update', body: ' Talks moved to Friday. ', date: '' }, NOW);
    expect(ok).toEqual({ ok: true, value: { kind: 'update', body: 'Talks moved to Friday.', notedAt: NOW } });
    const earlier = parseCorrectionForm({ kind: 'correction', body: 'x', date: '2026-03-08' }, NOW);
    expect(earlier.ok && earlier.value.notedAt.toISOString()).toBe('2026-03-08T00:00:00.000Z');
    const bad = parseCorrectionForm({ kind: 'retraction', body: '', date: '2026-02-30' }, NOW);
    expect(bad.ok ? {} : bad.errors).toEqual({
      correction_kind: 'corrections.error.kind',
      correction_body: 'corrections.error.body_required',
      correction_date: 'corrections.error.date',
    });
    const future = parseCorrectionForm({ kind: 'update', body: 'x', date: '2026-03-11' }, NOW);
    expect(future.ok ? {} : future.errors).toEqual({ correction_date: 'corrections.error.date_future' });
  });
});

describe.each(DIALECTS)('corrections on %s', (dialect) => {
  let app: TestApp;
  let articleId: number;
  let draftId: number;
  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const author = await makeAuthor(app.ctx.db, { slug: 'nadia', name: 'Nadia Orlova' });
    articleId = await makeArticle(app.ctx.db, {
      title: 'Caspian summit ends',
      slug: 'caspian-summit',
      authorIds: [author],
      bodyMd: 'Five leaders met in Aktau.',
      publishedAt: new Date('2026-03-01T08:00:00Z'),
    });
    draftId = await makeArticle(app.ctx.db, { title: 'Draft piece', slug: 'draft-piece', authorIds: [author], status: 'draft' });
  });
  afterEach(() => app.close());

  type Who = { cookie: string; csrf: string };
  const get = (url: string, who?: Who) => app.server.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const post = (who: Who, url: string, payload: Record<string, string>) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });

  it('publishes a note on the page, in JSON-LD, on the corrections page and in the feeds, and logs it', async () => {
    const ed = await app.signIn('editor');
    const editor = await get(`/admin/articles/${articleId}/edit`, ed);
    expect(editor.body).toContain(`action="/admin/articles/${articleId}/corrections"`);
    const res = await post(ed, `/admin/articles/${articleId}/corrections`, {
      kind: 'correction',
      body: 'An earlier version said four leaders met; there were five.',
      date: '2026-03-09',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/articles/${articleId}/edit?notice=corrected#corrections`);
    await post(ed, `/admin/articles/${articleId}/corrections`, { kind: 'update', body: 'The final communiqué is out.', date: '' });

    const page = (await get('/articles/caspian-summit')).body;
    expect(page).toContain('<h2 id="corrections-title">Corrections and updates</h2>');
    expect(page).toMatch(/<strong>Correction<\/strong> <time datetime="2026-03-09T00:00:00.000Z">9 March 2026<\/time>/);
    expect(page).toContain('An earlier version said four leaders met; there were five.');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)![1].replace(/\\u003c/g, '<'));
    const article = Array.isArray(ld) ? ld[0] : ld;
    expect(article.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version said four leaders met; there were five.',
        datePublished: '2026-03-09T00:00:00.000Z',
      },
      { '@type': 'CorrectionComment', text: 'The final communiqué is out.', datePublished: NOW.toISOString() },
    ]);

    const list = await get('/corrections');
    expect(list.statusCode).toBe(200);
    expect(list.body.indexOf('The final communiqué is out.')).toBeLessThan(list.body.indexOf('there were five'));
    expect(list.body).toContain('href="/articles/caspian-summit#correction-');
    // The Russian edition lists notes on its own articles only.
    expect((await get('/ru/corrections')).body).not.toContain('there were five');

    const rss = (await get('/feed.xml')).body;
    expect(rss).toContain('there were five');
    expect(rss).toContain(`<atom:updated>${NOW.toISOString()}</atom:updated>`);
    expect((await get('/atom.xml')).body).toContain('The final communiqué is out.');

    const audit = await app.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('action', 'like', 'article.%')
      .orderBy('id')
      .execute();
    expect(audit.filter((a) => a.action === 'article.correction' || a.action === 'article.update')).toEqual([
      { action: 'article.correction', subject_id: String(articleId) },
      { action: 'article.update', subject_id: String(articleId) },
    ]);

    // A mistaken note can be removed, and that is logged too.
    const [first] = await listCorrections(app.ctx.db, articleId);
    expect((await post(ed, `/admin/articles/${articleId}/corrections/${first.id}/delete`, {})).statusCode).toBe(303);
    expect((await get('/articles/caspian-summit')).body).not.toContain('there were five');
    expect((await post(ed, `/admin/articles/${articleId}/corrections/${first.id}/delete`, {})).statusCode).toBe(404);
  });

  it('refuses bad notes with a clear message, drafts with 409 and authors with 403', async () => {
    const ed = await app.signIn('editor');
    const empty = await post(ed, `/admin/articles/${articleId}/corrections`, { kind: 'correction', body: '  ', date: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Write the text of the note.');
    const future = await post(ed, `/admin/articles/${articleId}/corrections`, { kind: 'update', body: 'Soon.', date: '2027-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('The date cannot be in the future.');
    expect((await post(ed, `/admin/articles/${articleId}/corrections`, { kind: 'x', body: 'y', date: '' })).statusCode).toBe(422);
    const draft = await post(ed, `/admin/articles/${draftId}/corrections`, { kind: 'update', body: 'Not yet.', date: '' });
    expect(draft.statusCode).toBe(409);
    expect((await post(ed, '/admin/articles/99999/corrections', { kind: 'update', body: 'x', date: '' })).statusCode).toBe(404);
    const writer = await app.signIn('author');
    expect((await post(writer, `/admin/articles/${articleId}/corrections`, { kind: 'update', body: 'x', date: '' })).statusCode).toBe(403);
    expect(await listCorrections(app.ctx.db, articleId)).toEqual([]);
    expect((await get('/corrections')).body).toContain('No corrections yet.');
    expect((await get('/corrections?page=3')).statusCode).toBe(404);
  });
});
