// Reader accounts and their single-use mail tokens, on the users and user_tokens tables.
import { createHash, randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { UsersTable } from '../../platform/schema.js';
import type { Reader } from './reader.js';

export type TokenPurpose = 'confirm' | 'reset';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const COLUMNS = ['id', 'email', 'name', 'role', 'created_at', 'email_confirmed_at', 'notify_replies', 'deleted_at', 'disabled'] as const;

function rowToReader(r: Pick<Selectable<UsersTable>, (typeof COLUMNS)[number]>): Reader {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    createdAt: r.created_at,
    emailConfirmedAt: r.email_confirmed_at ?? null,
    notifyReplies: Number(r.notify_replies) === 1,
    deletedAt: r.deleted_at ?? null,
    disabled: Number(r.disabled) === 1,
  };
}

/** One account (reader or staff) by id, deleted ones included; undefined when absent. */
export async function findReaderById(db: Db, id: number): Promise<Reader | undefined> {
  const r = await db.selectFrom('users').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return r && rowToReader(r);
}

/** Several accounts by id in one query (for threads and notifications). */
export async function listReadersByIds(db: Db, ids: number[]): Promise<Map<number, Reader>> {
  const out = new Map<number, Reader>();
  const unique = [...new Set(ids)];
  if (!unique.length) return out;
  const rows = await db.selectFrom('users').select(COLUMNS).where('id', 'in', unique).execute();
  for (const r of rows) out.set(r.id, rowToReader(r));
  return out;
}

/** An account by (already cleaned) email, with its password hash; undefined when absent. */
export async function findAccountByEmail(db: Db, email: string): Promise<(Reader & { passwordHash: string }) | undefined> {
  const r = await db
    .selectFrom('users')
    .select([...COLUMNS, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  return r && { ...rowToReader(r), passwordHash: r.password_hash };
}

/** The stored password hash of an account ('' when none). */
export async function findPasswordHash(db: Db, id: number): Promise<string> {
  const r = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return r?.password_hash ?? '';
}

/** Inserts a reader account, unconfirmed; returns its id. */
export async function insertReader(db: Db, r: { email: string; name: string; passwordHash: string }, now: Date): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: r.email,
      name: r.name,
      role: 'reader',
      password_hash: r.passwordHash,
      created_at: now.toISOString(),
      email_confirmed_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks the account's email confirmed (keeps the first confirmation time). */
export async function confirmEmail(db: Db, id: number, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_confirmed_at: now.toISOString() })
    .where('id', '=', id)
    .where('email_confirmed_at', 'is', null)
    .execute();
}

/** Changes the display name. */
export async function updateReaderName(db: Db, id: number, name: string): Promise<void> {
  await db.updateTable('users').set({ name }).where('id', '=', id).where('deleted_at', 'is', null).execute();
}

/** Turns reply notifications on or off. */
export async function updateNotifyReplies(db: Db, id: number, on: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ notify_replies: on ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** Replaces the password hash. */
export async function updatePasswordHash(db: Db, id: number, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).where('deleted_at', 'is', null).execute();
}

/** Anonymises an account in place: the row (and its comments' user_id) stays, personal data goes. */
export async function anonymiseAccount(db: Db, id: number, fields: { name: string; email: string }, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      deleted_at: now.toISOString(),
      name: fields.name,
      email: fields.email,
      password_hash: '',
      notify_replies: 0,
    })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('user_tokens').where('user_id', '=', id).execute();
  await db.deleteFrom('sessions').where('user_id', '=', id).execute();
}

/** Issues a single-use token for a link; only its hash is stored. Returns the token. */
export async function issueToken(db: Db, userId: number, purpose: TokenPurpose, now: Date, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('user_tokens')
    .values({
      id: sha256(token),
      user_id: userId,
      purpose,
      expires_at: new Date(now.getTime() + ttlMs).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** The account a live, unused token belongs to, without using it up; undefined otherwise. */
export async function peekToken(db: Db, token: string, purpose: TokenPurpose, now: Date): Promise<number | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const r = await db
    .selectFrom('user_tokens')
    .select('user_id')
    .where('id', '=', sha256(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return r?.user_id;
}

/** Uses a token up atomically: returns its account once, undefined when unknown, used or expired. */
export async function consumeToken(db: Db, token: string, purpose: TokenPurpose, now: Date): Promise<number | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const r = await db
    .updateTable('user_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', sha256(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning('user_id')
    .executeTakeFirst();
  return r?.user_id;
}

/** Ends the other open links of a purpose (a used reset link makes older ones useless). */
export async function expireTokens(db: Db, userId: number, purpose: TokenPurpose, now: Date): Promise<void> {
  await db
    .updateTable('user_tokens')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
