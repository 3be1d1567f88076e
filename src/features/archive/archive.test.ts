import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import type { Db, Dialect } from '../../platform/db.js';
import { loadDemo } from '../demo/demo-loader.js';
import { extractAll } from '../dossiers/dossier-service.js';
import { importWordPress } from '../import/wordpress-import.js';
import { createMediaLibrary } from '../media/media-library.js';
import { folderStorage } from '../media/media-storage.js';
import { searchArticles } from '../search/search-store.js';
import { parseQuery } from '../search/search-query.js';
import { listTables } from './archive-store.js';
import { ArchiveError, exportArchive, importArchive, LEFT_OUT, TABLES } from './archive.js';
import { extractTar, writeTarGz } from './tar.js';

const NOW = new Date('2026-12-07T06:00:00Z');
const clock = () => NOW;
const WXR = join(import.meta.dirname, '..', 'import', 'fixtures', 'wordpress.xml');
const UPLOADS = join(import.meta.dirname, '..', 'import', 'fixtures', 'wp-uploads');

async function unpack(archive: string, into: string) {
  mkdirSync(into, { recursive: true });
  await extractTar(archive, into);
  const manifest = JSON.parse(readFileSync(join(into, 'manifest.json'), 'utf8'));
  const tables: Record<string, string[]> = {};
  for (const t of manifest.tables) {
    // Rows compared as sets of canonical lines: the engines may order text keys differently.
    tables[t.name] = readFileSync(join(into, t.file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.stringify(sortKeys(JSON.parse(l))))
      .sort();
  }
  const files: Record<string, string> = {};
  for (const f of manifest.files)
    files[f.name] = createHash('sha256')
      .update(readFileSync(join(into, f.name)))
      .digest('hex');
  return { manifest, tables, files };
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );
}

