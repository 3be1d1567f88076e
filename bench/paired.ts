// npm run bench:paired -- --base <commit>: today's tree against an older one, both driven by this one harness.
// The base commit is checked out in a git worktree under the system's temporary folder (kept between runs, its
// `npm ci` done once per commit), each tree's production server starts from its own bundle with its own data
// folder and loads its own demo newsroom, and wrk loads both with the same connections and threads in
// alternating rounds (new then old, old then new, ...), page by page. Each round's ratio is kept (the spread is
// the machine's noise), and so is the servers' CPU time per request, read from /proc, a second figure that the
// other work on a shared machine moves less. Results: a table on stdout and bench/results/paired-*.json.
// `--archive bench/archives/archive-10000.db`: both servers start on their own copy of a bench archive (`npm run
// bench` builds it) instead of the demo newsroom, and the one page measured is its article misses, a different
// article each request as `npm run bench` asks them (the demo's dozen articles keep their drawn parts in memory).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { findWrk, generatorName, nextStart, planPath, runLoad, type LoadResult } from './load.js';
import { startStaticNginx } from './nginx.js';
import {
  type Build,
  demoPages,
  fmt,
  type PageSpec,
  pageFor,
  type PairedFigures,
  pairFigures,
  roundOrder,
  type Sample,
  TABLE_HEAD,
  tableRow,
  verdict,
  cpuVerdict,
} from './paired-plan.js';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? String(args[i + 1]) : def;
};
const BASE = opt('base', '');
// `--new <commit>`: a second committed tree instead of this checkout, to measure what one change did between two
// past commits (e.g. a refactor against the commit before it).
const NEW = opt('new', '');
const CONNECTIONS = Number(opt('connections', '50'));
const DURATION = Number(opt('duration', '5'));
const ROUNDS = Number(opt('rounds', '6'));
const WARMUP = Number(opt('warmup', '3'));
// `--only miss`: the pages whose name holds this text.
const ONLY = opt('only', '').toLowerCase();
const TAG = opt('tag', '');
const ARCHIVE = opt('archive', '') && resolve(opt('archive', ''));
// `--env-new NAME=VALUE` (repeatable): an environment variable for today's server alone, to measure what a
// setting costs against the base tree (e.g. CHANCERY_MAX_ACTIVE=0).
const ENV_NEW = Object.fromEntries(
  args.flatMap((a, i) => (a === '--env-new' && args[i + 1]?.includes('=') ? [args[i + 1].split(/=(.*)/s).slice(0, 2)] : [])),
);
const SECRET = 'bench-secret-bench-secret-bench-secret';
const log = (s: string) => process.stderr.write(`${s}\n`);
// Set when the harness stops the servers, so an exit during the run is reported and the expected one is not.
let stopping = false;

