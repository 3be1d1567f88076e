// migrate() runs on every start: a database with every migration applied costs one query; anything else goes to the migrator.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { openDb } from '../db.js';
import { migrate } from './index.js';

describe.each(DIALECTS)('migrate on %s', (dialect) => {
  it('reads only the applied list when the schema is up to date', async () => {
    const queries: string[] = [];
    const { db, close } = await freshDb(dialect, { onQuery: (q) => queries.push(q) });
    try {
      queries.length = 0;
      expect(await migrate(db)).toEqual([]);
      expect(queries).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('refuses a database with a migration it does not know', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('2000-01-01T0000-unknown', '2000-01-01T00:00:00.000Z')`.execute(db);
      await expect(migrate(db)).rejects.toThrow(/corrupted migrations/);
    } finally {
      await close();
    }
  });
});

describe('migrate on a new database', () => {
  it('applies every migration, in order, then nothing', async () => {
    const db = openDb('sqlite::memory:');
    try {
      const applied = await migrate(db);
      expect(applied.length).toBeGreaterThan(5);
      expect(applied).toEqual([...applied].sort());
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
