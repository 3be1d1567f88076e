// The demo's images: drawings we made (maps, a chart, abstract illustrations) kept as SVG in demo/images,
// with labels, alt text and captions in each language. covers.json gives each article file its cover; an
// article marks an inline image with `<!-- demo-image:NAME -->`. Loading puts each (drawing, language) into
// the media library once and writes its /media/ address into a copy of the article.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../platform/db.js';
import type { MediaLibrary } from '../media/media-library.js';
import { findMediaByOriginalName, updateMedia } from '../media/media-store.js';

type Lang = 'en' | 'ru' | 'zh';
interface DemoImage {
  credit: string;
  alt: Record<Lang, string>;
  caption: Record<Lang, string>;
  labels: Record<Lang, Record<string, string>>;
}

/** An inline image's place in an article: a comment, so the file imports as it is anywhere else. */
const INLINE = /^<!-- demo-image:([a-z0-9-]+) -->[ \t]*$/gm;
const xml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Puts the demo drawing in the library for one language (once: found again by its name); returns its id. */
async function libraryImage(
  db: Db,
  media: MediaLibrary,
  dir: string,
  images: Record<string, DemoImage>,
  name: string,
  lang: Lang,
  now: Date,
) {
  const image = images[name];
  if (!image) throw new Error(`demo/images/images.json: no image "${name}"`);
  const fileName = `demo-${name}-${lang}.svg`;
  const found = await findMediaByOriginalName(db, fileName);
  if (found) return { id: found.id, caption: image.caption[lang] };
  const labels = image.labels[lang] ?? {};
  const svg = (await readFile(join(dir, 'images', `${name}.svg`), 'utf8')).replace(/\{\{([a-z_]+)\}\}/g, (_, key: string) =>
    xml(labels[key] ?? ''),
  );
  const id = await media.store({ name: fileName, data: Buffer.from(svg) }, null);
  await updateMedia(db, id, { alt: image.alt[lang], caption: image.caption[lang], credit: image.credit, focalX: 50, focalY: 50 }, now);
  return { id, caption: image.caption[lang] };
}

/**
 * Copies the demo articles into a temporary folder with their images in: each cover named in
 * demo/images/covers.json and each `<!-- demo-image:NAME -->` line becomes a library image of the article's
 * language (dropped when there is no library). Returns the folder and its remover.
 */
export async function prepareDemoArticles(
  deps: { db: Db; media?: MediaLibrary; now: Date },
  dir: string,
): Promise<{ folder: string; done: () => Promise<void> }> {
  const read = async <T>(file: string): Promise<T> => JSON.parse(await readFile(join(dir, 'images', file), 'utf8')) as T;
  const [images, covers] = deps.media
    ? await Promise.all([read<Record<string, DemoImage>>('images.json'), read<Record<string, string>>('covers.json')])
    : [{}, {}];
  const files = (await readdir(join(dir, 'articles'))).filter((f) => f.endsWith('.md'));
  const texts = await Promise.all(files.map((f) => readFile(join(dir, 'articles', f), 'utf8')));
  const langOf = (text: string) => (/^language:\s*"?(en|ru|zh)\b/m.exec(text)?.[1] ?? 'en') as Lang;

  // Every (drawing, language) the articles need, rasterised a few at a time.
  const wanted = new Map<string, { name: string; lang: Lang }>();
  if (deps.media)
    texts.forEach((text, i) => {
      const lang = langOf(text);
      for (const name of [covers[files[i]], ...[...text.matchAll(INLINE)].map((m) => m[1])].filter(Boolean))
        wanted.set(`${name}:${lang}`, { name, lang });
    });
  const resolved = new Map<string, { id: number; caption: string }>();
  const queue = [...wanted];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [key, { name, lang }] = next;
        resolved.set(key, await libraryImage(deps.db, deps.media!, dir, images, name, lang, deps.now));
      }
    }),
  );

  const folder = await mkdtemp(join(tmpdir(), 'chancery-demo-'));
  await Promise.all(
    files.map((file, i) => {
      let text = texts[i];
      const lang = langOf(text);
      const cover = resolved.get(`${covers[file]}:${lang}`);
      if (cover)
        text = text.replace(/^cover:[ \t]*""[ \t]*$/m, () => {
          // The cover's caption, unless the article writes its own.
          const caption = cover.caption && !/^cover_caption:/m.test(text) ? `\ncover_caption: ${JSON.stringify(cover.caption)}` : '';
          return `cover: "/media/${cover.id}"${caption}`;
        });
      text = text.replace(INLINE, (_, name: string) => {
        const img = resolved.get(`${name}:${lang}`);
        return img ? `![](/media/${img.id})` : '';
      });
      return writeFile(join(folder, file), text);
    }),
  );
  return { folder, done: () => rm(folder, { recursive: true, force: true }) };
}
