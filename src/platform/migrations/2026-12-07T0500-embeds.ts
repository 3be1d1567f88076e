// Embeds: a video or post pasted into an article as a URL on its own line. Its oEmbed answer is fetched once
// when the article is saved and kept here (title, provider, author, a thumbnail copied into the media library),
// so pages show a facade without asking the provider anything until a reader clicks.
import type { Kysely } from 'kysely';
import { TIMESTAMP, withId } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('embeds'))
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
    // The thumbnail's copy in the media library; null when the provider gave none or it could not be read.
    .addColumn('thumbnail_id', 'integer', (c) => c.references('media_images.id').onDelete('set null'))
    // The player's address for a frame the page's CSP allows; empty: the facade opens the provider instead.
    .addColumn('frame_src', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fetched_at', TIMESTAMP, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('embeds').execute();
}
