// Partner keys: their form, what a new one needs, and the limits of the service. A key is
// "chk_<prefix>_<secret>": the prefix finds the row, the whole key is only ever stored as its hash.
import { createHash, randomBytes } from 'node:crypto';
import type { T } from '../../platform/i18n/index.js';
import { SCOPES, type Scope } from './api-route.js';

export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  scopes: Scope[];
  origins: string[];
  /** Where OAuth codes may be sent, for apps that act for readers. */
  redirectUris: string[];
  /** Requests per minute. */
  rateLimit: number;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Requests per minute from one address without a key. */
export const ANONYMOUS_RATE = 60;
/** Requests per minute a new key gets unless the admin sets another. */
export const DEFAULT_KEY_RATE = 600;
export const MAX_KEY_RATE = 100_000;

const KEY_RE = /^chk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** A new key: the secret to show once, its prefix and hash to store. */
export function newKey(): { key: string; prefix: string; hash: string } {
  const prefix = randomBytes(12).toString('base64url').replace(/[-_]/g, '').padEnd(12, '0').slice(0, 12);
  const key = `chk_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: hashKey(key) };
}

/** The prefix of a well-formed key, or undefined. */
export function prefixOf(key: string): string | undefined {
  return KEY_RE.exec(key)?.[1];
}

/** An origin as browsers send it (scheme://host[:port]), or undefined when the text is not one. */
export function cleanOrigin(raw: string): string | undefined {
  try {
    const u = new URL(raw.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    if (u.pathname !== '/' || u.search || u.hash || u.username) return undefined;
    return u.origin;
  } catch {
    return undefined;
  }
}

/**
 * A redirect address an app may register (RFC 8252): https anywhere, http only on the loopback interface,
 * or an app's own scheme (com.example.app:/callback); never with a fragment.
 */
export function cleanRedirectUri(raw: string): string | undefined {
  try {
    const u = new URL(raw.trim());
    if (u.hash || raw.length > 500) return undefined;
    if (u.protocol === 'https:') return u.href;
    if (u.protocol === 'http:') return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) ? u.href : undefined;
    return /^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export interface KeyInput {
  name: string;
  scopes: Scope[];
  origins: string[];
  redirectUris: string[];
  rateLimit: number;
  expiresAt: string | null;
}

/** Validates the admin's form; returns the input or a map of field -> message. */
export function parseKeyForm(
  form: Record<string, unknown>,
  t: T,
): { ok: true; value: KeyInput } | { ok: false; errors: Record<string, string> } {
  const str = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  const errors: Record<string, string> = {};
  const name = str('name');
  if (!name) errors.name = t('api.keys.error_name_required');
  else if (name.length > 100) errors.name = t('api.keys.error_name_long', { max: 100 });
  const raw = form.scopes;
  const scopes = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  if (!scopes.length) errors.scopes = t('api.keys.error_scopes_none');
  else if (scopes.some((s) => !(SCOPES as readonly string[]).includes(s))) errors.scopes = t('api.keys.error_scopes_unknown');
  const origins: string[] = [];
  for (const line of str('origins')
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const o = cleanOrigin(line);
    if (!o) errors.origins = t('api.keys.error_origin', { value: line.slice(0, 80) });
    else origins.push(o);
  }
  if (origins.length > 20) errors.origins = t('api.keys.error_origins_many', { max: 20 });
  const redirectUris: string[] = [];
  for (const line of str('redirect_uris').split(/\s+/).filter(Boolean)) {
    const u = cleanRedirectUri(line);
    if (!u) errors.redirect_uris = t('api.keys.error_redirect', { value: line.slice(0, 80) });
    else redirectUris.push(u);
  }
  if (redirectUris.length > 10) errors.redirect_uris = t('api.keys.error_redirects_many', { max: 10 });
  const rateRaw = str('rate_limit');
  const rateLimit = rateRaw ? Number(rateRaw) : DEFAULT_KEY_RATE;
  if (!Number.isInteger(rateLimit) || rateLimit < 1 || rateLimit > MAX_KEY_RATE)
    errors.rate_limit = t('api.keys.error_rate', { max: MAX_KEY_RATE });
  const expires = str('expires_on');
  let expiresAt: string | null = null;
  if (expires) {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(expires) ? new Date(`${expires}T00:00:00Z`) : new Date(Number.NaN);
    if (Number.isNaN(d.getTime())) errors.expires_on = t('api.keys.error_expires');
    else expiresAt = d.toISOString();
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      scopes: [...new Set(scopes)] as Scope[],
      origins: [...new Set(origins)],
      redirectUris: [...new Set(redirectUris)],
      rateLimit,
      expiresAt,
    },
  };
}
