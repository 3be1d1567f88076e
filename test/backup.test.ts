// chancery backup and restore, end to end through the command line, on each database: a backup taken while
// rows are being written holds every row committed before it began, with the data folder's files; it
// restores into a new place; a damaged backup is refused.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/main.js';
import { openDb, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrations/index.js';
import { adminQuery, DIALECTS, freshDb, pgUrl } from './db.js';

function cli(env: Record<string, string>) {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    env: { ...env, LOG_LEVEL: 'silent' },
  };
  return { io, out: () => out, err: () => err };
}

async function addUsers(db: Db, from: number, n: number) {
  for (let i = from; i < from + n; i++)
    await db
      .insertInto('users')
      .values({ email: `u${i}@example.org`, name: `U ${i}`, role: 'reader', password_hash: '', created_at: new Date().toISOString() })
      .execute();
}
const countUsers = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'chancery-backup-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('backs up while writes go on, verifies, restores elsewhere with the data folder, refuses a damaged file', async () => {
    const dataA = join(root, 'a');
    const dataB = join(root, 'b');
    mkdirSync(join(dataA, 'outbox'), { recursive: true });
    writeFileSync(join(dataA, 'session-secret'), 's'.repeat(64));
    writeFileSync(join(dataA, 'outbox', '2026-12-06-mail.eml'), 'Subject: kept\r\n\r\nbody');
    let urlA: string;
    let urlB: string;
    let dbA: Db;
    let closeA: () => Promise<void>;
    const dropB: string[] = [];
    if (dialect === 'sqlite') {
      urlA = `sqlite:${join(dataA, 'chancery.db')}`;
      urlB = `sqlite:${join(dataB, 'chancery.db')}`;
      dbA = openDb(urlA);
      await migrate(dbA);
      closeA = () => dbA.destroy();
    } else {
      const fresh = await freshDb('postgres');
      ({ db: dbA, url: urlA, close: closeA } = fresh);
      const name = `chancery_restore_${process.pid}_${Date.now().toString(36)}`;
      await adminQuery(`create database ${name}`);
      dropB.push(name);
      urlB = pgUrl(name);
    }
    try {
      await addUsers(dbA, 0, 200);
      const before = await countUsers(dbA);
      // Writers carry on while the backup is taken.
      let writing = true;
      let written = 200;
      const writer = (async () => {
        while (writing) {
          await addUsers(dbA, written++, 1);
          // SQLite answers at once: let the backup's own steps run between writes.
          await new Promise((r) => setTimeout(r, 1));
        }
      })();
      const file = join(root, 'newsroom.backup');
      const b = cli({ DATABASE_URL: urlA, CHANCERY_DATA_DIR: dataA });
      const code = await main(['backup', file], b.io);
      writing = false;
      await writer;
      expect(b.err()).toBe('');
      expect(code).toBe(0);
      expect(b.out()).toMatch(new RegExp(`Backed up the ${dialect} database \\(\\d+ migrations\\) and 2 files .*verified`));
      // A second backup to the same name is refused rather than overwriting the first.
      expect(await main(['backup', file], cli({ DATABASE_URL: urlA, CHANCERY_DATA_DIR: dataA }).io)).toBe(1);

      const r = cli({ DATABASE_URL: urlB, CHANCERY_DATA_DIR: dataB });
      expect(await main(['restore', file], r.io)).toBe(0);
      expect(r.out()).toContain('Restored');
      const dbB = openDb(urlB, { onPoolError: () => undefined });
      try {
        expect(await countUsers(dbB)).toBeGreaterThanOrEqual(before);
        expect(await countUsers(dbB)).toBeLessThanOrEqual(written);
        // The restored database is a Chancery database as any other: migrations recorded, nothing left of the archive.
        expect(await migrate(dbB)).toEqual([]);
      } finally {
        await dbB.destroy();
      }
      expect(readFileSync(join(dataB, 'session-secret'), 'utf8')).toBe('s'.repeat(64));
      expect(readFileSync(join(dataB, 'outbox', '2026-12-06-mail.eml'), 'utf8')).toContain('Subject: kept');

      // Damage a row (one letter of an address, as a failing disk might): the restore says so. The last copy of the
      // text is the live one; earlier copies sit on free pages, whose bytes nothing reads.
      const bytes = readFileSync(file);
      const damaged = join(root, 'damaged.backup');
      const at = bytes.lastIndexOf(dialect === 'sqlite' ? 'u150@example.org' : 'Subject: kept');
      expect(at).toBeGreaterThan(0);
      bytes[at] ^= 0x01;
      writeFileSync(damaged, bytes);
      const d = cli({ DATABASE_URL: urlB, CHANCERY_DATA_DIR: join(root, 'c') });
      expect(await main(['restore', damaged], d.io)).toBe(1);
      expect(d.err()).toMatch(/damaged|malformed|not a database/i);
    } finally {
      await closeA();
      for (const name of dropB) await adminQuery(`drop database if exists ${name} with (force)`);
    }
  }, 60_000);
});
