// Online, consistent backups in one file, and their restore. The file is a SQLite database:
// - on SQLite it is a copy of the newsroom's database taken with SQLite's backup API (consistent while the
//   server keeps writing, WAL included), plus a table holding the data folder's other files;
// - on PostgreSQL it holds pg_dump's plain SQL and the same files.
// Each backup is verified after writing: SQLite's integrity check, the migrations it records, and every file's
// SHA-256; a PostgreSQL dump must end with pg_dump's closing line.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import Database from 'better-sqlite3';
import { parseDatabaseUrl } from './db.js';

const FILES_TABLE = 'chancery_backup_files';
const META_TABLE = 'chancery_backup_meta';
/** Files of the data folder a backup never carries: the database itself (and its journal), which it copies another way. */
const SKIP = /^chancery\.db(-wal|-shm|-journal)?$/;

export interface BackupSummary {
  dialect: 'sqlite' | 'postgres';
  files: number;
  bytes: number;
  migrations: number;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * A digest of every row of every table (the meta table aside): SQLite's integrity check proves the structure,
 * this proves the content, so a flipped byte inside a row is caught too.
 */
function contentDigest(db: Database.Database): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(`select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name <> ? order by name`)
    .pluck()
    .all(META_TABLE) as string[];
  for (const table of tables) {
    hash.update(`\u0000table ${table}\u0000`);
    for (const row of db
      .prepare(`select * from "${table.replace(/"/g, '""')}"`)
      .raw()
      .iterate() as Iterable<unknown[]>)
      for (const v of row) hash.update(Buffer.isBuffer(v) ? v : `${typeof v}:${String(v)}\u0001`);
  }
  return hash.digest('hex');
}

/** Every regular file under the data folder, as paths relative to it (the database file and backups excepted). */
function dataFiles(dataDir: string, except: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && !except.includes(resolve(full)) && !(dir === dataDir && SKIP.test(name))) out.push(relative(dataDir, full));
    }
  };
  walk(dataDir);
  return out.sort();
}

function run(cmd: string, args: string[], opts: { input?: Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env ?? process.env });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new Error(`${cmd} is not installed: install the PostgreSQL client tools (${cmd})`) : e),
    );
    child.on('close', (code) => (code === 0 ? resolvePromise(Buffer.concat(out)) : reject(new Error(`${cmd} failed: ${err.trim()}`))));
    child.stdin.end(opts.input ?? Buffer.alloc(0));
  });
}

/** The libpq connection for pg_dump and psql: the URL without the password, which goes in PGPASSWORD. */
function pgArgs(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env };
}

