// OAuth codes and reader tokens: stored by their hashes; a code is taken once.
import type { Db } from '../../platform/db.js';
import type { ApiTokensTable } from '../../platform/schema.js';
import type { Scope } from './api-route.js';

const scopesOf = (s: string): Scope[] => {
  try {
    return JSON.parse(s) as Scope[];
  } catch {
    return [];
  }
};

/** Stores a new authorisation code by its hash. */
export async function insertOauthCode(
  db: Db,
  c: { hash: string; keyId: number; userId: number; redirectUri: string; challenge: string; scopes: Scope[]; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('api_oauth_codes')
    .values({
      id: c.hash,
      key_id: c.keyId,
      user_id: c.userId,
      redirect_uri: c.redirectUri,
      code_challenge: c.challenge,
      scopes: JSON.stringify(c.scopes),
      expires_at: c.expiresAt.toISOString(),
    })
    .execute();
}

/** Takes an unused, unexpired code (once: a second take finds nothing). */
export async function takeOauthCode(db: Db, hash: string, now: Date) {
  const r = await db
    .updateTable('api_oauth_codes')
    .set({ used_at: now.toISOString() })
    .where('id', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returningAll()
    .executeTakeFirst();
  return r && { keyId: r.key_id, userId: r.user_id, redirectUri: r.redirect_uri, challenge: r.code_challenge, scopes: scopesOf(r.scopes) };
}

/** Stores a token by its hash. */
export async function insertApiToken(
  db: Db,
  t: { hash: string; kind: ApiTokensTable['kind']; keyId: number; userId: number; scopes: Scope[]; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: t.hash,
      kind: t.kind,
      key_id: t.keyId,
      user_id: t.userId,
      scopes: JSON.stringify(t.scopes),
      created_at: t.now.toISOString(),
      expires_at: t.expiresAt.toISOString(),
    })
    .execute();
}

/** A live token of this kind: not expired or revoked, its app's key active, its reader's account open. */
export async function findLiveToken(db: Db, hash: string, kind: ApiTokensTable['kind'], now: Date) {
  const at = now.toISOString();
  const r = await db
    .selectFrom('api_tokens')
    .innerJoin('api_keys', 'api_keys.id', 'api_tokens.key_id')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.key_id', 'api_tokens.user_id', 'api_tokens.scopes', 'api_keys.origins', 'api_keys.rate_limit'])
    .where('api_tokens.id', '=', hash)
    .where('api_tokens.kind', '=', kind)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', at)
    .where('api_keys.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('api_keys.expires_at', 'is', null), eb('api_keys.expires_at', '>', at)]))
    .where('users.disabled', '=', 0)
    .where('users.deleted_at', 'is', null)
    .executeTakeFirst();
  return (
    r && {
      keyId: r.key_id,
      userId: r.user_id,
      scopes: scopesOf(r.scopes),
      origins: scopesOf(r.origins) as unknown as string[],
      rateLimit: Number(r.rate_limit),
    }
  );
}

/** Revokes one token; true when it was live. */
export async function revokeApiToken(db: Db, hash: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
