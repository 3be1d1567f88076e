// Opens the database named by DATABASE_URL: SQLite (default, embedded) or PostgreSQL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
// The timers module's own: a test's fake timers must not hold a snapshot open.
import { setImmediate } from 'node:timers';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  PostgresDialect,
  sql,
  type LogEvent,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import type pgModule from 'pg';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB> & { dialect: Dialect };

export interface OpenDbOptions {
  /** Called for every executed query; tests use it to count queries per page and to read their bound values. */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
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
  const log = opts.onQuery
    ? (e: LogEvent) => {
        if (e.level === 'query') opts.onQuery!(e.query.sql, e.query.parameters);
      }
    : undefined;
  let db: Kysely<DB>;
  if (dialect === 'sqlite') {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    const sqlite = new Database(location);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 8 MB of page cache instead of 2: the index pages lists and searches walk stay in memory. 16 MB was
    // no faster in paired runs (article, rubric and search misses at 10,000 and 100,000 articles, within
    // the machine's noise) and cost 6 to 20 MB more under load.
    sqlite.pragma('cache_size = -8000');
    // Planner statistics, refreshed when tables changed a lot (about 1 ms otherwise): without them SQLite
    // walks comments_status_created_idx over every comment instead of the 50 threads asked for.
    sqlite.pragma('optimize = 0x10002');
    trimHistograms(sqlite);
    const handle = reusingStatements(sqlite);
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }), log });
    const read: DirectRead = (text, parameters) => {
      const rows = handle.readNow(text, parameters);
      if (rows) opts.onQuery?.(text, parameters);
      return rows;
    };
    Object.defineProperty(db, DIRECT, { value: read });
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
 * SQLite's ANALYZE also samples each index's values (sqlite_stat4) in this build. A statement whose plan
 * looked at those samples for a bound value is compiled again every time it runs with new values: on an
 * article cache miss that recompiling took more of the server's CPU than running the queries. Samples
 * matter for a NOT NULL text column of a few skewed values (a status, a type), where a row count per value
 * says little and queries name the value as a literal. An index led by an id-like column (twenty values or
 * more, every value distinct as a slug's, or an integer reference such as a tag, whatever a small newsroom's
 * count of tags) or by a nullable one (a reference such as a rubric or a parent comment, bound as a value)
 * gets the same plans from sqlite_stat1's row counts: those samples go, and their queries compile once.
 * Returns the statements to run after ANALYZE; the last reloads the statistics. Decision 006.
 */
/** How many different values make an index's leading column id-like rather than a few skewed values. */
const ID_LIKE_VALUES = 20;

export function histogramCleanup(stat1: IndexStat[]): { sql: string; parameters: string[] }[] {
  const drop = stat1
    .filter((r) => {
      const [rows, perValue] = r.stat.split(' ').map(Number);
      return r.idx && perValue > 0 && (rows / perValue >= ID_LIKE_VALUES || perValue === 1 || !r.leadingNotNull || !r.leadingText);
    })
    .map((r) => r.idx!);
  if (!drop.length) return [];
  return [
    { sql: `delete from sqlite_stat4 where idx in (${drop.map(() => '?').join(', ')})`, parameters: drop },
    { sql: 'analyze sqlite_schema', parameters: [] },
  ];
}

const STAT_TABLES = "select count(*) as n from sqlite_schema where type = 'table' and name in ('sqlite_stat1', 'sqlite_stat4')";
/**
 * An index's row counts (sqlite_stat1), whether its leading column is NOT NULL and whether it holds text;
 * only indexes that still have samples, so an already trimmed database is not written to.
 */
