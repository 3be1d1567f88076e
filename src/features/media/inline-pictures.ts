// Library images inside an article's body: the stored HTML names them as <img src="/media/12">; the page
// shows each as a <figure> with its <picture> (AVIF, WebP, JPEG in every size), caption and credit.
import { h, type VNode } from 'preact';
import type { Db } from '../../platform/db.js';
import { renderFragment } from '../../platform/render.js';
import { type SafeHtml, trusted } from '../../platform/safe-html.js';
import { type MediaImage, mediaIdsIn } from './media.js';
import { findMediaByIds } from './media-store.js';
import { Picture } from './views/picture-block.js';

/** Inline images take the reading column (40rem), or the screen's width below it. */
export const INLINE_SIZES = '(min-width: 42rem) 40rem, 100vw';

// An image alone in its paragraph (as Markdown writes `![alt](/media/12)` on its own line), or anywhere in text.
const ALONE = /<p>\s*(<img\s[^>]*>)\s*<\/p>/g;
const ANY_IMG = /<img\s[^>]*>/g;

const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!);

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
}

function libraryId(tag: string): number | undefined {
  const m = /^\/media\/([1-9][0-9]{0,9})$/.exec(attr(tag, 'src') ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * The body with its library images drawn as pictures. The first one is loaded at once when nothing is shown
 * above it (`firstEager`, an article without a cover); the others load lazily. Images not in the library stay.
 */
export async function loadInlinePictures(
  db: Db,
  html: SafeHtml,
  opts: { firstEager: boolean; credit: (credit: string) => string },
): Promise<SafeHtml> {
  if (!html.includes('/media/')) return html;
  const ids = mediaIdsIn(html);
  if (!ids.length) return html;
  return drawInlinePictures(html, new Map((await findMediaByIds(db, ids)).map((img) => [img.id, img])), opts);
}

/** The library images a page names (its cover and those in its body), read in one query: by id. */
export async function loadPageImages(db: Db, ...texts: string[]): Promise<Map<number, MediaImage>> {
  const ids = mediaIdsIn(...texts.filter((t) => t.includes('/media/')));
  return new Map(ids.length ? (await findMediaByIds(db, ids)).map((img) => [img.id, img]) : []);
}

/** loadInlinePictures with the images already read (loadPageImages). */
export function drawInlinePictures(
  html: SafeHtml,
  images: ReadonlyMap<number, MediaImage>,
  opts: { firstEager: boolean; credit: (credit: string) => string },
): SafeHtml {
  if (!images.size || !html.includes('/media/')) return html;
  let eager = opts.firstEager;
  const picture = (tag: string, figure: boolean): string | undefined => {
    const id = libraryId(tag);
    const img = id === undefined ? undefined : images.get(id);
    if (!img) return undefined;
    // The text the article gives the image wins over the library's, which is the default.
    const alt = attr(tag, 'alt')?.trim() || img.alt;
    const pic = Picture({ img: { ...img, alt }, sizes: INLINE_SIZES, eager });
    eager = false;
    if (!figure) return renderFragment(pic);
    const caption = attr(tag, 'title')?.trim() || img.caption;
    const hasText = caption || img.credit;
    return renderFragment(
      h(
        'figure',
        { class: 'article-figure' },
        pic,
        hasText
          ? h(
              'figcaption',
              null,
              caption || null,
              caption && img.credit ? ' ' : null,
              img.credit ? h('span', { class: 'credit' }, opts.credit(img.credit)) : null,
            )
          : null,
      ) as VNode,
    );
  };
  const out = html
    .replace(ALONE, (whole, tag: string) => picture(tag, true) ?? whole)
    .replace(ANY_IMG, (tag) => (tag.includes('src="/media/') ? (picture(tag, false) ?? tag) : tag));
  return trusted(out);
}
