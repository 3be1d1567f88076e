// Tag look-ups the staff pages need beyond the public ones.
import type { Db } from '../../platform/db.js';
import { rowToTag } from './tag-store.js';
import type { Tag } from './tag.js';

/** The tag with this id, or undefined. */
export async function findTagById(db: Db, id: number): Promise<Tag | undefined> {
  const r = await db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
  return r && rowToTag(r);
}

/** How many articles carry each tag, for the staff list (one query). */
export async function countArticlesPerTag(db: Db): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('article_tags')
    .select(['tag_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('tag_id')
    .execute();
  return new Map(rows.map((r) => [r.tag_id, Number(r.n)]));
}
