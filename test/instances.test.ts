// Several instances on one database: a change made through one drops the same cached pages on the others
// within a second (PostgreSQL LISTEN/NOTIFY, or Redis pub/sub), a CDN in front is told which keys to purge,
// jobs and scheduled publishing run once however many instances poll.
import { createServer, type IncomingMessage } from 'node:http';
import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { forgetModerationSettings, loadModerationSettings, saveModerationSettings } from '../src/features/comments/moderation/settings.js';
import { findArticleById } from '../src/features/articles/article-store.js';
import { openDb, type Db } from '../src/platform/db.js';
import { createJobRunner, enqueueJob } from '../src/platform/jobs.js';
import { freshDb } from './db.js';
import { makeArticle, makeAuthor } from './factories.js';

const PG = process.env.CHANCERY_TEST_POSTGRES;
const REDIS = process.env.CHANCERY_TEST_REDIS ?? 'redis://127.0.0.1:6379';

async function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((ok) => {
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
}
const redisUp = await reachable(REDIS);
if (!PG) process.stderr.write('\n  instances.test: PostgreSQL not set (CHANCERY_TEST_POSTGRES): coherence over LISTEN/NOTIFY skipped.\n');
if (!redisUp) process.stderr.write(`\n  instances.test: no Redis at ${REDIS} (CHANCERY_TEST_REDIS): coherence over Redis skipped.\n`);

function config(url: string, over: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      databaseUrl: url,
      sessionSecret: 'test-secret-test-secret-test-secret',
      env: 'test',
      logLevel: 'silent',
      loadDemo: false,
      dataDir: '/tmp/chancery-test',
      // A site of its own: Redis channels are shared by every test run on the machine.
      baseUrl: `http://instances-${process.pid}-${Math.random().toString(36).slice(2)}.test`,
      ...over,
    },
  );
}

/** Polls until `check` holds; returns how many milliseconds it took, or throws after `ms`. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (await check()) return Date.now() - t0;
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Two apps, each with its own database handle, on one fresh PostgreSQL database. */
async function twoInstances(over: Partial<Config> = {}): Promise<{ a: App; b: App; dbA: Db; dbB: Db }> {
  const fresh = await freshDb('postgres');
  const dbB = openDb(fresh.url, { onPoolError: () => undefined });
  const cfg = config(fresh.url, over);
  const a = await buildApp({ config: cfg, db: fresh.db, logger: false });
  const b = await buildApp({ config: cfg, db: dbB, logger: false });
  cleanups.push(async () => {
    await a.close();
    await b.close();
    await dbB.destroy();
    await fresh.close();
  });
  await Promise.all([a.server.ready(), b.server.ready(), a.bus.ready(), b.bus.ready()]);
  return { a, b, dbA: fresh.db, dbB };
}

const transports = [
  ...(PG ? [{ name: 'PostgreSQL LISTEN/NOTIFY', over: {} as Partial<Config>, transport: 'postgres' }] : []),
  ...(PG && redisUp ? [{ name: 'Redis pub/sub', over: { redisUrl: REDIS } as Partial<Config>, transport: 'redis' }] : []),
];

describe.skipIf(transports.length === 0).each(transports)('two instances, changes over $name', ({ over, transport }) => {
  it('drops an unpublished article on the other instance within a second', async () => {
    const { a, b, dbA } = await twoInstances(over);
    expect(a.bus.transport).toBe(transport);
    const authorId = await makeAuthor(dbA, { slug: 'aida' });
    const id = await makeArticle(dbA, { title: 'Railway talks resume', authorIds: [authorId], status: 'published' });
    const get = () => b.server.inject({ url: '/articles/railway-talks-resume' });
    // Asked twice, the page is kept in b's cache.
    expect((await get()).statusCode).toBe(200);
    expect((await get()).statusCode).toBe(200);
    expect(b.ctx.cache.size()).toBeGreaterThan(0);
    await a.ctx.publishing.unpublish({ id: null, role: 'admin' }, id);
    expect((await findArticleById(dbA, id))?.status).not.toBe('published');
    const took = await within(1000, async () => (await get()).statusCode === 404);
    expect(took).toBeLessThan(1000);
  });

  it('drops a thread on the other instance when comments change, and moderation settings at once', async () => {
    const { a, b, dbA, dbB } = await twoInstances(over);
    const authorId = await makeAuthor(dbA, { slug: 'aida' });
    const id = await makeArticle(dbA, { title: 'Border talks', authorIds: [authorId], status: 'published' });
    for (let i = 0; i < 2; i++) await b.server.inject({ url: '/articles/border-talks' });
    expect(b.ctx.cache.size()).toBe(1);
    a.ctx.commentsChanged([id]);
    await within(1000, async () => b.ctx.cache.size() === 0);

    // b holds the settings for two seconds unless told otherwise.
    expect((await loadModerationSettings(dbB)).premoderateAll).toBe(false);
    await saveModerationSettings(dbA, { premoderateAll: true });
    a.ctx.settingsChanged('moderation');
    await within(1000, async () => (await loadModerationSettings(dbB)).premoderateAll === true);
    forgetModerationSettings(dbB);
  });
});

