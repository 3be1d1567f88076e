// Comment tallies: the migration counts the comments already there, and the triggers keep every article's
// tallies equal to a recount through any mix of inserts, status changes, moves and deletes.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, emptyDb } from '../../../test/db.js';
import type { Db } from '../db.js';
import { migrate, migrateTo } from './index.js';

/** What the tallies must say, counted from the comments themselves. */
async function recount(db: Db) {
  const rows = await sql<{ article_id: number; published: number; published_tops: number; changed_at: string | null }>`
    select a.id as article_id,
      (select count(*) from comments c where c.article_id = a.id and c.status = 'published') as published,
      (select count(*) from comments c where c.article_id = a.id and c.status = 'published' and c.parent_id is null) as published_tops,
      (select max(updated_at) from comments c where c.article_id = a.id) as changed_at
    from articles a order by a.id`.execute(db);
  return rows.rows.map((r) => ({
    article: Number(r.article_id),
    published: Number(r.published),
    tops: Number(r.published_tops),
    at: r.changed_at,
  }));
}

async function tallies(db: Db) {
  const ids = (await db.selectFrom('articles').select('id').orderBy('id').execute()).map((r) => r.id);
  const rows = new Map((await db.selectFrom('comment_tallies').selectAll().execute()).map((r) => [r.article_id, r]));
  return ids.map((id) => ({
    article: id,
    published: Number(rows.get(id)?.published ?? 0),
    tops: Number(rows.get(id)?.published_tops ?? 0),
    at: rows.get(id)?.changed_at ?? null,
  }));
}

const STATUSES = ['published', 'pending', 'rejected', 'hidden', 'deleted'] as const;

describe.each(DIALECTS)('comment tallies on %s', (dialect) => {
  it('are counted by the migration and kept by the triggers through any writes', async () => {
    const { db, close } = await emptyDb(dialect);
    try {
      await migrateTo(db, '2026-11-28T1510-article-bodies');
      const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
      await sql`insert into users (email, name, role, password_hash, created_at) values ('r@x.test', 'R', 'reader', 'x', ${at(0)})`.execute(
        db,
      );
      for (const slug of ['a', 'b', 'c']) {
        await sql`insert into articles (slug, title, status, published_at, updated_at, created_at) values (${slug}, ${slug}, 'published', ${at(0)}, ${at(0)}, ${at(0)})`.execute(
          db,
        );
      }
      const [a, b] = (await sql<{ id: number }>`select id from articles order by id`.execute(db)).rows.map((r) => Number(r.id));
      const insert = async (article: number, status: string, parent: number | null, t: number) =>
        Number(
          (
            await sql<{ id: number }>`insert into comments (article_id, user_id, parent_id, body, status, created_at, updated_at)
          values (${article}, 1, ${parent}, 'x', ${status}, ${at(t)}, ${at(t)}) returning id`.execute(db)
          ).rows[0].id,
        );
      const top = await insert(a, 'published', null, 1);
      await insert(a, 'published', top, 2);
      await insert(a, 'pending', null, 3);
      await insert(b, 'deleted', null, 4);

      // Later migrations follow it; this one comes first after the article bodies.
      expect((await migrate(db))[0]).toBe('2026-11-29T0100-comment-tallies');
      expect(await tallies(db)).toEqual(await recount(db));
      expect((await tallies(db))[0]).toMatchObject({ article: a, published: 2, tops: 1, at: at(3) });

      // A fixed pseudo-random walk through every kind of write; the tallies must match a recount after each.
      let seed = 7;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const articles = (await sql<{ id: number }>`select id from articles order by id`.execute(db)).rows.map((r) => Number(r.id));
      for (let step = 0, t = 10; step < 120; step++, t++) {
        const ids = await db.selectFrom('comments').select(['id', 'parent_id', 'article_id']).orderBy('id').execute();
        const pick = ids.length ? ids[rnd(ids.length)] : undefined;
        const op = rnd(6);
        if (op <= 1 || !pick) {
          const tops = ids.filter((c) => c.parent_id === null);
          const parent = rnd(3) === 0 && tops.length ? tops[rnd(tops.length)] : undefined;
          await insert(parent ? parent.article_id : articles[rnd(articles.length)], STATUSES[rnd(STATUSES.length)], parent?.id ?? null, t);
        } else if (op === 2) {
          await db
            .updateTable('comments')
            .set({ status: STATUSES[rnd(STATUSES.length)], updated_at: at(t) })
            .where('id', '=', pick.id)
            .execute();
        } else if (op === 3) {
          // Several rows in one statement, as moderation does.
          await db
            .updateTable('comments')
            .set({ status: STATUSES[rnd(STATUSES.length)], updated_at: at(t) })
            .where('article_id', '=', pick.article_id)
            .execute();
        } else if (op === 4) {
          await db.deleteFrom('comments').where('id', '=', pick.id).execute();
        } else if (pick.parent_id === null) {
          // Moved to another article, replies and all; changes that touch neither status nor time count nothing.
          const to = articles[rnd(articles.length)];
          await db
            .updateTable('comments')
            .set({ article_id: to, updated_at: at(t) })
            .where((eb) => eb.or([eb('id', '=', pick.id), eb('parent_id', '=', pick.id)]))
            .execute();
          await db.updateTable('comments').set({ likes_count: 3, reports_open: 1 }).where('id', '=', pick.id).execute();
        }
        const expected = await recount(db);
        const actual = await tallies(db);
        // A delete leaves the time of the latest change where it was; counts always match.
        expect(
          actual.map(({ at: _, ...r }) => r),
          `step ${step}`,
        ).toEqual(expected.map(({ at: _, ...r }) => r));
        for (const [i, r] of actual.entries()) if (expected[i].at) expect(r.at! >= expected[i].at!, `step ${step} time`).toBe(true);
      }

      // The tallies go with their article.
      await db.deleteFrom('articles').where('id', '=', b).execute();
      expect((await db.selectFrom('comment_tallies').select('article_id').execute()).map((r) => r.article_id)).not.toContain(b);
      expect((await tallies(db)).map(({ at: _, ...r }) => r)).toEqual((await recount(db)).map(({ at: _, ...r }) => r));
    } finally {
      await close();
    }
  });
});
