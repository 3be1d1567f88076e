// Reading a WordPress export (WXR: RSS with the wp: elements), streamed: the file is never held whole.
// The channel's small records (authors, categories, tags) and each <item> are built as little trees and
// handed over one by one; WordPress's HTML is brought to the shape an article body has here.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import type { ForeignAuthor, ForeignComment, ForeignMedia, ForeignPost, Note } from './foreign-import.js';
import { decodeEntities, htmlToText, itemLabel, note } from './foreign-import.js';

/** A small element tree: one record of the export. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export class WxrError extends Error {}

const RECORDS = new Set(['item', 'wp:author', 'wp:category', 'wp:tag', 'wp:term']);

export interface WxrChannel {
  /** The site's address (wp:base_blog_url, else the channel's link). */
  siteUrl: string;
  version: string;
}

/**
 * Streams the records of a WXR file to onRecord, in file order; onBytes reports progress.
 * Throws WxrError for a file that is not XML or not a WordPress export.
 */
export async function readWxr(
  path: string,
  onRecord: (node: XmlNode, channel: WxrChannel) => Promise<void>,
  onBytes?: (read: number, total: number) => void,
): Promise<WxrChannel> {
  const total = (await stat(path)).size;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const channel: WxrChannel = { siteUrl: '', version: '' };
  const stack: XmlNode[] = [];
  let inChannel = false;
  let rootSeen = false;
  let recordDepth = -1;
  const queue: XmlNode[] = [];
  let failure: Error | undefined;

  parser.on('error', (e) => {
    failure ??= new WxrError(`not well-formed XML: ${e.message.replace(/^[^:]*:\d+:\d+: /, '')} (line ${parser.line})`);
  });
  parser.on('opentag', (tag) => {
    if (!rootSeen) {
      rootSeen = true;
      if (tag.name !== 'rss') failure ??= new WxrError(`not a WordPress export: the file starts with <${tag.name}>, not <rss>`);
    }
    const node: XmlNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    if (tag.name === 'channel' && stack.length === 1) inChannel = true;
    if (recordDepth === -1 && inChannel && stack.length === 2 && RECORDS.has(tag.name)) recordDepth = stack.length;
    if (recordDepth !== -1 && stack.length > recordDepth) stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    // Text is kept inside records and for the channel's own fields; whitespace between elements is dropped.
    if (top && (recordDepth !== -1 || stack.length === 3)) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const node = stack.pop()!;
    if (recordDepth !== -1 && stack.length === recordDepth) {
      recordDepth = -1;
      queue.push(node);
    } else if (inChannel && stack.length === 2) {
      if (node.name === 'wp:base_blog_url' || (node.name === 'link' && !channel.siteUrl)) channel.siteUrl = node.text.trim();
      if (node.name === 'wp:wxr_version') channel.version = node.text.trim();
    }
  });

  let read = 0;
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      read += Buffer.byteLength(chunk);
      parser.write(chunk);
      if (failure) throw failure;
      while (queue.length) {
        const node = queue.shift()!;
        if (!channel.version) throw new WxrError('not a WordPress export: no <wp:wxr_version> before the first record');
        await onRecord(node, channel);
      }
      onBytes?.(read, total);
    }
    parser.close();
    if (failure) throw failure;
    for (const node of queue) await onRecord(node, channel);
  } finally {
    stream.destroy();
  }
  if (!rootSeen) throw new WxrError('the file is empty');
  if (!channel.version) throw new WxrError('not a WordPress export: no <wp:wxr_version> in the channel');
  return channel;
}

/** The text of the first child with this name. */
export function child(node: XmlNode, name: string): string {
  return node.children.find((c) => c.name === name)?.text.trim() ?? '';
}

function meta(node: XmlNode, key: string): string {
  for (const m of node.children) if (m.name === 'wp:postmeta' && child(m, 'wp:meta_key') === key) return child(m, 'wp:meta_value');
  return '';
}

