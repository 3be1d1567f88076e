// The media library's domain: an image and its addresses, the rules for its text fields.
import { type T, translator } from '../../platform/i18n/index.js';
import { type Crop, FORMATS, widthsFor, type VariantFormat } from './image-processing.js';

export interface MediaImage {
  id: number;
  fileKey: string;
  originalName: string;
  masterFormat: 'jpeg' | 'png';
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  focalX: number;
  focalY: number;
  version: number;
  uploadedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export const MEDIA_LIMITS = { alt: 300, caption: 500, credit: 200 } as const;

/** The address an article names an image by (a cover, an inline image): stable while the image changes. */
export function mediaRef(id: number): string {
  return `/media/${id}`;
}

/** The library images an article refers to, by cover address and by Markdown or HTML in its body. */
export function mediaIdsIn(...texts: string[]): number[] {
  const ids = new Set<number>();
  for (const text of texts)
    for (const m of text.matchAll(/(?:^|[\s("'=])\/media\/([1-9][0-9]{0,9})(?=$|[\s)"'/?#])/g)) ids.add(Number(m[1]));
  return [...ids];
}

/** The id in a cover address such as "/media/12", or undefined for any other address. */
export function mediaIdOf(url: string): number | undefined {
  const m = /^\/media\/([1-9][0-9]{0,9})$/.exec(url.trim());
  return m ? Number(m[1]) : undefined;
}

/** The address of one encoded size. The version changes with the focal point, so these are cached for a year. */
export function variantUrl(img: Pick<MediaImage, 'id' | 'version'>, width: number, format: VariantFormat, crop?: Crop): string {
  return `/media/${img.id}/v${img.version}/${width}${crop ? `-${crop}` : ''}.${format}`;
}

/** A srcset for one format: every width the image offers. */
export function srcset(img: Pick<MediaImage, 'id' | 'version' | 'width'>, format: VariantFormat, crop?: Crop): string {
  return widthsFor(img.width)
    .map((w) => `${variantUrl(img, w, format, crop)} ${w}w`)
    .join(', ');
}

/** Parses a variant's file name ("640-3x2.webp"); undefined when it is not one the library makes. */
export function parseVariantName(name: string): { width: number; format: VariantFormat; crop?: Crop } | undefined {
  const m = /^([1-9][0-9]{1,4})(?:-(3x2))?\.(avif|webp|jpg)$/.exec(name);
  if (!m || !(FORMATS as readonly string[]).includes(m[3])) return undefined;
  return { width: Number(m[1]), crop: m[2] as Crop | undefined, format: m[3] as VariantFormat };
}

export type MediaEditInput = { alt: string; caption: string; credit: string; focalX: number; focalY: number };

/** Validates the edit form; errors are keyed by field. */
export function parseMediaForm(
  form: {
    alt: string;
    caption: string;
    credit: string;
    focal_x: string;
    focal_y: string;
  },
  t: T = translator('en'),
): { ok: true; value: MediaEditInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const alt = form.alt.trim().replace(/\s+/g, ' ');
  const caption = form.caption.trim();
  const credit = form.credit.trim();
  if (alt.length > MEDIA_LIMITS.alt) errors.alt = t('media.error.max_chars', { max: String(MEDIA_LIMITS.alt) });
  if (caption.length > MEDIA_LIMITS.caption) errors.caption = t('media.error.max_chars', { max: String(MEDIA_LIMITS.caption) });
  if (credit.length > MEDIA_LIMITS.credit) errors.credit = t('media.error.max_chars', { max: String(MEDIA_LIMITS.credit) });
  const pct = (v: string) => (/^(?:100|[1-9]?[0-9])$/.test(v.trim()) ? Number(v) : undefined);
  const focalX = pct(form.focal_x);
  const focalY = pct(form.focal_y);
  if (focalX === undefined) errors.focal_x = t('media.error.percent');
  if (focalY === undefined) errors.focal_y = t('media.error.percent');
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { alt, caption, credit, focalX: focalX!, focalY: focalY! } };
}
