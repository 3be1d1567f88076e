// Found with the 10,000-comment article of the benchmark archive.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // An article's newest comment change (its page's Last-Modified): one index step instead of every comment.
  await db.schema.createIndex('comments_article_updated_idx').on('comments').columns(['article_id', 'updated_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_article_updated_idx').execute();
}
