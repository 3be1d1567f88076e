// The SQLite handle: one connection, which a query or a transaction holds alone, given out in arrival order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as realSetImmediate } from 'node:timers';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { inTransaction, openDb, type Db } from './db.js';

describe('SQLite connection sharing', () => {
  let db: Db;
  afterEach(async () => {
    await db.destroy();
  });

  it('serves queries in the order they asked, and keeps other queries out of an open transaction', async () => {
    db = openDb('sqlite::memory:');
    await sql`create table t (n integer)`.execute(db);
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((ok) => {
      release = ok;
    });
    const tx = inTransaction(db, async (trx) => {
      await sql`insert into t values (1)`.execute(trx);
      order.push('tx:insert');
      await gate;
      await sql`insert into t values (2)`.execute(trx);
      order.push('tx:end');
    });
    await new Promise((r) => setTimeout(r, 5));
    // Asked while the transaction holds the connection: they must wait for it, then run first come, first served.
    const reads = Array.from({ length: 20 }, (_, i) =>
      sql<{ c: number }>`select count(*) as c from t`.execute(db).then((r) => {
        order.push(`read${i}:${r.rows[0].c}`);
      }),
    );
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual(['tx:insert']);
    release();
    await Promise.all([tx, ...reads]);
    expect(order).toEqual(['tx:insert', 'tx:end', ...Array.from({ length: 20 }, (_, i) => `read${i}:2`)]);
  });

  it('rolls back a failed transaction and lets the next caller in', async () => {
    db = openDb('sqlite::memory:');
    await sql`create table t (n integer)`.execute(db);
    await expect(
      inTransaction(db, async (trx) => {
        await sql`insert into t values (1)`.execute(trx);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect((await sql<{ c: number }>`select count(*) as c from t`.execute(db)).rows[0].c).toBe(0);
  });
});

describe('SQLite rows', () => {
  it('builds the same rows as the driver, from its arrays', async () => {
    const db = openDb('sqlite::memory:');
    try {
      await sql`create table t (id integer primary key, name text, data blob, score real, note text)`.execute(db);
      await sql`insert into t values (1, 'Astana', x'0102', 1.5, null), (2, 'Tashkent', null, 2, 'b')`.execute(db);
      const rows = (await sql`select * from t order by id`.execute(db)).rows;
      expect(rows).toEqual([
        { id: 1, name: 'Astana', data: Buffer.from([1, 2]), score: 1.5, note: null },
        { id: 2, name: 'Tashkent', data: null, score: 2, note: 'b' },
      ]);
      // Columns keep the statement's order, and a later column of the same name wins, as in the driver.
      expect(Object.keys(rows[0] as object)).toEqual(['id', 'name', 'data', 'score', 'note']);
      const dup = (await sql`select 1 as a, 2 as "b c", 3 as a, 4 as "quote""d"`.execute(db)).rows;
      expect(dup).toEqual([{ a: 3, 'b c': 2, 'quote"d': 4 }]);
      // A column named __proto__ never becomes the row's prototype: such a statement keeps the driver's rows.
      const proto = (await sql`select 'x' as "__proto__", 5 as n`.execute(db)).rows[0] as Record<string, unknown>;
      expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
      expect(proto.n).toBe(5);
      // A statement read again gives fresh rows; RETURNING rows and streamed rows are built the same way.
      const again = (await sql`select * from t order by id`.execute(db)).rows;
      expect(again).toEqual(rows);
      expect(again[0]).not.toBe(rows[0]);
      const back = (await sql`insert into t (id, name) values (3, 'Baku') returning id, name`.execute(db)).rows;
      expect(back).toEqual([{ id: 3, name: 'Baku' }]);
      const streamed: unknown[] = [];
      for await (const r of db
        .selectFrom('t' as never)
        .select(['id', 'name'] as never)
        .orderBy('id' as never)
        .stream())
        streamed.push(r);
      expect(streamed).toEqual([
        { id: 1, name: 'Astana' },
        { id: 2, name: 'Tashkent' },
        { id: 3, name: 'Baku' },
      ]);
    } finally {
      await db.destroy();
    }
  });
});

describe('SQLite read snapshots', () => {
  const turn = () => new Promise<void>((ok) => setImmediate(ok));
  const count = async (db: Db) => (await sql<{ c: number }>`select count(*) as c from t`.execute(db)).rows[0].c;
  let dir: string;
  let a: Db;
  let b: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-snapshot-'));
  });
  afterEach(async () => {
    await a?.destroy();
    await b?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shares one read transaction per turn, and sees another process's write from the next turn", async () => {
    a = openDb(`sqlite:${join(dir, 'db.sqlite')}`);
    await sql`create table t (n integer)`.execute(a);
    await turn();
    // Another process: a connection this module does not know, writing while a's turn holds its snapshot.
    const other = new Database(join(dir, 'db.sqlite'));
    try {
      expect(await count(a)).toBe(0);
      other.prepare('insert into t values (1)').run();
      expect(await count(a)).toBe(0);
      await turn();
      expect(await count(a)).toBe(1);
      // A write in the other process does not wait for the snapshot (WAL readers never block writers).
      expect(await count(a)).toBe(1);
      other.prepare('insert into t values (2)').run();
      await turn();
      expect(await count(a)).toBe(2);
    } finally {
      other.close();
    }
  });

  it('lets its own writes, transactions and other connections of this process through at once', async () => {
    a = openDb(`sqlite:${join(dir, 'db.sqlite')}`);
    b = openDb(`sqlite:${join(dir, 'db.sqlite')}`);
    await sql`create table t (n integer)`.execute(a);
    await turn();
    expect(await count(a)).toBe(0);
    expect(await count(b)).toBe(0);
    // Its own write, in the same turn, ends the snapshot first and shows at once.
    await sql`insert into t values (1)`.execute(a);
    expect(await count(a)).toBe(1);
    // A write on another connection of this process ends every snapshot first: a sees it in the same turn.
    await sql`insert into t values (2)`.execute(b);
    expect(await count(a)).toBe(2);
    // A transaction begins after a read of the same turn, and rolls back cleanly.
    expect(await count(a)).toBe(2);
    await inTransaction(a, async (trx) => {
      await sql`insert into t values (3)`.execute(trx);
      expect(await count(trx)).toBe(3);
    });
    await expect(
      inTransaction(a, async (trx) => {
        await sql`insert into t values (4)`.execute(trx);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await count(a)).toBe(3);
    expect(await count(b)).toBe(3);
    // A pragma (which may write) runs outside any snapshot.
    expect((await sql<{ journal_mode: string }>`pragma journal_mode`.execute(a)).rows[0].journal_mode).toBe('wal');
  });

  it('ends a snapshot kept open by a stream once the stream is done, and under fake timers too', async () => {
    a = openDb(`sqlite:${join(dir, 'db.sqlite')}`);
    await sql`create table t (n integer)`.execute(a);
    await sql`insert into t values (1), (2), (3)`.execute(a);
    const other = new Database(join(dir, 'db.sqlite'));
    try {
      const seen: number[] = [];
      for await (const r of a
        .selectFrom('t' as never)
        .select('n' as never)
        .stream()) {
        seen.push((r as { n: number }).n);
        // Turns pass while the stream steps: the snapshot cannot end yet, and nothing fails.
        await turn();
      }
      expect(seen).toEqual([1, 2, 3]);
      other.prepare('insert into t values (4)').run();
      await turn();
      expect(await count(a)).toBe(4);
      vi.useFakeTimers();
      try {
        expect(await count(a)).toBe(4);
        other.prepare('insert into t values (5)').run();
        await new Promise<void>((ok) => realSetImmediate(ok));
        expect(await count(a)).toBe(5);
      } finally {
        vi.useRealTimers();
      }
    } finally {
      other.close();
    }
  });
});
