// The migration that moves article bodies to their own table keeps every article's text, counts its
// reading time, and leaves the rows that point at articles (bylines, comments) where they were.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, emptyDb } from '../../../test/db.js';
import { migrate, migrateTo } from './index.js';

describe.each(DIALECTS)('article bodies migration on %s', (dialect) => {
  it('moves each body, counts reading time and keeps bylines and comments', async () => {
    const { db, close } = await emptyDb(dialect);
    try {
      await migrateTo(db, '2026-11-28T1500-thread-order-index');
      const now = '2026-01-01T00:00:00.000Z';
      const long = Array.from({ length: 1200 }, (_, i) => `word${i}`).join(' ');
      await sql`insert into users (email, name, role, password_hash, created_at) values ('r@x.test', 'R', 'reader', 'x', ${now})`.execute(
        db,
      );
      await sql`insert into authors (slug, name, created_at) values ('a', 'A', ${now})`.execute(db);
      for (const [slug, md] of [
        ['short', 'A few words.'],
        ['long', long],
        ['empty', ''],
      ]) {
        await sql`insert into articles (slug, title, body_md, body_html, status, published_at, updated_at, created_at)
          values (${slug}, ${slug}, ${md}, ${`<p>${md}</p>`}, 'published', ${now}, ${now}, ${now})`.execute(db);
      }
      const ids = Object.fromEntries(
        (await sql<{ id: number; slug: string }>`select id, slug from articles`.execute(db)).rows.map((r) => [r.slug, Number(r.id)]),
      );
      await sql`insert into article_authors (article_id, author_id, position) values (${ids.long}, 1, 0)`.execute(db);
      await sql`insert into comments (article_id, user_id, body, status, created_at, updated_at) values (${ids.long}, 1, 'Hello', 'published', ${now}, ${now})`.execute(
        db,
      );

      expect(await migrate(db)).toContain('2026-11-28T1510-article-bodies');

      const bodies = await db.selectFrom('article_bodies').selectAll().orderBy('article_id').execute();
      expect(bodies.map((b) => [b.article_id, b.body_md.length, b.body_html])).toEqual([
        [ids.short, 12, '<p>A few words.</p>'],
        [ids.long, long.length, `<p>${long}</p>`],
        [ids.empty, 0, '<p></p>'],
      ]);
      const minutes = Object.fromEntries(
        (await db.selectFrom('articles').select(['slug', 'reading_minutes']).execute()).map((r) => [r.slug, r.reading_minutes]),
      );
      expect(minutes).toEqual({ short: 1, long: 5, empty: 1 });
      expect(await db.selectFrom('article_authors').selectAll().execute()).toHaveLength(1);
      expect(await db.selectFrom('comments').selectAll().execute()).toHaveLength(1);

      // The body goes with its article.
      await db.deleteFrom('articles').where('id', '=', ids.short).execute();
      expect((await db.selectFrom('article_bodies').select('article_id').execute()).map((r) => r.article_id).sort()).toEqual(
        [ids.long, ids.empty].sort(),
      );
    } finally {
      await close();
    }
  });
});
