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

/**
 * Revokes a token an app hands back (RFC 7009): the token itself when it belongs to this app, and for a
 * refresh token also the access token issued with it. False when there was nothing of this app's to revoke.
 */
export async function revokeAppToken(db: Db, hash: string, keyId: number, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['kind', 'key_id', 'user_id', 'created_at'])
    .where('id', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.key_id !== keyId) return false;
  const at = now.toISOString();
  let q = db.updateTable('api_tokens').set({ revoked_at: at }).where('revoked_at', 'is', null);
  q =
    row.kind === 'refresh'
      ? q.where((eb) =>
          eb.or([
            eb('id', '=', hash),
            eb.and([
              eb('kind', '=', 'access'),
              eb('key_id', '=', row.key_id),
              eb('user_id', '=', row.user_id),
              eb('created_at', '=', row.created_at),
            ]),
          ]),
        )
      : q.where('id', '=', hash);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** An app that can act for a reader: it holds a live token of theirs. */
export interface ConnectedApp {
  keyId: number;
  name: string;
  /** When the oldest of its live tokens was issued. */
  since: string;
  scopes: Scope[];
}

/** The apps holding a live (unrevoked, unexpired) token of this reader, by name. */
export async function listConnectedApps(db: Db, userId: number, now: Date): Promise<ConnectedApp[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('api_keys', 'api_keys.id', 'api_tokens.key_id')
    .select(['api_tokens.key_id', 'api_keys.name', 'api_tokens.created_at', 'api_tokens.scopes'])
    .where('api_tokens.user_id', '=', userId)
    .where('api_tokens.revoked_at', 'is', null)
    .where('api_tokens.expires_at', '>', now.toISOString())
    .where('api_keys.revoked_at', 'is', null)
    .orderBy('api_tokens.created_at')
    .execute();
  const apps = new Map<number, ConnectedApp>();
  for (const r of rows) {
    const app = apps.get(r.key_id) ?? { keyId: r.key_id, name: r.name, since: r.created_at, scopes: [] };
    for (const s of scopesOf(r.scopes)) if (!app.scopes.includes(s)) app.scopes.push(s);
    apps.set(r.key_id, app);
  }
  return [...apps.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Revokes every token of one app for one reader; the number revoked. */
export async function revokeAppForReader(db: Db, userId: number, keyId: number, now: Date): Promise<number> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('key_id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
