// A gzipped tar (POSIX ustar) written and read as streams: the newsroom archive's container. Only plain
// files are written or read; names are checked so that no entry can land outside the folder it is read into.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';

const BLOCK = 512;

export class TarError extends Error {}

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`;
}

/** The 512-byte header of a regular file. */
export function tarHeader(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new TarError(`name too long for the archive: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\u000000', 257, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** Streams entries into a .tar.gz file; call finish() once. */
export async function writeTarGz(
  path: string,
  entries: AsyncIterable<{ name: string; size: number; source: string | Buffer }>,
): Promise<void> {
  async function* blocks(): AsyncGenerator<Buffer> {
    const now = Date.now();
    for await (const e of entries) {
      yield tarHeader(e.name, e.size, now);
      if (Buffer.isBuffer(e.source)) yield e.source;
      else {
        let written = 0;
        for await (const chunk of createReadStream(e.source)) {
          written += (chunk as Buffer).length;
          yield chunk as Buffer;
        }
        if (written !== e.size) throw new TarError(`${e.name} changed while it was archived`);
      }
      const pad = (BLOCK - (e.size % BLOCK)) % BLOCK;
      if (pad) yield Buffer.alloc(pad);
    }
    yield Buffer.alloc(BLOCK * 2);
  }
  await pipeline(Readable.from(blocks()), createGzip({ level: 6 }), createWriteStream(path, { flags: 'wx' }) as Writable);
}

/** A name safe to write under a folder: relative, no "..", no empty parts. */
function safeName(name: string): string | undefined {
  if (!name || name.startsWith('/') || name.includes('\\') || name.includes('\0')) return undefined;
  const parts = name.split('/');
  if (parts.some((p) => p === '..' || p === '')) return undefined;
  return normalize(name);
}

/**
 * Reads a .tar.gz (or a plain .tar) into a folder; returns the names of its files. Throws TarError on a
 * damaged or foreign file.
 */
export async function extractTar(path: string, into: string, maxBytes = Number.MAX_SAFE_INTEGER): Promise<string[]> {
  const fh = await open(path, 'r');
  const magic = Buffer.alloc(2);
  await fh.read(magic, 0, 2, 0);
  await fh.close();
  const input = createReadStream(path);
  const source: AsyncIterable<Buffer> = magic[0] === 0x1f && magic[1] === 0x8b ? input.pipe(createGunzip()) : input;
  const names: string[] = [];
  let buf: Buffer = Buffer.alloc(0);
  let total = 0;
  let current: { fd: Awaited<ReturnType<typeof open>>; left: number; pad: number } | undefined;
  let ended = false;
  try {
    for await (const chunk of source) {
      buf = buf.length ? Buffer.concat([buf, chunk]) : Buffer.from(chunk);
      while (!ended) {
        if (current) {
          if (current.left > 0) {
            if (!buf.length) break;
            const take = Math.min(current.left, buf.length);
            await current.fd.write(buf.subarray(0, take));
            buf = buf.subarray(take);
            current.left -= take;
            if (current.left > 0) break;
          }
          if (buf.length < current.pad) break;
          buf = buf.subarray(current.pad);
          await current.fd.close();
          current = undefined;
          continue;
        }
        if (buf.length < BLOCK) break;
        const h = buf.subarray(0, BLOCK);
        buf = buf.subarray(BLOCK);
        if (h.every((b) => b === 0)) {
          ended = true;
          break;
        }
        let sum = 0;
        for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
        if (Number.parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8) !== sum)
          throw new TarError('not an archive of this kind (a damaged tar header)');
        const field = (a: number, b: number) => h.toString('utf8', a, b).replace(/\0.*$/s, '');
        const size = Number.parseInt(field(124, 136).trim() || '0', 8);
        const type = field(156, 157) || '0';
        const prefix = field(345, 500);
        const name = (prefix ? `${prefix}/` : '') + field(0, 100);
        const pad = (BLOCK - (size % BLOCK)) % BLOCK;
        total += size;
        if (total > maxBytes) throw new TarError('the archive unpacks to more than the space allowed');
        if (type !== '0') {
          // Folders and links are not part of the format: skipped.
          current = { fd: await open('/dev/null', 'w'), left: size, pad };
          continue;
        }
        const safe = safeName(name);
        if (!safe) throw new TarError(`an entry with an unsafe name: ${name}`);
        const target = join(into, safe);
        if (!target.startsWith(into + sep)) throw new TarError(`an entry with an unsafe name: ${name}`);
        await mkdir(dirname(target), { recursive: true });
        names.push(safe.split(sep).join('/'));
        current = { fd: await open(target, 'w'), left: size, pad };
      }
      if (ended) break;
    }
  } catch (e) {
    if (e instanceof TarError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new TarError('not an archive of this kind (damaged compression)');
    throw e;
  } finally {
    await current?.fd.close().catch(() => undefined);
    input.destroy();
  }
  if (current || (!ended && names.length === 0)) throw new TarError('the archive is cut short');
  return names;
}
