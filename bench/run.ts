// npm run bench: builds an archive, starts Chancery in production mode and a node:http ceiling in
// their own processes, loads each in alternating rounds, and reports ratios measured in the same run.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { buildArchive, benchSlug, bar } from './archive.js';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const opt = (name: string, def: number) => { const i = args.indexOf(`--${name}`); return i >= 0 ? Number(args[i + 1]) : def; };
const SMOKE = flag('smoke');
const CONNECTIONS = opt('connections', 50);
const DURATION = opt('duration', SMOKE ? 1 : 5);
const ROUNDS = opt('rounds', SMOKE ? 1 : 2);
const log = (s: string) => process.stderr.write(s + '\n');

interface Row { scenario: string; articles: number; chancery: { rps: number; p50: number; p99: number; errors: number; codes: string }; ceiling?: { rps: number }; ratio?: number; note?: string }

async function waitFor200(url: string, timeoutMs = 30_000): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try { const r = await fetch(url); if (r.status === 200) return Date.now() - t0; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms`);
}

function rssKb(pid: number): number {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]); } catch { return 0; }
}

async function startChancery(dbPath: string, port: number): Promise<{ proc: ChildProcess; startMs: number }> {
  const t0 = Date.now();
  const proc = spawn(process.execPath, [join(ROOT, 'bin', 'chancery.js'), 'serve'], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: `sqlite:${dbPath}`, PORT: String(port), HOST: '127.0.0.1', CHANCERY_DEMO: 'false', LOG_LEVEL: 'warn', BASE_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor200(`http://127.0.0.1:${port}/`);
  return { proc, startMs: Date.now() - t0 };
}

