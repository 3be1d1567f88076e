// The database as the job queue: durable jobs that survive restarts, run by a small poller.
import type { Db } from './db.js';

export type JobHandler = (payload: any) => Promise<void>;

export interface JobRunner {
  /** Runs every due job once (only those of `kinds` when given); returns how many ran. Tests call it directly. */
  runDue(kinds?: string[]): Promise<number>;
  /** Starts polling every intervalMs. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

/** Queues a job to run at (or after) runAt. */
export async function enqueueJob(db: Db, kind: string, runAt: Date, payload: unknown, now: Date): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      kind,
      run_at: runAt.toISOString(),
      payload: JSON.stringify(payload ?? {}),
      status: 'pending',
      attempts: 0,
      last_error: '',
      created_at: now.toISOString(),
    })
    .execute();
}

/** Builds a runner for the given handlers; a job whose kind has no handler fails visibly. */
export function createJobRunner(
  db: Db,
  handlers: Record<string, JobHandler>,
  clock: () => Date,
  log: { error: (o: object, m: string) => void },
): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function runDueOnce(kinds?: string[]): Promise<number> {
    const now = clock();
    // A job left "running" by a killed process is taken again after five minutes.
    const stale = new Date(now.getTime() - 5 * 60_000).toISOString();
    const due = await db
      .selectFrom('jobs')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now.toISOString())]),
          eb.and([eb('status', '=', 'running'), eb('run_at', '<=', stale)]),
        ]),
      )
      .$if(kinds !== undefined, (q) => q.where('kind', 'in', kinds!.length ? kinds! : ['']))
      .orderBy('run_at')
      .limit(50)
      .execute();
    let ran = 0;
    for (const job of due) {
      // Claim it: only one runner (process) wins the update.
      const claimed = await db
        .updateTable('jobs')
        .set({ status: 'running', attempts: job.attempts + 1, run_at: now.toISOString() })
        .where('id', '=', job.id)
        .where('status', '=', job.status)
        .where('attempts', '=', job.attempts)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
        await handler(JSON.parse(job.payload));
        await db.updateTable('jobs').set({ status: 'done', last_error: '' }).where('id', '=', job.id).execute();
      } catch (e) {
        const failed = job.attempts + 1 >= 5;
        log.error({ err: e, job: job.id, kind: job.kind }, 'job failed');
        await db
          .updateTable('jobs')
          .set({
            status: failed ? 'failed' : 'pending',
            last_error: String((e as Error).message).slice(0, 2000),
            run_at: new Date(clock().getTime() + 30_000 * (job.attempts + 1)).toISOString(),
          })
          .where('id', '=', job.id)
          .execute();
      }
      ran++;
    }
    return ran;
  }

  const runner: JobRunner = {
    async runDue(kinds) {
      // One pass at a time per process.
      while (running) await running.catch(() => 0);
      running = runDueOnce(kinds);
      try {
        return await running;
      } finally {
        running = undefined;
      }
    },
    start(intervalMs = 5000) {
      if (timer) return;
      const tick = () => {
        runner.runDue().catch((e) => log.error({ err: e }, 'job poll failed'));
      };
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running.catch(() => 0);
    },
  };
  return runner;
}
