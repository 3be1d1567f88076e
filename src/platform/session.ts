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
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Starts a session for a user; returns the cookie token (only its hash is stored). */
export async function createSession(db: Db, userId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf: randomBytes(16).toString('hex'),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 864e5).toISOString(),
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
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.disabled', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at < now.toISOString()) return undefined;
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId: id };
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
