// Staff second factors: a TOTP secret from an authenticator app (RFC 6238, 30-second steps, six digits) and
// ten one-time recovery codes, of which only hashes are kept. A code is accepted once: the last accepted
// time step is stored and only a later one passes, and a recovery code is marked used in the same update
// that accepts it, so two instances given the same code at once accept it once.
import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { inTransaction, type Db } from './db.js';

const PERIOD = 30;
const DIGITS = 6;
const RECOVERY_CODES = 10;
const SETTING_ADMINS = 'security.admin_second_factor';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function totpFor(secret: string, label = 'Chancery', issuer = 'Chancery'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** The time step a code belongs to if it is right within one step either side of now, else undefined. */
export function totpStep(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const timestamp = now.getTime();
  const delta = totpFor(secret).validate({ token: code, timestamp, window: 1 });
  return delta === null ? undefined : Math.floor(timestamp / 1000 / PERIOD) + delta;
}

/** The code an authenticator app shows at `now` (for tests and the enrolment check). */
export function totpCode(secret: string, now: Date): string {
  return totpFor(secret).generate({ timestamp: now.getTime() });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return totpFor(secret, account, issuer).toString();
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
function normalizeRecovery(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Ten fresh recovery codes shown once, as XXXXX-XXXXX (base32, 50 bits each). */
function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const s = new Secret({ size: 7 }).base32.slice(0, 10);
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

export interface PasskeyInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string;
}

export interface SecondFactorState {
  /** A confirmed authenticator app. */
  totp: boolean;
  passkeys: PasskeyInfo[];
  /** A secret generated and waiting for its first code. */
  pendingSecret?: string;
  recoveryLeft: number;
}

/** What second factor a person has. */
export async function secondFactorState(db: Db, userId: number): Promise<SecondFactorState> {
  const [row, left, keys] = await Promise.all([
    db.selectFrom('user_totp').select(['secret', 'confirmed_at']).where('user_id', '=', userId).executeTakeFirst(),
    db
      .selectFrom('user_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', '=', '')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('user_passkeys')
      .select(['id', 'name', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    totp: Boolean(row?.confirmed_at),
    passkeys: keys.map((k) => ({ id: k.id, name: k.name, createdAt: k.created_at, lastUsedAt: k.last_used_at })),
    pendingSecret: row && !row.confirmed_at ? row.secret : undefined,
    recoveryLeft: Number(left.n),
  };
}

/** True when the person has a confirmed authenticator app. */
export async function hasTotp(db: Db, userId: number): Promise<boolean> {
  const row = await db.selectFrom('user_totp').select('confirmed_at').where('user_id', '=', userId).executeTakeFirst();
  return Boolean(row?.confirmed_at);
}

/** True when the person has a second factor: a confirmed authenticator app or a passkey. */
export async function hasSecondFactor(db: Db, userId: number): Promise<boolean> {
  if (await hasTotp(db, userId)) return true;
  return Boolean(await db.selectFrom('user_passkeys').select('id').where('user_id', '=', userId).executeTakeFirst());
}

/** The secret waiting for its first code, made if there is none; undefined when an app is already confirmed. */
export async function pendingTotpSecret(db: Db, userId: number, now: Date): Promise<string | undefined> {
  const row = await db.selectFrom('user_totp').select(['secret', 'confirmed_at']).where('user_id', '=', userId).executeTakeFirst();
  if (row?.confirmed_at) return undefined;
  if (row) return row.secret;
  const secret = new Secret({ size: 20 }).base32;
  await db
    .insertInto('user_totp')
    .values({ user_id: userId, secret, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  // Two tabs at once: whichever secret was stored first is the one shown.
  return (await db.selectFrom('user_totp').select('secret').where('user_id', '=', userId).executeTakeFirstOrThrow()).secret;
}

/**
 * Confirms the pending secret with a code from the app; returns fresh recovery codes (shown once), or
 * undefined when the code is wrong or nothing is pending.
 */
export async function confirmTotp(db: Db, userId: number, code: string, now: Date): Promise<string[] | undefined> {
  const row = await db.selectFrom('user_totp').select(['secret', 'confirmed_at']).where('user_id', '=', userId).executeTakeFirst();
  if (!row || row.confirmed_at) return undefined;
  const step = totpStep(row.secret, code.trim(), now);
  if (step === undefined) return undefined;
  const codes = newRecoveryCodes();
  const done = await inTransaction(db, async (tx) => {
    const r = await tx
      .updateTable('user_totp')
      .set({ confirmed_at: now.toISOString(), last_step: step })
      .where('user_id', '=', userId)
      .where('confirmed_at', '=', '')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await replaceRecoveryCodes(tx, userId, codes);
    return true;
  });
  return done ? codes : undefined;
}

async function replaceRecoveryCodes(db: Db, userId: number, codes: string[]): Promise<void> {
  await db.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('user_recovery_codes')
    .values(codes.map((c) => ({ user_id: userId, code_hash: sha256(normalizeRecovery(c)) })))
    .execute();
}

/** New recovery codes in place of the old ones (all old ones stop working); undefined without a second factor. */
export async function regenerateRecoveryCodes(db: Db, userId: number): Promise<string[] | undefined> {
  if (!(await hasSecondFactor(db, userId))) return undefined;
  const codes = newRecoveryCodes();
  await inTransaction(db, (tx) => replaceRecoveryCodes(tx, userId, codes));
  return codes;
}

/** Removes the person's authenticator app; the recovery codes go too when no passkey is left. */
export async function removeTotp(db: Db, userId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('user_totp').where('user_id', '=', userId).execute();
    await dropCodesIfNoFactor(tx, userId);
  });
}

async function dropCodesIfNoFactor(db: Db, userId: number): Promise<void> {
  if (!(await hasSecondFactor(db, userId))) await db.deleteFrom('user_recovery_codes').where('user_id', '=', userId).execute();
}

/** The person's passkeys, for the browser's list of credentials to offer or to exclude. */
export async function passkeysOf(
  db: Db,
  userId: number,
): Promise<{ id: string; publicKey: string; counter: number; transports: string[] }[]> {
  const rows = await db
    .selectFrom('user_passkeys')
    .select(['id', 'public_key', 'counter', 'transports'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    publicKey: r.public_key,
    counter: Number(r.counter),
    transports: r.transports ? r.transports.split(',') : [],
  }));
}

/** Stores a new passkey; returns recovery codes when it is the person's first second factor (shown once). */
export async function addPasskey(
  db: Db,
  userId: number,
  key: { id: string; publicKey: string; counter: number; transports: string[]; name: string },
  now: Date,
): Promise<string[] | undefined> {
  return inTransaction(db, async (tx) => {
    const first = !(await hasSecondFactor(tx, userId));
    await tx
      .insertInto('user_passkeys')
      .values({
        id: key.id,
        user_id: userId,
        public_key: key.publicKey,
        counter: key.counter,
        transports: key.transports.join(','),
        name: key.name,
        created_at: now.toISOString(),
      })
      .execute();
    if (!first) return undefined;
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, userId, codes);
    return codes;
  });
}

/** Records a passkey's use: its new counter, which must grow when the authenticator keeps one. */
export async function passkeyUsed(db: Db, userId: number, id: string, counter: number, now: Date): Promise<void> {
  await db
    .updateTable('user_passkeys')
    .set({ counter, last_used_at: now.toISOString() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .execute();
}

/** Removes one of the person's passkeys; false when it is not theirs. */
export async function removePasskey(db: Db, userId: number, id: string): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const r = await tx.deleteFrom('user_passkeys').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    await dropCodesIfNoFactor(tx, userId);
    return Number(r.numDeletedRows) > 0;
  });
}

/** Keeps a challenge for the browser to sign; returns the handle for its cookie (only a hash is stored). */
export async function saveChallenge(
  db: Db,
  c: { handle: string; userId: number; purpose: 'register' | 'sign-in'; challenge: string; expiresAt: Date; now: Date },
): Promise<void> {
  // Challenges nobody answered are swept as new ones are made.
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<', c.now.toISOString()).execute();
  await db
    .insertInto('webauthn_challenges')
    .values({
      id: sha256(c.handle),
      user_id: c.userId,
      purpose: c.purpose,
      challenge: c.challenge,
      expires_at: c.expiresAt.toISOString(),
    })
    .execute();
}

/** Takes a challenge once (it is deleted as it is read); undefined when unknown, expired or another's. */
export async function takeChallenge(
  db: Db,
  handle: string | undefined,
  userId: number,
  purpose: 'register' | 'sign-in',
  now: Date,
): Promise<string | undefined> {
  if (!handle || handle.length > 100) return undefined;
  const id = sha256(handle);
  const row = await db.selectFrom('webauthn_challenges').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const r = await db.deleteFrom('webauthn_challenges').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return undefined;
  if (row.user_id !== userId || row.purpose !== purpose || row.expires_at <= now.toISOString()) return undefined;
  return row.challenge;
}

/** Checks a code from the app or a recovery code; each is accepted once. */
export async function verifySecondFactor(db: Db, userId: number, code: string, now: Date): Promise<'totp' | 'recovery' | undefined> {
  const given = code.trim().slice(0, 40);
  if (/^\d{3}\s?\d{3}$/.test(given)) {
    const row = await db.selectFrom('user_totp').select(['secret', 'confirmed_at']).where('user_id', '=', userId).executeTakeFirst();
    if (!row?.confirmed_at) return undefined;
    const step = totpStep(row.secret, given.replace(/\s/, ''), now);
    if (step === undefined) return undefined;
    const r = await db
      .updateTable('user_totp')
      .set({ last_step: step })
      .where('user_id', '=', userId)
      .where('last_step', '<', step)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? 'totp' : undefined;
  }
  const normal = normalizeRecovery(given);
  if (!/^[A-Z2-7]{10}$/.test(normal)) return undefined;
  const r = await db
    .updateTable('user_recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', sha256(normal))
    .where('used_at', '=', '')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? 'recovery' : undefined;
}

/** True when administrators must have a second factor to use the admin. */
export async function adminsNeedSecondFactor(db: Db): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SETTING_ADMINS).executeTakeFirst();
  return row?.value === '1';
}

/** Sets whether administrators must have a second factor. */
export async function setAdminsNeedSecondFactor(db: Db, required: boolean): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: SETTING_ADMINS, value: required ? '1' : '0' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: required ? '1' : '0' }))
    .execute();
}
