import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { pngHeader } from '../../../test/images.js';
import { findMedia, findMediaWithoutAlt } from './media-store.js';

/** A multipart/form-data body as a browser sends it: fields first, then the files. */
function multipart(fields: Record<string, string>, files: { name: string; data: Buffer; type?: string }[]) {
  const boundary = '----chancery-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${f.name}"\r\ncontent-type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const jpeg = (width = 1000, height = 700, colour = '#2f6f4f') =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

describe.each(DIALECTS)('media library on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect);
  });
  afterEach(() => app.close());

  type Who = { cookie: string; csrf: string };
  const upload = (who: Who, files: { name: string; data: Buffer }[], opts: { csrf?: string; json?: boolean } = {}) => {
    const body = multipart({ _csrf: opts.csrf ?? who.csrf }, files);
    return app.server.inject({
      method: 'POST',
      url: '/admin/media',
      headers: { cookie: who.cookie, 'content-type': body.contentType, ...(opts.json ? { accept: 'application/json' } : {}) },
      payload: body.payload,
    });
  };

  it('uploads several images at once, refuses the bad ones by name, and serves every size and format', async () => {
    const ed = await app.signIn('editor');
    const res = await upload(ed, [
      { name: 'ceasefire-line.jpg', data: await jpeg() },
      { name: 'notes.png', data: Buffer.from('just some text') },
      { name: 'second.jpg', data: await jpeg(500, 500, '#884422') },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('2 images added to the library.');
    expect(res.body).toContain('&quot;notes.png&quot; is not an image');
    const list = await app.server.inject({ method: 'GET', url: '/admin/media?q=ceasefire', headers: { cookie: ed.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('ceasefire-line.jpg');
    expect(list.body).not.toContain('second.jpg');
    expect(list.body).toContain('No alt text yet');
    const id = Number(/\/admin\/media\/(\d+)\/edit/.exec(list.body)![1]);
    const img = (await findMedia(app.ctx.db, id))!;
    expect(img).toMatchObject({ width: 1000, height: 700, masterFormat: 'jpeg', uploadedBy: ed.userId, version: 1 });

    for (const [name, type, width] of [
      ['320.avif', 'image/avif', 320],
      ['640.webp', 'image/webp', 640],
      ['960.jpg', 'image/jpeg', 960],
      ['480-3x2.jpg', 'image/jpeg', 480],
    ] as const) {
      const r = await app.server.inject({ method: 'GET', url: `/media/${id}/v1/${name}` });
      expect(r.statusCode, name).toBe(200);
      expect(r.headers['content-type']).toBe(type);
      expect(r.headers['cache-control']).toContain('immutable');
      expect((await sharp(r.rawPayload).metadata()).width).toBe(width);
    }
    // A size not offered (wider than the image, or not a standard width) and a name not understood are 404.
    for (const name of ['1280.jpg', '500.jpg', 'master.jpg', '320.png'])
      expect((await app.server.inject({ method: 'GET', url: `/media/${id}/v1/${name}` })).statusCode, name).toBe(404);
    expect((await app.server.inject({ method: 'GET', url: '/media/999999/v1/320.jpg' })).statusCode).toBe(404);
    const plain = await app.server.inject({ method: 'GET', url: `/media/${id}` });
    expect(plain.statusCode).toBe(302);
    expect(plain.headers.location).toBe(`/media/${id}/v1/960.jpg`);
  });

  it('saves alt text, caption, credit and focal point; a moved focal point gives the crops new addresses', async () => {
    const ed = await app.signIn('editor');
    await upload(ed, [{ name: 'map.jpg', data: await jpeg() }]);
    const [{ id }] = await app.ctx.db.selectFrom('media_images').select('id').execute();
    expect((await findMediaWithoutAlt(app.ctx.db, [Number(id)])).length).toBe(1);
    const post = (payload: Record<string, string>) =>
      app.server.inject({
        method: 'POST',
        url: `/admin/media/${id}/edit`,
        headers: { cookie: ed.cookie },
        payload: { _csrf: ed.csrf, ...payload },
      });
    const bad = await post({ alt: 'x', caption: '', credit: '', focal_x: '120', focal_y: 'top' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('A whole number from 0 to 100.');
    const ok = await post({
      alt: 'A drawn map of the line of contact',
      caption: 'The line in May',
      credit: 'Chancery',
      focal_x: '30',
      focal_y: '60',
    });
    expect(ok.statusCode).toBe(303);
    const img = (await findMedia(app.ctx.db, Number(id)))!;
    expect(img).toMatchObject({
      alt: 'A drawn map of the line of contact',
      caption: 'The line in May',
      focalX: 30,
      focalY: 60,
      version: 2,
    });
    expect((await findMediaWithoutAlt(app.ctx.db, [img.id])).length).toBe(0);
    const old = await app.server.inject({ method: 'GET', url: `/media/${id}/v1/320-3x2.webp` });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(`/media/${id}/v2/320-3x2.webp`);
    // Saving the same focal point again keeps the version.
    await post({ alt: 'A drawn map', caption: '', credit: '', focal_x: '30', focal_y: '60' });
    expect((await findMedia(app.ctx.db, Number(id)))!.version).toBe(2);
  });

  it('answers a script with JSON, and refuses a bomb, a wrong extension and an SVG with script', async () => {
    const ed = await app.signIn('author');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const r = await upload(
      ed,
      [
        { name: 'chart.svg', data: svg },
        { name: 'photo.png', data: await jpeg(400, 300) },
        { name: 'fine.jpg', data: await jpeg(400, 300) },
        { name: 'bomb.png', data: pngHeader(8000, 6000) },
      ],
      { json: true },
    );
    expect(r.statusCode).toBe(422);
    const body = r.json();
    expect(body.saved).toHaveLength(1);
    expect(body.refused.map((x: { message: string }) => x.message)).toEqual([
      expect.stringMatching(/contains a script/),
      expect.stringMatching(/named \.png but is a JPEG/),
      expect.stringMatching(/48 megapixels \(8000 × 6000\); the limit is 40/),
    ]);
    const good = await upload(ed, [{ name: 'also-fine.jpg', data: await jpeg(400, 300) }], { json: true });
    expect(good.statusCode).toBe(201);
  });

  it('refuses a file over the size limit with 413, an upload without a valid token with 403, and strangers', async () => {
    const ed = await app.signIn('editor');
    const big = await upload(ed, [{ name: 'huge.jpg', data: Buffer.alloc(16 * 1024 * 1024, 1) }]);
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('larger than 15 MB');
    const forged = await upload(ed, [{ name: 'a.jpg', data: await jpeg(100, 100) }], { csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    const none = await upload(ed, []);
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose at least one image');
    const stranger = await app.server.inject({ method: 'GET', url: '/admin/media' });
    expect(stranger.statusCode).toBe(303);
    const moderator = await app.signIn('moderator');
    expect((await app.server.inject({ method: 'GET', url: '/admin/media', headers: { cookie: moderator.cookie } })).statusCode).toBe(403);
    expect(await app.ctx.db.selectFrom('media_images').select('id').execute()).toEqual([]);
  });
});
