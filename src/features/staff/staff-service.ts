// Staff account changes from the admin: each one audited, and role or access changes end the person's sessions.
import { inTransaction, isUniqueViolation, type Db } from '../../platform/db.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import { deleteUserSessions } from '../../platform/session.js';
import { insertAudit } from '../audit/audit-store.js';
import {
  countActiveAdmins,
  findUserByEmail,
  findUserById,
  insertUser,
  isValidEmail,
  normalizeEmail,
  setUserDisabled,
  STAFF_ROLES,
  updateUserPassword,
  updateUserRole,
  type User,
  type UserRole,
} from './user-store.js';

export const MIN_PASSWORD = 10;
const MAX_PASSWORD = 1000;

/** Checks a new password's length; returns an error message or undefined. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD) return 'admin.staff.error.password_short';
  if (password.length > MAX_PASSWORD) return 'admin.staff.error.password_long';
  return undefined;
}

async function mustFind(db: Db, id: number): Promise<User> {
  const u = await findUserById(db, id);
  if (!u) throw new AppError('not_found', 'admin.error.staff_not_found');
  return u;
}

/** True when this change would leave the site without an enabled admin. */
async function wouldRemoveLastAdmin(db: Db, target: User): Promise<boolean> {
  return target.role === 'admin' && !target.disabled && (await countActiveAdmins(db)) <= 1;
}

/** Creates a staff account; throws ValidationError with field messages (catalogue keys). Returns the new id. */
export async function addStaff(
  db: Db,
  actorId: number,
  input: { email: string; name: string; role: string; password: string },
  now: Date,
): Promise<number> {
  const errors: Record<string, string> = {};
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  if (!isValidEmail(email)) errors.email = 'admin.staff.error.email';
  else if (await findUserByEmail(db, email)) errors.email = 'admin.staff.error.email_taken';
  if (!name) errors.name = 'admin.staff.error.name';
  else if (name.length > 200) errors.name = 'admin.staff.error.name_long';
  if (!(STAFF_ROLES as string[]).includes(input.role)) errors.role = 'admin.staff.error.role';
  const pw = passwordProblem(input.password);
  if (pw) errors.password = pw;
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const passwordHash = await hashPassword(input.password);
  // The check above and the insert race with another request for the same address: the unique index decides.
  const id = await inTransaction(db, async (tx) => {
    const id = await insertUser(tx, { email, name, role: input.role as UserRole, passwordHash }, now);
    await insertAudit(tx, {
      at: now,
      userId: actorId,
      action: 'user.create',
      subjectType: 'user',
      subjectId: id,
      detail: `${email} as ${input.role}`,
    });
    return id;
  }).catch((err) => {
    if (isUniqueViolation(err)) throw new ValidationError({ email: 'admin.staff.error.email_taken' });
    throw err;
  });
  return id;
}

/** Changes a staff member's role, ends their sessions and audits "old -> new"; the last admin stays admin. */
export async function changeRole(db: Db, actorId: number, userId: number, role: string, now: Date): Promise<void> {
  if (!(STAFF_ROLES as string[]).includes(role)) throw new ValidationError({ role: 'admin.staff.error.role' });
  await inTransaction(db, async (tx) => {
    const user = await mustFind(tx, userId);
    if (user.role === role) return;
    if (await wouldRemoveLastAdmin(tx, user)) throw new ValidationError({ role: 'admin.staff.error.last_admin' });
    await updateUserRole(tx, userId, role as UserRole);
    await deleteUserSessions(tx, userId);
    await insertAudit(tx, {
      at: now,
      userId: actorId,
      action: 'user.role',
      subjectType: 'user',
      subjectId: userId,
      detail: `${user.email}: ${user.role} -> ${role}`,
    });
  });
}

/** Disables (ending their sessions) or re-enables an account; the last admin cannot be disabled. */
export async function setStaffDisabled(db: Db, actorId: number, userId: number, disabled: boolean, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    const user = await mustFind(tx, userId);
    if (user.disabled === disabled) return;
    if (disabled && (await wouldRemoveLastAdmin(tx, user))) throw new ValidationError({ disabled: 'admin.staff.error.last_admin' });
    await setUserDisabled(tx, userId, disabled);
    if (disabled) await deleteUserSessions(tx, userId);
    await insertAudit(tx, {
      at: now,
      userId: actorId,
      action: disabled ? 'user.disable' : 'user.enable',
      subjectType: 'user',
      subjectId: userId,
      detail: user.email,
    });
  });
}

/** Sets a new password; other people's sessions end so the old password stops working everywhere. */
export async function resetStaffPassword(db: Db, actorId: number, userId: number, password: string, now: Date): Promise<void> {
  const pw = passwordProblem(password);
  if (pw) throw new ValidationError({ password: pw });
  const hash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    const user = await mustFind(tx, userId);
    await updateUserPassword(tx, userId, hash);
    // An admin changing their own password keeps the session they are using.
    if (userId !== actorId) await deleteUserSessions(tx, userId);
    await insertAudit(tx, {
      at: now,
      userId: actorId,
      action: 'user.password',
      subjectType: 'user',
      subjectId: userId,
      detail: user.email,
    });
  });
}
