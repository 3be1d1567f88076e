// OAuth 2.0 for public clients (RFC 6749 with PKCE, RFC 7636): the pure rules. Apps are partner keys with
// redirect addresses; the client_id is the key's public prefix.
import { createHash, randomBytes } from 'node:crypto';
import type { Scope } from './api-route.js';

/** What an app may do for a reader. */
export const READER_SCOPES: Scope[] = ['comments:write', 'registrations:write'];
export const CODE_TTL_MS = 10 * 60_000;
export const ACCESS_TTL_S = 3600;
export const REFRESH_TTL_MS = 30 * 864e5;

export const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** The S256 challenge of a verifier. */
export const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** True for a verifier of 43 to 128 unreserved characters. */
export const verifierValid = (v: string) => /^[A-Za-z0-9._~-]{43,128}$/.test(v);
/** True for an S256 challenge (43 base64url characters). */
export const challengeValid = (c: string) => /^[A-Za-z0-9_-]{43}$/.test(c);

/** A new secret with its kind's prefix: cho_ codes, cht_ access tokens, chr_ refresh tokens. */
export const newSecret = (prefix: 'cho' | 'cht' | 'chr') => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** The scopes asked for, when every one is a reader scope the app's key holds; undefined otherwise. */
export function grantedScopes(requested: string, keyScopes: readonly Scope[]): Scope[] | undefined {
  const asked = requested.split(' ').filter(Boolean);
  const wanted = asked.length ? asked : READER_SCOPES.filter((s) => keyScopes.includes(s));
  if (!wanted.length) return undefined;
  if (wanted.some((s) => !(READER_SCOPES as string[]).includes(s) || !keyScopes.includes(s as Scope))) return undefined;
  return [...new Set(wanted)] as Scope[];
}

/** The redirect address with the answer's parameters added. */
export function redirectWith(uri: string, params: Record<string, string | undefined>): string {
  const u = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return u.href;
}
