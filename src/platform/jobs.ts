// The database as the job queue: durable jobs that survive restarts, run by a small poller.
import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db } from './db.js';
import type { DB } from './schema.js';

type JobRow = Selectable<DB['jobs']>;

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

/** Builds a runner for the given handlers; it takes only jobs of those kinds. */
export function createJobRunner(
  db: Db,
  handlers: Record<string, JobHandler>,
  clock: () => Date,
  log: { error: (o: object, m: string) => void },
): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  /**
   * Takes one due job, marking it running. PostgreSQL: the row is chosen `FOR UPDATE SKIP LOCKED`, so instances
   * polling together take different jobs without waiting on each other. SQLite writes one at a time: the update
   * names the status and attempts it read, and only one process changes them.
   */
  async function claimNext(now: Date, stale: string, skip: number[], kinds?: string[]): Promise<JobRow | undefined> {
    // Pending jobs that are due and running ones left by a killed process, each asked for on its own: each is
    // then the first rows of jobs_status_run_at_idx. Asked for in one OR, SQLite and PostgreSQL sorted every
    // due job to take one, and a backlog of 130,000 (a bulk import's events) cost about 100 ms a job, fifty a
    // pass, every few seconds: the server answered nothing else. A job a killed process left goes first.
    const due = (status: 'pending' | 'running', before: string) => (eb: ExpressionBuilder<DB, 'jobs'>) => {
      const when = eb.and([eb('status', '=', status), eb('run_at', '<=', before)]);
      return kinds === undefined ? when : eb.and([when, eb('kind', 'in', kinds.length ? kinds : [''])]);
    };
    if (db.dialect === 'postgres') {
      const claim = (status: 'pending' | 'running', before: string) =>
        db
          .updateTable('jobs')
          .set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1), run_at: now.toISOString() }))
          .where('id', '=', (eb) =>
            eb.selectFrom('jobs').select('id').where(due(status, before)).orderBy('run_at').orderBy('id').limit(1).forUpdate().skipLocked(),
          )
          .returningAll()
          .executeTakeFirst() as Promise<JobRow | undefined>;
      return (await claim('running', stale)) ?? (await claim('pending', now.toISOString()));
    }
    for (;;) {
      const first = async (status: 'pending' | 'running', before: string) => {
        let q = db.selectFrom('jobs').selectAll().where(due(status, before));
        if (skip.length) q = q.where('id', 'not in', skip);
        return q.orderBy('run_at').orderBy('id').limit(1).executeTakeFirst();
      };
      const job = (await first('running', stale)) ?? (await first('pending', now.toISOString()));
      if (!job) return undefined;
      const claimed = await db
        .updateTable('jobs')
        .set({ status: 'running', attempts: job.attempts + 1, run_at: now.toISOString() })
        .where('id', '=', job.id)
        .where('status', '=', job.status)
        .where('attempts', '=', job.attempts)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 1) return { ...job, attempts: job.attempts + 1 } as JobRow;
      skip.push(job.id);
    }
  }

  async function runDueOnce(only?: string[]): Promise<number> {
    // A runner takes only the kinds it can run: during a rolling restart an older instance leaves a newer
    // kind of job to the instances that know it, and a test's runner leaves the jobs it was not given.
    const kinds = only ?? Object.keys(handlers);
    const now = clock();
    // A job left "running" by a killed process is taken again after five minutes.
    const stale = new Date(now.getTime() - 5 * 60_000).toISOString();
    let ran = 0;
    const skip: number[] = [];
    // At most 50 a pass, as before: a long queue does not hold the poller.
    while (ran < 50) {
      const job = await claimNext(now, stale, skip, kinds);
      if (!job) break;
      // What it ran before this attempt, so the back-off counts attempts as it did.
      const before = job.attempts - 1;
      skip.push(job.id);
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
        await handler(JSON.parse(job.payload));
        await db.updateTable('jobs').set({ status: 'done', last_error: '' }).where('id', '=', job.id).execute();
      } catch (e) {
        const failed = before + 1 >= 5;
        log.error({ err: e, job: job.id, kind: job.kind }, 'job failed');
        await db
          .updateTable('jobs')
          .set({
            status: failed ? 'failed' : 'pending',
            last_error: String((e as Error).message).slice(0, 2000),
            run_at: new Date(clock().getTime() + 30_000 * (before + 1)).toISOString(),
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
