// Opens the database named by DATABASE_URL: SQLite (default, embedded) or PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect, PostgresDialect, type LogEvent } from 'kysely';
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import type pgModule from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB> & { dialect: Dialect };

export interface OpenDbOptions {
  /** Called for every executed query; tests use it to count queries per page. */
  onQuery?: (sql: string) => void;
  /** Called when an idle PostgreSQL connection fails. */
  onPoolError?: (err: Error) => void;
}

/** Parses a DATABASE_URL into its dialect and location. */
export function parseDatabaseUrl(url: string): { dialect: Dialect; location: string } {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', location: url };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', location: url.slice('sqlite:'.length) || ':memory:' };
  throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
}

/** Opens a Kysely instance; the caller owns it and must destroy() it. */
export function openDb(url: string, opts: OpenDbOptions = {}): Db {
  const { dialect, location } = parseDatabaseUrl(url);
  const log = opts.onQuery ? (e: LogEvent) => { if (e.level === 'query') opts.onQuery!(e.query.sql); } : undefined;
  let db: Kysely<DB>;
  if (dialect === 'sqlite') {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    const sqlite = new Database(location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 16 MB of page cache instead of 2 MB: list and search pages of a large archive stay in memory.
    sqlite.pragma('cache_size = -16000');
    // Planner statistics, refreshed when tables changed a lot (about 1 ms otherwise): without them SQLite
    // walks comments_status_created_idx over every comment instead of the 50 threads asked for.
    sqlite.pragma('optimize = 0x10002');
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }), log });
  } else {
    // Loaded only for PostgreSQL: a SQLite install never pays for the driver at start-up.
    const pg = createRequire(import.meta.url)('pg') as typeof pgModule;
    const pool = new pg.Pool({ connectionString: location, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => opts.onPoolError?.(err));
    // bigint counts come back as strings by default; our counts fit in a double.
    pg.types.setTypeParser(20, (v) => Number(v));
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  }
  return Object.assign(db, { dialect });
}

/**
 * The SQLite handle Kysely sees, keeping the last `max` prepared statements by SQL text: Kysely
 * prepares every query anew, and preparing was a tenth of a cache-miss page's CPU time.
 */
function reusingStatements(sqlite: Database.Database, max = 500): { prepare(sql: string): Database.Statement; close(): void } {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(sql) {
      let s = statements.get(sql);
      if (s) return s;
      s = sqlite.prepare(sql);
      if (statements.size >= max) statements.delete(statements.keys().next().value!);
      statements.set(sql, s);
      return s;
    },
    close() { statements.clear(); sqlite.close(); },
  };
}

/** Runs fn in a transaction; the handle it receives is a Db of the same dialect. */
export async function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => fn(Object.assign(trx, { dialect: db.dialect }) as unknown as Db));
}
