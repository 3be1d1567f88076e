// Every query of the newsroom archive: reading and writing whole tables, row by row, on either engine.
// Rows travel as they are stored (timestamps as ISO text, booleans as 0/1), so both engines read the same.
import { DEFAULT_MIGRATION_TABLE, sql } from 'kysely';
import type { Db } from '../../platform/db.js';

type AnyDb = import('kysely').Kysely<any>;
const any = (db: Db) => db as unknown as AnyDb;

/** The tables of the database, without Kysely's own and the search index (rebuilt on import). */
export async function listTables(db: Db): Promise<{ name: string; columns: string[] }[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((t) => !t.isView && !t.name.startsWith('kysely_') && !t.name.startsWith('article_search') && !t.name.startsWith('sqlite_'))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name).sort() }));
}

/** The names of the applied migrations, in order: the schema an archive was written from. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = (await any(db).selectFrom(DEFAULT_MIGRATION_TABLE).select('name').orderBy('name').execute()) as { name: string }[];
  return rows.map((r) => r.name);
}

/** A page of a table's rows in a stable order. */
export async function readRows(
  db: Db,
  table: string,
  orderBy: string[],
  offset: number,
  limit: number,
): Promise<Record<string, unknown>[]> {
  let q = any(db).selectFrom(table).selectAll();
  for (const c of orderBy) q = q.orderBy(c);
  return (await q.limit(limit).offset(offset).execute()) as Record<string, unknown>[];
}

export async function countRows(db: Db, table: string): Promise<number> {
  const r = (await any(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()) as { n: number | string };
  return Number(r.n);
}

/** Inserts rows as they are, ids included. */
export async function insertRows(db: Db, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length) await any(db).insertInto(table).values(rows).execute();
}

/** Empties a table a fresh database fills by itself (settings written by migrations). */
export async function clearTable(db: Db, table: string): Promise<void> {
  await any(db).deleteFrom(table).execute();
}

/** On PostgreSQL, moves a table's id sequence past the ids loaded, so new rows do not collide. */
export async function resetIdSequence(db: Db, table: string): Promise<void> {
  if (db.dialect !== 'postgres') return;
  const seq = await sql<{ s: string | null }>`select pg_get_serial_sequence(${table}, 'id') as s`.execute(db);
  // A table whose id is text (entities) has no sequence.
  if (!seq.rows[0]?.s) return;
  await sql`select setval(${seq.rows[0].s}, coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
}

/** The ids of every article, for rebuilding the search index. */
export async function allArticleIds(db: Db): Promise<number[]> {
  return (await db.selectFrom('articles').select('id').orderBy('id').execute()).map((r) => r.id);
}
