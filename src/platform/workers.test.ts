import cluster from 'node:cluster';
import http from 'node:http';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPrimary } from './workers.js';

const FIXTURE = resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'cluster-worker.ts');

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

interface State {
  pid: number;
  jobs: boolean;
  heard: { kind: string; articleIds?: number[] }[];
  transport: string;
}

/** One request on a connection of its own, so the primary may hand it to any worker. */
function ask(port: number, method = 'GET'): Promise<State> {
  return new Promise((ok, fail) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok(JSON.parse(body)));
    });
    req.on('error', fail);
    // A connection never answered must fail the test, not hang it.
    req.setTimeout(5000, () => req.destroy(new Error('no answer within 5 s')));
    req.end();
  });
}

/** Every worker's state, found by asking until each pid answered (or the time is up). */
async function everyWorker(port: number, count: number): Promise<Map<number, State>> {
  const seen = new Map<number, State>();
  const t0 = Date.now();
  while (Date.now() - t0 < 5000) {
    const s = await ask(port);
    seen.set(s.pid, s);
    if (seen.size === count && [...seen.values()].every((x) => x.pid)) {
      // A second pass, so that every state is fresh.
      const fresh = new Map<number, State>();
      while (fresh.size < count && Date.now() - t0 < 5000) {
        const f = await ask(port);
        fresh.set(f.pid, f);
      }
      return fresh;
    }
  }
  return seen;
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

describe('serve --workers: the primary', () => {
  it('shares the port, runs one scheduler, relays changes, and restarts the workers one by one', async () => {
    const port = await freePort();
    process.env.FIXTURE_PORT = String(port);
    cluster.setupPrimary({ exec: FIXTURE, execArgv: ['--import', 'tsx'], silent: false });
    let out = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) } };
    const abort = new AbortController();
    const running = runPrimary({ workers: 2, io, signal: abort.signal, graceMs: 5000 });
    stops.push(async () => {
      abort.abort();
      await running;
    });
    const t0 = Date.now();
    while (!out.includes('Serving with 2 workers')) {
      if (Date.now() - t0 > 120_000) throw new Error(`workers did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const before = await everyWorker(port, 2);
    expect(before.size).toBe(2);
    await new Promise((r) => setTimeout(r, 100));
    const states = await everyWorker(port, 2);
    expect([...states.values()].filter((s) => s.jobs)).toHaveLength(1);
    expect([...states.values()].every((s) => s.transport === 'cluster')).toBe(true);

    // A change published by one worker is heard by the other, not by itself.
    const from = await ask(port, 'POST');
    const other = [...states.keys()].find((pid) => pid !== from.pid)!;
    const t1 = Date.now();
    for (;;) {
      const all = await everyWorker(port, 2);
      const o = all.get(other);
      if (o?.heard.some((c) => c.articleIds?.[0] === from.pid)) break;
      if (Date.now() - t1 > 1000) throw new Error('the other worker did not hear the change within a second');
    }
    expect((await everyWorker(port, 2)).get(from.pid)!.heard).toEqual([]);

    // SIGHUP: new workers, each listening before the one it replaces stops; no request fails meanwhile.
    let failed = 0;
    let answered = 0;
    const errors: string[] = [];
    let loading = true;
    // Several connections at once, so that some are in flight to a worker as it stops.
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (loading) {
          await ask(port).then(
            () => answered++,
            (e) => {
              failed++;
              errors.push((e as Error).message);
            },
          );
        }
      }),
    );
    process.emit('SIGHUP');
    const t2 = Date.now();
    while (!out.includes('Restarted 2 workers.')) {
      if (Date.now() - t2 > 120_000) throw new Error(`no restart: ${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    loading = false;
    await load;
    expect(failed, errors.join('; ')).toBe(0);
    expect(answered).toBeGreaterThan(10);
    const after = await everyWorker(port, 2);
    expect(after.size).toBe(2);
    for (const pid of after.keys()) expect(before.has(pid)).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect([...(await everyWorker(port, 2)).values()].filter((s) => s.jobs)).toHaveLength(1);

    abort.abort();
    expect(await running).toBe(0);
    stops.pop();
    expect(Object.keys(cluster.workers ?? {})).toHaveLength(0);
  }, 300_000);
});
