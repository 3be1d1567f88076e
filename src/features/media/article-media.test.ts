// Library images in articles: the editor offers them as covers, publishing needs their alt text, and the
// article page shows the cover as <picture>.
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeAuthor } from '../../../test/factories.js';
import { insertRubric } from '../rubrics/rubric-store.js';
import { createMediaLibrary } from './media-library.js';
import { mediaStorageFor } from './media-storage.js';
import { updateMedia } from './media-store.js';

describe.each(DIALECTS)('library images in articles on %s', (dialect) => {
  let app: TestApp;
  let authorId: number;
  let rubricId: number;
  let imageId: number;
  const queries: string[] = [];
  beforeEach(async () => {
    app = await testApp(dialect, {}, { onQuery: (q) => queries.push(q) });
    authorId = await makeAuthor(app.ctx.db, { slug: 'aigerim-bekova', name: 'Aigerim Bekova' });
    rubricId = await insertRubric(app.ctx.db, { slug: 'analysis', name: 'Analysis', description: '', position: 1 });
    const library = createMediaLibrary({ db: app.ctx.db, storage: mediaStorageFor(app.ctx.config), clock: app.ctx.clock });
    const data = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#335577' } })
      .jpeg()
      .toBuffer();
    const { saved } = await library.upload([{ name: 'pass.jpg', data }], null);
    imageId = saved[0].id;
  });
  afterEach(() => app.close());

  type Who = { cookie: string; csrf: string };
  const post = (who: Who, url: string, payload: Record<string, string | string[]>) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });
  const form = (over: Record<string, string> = {}) => ({
    title: 'The Torugart pass reopens',
    slug: 'torugart-pass',
    lead: 'Trucks cross again.',
    body: 'The pass reopened on Monday.',
    language: 'en',
    rubric_id: String(rubricId),
    author_ids: [String(authorId)],
    tags: '',
    cover_url: `/media/${imageId}`,
    cover_caption: 'The road to the pass',
    cover_credit: '',
    comments_mode: 'on',
    action: 'publish',
    ...over,
  });

  it('offers library images as covers and will not publish one without alt text', async () => {
    const ed = await app.signIn('editor');
    const editor = await app.server.inject({ method: 'GET', url: '/admin/articles/new', headers: { cookie: ed.cookie } });
    expect(editor.body).toContain(`<option value="/media/${imageId}">pass.jpg</option>`);
    expect(editor.body).toContain('list="media-library"');

    const refused = await post(ed, '/admin/articles/new', form());
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(`Add alt text to the image /media/${imageId} (pass.jpg) in the media library before publishing.`);
    const inline = await post(ed, '/admin/articles/new', form({ cover_url: '', body: `Text.\n\n![](/media/${imageId})` }));
    expect(inline.statusCode).toBe(422);
    expect(inline.body).toContain('Add alt text to the image');
    // A draft may use it: alt text is needed only to go out.
    expect((await post(ed, '/admin/articles/new', form({ action: 'draft', slug: 'draft-piece' }))).statusCode).toBe(303);

    await updateMedia(
      app.ctx.db,
      imageId,
      { alt: 'Lorries queue at the border post', caption: '', credit: '', focalX: 50, focalY: 40 },
      new Date(),
    );
    const published = await post(ed, '/admin/articles/new', form());
    expect(published.statusCode).toBe(303);

    const page = await app.server.inject({ method: 'GET', url: '/articles/torugart-pass' });
    expect(page.statusCode).toBe(200);
    const picture = /<figure class="article-cover"><picture>([\s\S]*?)<\/picture>/.exec(page.body)?.[1] ?? '';
    expect(picture).toContain('type="image/avif"');
    expect(picture).toContain('type="image/webp"');
    expect(picture).toContain(`/media/${imageId}/v2/1600-3x2.avif 1600w`);
    expect(picture).toContain(`/media/${imageId}/v2/320-3x2.jpg 320w`);
    expect(picture).toContain('sizes="(min-width: 42rem) 40rem, 100vw"');
    // The 3:2 crop of a 1600 × 1200 image: 1600 × 1067, from the width and height the page sets.
    expect(picture).toContain('width="1600"');
    expect(picture).toContain('height="1067"');
    expect(picture).toContain('alt="Lorries queue at the border post"');
    expect(picture).toContain('loading="eager"');
    expect(picture).toContain('fetchpriority="high"');
    expect(page.body).toContain('The road to the pass');
    const jpeg = await app.server.inject({ method: 'GET', url: `/media/${imageId}/v2/960-3x2.jpg` });
    expect(jpeg.statusCode).toBe(200);
    expect(await sharp(jpeg.rawPayload).metadata()).toMatchObject({ width: 960, height: 640, format: 'jpeg' });
  });

  it("reads the cover and the body's images in one query on a miss, and draws each", async () => {
    const library = createMediaLibrary({ db: app.ctx.db, storage: mediaStorageFor(app.ctx.config), clock: app.ctx.clock });
    const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#775533' } })
      .png()
      .toBuffer();
    const second = (await library.upload([{ name: 'map.png', data }], null)).saved[0].id;
    const meta = { caption: '', credit: 'Drawn by the desk', focalX: 50, focalY: 50 };
    await updateMedia(app.ctx.db, imageId, { alt: 'The border post', ...meta }, new Date());
    await updateMedia(app.ctx.db, second, { alt: 'A map of the route', ...meta }, new Date());
    const ed = await app.signIn('editor');
    const body = `The pass reopened.\n\n![](/media/${second})\n\nTrucks cross.`;
    expect((await post(ed, '/admin/articles/new', form({ body }))).statusCode).toBe(303);
    queries.length = 0;
    const page = await app.server.inject({ method: 'GET', url: '/articles/torugart-pass' });
    expect(page.statusCode).toBe(200);
    expect(queries.filter((q) => q.includes('media_images'))).toHaveLength(1);
    expect(page.body).toMatch(/<figure class="article-cover"><picture>[\s\S]*?alt="The border post"/);
    expect(page.body).toMatch(/<figure class="article-figure"><picture>[\s\S]*?alt="A map of the route"/);
    expect(page.body).toContain('Drawn by the desk');
  });
});
