import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import type { Db } from '../../platform/db.js';
import { findArticleBySlug } from '../articles/article-store.js';
import { createMediaLibrary } from '../media/media-library.js';
import { folderStorage } from '../media/media-storage.js';
import { findMedia } from '../media/media-store.js';
import { findRedirect } from '../redirects/redirect-store.js';
import { importWordPress } from './wordpress-import.js';
import { localPath, wpBodyHtml, WxrError } from './wxr-reader.js';

const NOW = new Date('2026-12-07T06:00:00Z');
const clock = () => NOW;
const FIXTURES = join(import.meta.dirname, 'fixtures');
const WXR = join(FIXTURES, 'wordpress.xml');

describe('wpBodyHtml', () => {
  it('makes paragraphs from blank lines and keeps block HTML as it is', () => {
    const { html } = wpBodyHtml('One line\nand its second.\n\n<h2>Title</h2>\n\n<p>Kept</p>');
    expect(html).toBe('<p>One line<br>\nand its second.</p>\n\n<h2>Title</h2>\n\n<p>Kept</p>');
  });
  it('turns [caption] into a figure, removes unknown shortcodes but keeps their text and a bracketed word', () => {
    const { html, shortcodes } = wpBodyHtml(
      '[caption id="a" width="300"]<img src="x.png" /> A caption[/caption]\n\n[gallery ids="1,2"]\n\n[note]Inner text[/note] and [sic].',
    );
    expect(html).toContain('<figure><img src="x.png" /><figcaption>A caption</figcaption></figure>');
    expect(html).not.toContain('gallery');
    expect(html).toContain('Inner text and [sic].');
    expect(shortcodes).toEqual(['note', 'gallery']);
  });
  it('keeps only old addresses on the old host', () => {
    expect(localPath('https://old.example/2024/05/a/', 'https://old.example')).toBe('/2024/05/a/');
    expect(localPath('https://other.example/a/', 'https://old.example')).toBeUndefined();
    expect(localPath('https://old.example/?p=3', 'https://old.example')).toBe('/?p=3');
  });
});

