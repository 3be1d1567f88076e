// The primary of `serve --workers N` (node:cluster): N worker processes share the listening socket; exactly
// one of them runs the job scheduler; SIGHUP replaces them one at a time (each new worker listens before its
// predecessor stops, so no request is refused); SIGTERM or SIGINT stops them all after their requests.
import cluster, { type Worker } from 'node:cluster';
import { CLUSTER_MESSAGE } from './change-bus.js';

/** Messages between the primary and its workers. */
export const WORKER_MESSAGES = {
  runJobs: 'chancery:run-jobs',
  stopJobs: 'chancery:stop-jobs',
} as const;

export interface PrimaryOptions {
  workers: number;
  io: { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } };
  signal?: AbortSignal;
  stopMessage?: string;
  /** Printed once every worker listens. */
  readyMessage?: string;
  /** How long a stopping worker may finish its requests before it is killed. */
  graceMs?: number;
}

/** Runs the primary until stopped; resolves to the exit code. */
export async function runPrimary(opts: PrimaryOptions): Promise<number> {
  const grace = opts.graceMs ?? 10_000;
  const live = new Set<Worker>();
  const retiring = new Set<Worker>();
  const listening = new Set<Worker>();
  let scheduler: Worker | undefined;
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const crashes: number[] = [];
  let failed = false;
  let wake: () => void = () => {};
  const finished = new Promise<void>((ok) => {
    wake = ok;
  });

  /** Names one listening worker, not on its way out, the scheduler; the others never run jobs. */
  const assignScheduler = () => {
    if (stopping || (scheduler && live.has(scheduler) && !retiring.has(scheduler))) return;
    scheduler = [...listening].find((w) => live.has(w) && !retiring.has(w));
    scheduler?.send({ type: WORKER_MESSAGES.runJobs });
  };

  const fork = (): Worker => {
    const w = cluster.fork();
    live.add(w);
    w.on('listening', () => {
      listening.add(w);
      assignScheduler();
    });
    // On SQLite the workers have no database channel: a change heard from one is handed to the others.
    w.on('message', (m: { type?: string }) => {
      if (m?.type !== CLUSTER_MESSAGE) return;
      for (const other of live) if (other !== w && other.isConnected()) other.send(m);
    });
    w.on('exit', (code, signal) => {
      live.delete(w);
      listening.delete(w);
      const expected = retiring.delete(w) || stopping;
      if (scheduler === w) {
        scheduler = undefined;
        assignScheduler();
      }
      if (!expected) {
        opts.io.stderr.write(`A worker stopped unexpectedly (${signal ?? `exit code ${code}`}); starting another.\n`);
        const now = Date.now();
        crashes.push(now);
        while (crashes.length && now - crashes[0] > 30_000) crashes.shift();
        if (crashes.length >= 5) {
          opts.io.stderr.write('Workers keep failing (5 in 30 seconds): stopping.\n');
          failed = true;
          void stopAll();
          return;
        }
        fork();
      }
      if (stopping && live.size === 0) wake();
    });
    return w;
  };

  const retire = async (w: Worker) => {
    retiring.add(w);
    if (scheduler === w) {
      w.send({ type: WORKER_MESSAGES.stopJobs });
      scheduler = undefined;
      assignScheduler();
    }
    // Gone once it has both exited and disconnected: cluster forgets a worker only then, in either order.
    const exited = new Promise<void>((ok) => {
      const check = () => {
        if (w.isDead() && !w.isConnected()) ok();
      };
      w.on('exit', check);
      w.on('disconnect', check);
      check();
    });
    // The primary's disconnect takes the worker out of the round robin at once, and the worker closes its
    // servers only when the message arrives, after every connection already handed to it: none is lost. A
    // worker that closed its server and left on its own could drop a connection still in flight to it.
    if (w.isConnected()) w.disconnect();
    const timer = setTimeout(() => w.process.kill('SIGKILL'), grace);
    await exited;
    clearTimeout(timer);
  };

  const untilListening = (w: Worker) =>
    new Promise<boolean>((ok) => {
      if (listening.has(w)) return ok(true);
      w.once('listening', () => ok(true));
      w.once('exit', () => ok(false));
    });

  /** Replaces every worker, one at a time. */
  const rollingRestart = async () => {
    for (const old of [...live]) {
      if (stopping) return;
      if (retiring.has(old)) continue;
      const fresh = fork();
      if (!(await untilListening(fresh))) {
        opts.io.stderr.write('A new worker failed to start: keeping the running ones.\n');
        return;
      }
      await retire(old);
    }
    opts.io.stdout.write(`Restarted ${live.size} workers.\n`);
  };

  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    if (opts.stopMessage) opts.io.stdout.write(opts.stopMessage);
    await Promise.all([...live].map((w) => retire(w)));
    wake();
  };

  const onHup = () => {
    if (stopping) return;
    restarting = (restarting ?? Promise.resolve()).then(rollingRestart).catch((e) => {
      opts.io.stderr.write(`Restart failed: ${(e as Error).message}\n`);
    });
  };
  const onStop = () => void stopAll();
  process.on('SIGHUP', onHup);
  process.on('SIGTERM', onStop);
  process.on('SIGINT', onStop);
  if (opts.signal?.aborted) void stopAll();
  opts.signal?.addEventListener('abort', onStop, { once: true });

  for (let i = 0; i < opts.workers; i++) fork();
  const first = await Promise.race([
    Promise.all([...live].map(untilListening)).then((ok) => ok.every(Boolean)),
    finished.then(() => false),
  ]);
  if (first) opts.io.stdout.write(`${opts.readyMessage ?? ''}Serving with ${opts.workers} workers (SIGHUP restarts them one by one).\n`);
  else await stopAll();
  await finished;
  process.off('SIGHUP', onHup);
  process.off('SIGTERM', onStop);
  process.off('SIGINT', onStop);
  return failed || !first ? 1 : 0;
}