export interface IndexStat {
  idx: string | null;
  stat: string;
  leadingNotNull: number;
  leadingText: number;
}
const LEADING = 'from pragma_index_info(s.idx) i join pragma_table_info(s.tbl) t on t.name = i.name where i.seqno = 0';
const STAT1 = `select s.idx, s.stat, coalesce((select t."notnull" ${LEADING}), 0) as leadingNotNull,
  coalesce((select upper(t.type) like '%TEXT%' or upper(t.type) like '%CHAR%' ${LEADING}), 0) as leadingText
  from sqlite_stat1 s where s.idx in (select idx from sqlite_stat4)`;

/** Applies histogramCleanup to an open SQLite connection. */
function trimHistograms(sqlite: Database.Database): void {
  if ((sqlite.prepare(STAT_TABLES).get() as { n: number }).n < 2) return;
  for (const s of histogramCleanup(sqlite.prepare(STAT1).all() as IndexStat[])) sqlite.prepare(s.sql).run(...s.parameters);
}

/** The same, through Kysely (after the migrations' ANALYZE). */
export async function trimHistogramsOf(db: Kysely<DB>): Promise<void> {
  const n = (await sql<{ n: number }>`${sql.raw(STAT_TABLES)}`.execute(db)).rows[0]?.n ?? 0;
  if (n < 2) return;
  const rows = (await sql<IndexStat>`${sql.raw(STAT1)}`.execute(db)).rows;
  for (const s of histogramCleanup(rows)) await db.executeQuery(CompiledQuery.raw(s.sql, s.parameters));
}

const DIRECT = Symbol('direct SQLite reads');
/** Runs a read at once and returns its rows, or undefined when it must wait its turn through Kysely. */
export type DirectRead = (sql: string, parameters: readonly unknown[]) => unknown[] | undefined;

/**
 * A SQLite handle's direct reads, for prepared queries (`prepared.ts`): a plain read runs at once when no
 * transaction holds the connection, skipping Kysely's queue for the one connection and its promise hand-offs
 * (about half of a small query's cost). Undefined on PostgreSQL and on a transaction's handle.
 */
export function directReads(db: Db): DirectRead | undefined {
  return (db as { [DIRECT]?: DirectRead })[DIRECT];
}

type GuardedStatement = SqliteStatement & { plainRead: boolean };

/**
 * The SQLite handle Kysely sees, keeping the last `max` prepared statements by SQL text: Kysely
 * prepares every query anew, and preparing was a tenth of a cache-miss page's CPU time.
 */
function reusingStatements(
  sqlite: Database.Database,
  max = 500,
): SqliteDatabase & { readNow(sql: string, parameters: readonly unknown[]): unknown[] | undefined } {
  const statements = new Map<string, GuardedStatement>();
  const snapshot = readSnapshot(sqlite);
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (s) return s;
    const stmt = sqlite.prepare(sql);
    s = snapshot.guard(fastRows(stmt), isPlainRead(stmt, sql));
    if (statements.size >= max) statements.delete(statements.keys().next().value!);
    statements.set(sql, s);
    return s;
  };
  return {
    prepare,
    /** A plain read's rows now, or undefined while a transaction or a stream holds the connection. */
    readNow(sql: string, parameters: readonly unknown[]): unknown[] | undefined {
      if (!sqlite.open || (sqlite.inTransaction && !snapshot.isOpen())) return undefined;
      const s = prepare(sql);
      if (!s.plainRead) return undefined;
      try {
        return s.all(parameters) as unknown[];
      } catch (err) {
        // better-sqlite3 refuses some statements while an iteration steps ("busy"): Kysely's queue waits for it.
        if (err instanceof TypeError && /busy/.test(err.message)) return undefined;
        throw err;
      }
    },
    close() {
      snapshot.end();
      snapshot.forget();
      statements.clear();
      sqlite.close();
    },
  };
}

/** Every connection's open snapshot in this process, ended before any of them writes. */
const openSnapshots = new Set<() => void>();

