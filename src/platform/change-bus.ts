// Changes that drop cached pages, told to every other process serving the same database: PostgreSQL
// LISTEN/NOTIFY, Redis pub/sub when REDIS_URL is set, and between the workers of one `serve --workers N` on
// SQLite, the cluster's own channel through the primary, plus a table polled by every server on the file so
// that the command line (an import, an extraction) reaches them too. Each process applies what it hears to its
// own caches.
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type pgModule from 'pg';
import type { Db } from './db.js';

/** What changed: everything public (`content`), some articles' threads, or a group of settings. */
export type Change = { kind: 'content' } | { kind: 'comments'; articleIds: number[] } | { kind: 'settings'; area: string };

export interface ChangeBus {
  /** Which transport carries changes: 'postgres', 'redis', 'cluster' or 'none'. */
  readonly transport: 'postgres' | 'redis' | 'cluster' | 'sqlite' | 'none';
  /** Tells every other process; never calls this process's own listener. */
  publish(change: Change): void;
  /** The listener for changes made by other processes (one per bus). */
  onChange(listener: (change: Change) => void): void;
  /** Resolves once the bus listens (a change published before then by another process may be missed). */
  ready(): Promise<void>;
  /** Sends what is queued, then stops listening. */
  close(): Promise<void>;
}

/** The PostgreSQL channel (one per database); on Redis it is followed by the site's URL. */
export const CHANNEL = 'chancery_changes';
/** The message type workers and the primary exchange over the cluster channel. */
export const CLUSTER_MESSAGE = 'chancery:change';

interface Envelope {
  origin: string;
  change: Change;
}

export interface ChangeBusOptions {
  databaseUrl: string;
  redisUrl?: string;
  /** The site's public URL: one Redis may serve several sites, and pub/sub channels are global to it. */
  site: string;
  log: { error: (o: object, m: string) => void; warn?: (o: object, m: string) => void };
  /** The database, on SQLite: changes then go through its change_signals table as well. */
  db?: Db;
  /** How often a SQLite process looks for other processes' changes (250 ms). */
  pollMs?: number;
}

/** Builds the bus the configuration calls for; `none` on a single SQLite process. */
export function createChangeBus(opts: ChangeBusOptions): ChangeBus {
  if (opts.redisUrl) return redisBus(opts.redisUrl, `${CHANNEL} ${opts.site}`, opts.log);
  if (/^postgres(ql)?:\/\//.test(opts.databaseUrl)) return postgresBus(opts.databaseUrl, opts.log);
  // An in-memory database has no other process to hear from.
  if (opts.db?.dialect === 'sqlite' && !/^sqlite:(:memory:)?$/.test(opts.databaseUrl))
    return sqliteBus(opts.db, opts.log, opts.pollMs ?? 250, cluster.isWorker ? clusterBus() : undefined);
  if (cluster.isWorker) return clusterBus();
  return {
    transport: 'none',
    publish() {},
    onChange() {},
    ready: async () => {},
    close: async () => {},
  };
}

function parse(raw: string, origin: string): Change | undefined {
  try {
    const e = JSON.parse(raw) as Envelope;
    if (e.origin === origin || !e.change || typeof e.change.kind !== 'string') return undefined;
    return e.change;
  } catch {
    return undefined;
  }
}

/** LISTEN on a connection of its own (a pooled one would lose its LISTEN when returned); reconnects. */
function postgresBus(url: string, log: ChangeBusOptions['log']): ChangeBus {
  const pg = createRequire(import.meta.url)('pg') as typeof pgModule;
  const origin = randomBytes(8).toString('hex');
  let listener: (c: Change) => void = () => {};
  let client: pgModule.Client | undefined;
  let closed = false;
  let connecting: Promise<void> | undefined;
  const pending = new Set<Promise<unknown>>();

  const connect = (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', (m) => {
      const change = m.channel === CHANNEL && m.payload ? parse(m.payload, origin) : undefined;
      if (change) listener(change);
    });
    c.on('error', (err) => {
      log.error({ err }, 'change bus: PostgreSQL connection lost');
    });
    c.on('end', () => {
      if (closed || client !== c) return;
      // Changes made while disconnected were not heard: drop everything once back, to be safe.
      client = undefined;
      setTimeout(() => {
        if (closed) return;
        connecting = connect()
          .then(() => listener({ kind: 'content' }))
          .catch(() => undefined);
      }, 500).unref();
    });
    return c
      .connect()
      .then(() => c.query(`LISTEN ${CHANNEL}`))
      .then(() => undefined)
      .catch((err) => {
        log.error({ err }, 'change bus: could not LISTEN on PostgreSQL');
        c.end().catch(() => undefined);
      });
  };
  connecting = connect();

  return {
    transport: 'postgres',
    publish(change) {
      const payload = JSON.stringify({ origin, change } satisfies Envelope);
      const p = (async () => {
        await connecting;
        if (!client) throw new Error('not connected');
        await client.query('select pg_notify($1, $2)', [CHANNEL, payload]);
      })()
        .catch((err) => log.error({ err }, 'change bus: NOTIFY failed'))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    onChange(fn) {
      listener = fn;
    },
    ready: async () => {
      await connecting;
    },
    async close() {
      await connecting;
      await Promise.all(pending);
      closed = true;
      await client?.end().catch(() => undefined);
    },
  };
}

