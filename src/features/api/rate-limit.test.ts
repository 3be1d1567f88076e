// A key's rate limit is one figure however many instances answer: two apps on one PostgreSQL database (and,
// when Redis answers, on one Redis) count the same requests, announce the same remainder and refuse together.
import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app.js';
import { loadConfig, type Config } from '../../config.js';
import { openDb } from '../../platform/db.js';
import { freshDb } from '../../../test/db.js';
import { hashKey, newKey } from './api-key.js';
import { insertApiKey } from './api-key-store.js';

const PG = process.env.CHANCERY_TEST_POSTGRES;
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

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Two apps on one fresh PostgreSQL database, each with its own pool, and a key allowed `rate` requests a minute. */
async function twoInstances(rate: number, over: Partial<Config> = {}): Promise<{ a: App; b: App; key: string }> {
  const fresh = await freshDb('postgres');
  const dbB = openDb(fresh.url, { onPoolError: () => undefined });
  const config = loadConfig(
    {},
    {
      databaseUrl: fresh.url,
      sessionSecret: 'test-secret-test-secret-test-secret',
      env: 'test',
      logLevel: 'silent',
      loadDemo: false,
      dataDir: '/tmp/chancery-test',
      // A site of its own: Redis keys are shared by every test run on the machine.
      baseUrl: `http://rate-${process.pid}-${Math.random().toString(36).slice(2)}.test`,
      ...over,
    },
  );
  const a = await buildApp({ config, db: fresh.db, logger: false });
  const b = await buildApp({ config, db: dbB, logger: false });
  cleanups.push(async () => {
    await a.close();
    await b.close();
    await dbB.destroy();
    await fresh.close();
  });
  const k = newKey();
  await insertApiKey(
    fresh.db,
    {
      name: 'Partner',
      scopes: ['read'],
      origins: [],
      redirectUris: [],
      rateLimit: rate,
      expiresAt: null,
      prefix: k.prefix,
      hash: hashKey(k.key),
      createdBy: null,
    },
    new Date(),
  );
  return { a, b, key: k.key };
}

/** Requests alternate between the two instances: the remainder falls by one each time, then both refuse. */
async function sameFigures({ a, b, key }: { a: App; b: App; key: string }) {
  const get = (app: App) => app.server.inject({ url: '/api/v1/rubrics', headers: { authorization: `Bearer ${key}` } });
  const remaining: string[] = [];
  for (const app of [a, b, a, b]) {
    const res = await get(app);
    expect(res.statusCode).toBe(200);
    expect(res.headers['ratelimit-limit']).toBe('4');
    remaining.push(String(res.headers['ratelimit-remaining']));
  }
  expect(remaining).toEqual(['3', '2', '1', '0']);
  for (const app of [a, b]) {
    const refused = await get(app);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  }
  // Anyone without a key is counted apart, by address.
  expect((await a.server.inject('/api/v1/rubrics')).statusCode).toBe(200);
}

describe('API rate limits across instances', () => {
  it.skipIf(!PG)('are counted in PostgreSQL without Redis', async () => {
    const two = await twoInstances(4);
    await sameFigures(two);
  });

  it.skipIf(!PG || !redisUp)('are counted in Redis when it is configured', async () => {
    const two = await twoInstances(4, { redisUrl: REDIS });
    await sameFigures(two);
  });
});
