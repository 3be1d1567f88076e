// Embeds inside an article's body: an address pasted alone in its paragraph is stored as a link
// (<p><a href="URL">URL</a></p>); when its embed is stored, the page shows the facade instead.
import type { Db } from '../../platform/db.js';
import type { T } from '../../platform/i18n/index.js';
import { renderFragment } from '../../platform/render.js';
import { type SafeHtml, trusted } from '../../platform/safe-html.js';
import { findMediaByIds } from '../media/media-store.js';
import { findEmbedsByUrls } from './embed-store.js';
import { EmbedFacade } from './views/embed-block.js';

const ALONE_LINK = /<p>\s*<a href="(https?:\/\/[^"]+)"[^>]*>([^<]*)<\/a>\s*<\/p>/g;
const decode = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

/** The body with each stored embed drawn as its facade, and the script that loads a player on click. */
export async function loadInlineEmbeds(db: Db, html: SafeHtml, t: T): Promise<SafeHtml> {
  if (!html.includes('<p><a href="http')) return html;
  const candidates = [...html.matchAll(ALONE_LINK)].filter((m) => decode(m[1]) === decode(m[2]).trim()).map((m) => decode(m[1]));
  if (!candidates.length) return html;
  const embeds = new Map((await findEmbedsByUrls(db, candidates)).map((e) => [e.url, e]));
  if (!embeds.size) return html;
  const thumbs = new Map(
    (
      await findMediaByIds(
        db,
        [...embeds.values()].flatMap((e) => (e.thumbnailId === null ? [] : [e.thumbnailId])),
      )
    ).map((m) => [m.id, m]),
  );
  let scripted = false;
  const out = html.replace(ALONE_LINK, (whole, href: string, text: string) => {
    if (decode(href) !== decode(text).trim()) return whole;
    const embed = embeds.get(decode(href));
    if (!embed) return whole;
    const facade = renderFragment(
      EmbedFacade({ t, embed, thumbnail: embed.thumbnailId === null ? undefined : thumbs.get(embed.thumbnailId) }),
    );
    if (scripted || !embed.frameSrc) return facade;
    scripted = true;
    return `${facade}<script type="module" src="/assets/js/embed.js"></script>`;
  });
  return trusted(out);
}
