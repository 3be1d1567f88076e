// Every query of embeds.
import type { Selectable } from 'kysely';
import { iso } from '../../platform/columns.js';
import type { Db } from '../../platform/db.js';
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

/** The embeds stored for these addresses (in no order); addresses not stored are left out. */
export async function findEmbedsByUrls(db: Db, urls: string[]): Promise<Embed[]> {
  if (!urls.length) return [];
  return (await db.selectFrom('embeds').selectAll().where('url', 'in', urls).execute()).map(rowToEmbed);
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
