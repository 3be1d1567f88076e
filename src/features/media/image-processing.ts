// What sharp does for the library: checks an upload (format, name, size, scripts in SVG), makes the master
// kept on disk (turned upright, metadata and so EXIF location removed) and the sizes pages ask for.
import { createRequire } from 'node:module';
import { type MessageKey, translator } from '../../platform/i18n/index.js';
import type { Metadata, Sharp, SharpOptions } from 'sharp';

// Loaded on first use (libvips adds some 100 ms to a start that serves no upload); Node's require cache keeps it.
const load = createRequire(import.meta.url);
const sharp = (input?: Buffer, options?: SharpOptions): Sharp => (load('sharp') as (i?: Buffer, o?: SharpOptions) => Sharp)(input, options);

/** Above this many pixels an image is refused before it is decoded: a "decompression bomb". */
export const MAX_PIXELS = 40_000_000;
/** The widths pages may ask for; nothing else is ever encoded, so a request cannot make the server work at will. */
export const WIDTHS = [320, 480, 640, 960, 1280, 1600] as const;
export const FORMATS = ['avif', 'webp', 'jpg'] as const;
export type VariantFormat = (typeof FORMATS)[number];
/** Crops pages use, as width:height; the focal point stays inside them. */
export const CROPS = { '3x2': 3 / 2 } as const;
export type Crop = keyof typeof CROPS;

/** A file refused, with the status and a sentence for the person who sent it: a catalogue key and its variables. */
export class MediaError extends Error {
  constructor(
    readonly status: 413 | 422,
    readonly key: MessageKey,
    readonly vars: Record<string, string> = {},
  ) {
    // The message is the sentence in English, for logs and the command line; pages say it in their language.
    super(translator('en')(key, vars));
    this.name = 'MediaError';
  }
}

/** What an accepted upload becomes. */
export interface Master {
  data: Buffer;
  format: 'jpeg' | 'png';
  width: number;
  height: number;
}

// The extensions accepted and the format sharp must find inside each; AVIF reads as "heif".
const EXTENSIONS: Record<string, string> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  avif: 'heif',
  svg: 'svg',
};
const FORMAT_NAMES: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', gif: 'GIF', heif: 'AVIF', svg: 'SVG' };

/** Reads an upload, refuses what it must and returns the master to keep; throws MediaError. */
export async function makeMaster(input: Buffer, fileName: string): Promise<Master> {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (!ext || !(ext in EXTENSIONS))
    throw new MediaError(422, 'media.error.extension', { file: fileName, endings: Object.keys(EXTENSIONS).join(', ') });
  let meta: Metadata;
  try {
    // Reading the header decodes no pixels, so a bomb is measured before it can explode.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new MediaError(422, 'media.error.unreadable', { file: fileName });
  }
  const found = meta.format === 'heif' && meta.compression !== 'av1' ? 'heic' : meta.format;
  if (!(found in FORMAT_NAMES)) throw new MediaError(422, 'media.error.format', { file: fileName, format: String(found).toUpperCase() });
  if (EXTENSIONS[ext] !== found) throw new MediaError(422, 'media.error.misnamed', { file: fileName, ext, format: FORMAT_NAMES[found] });
  if (found === 'svg') {
    const problem = svgProblem(input.toString('utf8'));
    if (problem) throw new MediaError(422, problem, { file: fileName });
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw new MediaError(422, 'media.error.no_size', { file: fileName });
  if (width * height > MAX_PIXELS)
    throw new MediaError(422, 'media.error.pixels', {
      file: fileName,
      megapixels: ((width * height) / 1e6).toFixed(0),
      width: String(width),
      height: String(height),
      limit: String(MAX_PIXELS / 1e6),
    });

  try {
    // rotate() turns the pixels upright by their EXIF orientation; sharp writes no metadata unless asked,
    // so the master keeps neither the camera's location nor its serial number.
    const image = sharp(input, { limitInputPixels: MAX_PIXELS, density: found === 'svg' ? 144 : undefined }).rotate();
    const keepsAlpha = found === 'png' || found === 'gif' || found === 'svg' || (meta.hasAlpha ?? false);
    const { data, info } = keepsAlpha
      ? await image.png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true })
      : await image.jpeg({ quality: 92, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    return { data, format: keepsAlpha ? 'png' : 'jpeg', width: info.width, height: info.height };
  } catch {
    throw new MediaError(422, 'media.error.damaged', { file: fileName });
  }
}

/**
 * Why an SVG is refused, or undefined. A drawing is rasterised and never served as SVG, but one that carries
 * a script, an event handler or a reference outside itself is refused outright: it was made to do more than draw.
 */
export function svgProblem(text: string): MessageKey | undefined {
  if (/<script[\s>/]/i.test(text)) return 'media.error.svg_script';
  if (/\son[a-z]+\s*=/i.test(text)) return 'media.error.svg_handler';
  if (/javascript:/i.test(text)) return 'media.error.svg_javascript';
  if (/<foreignObject[\s>/]/i.test(text)) return 'media.error.svg_foreign';
  if (/<!ENTITY/i.test(text)) return 'media.error.svg_entity';
  if (/(?:xlink:)?href\s*=\s*["']\s*(?!#|data:image\/)/i.test(text)) return 'media.error.svg_external';
  return undefined;
}

/** The widths offered for an image of this width: the standard ones it covers, or its own width when small. */
export function widthsFor(width: number): number[] {
  const fit = WIDTHS.filter((w) => w <= width);
  return fit.length ? fit : [width];
}

/** The region of the master a crop takes: the largest of that shape, centred on the focal point as far as it can. */
export function cropRegion(
  width: number,
  height: number,
  ratio: number,
  focalX: number,
  focalY: number,
): { left: number; top: number; width: number; height: number } {
  let w = width;
  let h = Math.round(width / ratio);
  if (h > height) {
    h = height;
    w = Math.round(height * ratio);
  }
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  const left = clamp(Math.round((focalX / 100) * width - w / 2), width - w);
  const top = clamp(Math.round((focalY / 100) * height - h / 2), height - h);
  return { left, top, width: w, height: h };
}

/** Encodes one size of a master: `width` wide, cropped around the focal point when `crop` is given. */
export async function makeVariant(
  master: Buffer,
  size: { width: number; height: number },
  opts: { width: number; format: VariantFormat; crop?: Crop; focalX: number; focalY: number },
): Promise<Buffer> {
  let image = sharp(master, { limitInputPixels: MAX_PIXELS });
  if (opts.crop) image = image.extract(cropRegion(size.width, size.height, CROPS[opts.crop], opts.focalX, opts.focalY));
  image = image.resize({ width: opts.width, withoutEnlargement: true });
  // Effort is turned down from the defaults: each size is encoded once, on its first request, while a reader waits.
  if (opts.format === 'avif') return image.avif({ quality: 55, effort: 2 }).toBuffer();
  if (opts.format === 'webp') return image.webp({ quality: 78, effort: 3 }).toBuffer();
  return image.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true, progressive: true }).toBuffer();
}