const run = (cmd: string, argv: string[], cwd: string) =>
  execFileSync(cmd, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

/** The base commit's tree in a worktree of its own, its dependencies installed once per commit and lockfile. */
function prepareBase(commit: string): { root: string; sha: string } {
  const sha = run('git', ['rev-parse', '--verify', `${commit}^{commit}`], ROOT);
  const root = join(tmpdir(), `chancery-paired-${sha.slice(0, 12)}`);
  if (!existsSync(join(root, 'package.json'))) {
    rmSync(root, { recursive: true, force: true });
    run('git', ['worktree', 'prune'], ROOT);
    log(`Checking out ${sha.slice(0, 12)} in ${root}`);
    run('git', ['worktree', 'add', '--detach', root, sha], ROOT);
  }
  const lockHash = createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex')
    .slice(0, 16);
  const marker = join(root, 'node_modules', `.paired-ci-${lockHash}`);
  if (!existsSync(marker)) {
    log(`npm ci in ${root} (once per commit)`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    writeFileSync(marker, `${sha}\n`);
  }
  return { root, sha };
}

/** Builds a tree's production bundle unless its stamp says it is current, so `bin/chancery.js` runs the bundle. */
async function ensureBundle(root: string): Promise<void> {
  const { sourceStamp } = await import(pathToFileURL(join(root, 'scripts', 'source-stamp.js')).href);
  const stampFile = join(root, 'dist', 'chancery.stamp');
  const current = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === sourceStamp(root);
  if (current) return;
  log(`Building the bundle of ${root}`);
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (readFileSync(stampFile, 'utf8') !== sourceStamp(root))
    throw new Error(`the bundle of ${root} is still not current after npm run build`);
}

interface Server {
  build: Build;
  root: string;
  port: number;
  proc: ChildProcess;
  dataDir: string;
}

async function waitFor200(url: string, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

/**
 * Starts a tree's server as `npm start` does (`node bin/chancery.js serve`) in production mode, in one process,
 * on a fresh data folder where it loads its own demo newsroom. Both get the malloc settings and the young
 * generation's cap today's `bin/chancery.js` would otherwise start itself again to set, so each server is the
 * process started here (its CPU time readable at its pid) and both run with the same allocator and heap.
 */
async function startServer(build: Build, root: string, port: number): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), `chancery-paired-data-${build}-`));
  if (ARCHIVE) copyFileSync(ARCHIVE, join(dataDir, 'chancery.db'));
  const proc = spawn(process.execPath, ['--max-semi-space-size=8', join(root, 'bin', 'chancery.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: `http://127.0.0.1:${port}`,
      CHANCERY_DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'chancery.db')}`,
      CHANCERY_DEMO: ARCHIVE ? 'false' : 'true',
      CHANCERY_WORKERS: '1',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: SECRET,
      MALLOC_ARENA_MAX: '2',
      MALLOC_TRIM_THRESHOLD_: '131072',
      ...(build === 'new' ? ENV_NEW : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  proc.once('exit', (code, signal) => {
    if (!stopping) log(`the ${build} server stopped (${code ?? signal}) during the run`);
  });
  await waitFor200(`http://127.0.0.1:${port}/`, 180_000);
  const server = { build, root, port, proc, dataDir };
  await settle(server);
  return server;
}
async function stopServer(s: Server): Promise<void> {
  if (s.proc.exitCode === null) {
    const exited = new Promise((ok) => s.proc.once('exit', ok));
    s.proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
  }
  rmSync(s.dataDir, { recursive: true, force: true });
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User plus system CPU time of a process and its descendants (a worker or an image job), in milliseconds. */
function cpuMsOfTree(pid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: fields are counted after its closing one.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      /* the process ended meanwhile */
    }
  }
  if (!stats.has(pid)) return Number.NaN;
  let ticks = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    ticks += stats.get(p)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === p) todo.push(child);
  }
  return (ticks * 1000) / CLK_TCK;
}

/** Waits until a server that just started is idle (its demo's background work done): under 5% of a core for 2 s. */
async function settle(s: Server, maxMs = 90_000): Promise<void> {
  const t0 = Date.now();
  let quiet = 0;
  let last = cpuMsOfTree(s.proc.pid!);
  while (Date.now() - t0 < maxMs && quiet < 4) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuMsOfTree(s.proc.pid!);
    quiet = now - last < 25 ? quiet + 1 : 0;
    last = now;
  }
}

// Where each page's plan of URLs continues, per build: a later round never repeats an earlier URL.
const cursors = new Map<string, number>();

async function loadOnce(s: Server, page: PageSpec, duration: number): Promise<{ r: LoadResult; cpuMs: number }> {
  const key = `${s.build} ${page.name}`;
  const start = cursors.get(key) ?? 0;
  const { path, plan } = pageFor(s.build, page);
  const cpu0 = cpuMsOfTree(s.proc.pid!);
  const r = await runLoad({ port: s.port, connections: CONNECTIONS, duration, path, plan, start });
  const cpuMs = cpuMsOfTree(s.proc.pid!) - cpu0;
  cursors.set(key, nextStart(start, r));
  return { r, cpuMs };
}

/** Every URL a page's plan walks (one per item), or its one path: each must answer 200 before it is loaded. */
function probeUrls(s: Server, page: PageSpec): string[] {
  const { path, plan } = pageFor(s.build, page);
  // A plan over a whole archive is probed on its first articles.
  const paths = plan
    ? plan.items.slice(0, 20).map((_, k) => planPath(plan, k).replace(/=\d+$/, '=probe').replace(/=\d+&/, '=probe&'))
    : [path];
  return paths.map((p) => `http://127.0.0.1:${s.port}${p}`);
}

