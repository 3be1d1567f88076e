// Library images inside an article's body (figure, picture, caption, credit, eager then lazy), the editor's
// picker, and deleting an image: refused while an article uses it, its files removed once it goes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeAuthor } from '../../../test/factories.js';
import { insertRubric } from '../rubrics/rubric-store.js';
import { createMediaLibrary } from './media-library.js';
import { folderStorage } from './media-storage.js';
import { findMedia, updateMedia } from './media-store.js';

describe.each(DIALECTS)('inline images and deletion on %s', (dialect) => {
  let app: TestApp;
  let authorId: number;
  let rubricId: number;
  let mapId: number;
  let chartId: number;
  let dir: string;
  beforeEach(async () => {
    dir = `/tmp/chancery-media-${process.pid}-${Math.random().toString(36).slice(2)}`;
    app = await testApp(dialect, { dataDir: dir });
    authorId = await makeAuthor(app.ctx.db, { slug: 'aigerim-bekova', name: 'Aigerim Bekova' });
    rubricId = await insertRubric(app.ctx.db, { slug: 'analysis', name: 'Analysis', description: '', position: 1 });
    const library = createMediaLibrary({ db: app.ctx.db, storage: folderStorage(join(dir, 'media')), clock: app.ctx.clock });
    const img = (colour: string) =>
      sharp({ create: { width: 1400, height: 900, channels: 3, background: colour } })
        .jpeg()
        .toBuffer();
    const { saved } = await library.upload(
      [
        { name: 'map.jpg', data: await img('#335577') },
        { name: 'chart.jpg', data: await img('#775533') },
      ],
      null,
    );
    [mapId, chartId] = saved.map((s) => s.id);
    await updateMedia(
      app.ctx.db,
      mapId,
      { alt: 'Map of the route', caption: 'The route', credit: 'The Desk', focalX: 50, focalY: 50 },
      new Date(),
    );
    await updateMedia(app.ctx.db, chartId, { alt: 'Chart of trade', caption: '', credit: '', focalX: 50, focalY: 50 }, new Date());
  });
  afterEach(() => app.close());

  type Who = { cookie: string; csrf: string };
  const post = (who: Who, url: string, payload: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie, ...headers }, payload: { _csrf: who.csrf, ...payload } });
  const form = (over: Record<string, string> = {}) => ({
    title: 'The route east',
    slug: 'route-east',
    lead: 'A road.',
    body: `The road.\n\n![](/media/${mapId})\n\nMore text.\n\n![Bars by year](/media/${chartId} "Trade by year")\n\nEnd.`,
    language: 'en',
    rubric_id: String(rubricId),
    author_ids: [String(authorId)],
    tags: '',
    cover_url: '',
    cover_caption: '',
    cover_credit: '',
    comments_mode: 'on',
    action: 'publish',
    ...over,
  });

  it('shows library images in the body as figures with pictures, the first eager and the next lazy', async () => {
    const ed = await app.signIn('editor');
    const editor = await app.server.inject({ method: 'GET', url: '/admin/articles/new', headers: { cookie: ed.cookie } });
    expect(editor.body).toContain('data-media-picker');
    expect(editor.body).toContain(`data-insert="![](/media/${mapId})"`);
    expect(editor.body).toContain('/assets/js/media.js');

    expect((await post(ed, '/admin/articles/new', form())).statusCode).toBe(303);
    const page = await app.server.inject({ method: 'GET', url: '/articles/route-east' });
    expect(page.statusCode).toBe(200);
    const figures = [...page.body.matchAll(/<figure class="article-figure">([\s\S]*?)<\/figure>/g)].map((m) => m[1]);
    expect(figures).toHaveLength(2);
    expect(figures[0]).toContain('type="image/avif"');
    expect(figures[0]).toContain('type="image/webp"');
    expect(figures[0]).toContain(`/media/${mapId}/v1/1280.avif 1280w`);
    expect(figures[0]).toContain('sizes="(min-width: 42rem) 40rem, 100vw"');
    expect(figures[0]).toContain('width="1400"');
    expect(figures[0]).toContain('height="900"');
    expect(figures[0]).toContain('alt="Map of the route"');
    // No cover: the first image is above the fold.
    expect(figures[0]).toContain('loading="eager"');
    expect(figures[0]).toContain('<figcaption>The route <span class="credit">Image: The Desk</span></figcaption>');
    // The article's own alt text and title win over the library's.
    expect(figures[1]).toContain('alt="Bars by year"');
    expect(figures[1]).toContain('loading="lazy"');
    expect(figures[1]).toContain('<figcaption>Trade by year</figcaption>');
    expect(page.body).not.toContain(`<img src="/media/${mapId}"`);

    // With a cover above, every inline image is lazy.
    await post(ed, '/admin/articles/new', form({ slug: 'with-cover', cover_url: `/media/${chartId}` }));
    const covered = await app.server.inject({ method: 'GET', url: '/articles/with-cover' });
    const inline = /<figure class="article-figure">([\s\S]*?)<\/figure>/.exec(covered.body)?.[1] ?? '';
    expect(inline).toContain('loading="lazy"');
    // The front page's lead shows the same cover in every size, as a decoration beside its title.
    const home = await app.server.inject({ method: 'GET', url: '/' });
    const lead = /<a class="teaser-cover"[^>]*>([\s\S]*?)<\/a>/.exec(home.body)?.[1] ?? '';
    expect(lead).toContain(`/media/${chartId}/v1/960-3x2.avif 960w`);
    expect(lead).toMatch(/<img [^>]*\balt[ />]/);
    expect(lead).not.toContain('Chart of trade');
  });

  it('refuses to delete an image an article uses, naming the articles, and removes its files once free', async () => {
    const ed = await app.signIn('editor');
    await post(ed, '/admin/articles/new', form({ body: `Text.\n\n![](/media/${mapId})`, action: 'draft' }));
    const key = (await findMedia(app.ctx.db, mapId))!.fileKey;
    const folder = join(dir, 'media', key.slice(0, 2), key);
    // A size made by a reader's request is a file too.
    expect((await app.server.inject({ method: 'GET', url: `/media/${mapId}/v1/640.webp` })).statusCode).toBe(200);
    expect(existsSync(join(folder, 'v1-640.webp'))).toBe(true);

    const refused = await post(ed, `/admin/media/${mapId}/delete`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('This image is used by an article, so it was not deleted.');
    expect(refused.body).toContain('>The route east</a>');
    const json = await post(ed, `/admin/media/${mapId}/delete`, {}, { accept: 'application/json' });
    expect(json.statusCode).toBe(409);
    expect(json.json().articles).toEqual([expect.objectContaining({ title: 'The route east' })]);
    expect(await findMedia(app.ctx.db, mapId)).toBeDefined();

    // An image no article names is deleted at once.
    const other = await post(ed, `/admin/media/${chartId}/delete`, {});
    expect(other.statusCode).toBe(303);
    expect(other.headers.location).toBe('/admin/media?deleted=1');

    const id = (await app.server.inject({ method: 'GET', url: '/admin/articles', headers: { cookie: ed.cookie } })).body.match(
      /\/admin\/articles\/(\d+)\/edit/,
    )![1];
    await post(ed, `/admin/articles/${id}/edit`, form({ body: 'Text without images.', action: 'draft' }));
    const done = await post(ed, `/admin/media/${mapId}/delete`, {});
    expect(done.statusCode).toBe(303);
    expect(await findMedia(app.ctx.db, mapId)).toBeUndefined();
    expect(existsSync(folder)).toBe(false);
    expect((await app.server.inject({ method: 'GET', url: `/media/${mapId}/v1/640.webp` })).statusCode).toBe(404);
    const notice = await app.server.inject({ method: 'GET', url: '/admin/media?deleted=1', headers: { cookie: ed.cookie } });
    expect(notice.body).toContain('Image deleted, with every size of it.');
  });

  it('keeps the files another image shares (the same picture uploaded twice)', async () => {
    const ed = await app.signIn('editor');
    const library = createMediaLibrary({ db: app.ctx.db, storage: folderStorage(join(dir, 'media')), clock: app.ctx.clock });
    const data = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer();
    const { saved } = await library.upload(
      [
        { name: 'one.jpg', data },
        { name: 'two.jpg', data },
      ],
      null,
    );
    const [one, two] = await Promise.all(saved.map((s) => findMedia(app.ctx.db, s.id)));
    expect(one!.fileKey).toBe(two!.fileKey);
    const folder = join(dir, 'media', one!.fileKey.slice(0, 2), one!.fileKey);
    expect((await post(ed, `/admin/media/${one!.id}/delete`, {})).statusCode).toBe(303);
    expect(existsSync(join(folder, 'master.jpg'))).toBe(true);
    expect((await app.server.inject({ method: 'GET', url: `/media/${two!.id}/v1/320.jpg` })).statusCode).toBe(200);
    expect((await post(ed, `/admin/media/${two!.id}/delete`, {})).statusCode).toBe(303);
    expect(existsSync(folder)).toBe(false);
  });
});
