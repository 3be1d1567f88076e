// Test databases: a fresh, migrated database per test, on every dialect in DIALECTS.
import pg from 'pg';
import { openDb, type Db, type Dialect } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrations/index.js';

/** The dialects store and route tests run on: SQLite always, PostgreSQL when CHANCERY_TEST_POSTGRES is set. */
export const DIALECTS: Dialect[] = process.env.CHANCERY_TEST_POSTGRES ? ['sqlite', 'postgres'] : ['sqlite'];

/** Built once per run by test/global-setup.ts; named per run so concurrent runs never share one. */
export function pgTemplate(): string {
  return process.env.CHANCERY_TEST_PG_TEMPLATE ?? 'chancery_template';
}

/** The URL of a database on the test PostgreSQL server. */
export function pgUrl(database: string): string {
  const u = new URL(process.env.CHANCERY_TEST_POSTGRES!);
  u.pathname = '/' + database;
  return u.toString();
}

/** Runs one statement on the test server's maintenance database. */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.CHANCERY_TEST_POSTGRES });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let counter = 0;

/** An empty database with no migrations applied (tests of what a migration does to existing rows). */
export async function emptyDb(dialect: Dialect): Promise<{ db: Db; close: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = openDb('sqlite::memory:');
    return { db, close: () => db.destroy() };
  }
  const name = `chancery_m_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await adminQuery(`create database ${name}`);
  const db = openDb(pgUrl(name), { onPoolError: () => undefined });
  return {
    db,
    close: async () => {
      await db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** A fresh migrated database; call the returned close() when done. */
export async function freshDb(
  dialect: Dialect,
  opts: { onQuery?: (sql: string, parameters: readonly unknown[]) => void } = {},
): Promise<{ db: Db; url: string; close: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const url = 'sqlite::memory:';
    const db = openDb(url, opts);
    await migrate(db);
    return { db, url, close: () => db.destroy() };
  }
  if (!process.env.CHANCERY_TEST_POSTGRES) throw new Error('CHANCERY_TEST_POSTGRES is not set');
  const name = `chancery_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await adminQuery(`create database ${name} template ${pgTemplate()}`);
  const url = pgUrl(name);
  // Dropping the database at the end may cut idle connections the pool still holds.
  const db = openDb(url, { ...opts, onPoolError: () => undefined });
  return {
    db,
    url,
    close: async () => {
      await db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
