// Passkeys (WebAuthn) for staff, through @simplewebauthn/server: the options a browser needs to create or use
// a credential, and the checks of its answer. The relying party is the site of BASE_URL; each challenge is
// kept in the database under a random handle in a cookie and taken once.
import { randomBytes } from 'node:crypto';
import type { AuthenticatorTransportFuture, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { Db } from './db.js';
import { addPasskey, passkeysOf, passkeyUsed, saveChallenge, takeChallenge } from './second-factor-store.js';

export const PASSKEY_COOKIE = 'chancery_webauthn';

// Loaded at the first passkey, not at start: the library and its certificate parsers took about 20 ms of every
// start, which staff signing in with a passkey now pay once.
const webauthn = () => import('@simplewebauthn/server');

const CHALLENGE_MS = 5 * 60_000;

/** The relying party of a newsroom: its host name and origin, from BASE_URL. */
export function relyingParty(baseUrl: string): { id: string; origin: string } {
  const u = new URL(baseUrl);
  return { id: u.hostname, origin: u.origin };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Options for creating a passkey, with the handle of the challenge for the cookie. */
export async function passkeyCreationOptions(
  db: Db,
  baseUrl: string,
  user: { id: number; email: string; name: string },
  now: Date,
): Promise<{ options: unknown; handle: string }> {
  const rp = relyingParty(baseUrl);
  const existing = await passkeysOf(db, user.id);
  const options = await (await webauthn()).generateRegistrationOptions({
    rpName: 'Chancery',
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(`chancery-user-${user.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((k) => ({ id: k.id, transports: k.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  const handle = randomBytes(24).toString('base64url');
  await saveChallenge(db, {
    handle,
    userId: user.id,
    purpose: 'register',
    challenge: options.challenge,
    expiresAt: new Date(now.getTime() + CHALLENGE_MS),
    now,
  });
  return { options, handle };
}

/** Checks the browser's new credential and stores it; returns recovery codes when it is the first factor. */
export async function finishPasskeyCreation(
  db: Db,
  baseUrl: string,
  userId: number,
  handle: string | undefined,
  response: unknown,
  name: string,
  now: Date,
): Promise<{ ok: false } | { ok: true; codes?: string[] }> {
  const challenge = await takeChallenge(db, handle, userId, 'register', now);
  if (!challenge || !response || typeof response !== 'object') return { ok: false };
  const rp = relyingParty(baseUrl);
  try {
    const result = await (await webauthn()).verifyRegistrationResponse({
      response: response as Parameters<typeof verifyRegistrationResponse>[0]['response'],
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!result.verified) return { ok: false };
    const c = result.registrationInfo.credential;
    const codes = await addPasskey(
      db,
      userId,
      { id: c.id, publicKey: b64(c.publicKey), counter: c.counter, transports: c.transports ?? [], name: name.slice(0, 80) || 'Passkey' },
      now,
    );
    return { ok: true, codes };
  } catch {
    // A malformed or foreign answer, or a credential already stored.
    return { ok: false };
  }
}

/** Options for signing in with one of the person's passkeys; undefined when they have none. */
export async function passkeySignInOptions(
  db: Db,
  baseUrl: string,
  userId: number,
  now: Date,
): Promise<{ options: unknown; handle: string } | undefined> {
  const keys = await passkeysOf(db, userId);
  if (!keys.length) return undefined;
  const options = await (await webauthn()).generateAuthenticationOptions({
    rpID: relyingParty(baseUrl).id,
    allowCredentials: keys.map((k) => ({ id: k.id, transports: k.transports as AuthenticatorTransportFuture[] })),
    userVerification: 'preferred',
  });
  const handle = randomBytes(24).toString('base64url');
  await saveChallenge(db, {
    handle,
    userId,
    purpose: 'sign-in',
    challenge: options.challenge,
    expiresAt: new Date(now.getTime() + CHALLENGE_MS),
    now,
  });
  return { options, handle };
}

/** True when the browser's answer is signed by one of the person's passkeys over the challenge given. */
export async function finishPasskeySignIn(
  db: Db,
  baseUrl: string,
  userId: number,
  handle: string | undefined,
  response: unknown,
  now: Date,
): Promise<boolean> {
  const challenge = await takeChallenge(db, handle, userId, 'sign-in', now);
  if (!challenge || !response || typeof response !== 'object') return false;
  const id = (response as { id?: unknown }).id;
  const key = (await passkeysOf(db, userId)).find((k) => k.id === id);
  if (!key) return false;
  const rp = relyingParty(baseUrl);
  try {
    const result = await (await webauthn()).verifyAuthenticationResponse({
      response: response as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: key.id,
        publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
        counter: key.counter,
        transports: key.transports as AuthenticatorTransportFuture[],
      },
      requireUserVerification: false,
    });
    if (!result.verified) return false;
    await passkeyUsed(db, userId, key.id, result.authenticationInfo.newCounter, now);
    return true;
  } catch {
    return false;
  }
}
