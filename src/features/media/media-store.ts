// Every query of media_images.
import type { Selectable } from 'kysely';
import { ilike, iso } from '../../platform/columns.js';
import type { Db } from '../../platform/db.js';
import type { MediaImagesTable } from '../../platform/schema.js';
import type { MediaEditInput, MediaImage } from './media.js';

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

/** The images with these ids (in no order); ids not found are left out. */
export async function findMediaByIds(db: Db, ids: number[]): Promise<MediaImage[]> {
  if (!ids.length) return [];
  return (await db.selectFrom('media_images').selectAll().where('id', 'in', ids).execute()).map(rowToMedia);
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