/**
 * Reads share one read transaction per turn of the event loop. Outside a transaction every statement
 * took SQLite's shared-memory read lock and let it go again (three system calls, 5 to 6 µs), more than
 * a point look-up itself costs; a page's dozen reads paid it a dozen times. The first read of a turn
 * opens the transaction and the turn's end (setImmediate) closes it, so a write elsewhere, in another
 * process, shows from the next turn on. Anything but a plain read ends it first: a write (on any of this
 * process's connections), BEGIN, a pragma. Decision 024.
 */
function readSnapshot(sqlite: Database.Database) {
  let open = false;
  let scheduled = false;
  const BEGIN = sqlite.prepare('begin');
  const COMMIT = sqlite.prepare('commit');
  const end = () => {
    if (!open) return;
    try {
      if (sqlite.open && sqlite.inTransaction) COMMIT.run();
    } catch {
      // A statement still steps (a stream left open): the next turn tries again.
      schedule();
      return;
    }
    open = false;
    openSnapshots.delete(end);
  };
  const endLater = () => {
    scheduled = false;
    end();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(endLater);
  };
  const begin = () => {
    if (open || sqlite.inTransaction) return;
    BEGIN.run();
    open = true;
    openSnapshots.add(end);
    schedule();
  };
  const endAll = () => {
    for (const e of openSnapshots) e();
  };
  return {
    end,
    isOpen: () => open,
    forget: () => openSnapshots.delete(end),
    /** The statement, opening the turn's snapshot before a read and ending every snapshot before anything else. */
    guard(stmt: SqliteStatement, plainRead: boolean): GuardedStatement {
      const before = plainRead ? begin : endAll;
      return {
        plainRead,
        reader: stmt.reader,
        all: (parameters) => {
          before();
          return stmt.all(parameters);
        },
        run: (parameters) => {
          before();
          return stmt.run(parameters);
        },
        iterate: (parameters) => {
          before();
          return stmt.iterate(parameters);
        },
      };
    },
  };
}

/** A SELECT (or WITH … SELECT) that writes nothing: BEGIN and COMMIT count as read-only to SQLite, pragmas may write. */
function isPlainRead(stmt: Database.Statement, sql: string): boolean {
  return stmt.readonly && stmt.reader && /^\s*(select|with)\b/i.test(sql);
}

/**
 * A statement whose rows are built in JavaScript from better-sqlite3's arrays: the driver builds each row
 * object through V8's API one column at a time, which was 40% of a four-article query (27.6 µs against
 * 15.5), and a row a compiled object literal makes has a fixed shape the pages then read quickly.
 */
export function fastRows(stmt: Database.Statement): SqliteStatement {
  if (!stmt.reader) return stmt;
  const names = stmt.columns().map((c) => c.name);
  // A column named __proto__ would set the literal's prototype: such a statement keeps the driver's objects.
  if (names.includes('__proto__')) return stmt;
  stmt.raw(true);
  // Later columns of the same name win, as they do in the driver's own objects. The names are the
  // statement's own columns, quoted by JSON.stringify.
  const row = new Function('r', `return {${names.map((n, i) => `${JSON.stringify(n)}: r[${i}]`).join(', ')}};`) as (
    r: unknown[],
  ) => unknown;
  return {
    reader: true,
    all: (parameters) => (stmt.all(parameters) as unknown[][]).map(row),
    run: (parameters) => stmt.run(parameters),
    *iterate(parameters) {
      for (const r of stmt.iterate(parameters) as IterableIterator<unknown[]>) yield row(r);
    },
  };
}

/** Runs fn in a transaction; the handle it receives is a Db of the same dialect. */
export async function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => fn(Object.assign(trx, { dialect: db.dialect }) as unknown as Db));
}

// One instance at a time prepares the database on start (migrations, the demo newsroom): several instances
// started together on an empty PostgreSQL database would otherwise each load the demo and fail on each
// other's slugs. A PostgreSQL advisory lock, held by a connection of its own while the work runs on the pool;
// SQLite has one process preparing (the primary of `serve --workers N`), so it needs none.
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

/** True for the error a unique index (or primary key) raises on either database. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
