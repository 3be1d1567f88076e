// Partner webhooks, the pure rules: secrets, signatures as the Standard Webhooks specification describes
// them, the back-off between attempts, and the admin's form.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EVENT_TYPES, type EventType } from '../../platform/event-outbox.js';
import type { T } from '../../platform/i18n/index.js';

/** Attempts of one delivery before it is given up. */
export const MAX_ATTEMPTS = 6;
/** Failed attempts in a row (over all its deliveries) after which an endpoint is paused. */
export const PAUSE_AFTER = 10;
/** How long a receiver has to answer. */
export const TIMEOUT_MS = 10_000;
/** How much of an answer the delivery log keeps. */
export const EXCERPT_CHARS = 500;

/** The wait before attempt n+1 after n failed ones: 30 s, 2 min, 8 min, 32 min, about 2 h. */
export function backoffMs(failedAttempts: number): number {
  return 30_000 * 4 ** Math.max(0, Math.min(8, failedAttempts - 1));
}

/** A new signing secret: whsec_ and 32 random bytes in base64. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The message id of one event's delivery to one endpoint: the same however often the fan-out runs. */
export const deliveryId = (eventKey: string, endpointId: number) =>
  `msg_${createHash('sha256').update(`${eventKey}:${endpointId}`).digest('base64url').slice(0, 27)}`;

/** The signature header's value: HMAC-SHA256 over "id.timestamp.body" with the secret's bytes. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The headers of one attempt. */
export function signedHeaders(secret: string, id: string, timestamp: number, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Chancery-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(secret, id, timestamp, body),
  };
}

/** True when one of the header's signatures is right and the timestamp within `toleranceS` of now (what a receiver checks). */
export function verify(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now = Date.now(),
  toleranceS = 300,
): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const ts = Number(headers['webhook-timestamp']);
  if (!id || !Number.isInteger(ts) || Math.abs(now / 1000 - ts) > toleranceS) return false;
  const want = Buffer.from(sign(secret, id, ts, body));
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .some((s) => {
      const got = Buffer.from(s);
      return got.length === want.length && timingSafeEqual(got, want);
    });
}

export interface EndpointInput {
  url: string;
  description: string;
  events: EventType[];
  ownerEmail: string;
}

/** Validates the admin's form (the address's network is checked apart, by the outbound guard). */
export function parseEndpointForm(
  form: Record<string, unknown>,
  t: T,
): { ok: true; value: EndpointInput } | { ok: false; errors: Record<string, string> } {
  const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  const errors: Record<string, string> = {};
  const url = str('url');
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password || url.length > 500)
    errors.url = t('api.hooks.error_url');
  const description = str('description');
  if (description.length > 200) errors.description = t('api.keys.error_name_long', { max: 200 });
  const raw = form.events;
  const events = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  if (!events.length) errors.events = t('api.hooks.error_events_none');
  else if (events.some((e) => !(EVENT_TYPES as readonly string[]).includes(e))) errors.events = t('api.hooks.error_events_unknown');
  const ownerEmail = str('owner_email');
  if (ownerEmail && (ownerEmail.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(ownerEmail)))
    errors.owner_email = t('api.hooks.error_email');
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { url: parsed!.href, description, events: [...new Set(events)] as EventType[], ownerEmail } };
}
