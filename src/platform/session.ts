// Staff and reader sessions kept in the database; CSRF tokens bound to the session or a visitor cookie.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type { Db } from './db.js';
import type { UsersTable } from './schema.js';

export const SESSION_COOKIE = 'chancery_session';
export const VISITOR_COOKIE = 'chancery_visitor';
const SESSION_DAYS = 14;

export type Role = UsersTable['role'];
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /** When the person last gave their password or second factor in this session ('' never). */
  reauthAt?: string;
}

/** What a person sees of one of their sessions. */
export interface SessionInfo {
  id: string;
  userAgent: string;
  ip: string;
  createdAt: string;
  lastSeenAt: string;
}

/** How long a password or code given again lets a person take the steps that ask for it. */
export const REAUTH_MS = 10 * 60_000;
/** How often the last-seen time of a session is written (not on every request). */
const SEEN_EVERY_MS = 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Starts a session for a user; returns the cookie token (only its hash is stored). Signing in counts as proof. */
export async function createSession(db: Db, userId: number, now: Date, client: { userAgent?: string; ip?: string } = {}): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf: randomBytes(16).toString('hex'),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 864e5).toISOString(),
      user_agent: (client.userAgent ?? '').slice(0, 300),
      ip: (client.ip ?? '').slice(0, 64),
      last_seen_at: now.toISOString(),
      reauth_at: now.toISOString(),
    })
    .execute();
  return token;
}

/** The user behind a session cookie, or undefined when absent, expired or disabled. */
export async function findSessionUser(db: Db, token: string | undefined, now: Date): Promise<SessionUser | undefined> {
  if (!token || token.length > 100) return undefined;
  const id = sha256(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabled',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'sessions.reauth_at',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at < now.toISOString()) return undefined;
  // The last-seen time shown in the list of sessions, written at most once a minute.
  if (!row.last_seen_at || Date.parse(row.last_seen_at) + SEEN_EVERY_MS <= now.getTime()) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId: id, reauthAt: row.reauth_at };
}

/** True when the person proved who they are in this session within REAUTH_MS. */
export function recentlyProven(user: SessionUser, now: Date): boolean {
  return Boolean(user.reauthAt) && Date.parse(user.reauthAt ?? '') + REAUTH_MS > now.getTime();
}

/** Records that the person gave their password or second factor again in this session. */
export async function markProven(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ reauth_at: now.toISOString() }).where('id', '=', sessionId).execute();
}

/** A person's sessions that have not expired, the most recently used first. */
export async function listUserSessions(db: Db, userId: number, now: Date): Promise<SessionInfo[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'ip', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userAgent: r.user_agent,
    ip: r.ip,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at || r.created_at,
  }));
}

/** Ends one of a person's own sessions; false when it is not theirs (or already gone). */
export async function deleteOwnSession(db: Db, userId: number, sessionId: string): Promise<boolean> {
  const r = await db.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Ends every session of a person but this one ("sign out everywhere else"); returns how many ended. */
export async function deleteOtherSessions(db: Db, userId: number, keepId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends a session. */
export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user (role change, disabling). */
export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** True while the session with this id exists (a change of role or access deletes a person's sessions). */
export async function sessionExists(db: Db, sessionId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('sessions').select('id').where('id', '=', sessionId).executeTakeFirst());
}

/** Computes the CSRF token for a binding (session id or visitor cookie). */
export function csrfToken(secret: string, binding: string): string {
  return createHmac('sha256', secret).update(`csrf:${binding}`).digest('base64url');
}

/** Constant-time comparison of a submitted CSRF token. */
export function csrfValid(secret: string, binding: string | undefined, submitted: unknown): boolean {
  if (!binding || typeof submitted !== 'string') return false;
  const a = Buffer.from(csrfToken(secret, binding));
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The visitor cookie value, set if missing: binds CSRF tokens on forms shown before login. */
export function ensureVisitor(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[VISITOR_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{20,64}$/.test(existing)) return existing;
  const v = randomBytes(18).toString('base64url');
  reply.setCookie(VISITOR_COOKIE, v, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  request.cookies[VISITOR_COOKIE] = v;
  return v;
}

export const DEVICE_COOKIE = 'chancery_device';

/** A cookie value that marks this browser as one where the account signed in with its password before. */
export function deviceCookieValue(secret: string, userId: number): string {
  const nonce = randomBytes(12).toString('base64url');
  const mac = createHmac('sha256', secret).update(`device:${userId}:${nonce}`).digest('base64url');
  return `${userId}.${nonce}.${mac}`;
}

/** True when the device cookie was given by this server to this account (it then skips the account's delay). */
export function deviceKnown(secret: string, cookie: string | undefined, userId: number | undefined): boolean {
  if (!cookie || userId === undefined || cookie.length > 200) return false;
  const [id, nonce, mac] = cookie.split('.');
  if (Number(id) !== userId || !nonce || !mac) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`device:${userId}:${nonce}`).digest('base64url'));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const PENDING_COOKIE = 'chancery_pending';
/** How long the step between the password and the second factor may take. */
export const PENDING_MS = 5 * 60_000;

/** The cookie that carries a right password to the second-factor form: account, expiry and a MAC. */
export function pendingSignInValue(secret: string, userId: number, now: Date): string {
  const until = now.getTime() + PENDING_MS;
  const mac = createHmac('sha256', secret).update(`pending:${userId}:${until}`).digest('base64url');
  return `${userId}.${until}.${mac}`;
}

/** The account whose password was right a moment ago in this browser, or undefined. */
export function pendingSignInUser(secret: string, cookie: string | undefined, now: Date): number | undefined {
  if (!cookie || cookie.length > 200) return undefined;
  const [id, until, mac] = cookie.split('.');
  if (!/^\d{1,10}$/.test(id ?? '') || !/^\d{1,15}$/.test(until ?? '') || !mac) return undefined;
  if (Number(until) <= now.getTime()) return undefined;
  const expected = Buffer.from(createHmac('sha256', secret).update(`pending:${id}:${until}`).digest('base64url'));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(id) : undefined;
}
