// The newsroom's editorial workflow around an article: when it last changed in substance ("Updated" on the
// page), the corrections and update notes published with it, and the review of a draft before it goes out.
import type { Kysely } from 'kysely';
import { TIMESTAMP, withId } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  // Set by a save that changes the title, lead or body of a published article, unless marked a minor edit.
  await db.schema.alterTable('articles').addColumn('revised_at', TIMESTAMP).execute();

  await withId(db, db.schema.createTable('article_corrections'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // 'correction' (the article was wrong) or 'update' (news moved on).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // The date the note carries on the page; created_at is when it was written.
    .addColumn('noted_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_corrections_article_idx').on('article_corrections').columns(['article_id', 'noted_at']).execute();
  await db.schema.createIndex('article_corrections_noted_idx').on('article_corrections').columns(['noted_at', 'id']).execute();

  // One review per draft: where it stands and whose turn it is.
  await db.schema
    .createTable('article_reviews')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    // 'submitted' (waiting for an editor), 'sent_back' (waiting for the author), 'approved'.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_reviews_state_idx').on('article_reviews').columns(['state', 'updated_at']).execute();
  await db.schema.createIndex('article_reviews_assignee_idx').on('article_reviews').columns(['assignee_id', 'state']).execute();
  await db.schema.createIndex('article_reviews_submitter_idx').on('article_reviews').columns(['submitted_by', 'state']).execute();

  // Notes on a draft under review, threaded by parent_id (a reply to a note).
  await withId(db, db.schema.createTable('review_notes'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('review_notes.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_notes_article_idx').on('review_notes').columns(['article_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_notes').execute();
  await db.schema.dropTable('article_reviews').execute();
  await db.schema.dropTable('article_corrections').execute();
  await db.schema.alterTable('articles').dropColumn('revised_at').execute();
}
