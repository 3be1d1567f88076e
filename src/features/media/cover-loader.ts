// The article page's cover, when its address names a library image: a loader for the page above features.
import type { VNode } from 'preact';
import type { Db } from '../../platform/db.js';
import { type MediaImage, mediaIdOf } from './media.js';
import { findMediaByIds } from './media-store.js';
import { Picture } from './views/picture-block.js';

/** The reading column is 40rem wide; below that the cover takes the screen's width. */
export const COVER_SIZES = '(min-width: 42rem) 40rem, 100vw';

/** A <picture> for a cover address such as "/media/12", or undefined for any other address or a missing image. */
export async function loadCoverPicture(
  db: Db,
  coverUrl: string | undefined,
  opts: { sizes?: string; decorative?: boolean } = {},
): Promise<VNode | undefined> {
  const id = coverUrl ? mediaIdOf(coverUrl) : undefined;
  if (id === undefined) return undefined;
  // Through the prepared query: this runs on every cache miss of a front page with a cover.
  const [img] = await findMediaByIds(db, [id]);
  return img && coverPicture(img, opts);
}

/** The cover's <picture> from its image, already read (the article page reads it with the body's images). */
export function coverPicture(img: MediaImage, opts: { sizes?: string; decorative?: boolean } = {}): VNode {
  // Above the fold: loaded at once, cropped around its focal point.
  return Picture({ img: opts.decorative ? { ...img, alt: '' } : img, sizes: opts.sizes ?? COVER_SIZES, crop: '3x2', eager: true });
}
