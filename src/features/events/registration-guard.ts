// Spam guard of the public registration form: a honeypot field and a signed time the form was shown (too fast is a robot).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const HONEYPOT_FIELD = 'website';
export const GUARD_FIELD = '_shown';
/** A person needs at least this long to fill the form. */
export const MIN_FILL_MS = 3000;
const MAX_AGE_MS = 24 * 3_600_000;

const sign = (secret: string, ms: number) => createHmac('sha256', secret).update(`registration-form:${ms}`).digest('base64url').slice(0, 22);

/** The hidden value recording when the form was shown. */
export function guardToken(secret: string, shownAt: Date): string {
  const ms = shownAt.getTime();
  return `${ms}.${sign(secret, ms)}`;
}

export type GuardResult = 'ok' | 'bot' | 'too_fast' | 'stale';

/** Checks the honeypot and the shown-at time of a submitted form. */
export function checkGuard(secret: string, form: Record<string, unknown>, now: Date): GuardResult {
  const trap = form[HONEYPOT_FIELD];
  if (typeof trap === 'string' ? trap.trim() !== '' : trap !== undefined) return 'bot';
  const raw = typeof form[GUARD_FIELD] === 'string' ? (form[GUARD_FIELD] as string) : '';
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(raw);
  if (!m) return 'stale';
  const a = Buffer.from(sign(secret, Number(m[1])));
  const b = Buffer.from(m[2]);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return 'stale';
  const age = now.getTime() - Number(m[1]);
  if (age < MIN_FILL_MS) return 'too_fast';
  if (age > MAX_AGE_MS) return 'stale';
  return 'ok';
}
