// npm run bench: builds an archive, starts Chancery in production mode and a node:http ceiling in
// their own processes, loads each in alternating rounds, and reports ratios measured in the same run.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { startStaticNginx } from './nginx.js';
import { findWrk, generatorName, nextStart, planPath, runLoad, type LoadResult, type PathPlan } from './load.js';
import { buildArchive, benchSlug, busySlug, bar } from './archive.js';
import { sql } from 'kysely';
import { openDb } from '../src/platform/db.js';
import { createSession, csrfToken, SESSION_COOKIE } from '../src/platform/session.js';
import { guardStamp } from '../src/platform/form-guard.js';
import { buildBundle, BUNDLE } from '../scripts/build.js';
import { hashKey, newKey } from '../src/features/api/api-key.js';
import { describeEngine, engineFigures } from './engine.js';
import { describeRss, type ProcessRss, sampleRss } from './rss.js';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const SMOKE = flag('smoke');
const CONNECTIONS = opt('connections', 50);
const DURATION = opt('duration', SMOKE ? 1 : 5);
const ROUNDS = opt('rounds', SMOKE ? 1 : 2);
// Seconds of load before each scenario's measured rounds, on the ceiling and on Chancery alike: a scenario's
// first requests compile the code it runs (a miss's first second ran at half speed), and that is not its speed.
const WARMUP = opt('warmup', SMOKE ? 0 : 2);
// Pages built on every request (misses, the API) run far more code than a cached page, and V8 kept optimizing it
// for about twenty seconds: a fresh server's misses ran at 549, 699, 903, 981, then 1,015 to 1,110 a second in
// successive five-second windows (2026-12-07, 10,000 articles). Chancery gets this warm-up on such scenarios, in
// five-second windows whose rates the row keeps, so a run shows whether the rate had stopped climbing.
const BUILD_WARMUP = opt('build-warmup', SMOKE ? 0 : 20);
// Starts measured each way (median reported): on a shared machine three medians moved by 100 ms between runs.
const STARTS = SMOKE ? 1 : 5;
// `--only comment`: the scenarios whose name holds this text (any case), e.g. to profile one of them.
const ONLY = (() => {
  const i = args.indexOf('--only');
  return i >= 0 ? String(args[i + 1] ?? '').toLowerCase() : '';
})();
const chosen = (name: string) => !ONLY || name.toLowerCase().includes(ONLY);
const log = (s: string) => process.stderr.write(s + '\n');
// Fixed so the bench can sign CSRF tokens and form stamps for its commenters.
const SECRET = 'bench-secret-bench-secret-bench-secret';

interface Latency {
  p50: number;
  p95?: number;
  p97_5: number;
  p99: number;
}
interface Row {
  scenario: string;
  articles: number;
  chancery: { rps: number; errors: number; codes: string } & Latency;
  ceiling?: { rps: number } & Partial<Latency>;
  ratio?: number;
  /** The ratio of each round (the spread is the run's noise). */
  ratioPerRound?: number[];
  /** Chancery's rate in each window of its warm-up, when it had a long one (requests a second). */
  warmupRps?: number[];
  note?: string;
}

