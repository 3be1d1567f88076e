// Translations of one article share a group: translation_group holds the id of the group's first article (the
// original), null for an article without translations. One article per language in a group.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('articles')
    .addColumn('translation_group', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .execute();
  // An article page reads its translations by group: a few rows from this index.
  await db.schema.createIndex('articles_translation_group_idx').on('articles').columns(['translation_group', 'language']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_translation_group_idx').execute();
  await db.schema.alterTable('articles').dropColumn('translation_group').execute();
}
