// Every query of embeds.
import type { Selectable } from 'kysely';
import { iso } from '../../platform/columns.js';
import type { Db } from '../../platform/db.js';
import { listParams, listSlots, preparedByShape, type Slots } from '../../platform/prepared.js';
import type { EmbedsTable } from '../../platform/schema.js';
import type { Embed } from './embed.js';

function rowToEmbed(r: Selectable<EmbedsTable>): Embed {
  return {
    id: Number(r.id),
    url: r.url,
    provider: r.provider,
    title: r.title,
    author: r.author,
    thumbnailId: r.thumbnail_id === null ? null : Number(r.thumbnail_id),
    frameSrc: r.frame_src,
    fetchedAt: r.fetched_at,
  };
}

// Asked on every cache miss of an article page whose body has an address alone in a paragraph.
const embedsByUrls = preparedByShape((db, p: Slots<Record<string, string>>, n: number) =>
  db
    .selectFrom('embeds')
    .selectAll()
    .where(
      'url',
      'in',
      listSlots(n).map((k) => p[k]),
    ),
);

/** The embeds stored for these addresses (in no order); addresses not stored are left out. */
export async function findEmbedsByUrls(db: Db, urls: string[]): Promise<Embed[]> {
  if (!urls.length) return [];
  const rows =
    urls.length <= 20
      ? await embedsByUrls(urls.length).all(db, listParams(urls))
      : await db.selectFrom('embeds').selectAll().where('url', 'in', urls).execute();
  return rows.map(rowToEmbed);
}

/** Stores an embed's answer; an address already stored (two saves at once) keeps its first answer. */
export async function insertEmbed(db: Db, e: Omit<Embed, 'id' | 'fetchedAt'>, now: Date): Promise<void> {
  await db
    .insertInto('embeds')
    .values({
      url: e.url,
      provider: e.provider,
      title: e.title,
      author: e.author,
      thumbnail_id: e.thumbnailId,
      frame_src: e.frameSrc,
      fetched_at: iso(now),
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .execute();
}
