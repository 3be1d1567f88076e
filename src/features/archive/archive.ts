// The newsroom archive: `chancery export FILE` writes every table that holds the newsroom's own content as
// JSON Lines, with the library's image files, into one .tar.gz; `chancery import-archive FILE` loads it into
// an empty database of either engine. A manifest first in the archive names the format version, the schema
// (the migrations applied) and a SHA-256 of every file, so a damaged or foreign file is refused before a row
// is written.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { inTransaction, type Db } from '../../platform/db.js';
import { indexArticle } from '../search/search-index-store.js';
import {
  allArticleIds,
  appliedMigrations,
  countRows,
  insertRows,
  listTables,
  readRows,
  resetIdSequence,
  clearTable,
} from './archive-store.js';
import { extractTar, TarError, writeTarGz } from './tar.js';

export const ARCHIVE_FORMAT = 'chancery-archive';
export const ARCHIVE_VERSION = 1;

/**
 * The tables an archive carries, in an order that loads parents before the rows that point at them, each
 * with the columns that order its rows. A table added later must be placed here or in LEFT_OUT
 * (archive.test.ts fails until it is).
 */
export const TABLES: { name: string; order: string[] }[] = [
  { name: 'users', order: ['id'] },
  { name: 'authors', order: ['id'] },
  { name: 'rubrics', order: ['id'] },
  { name: 'tags', order: ['id'] },
  { name: 'media_images', order: ['id'] },
  { name: 'embeds', order: ['id'] },
  { name: 'user_totp', order: ['user_id'] },
  { name: 'user_recovery_codes', order: ['id'] },
  { name: 'user_passkeys', order: ['id'] },
  { name: 'articles', order: ['id'] },
  { name: 'article_bodies', order: ['article_id'] },
  { name: 'article_authors', order: ['article_id', 'position', 'author_id'] },
  { name: 'article_tags', order: ['article_id', 'tag_id'] },
  { name: 'article_revisions', order: ['id'] },
  { name: 'article_tombstones', order: ['article_id'] },
  { name: 'article_corrections', order: ['id'] },
  { name: 'article_reviews', order: ['article_id'] },
  { name: 'review_notes', order: ['id'] },
  { name: 'events', order: ['id'] },
  { name: 'event_articles', order: ['event_id', 'article_id'] },
  { name: 'event_terms', order: ['id'] },
  { name: 'event_registration_settings', order: ['event_id'] },
  { name: 'event_questions', order: ['id'] },
  { name: 'registrations', order: ['id'] },
  { name: 'entities', order: ['id'] },
  { name: 'article_entities', order: ['article_id', 'entity_id'] },
  { name: 'entity_names', order: ['entity_id', 'language'] },
  { name: 'facts', order: ['id'] },
  { name: 'fact_entities', order: ['fact_id', 'entity_id', 'role'] },
  { name: 'comments', order: ['id'] },
  { name: 'comment_reports', order: ['id'] },
  { name: 'comment_likes', order: ['comment_id', 'user_id'] },
  { name: 'article_comment_settings', order: ['article_id'] },
  { name: 'user_bans', order: ['id'] },
  { name: 'api_keys', order: ['id'] },
  { name: 'webhook_endpoints', order: ['id'] },
  { name: 'settings', order: ['key'] },
  { name: 'audit_log', order: ['id'] },
  { name: 'translations', order: ['subject', 'subject_id', 'language', 'field'] },
  { name: 'redirects', order: ['from_path'] },
  { name: 'import_sources', order: ['source', 'kind', 'external_id'] },
];

/** Tables an archive leaves out: what belongs to one running instance, or is rebuilt from the rest. */
export const LEFT_OUT = new Set([
  'sessions', // sign-ins end with the move
  'user_tokens', // confirmation and reset links sent from the old instance
  'jobs', // the queue of the old instance
  'attempt_limits', // rate-limit counters
  'api_oauth_codes', // one-use codes, minutes long
  'api_tokens', // readers' apps sign in again
  'comment_tallies', // kept by triggers from the comments
  'webauthn_challenges', // passkey challenges, minutes long
  'webhook_deliveries', // the old instance's delivery log
  'change_signals', // changes told between the old instance's processes, a minute long
  'import_runs', // the old instance's imports and their reports
]);

/** Tables whose rows a fresh database already has (written by migrations): replaced by the archive's. */
const REPLACED = new Set(['settings']);

export class ArchiveError extends Error {}

