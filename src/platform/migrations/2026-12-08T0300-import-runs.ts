// Import runs: an export uploaded on /admin/import is imported in the background, and its page shows how far
// the import has come (records done of the total) and, once done, its report. Kept in the database so that
// any instance answers the page, whichever one runs the import.
import type { Kysely } from 'kysely';
import { TIMESTAMP, withId } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('import_runs'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // running, done or failed.
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('running'))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    // 0 while the total is not known yet (the first pass over a WordPress export).
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    // The report as JSON once done; the refusal's reason when failed.
    .addColumn('report', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_runs').execute();
}
