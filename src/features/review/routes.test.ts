import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeAuthor } from '../../../test/factories.js';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { findArticleById } from '../articles/article-store.js';
import { threadNotes } from './review.js';
import { findReview, listNotes } from './review-store.js';
import { createReviewService } from './review-service.js';
import { inputOfArticle } from './routes.js';

let now = new Date('2026-04-01T09:00:00Z');

describe('threadNotes', () => {
  it('puts each reply under the note it answers', () => {
    const n = (id: number, parentId: number | null) => ({
      id,
      articleId: 1,
      parentId,
      userId: 1,
      userName: 'A',
      body: `n${id}`,
      createdAt: '',
    });
    const threads = threadNotes([n(3, 1), n(1, null), n(2, null), n(4, 3)]);
    expect(threads.map((t) => [t.note.id, t.replies.map((r) => [r.note.id, r.replies.map((x) => x.note.id)])])).toEqual([
      [1, [[3, [4]]]],
      [2, []],
    ]);
  });
});

describe.each(DIALECTS)('review on %s', (dialect) => {
  let app: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    now = new Date('2026-04-01T09:00:00Z');
    smtp.messages.length = 0;
    app = await testApp(dialect, { smtpUrl: smtp.url }, { clock: () => now });
    smtp.pump = () => app.sendQueuedMail();
  });
  afterEach(() => app.close());

  type Who = { userId: number; cookie: string; csrf: string };
  const get = (who: Who, url: string) => app.server.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (who: Who, url: string, payload: Record<string, string | string[]> = {}) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });

  async function writer() {
    const who = await app.signIn('author', 'lena@example.org');
    const authorId = await makeAuthor(app.ctx.db, { slug: 'lena', name: 'Lena Petrova', userId: who.userId });
    return { who, authorId };
  }
  const form = (authorId: number, over: Record<string, string> = {}) => ({
    title: 'Grain corridor reopens',
    slug: 'grain-corridor',
    lead: '',
    body: 'Ships left Odesa on Monday.',
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

  it('takes a draft from submission through send-back and resubmission to a schedule, logged and mailed', async () => {
    const { who: lena, authorId } = await writer();
    const chief = await app.signIn('editor', 'chief@example.org');
    const desk = await app.signIn('editor', 'desk@example.org');
    // Review is required by default: the author may not publish.
    const direct = await post(lena, '/admin/articles/new', form(authorId, { action: 'publish' }));
    expect(direct.statusCode).toBe(403);
    const made = await post(lena, '/admin/articles/new', form(authorId));
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(made.headers.location))![1]);
    expect((await get(lena, `/admin/articles/${id}/edit`)).body).toContain('Submit for review');

    expect((await post(lena, `/admin/articles/${id}/review/submit`)).headers.location).toBe(
      `/admin/articles/${id}/edit?notice=review_submitted#review`,
    );
    expect((await post(lena, `/admin/articles/${id}/review/submit`)).statusCode).toBe(409);
    const queue = await get(chief, '/admin/review');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Grain corridor reopens');
    expect((await get(chief, '/admin')).body).toContain('Waiting for a reviewer');

    // The chief gives it to the desk editor, who is told by mail and sees it waiting on the dashboard.
    expect((await post(chief, `/admin/articles/${id}/review/assign`, { assignee_id: String(desk.userId) })).statusCode).toBe(303);
    const assigned = await smtp.waitFor((m) => m.subject === 'Please review: Grain corridor reopens');
    expect(assigned.to && 'text' in assigned.to ? assigned.to.text : '').toContain('desk@example.org');
    expect(assigned.text).toContain(`http://chancery.test/admin/articles/${id}/edit#review`);
    const deskHome = (await get(desk, '/admin')).body;
    expect(deskHome).toMatch(/Waiting for you <span class="count">1<\/span>/);
    expect(deskHome).toContain(`href="/admin/articles/${id}/edit#review"`);

    // Notes, threaded: the desk asks, the author answers under the note.
    await post(desk, `/admin/articles/${id}/review/notes`, { body: 'Which port exactly?' });
    const [question] = await listNotes(app.ctx.db, id);
    await post(lena, `/admin/articles/${id}/review/notes`, { body: 'Chornomorsk too.', parent_id: String(question.id) });
    expect((await listNotes(app.ctx.db, id)).map((n) => [n.body, n.parentId])).toEqual([
      ['Which port exactly?', null],
      ['Chornomorsk too.', question.id],
    ]);
    const editorPage = (await get(lena, `/admin/articles/${id}/edit`)).body;
    expect(editorPage).toMatch(/Which port exactly\?[\s\S]*<ul class="review-thread" role="list">[\s\S]*Chornomorsk too\./);
    await smtp.waitFor((m) => m.subject === 'A note on Grain corridor reopens' && m.text!.includes('Which port exactly?'));

    // Sent back with a note: the author is told and sees it on the dashboard.
    expect((await post(desk, `/admin/articles/${id}/review/send-back`, { body: '' })).statusCode).toBe(422);
    expect((await post(desk, `/admin/articles/${id}/review/send-back`, { body: 'Name both ports in the lead.' })).statusCode).toBe(303);
    const back = await smtp.waitFor((m) => m.subject === 'Sent back: Grain corridor reopens');
    expect(back.text).toContain('Name both ports in the lead.');
    expect((await get(lena, '/admin')).body).toMatch(/Sent back to you <span class="count">1<\/span>/);
    expect((await get(desk, '/admin')).body).toMatch(/Waiting for you <span class="count">0<\/span>/);
    // Only editors send back, assign or approve.
    expect((await post(lena, `/admin/articles/${id}/review/approve`)).statusCode).toBe(403);

    // The author revises and submits again; the reviewer is told.
    await post(lena, `/admin/articles/${id}/edit`, form(authorId, { lead: 'Ships left Odesa and Chornomorsk.' }));
    await post(lena, `/admin/articles/${id}/review/submit`);
    await smtp.waitFor((m) => m.subject === 'Submitted again: Grain corridor reopens');

    // Approved for a time: scheduled, logged, the author told.
    now = new Date('2026-04-01T10:00:00Z');
    expect((await post(desk, `/admin/articles/${id}/review/approve`, { publish_at: '2026-03-01T10:00' })).statusCode).toBe(422);
    expect((await post(desk, `/admin/articles/${id}/review/approve`, { publish_at: '2026-04-02T06:00' })).statusCode).toBe(303);
    const article = (await findArticleById(app.ctx.db, id))!;
    expect([article.status, article.publishedAt, article.lead]).toEqual([
      'scheduled',
      '2026-04-02T06:00:00.000Z',
      'Ships left Odesa and Chornomorsk.',
    ]);
    expect((await findReview(app.ctx.db, id))!.state).toBe('approved');
    await smtp.waitFor((m) => m.subject === 'Approved: Grain corridor reopens');
    expect((await get(chief, '/admin/review')).body).toContain('No draft is waiting for review.');

    const audit = await app.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'review.submit',
      'review.assign',
      'review.note',
      'review.note',
      'review.send_back',
      'review.resubmit',
      'review.approve',
      'article.schedule',
    ]);
  });

  it('lets authors publish their own drafts when the newsroom does not require review', async () => {
    const { who: lena, authorId } = await writer();
    const admin = await app.signIn('admin');
    const editor = await app.signIn('editor');
    expect((await post(editor, '/admin/review/settings', { required: '0' })).statusCode).toBe(403);
    expect((await post(admin, '/admin/review/settings', { required: '0' })).statusCode).toBe(303);
    const made = await post(lena, '/admin/articles/new', form(authorId, { action: 'publish' }));
    expect(made.statusCode).toBe(303);
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(made.headers.location))![1]);
    expect((await findArticleById(app.ctx.db, id))!.status).toBe('published');
    await post(admin, '/admin/review/settings', { required: ['0', '1'] });
    expect((await post(lena, '/admin/articles/new', form(authorId, { slug: 'second', action: 'publish' }))).statusCode).toBe(403);
  });

  it('approves in one transaction: when closing the review fails, the draft stays unpublished and the review open', async () => {
    const { who: lena, authorId } = await writer();
    const desk = await app.signIn('editor', 'desk@example.org');
    const made = await post(lena, '/admin/articles/new', form(authorId));
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(made.headers.location))![1]);
    await post(lena, `/admin/articles/${id}/review/submit`);
    // The database refuses to close the review: the failure falls after the article's publishing writes.
    if (dialect === 'sqlite')
      await sql`create trigger refuse_approval before update of state on article_reviews when new.state = 'approved'
        begin select raise(abort, 'approval refused'); end`.execute(app.ctx.db);
    else {
      await sql`create function refuse_approval() returns trigger language plpgsql as $$
        begin if new.state = 'approved' then raise exception 'approval refused'; end if; return new; end $$`.execute(app.ctx.db);
      await sql`create trigger refuse_approval before update on article_reviews
        for each row execute function refuse_approval()`.execute(app.ctx.db);
    }
    const auditBefore = await app.ctx.db.selectFrom('audit_log').select('action').execute();
    expect((await post(desk, `/admin/articles/${id}/review/approve`)).statusCode).toBe(500);
    const article = (await findArticleById(app.ctx.db, id))!;
    expect([article.status, article.publishedAt]).toEqual(['draft', null]);
    expect((await findReview(app.ctx.db, id))!.state).toBe('submitted');
    expect(await app.ctx.db.selectFrom('audit_log').select('action').execute()).toEqual(auditBefore);
    expect((await get(lena, '/grain-corridor')).statusCode).toBe(404);

    // Once the database accepts it, the same approval does both.
    await sql`drop trigger refuse_approval${sql.raw(dialect === 'sqlite' ? '' : ' on article_reviews')}`.execute(app.ctx.db);
    expect((await post(desk, `/admin/articles/${id}/review/approve`)).statusCode).toBe(303);
    expect((await findArticleById(app.ctx.db, id))!.status).toBe('published');
    expect((await findReview(app.ctx.db, id))!.state).toBe('approved');
  });

  it('refuses an approval whose review was sent back meanwhile, publishing nothing', async () => {
    const { who: lena, authorId } = await writer();
    const desk = await app.signIn('editor', 'desk@example.org');
    const made = await post(lena, '/admin/articles/new', form(authorId));
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(made.headers.location))![1]);
    await post(lena, `/admin/articles/${id}/review/submit`);
    const article = (await findArticleById(app.ctx.db, id))!;
    const editor = { id: desk.userId, role: 'editor' as const };
    // The review is read as waiting, then sent back by another editor before the approval's transaction runs.
    const publishing = app.ctx.publishing;
    const racing = createReviewService({
      db: app.ctx.db,
      clock: () => now,
      t: app.ctx.t,
      baseUrl: () => 'http://chancery.test',
      publishing: {
        ...publishing,
        save: async (...args: Parameters<typeof publishing.save>) => {
          await app.ctx.db.updateTable('article_reviews').set({ state: 'sent_back' }).where('article_id', '=', id).execute();
          return publishing.save(...args);
        },
      },
    });
    await expect(racing.approve(editor, article, inputOfArticle(article))).rejects.toMatchObject({ code: 'conflict' });
    expect((await findArticleById(app.ctx.db, id))!.status).toBe('draft');
    expect((await findReview(app.ctx.db, id))!.state).toBe('sent_back');
  });

  it('answers bad steps plainly', async () => {
    const { who: lena, authorId } = await writer();
    const ed = await app.signIn('editor');
    const made = await post(lena, '/admin/articles/new', form(authorId));
    const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(made.headers.location))![1]);
    // Not submitted yet: nothing to assign, send back or approve.
    expect((await post(ed, `/admin/articles/${id}/review/assign`, { assignee_id: String(ed.userId) })).statusCode).toBe(409);
    await post(lena, `/admin/articles/${id}/review/submit`);
    expect((await post(ed, `/admin/articles/${id}/review/assign`, { assignee_id: String(lena.userId) })).statusCode).toBe(422);
    expect((await post(ed, `/admin/articles/${id}/review/assign`, { assignee_id: 'x' })).statusCode).toBe(422);
    expect((await post(ed, `/admin/articles/${id}/review/notes`, { body: 'x', parent_id: '99999' })).statusCode).toBe(422);
    expect((await post(ed, `/admin/articles/${id}/review/notes`, { body: 'x'.repeat(4001) })).statusCode).toBe(422);
    expect((await post(ed, '/admin/articles/99999/review/submit')).statusCode).toBe(404);
    const stranger = await app.signIn('author');
    expect((await post(stranger, `/admin/articles/${id}/review/notes`, { body: 'Hello' })).statusCode).toBe(403);
    expect((await get(lena, '/admin/review')).statusCode).toBe(403);
  });
});