interface Manifest {
  format: string;
  version: number;
  createdAt: string;
  dialect: string;
  migrations: string[];
  tables: { name: string; rows: number; columns: string[]; file: string; sha256: string; bytes: number }[];
  files: { name: string; sha256: string; bytes: number }[];
}

export interface ArchiveSummary {
  tables: number;
  rows: number;
  files: number;
  bytes: number;
}

type Progress = (done: number, total: number, label: string) => void;

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** The master files of the media library (sizes are made again on demand), relative to the data folder. */
async function mediaFiles(dataDir: string): Promise<string[]> {
  const root = join(dataDir, 'media');
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /^master\.(jpg|png)$/.test(e.name)) out.push(relative(dataDir, p).split(sep).join('/'));
    }
  }
  await walk(root);
  return out.sort();
}

/** The archive's tables: the known ones in load order, then any the schema has that this list does not know. */
async function tablesOf(db: Db): Promise<{ name: string; order: string[]; columns: string[] }[]> {
  const present = await listTables(db);
  const byName = new Map(present.map((t) => [t.name, t]));
  const known = TABLES.filter((t) => byName.has(t.name)).map((t) => ({ ...t, columns: byName.get(t.name)!.columns }));
  const extra = present
    .filter((t) => !LEFT_OUT.has(t.name) && !TABLES.some((k) => k.name === t.name))
    .map((t) => ({ name: t.name, order: t.columns.includes('id') ? ['id'] : t.columns, columns: t.columns }));
  return [...known, ...extra];
}

