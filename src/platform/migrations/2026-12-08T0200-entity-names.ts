// An entity's name in each language the newsroom's articles name it in ("Казахстан", "哈萨克斯坦"), written by
// extraction from an article in that language: dossiers show a reader the name their edition's articles use.
// A known person no article of a language names yet gets the engine's register name there (from_article 0),
// which an article's name replaces.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entity_names')
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('from_article', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entity_names_pk', ['entity_id', 'language'])
    .execute();
  // Dossier search finds an entity by any of its names.
  await db.schema.createIndex('entity_names_language_idx').on('entity_names').columns(['language', 'name']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('entity_names').execute();
}