/** "2024-05-01 10:00:00" (UTC) as WordPress writes post_date_gmt; undefined for its "0000-00-00 00:00:00". */
export function wpDate(gmt: string, local = ''): Date | undefined {
  for (const [value, zone] of [
    [gmt, 'Z'],
    [local, 'Z'],
  ] as const) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value);
    if (!m || m[1] === '0000') continue;
    const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return undefined;
}

export function wxrAuthor(node: XmlNode): ForeignAuthor | undefined {
  const login = child(node, 'wp:author_login');
  if (!login) return undefined;
  const name =
    child(node, 'wp:author_display_name') ||
    [child(node, 'wp:author_first_name'), child(node, 'wp:author_last_name')].filter(Boolean).join(' ') ||
    login;
  return { key: login, name, slug: login };
}

export function wxrAttachment(node: XmlNode): ForeignMedia | undefined {
  const url = child(node, 'wp:attachment_url') || child(node, 'guid');
  if (!url) return undefined;
  return {
    key: child(node, 'wp:post_id'),
    url,
    alt: meta(node, '_wp_attachment_image_alt'),
    caption: htmlToText(child(node, 'excerpt:encoded')),
  };
}

/** What an item is: a post or page to import, an attachment, or something skipped and why. */
export function itemKind(node: XmlNode): 'post' | 'page' | 'attachment' | { skip: Note } {
  const type = child(node, 'wp:post_type');
  if (type === 'attachment') return 'attachment';
  if (type !== 'post' && type !== 'page') return { skip: note('import.skip.not_article', { type: type || '—' }) };
  const status = child(node, 'wp:status');
  if (status === 'trash' || status === 'auto-draft' || status === 'inherit') return { skip: note('import.skip.status', { status }) };
  return type;
}

const STATUS: Record<string, ForeignPost['status']> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'draft',
  private: 'draft',
};

/** A post or page of the export as a record to save. */
export function wxrPost(node: XmlNode, siteUrl: string, warn: (w: Note) => void): ForeignPost {
  const id = child(node, 'wp:post_id');
  const type = child(node, 'wp:post_type');
  const label = itemLabel(type, id, child(node, 'title'));
  const wpStatus = child(node, 'wp:status');
  if (wpStatus === 'private') warn(note('import.warn.private', { item: label }));
  const categories = node.children.filter((c) => c.name === 'category');
  const rubrics = categories.filter((c) => c.attrs.domain === 'category' && c.attrs.nicename !== 'uncategorized');
  const tags = categories.filter((c) => c.attrs.domain === 'post_tag').map((c) => decodeEntities(c.text.trim()));
  // One rubric per article here: the first category; the others become tags.
  for (const extra of rubrics.slice(1)) tags.push(decodeEntities(extra.text.trim()));
  const oldPaths = new Set<string>();
  for (const raw of [child(node, 'link'), child(node, 'guid')]) {
    const path = localPath(raw, siteUrl);
    if (path) oldPaths.add(path);
  }
  if (id && type === 'post') oldPaths.add(`/?p=${id}`);
  if (id && type === 'page') oldPaths.add(`/?page_id=${id}`);
  const { html, shortcodes } = wpBodyHtml(child(node, 'content:encoded'));
  if (shortcodes.length) warn(note('import.warn.shortcodes', { item: label, shortcodes: `[${[...new Set(shortcodes)].join('], [')}]` }));
  const thumb = meta(node, '_thumbnail_id');
  const commentStatus = child(node, 'wp:comment_status');
  return {
    key: child(node, 'guid') || `post:${id}`,
    label,
    title: decodeEntities(child(node, 'title')),
    slug: child(node, 'wp:post_name'),
    html,
    excerpt: htmlToText(child(node, 'excerpt:encoded')),
    status: STATUS[wpStatus] ?? 'draft',
    date: wpDate(child(node, 'wp:post_date_gmt'), child(node, 'wp:post_date')),
    authorKeys: [child(node, 'dc:creator')].filter(Boolean),
    rubric: rubrics[0] ? { slug: rubrics[0].attrs.nicename ?? '', name: decodeEntities(rubrics[0].text.trim()) } : undefined,
    tags,
    cover: thumb ? { mediaKey: thumb } : undefined,
    oldPaths: [...oldPaths],
    commentsMode: commentStatus === 'closed' ? 'closed' : 'on',
    comments: node.children.filter((c) => c.name === 'wp:comment').flatMap((c) => wxrComment(c, label, warn)),
  };
}