interface PageResult {
  page: string;
  groups: string[];
  edition: string;
  urls: Record<Build, string>;
  bytes: Record<Build, number>;
  note?: string;
  rounds?: (Record<Build, Sample> & { order: Build[]; loadavg: number })[];
  figures?: PairedFigures;
  verdict?: string;
  cpuVerdict?: string;
  skipped?: string;
}

async function measurePage(page: PageSpec, servers: Record<Build, Server>): Promise<PageResult> {
  const probes = { new: probeUrls(servers.new, page), old: probeUrls(servers.old, page) };
  const urls = { new: probes.new[0], old: probes.old[0] };
  const bytes = { new: 0, old: 0 };
  const base: PageResult = { page: page.name, groups: page.groups, edition: page.edition, urls, bytes, note: page.note };
  for (const b of ['new', 'old'] as Build[]) {
    for (const url of probes[b]) {
      const res = await fetch(url, { headers: { 'accept-encoding': 'identity' }, redirect: 'manual' });
      const size = (await res.arrayBuffer()).byteLength;
      if (url === urls[b]) bytes[b] = size;
      if (res.status !== 200) {
        log(`  ${page.name}: not measured, ${b} answers ${res.status} at ${url}`);
        return { ...base, skipped: `${b} answers ${res.status} at ${url}` };
      }
    }
  }
  if (WARMUP > 0) for (const b of roundOrder(0)) await loadOnce(servers[b], page, WARMUP);
  const rounds: NonNullable<PageResult['rounds']> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = roundOrder(round);
    const got: Partial<Record<Build, Sample>> = {};
    for (const b of order) {
      const { r, cpuMs } = await loadOnce(servers[b], page, DURATION);
      got[b] = { requests: r.requests, seconds: r.seconds, cpuMs, bad: (r.codes.other ?? 0) + r.errors };
    }
    rounds.push({ new: got.new!, old: got.old!, order, loadavg: +loadavg()[0].toFixed(2) });
  }
  const figures = pairFigures(rounds);
  const bad = rounds.reduce((n, r) => n + r.new.bad + r.old.bad, 0);
  log(
    `  ${page.name.padEnd(28)} new ${figures.rps.new.toFixed(0).padStart(6)} old ${figures.rps.old.toFixed(0).padStart(6)} req/s  ratio ${fmt(figures.ratio)} (${figures.perRound.map((r) => fmt(r)).join(', ')})  CPU ms/req ${fmt(figures.cpuMsPerRequest.new)} / ${fmt(figures.cpuMsPerRequest.old)}  load ${loadavg()[0].toFixed(1)}${bad ? `  ${bad} bad answers` : ''}`,
  );
  return { ...base, rounds, figures, verdict: verdict(figures), cpuVerdict: cpuVerdict(figures) };
}

/**
 * The generator is not what is measured: wrk against a static nginx serving the warm article's bytes reaches far
 * more than either server does on any page (as bench/run.ts proves it), in rounds alternating with both servers.
 */
