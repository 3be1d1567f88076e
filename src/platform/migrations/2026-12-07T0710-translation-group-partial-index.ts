// Most articles have no translations, so translation_group is null on nearly every row. Counted with those
// nulls, the index looked like a few thousand rows per group to SQLite's planner, which then walked every
// published article (a skip-scan of the rubric index) for each article page: 1.2 ms at 2,000 articles, growing
// with the archive. Indexing only the rows that belong to a group gives the planner true figures; the queries
// it serves all name a group (`translation_group = ?`), which implies not null, so they can use it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_translation_group_idx').execute();
  await db.schema
    .createIndex('articles_translation_group_idx')
    .on('articles')
    .columns(['translation_group', 'language'])
    .where(sql.ref('translation_group'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_translation_group_idx').execute();
  await db.schema.createIndex('articles_translation_group_idx').on('articles').columns(['translation_group', 'language']).execute();
}
