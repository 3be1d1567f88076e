// The load generator: wrk (Debian's package) when it is installed, autocannon in this process otherwise.
// autocannon in one Node thread tops out near 15,000 requests per second on these machines, below what a bare
// node:http server answers, so its ratios measure the generator; the bench says so when it has to use it.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

/** What one run of load produced. Latencies in milliseconds. */
export interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p97_5: number;
  p99: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Status code -> count; wrk reports only how many were not 2xx/3xx, under "other". */
  codes: Record<string, number>;
}

/**
 * The URLs a load asks for: request i goes to `template` with `{item}` replaced by items[(i * stride) % length]
 * and `{i}` by i. Each run continues from `start`, so a later round never repeats an earlier round's URL.
 */
export interface PathPlan {
  items: string[];
  stride: number;
  template: string;
}

export interface LoadSpec {
  port: number;
  connections: number;
  duration: number;
  method?: 'GET' | 'POST';
  path?: string;
  plan?: PathPlan;
  start?: number;
  headers?: Record<string, string>;
  body?: string;
}

/** The path of request i of a plan. */
export function planPath(plan: PathPlan, i: number): string {
  return plan.template.replace('{item}', plan.items[(i * plan.stride) % plan.items.length]).replace('{i}', String(i));
}

let wrkPath: string | null | undefined;
/** wrk's path, or null when it is not installed (`apt-get install wrk`). */
export function findWrk(): string | null {
  if (wrkPath !== undefined) return wrkPath;
  const r = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' });
  wrkPath = r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
  if (process.env.BENCH_GENERATOR === 'autocannon') wrkPath = null;
  return wrkPath;
}

/** The generator's name as results record it. */
export function generatorName(): string {
  return findWrk() ? 'wrk' : 'autocannon (one Node thread)';
}

// Each wrk thread walks its own range of request numbers, so threads never ask for the same URL.
const THREAD_SPAN = 10_000_000;

const luaString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

function luaScript(spec: LoadSpec): string {
  const lines = [
    `wrk.method = ${luaString(spec.method ?? 'GET')}`,
    ...Object.entries(spec.headers ?? {}).map(([k, v]) => `wrk.headers[${luaString(k)}] = ${luaString(v)}`),
    spec.body !== undefined ? `wrk.body = ${luaString(spec.body)}` : '',
    'local threads = {}',
    'local counter = 0',
    'function setup(thread)',
    '  thread:set("tid", counter)',
    '  counter = counter + 1',
    '  table.insert(threads, thread)',
    'end',
  ];
  if (spec.plan) {
    const { items, stride, template } = spec.plan;
    const [before, after] = template.split('{item}');
    const [mid, end] = (after ?? '').split('{i}');
    lines.push(
      `local items = {${items.map(luaString).join(',')}}`,
      `local n = ${items.length}`,
      'local i = 0',
      'function init(args)',
      `  i = ${spec.start ?? 0} + tid * ${THREAD_SPAN}`,
      'end',
      'function request()',
      `  local item = items[((i * ${stride}) % n) + 1]`,
      `  local path = ${luaString(before)} .. item .. ${luaString(mid ?? '')} .. ${after?.includes('{i}') ? 'i' : '""'} .. ${luaString(end ?? '')}`,
      '  i = i + 1',
      '  return wrk.format(nil, path)',
      'end',
    );
  }
  lines.push(
    'function done(summary, latency, requests)',
    '  local e = summary.errors',
    '  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,',
    '    latency:percentile(50), latency:percentile(97.5), latency:percentile(99),',
    '    e.connect + e.read + e.write, e.timeout, e.status, 0))',
    'end',
  );
  return lines.filter(Boolean).join('\n');
}

/** Loads one server for `duration` seconds and reports what it answered. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const wrk = findWrk();
  return wrk ? runWrk(wrk, spec) : runAutocannon(spec);
}

async function runWrk(wrk: string, spec: LoadSpec): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-wrk-'));
  const script = join(dir, 'load.lua');
  writeFileSync(script, luaScript(spec));
  // Two threads: on two cores one thread cannot keep up with a static nginx, and more only contend.
  const threads = Math.min(Number(process.env.BENCH_WRK_THREADS ?? 2), spec.connections);
  try {
    const out = await new Promise<string>((ok, fail) =>
      execFile(
        wrk,
        [
          `-t${threads}`,
          `-c${spec.connections}`,
          `-d${spec.duration}s`,
          '--timeout',
          '10s',
          '-s',
          script,
          `http://127.0.0.1:${spec.port}${spec.path ?? '/'}`,
        ],
        { maxBuffer: 1 << 20 },
        (err, stdout, stderr) => (err ? fail(new Error(`wrk failed: ${stderr || err.message}`)) : ok(stdout)),
      ),
    );
    const m = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out);
    if (!m) throw new Error(`wrk printed no result:\n${out}`);
    const [requests, durationUs, p50, p975, p99, sockErrors, timeouts, badStatus] = m.slice(1).map(Number);
    const codes: Record<string, number> = {};
    if (requests - badStatus > 0) codes['2xx/3xx'] = requests - badStatus;
    if (badStatus) codes.other = badStatus;
    return {
      requests,
      seconds: durationUs / 1e6,
      p50: +(p50 / 1000).toFixed(2),
      p97_5: +(p975 / 1000).toFixed(2),
      p99: +(p99 / 1000).toFixed(2),
      errors: sockErrors + timeouts,
      codes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runAutocannon(spec: LoadSpec): Promise<LoadResult> {
  let i = spec.start ?? 0;
  const requests = spec.plan
    ? [
        {
          method: 'GET' as const,
          setupRequest: (req: any) => {
            req.path = planPath(spec.plan!, i++);
            return req;
          },
        },
      ]
    : [{ method: spec.method ?? 'GET', path: spec.path ?? '/', headers: spec.headers, body: spec.body }];
  const r = await autocannon({
    url: `http://127.0.0.1:${spec.port}`,
    connections: spec.connections,
    duration: spec.duration,
    requests: requests as any,
    headers: spec.headers,
  });
  const codes: Record<string, number> = {};
  for (const [k, v] of Object.entries((r as any).statusCodeStats ?? {})) codes[k] = (v as any).count;
  return {
    requests: r.requests.total,
    seconds: spec.duration,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    codes,
  };
}

/** Where a plan's next run starts after a run that began at `start` (threads walk separate ranges). */
export function nextStart(start: number, r: LoadResult): number {
  return findWrk() ? start + r.requests + 16 * THREAD_SPAN : start + r.requests;
}
