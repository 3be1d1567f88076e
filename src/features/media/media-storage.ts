// Where the library's files live: a folder under the data directory by default, or an S3-compatible bucket
// when one is configured. The library sees one interface; keys look like "ab/abcdef.../master.jpg".
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

export interface MediaStorage {
  readonly kind: 'folder' | 's3';
  /** The bytes under this key, or undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Writes the bytes under this key (whole or not at all). */
  put(key: string, data: Buffer, type: string): Promise<void>;
  /** True when something is stored under this key. */
  has(key: string): Promise<boolean>;
  /** Removes these keys; a key already gone is no error. */
  remove(keys: string[]): Promise<void>;
  /** An address readers may fetch the stored object from directly, when the storage offers one. */
  publicUrl(key: string): string | undefined;
}

/** The options of S3-compatible storage (AWS, MinIO, Ceph, R2, Scaleway...). */
export interface S3Options {
  bucket: string;
  /** The service's address, such as https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:9000. */
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where the bucket's objects can be read by anyone (a CDN or a public bucket); empty: served through Chancery. */
  publicUrl?: string;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/._-]{0,200}$/;
function checkKey(key: string): void {
  if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`not a media storage key: ${key}`);
}

/** Files in a folder (DATA_DIR/media); each write lands under a temporary name first, then is renamed. */
export function folderStorage(dir: string): MediaStorage {
  const root = resolve(dir);
  const pathOf = (key: string) => {
    checkKey(key);
    const p = join(root, key);
    if (!p.startsWith(root + sep)) throw new Error(`not a media storage key: ${key}`);
    return p;
  };
  return {
    kind: 'folder',
    async get(key) {
      return readFile(pathOf(key)).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw e;
      });
    },
    async put(key, data) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Unique per write: two uploads of the same image at once share a key, and a shared temporary name
      // let one rename take the other's file away (ENOENT).
      const tmp = `${path}.${process.pid}.${randomUUID()}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, path);
    },
    async has(key) {
      return (await stat(pathOf(key)).catch(() => undefined)) !== undefined;
    },
    async remove(keys) {
      const folders = new Set<string>();
      for (const key of keys) {
        const path = pathOf(key);
        await rm(path, { force: true });
        folders.add(dirname(path));
      }
      // An image's folder goes with its last file; a folder still holding something stays.
      for (const folder of folders) {
        await rmdir(folder).catch(() => undefined);
        await rmdir(dirname(folder)).catch(() => undefined);
      }
    },
    publicUrl: () => undefined,
  };
}

type Fetch = typeof fetch;
type Signer = { fetch: (url: string, init: RequestInit) => Promise<Response> };

/** Objects in an S3-compatible bucket, addressed path-style (endpoint/bucket/key), signed with AWS Signature V4. */
export function s3Storage(opts: S3Options, deps: { fetch?: Fetch } = {}): MediaStorage {
  const base = `${opts.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(opts.bucket)}`;
  const publicBase = opts.publicUrl?.replace(/\/+$/, '');
  let signer: Promise<Signer> | undefined;
  // aws4fetch is loaded when the bucket is first used: a server on the data folder never loads it.
  const client = () =>
    (signer ??= import('aws4fetch').then(
      ({ AwsClient }) =>
        new AwsClient({
          accessKeyId: opts.accessKeyId,
          secretAccessKey: opts.secretAccessKey,
          region: opts.region,
          service: 's3',
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
        }) as unknown as Signer,
    ));
  const urlOf = (key: string) => {
    checkKey(key);
    return `${base}/${key}`;
  };
  async function call(method: string, key: string, init: RequestInit = {}): Promise<Response> {
    const res = await (await client()).fetch(urlOf(key), { method, ...init });
    return res;
  }
  const failure = async (what: string, key: string, res: Response) => {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    return new Error(`S3 ${what} ${key}: ${res.status}${code ? ` ${code}` : ''}`);
  };
  return {
    kind: 's3',
    async get(key) {
      const res = await call('GET', key);
      if (res.status === 404) {
        await res.body?.cancel();
        return undefined;
      }
      if (!res.ok) throw await failure('GET', key, res);
      return Buffer.from(await res.arrayBuffer());
    },
    async put(key, data, type) {
      const res = await call('PUT', key, { body: new Uint8Array(data), headers: { 'content-type': type } });
      if (!res.ok) throw await failure('PUT', key, res);
      await res.body?.cancel();
    },
    async has(key) {
      const res = await call('HEAD', key);
      await res.body?.cancel();
      if (res.status === 404) return false;
      if (!res.ok) throw new Error(`S3 HEAD ${key}: ${res.status}`);
      return true;
    },
    async remove(keys) {
      for (const key of keys) {
        const res = await call('DELETE', key);
        if (!res.ok && res.status !== 404) throw await failure('DELETE', key, res);
        await res.body?.cancel();
      }
    },
    publicUrl: (key) => (publicBase ? `${publicBase}/${key}` : undefined),
  };
}

/** The storage the configuration names: a bucket when S3_BUCKET is set, else DATA_DIR/media. */
export function mediaStorageFor(config: {
  dataDir: string;
  s3Bucket: string;
  s3Endpoint: string;
  s3Region: string;
  s3AccessKeyId: string;
  s3SecretAccessKey: string;
  s3PublicUrl: string;
}): MediaStorage {
  if (!config.s3Bucket) return folderStorage(join(config.dataDir, 'media'));
  return s3Storage({
    bucket: config.s3Bucket,
    endpoint: config.s3Endpoint,
    region: config.s3Region,
    accessKeyId: config.s3AccessKeyId,
    secretAccessKey: config.s3SecretAccessKey,
    publicUrl: config.s3PublicUrl || undefined,
  });
}
