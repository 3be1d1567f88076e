// The library on S3-compatible storage: a small S3 server written here (PUT, GET, HEAD, DELETE, path-style,
// checking that each request is signed), the storage interface against it, and the whole library through the app.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { loadConfig } from '../../config.js';
import { folderStorage, s3Storage } from './media-storage.js';
import { findMedia } from './media-store.js';

interface FakeS3 {
  endpoint: string;
  objects: Map<string, { data: Buffer; type: string }>;
  requests: string[];
  close(): Promise<void>;
}

/** An S3 look-alike on 127.0.0.1: objects in a Map, keyed "bucket/key"; an unsigned request gets 403. */
async function fakeS3(): Promise<FakeS3> {
  const objects = new Map<string, { data: Buffer; type: string }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0]);
      requests.push(`${req.method} ${key}`);
      const auth = String(req.headers.authorization ?? '');
      const signed =
        /^AWS4-HMAC-SHA256 Credential=AKTEST\/\d{8}\/eu-test-1\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/.test(
          auth,
        ) && typeof req.headers['x-amz-date'] === 'string';
      if (!signed) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        return res.end('<Error><Code>AccessDenied</Code></Error>');
      }
      const found = objects.get(key);
      if (req.method === 'PUT') {
        objects.set(key, { data: Buffer.concat(chunks), type: String(req.headers['content-type'] ?? '') });
        res.writeHead(200);
        return res.end();
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      }
      if (!found) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        return res.end(req.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code></Error>');
      }
      res.writeHead(200, { 'content-type': found.type, 'content-length': found.data.length });
      res.end(req.method === 'HEAD' ? undefined : found.data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const S3 = (endpoint: string, over: Record<string, string> = {}) => ({
  s3Bucket: 'newsroom',
  s3Endpoint: endpoint,
  s3Region: 'eu-test-1',
  s3AccessKeyId: 'AKTEST',
  s3SecretAccessKey: 'secret-test-key',
  s3PublicUrl: '',
  ...over,
});

describe('media storage', () => {
  let s3: FakeS3;
  beforeEach(async () => {
    s3 = await fakeS3();
  });
  afterEach(() => s3.close());

  it('puts, reads, checks and removes objects in a bucket, signing every request', async () => {
    const storage = s3Storage({
      bucket: 'newsroom',
      endpoint: s3.endpoint,
      region: 'eu-test-1',
      accessKeyId: 'AKTEST',
      secretAccessKey: 'k',
    });
    expect(await storage.get('ab/abc/master.jpg')).toBeUndefined();
    expect(await storage.has('ab/abc/master.jpg')).toBe(false);
    await storage.put('ab/abc/master.jpg', Buffer.from('jpeg bytes'), 'image/jpeg');
    expect(s3.objects.get('newsroom/ab/abc/master.jpg')).toEqual({ data: Buffer.from('jpeg bytes'), type: 'image/jpeg' });
    expect((await storage.get('ab/abc/master.jpg'))?.toString()).toBe('jpeg bytes');
    expect(await storage.has('ab/abc/master.jpg')).toBe(true);
    await storage.remove(['ab/abc/master.jpg', 'ab/abc/v1-320.jpg']);
    expect(s3.objects.size).toBe(0);
    expect(storage.publicUrl('ab/abc/master.jpg')).toBeUndefined();
    // A key that could climb out of the bucket or the folder is refused before any request.
    await expect(storage.get('../etc/passwd')).rejects.toThrow('not a media storage key');
    await expect(folderStorage('/tmp/x').get('ab/../../etc')).rejects.toThrow('not a media storage key');
  });

  it('says plainly when the bucket refuses (wrong keys)', async () => {
    const storage = s3Storage({
      bucket: 'newsroom',
      endpoint: s3.endpoint,
      region: 'elsewhere-1',
      accessKeyId: 'WRONG',
      secretAccessKey: 'k',
    });
    await expect(storage.put('ab/abc/master.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(
      'S3 PUT ab/abc/master.jpg: 403 AccessDenied',
    );
  });

  it('needs both keys when a bucket is named', () => {
    expect(() => loadConfig({ S3_BUCKET: 'newsroom', CHANCERY_DATA_DIR: '/tmp/chancery-test' })).toThrow(/S3_BUCKET: set S3_ACCESS_KEY_ID/);
    expect(() => loadConfig({ S3_ENDPOINT: 'ftp://x', CHANCERY_DATA_DIR: '/tmp/chancery-test' })).toThrow(/S3_ENDPOINT: expected an http/);
  });
});

describe.each(DIALECTS)('the media library in a bucket on %s', (dialect) => {
  let app: TestApp;
  let s3: FakeS3;
  let dir: string;
  afterEach(async () => {
    await app.close();
    await s3.close();
  });
  const start = async (over: Record<string, string> = {}) => {
    s3 = await fakeS3();
    dir = `/tmp/chancery-s3-${process.pid}-${Math.random().toString(36).slice(2)}`;
    app = await testApp(dialect, { dataDir: dir, ...S3(s3.endpoint, over) });
  };

  async function uploadOne(): Promise<number> {
    const ed = await app.signIn('editor');
    const data = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#446688' } })
      .jpeg()
      .toBuffer();
    const boundary = '----s3-test';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="_csrf"\r\n\r\n${ed.csrf}\r\n`),
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="steppe.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app.server.inject({
      method: 'POST',
      url: '/admin/media',
      headers: { cookie: ed.cookie, accept: 'application/json', 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json().saved[0].id;
  }

  it('keeps masters and sizes in the bucket, serves them, and deletes them with the image', async () => {
    await start();
    const id = await uploadOne();
    const img = (await findMedia(app.ctx.db, id))!;
    const folder = `newsroom/${img.fileKey.slice(0, 2)}/${img.fileKey}`;
    expect([...s3.objects.keys()]).toEqual([`${folder}/master.jpg`]);
    const res = await app.server.inject({ method: 'GET', url: `/media/${id}/v1/480.webp` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect((await sharp(res.rawPayload).metadata()).width).toBe(480);
    expect(s3.objects.get(`${folder}/v1-480.webp`)?.type).toBe('image/webp');
    // The second request reads the bucket instead of encoding again.
    s3.requests.length = 0;
    expect((await app.server.inject({ method: 'GET', url: `/media/${id}/v1/480.webp` })).statusCode).toBe(200);
    expect(s3.requests).toEqual([`GET ${folder}/v1-480.webp`]);
    // Nothing was written under the data folder.
    expect(existsSync(join(dir, 'media'))).toBe(false);

    const ed = await app.signIn('editor');
    const del = await app.server.inject({
      method: 'POST',
      url: `/admin/media/${id}/delete`,
      headers: { cookie: ed.cookie },
      payload: { _csrf: ed.csrf },
    });
    expect(del.statusCode).toBe(303);
    expect(s3.objects.size).toBe(0);
  });

  it('sends readers to the public address of the bucket when one is configured', async () => {
    await start({ s3PublicUrl: 'https://cdn.example.org/newsroom/' });
    const id = await uploadOne();
    const img = (await findMedia(app.ctx.db, id))!;
    const res = await app.server.inject({ method: 'GET', url: `/media/${id}/v1/320.jpg` });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`https://cdn.example.org/newsroom/${img.fileKey.slice(0, 2)}/${img.fileKey}/v1-320.jpg`);
    // The size was made and put in the bucket before the reader was sent there.
    expect(s3.objects.has(`newsroom/${img.fileKey.slice(0, 2)}/${img.fileKey}/v1-320.jpg`)).toBe(true);
  });
});
