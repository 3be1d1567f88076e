// npm run bench:scale: the pages a reader opens most, on a large archive (100,000 articles by default, generated
// by archive.ts from its own word lists), every request a cache miss, on SQLite and, when a PostgreSQL URL is
// given, on PostgreSQL with the same rows. It finds the pages whose cost grows with the archive; README's
// "Scale" table quotes its output.
//
//   node --import tsx bench/scale.ts [--articles 100000] [--duration 5] [--connections 8]
//        [--postgres postgres://postgres@127.0.0.1:5432/chancery_scale]   (the database is emptied first)
//        [--only postgres|sqlite]   (measure one engine; with postgres, --keep reuses a database already copied)
//        [--port N]   (the server's port; a random one in 4900-4989 by default)
//        [--pages rubric,search]   (only the pages whose names contain one of these words)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { buildArchive, benchSlug } from './archive.js';
import { generatorName, runLoad, type PathPlan } from './load.js';
import { openDb, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrations/index.js';
import { indexArticle } from '../src/features/search/search-index-store.js';
import { buildBundle, BUNDLE } from '../scripts/build.js';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? String(args[i + 1]) : def;
};
const N = Number(opt('articles', '100000'));
const DURATION = Number(opt('duration', '5'));
const CONNECTIONS = Number(opt('connections', '8'));
const POSTGRES = opt('postgres', process.env.CHANCERY_SCALE_POSTGRES ?? '');
const ONLY = opt('only', '');
const KEEP = args.includes('--keep');
// The server's port: a random one in 4900-4989 unless given (a shared machine gives each user a range).
const PORT = Number(opt('port', '0'));
// Only the pages whose names contain one of these words (comma-separated), to measure a change in a short run.
const PAGES = opt('pages', '').split(',').filter(Boolean);
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Page {
  name: string;
  plan: PathPlan;
}
interface Figure {
  engine: string;
  page: string;
  rps: number;
  p50: number;
  p99: number;
  /** The server's CPU time per request (user and system, from /proc): far steadier than rates on a busy machine. */
  cpuMs: number;
  errors: number;
  /** The machine's one-minute load average when the page was measured: other work shares the cores. */
  load: number;
}

