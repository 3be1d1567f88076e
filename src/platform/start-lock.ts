// One instance at a time prepares the database on start (migrations, the demo newsroom): several instances
// started together on an empty PostgreSQL database would otherwise each load the demo and fail on each
// other's slugs. A PostgreSQL advisory lock, held by a connection of its own while the work runs on the pool;
// SQLite has one process preparing (the primary of `serve --workers N`), so it needs none.
import { sql } from 'kysely';
import type { Db } from './db.js';

/** The advisory lock's key: "chancery" as a number, so it is recognisable in pg_locks. */
export const START_LOCK_KEY = 0x6368616e63657279n & 0x7fffffffffffffffn;

/** Runs `fn` while holding the start lock (waits for another instance's start to finish first). */
export async function withStartLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (db.dialect !== 'postgres') return fn();
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${sql.lit(START_LOCK_KEY.toString())}::bigint)`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(START_LOCK_KEY.toString())}::bigint)`.execute(conn);
    }
  });
}
