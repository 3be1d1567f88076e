// The information service: partner keys, and what delta sync needs (article tombstones, a change index).
import type { Kysely } from 'kysely';
import { TIMESTAMP, withId } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A deleted article that readers once saw leaves its id here, so an app syncing with updated_since drops it.
  await db.schema
    .createTable('article_tombstones')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('deleted_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_tombstones_deleted_idx').on('article_tombstones').columns(['deleted_at', 'article_id']).execute();
  // Delta sync walks articles by their last change.
  await db.schema.createIndex('articles_updated_idx').on('articles').columns(['updated_at', 'id']).execute();

  await withId(db, db.schema.createTable('api_keys'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The first characters of the key, shown in the admin and used to find the row; the rest is only hashed.
    .addColumn('prefix', 'text', (c) => c.notNull().unique())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    /** JSON array of scopes. */
    .addColumn('scopes', 'text', (c) => c.notNull())
    /** JSON array of origins allowed to call from a browser (CORS). */
    .addColumn('origins', 'text', (c) => c.notNull().defaultTo('[]'))
    /** Requests per minute. */
    .addColumn('rate_limit', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('expires_at', TIMESTAMP)
    .addColumn('revoked_at', TIMESTAMP)
    .addColumn('last_used_at', TIMESTAMP)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_keys').execute();
  await db.schema.dropIndex('articles_updated_idx').execute();
  await db.schema.dropTable('article_tombstones').execute();
}