/** CPU time a process has used, in milliseconds (Linux). */
function cpuMsOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command; in clock ticks of 10 ms.
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function waitFor200(url: string, timeoutMs = 120_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

async function serve(databaseUrl: string, port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [BUNDLE, 'serve', '--workers', '1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      CHANCERY_DEMO: 'false',
      LOG_LEVEL: 'warn',
      BASE_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: 'scale-secret-scale-secret-scale-secret',
      // The page cache stays on, as in production (it also enables the content memo that pages share): every
      // request is a different URL, asked for once, so none is served from it.
      CHANCERY_MAX_ACTIVE: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor200(`http://127.0.0.1:${port}/`);
  return proc;
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((ok) => proc.once('exit', ok));
  proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
}

/** The pages measured, every request another URL (a cache miss all the way down). */
async function pages(port: number, rubricArticles: number): Promise<Page[]> {
  const at = (p: string) => `http://127.0.0.1:${port}${p}`;
  const queries = ['railway', 'summit', 'energy corridor', 'trade investment', 'переговоры', 'саммит', 'Kazakhstan'];
  // Deep in the archive: the last page a reader can walk to, where OFFSET pagination would read every row before it.
  const lastPage = Math.max(1, Math.ceil(rubricArticles / 20));
  const dossiers = await (await fetch(at('/dossiers'))).text();
  const dossier = /href="(\/dossiers\/country\/[^"?#]+)"/.exec(dossiers)?.[1];
  const list: Page[] = [
    { name: 'home page', plan: { items: ['/'], stride: 1, template: '{item}?miss={i}' } },
    { name: 'rubric, first page', plan: { items: ['1'], stride: 1, template: '/rubric/analysis?page={item}&miss={i}' } },
    {
      name: `rubric, page ${lastPage}`,
      plan: { items: [String(lastPage)], stride: 1, template: '/rubric/analysis?page={item}&miss={i}' },
    },
    {
      name: 'article',
      plan: { items: Array.from({ length: 5000 }, (_, k) => benchSlug((k * 7919) % N)), stride: 1, template: '/articles/{item}?miss={i}' },
    },
    { name: 'search', plan: { items: queries.map(encodeURIComponent), stride: 1, template: '/search?q={item}&miss={i}' } },
  ];
  if (dossier) list.push({ name: 'dossier (busiest country)', plan: { items: [dossier], stride: 1, template: '{item}?miss={i}' } });
  return list;
}

async function measure(engine: string, databaseUrl: string): Promise<Figure[]> {
  const port = PORT || 4900 + Math.floor(Math.random() * 90);
  const proc = await serve(databaseUrl, port);
  const out: Figure[] = [];
  try {
    for (const p of (await pages(port, rubricArticles)).filter((x) => !PAGES.length || PAGES.some((w) => x.name.includes(w)))) {
      // A second of warm-up: the page's code compiled and its index pages read, as on a running site.
      await runLoad({ port, connections: CONNECTIONS, duration: 1, plan: p.plan, start: 10_000_000 });
      const cpu0 = cpuMsOf(proc.pid!);
      const r = await runLoad({ port, connections: CONNECTIONS, duration: DURATION, plan: p.plan });
      const cpuMs = +((cpuMsOf(proc.pid!) - cpu0) / Math.max(1, r.requests)).toFixed(2);
      const f = {
        engine,
        page: p.name,
        rps: Math.round(r.requests / r.seconds),
        p50: r.p50,
        p99: r.p99,
        cpuMs,
        errors: r.errors + Object.entries(r.codes).reduce((s, [c, k]) => s + (/^[23]/.test(c) ? 0 : k), 0),
        load: +loadavg()[0].toFixed(1),
      };
      log(
        `  ${engine.padEnd(10)} ${p.name.padEnd(28)} ${String(f.rps).padStart(6)}/s  p50 ${f.p50} ms  p99 ${f.p99} ms  CPU ${f.cpuMs} ms/request  load ${f.load}${f.errors ? `  ${f.errors} errors` : ''}`,
      );
      out.push(f);
    }
  } finally {
    await stop(proc);
  }
  return out;
}

/** Tables in an order that satisfies their references; the search index is rebuilt, not copied. */
const SKIP = new Set(['article_search', 'kysely_migration', 'kysely_migration_lock']);

/** Copies the SQLite archive into an emptied PostgreSQL database, row for row, then indexes it for search. */
async function copyToPostgres(sqlitePath: string, url: string): Promise<void> {
  const from = openDb(`sqlite:${sqlitePath}`);
  const to = openDb(url);
  try {
    await sql`drop schema public cascade`.execute(to);
    await sql`create schema public`.execute(to);
    await migrate(to);
    const tables = (
      await sql<{
        name: string;
      }>`select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like 'article_search%'`.execute(from)
    ).rows
      .map((r) => r.name)
      .filter((t) => !SKIP.has(t));
    const pgTables = new Set(
      (await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public'`.execute(to)).rows.map(
        (r) => r.tablename,
      ),
    );
    // References are not checked while copying (the rows come from a consistent database): order does not matter.
    await sql`set session_replication_role = replica`.execute(to);
    for (const t of tables.filter((x) => pgTables.has(x))) {
      await sql`truncate ${sql.table(t)} cascade`.execute(to);
      let copied = 0;
      const BATCH = 2000;
      for (let after = -1; ; ) {
        // By rowid, not OFFSET: each batch starts where the last ended instead of stepping over every row before it.
        const got = (
          await sql<
            Record<string, unknown>
          >`select rowid as "__rowid", * from ${sql.table(t)} where rowid > ${after} order by rowid limit ${BATCH}`.execute(from)
        ).rows;
        if (!got.length) break;
        after = Number(got[got.length - 1].__rowid);
        const rows = got.map(({ __rowid, ...rest }) => rest);
        // Every column is bound: PostgreSQL allows 65,535 parameters a statement.
        const perInsert = Math.max(1, Math.floor(60_000 / Object.keys(rows[0]).length));
        for (let i = 0; i < rows.length; i += perInsert)
          await (to as Db)
            .insertInto(t as never)
            .values(rows.slice(i, i + perInsert) as never)
            .execute();
        copied += rows.length;
        process.stderr.write(`\r  copying ${t}: ${copied} rows`);
      }
      process.stderr.write('\n');
      const hasId = (
        await sql<{
          n: number;
        }>`select count(*)::int as n from information_schema.columns where table_name = ${t} and column_name = 'id' and column_default like 'nextval%'`.execute(
          to,
        )
      ).rows[0].n;
      if (hasId)
        await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 1))`.execute(to);
    }
    await sql`set session_replication_role = origin`.execute(to);
    const ids = await to.selectFrom('articles').select('id').where('status', '=', 'published').execute();
    // Eight at a time: each article is a few round trips, and one at a time left both sides waiting on the other.
    let next = 0,
      done = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < ids.length) {
          await indexArticle(to, Number(ids[next++].id));
          if (++done % 1000 === 0) process.stderr.write(`\r  search index: ${done}/${ids.length}`);
        }
      }),
    );
    process.stderr.write('\n');
    await sql`analyze`.execute(to);
  } finally {
    await Promise.all([from.destroy(), to.destroy()]);
  }
}

log(`Load generator: ${generatorName()}; ${CONNECTIONS} connections, ${DURATION} s per page, every request a new URL.`);
await buildBundle();
const dbPath = join(ROOT, 'bench', 'archives', `archive-${N}.db`);
const t0 = Date.now();
await buildArchive(dbPath, N, { log: (s) => process.stderr.write(`\r${s}`) });
log(`\nArchive of ${N} articles ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
// The analysis rubric's articles in the root edition's language: its last page is the deepest a reader reaches.
const rubricArticles = await (async () => {
  const db = openDb(`sqlite:${dbPath}`);
  try {
    const r = await sql<{ n: number }>`select count(*) as n from articles a join rubrics r on r.id = a.rubric_id
      where r.slug = 'analysis' and a.status = 'published' and a.language = 'en'`.execute(db);
    return Number(r.rows[0].n);
  } finally {
    await db.destroy();
  }
})();
const figures = ONLY === 'postgres' ? [] : await measure('SQLite', `sqlite:${dbPath}`);
if (POSTGRES && ONLY !== 'sqlite') {
  if (!KEEP) {
    log(`Copying the archive into ${POSTGRES.replace(/\/\/[^@]*@/, '//')}`);
    const c0 = Date.now();
    await copyToPostgres(dbPath, POSTGRES);
    log(`  copied in ${((Date.now() - c0) / 1000).toFixed(0)} s`);
  }
  figures.push(...(await measure('PostgreSQL', POSTGRES)));
}
const table = [
  '| Page (cache miss) | Engine | Requests/s | p50 ms | p99 ms | server CPU ms/request |',
  '| --- | --- | ---: | ---: | ---: | ---: |',
  ...figures.map((f) => `| ${f.page} | ${f.engine} | ${f.rps} | ${f.p50} | ${f.p99} | ${f.cpuMs} |`),
].join('\n');
process.stdout.write(`${table}\n`);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
const file = join(
  ROOT,
  'bench',
  'results',
  `scale-${N}-${ONLY ? `${ONLY}-` : ''}${new Date().toISOString().slice(0, 16).replace(/:/g, '')}.json`,
);
writeFileSync(
  file,
  `${JSON.stringify({ articles: N, generator: generatorName(), connections: CONNECTIONS, duration: DURATION, at: new Date().toISOString(), figures }, null, 2)}\n`,
);
log(`Written to ${file}`);