/** Writes a verified backup of the database and the data folder's other files to `file`. */
export async function backup(databaseUrl: string, dataDir: string, file: string): Promise<BackupSummary> {
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${file} already exists: choose a new file name`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const { dialect, location } = parseDatabaseUrl(databaseUrl);
  try {
    if (dialect === 'sqlite') {
      if (location === ':memory:') throw new Error('DATABASE_URL: an in-memory database cannot be backed up');
      const source = new Database(location, { readonly: true, fileMustExist: true });
      try {
        // The backup API copies a consistent snapshot page by page while writers carry on.
        await source.backup(partial);
      } finally {
        source.close();
      }
    }
    const archive = new Database(partial);
    try {
      archive.exec(`create table ${FILES_TABLE} (path text primary key, sha256 text not null, content blob not null)`);
      archive.exec(`create table ${META_TABLE} (key text primary key, value text not null)`);
      const meta = archive.prepare(`insert into ${META_TABLE} (key, value) values (?, ?)`);
      meta.run('dialect', dialect);
      meta.run('created_at', new Date().toISOString());
      const add = archive.prepare(`insert into ${FILES_TABLE} (path, sha256, content) values (?, ?, ?)`);
      if (dialect === 'postgres') {
        const pg = pgArgs(location);
        const dump = await run('pg_dump', ['--no-owner', '--no-privileges', '--dbname', pg.url], { env: pg.env });
        add.run('@database.sql', sha256(dump), dump);
      }
      const files = dataFiles(resolve(dataDir), [target, resolve(partial)]);
      archive.transaction(() => {
        for (const path of files) {
          const content = readFileSync(join(dataDir, path));
          add.run(path.split(sep).join('/'), sha256(content), content);
        }
      })();
      meta.run('digest', contentDigest(archive));
    } finally {
      archive.close();
    }
    const summary = verifyBackup(partial);
    renameSync(partial, target);
    return summary;
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/** Checks a backup file; throws with the reason when it is damaged. */
export function verifyBackup(file: string): BackupSummary {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.prepare('pragma integrity_check').pluck().all() as string[];
    if (check.join() !== 'ok') throw new Error(`the backup is damaged: ${check.slice(0, 3).join('; ')}`);
    const dialect = (db.prepare(`select value from ${META_TABLE} where key = 'dialect'`).pluck().get() as string) ?? '';
    if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error('this is not a Chancery backup');
    const digest = db.prepare(`select value from ${META_TABLE} where key = 'digest'`).pluck().get();
    if (digest !== contentDigest(db)) throw new Error('the backup is damaged: its content does not match its digest');
    let files = 0;
    let bytes = 0;
    let migrations = 0;
    for (const row of db.prepare(`select path, sha256, content from ${FILES_TABLE}`).iterate() as Iterable<{
      path: string;
      sha256: string;
      content: Buffer;
    }>) {
      if (sha256(row.content) !== row.sha256) throw new Error(`the backup is damaged: ${row.path} does not match its checksum`);
      if (row.path === '@database.sql') {
        const text = row.content.toString('utf8');
        if (!text.includes('PostgreSQL database dump complete')) throw new Error('the backup is damaged: the database dump is cut short');
        migrations = (text.match(/^\d{4}-\d{2}-\d{2}T\d{4}-[a-z0-9-]+\t/gm) ?? []).length;
      } else files++;
      bytes += row.content.length;
    }
    if (dialect === 'sqlite') {
      migrations = db.prepare('select count(*) from kysely_migration').pluck().get() as number;
      if (!migrations) throw new Error('the backup holds no Chancery database');
    }
    return { dialect, files, bytes, migrations };
  } finally {
    db.close();
  }
}

/** Restores a backup into DATABASE_URL and the data folder. The server must be stopped; PostgreSQL needs an empty database. */
export async function restore(databaseUrl: string, dataDir: string, file: string): Promise<BackupSummary> {
  const source = resolve(file);
  const summary = verifyBackup(source);
  const { dialect, location } = parseDatabaseUrl(databaseUrl);
  if (summary.dialect !== dialect)
    throw new Error(`this backup is of a ${summary.dialect} database and DATABASE_URL names a ${dialect} one`);
  const archive = new Database(source, { readonly: true });
  const rows = archive.prepare(`select path, content from ${FILES_TABLE}`).all() as { path: string; content: Buffer }[];
  archive.close();
  if (dialect === 'postgres') {
    const pg = pgArgs(location);
    const tables = await run('psql', ['--dbname', pg.url, '-tAc', "select count(*) from pg_tables where schemaname = 'public'"], {
      env: pg.env,
    });
    if (Number(tables.toString().trim()) > 0)
      throw new Error(
        'DATABASE_URL: the database is not empty; restore into a new, empty database (createdb) and point DATABASE_URL at it',
      );
    const dump = rows.find((r) => r.path === '@database.sql')!.content;
    await run('psql', ['--dbname', pg.url, '-v', 'ON_ERROR_STOP=1', '--quiet', '--single-transaction'], { input: dump, env: pg.env });
  } else {
    if (location === ':memory:') throw new Error('DATABASE_URL: cannot restore into an in-memory database');
    mkdirSync(dirname(location), { recursive: true });
    const staged = `${location}.restoring`;
    rmSync(staged, { force: true });
    const copy = new Database(source, { readonly: true });
    await copy.backup(staged);
    copy.close();
    const fresh = new Database(staged);
    fresh.exec(`drop table ${FILES_TABLE}; drop table ${META_TABLE}; vacuum;`);
    fresh.close();
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${location}${suffix}`, { force: true });
    renameSync(staged, location);
  }
  for (const { path, content } of rows) {
    if (path.startsWith('@')) continue;
    const dest = resolve(dataDir, path);
    if (!dest.startsWith(resolve(dataDir) + sep)) throw new Error(`the backup names a file outside the data folder: ${path}`);
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, content, { mode: path === 'session-secret' ? 0o600 : 0o644 });
  }
  return summary;
}
