// The media library: one row per uploaded image. The files live under the data folder (see
// features/media/README.md); the row holds what a page needs to write <picture> without opening them.
import type { Kysely } from 'kysely';
import { TIMESTAMP, withId } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('media_images'))
    // The folder of its files: a content hash, so a file on disk never changes under a published page.
    .addColumn('file_key', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    // The master kept on disk: "jpeg" or "png" (images with transparency, GIFs and drawings).
    .addColumn('master_format', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    // The focal point in per cent of width and height: crops keep it in view.
    .addColumn('focal_x', 'integer', (c) => c.notNull().defaultTo(50))
    .addColumn('focal_y', 'integer', (c) => c.notNull().defaultTo(50))
    // Raised when the focal point moves, so crops get new addresses and caches never serve an old one.
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  // The library lists the newest first.
  await db.schema.createIndex('media_images_created_idx').on('media_images').columns(['created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('media_images').execute();
}
