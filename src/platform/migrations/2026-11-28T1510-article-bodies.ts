// Article bodies move to their own table, and the reading time is kept with the article.
// An article row held its Markdown and HTML before its status, date and cover: every list, related-articles
// and status check on SQLite walked the body's overflow pages to reach the columns after it. Without the
// bodies, a row is a few hundred bytes and a list page's twenty rows share a few pages. The HTML comes
// first in its new row, so the public page, which shows only the HTML, never reads the Markdown.
// The reading time was counted from the Markdown on every view of the page; it is now counted on save.
import { sql, type Kysely } from 'kysely';
import { readingMinutes } from '../markdown.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('article_bodies')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`insert into article_bodies (article_id, body_html, body_md) select id, body_html, body_md from articles`.execute(db);
  await db.schema
    .alterTable('articles')
    .addColumn('reading_minutes', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Counted in batches, in id order: an archive of 100,000 articles never holds every body in memory at once.
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('article_bodies')
      .select(['article_id', 'body_md'])
      .where('article_id', '>', after)
      .orderBy('article_id')
      .limit(500)
      .execute();
    if (!rows.length) break;
    for (const r of rows) {
      const minutes = readingMinutes(r.body_md);
      if (minutes !== 1) await db.updateTable('articles').set({ reading_minutes: minutes }).where('id', '=', r.article_id).execute();
    }
    after = rows[rows.length - 1].article_id;
  }
  await db.schema.alterTable('articles').dropColumn('body_md').execute();
  await db.schema.alterTable('articles').dropColumn('body_html').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('articles')
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update articles set body_md = (select b.body_md from article_bodies b where b.article_id = articles.id),
    body_html = (select b.body_html from article_bodies b where b.article_id = articles.id)
    where exists (select 1 from article_bodies b where b.article_id = articles.id)`.execute(db);
  await db.schema.alterTable('articles').dropColumn('reading_minutes').execute();
  await db.schema.dropTable('article_bodies').execute();
}
