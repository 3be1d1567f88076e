// Password hashing with scrypt from node:crypto (no native dependency).
import { scrypt, randomBytes, timingSafeEqual } from 'node:crypto';

const N = 16384,
  R = 8,
  P = 1,
  LEN = 32;

function scryptAsync(password: string, salt: Buffer, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, LEN, { N: n, r: R, p: P, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Hashes a password as "scrypt$N$salt$hash". */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, N);
  return `scrypt$${N}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), Number(n));
  const expected = Buffer.from(hash, 'base64url');
  return expected.length === key.length && timingSafeEqual(expected, key);
}

/** A hash of a password nobody knows (it was random and thrown away), with the same cost as a real one. */
const UNKNOWN_ACCOUNT_HASH = 'scrypt$16384$jWC_F7Ra4V2TIQesyj5y5w$PkGIBsNOGGpJIkHn0sEXMJotBDRiSeAwKWkZ_aA_FdU';

/**
 * Checks a password against an account's hash, or does the same work and fails when there is no account:
 * an unknown address must take as long as a known one, or the time of the answer tells who has an account.
 */
export async function verifyPasswordOrDummy(password: string, stored: string | undefined): Promise<boolean> {
  const ok = await verifyPassword(password, stored || UNKNOWN_ACCOUNT_HASH);
  return ok && Boolean(stored);
}
