// Tags, typed as country, organisation, person or topic.
import type { Selectable } from 'kysely';
import { slugify } from '../../platform/slug.js';
import type { Db } from '../../platform/db.js';
import type { TagsTable } from '../../platform/schema.js';
import type { Tag, TagInput } from './tag.js';
import { prepared, type Slots } from '../../platform/prepared.js';

/** Maps a row to a Tag. */
export function rowToTag(r: Selectable<TagsTable>): Tag {
  return { id: r.id, slug: r.slug, name: r.name, type: r.type };
}

/** Every tag by name. */
export async function listTags(db: Db): Promise<Tag[]> {
  return (await db.selectFrom('tags').selectAll().orderBy('name').execute()).map(rowToTag);
}

// A list page's look-up on every miss: prepared (src/platform/README.md).
const bySlug = prepared((db, p: Slots<{ slug: string }>) => db.selectFrom('tags').selectAll().where('slug', '=', p.slug));

/** The tag with this slug, or undefined. */
export async function findTagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  const r = await bySlug.first(db, { slug });
  return r && rowToTag(r);
}

/** Inserts a tag; returns its id. */
export async function insertTag(db: Db, t: TagInput): Promise<number> {
  return (await db.insertInto('tags').values(t).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a tag. */
export async function updateTag(db: Db, id: number, t: TagInput): Promise<void> {
  await db.updateTable('tags').set(t).where('id', '=', id).execute();
}

/** Deletes a tag and its links to articles. */
export async function deleteTag(db: Db, id: number): Promise<void> {
  await db.deleteFrom('tags').where('id', '=', id).execute();
}

/** Finds tags by slug, creating missing ones as topics named after their slug. Returns ids in input order. */
export async function ensureTags(db: Db, slugsOrNames: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const raw of slugsOrNames) {
    const slug = slugify(raw);
    if (!slug) continue;
    const found = await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
    ids.push(found ? found.id : await insertTag(db, { slug, name: raw.trim(), type: 'topic' }));
  }
  return [...new Set(ids)];
}

/** URL slug of a name in any script of the region (see platform/slug.ts); kept here for the features that import it. */
export { slugify } from '../../platform/slug.js';

/** Every tag's id and slug, for matching by slug. */
export async function listTagSlugs(db: Db): Promise<{ id: number; slug: string }[]> {
  return db.selectFrom('tags').select(['id', 'slug']).execute();
}
