// The SQLite handle: one connection, which a query or a transaction holds alone, given out in arrival order.
import { afterEach, describe, expect, it } from 'vitest';
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
