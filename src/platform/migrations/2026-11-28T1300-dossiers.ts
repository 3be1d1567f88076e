// The knowledge base behind dossiers: entities, their mentions in articles, extracted facts and
// which entities each fact involves (for per-entity timelines and country-pair pages).
import type { Kysely } from 'kysely';
import { withId, TIMESTAMP } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entities')
    .addColumn('id', 'text', (c) => c.primaryKey()) // "country:KG", "person:sadyr-japarov"
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
    // The country a place, company or project belongs to: lets pair pages see their facts.
    .addColumn('country', 'text')
    .addColumn('first_seen', TIMESTAMP, (c) => c.notNull())
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('entities_type_name_idx').on('entities').columns(['type', 'name']).execute();

  await db.schema
    .createTable('article_entities')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    .addColumn('mentions', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_entities_pk', ['article_id', 'entity_id'])
    .execute();
  await db.schema.createIndex('article_entities_entity_idx').on('article_entities').columns(['entity_id', 'article_id']).execute();

  await withId(db, db.schema.createTable('facts'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('when_value', 'text')
    .addColumn('when_precision', 'text')
    // when_value, or the article's publication day when the text gives no date: the timeline's order.
    .addColumn('sort_date', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('evidence_start', 'integer', (c) => c.notNull())
    .addColumn('evidence_end', 'integer', (c) => c.notNull())
    .addColumn('evidence_text', 'text', (c) => c.notNull())
    .addColumn('extractor_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('auto'))
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('facts_article_idx').on('facts').columns(['article_id', 'status']).execute();
  await db.schema.createIndex('facts_status_idx').on('facts').columns(['status', 'id']).execute();
  await db.schema.createIndex('facts_type_status_idx').on('facts').columns(['type', 'status']).execute();

  // One row per entity a fact involves. Fact type, entity type, article and whether the fact's status
  // is public are copied here so that counts and timelines read this table's indexes alone.
  await db.schema
    .createTable('fact_entities')
    .addColumn('fact_id', 'integer', (c) => c.notNull().references('facts.id').onDelete('cascade'))
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id').onDelete('cascade'))
    // The first argument the entity fills ("visitor"), or "via:visitor" for the country of a person, company or place.
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('sort_date', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('fact_type', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('fact_entities_pk', ['fact_id', 'entity_id'])
    .execute();
  // Timelines walk this index newest first and stop after one page; summary counts are covered by it.
  await db.schema
    .createIndex('fact_entities_entity_idx')
    .on('fact_entities')
    .columns(['entity_id', 'public', 'sort_date', 'fact_id', 'article_id'])
    .execute();
  // The dossier index: public fact counts per entity of one type. entity_id comes last on purpose:
  // otherwise SQLite's skip-scan prefers this index to the one above for single-entity lookups.
  await db.schema
    .createIndex('fact_entities_type_idx')
    .on('fact_entities')
    .columns(['entity_type', 'public', 'article_id', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['fact_entities', 'facts', 'article_entities', 'entities']) await db.schema.dropTable(t).execute();
}