describe.each(DIALECTS)('WordPress import (%s)', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
    dir = mkdtempSync(join(tmpdir(), 'chancery-wxr-'));
  });
  afterEach(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });
  const deps = () => ({
    db,
    clock,
    media: createMediaLibrary({ db, storage: folderStorage(dir), clock }),
    mediaDir: join(FIXTURES, 'wp-uploads'),
  });

  it('imports posts, pages, authors, rubrics, tags, comments, images and redirects', async () => {
    const progress: number[] = [];
    const r = await importWordPress(WXR, deps(), (done) => progress.push(done));
    expect(r.articles).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(progress.length).toBeGreaterThanOrEqual(2);

    const post = (await findArticleBySlug(db, 'water-talks'))!;
    expect(post.title).toBe('Water talks & the <em>new</em> canal');
    expect(post.status).toBe('published');
    expect(post.publishedAt).toBe('2024-05-01T08:00:00.000Z');
    expect(post.authors.map((a) => a.name)).toEqual(['Aigerim Bekova']);
    expect(post.rubric?.slug).toBe('analysis');
    expect(post.tags.map((t) => t.name).sort()).toEqual(['Afghanistan', 'Water']);
    expect(post.lead).toBe('Kabul builds, downstream worries.');
    expect(post.commentsMode).toBe('on');
    // The featured image and the inline one both come from the library; the sanitiser ran as on any save.
    const coverId = Number(post.cover?.url.replace('/media/', ''));
    const image = (await findMedia(db, coverId))!;
    expect(image.alt).toBe('The Amu Darya from the Pamirs to the Aral Sea');
    expect(post.bodyMd).toContain(`src="/media/${coverId}"`);
    expect(post.bodyMd).not.toContain('srcset');
    expect(post.bodyHtml).not.toContain('<script');
    expect(post.bodyHtml).not.toContain('onclick');
    expect(post.bodyHtml).toContain('<figcaption>The basin, drawn by our desk</figcaption>');
    expect(post.bodyHtml).not.toContain('contact-form-7');
    expect(post.bodyHtml).toContain('[sic]');
    expect(r.warnings.some((w) => w.text.includes('contact-form-7'))).toBe(true);

    // Cyrillic slug decoded and transliterated, language told by the text; comments closed as they were.
    const ru = await db.selectFrom('articles').selectAll().where('title', '=', 'Переговоры о воде').executeTakeFirstOrThrow();
    expect(ru.slug).toMatch(/^peregovory/);
    expect(ru.language).toBe('ru');
    expect(ru.comments_mode).toBe('closed');
    // A scheduled post stays scheduled; a Chinese title without a slug gets one.
    const zh = await db.selectFrom('articles').selectAll().where('title', '=', '中亚水资源谈判').executeTakeFirstOrThrow();
    expect(zh.status).toBe('scheduled');
    expect(zh.language).toBe('zh');
    expect(zh.slug).toMatch(/^[a-z0-9-]+$/);
    expect(zh.published_at).toBe('2026-12-20T01:00:00.000Z');
    // A draft with the zero date of WordPress, by an author the export does not list.
    const draft = (await findArticleBySlug(db, 'unfinished-thoughts'))!;
    expect(draft.status).toBe('draft');
    expect(draft.authors.map((a) => a.name)).toEqual(['ghostwriter']);
    expect((await findArticleBySlug(db, 'about'))!.status).toBe('published');

    // Old addresses answer with the new ones.
    expect(await findRedirect(db, '/2024/05/water-talks/')).toBe('/articles/water-talks');
    expect(await findRedirect(db, '/?p=12')).toBe('/articles/water-talks');
    expect(await findRedirect(db, '/about')).toBe('/articles/about');
    expect(await findRedirect(db, `/2024/05/${encodeURIComponent('переговоры').toLowerCase()}`)).toBe(`/articles/${ru.slug}`);

    // Comments: spam and pingbacks left out, the reply to a reply joins its thread, statuses kept.
    const comments = await db.selectFrom('comments').selectAll().where('article_id', '=', post.id).orderBy('created_at').execute();
    expect(comments.map((c) => [c.body, c.status])).toEqual([
      ['Who pays for the canal?', 'published'],
      ['The Taliban do.\n\nMostly.', 'published'],
      ['Thanks & noted.', 'pending'],
    ]);
    expect(comments[1].parent_id).toBe(comments[0].id);
    expect(comments[2].parent_id).toBe(comments[0].id);
    expect(comments[2].reply_to_name).toBe('Айгерим');
    expect(comments[2].user_id).toBe(comments[0].user_id);
    expect(r.warnings.some((w) => w.text.includes('spam'))).toBe(true);

    // What was skipped is said, with why.
    const skipped = r.skipped.map((s) => `${s.item}: ${s.reason}`).join('\n');
    expect(skipped).toContain('lost.jpg: not in the media folder');
    expect(skipped).toContain('nav_menu_item');
    expect(skipped).toContain('"trash"');
  });

  it('imports the same export again without duplicating anything, and updates what changed', async () => {
    await importWordPress(WXR, deps());
    const count = async (t: 'articles' | 'comments' | 'media_images' | 'authors' | 'users' | 'redirects') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await Promise.all((['articles', 'comments', 'media_images', 'authors', 'users', 'redirects'] as const).map(count));
    const again = await importWordPress(WXR, deps());
    expect(again.articles).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(again.comments).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await Promise.all((['articles', 'comments', 'media_images', 'authors', 'users', 'redirects'] as const).map(count))).toEqual(
      before,
    );

    const edited = join(dir, 'edited.xml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(edited, readFileSync(WXR, 'utf8').replace('Draft body.', 'Draft body, longer now.'));
    const third = await importWordPress(edited, deps());
    expect(third.articles).toEqual({ created: 0, updated: 1, unchanged: 4 });
    expect((await findArticleBySlug(db, 'unfinished-thoughts'))!.bodyMd).toContain('longer now');
  });

  it('refuses a file that is not a WordPress export, or broken XML, with a clear message', async () => {
    const notWxr = join(dir, 'feed.xml');
    writeFileSync(notWxr, '<?xml version="1.0"?><rss><channel><title>x</title><item><title>a</title></item></channel></rss>');
    await expect(importWordPress(notWxr, deps())).rejects.toThrow(WxrError);
    await expect(importWordPress(notWxr, deps())).rejects.toThrow(/not a WordPress export/);
    const html = join(dir, 'page.xml');
    writeFileSync(html, '<html><body>hi</body></html>');
    await expect(importWordPress(html, deps())).rejects.toThrow(/starts with <html>/);
    const broken = join(dir, 'broken.xml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      broken,
      readFileSync(WXR, 'utf8').replace('</wp:post_type>\n\t\t<category domain="category"', '</wp:posttype>\n<category domain="category"'),
    );
    await expect(importWordPress(broken, deps())).rejects.toThrow(/not well-formed XML.*line \d+/);
    // Entities declared in the file are never expanded: no local files read, no billion laughs.
    const xxe = join(dir, 'xxe.xml');
    writeFileSync(
      xxe,
      readFileSync(WXR, 'utf8')
        .replace('<rss', '<!DOCTYPE rss [<!ENTITY pw SYSTEM "file:///etc/passwd">]>\n<rss')
        .replace('<title><![CDATA[About us]]></title>', '<title>About &pw;</title>'),
    );
    await expect(importWordPress(xxe, deps())).rejects.toThrow(/undefined entity/);
  });
});

describe('WordPress import with --fetch-media', () => {
  it('downloads an attachment through the outbound guard and refuses a private address', async () => {
    const { db, close } = await freshDb('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'chancery-wxr-fetch-'));
    try {
      const { readFileSync } = await import('node:fs');
      const png = readFileSync(join(FIXTURES, 'wp-uploads', '2024', '05', 'amu-darya-map.png'));
      const asked: string[] = [];
      const fetchImpl = (async (url: string) => {
        asked.push(url);
        return new Response(url.includes('lost.jpg') ? 'gone' : png, { status: url.includes('lost.jpg') ? 404 : 200 });
      }) as unknown as typeof fetch;
      const r = await importWordPress(WXR, {
        db,
        clock,
        media: createMediaLibrary({ db, storage: folderStorage(dir), clock }),
        fetchMedia: true,
        allowedHosts: ['steppe.example'],
        fetchImpl,
      });
      expect(asked).toEqual([
        'https://steppe.example/wp-content/uploads/2024/05/amu-darya-map.png',
        'https://steppe.example/wp-content/uploads/2023/01/lost.jpg',
      ]);
      expect(r.media.imported).toBe(1);
      expect(r.skipped.map((s) => s.reason)).toContain('the old site answered 404');

      // Without the host allowed, a name that does not resolve publicly is never asked for.
      const { db: db2, close: close2 } = await freshDb('sqlite');
      try {
        const none: string[] = [];
        const r2 = await importWordPress(WXR, {
          db: db2,
          clock,
          media: createMediaLibrary({ db: db2, storage: folderStorage(dir), clock }),
          fetchMedia: true,
          fetchImpl: (async (url: string) => {
            none.push(url);
            return new Response(png);
          }) as unknown as typeof fetch,
        });
        expect(none).toEqual([]);
        expect(r2.media.imported).toBe(0);
      } finally {
        await close2();
      }
    } finally {
      await close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