describe.skipIf(!PG)('jobs and scheduled publishing across instances (PostgreSQL)', () => {
  it('runs each job once when two instances poll at the same time', async () => {
    const fresh = await freshDb('postgres');
    const other = openDb(fresh.url, { onPoolError: () => undefined });
    cleanups.push(async () => {
      await other.destroy();
      await fresh.close();
    });
    const now = new Date();
    for (let i = 0; i < 40; i++) await enqueueJob(fresh.db, 'count', now, { i }, now);
    const ran: number[] = [];
    const handler = async (p: { i: number }) => {
      await new Promise((r) => setTimeout(r, 2));
      ran.push(p.i);
    };
    const log = { error: () => undefined };
    const r1 = createJobRunner(fresh.db, { count: handler }, () => new Date(), log);
    const r2 = createJobRunner(other, { count: handler }, () => new Date(), log);
    const [n1, n2] = await Promise.all([r1.runDue(), r2.runDue()]);
    expect(n1 + n2).toBe(40);
    expect(n1).toBeGreaterThan(0);
    expect(n2).toBeGreaterThan(0);
    expect(ran.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('publishes a due article once when two instances run the scheduler together', async () => {
    const fresh = await freshDb('postgres');
    const other = openDb(fresh.url, { onPoolError: () => undefined });
    const cfg = config(fresh.url);
    const a = await buildApp({ config: cfg, db: fresh.db, logger: false });
    const b = await buildApp({ config: cfg, db: other, logger: false });
    cleanups.push(async () => {
      await a.close();
      await b.close();
      await other.destroy();
      await fresh.close();
    });
    const authorId = await makeAuthor(fresh.db, { slug: 'aida' });
    for (let i = 0; i < 10; i++) {
      const id = await makeArticle(fresh.db, { title: `Scheduled ${i}`, authorIds: [authorId], status: 'draft' });
      await fresh.db
        .updateTable('articles')
        .set({ status: 'scheduled', published_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', id)
        .execute();
    }
    const [n1, n2] = await Promise.all([a.ctx.publishing.publishDue(), b.ctx.publishing.publishDue()]);
    expect(n1 + n2).toBe(10);
    const audits = await fresh.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'article.publish').execute();
    expect(audits).toHaveLength(10);
    const jobs = await fresh.db.selectFrom('jobs').select('id').where('kind', '=', 'extract-article').execute();
    expect(jobs).toHaveLength(10);
  });
});

describe('surrogate keys and the purge hook', () => {
  it('tags cached pages and sends a PURGE with the keys a change drops', async () => {
    const got: { method: string; key: string; tag: string; body: string }[] = [];
    const proxy = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        got.push({ method: req.method!, key: String(req.headers['surrogate-key']), tag: String(req.headers['cache-tag']), body });
        res.end('ok');
      });
    });
    await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
    const fresh = await freshDb('sqlite');
    const app = await buildApp({
      config: config(fresh.url, { purgeUrl: `http://127.0.0.1:${(proxy.address() as { port: number }).port}/purge` }),
      db: fresh.db,
      logger: false,
    });
    cleanups.push(async () => {
      await app.close();
      await fresh.close();
      await new Promise((ok) => proxy.close(ok));
    });
    const authorId = await makeAuthor(fresh.db, { slug: 'aida' });
    const id = await makeArticle(fresh.db, { title: 'Border talks', authorIds: [authorId], status: 'published' });
    const page = await app.server.inject({ url: '/articles/border-talks' });
    expect(page.headers['surrogate-key']).toBe(`pages comments:${id}`);
    expect(page.headers['cache-tag']).toBe(`pages,comments:${id}`);
    // Served from memory, before routing, the same keys.
    await app.server.inject({ url: '/articles/border-talks' });
    const raw = await app.server.inject({ url: '/articles/border-talks' });
    expect(raw.headers['surrogate-key']).toBe(`pages comments:${id}`);

    app.ctx.commentsChanged([id]);
    app.ctx.contentChanged();
    await within(2000, async () => got.length === 2);
    expect(got[0]).toEqual({
      method: 'PURGE',
      key: `comments:${id} comment-counts`,
      tag: `comments:${id},comment-counts`,
      body: JSON.stringify({ keys: [`comments:${id}`, 'comment-counts'] }),
    });
    expect(got[1]).toMatchObject({ method: 'PURGE', key: 'pages', tag: 'pages' });
  });
});
