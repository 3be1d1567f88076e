// Rate counters: the same figures from every process that counts, whichever place holds them.
import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../test/db.js';
import { openDb } from './db.js';
import { createRateCounters, databaseCounters, memoryCounters, redisCounters, type RateCounters } from './rate-counters.js';

const REDIS = process.env.CHANCERY_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((ok) => {
  const u = new URL(REDIS);
  const s = createConnection(Number(u.port || 6379), u.hostname);
  s.setTimeout(1000, () => {
    s.destroy();
    ok(false);
  });
  s.once('connect', () => {
    s.end();
    ok(true);
  });
  s.once('error', () => ok(false));
});

let now = new Date('2026-03-01T12:00:00Z');
const clock = () => now;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  now = new Date('2026-03-01T12:00:00Z');
});

/** Three hits shared by two counters, then a new window once the first is over. */
async function sharesAndResets(a: RateCounters, b: RateCounters, advance: () => Promise<void>) {
  expect(await a.hit('key:1', 60_000)).toMatchObject({ count: 1 });
  expect((await b.hit('key:1', 60_000)).count).toBe(2);
  const third = await a.hit('key:1', 60_000);
  expect(third.count).toBe(3);
  expect(third.resetMs).toBeGreaterThan(0);
  expect(third.resetMs).toBeLessThanOrEqual(60_000);
  expect((await b.hit('key:2', 60_000)).count).toBe(1);
  await advance();
  expect((await b.hit('key:1', 60_000)).count).toBe(1);
}

describe('rate counters', () => {
  it('count in memory, a window at a time', async () => {
    const m = memoryCounters(clock);
    await sharesAndResets(m, m, async () => {
      now = new Date(now.getTime() + 60_000);
    });
    now = new Date(now.getTime() + 30_000);
    expect((await m.hit('key:1', 60_000)).resetMs).toBe(30_000);
  });

  it.each(DIALECTS)('count in the %s database, the same figures through two handles', async (dialect) => {
    const fresh = await freshDb(dialect);
    cleanups.push(fresh.close);
    // SQLite in memory is one handle; PostgreSQL gets a second pool, as a second instance would have.
    const other = dialect === 'postgres' ? openDb(fresh.url, { onPoolError: () => undefined }) : fresh.db;
    if (other !== fresh.db) cleanups.push(() => other.destroy());
    await sharesAndResets(databaseCounters(fresh.db, clock), databaseCounters(other, clock), async () => {
      now = new Date(now.getTime() + 60_001);
    });
  });

  it('choose Redis, the database or memory as configured', async () => {
    const sqlite = await freshDb('sqlite');
    cleanups.push(sqlite.close);
    expect(createRateCounters({ db: sqlite.db, clock, site: 's', shared: false }).kind).toBe('memory');
    expect(createRateCounters({ db: sqlite.db, clock, site: 's', shared: true }).kind).toBe('database');
    const redis = createRateCounters({ db: sqlite.db, clock, site: 's', redisUrl: 'redis://127.0.0.1:1' });
    expect(redis.kind).toBe('redis');
    await redis.close();
    if (DIALECTS.includes('postgres')) {
      const pg = await freshDb('postgres');
      cleanups.push(pg.close);
      expect(createRateCounters({ db: pg.db, clock, site: 's', shared: false }).kind).toBe('database');
    }
  });

  it.skipIf(!redisUp)('count in Redis, the same figures through two clients', async () => {
    const prefix = `chancery:test:${process.pid}:${Math.random().toString(36).slice(2)}:`;
    const a = redisCounters(REDIS, prefix);
    const b = redisCounters(REDIS, prefix);
    cleanups.push(
      () => a.close(),
      () => b.close(),
    );
    expect((await a.hit('k', 300)).count).toBe(1);
    expect((await b.hit('k', 300)).count).toBe(2);
    const third = await a.hit('k', 300);
    expect(third).toMatchObject({ count: 3 });
    expect(third.resetMs).toBeGreaterThan(0);
    expect(third.resetMs).toBeLessThanOrEqual(300);
    await new Promise((r) => setTimeout(r, 350));
    expect((await b.hit('k', 300)).count).toBe(1);
  });
});
