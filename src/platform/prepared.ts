// Queries a cache miss runs on every page, built and compiled once per database handle. Building and
// compiling a Kysely query costs 15 to 40 µs, and a page that runs ten of them spent a tenth of its time
// there; a prepared query reuses the compiled SQL (and so SQLite's prepared statement) and only swaps values.
import type { Compilable, CompiledQuery } from 'kysely';
import { type Db, directReads } from './db.js';

/** Stands for a caller's value while the query is built; replaced on each run. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * The placeholders a builder receives: `p.slug` is a slot typed as the value it stands for. A slot can be
 * used wherever Kysely takes one value (`where(col, '=', p.x)`, `offset(p.n)`); it cannot be a list
 * (`in`), and the builder must not compute with it (pass `now.toISOString()`, not `now`). A LIMIT belongs
 * in the shape instead: SQLite compiles a statement again each time a bound LIMIT changes.
 */
export type Slots<P> = { readonly [K in keyof P]: P[K] };

interface Plan {
  query: CompiledQuery;
  slots: (Slot | undefined)[];
}

export interface Prepared<P, R> {
  /** Every row. */
  all(db: Db, params: P): Promise<R[]>;
  /** The first row, or undefined. */
  first(db: Db, params: P): Promise<R | undefined>;
}

/**
 * Writes a query's constant values (a status, a limit: anything that is not a slot) into its SQLite text as
 * literals. SQLite plans with the values it can see: for a bound value it consults the index's value samples
 * and then compiles the statement again at every run, as any bound value may change the best plan. Only
 * slots stay bound. Strings are quoted SQL-style; values of other types stay bound.
 */
export function inlineConstants(query: CompiledQuery): CompiledQuery {
  const text = query.sql;
  const kept: unknown[] = [];
  let out = '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      // Copy a quoted string or identifier whole: a ? inside it is not a parameter.
      let j = i + 1;
      while (j < text.length && !(text[j] === c && text[j + 1] !== c)) j += text[j] === c ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c !== '?') {
      out += c;
      continue;
    }
    const v = query.parameters[n++];
    if (typeof v === 'string') out += `'${v.replaceAll("'", "''")}'`;
    else if (typeof v === 'number' && Number.isFinite(v)) out += String(v);
    else if (v === null) out += 'null';
    else {
      out += '?';
      kept.push(v);
    }
  }
  if (n !== query.parameters.length) throw new Error(`prepared query: ${query.parameters.length} values for ${n} placeholders`);
  return { ...query, sql: out, parameters: kept };
}

/** A query whose shape never changes, only its values. */
export function prepared<P extends Record<string, unknown>, R>(build: (db: Db, p: Slots<P>) => Compilable<R>): Prepared<P, R> {
  // Per handle, not per dialect: a transaction or a test's handle compiles its own.
  const plans = new WeakMap<Db, Plan>();
  const slots = new Proxy({}, { get: (_, name) => new Slot(String(name)) }) as Slots<P>;

  function plan(db: Db): Plan {
    let p = plans.get(db);
    if (!p) {
      let query = build(db, slots).compile();
      if (db.dialect === 'sqlite') query = inlineConstants(query);
      p = { query, slots: query.parameters.map((v) => (v instanceof Slot ? v : undefined)) };
      plans.set(db, p);
    }
    return p;
  }

  async function all(db: Db, params: P): Promise<R[]> {
    const { query, slots: s } = plan(db);
    const parameters = query.parameters.map((v, i) => {
      if (!s[i]) return v;
      const value = params[s[i]!.name];
      // `in` with a slot compiles to one placeholder, so a list would reach the driver as one bad value.
      if (Array.isArray(value)) throw new TypeError(`prepared query: slot "${s[i]!.name}" cannot hold a list`);
      return value;
    });
    const rows = directReads(db)?.(query.sql, parameters);
    if (rows) return rows as R[];
    const result = await db.executeQuery<R>({ ...query, parameters } as CompiledQuery<R>);
    return result.rows;
  }

  return {
    all,
    async first(db, params) {
      return (await all(db, params))[0];
    },
  };
}

/**
 * Prepared queries that differ only in a small shape (how many ids an `in` list holds, how many tags are
 * combined): one compiled query per shape, built the first time that shape is asked for.
 */
export function preparedByShape<S extends string | number, P extends Record<string, unknown>, R>(
  build: (db: Db, p: Slots<P>, shape: S) => Compilable<R>,
): (shape: S) => Prepared<P, R> {
  const family = new Map<S, Prepared<P, R>>();
  return (shape) => {
    let q = family.get(shape);
    if (!q) {
      q = prepared((db, p: Slots<P>) => build(db, p, shape));
      family.set(shape, q);
    }
    return q;
  };
}

// Every miss fills a few lists: their names are made once rather than a string per value and call.
const SLOT_NAMES: string[] = [];
const slotName = (i: number) => SLOT_NAMES[i] ?? (SLOT_NAMES[i] = `i${i}`);

/** Slot names for a list of n values (`i0`, `i1`, ...) and the parameters that fill them. */
export function listSlots(n: number): string[] {
  return Array.from({ length: n }, (_, i) => slotName(i));
}
export function listParams<T>(values: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (let i = 0; i < values.length; i++) out[slotName(i)] = values[i];
  return out;
}
