// Bot guard for public forms: a honeypot field people never see and a signed timestamp that
// rejects forms sent faster than a person can fill them in. Pure; no state kept on the server.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { h, type VNode } from 'preact';

/** The honeypot's name: a field bots love to fill. Hidden with CSS (.form-guard), not type=hidden. */
export const HONEYPOT_FIELD = 'website';
/** The signed time the form was rendered. */
export const STAMP_FIELD = '_ts';
/** Older forms are refused as expired: a day is long enough for a person. */
export const MAX_FORM_AGE_MS = 24 * 3600_000;

export type GuardReason = 'honeypot' | 'missing' | 'tampered' | 'too_fast' | 'expired';

const sign = (secret: string, ms: number) => createHmac('sha256', secret).update(`form-guard:${ms}`).digest('base64url').slice(0, 32);

/** The stamp value for a form rendered at `now`: "<ms>.<signature>". */
export function guardStamp(now: Date, secret: string): string {
  const ms = now.getTime();
  return `${ms}.${sign(secret, ms)}`;
}

/** The hidden fields to put inside a public form rendered at `now`; pass t('form.guard.honeypot') as label. */
export function guardFields(now: Date, secret: string, label = 'Leave this field empty'): VNode {
  return h(
    'div',
    { class: 'form-guard', 'aria-hidden': 'true' },
    h('label', { for: `fg-${HONEYPOT_FIELD}` }, label),
    h('input', { id: `fg-${HONEYPOT_FIELD}`, type: 'text', name: HONEYPOT_FIELD, value: '', tabIndex: -1, autocomplete: 'off' }),
    h('input', { type: 'hidden', name: STAMP_FIELD, value: guardStamp(now, secret) }),
  );
}

/** Why a submitted form looks automated, or undefined when it passes. */
export function checkGuard(form: Record<string, unknown>, now: Date, secret: string, minMs = 3000): GuardReason | undefined {
  const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
  const honey = form[HONEYPOT_FIELD];
  if (honey !== undefined && str(honey) !== '') return 'honeypot';
  const stamp = str(form[STAMP_FIELD]);
  if (!stamp) return 'missing';
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{32})$/.exec(stamp);
  if (!m) return 'tampered';
  const ms = Number(m[1]);
  const expected = Buffer.from(sign(secret, ms));
  const given = Buffer.from(m[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'tampered';
  const age = now.getTime() - ms;
  if (age < minMs) return 'too_fast';
  if (age > MAX_FORM_AGE_MS) return 'expired';
  return undefined;
}
