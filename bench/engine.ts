// The knowledge engine's figures for `npm run bench`: its throughput per language, read from the production
// bundle (dist/chancery-extract.js) as `chancery extract` runs it, and `extract`'s start to output on a 2 KB
// article next to a bare `node -e 0` measured in the same alternation, since absolute times on a shared
// machine mean little. Run alone: `node --import tsx bench/engine.ts [--smoke]`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const GOLDEN = join(ROOT, 'src', 'nlp', 'testdata');

export interface EngineFigures {
  /** KB of text per second of one core's CPU time, per language of the golden articles and over all of them. */
  throughputKBs: Record<'en' | 'ru' | 'zh' | 'all', number>;
  /** The same per second of wall time: lower than the CPU figure when the machine is busy. */
  wallKBs: Record<'en' | 'ru' | 'zh' | 'all', number>;
  /** Median wall time of `chancery extract` on a 2 KB English article, and of `node -e 0` beside it. */
  extractStartMs: number;
  nodeStartMs: number;
  runs: { extract: number[]; node: number[] };
}

// Runs in a child: extraction after a second of unmeasured passes per language (the compiler's tiers settle
// within it; five passes left the Russian and Chinese readers at half speed), then the text read per second of
// the child's own CPU time, so the figure is per core whatever else the machine runs; wall time beside it.
const THROUGHPUT_CHILD = `
const vm = require('node:vm'), fs = require('node:fs'), path = require('node:path'), { createRequire } = require('node:module');
const [file, dir, seconds] = process.argv.slice(1);
const mod = { exports: {} };
new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file }).runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
const all = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
const lang = (f) => (f.startsWith('ru-') ? 'ru' : f.startsWith('zh-') ? 'zh' : 'en');
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e6; };
const out = { cpu: {}, wall: {} };
for (const l of ['en', 'ru', 'zh', 'all']) {
  const texts = all.filter(([f]) => l === 'all' || lang(f) === l).map(([, t]) => t);
  const kb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1024;
  const warm = cpu();
  while (cpu() - warm < Math.min(1, seconds)) for (const t of texts) mod.exports.extract(t, { published: '2025-03-01' });
  const c0 = cpu();
  const t0 = performance.now();
  let total = 0;
  while (cpu() - c0 < seconds) {
    for (const t of texts) mod.exports.extract(t, { published: '2025-03-01' });
    total += kb;
  }
  out.cpu[l] = Math.round(total / (cpu() - c0));
  out.wall[l] = Math.round(total / ((performance.now() - t0) / 1000));
}
process.stdout.write(JSON.stringify(out));
`;

/** A 2 KB English article made of the golden articles' paragraphs. */
function twoKilobyteArticle(): string {
  const paras = readdirSync(GOLDEN)
    .filter((f) => f.endsWith('.txt') && !/^(ru|zh)-/.test(f))
    .sort()
    .flatMap((f) => readFileSync(join(GOLDEN, f), 'utf8').split('\n').slice(1))
    .filter((p) => p.trim());
  let text = 'Leaders meet in Astana\n';
  for (const p of paras) {
    if (Buffer.byteLength(text + p) > 2048) break;
    text += `${p}\n`;
  }
  return text;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Math.round(performance.now() - t0);
}

/** Needs the production bundle (npm run build). */
export function engineFigures(smoke = false): EngineFigures {
  const bundle = join(ROOT, 'dist', 'chancery-extract.js');
  const r = spawnSync(process.execPath, ['-e', THROUGHPUT_CHILD, bundle, GOLDEN, String(smoke ? 0.3 : 3)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`engine throughput: ${r.stderr}`);
  const { cpu: throughputKBs, wall: wallKBs } = JSON.parse(r.stdout);
  const file = join(mkdtempSync(join(tmpdir(), 'chancery-bench-')), 'article.txt');
  writeFileSync(file, twoKilobyteArticle());
  const cmd = [join(ROOT, 'bin', 'chancery.js'), 'extract', file, '--published', '2025-03-01'];
  timed(cmd); // unmeasured: the first start reads the files from disk
  const runs = { extract: [] as number[], node: [] as number[] };
  for (let i = 0; i < (smoke ? 3 : 11); i++) {
    runs.extract.push(timed(cmd));
    runs.node.push(timed(['-e', '0']));
  }
  return { throughputKBs, wallKBs, extractStartMs: median(runs.extract), nodeStartMs: median(runs.node), runs };
}

/** One line for the bench's report. */
export function describeEngine(f: EngineFigures): string {
  const t = f.throughputKBs;
  return (
    `${t.all} KB per CPU second on one core (English ${t.en}, Russian ${t.ru}, Chinese ${t.zh}; ${f.wallKBs.all} KB per wall second); ` +
    `extract start to output on a 2 KB article ${f.extractStartMs} ms (node -e 0: ${f.nodeStartMs} ms)`
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(describeEngine(engineFigures(process.argv.includes('--smoke'))));
}