/** Writes the whole newsroom to `file` (which must not exist). */
export async function exportArchive(db: Db, dataDir: string, file: string, onProgress?: Progress): Promise<ArchiveSummary> {
  if (await stat(file).catch(() => undefined)) throw new ArchiveError(`${file} already exists`);
  const work = await mkdtemp(join(tmpdir(), 'chancery-export-'));
  try {
    const tables = await tablesOf(db);
    const media = await mediaFiles(dataDir);
    const total = tables.length + media.length;
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: new Date().toISOString(),
      dialect: db.dialect,
      migrations: await appliedMigrations(db),
      tables: [],
      files: [],
    };
    let rows = 0;
    let step = 0;
    await mkdir(join(work, 'tables'));
    for (const t of tables) {
      onProgress?.(step++, total, t.name);
      const name = `tables/${t.name}.jsonl`;
      const path = join(work, name);
      const out = createWriteStream(path);
      const hash = createHash('sha256');
      let n = 0;
      let bytes = 0;
      for (let offset = 0; ; offset += 500) {
        const page = await readRows(db, t.name, t.order, offset, 500);
        for (const row of page) {
          const line = `${JSON.stringify(row)}\n`;
          hash.update(line);
          bytes += Buffer.byteLength(line);
          if (!out.write(line)) await new Promise<void>((ok) => out.once('drain', () => ok()));
        }
        n += page.length;
        if (page.length < 500) break;
      }
      await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
      manifest.tables.push({ name: t.name, rows: n, columns: t.columns, file: name, sha256: hash.digest('hex'), bytes });
      rows += n;
    }
    for (const f of media) {
      onProgress?.(step++, total, f);
      const info = await stat(join(dataDir, f));
      manifest.files.push({ name: f, sha256: await sha256Of(join(dataDir, f)), bytes: info.size });
    }
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`);
    async function* entries() {
      yield { name: 'manifest.json', size: manifestBytes.length, source: manifestBytes };
      for (const t of manifest.tables) yield { name: t.file, size: t.bytes, source: join(work, t.file) };
      for (const f of manifest.files) yield { name: f.name, size: f.bytes, source: join(dataDir, f.name) };
    }
    await writeTarGz(file, entries());
    onProgress?.(total, total, '');
    return { tables: tables.length, rows, files: media.length, bytes: (await stat(file)).size };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function readManifest(dir: string): Promise<Manifest> {
  let m: Manifest;
  try {
    m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    throw new ArchiveError('not a Chancery archive (no readable manifest.json)');
  }
  if (m?.format !== ARCHIVE_FORMAT || !Array.isArray(m.tables) || !Array.isArray(m.files) || !Array.isArray(m.migrations))
    throw new ArchiveError('not a Chancery archive (its manifest is of another kind)');
  if (m.version !== ARCHIVE_VERSION)
    throw new ArchiveError(`archive format version ${m.version}; this Chancery reads version ${ARCHIVE_VERSION}`);
  // Names come from the file: only the shapes this format writes are accepted.
  for (const t of m.tables)
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(String(t?.name)) || t.file !== `tables/${t.name}.jsonl` || !Array.isArray(t.columns))
      throw new ArchiveError('not a Chancery archive (a table entry of its manifest is malformed)');
  for (const f of m.files)
    if (!/^media\/[0-9a-f]{2}\/[0-9a-f]{32}\/master\.(jpg|png)$/.test(String(f?.name)))
      throw new ArchiveError('not a Chancery archive (a file entry of its manifest is malformed)');
  return m;
}

/** Loads an archive into an empty database and the data folder. */
export async function importArchive(db: Db, dataDir: string, file: string, onProgress?: Progress): Promise<ArchiveSummary> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new ArchiveError('no such file');
  const work = await mkdtemp(join(tmpdir(), 'chancery-import-'));
  try {
    try {
      await extractTar(file, work);
    } catch (e) {
      if (e instanceof TarError) throw new ArchiveError(e.message);
      throw e;
    }
    const manifest = await readManifest(work);

    // The schema: every migration the archive's database had must be known here (an older archive loads,
    // its rows taking the defaults of columns added since).
    const here = await appliedMigrations(db);
    const unknown = manifest.migrations.filter((m) => !here.includes(m));
    if (unknown.length)
      throw new ArchiveError(`written by a newer Chancery (migration ${unknown[0]} is unknown here): upgrade this one first`);
    const tables = await listTables(db);
    const columnsHere = new Map(tables.map((t) => [t.name, new Set(t.columns)]));
    for (const t of manifest.tables) {
      const cols = columnsHere.get(t.name);
      if (!cols) throw new ArchiveError(`version mismatch: the table "${t.name}" does not exist here`);
      const missing = t.columns.find((c) => !cols.has(c));
      if (missing) throw new ArchiveError(`version mismatch: the column "${t.name}.${missing}" does not exist here`);
    }

    // Every file whole, before a row is written.
    for (const t of manifest.tables)
      if ((await sha256Of(join(work, t.file)).catch(() => '')) !== t.sha256)
        throw new ArchiveError(`damaged: ${t.file} does not match its checksum`);
    for (const f of manifest.files)
      if ((await sha256Of(join(work, f.name)).catch(() => '')) !== f.sha256)
        throw new ArchiveError(`damaged: ${f.name} does not match its checksum`);

    const busy: string[] = [];
    for (const t of manifest.tables) {
      if (REPLACED.has(t.name)) continue;
      const n = await countRows(db, t.name);
      if (n > 0) busy.push(`${n} ${t.name}`);
    }
    if (busy.length)
      throw new ArchiveError(`the database is not empty (${busy.slice(0, 3).join(', ')}): load an archive into a new database`);

    const total = manifest.tables.reduce((s, t) => s + t.rows, 0) + manifest.files.length;
    let done = 0;
    // Load order is the list's, whatever order the archive names its tables in.
    const order = (name: string) => {
      const i = TABLES.findIndex((t) => t.name === name);
      return i === -1 ? TABLES.length : i;
    };
    const load = [...manifest.tables].sort((a, b) => order(a.name) - order(b.name));
    await inTransaction(db, async (tx) => {
      for (const t of load) {
        if (REPLACED.has(t.name)) await clearTable(tx, t.name);
        let batch: Record<string, unknown>[] = [];
        const size = Math.max(1, Math.floor(2000 / Math.max(1, t.columns.length)));
        const lines = createInterface({ input: createReadStream(join(work, t.file), 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
        for await (const line of lines) {
          if (!line) continue;
          batch.push(JSON.parse(line) as Record<string, unknown>);
          if (batch.length >= size) {
            await insertRows(tx, t.name, batch);
            done += batch.length;
            batch = [];
            onProgress?.(done, total, t.name);
          }
        }
        await insertRows(tx, t.name, batch);
        done += batch.length;
        onProgress?.(done, total, t.name);
        if (t.columns.includes('id')) await resetIdSequence(tx, t.name);
      }
    });
    // The search index is built again from the loaded articles, in this engine's own form.
    const ids = await allArticleIds(db);
    for (let i = 0; i < ids.length; i += 500)
      await inTransaction(db, async (tx) => {
        for (const id of ids.slice(i, i + 500)) await indexArticle(tx, id);
      });
    for (const f of manifest.files) {
      const target = join(dataDir, f.name);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(work, f.name), target);
      onProgress?.(++done, total, f.name);
    }
    return {
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((s, t) => s + t.rows, 0),
      files: manifest.files.length,
      bytes: info.size,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
