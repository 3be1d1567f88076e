// Rubrics, tags, an author's byline title and events are translatable: each translated field of one of them
// in one language is a row here (the original stays in its own table, and is what a page falls back to).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('translations')
    // 'rubric', 'tag', 'author' or 'event'; subject_id is that table's id (deleted with it by its store).
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('translations_pk', ['subject', 'subject_id', 'language', 'field'])
    .execute();
  // A page of one edition reads every rubric's, tag's and author's translations into that language at once.
  await db.schema.createIndex('translations_language_idx').on('translations').columns(['language', 'subject']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('translations').execute();
}