describe('archive tables', () => {
  it('places every table of the schema in the archive or says why it is left out', async () => {
    const { db, close } = await freshDb('sqlite');
    try {
      const known = new Set([...TABLES.map((t) => t.name), ...LEFT_OUT]);
      expect((await listTables(db)).map((t) => t.name).filter((n) => !known.has(n))).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** Rows of the tables the demo leaves empty: readers' registrations, likes, bans, revisions, keys. */
async function fillTheRest(db: Db) {
  const at = NOW.toISOString();
  const reader = await db
    .insertInto('users')
    .values({
      email: 'reader@example.org',
      name: 'Ридер 读者',
      role: 'reader',
      password_hash: '!',
      created_at: at,
      email_confirmed_at: at,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const article = await db.selectFrom('articles').select('id').orderBy('id').executeTakeFirstOrThrow();
  const event = await db.selectFrom('events').select('id').orderBy('id').executeTakeFirstOrThrow();
  const comment = await db.selectFrom('comments').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db.insertInto('comment_likes').values({ comment_id: comment.id, user_id: reader.id, created_at: at }).execute();
  await db
    .insertInto('comment_reports')
    .values({ comment_id: comment.id, user_id: reader.id, reason: 'spam', created_at: at, resolved_at: null })
    .execute();
  await db
    .insertInto('user_bans')
    .values({ user_id: reader.id, until: null, reason: 'test', by_user_id: null, created_at: at, lifted_at: at })
    .execute();
  await db.insertInto('article_comment_settings').values({ article_id: article.id, premoderate: 1 }).execute();
  await db
    .insertInto('article_revisions')
    .values({ article_id: article.id, user_id: null, created_at: at, snapshot: '{"title":"T"}' })
    .execute();
  await db.insertInto('article_tombstones').values({ article_id: 9999, slug: 'gone', deleted_at: at }).execute();
  await db
    .insertInto('event_terms')
    .values({ event_id: event.id, version: 1, body_md: 'Terms', body_html: '<p>Terms</p>', created_at: at })
    .execute();
  await db
    .insertInto('registrations')
    .values({
      event_id: event.id,
      user_id: reader.id,
      name: 'Ридер',
      email: 'reader@example.org',
      organisation: '',
      position: '',
      country: 'KZ',
      answers: '{"1":"yes"}',
      terms_version: 1,
      status: 'confirmed',
      waitlist_position: null,
      offer_expires_at: null,
      token_hash: 'abc',
      message: '',
      attended_at: null,
      reminded_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('api_keys')
    .values({
      name: 'Partner',
      prefix: 'chk_1',
      key_hash: 'h',
      scopes: '["read"]',
      rate_limit: 60,
      created_by: null,
      created_at: at,
      expires_at: null,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
}

// SQLite → PostgreSQL → SQLite when PostgreSQL is at hand; SQLite → SQLite → SQLite otherwise.
const middle: Dialect = DIALECTS.includes('postgres') ? 'postgres' : 'sqlite';

describe(`archive round trip (sqlite → ${middle} → sqlite)`, () => {
  const dbs: { db: Db; close: () => Promise<void> }[] = [];
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'chancery-archive-'));
  });
  afterAll(async () => {
    for (const d of dbs) await d.close();
    rmSync(work, { recursive: true, force: true });
  });
  const open = async (dialect: Dialect) => {
    const d = await freshDb(dialect);
    dbs.push(d);
    return d.db;
  };

  it('loses nothing: every row and every media file arrives, and the copy works', async () => {
    const a = await open('sqlite');
    const dataA = join(work, 'data-a');
    await loadDemo({ db: a, clock, config: { adminEmail: 'admin@example.org', adminPassword: 'chancery-demo' } });
    await importWordPress(WXR, {
      db: a,
      clock,
      media: createMediaLibrary({ db: a, storage: folderStorage(join(dataA, 'media')), clock }),
      mediaDir: UPLOADS,
    });

    await extractAll(a);
    await fillTheRest(a);

    const progress: string[] = [];
    const fileA = join(work, 'a.tar.gz');
    const sa = await exportArchive(a, dataA, fileA, (_d, _t, label) => progress.push(label));
    expect(sa.files).toBe(1);
    expect(progress).toContain('articles');

    const b = await open(middle);
    const dataB = join(work, 'data-b');
    await importArchive(b, dataB, fileA);
    const fileB = join(work, 'b.tar.gz');
    await exportArchive(b, dataB, fileB);

    const c = await open('sqlite');
    const dataC = join(work, 'data-c');
    await importArchive(c, dataC, fileB);
    const fileC = join(work, 'c.tar.gz');
    await exportArchive(c, dataC, fileC);

    const [ua, ub, uc] = await Promise.all([
      unpack(fileA, join(work, 'ua')),
      unpack(fileB, join(work, 'ub')),
      unpack(fileC, join(work, 'uc')),
    ]);
    expect(ub.tables).toEqual(ua.tables);
    expect(uc.tables).toEqual(ua.tables);
    expect(uc.files).toEqual(ua.files);
    // Something of each kind made the trip.
    for (const t of [
      'facts',
      'entities',
      'registrations',
      'comment_likes',
      'article_revisions',
      'api_keys',
      'articles',
      'article_bodies',
      'authors',
      'rubrics',
      'tags',
      'events',
      'comments',
      'users',
      'media_images',
      'redirects',
      'settings',
    ])
      expect(ua.tables[t]?.length, t).toBeGreaterThan(0);
    expect(readdirSync(join(dataC, 'media'))).toHaveLength(1);

    // The copy is a working newsroom: the search index was rebuilt, and new rows get new ids.
    const hits = await searchArticles(b, { terms: parseQuery('canal').terms, filters: {}, now: NOW, limit: 5, offset: 0 });
    expect(JSON.stringify(hits)).toContain('water-talks');
    const before = await b
      .selectFrom('rubrics')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    const added = await b
      .insertInto('rubrics')
      .values({ slug: 'new-one', name: 'New', description: '', position: 99 })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(added.id).toBeGreaterThan(Number(before.m));
  });

  it('refuses a non-empty database, a damaged file, a foreign file and another format version', async () => {
    const a = await open('sqlite');
    await loadDemo({ db: a, clock, config: { adminEmail: 'admin@example.org', adminPassword: 'chancery-demo' } });
    const file = join(work, 'refuse.tar.gz');
    await exportArchive(a, join(work, 'none'), file);
    await expect(exportArchive(a, join(work, 'none'), file)).rejects.toThrow(/already exists/);

    await expect(importArchive(a, join(work, 'x'), file)).rejects.toThrow(/not empty/);

    const target = await open('sqlite');
    const junk = join(work, 'junk.tar.gz');
    writeFileSync(junk, 'this is not an archive at all, just some text that goes on for a while'.repeat(20));
    await expect(importArchive(target, join(work, 'x'), junk)).rejects.toThrow(ArchiveError);
    await expect(importArchive(target, join(work, 'x'), join(work, 'missing.tar.gz'))).rejects.toThrow(/no such file/);

    // A cut archive, and one whose table does not match its checksum.
    const bytes = readFileSync(file);
    const cut = join(work, 'cut.tar.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(importArchive(target, join(work, 'x'), cut)).rejects.toThrow(ArchiveError);

    const unpacked = join(work, 'tamper');
    await unpack(file, unpacked);
    const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'));
    const repack = async (name: string, m: unknown, tableText?: string) => {
      const out = join(work, name);
      const mb = Buffer.from(JSON.stringify(m));
      async function* entries() {
        yield { name: 'manifest.json', size: mb.length, source: mb };
        for (const t of manifest.tables) {
          const data = t.name === 'rubrics' && tableText !== undefined ? Buffer.from(tableText) : readFileSync(join(unpacked, t.file));
          yield { name: t.file, size: data.length, source: data };
        }
      }
      await writeTarGz(out, entries());
      return out;
    };
    const tampered = await repack('tampered.tar.gz', manifest, '{"id":1,"slug":"x","name":"X","description":"","position":1}\n');
    await expect(importArchive(target, join(work, 'x'), tampered)).rejects.toThrow(/damaged: tables\/rubrics.jsonl/);
    const future = await repack('future.tar.gz', { ...manifest, version: 99 });
    await expect(importArchive(target, join(work, 'x'), future)).rejects.toThrow(/format version 99/);
    const newer = await repack('newer.tar.gz', { ...manifest, migrations: [...manifest.migrations, '2099-01-01T0000-later'] });
    await expect(importArchive(target, join(work, 'x'), newer)).rejects.toThrow(/newer Chancery/);
    // Nothing was written by any of them.
    expect((await target.selectFrom('articles').select('id').execute()).length).toBe(0);
  });
});
