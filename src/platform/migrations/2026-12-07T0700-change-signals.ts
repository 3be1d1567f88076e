// SQLite has no LISTEN/NOTIFY: a process that changes what pages show (the command line's import or
// extraction, a worker) writes a row here, and every server on the same file polls for rows it has not seen.
// Rows older than a minute are deleted by whoever writes next. PostgreSQL keeps the table unused.
import type { Kysely } from 'kysely';
import { TIMESTAMP, withId } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('change_signals'))
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('change_signals').execute();
}
