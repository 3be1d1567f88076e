// Reader comments: the comments themselves, reports, likes, per-article moderation settings and bans.
import type { Kysely } from 'kysely';
import { withId, TIMESTAMP, BOOL } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('comments'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // One level of nesting: a reply to a reply points at the same top-level parent.
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('reply_to_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reply_to_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('reject_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('featured', BOOL, (c) => c.notNull().defaultTo(0))
    .addColumn('edited_at', TIMESTAMP)
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('likes_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reports_open', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The thread: one article's visible comments in time order; the count uses the same index.
  await db.schema
    .createIndex('comments_article_status_created_idx')
    .on('comments')
    .columns(['article_id', 'status', 'created_at'])
    .execute();
  await db.schema.createIndex('comments_parent_idx').on('comments').columns(['parent_id', 'status', 'created_at']).execute();
  // Rate and duplicate checks read one account's recent comments.
  await db.schema.createIndex('comments_user_created_idx').on('comments').columns(['user_id', 'created_at']).execute();
  // Moderation queues.
  await db.schema.createIndex('comments_status_created_idx').on('comments').columns(['status', 'created_at']).execute();

  await withId(db, db.schema.createTable('comment_reports'))
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('resolved_at', TIMESTAMP)
    .addUniqueConstraint('comment_reports_once', ['comment_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('comment_likes')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_likes_pk', ['comment_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('article_comment_settings')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('premoderate', BOOL, (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('user_bans'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Null: banned until lifted; otherwise suspended until this instant.
    .addColumn('until', TIMESTAMP)
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('lifted_at', TIMESTAMP)
    .execute();
  await db.schema.createIndex('user_bans_user_idx').on('user_bans').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['user_bans', 'article_comment_settings', 'comment_likes', 'comment_reports', 'comments'])
    await db.schema.dropTable(t).execute();
}
