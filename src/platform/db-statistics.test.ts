// Planner statistics on SQLite: value samples are kept for few-valued columns and dropped for id-like ones,
// and the thread's replies are still read through the article's comments with only row counts to go by.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { histogramCleanup, openDb, trimHistogramsOf } from './db.js';
import { migrate } from './migrations/index.js';
import { listThread } from '../features/comments/comment-store.js';

describe('histogramCleanup', () => {
  it('drops the samples of indexes led by an id-like, integer or nullable column, and reloads', () => {
    const steps = histogramCleanup([
      { idx: 'by_status', stat: '10000 3334 1', leadingNotNull: 1, leadingText: 1 },
      { idx: 'by_article', stat: '110000 12 1', leadingNotNull: 1, leadingText: 0 },
      { idx: 'by_tag', stat: '29000 1000 1', leadingNotNull: 1, leadingText: 0 },
      { idx: 'by_parent', stat: '110000 110000 1', leadingNotNull: 0, leadingText: 0 },
      { idx: null, stat: '500', leadingNotNull: 0, leadingText: 0 },
      { idx: 'empty', stat: '0 0', leadingNotNull: 1, leadingText: 1 },
      // A small newsroom: three tags (an integer reference) and four authors' unique slugs.
      { idx: 'few_tags', stat: '90 30 1', leadingNotNull: 1, leadingText: 0 },
      { idx: 'author_slug', stat: '4 1', leadingNotNull: 1, leadingText: 1 },
    ]);
    expect(steps).toEqual([
      {
        sql: 'delete from sqlite_stat4 where idx in (?, ?, ?, ?, ?)',
        parameters: ['by_article', 'by_tag', 'by_parent', 'few_tags', 'author_slug'],
      },
      { sql: 'analyze sqlite_schema', parameters: [] },
    ]);
    expect(
      histogramCleanup([
        { idx: 'by_status', stat: '10000 5000 1', leadingNotNull: 1, leadingText: 1 },
        { idx: 'by_type', stat: '10000 1000 1', leadingNotNull: 1, leadingText: 1 },
      ]),
    ).toEqual([]);
  });
});

describe('statistics of a real database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-stats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps few-valued samples, drops id-like ones on open, and plans replies through the article', async () => {
    const file = join(dir, 'stats.db');
    let db = openDb(`sqlite:${file}`);
    await migrate(db);
    const now = '2026-01-01T00:00:00.000Z';
    await sql`insert into users (email, name, role, password_hash, created_at) values ('r@example.test', 'Reader', 'reader', 'x', ${now})`.execute(
      db,
    );
    // 300 articles with 10 comments each, almost all top-level, as a real archive's threads are.
    await db.transaction().execute(async (tx) => {
      for (let a = 1; a <= 300; a++) {
        await sql`insert into articles (id, slug, title, status, published_at, updated_at, created_at) values (${a}, ${`a-${a}`}, 'T', 'published', ${now}, ${now}, ${now})`.execute(
          tx,
        );
        for (let c = 0; c < 10; c++) {
          await sql`insert into comments (article_id, user_id, parent_id, body, status, created_at, updated_at)
            values (${a}, 1, ${c === 9 ? sql`(select min(id) from comments where article_id = ${a})` : null}, 'Hello', 'published', ${now}, ${now})`.execute(
            tx,
          );
        }
      }
    });
    await sql`analyze`.execute(db);
    const sampled = async () => (await sql<{ idx: string }>`select distinct idx from sqlite_stat4`.execute(db)).rows.map((r) => r.idx);
    expect(await sampled()).toContain('comments_article_parent_created_idx');
    await db.destroy();

    // Opening the database trims the samples; the migrations' ANALYZE path does the same through Kysely.
    const queries: string[] = [];
    db = openDb(`sqlite:${file}`, { onQuery: (q) => queries.push(q) });
    try {
      const kept = await sampled();
      expect(kept).not.toContain('comments_article_parent_created_idx');
      expect(kept).not.toContain('sqlite_autoindex_articles_1');
      expect(kept).toContain('comments_status_created_idx');
      expect(kept).not.toContain('comments_parent_idx');
      expect(kept).toContain('articles_status_published_idx');
      await sql`analyze`.execute(db);
      await trimHistogramsOf(db);
      expect(await sampled()).not.toContain('comments_article_parent_created_idx');

      const thread = await listThread(db, { articleId: 7, order: 'oldest', page: 1 });
      expect(thread.items.length).toBe(9);
      expect(thread.items[0].replies.length).toBe(1);
      const replies = queries.find((q) => /"comments"."parent_id" in \(/.test(q));
      expect(replies).toBeDefined();
      // The values it ran with: the article and the page's comment ids (the status shown is written in the text).
      const ids = thread.items.map((i) => i.comment.id);
      const params = [7, ...ids];
      expect(params.length).toBe((replies!.match(/\?/g) ?? []).length);
      const plan = (await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${replies}`, params))).rows
        .map((r) => r.detail)
        .join(' | ');
      // Without samples, comments_parent_idx looks useless (one value, NULL, for nearly every row) and the
      // status index walked every published comment of the site: 30 ms instead of 0.03 on 110,000 comments.
      expect(plan).toMatch(/USING (COVERING )?INDEX comments_article_/);
    } finally {
      await db.destroy();
    }
  });
});