function wxrComment(node: XmlNode, label: Note, warn: (w: Note) => void): ForeignComment[] {
  const id = child(node, 'wp:comment_id');
  const type = child(node, 'wp:comment_type');
  if (type === 'pingback' || type === 'trackback') return [];
  const approved = child(node, 'wp:comment_approved');
  if (approved === 'spam') {
    warn(note('import.warn.spam', { item: label, id }));
    return [];
  }
  const parent = child(node, 'wp:comment_parent');
  return [
    {
      key: id,
      parentKey: parent && parent !== '0' ? parent : undefined,
      authorName: decodeEntities(child(node, 'wp:comment_author')),
      authorEmail: child(node, 'wp:comment_author_email'),
      date: wpDate(child(node, 'wp:comment_date_gmt'), child(node, 'wp:comment_date')),
      text: htmlToText(child(node, 'wp:comment_content')),
      status: approved === '1' ? 'published' : approved === 'trash' ? 'deleted' : 'pending',
    },
  ];
}

/** The path of an address on the old site, or undefined for another host. */
export function localPath(raw: string, siteUrl: string): string | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw, siteUrl || undefined);
    if (siteUrl && u.host !== new URL(siteUrl).host) return undefined;
    const base = siteUrl ? new URL(siteUrl).pathname.replace(/\/$/, '') : '';
    // A blog under /blog keeps its addresses under /blog here too: the old links carry it.
    const path = u.pathname + u.search;
    return path === '/' || path === `${base}/` ? undefined : path;
  } catch {
    return undefined;
  }
}

const BLOCK = /^<(p|div|h[1-6]|ul|ol|li|blockquote|figure|table|thead|tbody|tr|pre|hr|section|aside|iframe|dl|address|details|!--)[\s>/]/i;

/**
 * WordPress's stored HTML as an article body: shortcodes resolved or removed (their text kept), editor block
 * comments dropped, and paragraphs made from blank lines as WordPress does when it shows a post.
 */
export function wpBodyHtml(raw: string): { html: string; shortcodes: string[] } {
  const shortcodes: string[] = [];
  let s = raw.replace(/\r\n?/g, '\n').replace(/<!--\s*\/?wp:[^>]*?-->/g, '');
  // [caption ...]<img ...> Text[/caption] is a figure with a caption.
  s = s.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_all, inner: string) => {
    const m = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    return m ? `<figure>${m[1]}<figcaption>${m[2].trim()}</figcaption></figure>` : inner;
  });
  // [embed]URL[/embed] and a bare address on its own line (WordPress's auto-embeds) stay as a link to follow.
  s = s.replace(/\[embed[^\]]*\]\s*(https?:\/\/[^\s[]+)\s*\[\/embed\]/gi, (_all, url: string) => `<p><a href="${url}">${url}</a></p>`);
  // Pairs [name ...]inner[/name] keep their inner text; single shortcodes with attributes, or known ones, go.
  s = s.replace(/\[([a-z][a-z0-9_-]*)(?:\s[^\]]*)?\]([\s\S]*?)\[\/\1\]/gi, (_all, name: string, inner: string) => {
    shortcodes.push(name.toLowerCase());
    return inner;
  });
  s = s.replace(/\[([a-z][a-z0-9_-]*)(\s[^\]]*=[^\]]*|\s*\/)?\]/gi, (all, name: string, attrs: string | undefined) => {
    if (!attrs && !/^(gallery|audio|video|playlist|contact-form|contact-form-7|more|nextpage|vc_|et_pb_)/i.test(name)) return all;
    shortcodes.push(name.toLowerCase());
    return '';
  });
  const html = s
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n\n');
  return { html, shortcodes };
}
