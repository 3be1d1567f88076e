// Partner keys in the database: only hashes are stored.
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { ApiKeysTable } from '../../platform/schema.js';
import type { ApiKey, KeyInput } from './api-key.js';
import type { Scope } from './api-route.js';

const json = <T>(s: string, fallback: T): T => {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

function rowToKey(r: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: json<Scope[]>(r.scopes, []),
    origins: json<string[]>(r.origins, []),
    redirectUris: json<string[]>(r.redirect_uris, []),
    rateLimit: Number(r.rate_limit),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}

/** Stores a new key by its prefix and hash; returns its id. */
export async function insertApiKey(
  db: Db,
  k: KeyInput & { prefix: string; hash: string; createdBy: number | null },
  now: Date,
): Promise<number> {
  const r = await db
    .insertInto('api_keys')
    .values({
      name: k.name,
      prefix: k.prefix,
      key_hash: k.hash,
      scopes: JSON.stringify(k.scopes),
      origins: JSON.stringify(k.origins),
      redirect_uris: JSON.stringify(k.redirectUris),
      rate_limit: k.rateLimit,
      created_by: k.createdBy,
      created_at: now.toISOString(),
      expires_at: k.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The key with this prefix and its hash, or undefined. */
export async function findApiKeyByPrefix(db: Db, prefix: string): Promise<(ApiKey & { hash: string }) | undefined> {
  const r = await db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst();
  return r && { ...rowToKey(r), hash: r.key_hash };
}

/** One key by id, or undefined. */
export async function findApiKey(db: Db, id: number): Promise<ApiKey | undefined> {
  const r = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
  return r && rowToKey(r);
}

/** Every key, newest first. */
export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  return (await db.selectFrom('api_keys').selectAll().orderBy('id', 'desc').execute()).map(rowToKey);
}

/** Revokes a key (once); true when it was active. */
export async function revokeApiKey(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('api_keys')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Notes when a key was last used. */
export async function touchApiKey(db: Db, id: number, now: Date): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Origins of every active key: a browser's preflight carries no key, so it is answered for any of them. */
export async function listActiveKeyOrigins(db: Db, now: Date): Promise<Set<string>> {
  const rows = await db
    .selectFrom('api_keys')
    .select('origins')
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now.toISOString())]))
    .where('origins', '!=', '[]')
    .execute();
  return new Set(rows.flatMap((r) => json<string[]>(r.origins, [])));
}
