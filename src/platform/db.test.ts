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
