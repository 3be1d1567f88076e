// Moving in from another platform: the old addresses of imported pages (served as permanent redirects) and
// which record of the old platform became which row here (so that importing the same export again updates).
import type { Kysely } from 'kysely';
import { TIMESTAMP } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('redirects')
    // A path on this site as readers' links still carry it ("/2024/05/old-slug", "/?p=12"), without a trailing slash.
    .addColumn('from_path', 'text', (c) => c.primaryKey())
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('import_sources')
    // "wordpress:https://old.example" or "ghost:https://blog.example": one platform a newsroom moved from.
    .addColumn('source', 'text', (c) => c.notNull())
    // article, comment, media, author, reader
    .addColumn('kind', 'text', (c) => c.notNull())
    // The record's identity there: a WordPress guid, a Ghost id, a comment id.
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('local_id', 'integer', (c) => c.notNull())
    // A hash of what was imported last time: the same record again changes nothing.
    .addColumn('fingerprint', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('imported_at', TIMESTAMP, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_sources_pk', ['source', 'kind', 'external_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_sources').execute();
  await db.schema.dropTable('redirects').execute();
}
