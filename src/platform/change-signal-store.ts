// The queries of the SQLite change bus (change-bus.ts): a row per change, read by every server on the file.
import { sql } from 'kysely';
import type { Db } from './db.js';

/** How long a signal is kept: far beyond any poll interval, short enough that the table stays a few rows. */
const KEEP_MS = 60_000;

export interface ChangeSignal {
  id: number;
  origin: string;
  change: string;
}

/** Writes one change and deletes those older than a minute (no server still polling has missed them). */
export async function writeChangeSignal(db: Db, origin: string, change: string, now: Date): Promise<void> {
  await db.insertInto('change_signals').values({ origin, change, created_at: now.toISOString() }).execute();
  await db
    .deleteFrom('change_signals')
    .where('created_at', '<', new Date(now.getTime() - KEEP_MS).toISOString())
    .execute();
}

/** The newest signal's id (0 when none): where a server starts listening. */
export async function lastChangeSignalId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('change_signals')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export async function changeSignalsAfter(db: Db, id: number): Promise<ChangeSignal[]> {
  return db.selectFrom('change_signals').select(['id', 'origin', 'change']).where('id', '>', id).orderBy('id').execute();
}

/**
 * SQLite's count of commits made by other connections to the file: reading it touches no table, so a poll
 * costs microseconds while nothing changes, and only a new value sends the poll to the table.
 */
export async function sqliteDataVersion(db: Db): Promise<number> {
  const { rows } = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return Number(rows[0]?.data_version ?? 0);
}
