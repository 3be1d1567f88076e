// `chancery import --from wordpress FILE.xml`: two streamed passes over the export, first the authors and
// the attachments (so that covers and inline images can point at the library), then the posts and pages.
import type { Language } from '../articles/article.js';
import {
  createForeignImporter,
  type ForeignImportDeps,
  type ForeignImportReport,
  type ForeignImporter,
  itemLabel,
  skipped,
} from './foreign-import.js';
import { itemKind, readWxr, wxrAttachment, wxrAuthor, wxrPost, type WxrChannel } from './wxr-reader.js';

export type MoveDeps = Omit<ForeignImportDeps, 'source' | 'uploadMarkers'> & { language?: Language };

/**
 * Imports a WXR file. onProgress hears of each entry read in the first pass (the total is not known yet: 0), then
 * of each post, page or other item imported or skipped in the second, out of all of them. Throws WxrError on a
 * bad file.
 */
export async function importWordPress(
  path: string,
  deps: MoveDeps,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<ForeignImportReport> {
  let importer: ForeignImporter | undefined;
  const importerFor = (channel: WxrChannel) => {
    importer ??= createForeignImporter({
      ...deps,
      source: `wordpress:${channel.siteUrl.replace(/\/+$/, '') || 'unknown'}`,
      uploadMarkers: ['/wp-content/uploads/', '/uploads/'],
    });
    return importer;
  };
  // The first pass counts the items the second one will import or skip.
  let read = 0;
  let articles = 0;
  let imported = 0;

  await readWxr(path, async (node, channel) => {
    const imp = importerFor(channel);
    onProgress?.(++read, 0, 'authors and images');
    if (node.name === 'item' && itemKind(node) !== 'attachment') articles++;
    if (node.name === 'wp:author') {
      const a = wxrAuthor(node);
      if (a) await imp.author(a);
    } else if (node.name === 'item' && itemKind(node) === 'attachment') {
      const m = wxrAttachment(node);
      if (m) await imp.media(m);
    }
  });
  onProgress?.(0, articles, 'articles');
  const channel = await readWxr(path, async (node, ch) => {
    if (node.name !== 'item') return;
    const imp = importerFor(ch);
    const kind = itemKind(node);
    if (kind === 'attachment') return;
    if (typeof kind === 'object') {
      const title = node.children.find((c) => c.name === 'title')?.text.trim();
      const id = node.children.find((c) => c.name === 'wp:post_id')?.text.trim() ?? '?';
      imp.skip(skipped(itemLabel('item', id, title), kind.skip));
    } else await imp.post(wxrPost(node, ch.siteUrl, imp.warn));
    onProgress?.(++imported, articles, 'articles');
  });
  return importerFor(channel).report;
}
