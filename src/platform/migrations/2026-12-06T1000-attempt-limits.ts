// Limits on sign-in, sign-up and reset attempts live in the database, so every instance of a newsroom
// counts the same attempts (a limit kept in one process's memory is dodged by reaching another).
import type { Kysely } from 'kysely';
import { TIMESTAMP } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attempt_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // Fixed-window counting (sign-ups per address per hour).
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_start', TIMESTAMP, (c) => c.notNull())
    // Growing delays after failures (wrong passwords).
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_at', TIMESTAMP, (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attempt_limits_updated_idx').on('attempt_limits').column('updated_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attempt_limits').execute();
}
