// The only place where SQL types and expressions differ between SQLite and PostgreSQL.
import { sql, type Kysely, type CreateTableBuilder, type RawBuilder } from 'kysely';
import type { Dialect } from './db.js';

/** The dialect of a Kysely handle (ours carry it; a bare one is sniffed from its adapter). */
export function dialectOf(db: Kysely<any>): Dialect {
  const own = (db as any).dialect;
  if (own === 'sqlite' || own === 'postgres') return own;
  return db.getExecutor().adapter.constructor.name.includes('Postgres') ? 'postgres' : 'sqlite';
}

/** Adds an auto-incrementing integer primary key named id. */
export function withId<T extends string>(db: Kysely<any>, t: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return dialectOf(db) === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Timestamps are ISO-8601 UTC strings on both dialects, so they sort and compare alike. */
export const TIMESTAMP = 'text' as const;
/** Booleans are integers 0/1 on both dialects, so rows look the same everywhere. */
export const BOOL = 'integer' as const;

/** Case-insensitive LIKE across dialects. */
export function ilike(dialect: Dialect): 'ilike' | 'like' {
  return dialect === 'postgres' ? 'ilike' : 'like';
}

/** Current time as the stored string form. */
export function iso(d: Date): string {
  return d.toISOString();
}

/** `value || '%'`-style concatenation. */
export function concat(...parts: RawBuilder<unknown>[]): RawBuilder<string> {
  return sql<string>`(${sql.join(parts, sql` || `)})`;
}

/**
 * A column SQLite must not look up through an index for this condition (a filter on rows an index already
 * walks or found by id, such as "published before now"). It then does not consult the index's value samples
 * for the bound value, and so does not compile the statement again at each run (decision 006). PostgreSQL
 * plans once per execution anyway.
 */
export function unindexed(db: { dialect: Dialect }, column: string): RawBuilder<string> {
  return db.dialect === 'sqlite' ? sql<string>`+${sql.ref(column)}` : sql<string>`${sql.ref(column)}`;
}

/**
 * A bound value SQLite may still use to walk an index (a range such as "published after now" over the few
 * scheduled rows), but whose value it cannot weigh against the index's samples when planning: read through a
 * one-value subquery, so the statement is not compiled again at each run (decision 006). PostgreSQL binds it as is.
 */
export function opaque<V>(db: { dialect: Dialect }, value: V): RawBuilder<V> {
  return db.dialect === 'sqlite' ? sql<V>`(select ${value})` : sql<V>`${value}`;
}
