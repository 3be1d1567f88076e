import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/db.js';
import { inTransaction, type Db } from './db.js';
import { inlineConstants, listParams, listSlots, prepared, type Slots } from './prepared.js';
import { CompiledQuery } from 'kysely';

describe.each(DIALECTS)('prepared queries (%s)', (dialect) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function withRubrics(): Promise<{ db: Db; queries: string[] }> {
    const queries: string[] = [];
    const t = await freshDb(dialect, { onQuery: (s) => queries.push(s) });
    close = t.close;
    for (const [i, slug] of ['europe', 'asia', 'africa'].entries()) {
      await t.db.insertInto('rubrics').values({ slug, name: slug.toUpperCase(), description: '', position: i }).execute();
    }
    queries.length = 0;
    return { db: t.db, queries };
  }

  it("builds once per handle and runs with each call's values", async () => {
    const { db, queries } = await withRubrics();
    let builds = 0;
    const bySlug = prepared((d, p: Slots<{ slug: string }>) => {
      builds++;
      return d.selectFrom('rubrics').select(['slug', 'name']).where('slug', '=', p.slug);
    });
    expect(await bySlug.first(db, { slug: 'asia' })).toEqual({ slug: 'asia', name: 'ASIA' });
    expect(await bySlug.first(db, { slug: 'africa' })).toEqual({ slug: 'africa', name: 'AFRICA' });
    expect(await bySlug.first(db, { slug: 'nowhere' })).toBeUndefined();
    expect(builds).toBe(1);
    // The same SQL text each time: SQLite's statement cache and the query log see one statement.
    expect(new Set(queries).size).toBe(1);
    expect(queries).toHaveLength(3);
  });

  it('keeps constant values and fills several slots in their places', async () => {
    const { db } = await withRubrics();
    const page = prepared((d, p: Slots<{ min: number; limit: number; skip: string }>) =>
      d
        .selectFrom('rubrics')
        .select('slug')
        .where('position', '>=', p.min)
        .where('slug', '!=', p.skip)
        .where('description', '=', '')
        .orderBy('position')
        .limit(p.limit),
    );
    expect((await page.all(db, { min: 0, limit: 2, skip: 'europe' })).map((r) => r.slug)).toEqual(['asia', 'africa']);
    expect((await page.all(db, { min: 1, limit: 1, skip: 'asia' })).map((r) => r.slug)).toEqual(['africa']);
  });

  it('refuses a slot used as a list', async () => {
    const { db } = await withRubrics();
    const bad = prepared((d, p: Slots<{ ids: number[] }>) => d.selectFrom('rubrics').select('slug').where('id', 'in', p.ids));
    await expect(bad.all(db, { ids: [1] })).rejects.toThrow(/list/);
  });

  it("waits for another caller's transaction and never reads its uncommitted rows", async () => {
    const { db, queries } = await withRubrics();
    const count = prepared((d, p: Slots<{ min: number }>) =>
      d
        .selectFrom('rubrics')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('position', '>=', p.min),
    );
    let release!: () => void;
    const gate = new Promise<void>((ok) => {
      release = ok;
    });
    let inserted!: () => void;
    const insertedYet = new Promise<void>((ok) => {
      inserted = ok;
    });
    const tx = inTransaction(db, async (trx) => {
      await trx.insertInto('rubrics').values({ slug: 'oceania', name: 'OCEANIA', description: '', position: 9 }).execute();
      inserted();
      await gate;
    });
    await insertedYet;
    const read = count.first(db, { min: 0 });
    let done = false;
    void read.then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    // SQLite has one connection: the read waits for the transaction. PostgreSQL reads on another.
    const waited = !done;
    release();
    await tx;
    expect(waited).toBe(dialect === 'sqlite');
    // Never the transaction's uncommitted row: SQLite reads after its commit, PostgreSQL before it.
    expect(Number((await read)?.n)).toBe(dialect === 'sqlite' ? 4 : 3);
    // Outside a transaction it runs at once, and the query log still sees it.
    queries.length = 0;
    expect(Number((await count.first(db, { min: 3 }))?.n)).toBe(1);
    expect(queries).toHaveLength(1);
  });

  it('reads through a transaction its own uncommitted rows', async () => {
    const { db } = await withRubrics();
    const bySlug = prepared((d, p: Slots<{ slug: string }>) => d.selectFrom('rubrics').select('name').where('slug', '=', p.slug));
    await expect(
      inTransaction(db, async (trx) => {
        await trx.insertInto('rubrics').values({ slug: 'arctic', name: 'ARCTIC', description: '', position: 7 }).execute();
        expect(await bySlug.first(trx, { slug: 'arctic' })).toEqual({ name: 'ARCTIC' });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await bySlug.first(db, { slug: 'arctic' })).toBeUndefined();
  });

  it('answers a read asked while a stream steps, and the stream goes on', async (t) => {
    // Kysely streams from PostgreSQL only with pg-cursor, which Chancery does not use.
    if (dialect !== 'sqlite') return t.skip();
    const { db } = await withRubrics();
    const bySlug = prepared((d, p: Slots<{ slug: string }>) => d.selectFrom('rubrics').select('name').where('slug', '=', p.slug));
    const seen: string[] = [];
    for await (const r of db.selectFrom('rubrics').select('slug').orderBy('position').stream()) {
      seen.push(r.slug);
      if (seen.length === 1) {
        // Asked while the stream steps: answered (SQLite steps several statements on one connection), never refused.
        void bySlug.first(db, { slug: 'asia' }).then((x) => seen.push(`read:${x?.name}`));
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    await new Promise((r) => setTimeout(r, 5));
    expect(seen.filter((x) => !x.startsWith('read:'))).toEqual(['europe', 'asia', 'africa']);
    expect(seen).toContain('read:ASIA');
  });
});

describe('inlineConstants (SQLite)', () => {
  const slot = { name: 'x' };
  it('writes strings, numbers and null into the text and keeps every other value bound, in order', () => {
    const q = CompiledQuery.raw('select "a?b" from t where s = ? and n = ? and z is ? and id = ? and d = ? limit ?', [
      "it's",
      2.5,
      null,
      slot,
      'x',
      50,
    ]);
    const out = inlineConstants(q);
    expect(out.sql).toBe(`select "a?b" from t where s = 'it''s' and n = 2.5 and z is null and id = ? and d = 'x' limit 50`);
    expect(out.parameters).toEqual([slot]);
  });

  it('leaves question marks inside quoted strings alone and refuses a text whose placeholders do not match', () => {
    expect(inlineConstants(CompiledQuery.raw("select '?' || ? , 'it''s ?'", [1])).sql).toBe("select '?' || 1 , 'it''s ?'");
    expect(() => inlineConstants(CompiledQuery.raw('select ?', [1, 2]))).toThrow(/2 values for 1 placeholders/);
  });
});

describe('list slots', () => {
  it('names each value of a list, the same names for the slots and the parameters', () => {
    expect(listSlots(3)).toEqual(['i0', 'i1', 'i2']);
    expect(listParams(['a', 'b', 'c'])).toEqual({ i0: 'a', i1: 'b', i2: 'c' });
    expect(listParams([])).toEqual({});
    // A longer list after a shorter one, and the other way round, still get every name.
    expect(Object.keys(listParams(Array.from({ length: 70 }, (_, i) => i)))).toEqual(listSlots(70));
    expect(listSlots(2)).toEqual(['i0', 'i1']);
  });
});
