// Authors table: rows to Author objects.
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { AuthorsTable } from '../../platform/schema.js';
import type { Author } from './author.js';
import { prepared, type Slots } from '../../platform/prepared.js';

/** Maps a row to an Author. */
export function rowToAuthor(r: Selectable<AuthorsTable>): Author {
  return { id: r.id, slug: r.slug, name: r.name, title: r.title, bio: r.bio, photoUrl: r.photo_url, userId: r.user_id };
}

// A list page's look-up on every miss: prepared (src/platform/README.md).
const bySlug = prepared((db, p: Slots<{ slug: string }>) => db.selectFrom('authors').selectAll().where('slug', '=', p.slug));

/** The author with this slug, or undefined. */
export async function findAuthorBySlug(db: Db, slug: string): Promise<Author | undefined> {
  const r = await bySlug.first(db, { slug });
  return r && rowToAuthor(r);
}

/** The author with this id, or undefined. */
export async function findAuthorById(db: Db, id: number): Promise<Author | undefined> {
  const r = await db.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst();
  return r && rowToAuthor(r);
}

/** The author linked to a staff account, or undefined. */
export async function findAuthorByUserId(db: Db, userId: number): Promise<Author | undefined> {
  const r = await db.selectFrom('authors').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return r && rowToAuthor(r);
}

/** Every author, by name. */
export async function listAuthors(db: Db): Promise<Author[]> {
  return (await db.selectFrom('authors').selectAll().orderBy('name').execute()).map(rowToAuthor);
}

export interface AuthorInput {
  slug: string;
  name: string;
  title: string;
  bio: string;
  photoUrl: string;
  userId?: number | null;
}

/** Inserts an author; returns its id. */
export async function insertAuthor(db: Db, a: AuthorInput, now: Date): Promise<number> {
  const r = await db
    .insertInto('authors')
    .values({
      slug: a.slug,
      name: a.name,
      title: a.title,
      bio: a.bio,
      photo_url: a.photoUrl,
      user_id: a.userId ?? null,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Updates an author. */
export async function updateAuthor(db: Db, id: number, a: AuthorInput): Promise<void> {
  await db
    .updateTable('authors')
    .set({ slug: a.slug, name: a.name, title: a.title, bio: a.bio, photo_url: a.photoUrl, user_id: a.userId ?? null })
    .where('id', '=', id)
    .execute();
}

/** Deletes an author (their bylines go with them; articles stay). */
export async function deleteAuthor(db: Db, id: number): Promise<void> {
  await db.deleteFrom('authors').where('id', '=', id).execute();
}

/** How many of these author ids exist. */
export async function countExistingAuthors(db: Db, ids: number[]): Promise<number> {
  return (await db.selectFrom('authors').select('id').where('id', 'in', ids).execute()).length;
}

/** The id of the author with this slug, or undefined. */
export async function findAuthorIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

/** Every author's id, slug and linked account, for matching by slug (the demo loader). */
export async function listAuthorSlugs(db: Db): Promise<{ id: number; slug: string; user_id: number | null }[]> {
  return db.selectFrom('authors').select(['id', 'slug', 'user_id']).execute();
}
