// Facts the knowledge engine reads as announced ("will pay a state visit next month") are stored with
// planned = 1: dossiers show them as upcoming, never in the timeline of what happened (issue 14).
import type { Kysely } from 'kysely';
import { BOOL } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('facts')
    .addColumn('planned', BOOL, (c) => c.notNull().defaultTo(0))
    .execute();
  // Planned facts are few: dossier counts leave them out by id, and the upcoming block reads them by date,
  // from this index rather than from every fact.
  await db.schema.createIndex('facts_planned_idx').on('facts').columns(['planned', 'sort_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('facts_planned_idx').execute();
  await db.schema.alterTable('facts').dropColumn('planned').execute();
}
