import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/db.js';
import type { Db } from './db.js';
import { inlineConstants, prepared, type Slots } from './prepared.js';
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
