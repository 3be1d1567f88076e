// Limits on attempts (sign-ins, sign-ups, resets), kept in the database so that every instance counts the
// same attempts. Two shapes: a fixed window ("five sign-ups an hour from one address") and a delay that
// doubles with each failure past a free allowance ("wrong passwords"), which slows a guesser to a crawl
// without ever refusing the right password for good.
import { isIPv4, isIPv6 } from 'node:net';
import { sql } from 'kysely';
import type { Db } from './db.js';
import type { T } from './i18n/index.js';

/** A delay policy: after `free` failures the next try waits `baseMs`, and each further failure doubles it, up to `maxMs`. */
export interface DelayPolicy {
  free: number;
  baseMs: number;
  maxMs: number;
}

/** Failures older than this are forgotten. */
const FORGET_MS = 24 * 3600_000;

export interface AttemptLimits {
  /** Counts an attempt in the key's window; false when it is over `max` in this window. */
  hit(key: string, max: number, windowMs: number): Promise<boolean>;
  /** Counts an attempt in the key's window: the attempts in it so far (this one included) and when it started. */
  count(key: string, windowMs: number): Promise<{ hits: number; windowStart: Date }>;
  /** Milliseconds to wait before the key may try again (0: now). */
  waitMs(key: string): Promise<number>;
  /** Records a failure and sets the key's next allowed time by the policy. */
  fail(key: string, policy: DelayPolicy): Promise<void>;
  /** Forgets a key (a success, or a proof such as a reset link). */
  clear(key: string): Promise<void>;
}

/** The wait after the n-th failure under a policy. */
export function delayAfter(failures: number, policy: DelayPolicy): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(30, failures - policy.free));
}

/**
 * The part of a client address an attacker cannot cheaply vary: an IPv4 address as it is, an IPv6 one by its
 * /64 network (one subscriber usually holds a whole /64), an IPv4-mapped IPv6 address as IPv4.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (isIPv6(ip)) {
    const [head, tail = ''] = ip.toLowerCase().split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const full = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
    return `${full
      .slice(0, 4)
      .map((h) => h.replace(/^0+(?=.)/, ''))
      .join(':')}::/64`;
  }
  return ip.slice(0, 100);
}

/** Builds the limits over a database; `clock` is the app's. */
export function createAttemptLimits(db: Db, clock: () => Date): AttemptLimits {
  let writes = 0;
  /** Now and then, rows nobody touched for a day go. */
  const prune = async (now: Date) => {
    if (++writes % 200 !== 0) return;
    await db
      .deleteFrom('attempt_limits')
      .where('updated_at', '<', new Date(now.getTime() - FORGET_MS).toISOString())
      .execute();
  };
  const limits: AttemptLimits = {
    async hit(key, max, windowMs) {
      return (await limits.count(key, windowMs)).hits <= max;
    },

    async count(key, windowMs) {
      const now = clock();
      const iso = now.toISOString();
      const cutoff = new Date(now.getTime() - windowMs).toISOString();
      // One statement, atomic on both databases: a new window starts when the old one is over.
      const row = await db
        .insertInto('attempt_limits')
        .values({ key, hits: 1, window_start: iso, failures: 0, next_at: '', updated_at: iso })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql`case when attempt_limits.window_start <= ${cutoff} then 1 else attempt_limits.hits + 1 end`,
            window_start: sql`case when attempt_limits.window_start <= ${cutoff} then ${iso} else attempt_limits.window_start end`,
            updated_at: iso,
          }),
        )
        .returning(['hits', 'window_start'])
        .executeTakeFirstOrThrow();
      await prune(now);
      return { hits: Number(row.hits), windowStart: new Date(row.window_start) };
    },

    async waitMs(key) {
      const row = await db.selectFrom('attempt_limits').select(['next_at', 'updated_at']).where('key', '=', key).executeTakeFirst();
      if (!row?.next_at) return 0;
      return Math.max(0, Date.parse(row.next_at) - clock().getTime());
    },

    async fail(key, policy) {
      const now = clock();
      const iso = now.toISOString();
      const forget = new Date(now.getTime() - FORGET_MS).toISOString();
      const row = await db
        .insertInto('attempt_limits')
        .values({ key, hits: 0, window_start: iso, failures: 1, next_at: '', updated_at: iso })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql`case when attempt_limits.updated_at < ${forget} then 1 else attempt_limits.failures + 1 end`,
            updated_at: iso,
          }),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      const wait = delayAfter(Number(row.failures), policy);
      await db
        .updateTable('attempt_limits')
        .set({ next_at: wait ? new Date(now.getTime() + wait).toISOString() : '' })
        .where('key', '=', key)
        .execute();
      await prune(now);
    },

    async clear(key) {
      await db.deleteFrom('attempt_limits').where('key', '=', key).execute();
    },
  };
  return limits;
}

/** How sign-in failures are slowed: per account and per address (see docs/security.md). */
export const LOGIN_ACCOUNT_POLICY: DelayPolicy = { free: 5, baseMs: 2_000, maxMs: 15 * 60_000 };
export const LOGIN_ADDRESS_POLICY: DelayPolicy = { free: 10, baseMs: 1_000, maxMs: 15 * 60_000 };

/** Who is trying to sign in: the address, the account asked for (when it exists) and whether this browser is one it used. */
export interface SignInAttempt {
  ip: string;
  email: string;
  /** A device cookie of this account: the owner's browser, exempt from the account's delay. */
  knownDevice: boolean;
}

const accountKey = (email: string) => `login:account:${email.toLowerCase()}`;
const ipKey = (ip: string) => `login:address:${addressKey(ip)}`;

/** Milliseconds before this attempt may be checked; both sign-in forms share the counts. */
export async function signInWait(limits: AttemptLimits, a: SignInAttempt): Promise<number> {
  const [byIp, byAccount] = await Promise.all([
    limits.waitMs(ipKey(a.ip)),
    a.knownDevice || !a.email ? 0 : limits.waitMs(accountKey(a.email)),
  ]);
  return Math.max(byIp, byAccount);
}

/** Counts a wrong password against the address and (unless from the owner's browser) the account. */
export async function signInFailed(limits: AttemptLimits, a: SignInAttempt): Promise<void> {
  await limits.fail(ipKey(a.ip), LOGIN_ADDRESS_POLICY);
  if (a.email && !a.knownDevice) await limits.fail(accountKey(a.email), LOGIN_ACCOUNT_POLICY);
}

/** The right password, or a proof of the mailbox (a reset link): the account's delay is lifted. */
export async function signInProven(limits: AttemptLimits, email: string): Promise<void> {
  await limits.clear(accountKey(email));
}

/** A wait as people say it, in the reader's language: "12 seconds", "3 минуты". */
export function waitText(ms: number, t: T): string {
  const s = Math.ceil(ms / 1000);
  return s < 90 ? t('wait.seconds', { count: s }) : t('wait.minutes', { count: Math.ceil(s / 60) });
}
