// The library's files: masters written once, sizes encoded on first request and kept, in the configured storage.
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import {
  type Crop,
  CROPS,
  FORMATS,
  MAX_PIXELS,
  makeMaster,
  makeVariant,
  MediaError,
  type VariantFormat,
  widthsFor,
} from './image-processing.js';
import type { MediaImage } from './media.js';
import type { MediaStorage } from './media-storage.js';
import { insertMedia } from './media-store.js';

const TYPES = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png' } as const;

/** A file the library refused: why, in English (message) and as a catalogue key with its variables. */
export interface Refusal {
  name: string;
  status: number;
  message: string;
  key: MessageKey;
  vars: Record<string, string>;
}

export interface MediaLibrary {
  readonly storage: MediaStorage;
  /** Checks and stores each file; returns the new ids and, per refused file, why. */
  upload(
    files: { name: string; data: Buffer }[],
    uploadedBy: number | null,
  ): Promise<{ saved: { id: number; name: string }[]; refused: Refusal[] }>;
  /** The bytes of one size of an image, encoded now if this is its first request; undefined for a size not offered. */
  variant(img: MediaImage, width: number, format: VariantFormat, crop?: Crop): Promise<Buffer | undefined>;
  /** Where readers may fetch a size straight from the storage (made first if need be), when the storage serves them. */
  publicVariantUrl(img: MediaImage, width: number, format: VariantFormat, crop?: Crop): Promise<string | undefined>;
  /** Removes every file of an image: its master and each size of each version. */
  removeFiles(img: MediaImage): Promise<void>;
  /** Stores bytes made elsewhere (an embed's thumbnail) as a library image, checked as an upload is. */
  store(file: { name: string; data: Buffer }, uploadedBy: number | null): Promise<number>;
}

const folderOf = (key: string) => `${key.slice(0, 2)}/${key}`;
const masterKey = (img: Pick<MediaImage, 'fileKey' | 'masterFormat'>) =>
  `${folderOf(img.fileKey)}/master.${img.masterFormat === 'png' ? 'png' : 'jpg'}`;
const variantKey = (img: Pick<MediaImage, 'fileKey'>, version: number, width: number, format: VariantFormat, crop?: Crop) =>
  `${folderOf(img.fileKey)}/v${version}-${width}${crop ? `-${crop}` : ''}.${format}`;

/** Builds the library over a storage (the data folder's media/ or a bucket); two apps each get their own. */
export function createMediaLibrary(deps: { db: Db; storage: MediaStorage; clock: () => Date }): MediaLibrary {
  const { storage } = deps;
  // The same size asked twice at once is encoded once.
  const pending = new Map<string, Promise<Buffer>>();

  async function encode(img: MediaImage, key: string, width: number, format: VariantFormat, crop?: Crop): Promise<Buffer> {
    let job = pending.get(key);
    if (!job) {
      job = (async () => {
        const master = await storage.get(masterKey(img));
        if (!master) throw new Error(`the master of image ${img.id} is missing from the media storage`);
        if (img.width * img.height > MAX_PIXELS) throw new Error('master over the pixel limit');
        const out = await makeVariant(
          master,
          { width: img.width, height: img.height },
          { width, format, crop, focalX: img.focalX, focalY: img.focalY },
        );
        await storage.put(key, out, TYPES[format]);
        return out;
      })().finally(() => pending.delete(key));
      pending.set(key, job);
    }
    return job;
  }

  async function upload(files: { name: string; data: Buffer }[], uploadedBy: number | null) {
    const saved: { id: number; name: string }[] = [];
    const refused: Refusal[] = [];
    for (const file of files) {
      if (file.data.length === 0) {
        const e = new MediaError(422, 'media.error.empty', { file: file.name || '—' });
        refused.push({ name: file.name, status: 422, message: e.message, key: e.key, vars: e.vars });
        continue;
      }
      try {
        const master = await makeMaster(file.data, file.name);
        const fileKey = createHash('sha256').update(master.data).digest('hex').slice(0, 32);
        await storage.put(masterKey({ fileKey, masterFormat: master.format }), master.data, TYPES[master.format === 'png' ? 'png' : 'jpg']);
        const id = await insertMedia(
          deps.db,
          {
            fileKey,
            originalName: file.name.slice(0, 200),
            masterFormat: master.format,
            width: master.width,
            height: master.height,
            bytes: master.data.length,
            uploadedBy,
          },
          deps.clock(),
        );
        saved.push({ id, name: file.name });
      } catch (err) {
        if (!(err instanceof MediaError)) throw err;
        refused.push({ name: file.name, status: err.status, message: err.message, key: err.key, vars: err.vars });
      }
    }
    return { saved, refused };
  }

  return {
    storage,
    upload,

    async variant(img, width, format, crop) {
      if (!widthsFor(img.width).includes(width)) return undefined;
      const key = variantKey(img, img.version, width, format, crop);
      return (await storage.get(key)) ?? encode(img, key, width, format, crop);
    },

    async publicVariantUrl(img, width, format, crop) {
      if (!widthsFor(img.width).includes(width)) return undefined;
      const key = variantKey(img, img.version, width, format, crop);
      const url = storage.publicUrl(key);
      if (!url) return undefined;
      if (!(await storage.has(key))) await encode(img, key, width, format, crop);
      return url;
    },

    async removeFiles(img) {
      const keys = [masterKey(img)];
      for (let v = 1; v <= img.version; v++)
        for (const w of widthsFor(img.width))
          for (const f of FORMATS) for (const c of [undefined, ...(Object.keys(CROPS) as Crop[])]) keys.push(variantKey(img, v, w, f, c));
      await storage.remove(keys);
    },

    async store(file, uploadedBy) {
      const { saved, refused } = await upload([file], uploadedBy);
      if (!saved.length)
        throw refused[0]
          ? new MediaError(422, refused[0].key, refused[0].vars)
          : new MediaError(422, 'media.error.not_stored', { file: file.name });
      return saved[0].id;
    },
  };
}