async function waitFor200(url: string, timeoutMs = 30_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      const r = await fetch(url);
      if (r.status === 200) return Date.now() - t0;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

/** The serving process with the largest peak (one server, or the busiest worker): the figure the target is about. */
const servingPeak = (ps: ProcessRss[]) => ps.find((p) => p.role === 'server' || p.role === 'worker');

async function startChancery(
  dbPath: string,
  port: number,
  entry: 'bundle' | 'command' = 'bundle',
  env: Record<string, string> = {},
  workers = 1,
): Promise<{ proc: ChildProcess; startMs: number }> {
  const t0 = Date.now();
  const script = entry === 'bundle' ? BUNDLE : join(ROOT, 'bin', 'chancery.js');
  // BENCH_NODE_FLAGS: Node or V8 flags for the server (e.g. memory settings), to measure what they cost.
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const proc = spawn(
    process.execPath,
    [
      ...flags,
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      script,
      'serve',
      '--workers',
      String(workers),
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: `sqlite:${dbPath}`,
        PORT: String(port),
        HOST: '127.0.0.1',
        CHANCERY_DEMO: 'false',
        LOG_LEVEL: 'warn',
        BASE_URL: `http://127.0.0.1:${port}`,
        SESSION_SECRET: SECRET,
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  await waitFor200(`http://127.0.0.1:${port}/`);
  return { proc, startMs: Date.now() - t0 };
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((ok) => proc.once('exit', ok));
  proc.kill('SIGTERM');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
}

/** A partner key for the API scenarios, written straight into the archive, with a limit the load never reaches. */
async function makeApiKey(dbPath: string): Promise<string> {
  const db = openDb(`sqlite:${dbPath}`);
  try {
    const k = newKey();
    await db
      .insertInto('api_keys')
      .values({
        name: 'bench',
        prefix: k.prefix,
        key_hash: hashKey(k.key),
        scopes: '["read"]',
        rate_limit: 1_000_000_000,
        created_by: null,
        created_at: new Date().toISOString(),
        expires_at: null,
      } as never)
      .execute();
    return k.key;
  } finally {
    await db.destroy();
  }
}

/** Readers with sessions, signed in directly in the archive: one per comment posted, so the rate phase never refuses. */
async function makeCommenters(dbPath: string, count: number): Promise<{ cookie: string; csrf: string }[]> {
  const db = openDb(`sqlite:${dbPath}`);
  try {
    const now = new Date();
    const tag = randomBytes(4).toString('hex');
    const out: { cookie: string; csrf: string }[] = [];
    for (let start = 0; start < count; start += 500) {
      await db.transaction().execute(async (tx) => {
        for (let i = start; i < Math.min(count, start + 500); i++) {
          const u = await tx
            .insertInto('users')
            .values({
              email: `poster-${tag}-${i}@bench.test`,
              name: `Poster ${i}`,
              role: 'reader',
              password_hash: 'x',
              created_at: now.toISOString(),
              email_confirmed_at: now.toISOString(),
            } as never)
            .returning('id')
            .executeTakeFirstOrThrow();
          const token = await createSession(Object.assign(tx, { dialect: 'sqlite' as const }) as never, u.id, now);
          out.push({ cookie: `${SESSION_COOKIE}=${token}`, csrf: csrfToken(SECRET, createHash('sha256').update(token).digest('hex')) });
        }
      });
    }
    return out;
  } finally {
    await db.destroy();
  }
}

async function countRows(dbPath: string, like: string): Promise<number> {
  const db = openDb(`sqlite:${dbPath}`);
  try {
    return Number(
      (
        await db
          .selectFrom('comments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('body', 'like', like)
          .executeTakeFirstOrThrow()
      ).n,
    );
  } finally {
    await db.destroy();
  }
}

/** Takes the posted comments and their writers out again, so every run posts to a thread as the archive built it. */
async function removePosts(dbPath: string, like: string): Promise<void> {
  const db = openDb(`sqlite:${dbPath}`);
  try {
    await db.deleteFrom('comments').where('body', 'like', like).execute();
    await db
      .deleteFrom('sessions')
      .where('user_id', 'in', (eb) => eb.selectFrom('users').select('users.id').where('users.email', 'like', 'poster-%@bench.test'))
      .execute();
    // Nothing else points at these readers now. With the checks on, each deleted account would scan the
    // comments for replies addressed to it (a column without an index): minutes for 20,000 readers.
    await sql`pragma foreign_keys = off`.execute(db);
    await db.deleteFrom('users').where('email', 'like', 'poster-%@bench.test').execute();
  } finally {
    await db.destroy();
  }
}

async function startBaseline(): Promise<{
  proc: ChildProcess;
  port: number;
  load: (key: string, res: Response, body: Buffer) => Promise<void>;
}> {
  const proc = fork(join(import.meta.dirname, 'baseline-server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((ok) => proc.once('message', (m: any) => ok(m.port)));
  return {
    proc,
    port,
    load: (key, res, body) =>
      new Promise((ok) => {
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => {
          if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date'].includes(k)) headers[k] = v;
        });
        proc.once('message', () => ok());
        proc.send({ type: 'page', key, status: res.status, headers, body: body.toString('base64') });
      }),
  };
}

interface Scenario {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A different URL per request (cache misses), continuing across rounds. */
  plan?: PathPlan;
  baselineKey?: string;
  body?: string;
  page?: boolean;
  connections?: number;
  /** One request at a time from a plain keep-alive client, every latency kept: exact percentiles (p95) as a lone reader sees them. */
  sequential?: boolean;
  /** Every answer built from the database (a cache miss, the API): Chancery warms up for BUILD_WARMUP. */
  builds?: boolean;
}

/** Requests one after another for `duration` seconds, timing each. */
async function sequentialLoad(
  port: number,
  s: Scenario,
  duration: number,
): Promise<{ total: number; codes: Record<string, number>; latency: Latency }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  const codes: Record<string, number> = {};
  const stopAt = performance.now() + duration * 1000;
  const key = `${port} ${s.name}`;
  for (let i = cursors.get(key) ?? 0; performance.now() < stopAt; i++) {
    cursors.set(key, i + 1);
    const path = s.plan ? planPath(s.plan, i) : s.path;
    const t0 = performance.now();
    const status = await new Promise<number>((ok, fail) => {
      http
        .get({ host: '127.0.0.1', port, path, agent, headers: s.headers }, (res) => {
          res.resume();
          res.on('end', () => ok(res.statusCode ?? 0));
        })
        .on('error', fail);
    });
    times.push(performance.now() - t0);
    codes[status] = (codes[status] ?? 0) + 1;
  }
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q: number) => +times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  return { total: times.length, codes, latency: { p50: at(0.5), p95: at(0.95), p97_5: at(0.975), p99: at(0.99) } };
}

// Where each scenario's plan of paths continues, per server: a later round asks Chancery for URLs no earlier
// round asked for, so a cache miss stays a miss (the page cache keeps a URL from its second request).
const cursors = new Map<string, number>();

/** One load of one server by the generator (wrk when installed), continuing the scenario's plan of paths. */
async function load(port: number, s: Scenario, duration: number, connections = s.connections ?? CONNECTIONS): Promise<LoadResult> {
  const key = `${port} ${s.name}`;
  const start = cursors.get(key) ?? 0;
  const r = await runLoad({
    port,
    connections,
    duration,
    method: s.method,
    path: s.path || '/',
    plan: s.plan,
    start,
    headers: s.headers,
    body: s.body,
  });
  cursors.set(key, nextStart(start, r));
  return r;
}

/** One scenario in alternating rounds against the ceiling and Chancery. */
async function measure(s: Scenario, n: number, port: number, basePort: number, duration = DURATION, warmup = WARMUP): Promise<Row> {
  let cRequests = 0,
    bRequests = 0,
    cSecs = 0,
    bSecs = 0;
  const lat: number[][] = [];
  let errors = 0;
  const codes: Record<string, number> = {};
  const blat: number[][] = [];
  const perRound: number[] = [];
  const warmupRps: number[] = [];
  if (warmup > 0) {
    for (const p of [basePort, port]) {
      if (p === port && s.builds && !s.sequential && BUILD_WARMUP > warmup) {
        for (let t = 0; t < BUILD_WARMUP; t += 5) {
          const w = await load(p, s, Math.min(5, BUILD_WARMUP - t));
          warmupRps.push(Math.round(w.requests / w.seconds));
        }
      } else await (s.sequential ? sequentialLoad(p, s, warmup) : load(p, s, warmup));
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    if (s.sequential) {
      const b = await sequentialLoad(basePort, s, duration);
      bRequests += b.total;
      bSecs += duration;
      blat.push([b.latency.p50, b.latency.p95!, b.latency.p97_5, b.latency.p99]);
      const c = await sequentialLoad(port, s, duration);
      cRequests += c.total;
      cSecs += duration;
      perRound.push(c.total / b.total);
      lat.push([c.latency.p50, c.latency.p95!, c.latency.p97_5, c.latency.p99]);
      for (const [k, v] of Object.entries(c.codes)) codes[k] = (codes[k] ?? 0) + v;
      continue;
    }
    // Alternate which server goes first, so a drift of the machine within a round hits both alike.
    const pair = round % 2 === 0 ? [basePort, port] : [port, basePort];
    const got = new Map<number, LoadResult>();
    for (const p of pair) got.set(p, await load(p, s, duration));
    const b = got.get(basePort)!;
    const c = got.get(port)!;
    bRequests += b.requests;
    bSecs += b.seconds;
    blat.push([b.p50, NaN, b.p97_5, b.p99]);
    cRequests += c.requests;
    cSecs += c.seconds;
    lat.push([c.p50, NaN, c.p97_5, c.p99]);
    perRound.push(c.requests / c.seconds / (b.requests / b.seconds));
    errors += c.errors;
    for (const [k, v] of Object.entries(c.codes)) codes[k] = (codes[k] ?? 0) + v;
  }
  // The worst round of each: a figure a reader could meet, not an average that hides a bad round.
  const worst = (ls: number[][]): Latency => ({
    p50: Math.max(...ls.map((l) => l[0])),
    ...(s.sequential ? { p95: Math.max(...ls.map((l) => l[1])) } : {}),
    p97_5: Math.max(...ls.map((l) => l[2])),
    p99: Math.max(...ls.map((l) => l[3])),
  });
  const row: Row = {
    scenario: s.name,
    articles: n,
    chancery: {
      rps: cRequests / cSecs,
      ...worst(lat),
      errors,
      codes: Object.entries(codes)
        .map(([k, v]) => `${k}:${v}`)
        .join(' '),
    },
    ceiling: { rps: bRequests / bSecs, ...worst(blat) },
    ratio: bRequests ? cRequests / cSecs / (bRequests / bSecs) : undefined,
    ratioPerRound: perRound.map((r) => +r.toFixed(3)),
    ...(warmupRps.length ? { warmupRps } : {}),
  };
  log(
    `  ${s.name.padEnd(30)} ${row.chancery.rps.toFixed(0).padStart(7)} req/s  ceiling ${row.ceiling!.rps.toFixed(0).padStart(7)}  ratio ${(row.ratio ?? 0).toFixed(3)} (rounds ${perRound.map((r) => r.toFixed(3)).join(', ')})  p50 ${row.chancery.p50} ms${row.chancery.p95 !== undefined ? `  p95 ${row.chancery.p95} ms` : ''}  p99 ${row.chancery.p99} ms (ceiling ${row.ceiling!.p99} ms)  ${row.chancery.codes}${warmupRps.length ? `  (warm-up ${warmupRps.join(', ')} req/s)` : ''}`,
  );
  return row;
}

/**
 * Proves the generator is not what is measured: what it reaches against a static nginx serving the warm article's
 * bytes (its capacity here) beside what it reaches against the node:http ceiling, in alternating rounds.
 */
async function generatorProof(body: Buffer, type: string, basePort: number): Promise<Record<string, unknown>> {
  const nginx = await startStaticNginx(body, type);
  if (!nginx) {
    log('  generator proof: not measured (nginx is not installed: apt-get install nginx)');
    return { generator: generatorName(), note: 'not measured: nginx is not installed' };
  }
  try {
    const s: Scenario = { name: 'generator proof', path: '/page' };
    const ng: number[] = [];
    const ceil: number[] = [];
    if (WARMUP > 0) for (const p of [nginx.port, basePort]) await load(p, s, WARMUP);
    for (let round = 0; round < Math.max(2, ROUNDS); round++) {
      for (const p of round % 2 === 0 ? [nginx.port, basePort] : [basePort, nginx.port]) {
        const r = await load(p, s, DURATION);
        (p === nginx.port ? ng : ceil).push(r.requests / r.seconds);
      }
    }
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const nginxRps = sum(ng) / ng.length;
    const ceilingRps = sum(ceil) / ceil.length;
    const out: Record<string, unknown> = {
      generator: generatorName(),
      connections: CONNECTIONS,
      staticNginxRps: +nginxRps.toFixed(0),
      nodeHttpCeilingRps: +ceilingRps.toFixed(0),
      ceilingOverNginx: +(ceilingRps / nginxRps).toFixed(3),
      perRound: ng.map((x, i) => ({ nginx: +x.toFixed(0), ceiling: +ceil[i].toFixed(0) })),
    };
    // What autocannon in one Node thread reaches against the same nginx: why it is not the generator.
    if (findWrk()) {
      const a = await autocannon({ url: `http://127.0.0.1:${nginx.port}/page`, connections: CONNECTIONS, duration: DURATION });
      out.autocannonAgainstNginxRps = +(a.requests.total / DURATION).toFixed(0);
      out.autocannonOverWrk = +(a.requests.total / DURATION / nginxRps).toFixed(3);
    }
    log(
      `  generator proof (${generatorName()}): static nginx ${out.staticNginxRps} req/s, node:http ceiling ${out.nodeHttpCeilingRps} (${out.ceilingOverNginx} of nginx)${out.autocannonAgainstNginxRps ? `; autocannon against the same nginx ${out.autocannonAgainstNginxRps}` : ''}`,
    );
    return out;
  } finally {
    await nginx.stop();
  }
}

/**
 * The overload case (50 connections of misses) beside a bare node:http server that burns, per request, the CPU
 * time a miss took (one second over the misses per second): the p99 over p50 any one-threaded server shows at
 * that load on this machine, measured right after.
 */
async function overload(miss: Row): Promise<Record<string, unknown>> {
  const perRequestMs = +(1000 / miss.chancery.rps).toFixed(2);
  const proc = fork(join(import.meta.dirname, 'busy-server.ts'), [String(perRequestMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const port = await new Promise<number>((ok) => proc.once('message', (m: any) => ok(m.port)));
    const s: Scenario = { name: 'busy node:http', path: '/' };
    if (WARMUP > 0) await load(port, s, WARMUP);
    const r = await load(port, s, DURATION);
    const out = {
      what: `${CONNECTIONS} connections of article pages, every one a cache miss`,
      rps: +miss.chancery.rps.toFixed(0),
      p50Ms: miss.chancery.p50,
      p99Ms: miss.chancery.p99,
      p99OverP50: +(miss.chancery.p99 / miss.chancery.p50).toFixed(2),
      busyNodeHttp: {
        what: `bare node:http burning ${perRequestMs} ms per request, same load`,
        rps: +(r.requests / r.seconds).toFixed(0),
        p50Ms: r.p50,
        p99Ms: r.p99,
        p99OverP50: +(r.p99 / r.p50).toFixed(2),
      },
    };
    log(
      `  overload: p50 ${out.p50Ms} ms, p99 ${out.p99Ms} ms (${out.p99OverP50}x); a bare node:http burning ${perRequestMs} ms a request: p50 ${r.p50}, p99 ${r.p99} (${out.busyNodeHttp.p99OverP50}x)`,
    );
    return out;
  } finally {
    await stop(proc);
  }
}

/**
 * The same archive served by `serve --workers 2` beside the one-process server, loaded in alternating rounds:
 * the row's ratio is two workers over one (the "ceiling" columns are the one-worker server here).
 */
let workersRss: { processes: ProcessRss[]; servingPeakMb?: number } | undefined;

async function workersScenario(dbPath: string, n: number, onePort: number, scenarios: Scenario[]): Promise<Row[]> {
  const port = onePort + 1;
  // Started as `npm start` starts it, so its workers run with the malloc settings and V8 flags it gives them.
  const { proc } = await startChancery(dbPath, port, 'command', {}, 2);
  const rows: Row[] = [];
  const rss = sampleRss(proc.pid!);
  try {
    for (const name of ['article page (cache miss)', 'article page (warm)']) {
      const s = scenarios.find((x) => x.name === name);
      if (!s) continue;
      const renamed = `${name}, 2 workers vs 1`;
      // The one-process server continues with URLs it has not seen in the scenario's first run.
      cursors.set(`${onePort} ${renamed}`, 1e12);
      // Each worker compiles its own code and fills its own memo: a longer warm-up than one process needs.
      const row = await measure({ ...s, name: renamed }, n, port, onePort, DURATION, WARMUP * 3);
      rows.push(row);
    }
  } finally {
    const ps = rss.stop();
    const peak = servingPeak(ps);
    for (const row of rows) row.note = `RSS of the two-worker server, each process's peak over the scenario: ${describeRss(ps)}`;
    workersRss = { processes: ps, servingPeakMb: peak?.peakMb };
    log(`  RSS of serve --workers 2, each process at its peak: ${describeRss(ps)}`);
    await stop(proc);
  }
  return rows;
}

async function main() {
  if (!findWrk())
    log(
      'wrk is not installed (apt-get install wrk): loading with autocannon in this process, which tops out near 15,000 requests\n' +
        'per second here; ratios of fast pages then measure the generator, not the server.',
    );
  const sizes = flag('scale') ? [1000, 10000, 100000] : [opt('articles', SMOKE ? 300 : 10000)];
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  log('Building the production bundle (dist/chancery.mjs)');
  await buildBundle();
  for (const n of sizes) {
    log(`\nArchive of ${n} articles`);
    const dbPath = join(ROOT, 'bench', 'archives', `archive-${n}.db`);
    const t0 = Date.now();
    await buildArchive(dbPath, n, { log: (s) => process.stderr.write(`\r${s}`) });
    log(`\n  ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // `--port N`: the server's port (the workers' server takes N + 1); a random one in 4300-4799 by default.
    const port = opt('port', 0) || 4300 + Math.floor(Math.random() * 500);
    // Start-up on an existing archive, five times each (one start is at the mercy of the machine), alternating
    // bin/chancery.js as `npm start` runs it and the bundle itself; the last start stays up for the load.
    // One unmeasured start first: after the archive changed (a previous run's comments taken out), the first
    // open refreshes SQLite's planner statistics, once, and that would be charged to whichever start came first.
    await stop((await startChancery(dbPath, port)).proc);
    const starts = { command: [] as number[], bundle: [] as number[] };
    let started!: Awaited<ReturnType<typeof startChancery>>;
    // The server kept for the load is the last one started as `npm start` starts it (bin/chancery.js): on Linux it
    // starts itself again with the malloc settings and the young generation's cap, which the bundle run directly
    // lacks (30 MB more at the peak of article misses).
    for (let k = 0; k < STARTS; k++) {
      const viaBundle = await startChancery(dbPath, port);
      starts.bundle.push(viaBundle.startMs);
      await stop(viaBundle.proc);
      started = await startChancery(dbPath, port, 'command');
      starts.command.push(started.startMs);
      if (k < STARTS - 1) await stop(started.proc);
    }
    const { proc } = started;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const startMs = median(starts.bundle);
    const base = await startBaseline();
    await new Promise((r) => setTimeout(r, 300));
    // Every process of the server's tree, from here to the end of its scenarios (sampleRss in rss.ts).
    const sampler = sampleRss(proc.pid!);

    const at = (p: string) => `http://127.0.0.1:${port}${p}`;
    const article = `/articles/${benchSlug(Math.floor(n / 2))}`;
    const first = await fetch(at(article));
    const etag = first.headers.get('etag') ?? '';
    const queries = [
      'railway',
      'summit',
      'energy corridor',
      'trade investment',
      'переговоры',
      'саммит',
      'железной дороги',
      'Kazakhstan',
      'strategic partnership',
      'инвестиции',
    ];
    const deepPage = Math.min(200, Math.max(1, Math.floor(n / 4 / 20)));
    const scenarios: Scenario[] = [
      { name: 'article page (warm)', path: article, page: true },
      {
        name: 'article page (cache miss)',
        path: '',
        plan: { items: Array.from({ length: n }, (_, k) => benchSlug(k)), stride: 7919, template: '/articles/{item}?miss={i}' },
        baselineKey: '/articles/*',
        page: true,
        builds: true,
      },
      {
        name: 'article, 10,000 comments (miss)',
        path: '',
        plan: { items: [busySlug(n)], stride: 1, template: '/articles/{item}?miss={i}' },
        baselineKey: '/articles/*',
        page: true,
        builds: true,
      },
      { name: 'home page', path: '/', page: true },
      { name: `rubric archive page ${deepPage}`, path: `/rubric/analysis?page=${deepPage}`, page: true },
      {
        name: `rubric page ${deepPage} (cache miss)`,
        path: '',
        plan: { items: [String(deepPage)], stride: 1, template: '/rubric/analysis?page={item}&miss={i}' },
        baselineKey: '/rubric/*',
        page: true,
        builds: true,
      },
      {
        name: 'search (mixed queries)',
        path: '',
        plan: { items: queries.map(encodeURIComponent), stride: 1, template: '/search?q={item}&miss={i}' },
        baselineKey: '/search*',
        page: true,
        builds: true,
      },
      // The latency of one search on its own, as a reader sees it when the site is not saturated.
      {
        name: 'search (one connection)',
        path: '',
        plan: { items: queries.map(encodeURIComponent), stride: 1, template: '/search?q={item}&one={i}' },
        baselineKey: '/search*',
        page: true,
        sequential: true,
      },
      { name: 'RSS feed', path: '/feed.xml', page: true },
      { name: '304 revalidation', path: article, headers: { 'if-none-match': etag } },
    ];
    const dossiers = await fetch(at('/dossiers')).catch(() => undefined);
    // The index lists countries first, most facts first: the busiest country's dossier, the same one every run.
    const dossierHref = dossiers?.status === 200 ? /href="(\/dossiers\/country\/[^"?#]+)"/.exec(await dossiers.text())?.[1] : undefined;
    if (dossierHref) {
      scenarios.push({ name: 'dossier page', path: dossierHref, page: true });
      scenarios.push({
        name: 'dossier page (cache miss)',
        path: '',
        plan: { items: [dossierHref], stride: 1, template: '{item}?miss={i}' },
        baselineKey: '/dossiers/*',
        page: true,
        builds: true,
      });
    }

    // The API has no page cache: every answer is built from the database. A fixed query (warm: the same rows
    // each time) and one whose dates vary (other rows, other pages of SQLite's cache), with a partner key.
    const auth = { authorization: `Bearer ${await makeApiKey(dbPath)}` };
    const dayBack = (i: number) => new Date(Date.UTC(2026, 0, 1) - (i % 3000) * 864e5).toISOString().slice(0, 10);
    scenarios.push(
      { name: 'API article list', path: '/api/v1/articles?limit=20', headers: auth, builds: true },
      {
        name: 'API article list (varied)',
        path: '',
        plan: { items: Array.from({ length: 3000 }, (_, i) => dayBack(i)), stride: 1, template: '/api/v1/articles?limit=20&to={item}' },
        baselineKey: '/api/v1/articles*',
        headers: auth,
        builds: true,
      },
    );
    if (dossierHref) {
      const entity = `country:${dossierHref.split('/').pop()!.toUpperCase()}`;
      scenarios.push(
        { name: 'API facts of a country', path: `/api/v1/facts?entity=${entity}&limit=50`, headers: auth, builds: true },
        {
          name: 'API facts (varied)',
          path: '',
          plan: {
            items: Array.from({ length: 3000 }, (_, i) => dayBack(i * 7)),
            stride: 1,
            template: `/api/v1/facts?entity=${entity}&limit=50&to={item}`,
          },
          baselineKey: '/api/v1/facts*',
          headers: auth,
          builds: true,
        },
      );
    }

    if (n === sizes[0] && chosen('generator')) {
      const res = await fetch(at(article), { headers: { 'accept-encoding': 'identity' } });
      const body = Buffer.from(await res.arrayBuffer());
      await base.load('/page', res, body);
      extra.generator = await generatorProof(body, res.headers.get('content-type') ?? 'text/html', base.port);
    }
    for (const s of scenarios.filter((x) => chosen(x.name))) {
      // Record exactly what Chancery answers, and serve those bytes from the ceiling.
      const samplePath = s.plan ? planPath(s.plan, 999_999_999) : s.path;
      const res = await fetch(at(samplePath), { headers: { 'accept-encoding': 'identity', ...s.headers } });
      const body = Buffer.from(await res.arrayBuffer());
      await base.load(s.baselineKey ?? samplePath, res, body);
      rows.push(await measure(s, n, port, base.port));
    }
    if (n === sizes[0] && chosen('workers')) rows.push(...(await workersScenario(dbPath, n, port, scenarios)));
    const miss = rows.find((r) => r.articles === n && r.scenario === 'article page (cache miss)');
    if (miss) extra[`overload-${n}`] = await overload(miss);
    if (!dossierHref)
      rows.push({
        scenario: 'dossier page',
        articles: n,
        chancery: { rps: 0, p50: 0, p97_5: 0, p99: 0, errors: 0, codes: '' },
        note: 'not measured: no dossier listed at /dossiers (the archive has no extracted facts)',
      });
    const rssProcesses = sampler.stop();
    const serving = servingPeak(rssProcesses);

    if ((!flag('scale') || n === sizes[0]) && chosen('posting a comment')) rows.push(await postComments(dbPath, n, port, base));
    extra[`size-${n}`] = {
      startToFirst200Ms: startMs,
      startToFirst200Runs: starts.bundle,
      startToFirst200ViaNpmStartMs: median(starts.command),
      startToFirst200ViaNpmStartRuns: starts.command,
      // The one-process server (`serve --workers 1` through bin/chancery.js): its resident set before the first
      // scenario and its peak through them, each process of its tree listed (on Node 20 the launcher too).
      rssIdleMb: serving?.startMb,
      rssUnderLoadMb: serving?.peakMb,
      rssProcesses,
      ...(workersRss ? { rssWorkers: workersRss } : {}),
      dbSizeMb: +(dbBytes(dbPath) / 1048576).toFixed(1),
    };
    log(
      `  start to first 200 (median): ${startMs} ms from the bundle (${starts.bundle.join(', ')}), ${median(starts.command)} ms through bin/chancery.js as npm start runs it (${starts.command.join(', ')}); RSS of the one-process server idle ${serving?.startMb.toFixed(0)} MB, under load ${serving?.peakMb.toFixed(0)} MB (${describeRss(rssProcesses)}); database ${(dbBytes(dbPath) / 1048576).toFixed(0)} MB`,
    );
    await stop(proc);
    await stop(base.proc);
  }
  try {
    const engine = engineFigures(SMOKE);
    extra.engine = engine;
    extra.nlpThroughput = describeEngine(engine);
  } catch (e) {
    extra.nlpThroughput = `not measured: ${(e as Error).message}`;
  }
  printTable(rows, extra);
  if (sizes.length > 1) printScale(rows, sizes);
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(
    out,
    `${new Date().toISOString().slice(0, 10)}${SMOKE ? '-smoke' : flag('scale') ? '-scale' : ''}${process.env.BENCH_NODE_FLAGS ? '-node-flags' : ''}${ONLY ? '-only' : ''}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        generator: generatorName(),
        connections: CONNECTIONS,
        durationSeconds: DURATION,
        rounds: ROUNDS,
        warmupSeconds: WARMUP,
        nodeFlags: process.env.BENCH_NODE_FLAGS ?? '',
        rows,
        ...extra,
      },
      null,
      2,
    ),
  );
  log(`\nwrote ${file}`);
  // The smoke run guards the harness itself (CI): every scenario must answer what it should, however slowly.
  const wrong = rows.filter(
    (r) =>
      !r.note &&
      Object.keys(r.chancery.codes ? Object.fromEntries(r.chancery.codes.split(' ').map((c) => c.split(':'))) : {}).some(
        (c) => !['200', '303', '304', '2xx/3xx'].includes(c),
      ),
  );
  if (wrong.length) {
    log(`unexpected status codes: ${wrong.map((r) => `${r.scenario} (${r.chancery.codes})`).join(', ')}`);
    process.exitCode = 1;
  }
  const lost = rows.filter((r) => ((r as any).stored?.lost ?? 0) > 0);
  if (lost.length) {
    log('comments were accepted but not stored');
    process.exitCode = 1;
  }
}

/** Posting through every moderation phase, each request from its own signed-in reader; counts what was stored. */
async function postComments(dbPath: string, n: number, port: number, base: Awaited<ReturnType<typeof startBaseline>>): Promise<Row> {
  const probe = await fetch(`http://127.0.0.1:${port}/articles/${benchSlug(0)}/comments`, { method: 'POST' });
  if (probe.status === 404)
    return {
      scenario: 'posting a comment',
      articles: n,
      chancery: { rps: 0, p50: 0, p97_5: 0, p99: 0, errors: 0, codes: '' },
      note: 'not measured: no comment route',
    };
  const duration = SMOKE ? 1 : DURATION;
  const posters = await makeCommenters(dbPath, SMOKE ? 3000 : Math.min(60_000, 1500 * (duration * ROUNDS + WARMUP)));
  const marker = `bench-post-${Date.now()}`;
  const stamp = guardStamp(new Date(Date.now() - 5000), SECRET);
  let i = 0;
  const slug = benchSlug(Math.floor(n / 3));
  const s: Scenario = { name: 'posting a comment', path: `/articles/${slug}/comments`, method: 'POST' };
  const res = await fetch(`http://127.0.0.1:${port}${s.path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'body=x',
  });
  await base.load(s.path, res, Buffer.from(await res.arrayBuffer()));
  let bRequests = 0,
    cRequests = 0,
    errors = 0,
    warmAccepted = 0;
  const lat: number[][] = [];
  const codes: Record<string, number> = {};
  const request = () => [
    {
      method: 'POST' as const,
      path: s.path,
      setupRequest: (req: any) => {
        const p = posters[i++ % posters.length];
        req.headers = { ...req.headers, cookie: p.cookie, 'content-type': 'application/x-www-form-urlencoded' };
        req.body = new URLSearchParams({
          _csrf: p.csrf,
          _ts: stamp,
          website: '',
          body: `${marker} ${i}: the delegations agreed to expand cooperation on transport.`,
        }).toString();
        return req;
      },
    },
  ];
  // The same unmeasured warm-up as the page scenarios, on both; its comments are counted in what must be stored.
  if (WARMUP > 0) {
    await autocannon({ url: `http://127.0.0.1:${base.port}`, connections: CONNECTIONS, duration: WARMUP, method: 'POST', body: 'body=x' });
    const w = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: WARMUP, requests: request() as any });
    warmAccepted = (w as any).statusCodeStats?.['303']?.count ?? 0;
  }
  for (let round = 0; round < ROUNDS; round++) {
    const b = await autocannon({
      url: `http://127.0.0.1:${base.port}`,
      connections: CONNECTIONS,
      duration,
      method: 'POST',
      body: 'body=x',
    });
    bRequests += b.requests.total;
    const c = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration, requests: request() as any });
    cRequests += c.requests.total;
    lat.push([c.latency.p50, c.latency.p97_5, c.latency.p99]);
    errors += c.errors + c.timeouts;
    for (const [k, v] of Object.entries((c as any).statusCodeStats ?? {})) codes[k] = (codes[k] ?? 0) + (v as any).count;
  }
  const stored = await countRows(dbPath, `${marker}%`);
  await removePosts(dbPath, `${marker}%`);
  const accepted = codes['303'] ?? 0;
  const secs = ROUNDS * duration;
  const row: Row = {
    scenario: 'posting a comment',
    articles: n,
    chancery: {
      rps: cRequests / secs,
      p50: Math.max(...lat.map((l) => l[0])),
      p97_5: Math.max(...lat.map((l) => l[1])),
      p99: Math.max(...lat.map((l) => l[2])),
      errors,
      codes: Object.entries(codes)
        .map(([k, v]) => `${k}:${v}`)
        .join(' '),
    },
    ceiling: { rps: bRequests / secs },
    ratio: bRequests ? cRequests / bRequests : undefined,
    note: undefined,
  };
  // Requests still in flight when the load stops are stored but not counted as answered: more rows than 303s is fine.
  (row as any).stored = { accepted303: accepted + warmAccepted, rowsStored: stored, lost: Math.max(0, accepted + warmAccepted - stored) };
  log(
    `  ${s.name.padEnd(30)} ${row.chancery.rps.toFixed(0).padStart(7)} req/s  p50 ${row.chancery.p50} ms  p99 ${row.chancery.p99} ms  ${row.chancery.codes}; ${accepted + warmAccepted} accepted (${warmAccepted} in the warm-up), ${stored} stored${posters.length < i ? ' (readers reused: the rate phase refuses some)' : ''}`,
  );
  return row;
}

/** How each page and search figure changes from the smallest archive to each larger one. */
function printScale(rows: Row[], sizes: number[]) {
  const lines = [
    '',
    `| scenario | ${sizes.map((n) => `p50 / p99 ms at ${n} (p95 for one-connection search)`).join(' | ')} | req/s ${sizes[sizes.length - 1]} vs ${sizes[0]} |`,
    `|---|${sizes.map(() => '---|').join('')}---|`,
  ];
  for (const name of [
    ...new Set(rows.filter((r) => !r.note && r.scenario !== 'posting a comment').map((r) => r.scenario.replace(/ \d+( |$)/, ' N$1'))),
  ]) {
    const bySize = sizes.map((n) => rows.find((r) => r.articles === n && r.scenario.replace(/ \d+( |$)/, ' N$1') === name));
    const firstR = bySize[0],
      lastR = bySize[bySize.length - 1];
    lines.push(
      `| ${name} | ${bySize.map((r) => (r ? `${r.chancery.p50} / ${r.chancery.p95 ?? r.chancery.p99}` : '')).join(' | ')} | ${firstR && lastR ? (lastR.chancery.rps / firstR.chancery.rps).toFixed(2) : ''} |`,
    );
  }
  console.log(lines.join('\n'));
}

function dbBytes(path: string): number {
  return [path, `${path}-wal`].reduce((s, p) => {
    try {
      return s + statSync(p).size;
    } catch {
      return s;
    }
  }, 0);
}

function printTable(rows: Row[], extra: Record<string, unknown>) {
  const lines = [
    '',
    '| scenario | articles | req/s | ceiling req/s | ratio | p50 ms | p95 ms | p97.5 ms | p99 ms | ceiling p99 ms | errors | status codes |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (r.note) {
      lines.push(`| ${r.scenario} | ${r.articles} | ${r.note} | | | | | | | | | |`);
      continue;
    }
    const stored = (r as any).stored ? ` (${(r as any).stored.rowsStored} stored, ${(r as any).stored.lost} lost)` : '';
    lines.push(
      `| ${r.scenario} | ${r.articles} | ${r.chancery.rps.toFixed(0)} | ${r.ceiling?.rps.toFixed(0) ?? ''} | ${r.ratio?.toFixed(2) ?? ''} | ${r.chancery.p50} | ${r.chancery.p95 ?? ''} | ${r.chancery.p97_5} | ${r.chancery.p99} | ${r.ceiling?.p99 ?? ''} | ${r.chancery.errors} | ${r.chancery.codes}${stored} |`,
    );
  }
  lines.push('', JSON.stringify(extra, null, 2));
  console.log(lines.join('\n'));
  void bar;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
