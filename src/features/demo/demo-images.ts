// The demo's images: drawings we made (maps, a chart, abstract illustrations) kept as SVG in demo/images,
// with labels, alt text and captions in each language. Articles name them as "demo-image:NAME" in their cover
// and body; loading puts each (drawing, language) into the media library once and writes its /media/ address.
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

const PLACEHOLDER = /demo-image:([a-z0-9-]+)/g;
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
 * Copies the demo articles into a temporary folder with their "demo-image:" names replaced: by library
 * addresses when there is a library, or dropped when there is none. Returns the folder and its remover.
 */
export async function prepareDemoArticles(
  deps: { db: Db; media?: MediaLibrary; now: Date },
  dir: string,
): Promise<{ folder: string; done: () => Promise<void> }> {
  const images = deps.media ? (JSON.parse(await readFile(join(dir, 'images', 'images.json'), 'utf8')) as Record<string, DemoImage>) : {};
  const folder = await mkdtemp(join(tmpdir(), 'chancery-demo-'));
  for (const file of (await readdir(join(dir, 'articles'))).filter((f) => f.endsWith('.md'))) {
    let text = await readFile(join(dir, 'articles', file), 'utf8');
    if (text.includes('demo-image:')) {
      const lang = (/^language:\s*"?(en|ru|zh)\b/m.exec(text)?.[1] ?? 'en') as Lang;
      const resolved = new Map<string, { id: number; caption: string }>();
      if (deps.media)
        for (const [, name] of text.matchAll(PLACEHOLDER))
          if (!resolved.has(name)) resolved.set(name, await libraryImage(deps.db, deps.media, dir, images, name, lang, deps.now));
      // The cover's caption, unless the article writes its own.
      text = text.replace(/^cover:[ \t]*"demo-image:([a-z0-9-]+)"[ \t]*$/m, (_, name: string) => {
        const img = resolved.get(name);
        if (!img) return 'cover: ""';
        const caption = img.caption && !/^cover_caption:/m.test(text) ? `\ncover_caption: ${JSON.stringify(img.caption)}` : '';
        return `cover: "/media/${img.id}"${caption}`;
      });
      text = text.replace(/^!\[([^\]]*)\]\(demo-image:([a-z0-9-]+)\)[ \t]*$/gm, (_, alt: string, name: string) => {
        const img = resolved.get(name);
        return img ? `![${alt}](/media/${img.id})` : '';
      });
    }
    await writeFile(join(folder, file), text);
  }
  return { folder, done: () => rm(folder, { recursive: true, force: true }) };
}
