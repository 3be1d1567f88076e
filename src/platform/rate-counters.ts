// Request counters for rate limits (the API's per-key and per-address limits), counted where every process
// that answers requests sees the same figures: in Redis when REDIS_URL is set, in the database otherwise
// (PostgreSQL for several instances, the SQLite file for `serve --workers N`), and in memory only when one
// SQLite process answers everything. Each counter is a fixed window that starts with its first request.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import { createAttemptLimits } from './attempt-limit-store.js';
import type { Db } from './db.js';

export interface RateCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetMs: number;
}

export interface RateCounters {
  /** Where the counts live. */
  readonly kind: 'redis' | 'database' | 'memory';
  /** Counts one request against `key` in a window of `windowMs`. */
  hit(key: string, windowMs: number): Promise<RateCount>;
  close(): Promise<void>;
}

export interface RateCounterOptions {
  db: Db;
  clock: () => Date;
  redisUrl?: string;
  /** The site's URL: one Redis may serve several sites, so keys carry it. */
  site: string;
  /** True when other processes answer requests too (cluster workers); defaults to node:cluster's answer. */
  shared?: boolean;
  log?: { error: (o: object, m: string) => void };
}

/** The counters the configuration calls for. */
export function createRateCounters(o: RateCounterOptions): RateCounters {
  if (o.redisUrl) return redisCounters(o.redisUrl, `chancery:rate:${o.site}:`, o.log);
  if (o.db.dialect === 'postgres' || (o.shared ?? cluster.isWorker)) return databaseCounters(o.db, o.clock);
  return memoryCounters(o.clock);
}

/** Counters in one process's memory; windows past their end are swept now and then. */
export function memoryCounters(clock: () => Date): RateCounters {
  const windows = new Map<string, { start: number; count: number; windowMs: number }>();
  let calls = 0;
  return {
    kind: 'memory',
    async hit(key, windowMs) {
      const now = clock().getTime();
      if (++calls % 1000 === 0) for (const [k, w] of windows) if (w.start + w.windowMs <= now) windows.delete(k);
      let w = windows.get(key);
      if (!w || w.start + windowMs <= now) {
        w = { start: now, count: 0, windowMs };
        windows.set(key, w);
      }
      w.count++;
      return { count: w.count, resetMs: w.start + windowMs - now };
    },
    async close() {},
  };
}

/** Counters in the attempt_limits table, one atomic statement a request (see attempt-limit-store.ts). */
export function databaseCounters(db: Db, clock: () => Date): RateCounters {
  const limits = createAttemptLimits(db, clock);
  return {
    kind: 'database',
    async hit(key, windowMs) {
      const { hits, windowStart } = await limits.count(`rate:${key}`, windowMs);
      return { count: hits, resetMs: Math.max(0, windowStart.getTime() + windowMs - clock().getTime()) };
    },
    async close() {},
  };
}

// INCR, and on the window's first request its expiry; the answer carries the time left. A key left without
// an expiry (a crash between the two calls cannot happen inside a script, but a key set by hand can) gets one.
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}
`;

/** Counters in Redis: one script call a request, atomic however many instances count. */
export function redisCounters(url: string, prefix: string, log?: RateCounterOptions['log']): RateCounters {
  const { createClient } = createRequire(import.meta.url)('redis') as typeof import('redis');
  const client = createClient({ url });
  let lastError = 0;
  client.on('error', (err: Error) => {
    if (Date.now() - lastError > 60_000) log?.error({ err }, 'rate counters: Redis connection failed');
    lastError = Date.now();
  });
  let connecting: Promise<unknown> | undefined;
  return {
    kind: 'redis',
    async hit(key, windowMs) {
      connecting ??= client.connect();
      await connecting;
      const [count, ttl] = (await client.eval(HIT_SCRIPT, { keys: [prefix + key], arguments: [String(windowMs)] })) as [number, number];
      return { count: Number(count), resetMs: Math.max(0, Number(ttl)) };
    },
    async close() {
      if (connecting) await connecting.then(() => client.quit()).catch(() => client.destroy());
    },
  };
}
