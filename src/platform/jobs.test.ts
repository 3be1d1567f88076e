import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/db.js';
import type { Db } from './db.js';
import { createJobRunner, enqueueJob } from './jobs.js';

describe.each(DIALECTS)('the job queue on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  const now = new Date('2026-05-01T10:00:00Z');
  const clock = () => now;
  const quiet = { error: () => undefined };

  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
  });
  afterEach(() => close());

  const statuses = async () =>
    (await db.selectFrom('jobs').select(['kind', 'status']).orderBy('id').execute()).map((j) => `${j.kind}:${j.status}`);

  it('a runner takes only the kinds it has handlers for, and leaves the rest pending for another', async () => {
    await enqueueJob(db, 'a', now, {}, now);
    await enqueueJob(db, 'b', now, {}, now);
    const ran: string[] = [];
    const onlyA = createJobRunner(db, { a: async () => void ran.push('a') }, clock, quiet);
    expect(await onlyA.runDue()).toBe(1);
    expect(await statuses()).toEqual(['a:done', 'b:pending']);
    const onlyB = createJobRunner(db, { b: async () => void ran.push('b') }, clock, quiet);
    expect(await onlyB.runDue()).toBe(1);
    expect(ran).toEqual(['a', 'b']);
    expect(await statuses()).toEqual(['a:done', 'b:done']);
  });

  it('runs a job its handler queued in the same pass, and retries a failing one later', async () => {
    await enqueueJob(db, 'first', now, {}, now);
    let failures = 0;
    const runner = createJobRunner(
      db,
      {
        first: async () => enqueueJob(db, 'second', now, {}, now),
        second: async () => {},
        broken: async () => {
          failures++;
          throw new Error('boom');
        },
      },
      clock,
      quiet,
    );
    expect(await runner.runDue()).toBe(2);
    await enqueueJob(db, 'broken', now, {}, now);
    await runner.runDue();
    expect(failures).toBe(1);
    const broken = await db.selectFrom('jobs').selectAll().where('kind', '=', 'broken').executeTakeFirstOrThrow();
    expect(broken.status).toBe('pending');
    expect(broken.last_error).toBe('boom');
    expect(new Date(broken.run_at).getTime()).toBeGreaterThan(now.getTime());
  });

  it('takes a job a killed process left before due ones, oldest first, without sorting the backlog', async () => {
    const seen: { sql: string; parameters: readonly unknown[] }[] = [];
    const own = await freshDb(dialect, { onQuery: (q, parameters) => seen.push({ sql: q, parameters }) });
    try {
      const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
      for (let i = 0; i < 300; i++) await enqueueJob(own.db, 'backlog', minutesAgo(60 - (i % 50)), { i }, minutesAgo(60));
      await enqueueJob(own.db, 'left', minutesAgo(30), {}, minutesAgo(30));
      await own.db.updateTable('jobs').set({ status: 'running' }).where('kind', '=', 'left').execute();
      await enqueueJob(own.db, 'later', new Date(now.getTime() + 60_000), {}, now);
      const order: string[] = [];
      const runner = createJobRunner(
        own.db,
        {
          backlog: async (p: { i: number }) => void order.push(`backlog ${p.i}`),
          left: async () => void order.push('left'),
          later: async () => {},
        },
        clock,
        quiet,
      );
      seen.length = 0;
      expect(await runner.runDue()).toBe(50);
      // The job left running first, then the due ones, oldest first.
      expect(order.slice(0, 13)).toEqual(['left', ...[0, 50, 100, 150, 200, 250, 1, 51, 101, 151, 201, 251].map((i) => `backlog ${i}`)]);
      if (dialect === 'sqlite') {
        const claims = seen.filter((q) => q.sql.startsWith('select') && q.sql.includes('from "jobs"'));
        expect(claims.length).toBeGreaterThan(0);
        for (const q of claims.slice(0, 4)) {
          const plan = await own.db.executeQuery(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]));
          expect(JSON.stringify(plan.rows)).not.toMatch(/TEMP B-TREE|SCAN jobs/);
        }
      }
    } finally {
      await own.close();
    }
  });
});