async function generatorProof(servers: Record<Build, Server>, warm: PageSpec): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${servers.new.port}${pageFor('new', warm).path}`, {
    headers: { 'accept-encoding': 'identity' },
  });
  const body = Buffer.from(await res.arrayBuffer());
  const nginx = await startStaticNginx(body, res.headers.get('content-type') ?? 'text/html');
  if (!nginx) return { generator: generatorName(), note: 'not measured: nginx is not installed' };
  try {
    const figures: number[] = [];
    await runLoad({ port: nginx.port, connections: CONNECTIONS, duration: WARMUP || 1, path: '/page' });
    for (let round = 0; round < 2; round++) {
      const r = await runLoad({ port: nginx.port, connections: CONNECTIONS, duration: DURATION, path: '/page' });
      figures.push(r.requests / r.seconds);
    }
    const out = {
      generator: generatorName(),
      staticNginxRps: figures.map((x) => +x.toFixed(0)),
      what: "wrk against a static nginx serving the warm article's bytes (one nginx worker), same connections and threads",
    };
    log(`  generator proof (${generatorName()}): static nginx ${out.staticNginxRps.join(', ')} req/s`);
    return out;
  } finally {
    await nginx.stop();
  }
}

/** An archive's article misses: every published article by id, walked as `npm run bench` walks them (stride 7919). */
function archivePage(): PageSpec {
  const db = new Database(ARCHIVE, { readonly: true });
  try {
    const items = db.prepare("select slug from articles where status = 'published' order by id").pluck().all() as string[];
    return {
      name: 'archive article (miss)',
      groups: ['page'],
      edition: 'en',
      plan: { items, stride: 7919, template: '/articles/{item}?miss={i}' },
    };
  } finally {
    db.close();
  }
}

function freePortPair(): [number, number] {
  const p = 4800 + Math.floor(Math.random() * 400) * 2;
  return [p, p + 1];
}

async function main() {
  if (!BASE)
    throw new Error(
      'usage: npm run bench:paired -- --base <commit> [--new <commit>] [--rounds 6] [--duration 5] [--warmup 3] [--only TEXT]',
    );
  if (!findWrk()) throw new Error('the paired bench needs wrk (apt-get install wrk): autocannon in one Node thread would measure itself');
  const fresh = NEW ? prepareBase(NEW) : { root: ROOT, sha: run('git', ['rev-parse', 'HEAD'], ROOT) };
  const newSha = fresh.sha;
  const dirty = !NEW && run('git', ['status', '--porcelain', '--untracked-files=no'], ROOT) !== '';
  const base = prepareBase(BASE);
  await ensureBundle(fresh.root);
  await ensureBundle(base.root);
  const [pNew, pOld] = freePortPair();
  const load0 = loadavg().map((x) => +x.toFixed(2));
  log(`Starting both servers on ${ARCHIVE ? `copies of ${ARCHIVE}` : 'their demo newsrooms'} (load average ${load0.join(' ')})`);
  const servers: Record<Build, Server> = {
    new: await startServer('new', fresh.root, pNew),
    old: await startServer('old', base.root, pOld),
  };
  const results: PageResult[] = [];
  let proof: Record<string, unknown> = {};
  try {
    const pages = ARCHIVE ? [archivePage()] : demoPages().filter((p) => !ONLY || p.name.toLowerCase().includes(ONLY));
    if (!ARCHIVE) proof = await generatorProof(servers, demoPages()[0]);
    for (const page of pages) results.push(await measurePage(page, servers));
  } finally {
    stopping = true;
    await stopServer(servers.new);
    await stopServer(servers.old);
  }
  const load1 = loadavg().map((x) => +x.toFixed(2));
  const lines = ['', ...TABLE_HEAD];
  for (const r of results) {
    const page = ARCHIVE ? archivePage() : demoPages().find((p) => p.name === r.page)!;
    lines.push(r.figures ? tableRow(page, r.figures) : `| ${r.page} | not measured: ${r.skipped} | | | | | |`);
  }
  const fastest = Math.max(...results.flatMap((r) => (r.figures ? [r.figures.rps.new, r.figures.rps.old] : [])));
  lines.push(
    '',
    `wrk, ${CONNECTIONS} connections, ${process.env.BENCH_WRK_THREADS ?? 2} threads; ${ROUNDS} rounds of ${DURATION} s per page after ${WARMUP} s of warm-up each; new ${newSha.slice(0, 12)}${dirty ? ' (with uncommitted changes)' : ''}, old ${base.sha.slice(0, 12)}${Object.keys(ENV_NEW).length ? `; today's server with ${JSON.stringify(ENV_NEW)}` : ''}`,
    `load average ${load0.join(' ')} at the start, ${load1.join(' ')} at the end; static nginx through the same wrk: ${(proof.staticNginxRps as number[] | undefined)?.join(', ') ?? 'not measured'} req/s, the fastest page ${fastest.toFixed(0)}`,
  );
  console.log(lines.join('\n'));
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
  const file = join(dir, `paired-${ARCHIVE ? 'archive-' : ''}${base.sha.slice(0, 7)}-${stamp}${TAG ? `-${TAG}` : ''}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        new: { commit: newSha, dirty },
        old: { commit: base.sha },
        generator: generatorName(),
        connections: CONNECTIONS,
        threads: Number(process.env.BENCH_WRK_THREADS ?? 2),
        durationSeconds: DURATION,
        rounds: ROUNDS,
        warmupSeconds: WARMUP,
        envNew: ENV_NEW,
        archive: ARCHIVE || undefined,
        loadavgStart: load0,
        loadavgEnd: load1,
        generatorProof: proof,
        pages: results,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nwrote ${file}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
