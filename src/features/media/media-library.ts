// The library's files: masters written once under the data folder, sizes encoded on first request and kept.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../platform/db.js';
import { type Crop, MAX_PIXELS, makeMaster, makeVariant, MediaError, type VariantFormat, widthsFor } from './image-processing.js';
import type { MediaImage } from './media.js';
import { insertMedia } from './media-store.js';

export interface MediaLibrary {
  /** Checks and stores each file; returns the new ids and, per refused file, why. */
  upload(
    files: { name: string; data: Buffer }[],
    uploadedBy: number | null,
  ): Promise<{ saved: { id: number; name: string }[]; refused: { name: string; status: number; message: string }[] }>;
  /** The bytes of one size of an image, encoded now if this is its first request; undefined for a size not offered. */
  variant(img: MediaImage, width: number, format: VariantFormat, crop?: Crop): Promise<Buffer | undefined>;
}

/** Builds the library over a folder (DATA_DIR/media); two apps each get their own. */
export function createMediaLibrary(deps: { db: Db; dir: string; clock: () => Date }): MediaLibrary {
  const folderOf = (key: string) => join(deps.dir, key.slice(0, 2), key);
  // The same size asked twice at once is encoded once.
  const pending = new Map<string, Promise<Buffer>>();

  async function writeAtomically(path: string, data: Buffer): Promise<void> {
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, path);
  }

  return {
    async upload(files, uploadedBy) {
      const saved: { id: number; name: string }[] = [];
      const refused: { name: string; status: number; message: string }[] = [];
      for (const file of files) {
        if (file.data.length === 0) {
          refused.push({ name: file.name, status: 422, message: `"${file.name || 'the file'}" is empty.` });
          continue;
        }
        try {
          const master = await makeMaster(file.data, file.name);
          const key = createHash('sha256').update(master.data).digest('hex').slice(0, 32);
          const folder = folderOf(key);
          await mkdir(folder, { recursive: true });
          await writeAtomically(join(folder, `master.${master.format === 'png' ? 'png' : 'jpg'}`), master.data);
          const id = await insertMedia(
            deps.db,
            {
              fileKey: key,
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
          refused.push({ name: file.name, status: err.status, message: err.message });
        }
      }
      return { saved, refused };
    },

    async variant(img, width, format, crop) {
      if (!widthsFor(img.width).includes(width)) return undefined;
      const folder = folderOf(img.fileKey);
      const path = join(folder, `v${img.version}-${width}${crop ? `-${crop}` : ''}.${format}`);
      const known = await stat(path).catch(() => undefined);
      if (known) return readFile(path);
      let job = pending.get(path);
      if (!job) {
        job = (async () => {
          const master = await readFile(join(folder, `master.${img.masterFormat === 'png' ? 'png' : 'jpg'}`));
          if (img.width * img.height > MAX_PIXELS) throw new Error('master over the pixel limit');
          const out = await makeVariant(
            master,
            { width: img.width, height: img.height },
            { width, format, crop, focalX: img.focalX, focalY: img.focalY },
          );
          await writeAtomically(path, out);
          return out;
        })().finally(() => pending.delete(path));
        pending.set(path, job);
      }
      return job;
    },
  };
}
