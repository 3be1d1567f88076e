// Store tests on every dialect: counts, thread pages, visibility, and a 10,000-comment article that stays fast.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor, makeUser } from '../../../test/factories.js';
import { inTransaction } from '../../platform/db.js';
import {
  commentCountsBySlug,
  countPublished,
  countPublishedByArticle,
  insertComment,
  listThread,
  pageOfComment,
  queueCounts,
  threadSummary,
} from './comment-store.js';

describe.each(DIALECTS)('comment store on %s', (dialect) => {
  let app: TestApp;
  let a1: number;
  let a2: number;
  let u1: number;
  let u2: number;
  beforeEach(async () => {
    app = await testApp(dialect, { pageCache: false });
    const db = app.ctx.db;
    const author = await makeAuthor(db, { slug: 'sergey' });
    a1 = await makeArticle(db, { title: 'First piece', slug: 'first', authorIds: [author] });
    a2 = await makeArticle(db, { title: 'Second piece', slug: 'second', authorIds: [author] });
    u1 = await makeUser(db, { role: 'reader', email: 'anna@example.org', name: 'Anna' });
    u2 = await makeUser(db, { role: 'reader', email: 'boris@example.org', name: 'Boris' });
  });
  afterEach(async () => {
    await app.close();
  });

  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000);
  const add = (
    articleId: number,
    userId: number,
    i: number,
    status: 'published' | 'pending' | 'deleted' = 'published',
    parentId: number | null = null,
  ) =>
    insertComment(app.ctx.db, {
      articleId,
      userId,
      parentId,
      replyToUserId: null,
      replyToName: '',
      body: `c${i}`,
      status,
      rejectReason: '',
      now: at(i),
    });

  it('counts published comments per article in one query, for lists', async () => {
    await add(a1, u1, 1);
    await add(a1, u2, 2);
    await add(a1, u1, 3, 'pending');
    await add(a2, u1, 4, 'deleted');
    expect(await countPublished(app.ctx.db, a1)).toBe(2);
    // The article page's count and Last-Modified: the newest change of any comment, pending ones included.
    expect(await threadSummary(app.ctx.db, a1)).toEqual({ count: 2, lastChange: at(3).toISOString() });
    expect(await threadSummary(app.ctx.db, a2)).toEqual({ count: 0, lastChange: at(4).toISOString() });
    const empty = await makeArticle(app.ctx.db, {
      title: 'Quiet piece',
      slug: 'quiet',
      authorIds: [await makeAuthor(app.ctx.db, { slug: 'quiet-author' })],
    });
    expect(await threadSummary(app.ctx.db, empty)).toEqual({ count: 0, lastChange: undefined });
    expect([...(await countPublishedByArticle(app.ctx.db, [a1, a2]))]).toEqual([
      [a1, 2],
      [a2, 0],
    ]);
    expect([
      ...(await commentCountsBySlug(app.ctx.db, [
        { id: a1, slug: 'first', commentsMode: 'on' },
        { id: a2, slug: 'second', commentsMode: 'off' },
      ])),
    ]).toEqual([['first', 2]]);
    expect(await queueCounts(app.ctx.db)).toEqual({ pending: 1, reported: 0 });
  });

  it('shows the viewer their own waiting comment, keeps a deleted parent with live replies, orders both ways', async () => {
    const top = await add(a1, u1, 1);
    await add(a1, u2, 2, 'published', top);
    const gone = await add(a1, u1, 3, 'deleted');
    const mine = await add(a1, u2, 4, 'pending');
    await app.ctx.db.updateTable('comments').set({ status: 'deleted' }).where('id', '=', top).execute();
    const anon = await listThread(app.ctx.db, { articleId: a1, order: 'oldest', page: 1 });
    expect(anon.items.map((i) => [i.comment.id, i.replies.length])).toEqual([[top, 1]]);
    expect([anon.topLevel, anon.pages, anon.page]).toEqual([1, 1, 1]);
    // A page past the end shows the last one.
    expect((await listThread(app.ctx.db, { articleId: a1, order: 'oldest', page: 7 })).items.map((i) => i.comment.id)).toEqual([top]);
    const boris = await listThread(app.ctx.db, { articleId: a1, order: 'newest', page: 1, viewerId: u2 });
    expect(boris.items.map((i) => i.comment.id)).toEqual([mine, top]);
    expect(boris.items.some((i) => i.comment.id === gone)).toBe(false);
  });

  it('finds the page of a comment counting from the end of the thread as from its start, for every status, viewer and tie', async () => {
    // 130 top-level comments over three pages: published, held, deleted with and without live replies, and
    // pairs posted in the same millisecond (ordered by id).
    const ids: number[] = [];
    for (let i = 0; i < 130; i++) {
      const status = i % 11 === 3 ? 'pending' : i % 13 === 5 ? 'deleted' : 'published';
      ids.push(await add(a1, i % 3 ? u1 : u2, Math.floor(i / 2), status));
      if (i % 13 === 5 && i % 2) await add(a1, u2, Math.floor(i / 2), 'published', ids.at(-1)!);
    }
    for (const viewer of [undefined, u1, u2]) {
      for (const id of ids) {
        const c = {
          id,
          articleId: a1,
          parentId: null,
          createdAt: (await app.ctx.db.selectFrom('comments').select('created_at').where('id', '=', id).executeTakeFirstOrThrow())
            .created_at,
        };
        expect(await pageOfComment(app.ctx.db, c, 'oldest', viewer, { latest: true }), `comment ${id}, viewer ${viewer}`).toBe(
          await pageOfComment(app.ctx.db, c, 'oldest', viewer),
        );
      }
    }
    // And the page is where the thread shows it.
    const last = ids.at(-1)!;
    const page = await pageOfComment(
      app.ctx.db,
      { id: last, articleId: a1, parentId: null, createdAt: at(64).toISOString() },
      'oldest',
      u1,
      { latest: true },
    );
    const shown = await listThread(app.ctx.db, { articleId: a1, order: 'oldest', page, viewerId: u1 });
    expect(shown.items.map((i) => i.comment.id)).toContain(last);
  });

  it('pages 10,000 comments on one article fifty top-level at a time, and the article page answers in under 300 ms', async () => {
    await inTransaction(app.ctx.db, async (tx) => {
      const rows = Array.from({ length: 10_000 }, (_, i) => ({
        article_id: a1,
        user_id: i % 2 ? u1 : u2,
        parent_id: null,
        reply_to_user_id: null,
        reply_to_name: '',
        body: `Comment number ${i}`,
        status: 'published' as const,
        reject_reason: '',
        created_at: at(i).toISOString(),
        updated_at: at(i).toISOString(),
      }));
      for (let i = 0; i < rows.length; i += 500)
        await tx
          .insertInto('comments')
          .values(rows.slice(i, i + 500))
          .execute();
    });
    expect(await countPublished(app.ctx.db, a1)).toBe(10_000);
    const p1 = await listThread(app.ctx.db, { articleId: a1, order: 'oldest', page: 1 });
    expect(p1.pages).toBe(200);
    expect(p1.items).toHaveLength(50);
    expect(p1.items[0].comment.body).toBe('Comment number 0');
    const last = await listThread(app.ctx.db, { articleId: a1, order: 'newest', page: 200 });
    expect(last.items.at(-1)!.comment.body).toBe('Comment number 0');
    const c = p1.items[0].comment;
    expect(await pageOfComment(app.ctx.db, c, 'oldest')).toBe(1);
    expect(await pageOfComment(app.ctx.db, c, 'newest')).toBe(200);

    await app.server.inject({ url: '/articles/first' }); // warm-up
    const started = performance.now();
    const res = await app.server.inject({ url: '/articles/first?cpage=137' });
    const ms = performance.now() - started;
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/Comments <span class="comment-count" data-count="10000">10,000<\/span>/);
    expect(res.body).toContain('Comment number 6800');
    expect(res.body).toContain('Page 137 of 200');
    expect(ms).toBeLessThan(300);
  }, 60_000);
});
