// Users table: staff accounts (and readers) as User objects; password hashes never leave this module's rows.
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { UsersTable } from '../../platform/schema.js';

export type UserRole = UsersTable['role'];
/** Roles a person can be given from the CLI or the admin, in order of power. */
export const STAFF_ROLES: UserRole[] = ['admin', 'editor', 'author', 'moderator'];
export const USER_ROLES: UserRole[] = [...STAFF_ROLES, 'reader'];

export interface User {
  id: number;
  email: string;
  name: string;
  role: UserRole;
  createdAt: string;
  disabled: boolean;
}

/** A user together with the stored password hash, for sign-in only. */
export interface UserWithHash extends User {
  passwordHash: string;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Lowercased, trimmed email: the form stored and looked up. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True when the string looks like an email address (one @, a dot in the domain, no spaces). */
export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL_RE.test(email.trim());
}

/** True when the string is one of the known roles. */
export function isUserRole(role: string): role is UserRole {
  return (USER_ROLES as string[]).includes(role);
}

/** Maps a row to a User (SQLite's 0/1 to a boolean). */
export function rowToUser(r: Selectable<UsersTable>): User {
  return { id: r.id, email: r.email, name: r.name, role: r.role, createdAt: r.created_at, disabled: Boolean(Number(r.disabled)) };
}

/** The user with this email (case-insensitive), or undefined. */
export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return r && rowToUser(r);
}

/** The user with this email and their password hash, or undefined: for sign-in. */
export async function findUserWithHashByEmail(db: Db, email: string): Promise<UserWithHash | undefined> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return r && { ...rowToUser(r), passwordHash: r.password_hash };
}

/** The user with this id, or undefined. */
export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r && rowToUser(r);
}

/** Every user, staff first by role then by name; readers are left out unless asked for. */
export async function listUsers(db: Db, opts: { includeReaders?: boolean } = {}): Promise<User[]> {
  let q = db.selectFrom('users').selectAll();
  if (!opts.includeReaders) q = q.where('role', '!=', 'reader');
  const rows = (await q.orderBy('name').orderBy('id').execute()).map(rowToUser);
  const rank = (r: UserRole) => USER_ROLES.indexOf(r);
  return rows.sort((a, b) => rank(a.role) - rank(b.role));
}

/** How many users there are (all roles). */
export async function countUsers(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface UserInput {
  email: string;
  name: string;
  role: UserRole;
  passwordHash: string;
}

/** Inserts a user (email normalised); returns its id. The caller checks for a duplicate email first. */
export async function insertUser(db: Db, u: UserInput, now: Date): Promise<number> {
  const r = await db
    .insertInto('users')
    .values({
      email: normalizeEmail(u.email),
      name: u.name.trim(),
      role: u.role,
      password_hash: u.passwordHash,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Changes a user's role. */
export async function updateUserRole(db: Db, id: number, role: UserRole): Promise<void> {
  await db.updateTable('users').set({ role }).where('id', '=', id).execute();
}

/** Changes a user's display name. */
export async function updateUserName(db: Db, id: number, name: string): Promise<void> {
  await db.updateTable('users').set({ name: name.trim() }).where('id', '=', id).execute();
}

/** Replaces a user's password hash. */
export async function updateUserPassword(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

/** Disables or re-enables an account; a disabled user cannot sign in. */
export async function setUserDisabled(db: Db, id: number, disabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

/** How many enabled admins there are (the last one may not be demoted or disabled). */
export async function countActiveAdmins(db: Db): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Deletes a user; their sessions go with them, their articles stay. */
export async function deleteUser(db: Db, id: number): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}
