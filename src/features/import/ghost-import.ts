// `chancery import --from ghost FILE.json`: a Ghost export (Ghost 4 and later) read as JSON. Ghost keeps the
// rendered HTML of each post beside its Lexical or mobiledoc source; the HTML is what is imported.
import { readFile, stat } from 'node:fs/promises';
import { createForeignImporter, type ForeignImportReport, type ForeignPost, itemLabel, note, skipped } from './foreign-import.js';
import type { MoveDeps } from './wordpress-import.js';

export class GhostError extends Error {}

type Row = Record<string, unknown>;

const MAX_FILE = 512 * 1024 * 1024;
const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** The data of an export: {db: [{meta, data}]} as Ghost writes it, or {meta, data} as some tools do. */
function ghostData(json: unknown): Record<string, Row[]> {
  const root = json as { db?: { data?: unknown }[]; data?: unknown };
  const data = Array.isArray(root?.db) ? root.db[0]?.data : root?.data;
  if (!data || typeof data !== 'object' || !Array.isArray((data as Row).posts))
    throw new GhostError('not a Ghost export: no "db[0].data.posts" list');
  return data as Record<string, Row[]>;
}

/** Imports a Ghost JSON export. Throws GhostError on a file that is not one. */
export async function importGhost(
  path: string,
  deps: MoveDeps,
  onProgress?: (done: number, total: number, label: string) => void,
): Promise<ForeignImportReport> {
  if ((await stat(path)).size > MAX_FILE) throw new GhostError('the file is larger than 512 MB');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new GhostError(`not valid JSON: ${(e as Error).message}`);
  }
  const data = ghostData(json);
  const list = (k: string): Row[] => (Array.isArray(data[k]) ? data[k].filter((r) => r && typeof r === 'object') : []);
  const settings = list('settings');
  const siteUrl = str(settings.find((s) => s.key === 'url')?.value) || 'unknown';
  const imp = createForeignImporter({ ...deps, source: `ghost:${siteUrl.replace(/\/+$/, '')}`, uploadMarkers: ['/content/images/'] });
  const abs = (u: string) => u.replace(/^__GHOST_URL__/, siteUrl === 'unknown' ? '' : siteUrl.replace(/\/+$/, ''));

  const users = new Map(list('users').map((u) => [str(u.id), u]));
  for (const u of users.values()) await imp.author({ key: str(u.id), name: str(u.name), slug: str(u.slug), bio: str(u.bio) });
  const tags = new Map(list('tags').map((t) => [str(t.id), t]));
  const byPost = <T>(rows: Row[], pick: (r: Row) => T | undefined) => {
    const out = new Map<string, T[]>();
    for (const r of [...rows].sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0))) {
      const v = pick(r);
      if (v === undefined) continue;
      const k = str(r.post_id);
      out.set(k, [...(out.get(k) ?? []), v]);
    }
    return out;
  };
  const postTags = byPost(list('posts_tags'), (r) => tags.get(str(r.tag_id)));
  const postAuthors = byPost(list('posts_authors'), (r) => (users.has(str(r.author_id)) ? str(r.author_id) : undefined));
  const metaOf = new Map(list('posts_meta').map((m) => [str(m.post_id), m]));

  const posts = list('posts');
  // Feature images go to the library first, so that covers point at it.
  for (const p of posts) {
    const image = str(p.feature_image);
    if (image)
      await imp.media({
        key: `feature:${str(p.id)}`,
        url: abs(image),
        alt: str(p.feature_image_alt ?? metaOf.get(str(p.id))?.feature_image_alt),
        caption: str(p.feature_image_caption ?? metaOf.get(str(p.id))?.feature_image_caption).replace(/<[^>]*>/g, ''),
      });
  }
  // Images inside the posts that live in Ghost's own storage go to the library too.
  for (const p of posts)
    for (const m of str(p.html).matchAll(/<img\b[^>]*?\ssrc=["']([^"']*\/content\/images\/[^"']+)["'][^>]*>/gi)) {
      const alt = /\salt=["']([^"']*)["']/i.exec(m[0])?.[1] ?? '';
      await imp.media({ key: `image:${m[1]}`, url: abs(m[1]), alt, caption: '' });
    }
  let done = 0;
  for (const p of posts) {
    onProgress?.(done++, posts.length, str(p.slug));
    const id = str(p.id);
    const type = str(p.type) || 'post';
    const label = itemLabel(type, str(p.slug) || id);
    const status = str(p.status);
    if (status !== 'published' && status !== 'draft' && status !== 'scheduled') {
      imp.skip(skipped(label, note('import.skip.status', { status: status || '—' })));
      continue;
    }
    if (!str(p.html) && (p.lexical || p.mobiledoc)) imp.warn(note('import.warn.no_html', { item: label }));
    const postTagRows = postTags.get(id) ?? [];
    // Ghost's internal tags ("#hash") steer themes, not readers.
    const visible = postTagRows.filter((t) => str(t.visibility) !== 'internal' && !str(t.name).startsWith('#'));
    const primary = visible[0];
    const authorKeys = postAuthors.get(id) ?? (p.author_id ? [str(p.author_id)] : p.created_by ? [str(p.created_by)] : []);
    const when = str(status === 'draft' ? '' : p.published_at);
    const date = when ? new Date(when) : undefined;
    const post: ForeignPost = {
      key: str(p.uuid) || id,
      label,
      title: str(p.title),
      slug: str(p.slug),
      html: abs(str(p.html)).replace(/__GHOST_URL__/g, ''),
      excerpt: str(p.custom_excerpt),
      status: status === 'published' ? 'published' : status === 'scheduled' ? 'scheduled' : 'draft',
      date: date && !Number.isNaN(date.getTime()) ? date : undefined,
      authorKeys,
      rubric: primary ? { slug: str(primary.slug), name: str(primary.name) } : undefined,
      tags: visible.slice(1).map((t) => str(t.name)),
      cover: p.feature_image ? { mediaKey: `feature:${id}`, url: abs(str(p.feature_image)) } : undefined,
      // Ghost serves a post at /slug/ by default.
      oldPaths: str(p.slug) ? [`/${str(p.slug)}/`] : [],
      commentsMode: 'on',
      comments: [],
    };
    await imp.post(post);
  }
  onProgress?.(posts.length, posts.length, '');
  return imp.report;
}
