// Every query of an import from another platform: which record there became which row here, and the
// rows an import writes that no service of the newsroom writes (readers named by their old comments).
import type { Db } from '../../platform/db.js';

export type SourceKind = 'article' | 'comment' | 'media' | 'author' | 'reader';

/** The row an earlier import made of this record, with the fingerprint of what it imported then. */
export async function findImported(
  db: Db,
  source: string,
  kind: SourceKind,
  externalId: string,
): Promise<{ localId: number; fingerprint: string } | undefined> {
  const r = await db
    .selectFrom('import_sources')
    .select(['local_id', 'fingerprint'])
    .where('source', '=', source)
    .where('kind', '=', kind)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return r && { localId: r.local_id, fingerprint: r.fingerprint };
}

/** Remembers (or re-points) which row a record became. */
export async function rememberImported(
  db: Db,
  source: string,
  kind: SourceKind,
  externalId: string,
  localId: number,
  fingerprint: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('import_sources')
    .values({ source, kind, external_id: externalId, local_id: localId, fingerprint, imported_at: now.toISOString() })
    .onConflict((oc) =>
      oc.columns(['source', 'kind', 'external_id']).doUpdateSet({ local_id: localId, fingerprint, imported_at: now.toISOString() }),
    )
    .execute();
}

/** True when a row with this id is still in the table (an imported article or comment may have been deleted since). */
export async function rowExists(
  db: Db,
  table: 'articles' | 'comments' | 'media_images' | 'authors' | 'users',
  id: number,
): Promise<boolean> {
  return (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The account with this address, whatever its role. */
export async function findUserIdByEmail(db: Db, email: string): Promise<number | undefined> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id;
}

/**
 * A reader account for someone who commented on the old site: it cannot sign in (no password) until its
 * owner asks for a password reset at that address.
 */
export async function insertImportedReader(db: Db, r: { email: string; name: string }, now: Date): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: r.email,
      name: r.name,
      role: 'reader',
      password_hash: '!',
      created_at: now.toISOString(),
      email_confirmed_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ImportedComment {
  articleId: number;
  userId: number;
  parentId: number | null;
  replyToUserId: number | null;
  replyToName: string;
  body: string;
  status: 'published' | 'pending' | 'rejected' | 'deleted';
  createdAt: string;
}

/** Inserts a comment as it stood on the old site (its own date); returns its id. */
export async function insertImportedComment(db: Db, c: ImportedComment): Promise<number> {
  const r = await db
    .insertInto('comments')
    .values({
      article_id: c.articleId,
      user_id: c.userId,
      parent_id: c.parentId,
      reply_to_user_id: c.replyToUserId,
      reply_to_name: c.replyToName,
      body: c.body,
      status: c.status,
      created_at: c.createdAt,
      updated_at: c.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Brings an imported comment in line with the export again. */
export async function updateImportedComment(db: Db, id: number, c: ImportedComment): Promise<void> {
  await db
    .updateTable('comments')
    .set({
      parent_id: c.parentId,
      reply_to_user_id: c.replyToUserId,
      reply_to_name: c.replyToName,
      body: c.body,
      status: c.status,
      updated_at: c.createdAt,
    })
    .where('id', '=', id)
    .execute();
}
