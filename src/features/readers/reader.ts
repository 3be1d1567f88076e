// Reader accounts: the domain type, input rules and who may comment.
import type { Role } from '../../platform/session.js';

export interface Reader {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  emailConfirmedAt: string | null;
  notifyReplies: boolean;
  deletedAt: string | null;
  disabled: boolean;
}

export const NAME_MIN = 2;
export const NAME_MAX = 60;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
/** Confirmation links live 48 hours, reset links one hour. */
export const CONFIRM_TTL_MS = 48 * 3600_000;
export const RESET_TTL_MS = 3600_000;

/** True when the account may post comments: confirmed (or staff), not deleted, not disabled. */
export function readerCanComment(user: Pick<Reader, 'role' | 'emailConfirmedAt' | 'deletedAt' | 'disabled'>): boolean {
  if (user.deletedAt || user.disabled) return false;
  return user.role !== 'reader' || user.emailConfirmedAt !== null;
}

/** A display name as stored: trimmed, inner whitespace collapsed, control characters removed. */
export function cleanName(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An email as stored: trimmed and lower-cased. */
export function cleanEmail(raw: string): string {
  return raw.trim().toLowerCase().slice(0, 320);
}

/** A plausible address: one @, a dot in the domain, no spaces or angle brackets. */
export function emailValid(email: string): boolean {
  return email.length <= 254 && /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/.test(email);
}

/** i18n key of the problem with a display name, or undefined. */
export function nameProblem(name: string): string | undefined {
  const n = [...name].length;
  if (n < NAME_MIN) return 'account.error.name_short';
  if (n > NAME_MAX) return 'account.error.name_long';
  if (!/\p{L}|\p{N}/u.test(name)) return 'account.error.name_short';
  return undefined;
}

/** i18n key of the problem with a new password, or undefined. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return 'account.error.password_short';
  if (password.length > PASSWORD_MAX) return 'account.error.password_long';
  return undefined;
}

/** The address a deleted account's email is replaced with: unique, undeliverable. */
export function deletedEmail(id: number): string {
  return `deleted-${id}@invalid`;
}