/** Redis pub/sub with the official client: one connection publishes, a duplicate subscribes. */
function redisBus(url: string, channel: string, log: ChangeBusOptions['log']): ChangeBus {
  const { createClient } = createRequire(import.meta.url)('redis') as typeof import('redis');
  const origin = randomBytes(8).toString('hex');
  let listener: (c: Change) => void = () => {};
  const pub = createClient({ url });
  const sub = pub.duplicate();
  let lastError = 0;
  const onError = (err: Error) => {
    // The client reconnects by itself; say so once a minute, not on every retry.
    if (Date.now() - lastError > 60_000) log.error({ err }, 'change bus: Redis connection failed');
    lastError = Date.now();
  };
  pub.on('error', onError);
  sub.on('error', onError);
  // Back from a lost connection, changes made meanwhile were not heard: drop everything once.
  let subscribedOnce = false;
  sub.on('ready', () => {
    if (subscribedOnce) listener({ kind: 'content' });
  });
  const pending = new Set<Promise<unknown>>();
  const connected = Promise.all([
    pub.connect(),
    sub.connect().then(() =>
      sub.subscribe(channel, (message) => {
        const change = parse(message, origin);
        if (change) listener(change);
      }),
    ),
  ])
    .then(() => {
      subscribedOnce = true;
    })
    .catch((err) => log.error({ err }, 'change bus: could not subscribe on Redis'));
  return {
    transport: 'redis',
    publish(change) {
      const p = connected
        .then(() => pub.publish(channel, JSON.stringify({ origin, change } satisfies Envelope)))
        .catch((err) => log.error({ err }, 'change bus: PUBLISH failed'))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    onChange(fn) {
      listener = fn;
    },
    ready: async () => {
      await connected;
    },
    async close() {
      await Promise.all(pending);
      await Promise.all([sub.quit().catch(() => sub.disconnect()), pub.quit().catch(() => pub.disconnect())]).catch(() => undefined);
    },
  };
}

/** Between the workers of one primary: each change goes to the primary, which hands it to every other worker. */
function clusterBus(): ChangeBus {
  const origin = randomBytes(8).toString('hex');
  let listener: (c: Change) => void = () => {};
  const onMessage = (m: unknown) => {
    const msg = m as { type?: string; payload?: string };
    if (msg?.type !== CLUSTER_MESSAGE || typeof msg.payload !== 'string') return;
    const change = parse(msg.payload, origin);
    if (change) listener(change);
  };
  process.on('message', onMessage);
  return {
    transport: 'cluster',
    publish(change) {
      if (process.connected) process.send?.({ type: CLUSTER_MESSAGE, payload: JSON.stringify({ origin, change } satisfies Envelope) });
    },
    onChange(fn) {
      listener = fn;
    },
    ready: async () => {},
    async close() {
      process.off('message', onMessage);
    },
  };
}

/**
 * On SQLite: every change is written to the change_signals table, and each process looks every `pollMs` for
 * rows it has not seen, first asking SQLite whether anyone else committed at all (`pragma data_version`, no
 * table read). A worker of `serve --workers N` also tells its siblings at once through the primary, and skips
 * their rows when it polls.
 */
function sqliteBus(db: Db, log: ChangeBusOptions['log'], pollMs: number, siblings: ChangeBus | undefined): ChangeBus {
  // Workers of one primary share the first part of their origin: what a sibling wrote was heard already.
  const family = cluster.isWorker ? `cluster-${process.ppid}` : randomBytes(6).toString('hex');
  const origin = `${family}/${randomBytes(6).toString('hex')}`;
  // Loaded only here: a process on PostgreSQL or Redis, or a bare worker, never pays for the query builder.
  const store = import('./change-signal-store.js');
  let listener: (c: Change) => void = () => {};
  siblings?.onChange((c) => listener(c));
  let lastId = 0;
  let version = -1;
  let closed = false;
  let failedAt = 0;
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const q = p.finally(() => pending.delete(q));
    pending.add(q);
  };
  const started = store
    .then((st) => st.lastChangeSignalId(db))
    .then((id) => {
      lastId = id;
    })
    .catch((err) => log.error({ err }, 'change bus: could not read change_signals'));
  let polling = false;
  const poll = async () => {
    if (polling || closed) return;
    polling = true;
    try {
      const st = await store;
      const v = await st.sqliteDataVersion(db);
      if (v === version) return;
      version = v;
      for (const row of await st.changeSignalsAfter(db, lastId)) {
        lastId = row.id;
        if (row.origin === origin || (siblings && row.origin.startsWith(`${family}/`))) continue;
        const change = parse(row.change, origin);
        if (change) listener(change);
      }
    } catch (err) {
      if (Date.now() - failedAt > 60_000) log.error({ err }, 'change bus: could not poll change_signals');
      failedAt = Date.now();
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(() => track(poll()), pollMs);
  timer.unref();
  return {
    transport: 'sqlite',
    publish(change) {
      siblings?.publish(change);
      const payload = JSON.stringify({ origin, change } satisfies Envelope);
      track(
        started
          .then(() => store)
          .then((st) => st.writeChangeSignal(db, origin, payload, new Date()))
          .catch((err) => log.error({ err }, 'change bus: could not write change_signals')),
      );
    },
    onChange(fn) {
      listener = fn;
    },
    ready: async () => {
      await started;
    },
    async close() {
      clearInterval(timer);
      await Promise.all(pending);
      closed = true;
      await siblings?.close();
    },
  };
}