async function startBaseline(): Promise<{ proc: ChildProcess; port: number; load: (key: string, res: Response, body: Buffer) => Promise<void> }> {
  const proc = fork(join(import.meta.dirname, 'baseline-server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const port = await new Promise<number>((ok) => proc.once('message', (m: any) => ok(m.port)));
  return {
    proc, port,
    load: (key, res, body) => new Promise((ok) => {
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => { if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date'].includes(k)) headers[k] = v; });
      proc.once('message', () => ok());
      proc.send({ type: 'page', key, status: res.status, headers, body: body.toString('base64') });
    }),
  };
}

interface Scenario { name: string; path: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; paths?: string[]; baselineKey?: string; body?: string }

function load(port: number, s: Scenario, duration: number): Promise<autocannon.Result> {
  let i = 0;
  const requests = s.paths
    ? [{ method: 'GET' as const, setupRequest: (req: any) => { req.path = s.paths![i++ % s.paths!.length]; return req; } }]
    : [{ method: s.method ?? 'GET', path: s.path, headers: s.headers, body: s.body }];
  return autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration, requests: requests as any, headers: s.headers });
}

async function main() {
  const sizes = flag('scale') ? [1000, 10000, 100000] : [opt('articles', SMOKE ? 300 : 10000)];
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};
  for (const n of sizes) {
    log(`\nArchive of ${n} articles`);
    const dbPath = join(ROOT, 'bench', 'archives', `archive-${n}.db`);
    const t0 = Date.now();
    const info = await buildArchive(dbPath, n, { log: (s) => process.stderr.write(`\r${s}`) });
    log(`\n  ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const port = 4300 + Math.floor(Math.random() * 500);
    const { proc, startMs } = await startChancery(dbPath, port);
    const base = await startBaseline();
    const idleRss = rssKb(proc.pid!);
    let peakRss = idleRss;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, rssKb(proc.pid!)); }, 200);

    const at = (p: string) => `http://127.0.0.1:${port}${p}`;
    const article = `/articles/${benchSlug(Math.floor(n / 2))}`;
    const first = await fetch(at(article));
    const etag = first.headers.get('etag') ?? '';
    const queries = ['railway', 'summit', 'energy corridor', 'trade investment', 'переговоры', 'саммит', 'железной дороги', 'Kazakhstan', 'strategic partnership', 'инвестиции'];
    const deepPage = Math.min(200, Math.max(1, Math.floor(n / 4 / 20)));
    const scenarios: Scenario[] = [
      { name: 'article page (warm)', path: article },
      { name: 'article page (cache miss)', path: '', paths: Array.from({ length: 5000 }, (_, i) => `/articles/${benchSlug((i * 7919) % n)}?miss=${i}`), baselineKey: '/articles/*' },
      { name: 'home page', path: '/' },
      { name: `rubric archive page ${deepPage}`, path: `/rubric/analysis?page=${deepPage}` },
      { name: 'search (mixed queries)', path: '', paths: queries.map((q) => `/search?q=${encodeURIComponent(q)}`), baselineKey: '/search*' },
      { name: 'RSS feed', path: '/feed.xml' },
      { name: '304 revalidation', path: article, headers: { 'if-none-match': etag } },
    ];
    // Dossier pages exist once the knowledge engine's dossiers are in.
    const dossier = await fetch(at('/dossiers/country/kz')).catch(() => undefined);
    if (dossier?.status === 200) scenarios.push({ name: 'dossier page', path: '/dossiers/country/kz' });

    for (const s of scenarios) {
      // Record exactly what Chancery answers, and serve those bytes from the ceiling.
      const samplePath = s.paths ? s.paths[0] : s.path;
      const res = await fetch(at(samplePath), { headers: s.headers });
      const body = Buffer.from(await res.arrayBuffer());
      await base.load(s.baselineKey ?? samplePath, res, body);
      if (s.paths && !s.baselineKey) for (const p of s.paths) await base.load(p, res, body);
      if (s.name.startsWith('304')) await base.load(samplePath, res, body);
      let cRequests = 0, bRequests = 0;
      const lat: number[][] = [];
      let errors = 0; const codes: Record<string, number> = {};
      for (let round = 0; round < ROUNDS; round++) {
        const b = await load(base.port, s, DURATION);
        bRequests += b.requests.total;
        const c = await load(port, s, DURATION);
        cRequests += c.requests.total;
        lat.push([c.latency.p50, c.latency.p99]);
        errors += c.errors + c.timeouts;
        for (const [k, v] of Object.entries((c as any).statusCodeStats ?? {})) codes[k] = (codes[k] ?? 0) + (v as any).count;
      }
      const secs = ROUNDS * DURATION;
      const row: Row = {
        scenario: s.name, articles: n,
        chancery: { rps: cRequests / secs, p50: Math.max(...lat.map((l) => l[0])), p99: Math.max(...lat.map((l) => l[1])), errors, codes: Object.entries(codes).map(([k, v]) => `${k}:${v}`).join(' ') },
        ceiling: { rps: bRequests / secs }, ratio: bRequests ? cRequests / bRequests : undefined,
      };
      rows.push(row);
      log(`  ${s.name.padEnd(28)} ${row.chancery.rps.toFixed(0).padStart(7)} req/s  ceiling ${row.ceiling!.rps.toFixed(0).padStart(7)}  ratio ${(row.ratio ?? 0).toFixed(2)}  p50 ${row.chancery.p50} ms  p99 ${row.chancery.p99} ms  ${row.chancery.codes}`);
    }
    clearInterval(sampler);
    rows.push({ scenario: 'posting a comment', articles: n, chancery: { rps: 0, p50: 0, p99: 0, errors: 0, codes: '' }, note: 'not measured: comments are not built yet' });
    extra[`size-${n}`] = { startToFirst200Ms: startMs, rssIdleMb: +(idleRss / 1024).toFixed(1), rssUnderLoadMb: +(peakRss / 1024).toFixed(1), dbSizeMb: +(dbBytes(dbPath) / 1048576).toFixed(1) };
    log(`  start to first 200: ${startMs} ms; RSS idle ${(idleRss / 1024).toFixed(0)} MB, under load ${(peakRss / 1024).toFixed(0)} MB; database ${(dbBytes(dbPath) / 1048576).toFixed(0)} MB`);
    proc.kill('SIGTERM'); base.proc.kill('SIGTERM');
  }
  extra.nlpThroughput = await nlpThroughput();
  printTable(rows, extra);
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `${new Date().toISOString().slice(0, 10)}${SMOKE ? '-smoke' : ''}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), connections: CONNECTIONS, durationSeconds: DURATION, rounds: ROUNDS, rows, ...extra }, null, 2));
  log(`\nwrote ${file}`);
}

function dbBytes(path: string): number {
  return [path, `${path}-wal`].reduce((s, p) => { try { return s + statSync(p).size; } catch { return s; } }, 0);
}

async function nlpThroughput(): Promise<string> {
  try {
    const nlp = await import('../src/nlp/index.js');
    const dir = join(ROOT, 'src', 'nlp', 'testdata');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const kb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1024;
    for (const t of texts) nlp.extract(t, { published: '2025-03-01' });
    const t0 = performance.now(); let total = 0;
    while (performance.now() - t0 < (SMOKE ? 300 : 3000)) { for (const t of texts) nlp.extract(t, { published: '2025-03-01' }); total += kb; }
    return `${(total / ((performance.now() - t0) / 1000)).toFixed(0)} KB/s on one core`;
  } catch (e) { return `not measured: ${(e as Error).message}`; }
}

function printTable(rows: Row[], extra: Record<string, unknown>) {
  const lines = ['', '| scenario | articles | req/s | ceiling req/s | ratio | p50 ms | p99 ms | errors | status codes |', '|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    if (r.note) { lines.push(`| ${r.scenario} | ${r.articles} | ${r.note} | | | | | | |`); continue; }
    lines.push(`| ${r.scenario} | ${r.articles} | ${r.chancery.rps.toFixed(0)} | ${r.ceiling?.rps.toFixed(0) ?? ''} | ${r.ratio?.toFixed(2) ?? ''} | ${r.chancery.p50} | ${r.chancery.p99} | ${r.chancery.errors} | ${r.chancery.codes} |`);
  }
  lines.push('', JSON.stringify(extra, null, 2));
  console.log(lines.join('\n'));
  void bar;
}

main().catch((e) => { console.error(e); process.exit(1); });
