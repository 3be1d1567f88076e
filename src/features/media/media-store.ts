// Every query of media_images.
import type { Selectable } from 'kysely';
import { ilike, iso } from '../../platform/columns.js';
import type { Db } from '../../platform/db.js';
import { listParams, listSlots, preparedByShape, type Slots } from '../../platform/prepared.js';
import type { MediaImagesTable } from '../../platform/schema.js';
import { type MediaEditInput, type MediaImage, mediaIdsIn } from './media.js';

/** Maps a row to a MediaImage. */
export function rowToMedia(r: Selectable<MediaImagesTable>): MediaImage {
  return {
    id: Number(r.id),
    fileKey: r.file_key,
    originalName: r.original_name,
    masterFormat: r.master_format,
    width: Number(r.width),
    height: Number(r.height),
    bytes: Number(r.bytes),
    alt: r.alt,
    caption: r.caption,
    credit: r.credit,
    focalX: Number(r.focal_x),
    focalY: Number(r.focal_y),
    version: Number(r.version),
    uploadedBy: r.uploaded_by === null ? null : Number(r.uploaded_by),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewMedia {
  fileKey: string;
  originalName: string;
  masterFormat: 'jpeg' | 'png';
  width: number;
  height: number;
  bytes: number;
  uploadedBy: number | null;
}

/** Inserts an uploaded image without text; returns its id. */
export async function insertMedia(db: Db, m: NewMedia, now: Date): Promise<number> {
  const row = await db
    .insertInto('media_images')
    .values({
      file_key: m.fileKey,
      original_name: m.originalName,
      master_format: m.masterFormat,
      width: m.width,
      height: m.height,
      bytes: m.bytes,
      uploaded_by: m.uploadedBy,
      created_at: iso(now),
      updated_at: iso(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The image with this id, or undefined. */
export async function findMedia(db: Db, id: number): Promise<MediaImage | undefined> {
  const r = await db.selectFrom('media_images').selectAll().where('id', '=', id).executeTakeFirst();
  return r && rowToMedia(r);
}

// The images an article page draws (its cover, the pictures in its body, embeds' thumbnails), asked on every
// cache miss: one compiled query per number of ids, dynamic past a few dozen.
const MAX_PREPARED = 32;
const mediaByIds = preparedByShape((db, p: Slots<Record<string, number>>, n: number) =>
  db
    .selectFrom('media_images')
    .selectAll()
    .where(
      'id',
      'in',
      listSlots(n).map((k) => p[k]),
    ),
);

/** The images with these ids (in no order); ids not found are left out. */
export async function findMediaByIds(db: Db, ids: number[]): Promise<MediaImage[]> {
  if (!ids.length) return [];
  const rows =
    ids.length <= MAX_PREPARED
      ? await mediaByIds(ids.length).all(db, listParams(ids))
      : await db.selectFrom('media_images').selectAll().where('id', 'in', ids).execute();
  return rows.map(rowToMedia);
}

/** The newest images first, filtered by words in the alt text, caption, credit or file name. */
export async function listMedia(db: Db, opts: { q?: string; limit: number; offset?: number }): Promise<MediaImage[]> {
  let query = db.selectFrom('media_images').selectAll();
  if (opts.q) {
    const like = ilike(db.dialect);
    for (const word of opts.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
      const pattern = `%${word.replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) => eb.or((['alt', 'caption', 'credit', 'original_name'] as const).map((col) => eb(col, like, pattern))));
    }
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset ?? 0)
    .execute();
  return rows.map(rowToMedia);
}

/** Saves the text and focal point; a moved focal point raises the version (new crop addresses). */
export async function updateMedia(db: Db, id: number, input: MediaEditInput, now: Date): Promise<void> {
  await db
    .updateTable('media_images')
    .set((eb) => ({
      alt: input.alt,
      caption: input.caption,
      credit: input.credit,
      focal_x: input.focalX,
      focal_y: input.focalY,
      version: eb
        .case()
        .when(eb.or([eb('focal_x', '!=', input.focalX), eb('focal_y', '!=', input.focalY)]))
        .then(eb('version', '+', 1))
        .else(eb.ref('version'))
        .end(),
      updated_at: iso(now),
    }))
    .where('id', '=', id)
    .execute();
}

/** Of these ids, the images that have no alt text yet (an article using one may not be published). */
export async function findMediaWithoutAlt(db: Db, ids: number[]): Promise<MediaImage[]> {
  if (!ids.length) return [];
  return (await db.selectFrom('media_images').selectAll().where('id', 'in', ids).where('alt', '=', '').execute()).map(rowToMedia);
}

/** The articles (any status) whose cover or body names this image: while there are any, it may not be deleted. */
export async function listArticlesUsingMedia(db: Db, id: number): Promise<{ id: number; title: string; status: string }[]> {
  const ref = `/media/${id}`;
  const rows = await db
    .selectFrom('articles')
    .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
    .select(['articles.id', 'articles.title', 'articles.status', 'articles.cover_url', 'article_bodies.body_md'])
    .where((eb) => eb.or([eb('articles.cover_url', '=', ref), eb('article_bodies.body_md', 'like', `%${ref}%`)]))
    .orderBy('articles.id')
    .execute();
  // "like" also finds /media/12 inside /media/123: the exact reference is checked here.
  return rows
    .filter((r) => mediaIdsIn(r.cover_url, r.body_md).includes(id))
    .map((r) => ({ id: Number(r.id), title: r.title, status: r.status }));
}

/** How many images share these files (the same picture uploaded twice is stored once). */
export async function countMediaWithFileKey(db: Db, fileKey: string): Promise<number> {
  const r = await db
    .selectFrom('media_images')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('file_key', '=', fileKey)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Deletes the image's row (its files are removed by the library). */
export async function deleteMedia(db: Db, id: number): Promise<void> {
  await db.deleteFrom('media_images').where('id', '=', id).execute();
}

/** The image stored under this original name (the demo's images are found again by it), or undefined. */
export async function findMediaByOriginalName(db: Db, name: string): Promise<MediaImage | undefined> {
  const r = await db.selectFrom('media_images').selectAll().where('original_name', '=', name).orderBy('id').limit(1).executeTakeFirst();
  return r && rowToMedia(r);
}
