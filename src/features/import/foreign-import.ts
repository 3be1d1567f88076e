// Saving what another platform exported (WordPress, Ghost): the readers of each format turn their file into
// the records below, and this turns records into articles, authors, comments, library images and redirects.
// Every record is remembered by its identity there (import_sources), so importing the same export again
// updates what changed and duplicates nothing.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join, normalize, resolve, sep } from 'node:path';
import type { Db } from '../../platform/db.js';
import { hasKey, type MessageKey, messageKey, translator } from '../../platform/i18n/index.js';
import { outboundProblem } from '../../platform/outbound.js';
import { slugify } from '../../platform/slug.js';
import { type ArticleInput, LANGUAGES, type Language, LIMITS } from '../articles/article.js';
import { findArticleById, findArticleBySlug } from '../articles/article-store.js';
import { type Actor, createPublishingService, type PublishingService } from '../articles/publishing-service.js';
import { findAuthorIdBySlug, insertAuthor } from '../authors/author-store.js';
import type { MediaLibrary } from '../media/media-library.js';
import { mediaRef } from '../media/media.js';
import { updateMedia } from '../media/media-store.js';
import { upsertRedirect } from '../redirects/redirect-store.js';
import { findRubricIdBySlug, insertRubric, lastRubricPosition } from '../rubrics/rubric-store.js';
import { articleSearchIndex } from '../search/search-index-store.js';
import { normalizeEmail } from '../staff/user-store.js';
import {
  findImported,
  findUserIdByEmail,
  insertImportedComment,
  insertImportedReader,
  rememberImported,
  rowExists,
  type ImportedComment,
  updateImportedComment,
} from './import-store.js';

export interface ForeignAuthor {
  /** Its identity on the old platform (a WordPress login, a Ghost user id). */
  key: string;
  name: string;
  slug?: string;
  bio?: string;
}

export interface ForeignMedia {
  key: string;
  /** Where the file was served on the old site. */
  url: string;
  alt: string;
  caption: string;
}

export interface ForeignComment {
  key: string;
  parentKey?: string;
  authorName: string;
  authorEmail: string;
  date?: Date;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  status: 'published' | 'pending' | 'rejected' | 'deleted';
}

export interface ForeignPost {
  key: string;
  /** How a report names it ("post 12", "page about"), in the catalogues' words: itemLabel. */
  label: Note;
  title: string;
  /** The slug as the old site had it (percent-encoded or not); the title's is used when empty. */
  slug: string;
  /** Sanitised on save like any article body. */
  html: string;
  excerpt: string;
  status: 'published' | 'draft' | 'scheduled';
  date?: Date;
  authorKeys: string[];
  rubric?: { slug: string; name: string };
  tags: string[];
  language?: Language;
  /** A library image imported from the same export, or an address. */
  cover?: { mediaKey?: string; url?: string };
  /** Old addresses of the page on this host (paths, maybe with a query). */
  oldPaths: string[];
  commentsMode: 'on' | 'off' | 'closed';
  comments: ForeignComment[];
}

/**
 * A sentence of the report: its catalogue key and variables (said in the reader's language), and in English.
 * A variable may be a note itself (the name of the item a warning is about), said in the same language.
 */
export interface Note {
  key: MessageKey;
  vars: Record<string, string | Note>;
  /** The sentence in English, for the command line. */
  text: string;
}

/** A note of the report, with its English text for the command line. */
export function note(key: MessageKey, vars: Record<string, string | Note> = {}): Note {
  return {
    key,
    vars,
    text: translator('en')(
      key,
      plainVars(vars, (n) => n.text),
    ),
  };
}

/** A note in the language of `t` (the admin's report), its item names too. */
export function sayNote(t: (key: MessageKey, vars?: Record<string, string>) => string, n: Note): string {
  return t(
    n.key,
    plainVars(n.vars, (inner) => sayNote(t, inner)),
  );
}

function plainVars(vars: Record<string, string | Note>, say: (n: Note) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' ? v : say(v)]));
}

const ITEM_KEYS = {
  post: ['import.item.post', 'import.item.post_titled'],
  page: ['import.item.page', 'import.item.page_titled'],
  item: ['import.item.other', 'import.item.other_titled'],
} as const satisfies Record<string, readonly [MessageKey, MessageKey]>;

/** How a report names an item of the old site ("post 12", "page 3 "About"", "item 7"): `id` may be a slug. */
export function itemLabel(kind: string, id: string, title = ''): Note {
  const [plain, titled] = ITEM_KEYS[kind === 'post' || kind === 'page' ? kind : 'item'];
  const short = title.trim().slice(0, 60);
  return short ? note(titled, { id, title: short }) : note(plain, { id });
}

export interface SkippedItem {
  /** What was skipped, in English (the command line's report). */
  item: string;
  /** Why, in English. */
  reason: string;
  /** The same, for the admin's report in its language. */
  itemNote?: Note;
  why?: Note;
}

/** An item skipped, and why. */
export function skipped(item: string | Note, why: Note): SkippedItem {
  return typeof item === 'string' ? { item, reason: why.text, why } : { item: item.text, reason: why.text, itemNote: item, why };
}

export interface ForeignImportReport {
  articles: { created: number; updated: number; unchanged: number };
  authors: number;
  comments: { created: number; updated: number; unchanged: number };
  media: { imported: number; unchanged: number };
  redirects: number;
  skipped: SkippedItem[];
  warnings: Note[];
}

export interface ForeignImportDeps {
  db: Db;
  clock: () => Date;
  /** "wordpress:https://old.example": records are remembered under it. */
  source: string;
  publishing?: PublishingService;
  media?: MediaLibrary;
  /** A folder holding the old site's uploads (wp-content/uploads, content/images). */
  mediaDir?: string;
  /** Download media from the old site (public addresses only, as every outbound call). */
  fetchMedia?: boolean;
  /** Hosts allowed although private (OUTBOUND_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** Path segments after which an upload's path inside mediaDir begins ("/wp-content/uploads/"). */
  uploadMarkers: string[];
  /** Every article is imported as a draft. */
  allDrafts?: boolean;
  /** When the old platform does not say an article's language. */
  language?: Language;
  /** For tests: fetch for media downloads. */
  fetchImpl?: typeof fetch;
}

const MAX_MEDIA_BYTES = 40 * 1024 * 1024;
const english = translator('en');

/** A short stable hash of a record: the same record imported again is recognised as unchanged. */
function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

/** Cyrillic or Chinese characters in the text say its language when the export does not. */
export function guessLanguage(text: string, fallback: Language): Language {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const cyr = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const lat = (text.match(/[A-Za-z]/g) ?? []).length;
  if (han > 0 && han * 3 >= lat) return 'zh' as Language;
  if (cyr > lat) return 'ru' as Language;
  return fallback;
}

/** A slug this newsroom accepts, from the old platform's (often percent-encoded) slug or the title. */
export function importSlug(raw: string, title: string, key: string): string {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    /* keep the raw text */
  }
  const slug = slugify(decoded) || slugify(title) || slugify(`item ${key}`) || 'item';
  return slug.slice(0, LIMITS.slug).replace(/-+$/, '');
}

/** Plain text of a bit of HTML (for leads and comments): tags dropped, entities decoded, paragraphs kept. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|blockquote|h[1-6])>/gi, '\n\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

/** Builds the importer of one export; call the methods in order: authors, media, posts. */
export function createForeignImporter(deps: ForeignImportDeps) {
  const { db, clock, source } = deps;
  const publishing = deps.publishing ?? createPublishingService({ index: articleSearchIndex, db, clock, contentChanged: () => undefined });
  const actor: Actor = { id: null, role: 'admin' };
  const report: ForeignImportReport = {
    articles: { created: 0, updated: 0, unchanged: 0 },
    authors: 0,
    comments: { created: 0, updated: 0, unchanged: 0 },
    media: { imported: 0, unchanged: 0 },
    redirects: 0,
    skipped: [],
    warnings: [],
  };
  const authorIds = new Map<string, number>();
  const rubricIds = new Map<string, number>();
  const mediaIds = new Map<string, number>();
  /** Old file addresses (without WordPress's "-300x200" size suffix) to library ids. */
  const mediaByUrl = new Map<string, number>();
  const fetchImpl = deps.fetchImpl ?? fetch;

  const urlKey = (url: string) => {
    try {
      const u = new URL(url, 'http://x');
      return u.pathname.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1').toLowerCase();
    } catch {
      return url;
    }
  };

  async function author(a: ForeignAuthor): Promise<void> {
    const known = await findImported(db, source, 'author', a.key);
    if (known && (await rowExists(db, 'authors', known.localId))) {
      authorIds.set(a.key, known.localId);
      return;
    }
    const slug = slugify(a.slug || a.name) || slugify(a.key) || 'author';
    // A person already in the newsroom under the same slug is the same person: the import joins them.
    let id = await findAuthorIdBySlug(db, slug);
    if (id === undefined) {
      id = await insertAuthor(db, { slug, name: a.name || a.key, title: '', bio: (a.bio ?? '').slice(0, 2000), photoUrl: '' }, clock());
      report.authors++;
    }
    await rememberImported(db, source, 'author', a.key, id, '', clock());
    authorIds.set(a.key, id);
  }

  async function authorIdOf(key: string): Promise<number> {
    const known = authorIds.get(key);
    if (known !== undefined) return known;
    // Named by a post but missing from the export's list of authors: made from the name alone.
    await author({ key, name: key });
    return authorIds.get(key)!;
  }

  async function rubricIdOf(r: { slug: string; name: string }): Promise<number | null> {
    const slug = slugify(r.slug) || slugify(r.name);
    if (!slug) return null;
    const cached = rubricIds.get(slug);
    if (cached !== undefined) return cached;
    let id = await findRubricIdBySlug(db, slug);
    if (id === undefined)
      id = await insertRubric(db, { slug, name: r.name || slug, description: '', position: (await lastRubricPosition(db)) + 1 });
    rubricIds.set(slug, id);
    return id;
  }

  /** The file's bytes: from the uploads folder when given, else downloaded when allowed; undefined with a reason. */
  async function mediaBytes(url: string): Promise<Buffer | Note> {
    if (deps.mediaDir) {
      const root = resolve(deps.mediaDir);
      let path: string | undefined;
      try {
        const pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
        const marker = deps.uploadMarkers.find((m) => pathname.includes(m));
        const rel = marker ? pathname.slice(pathname.indexOf(marker) + marker.length) : basename(pathname);
        path = normalize(join(root, rel));
      } catch {
        path = undefined;
      }
      if (path && (path === root || path.startsWith(root + sep))) {
        const data = await readFile(path).catch(() => undefined);
        if (data) return data;
      }
    }
    if (!deps.fetchMedia) return note(deps.mediaDir ? 'import.skip.not_in_folder' : 'import.skip.no_folder');
    const problem = await outboundProblem(url, deps.allowedHosts ?? []);
    if (problem) return note(problem);
    try {
      const res = await fetchImpl(url, { redirect: 'error', signal: AbortSignal.timeout(20_000) });
      if (!res.ok) return note('import.skip.answered', { status: String(res.status) });
      const length = Number(res.headers.get('content-length') ?? 0);
      if (length > MAX_MEDIA_BYTES) return note('import.skip.too_large', { mb: '40' });
      const data = Buffer.from(await res.arrayBuffer());
      return data.length > MAX_MEDIA_BYTES ? note('import.skip.too_large', { mb: '40' }) : data;
    } catch (e) {
      return note('import.skip.download', { problem: (e as Error).message });
    }
  }

  async function media(m: ForeignMedia): Promise<void> {
    const fingerprint = fingerprintOf([m.url, m.alt, m.caption]);
    const known = await findImported(db, source, 'media', m.key);
    if (known && (await rowExists(db, 'media_images', known.localId))) {
      mediaIds.set(m.key, known.localId);
      mediaByUrl.set(urlKey(m.url), known.localId);
      // Once in the library an image is the editors': its alt text and focal point are not overwritten.
      report.media.unchanged++;
      return;
    }
    // The same file named twice (a cover that also appears in the text) is one image of the library.
    const same = mediaByUrl.get(urlKey(m.url));
    if (same !== undefined) {
      mediaIds.set(m.key, same);
      await rememberImported(db, source, 'media', m.key, same, fingerprint, clock());
      return;
    }
    if (!deps.media) {
      report.skipped.push(skipped(note('import.item.image', { url: m.url }), note('import.skip.no_library')));
      return;
    }
    const data = await mediaBytes(m.url);
    if (!Buffer.isBuffer(data)) {
      report.skipped.push(skipped(note('import.item.image', { url: m.url }), data));
      return;
    }
    const name = basename(new URL(m.url, 'http://x').pathname) || 'image';
    const { saved, refused } = await deps.media.upload([{ name, data }], null);
    if (!saved.length) {
      const why = refused[0];
      report.skipped.push(skipped(note('import.item.image', { url: m.url }), why ? note(why.key, why.vars) : note('import.skip.refused')));
      return;
    }
    const id = saved[0].id;
    if (m.alt || m.caption)
      await updateMedia(
        db,
        id,
        { alt: m.alt.slice(0, 300), caption: m.caption.slice(0, 500), credit: '', focalX: 50, focalY: 50 },
        clock(),
      );
    await rememberImported(db, source, 'media', m.key, id, fingerprint, clock());
    mediaIds.set(m.key, id);
    mediaByUrl.set(urlKey(m.url), id);
    report.media.imported++;
  }

  /** Points images of the body at the library when their file was imported; drops srcset lists of old sizes. */
  function relinkImages(html: string): string {
    if (!mediaByUrl.size) return html;
    return html.replace(
      /(<img\b[^>]*?)\s(src)=(["'])([^"']+)\3([^>]*>)/gi,
      (all, before: string, _a, q: string, url: string, after: string) => {
        const id = mediaByUrl.get(urlKey(url));
        if (id === undefined) return all;
        return `${before.replace(/\s(srcset|sizes)=(["'])[^"']*\2/gi, '')} src=${q}${mediaRef(id)}${q}${after.replace(/\s(srcset|sizes)=(["'])[^"']*\2/gi, '')}`;
      },
    );
  }

  async function freeSlug(wanted: string, ownId: number | undefined): Promise<string> {
    for (let n = 1; n < 1000; n++) {
      const slug = n === 1 ? wanted : `${wanted.slice(0, LIMITS.slug - 4)}-${n}`;
      const other = await findArticleBySlug(db, slug);
      if (!other || other.id === ownId) return slug;
    }
    return `${wanted.slice(0, LIMITS.slug - 12)}-${Date.now().toString(36)}`;
  }

  async function post(p: ForeignPost): Promise<void> {
    try {
      await savePost(p);
    } catch (e) {
      report.skipped.push(skipped(p.label, problemNote(e)));
    }
  }

  async function savePost(p: ForeignPost): Promise<void> {
    const now = clock();
    const title = p.title.trim().replace(/\s+/g, ' ') || htmlToText(p.html).slice(0, 80).trim();
    if (!title) {
      report.skipped.push(skipped(p.label, note('import.skip.no_title')));
      return;
    }
    const html = relinkImages(p.html);
    if (html.length > LIMITS.body) {
      report.skipped.push(skipped(p.label, note('import.skip.body_long', { max: String(LIMITS.body) })));
      return;
    }
    const language = p.language ?? guessLanguage(`${title} ${htmlToText(p.html).slice(0, 2000)}`, deps.language ?? ('en' as Language));
    const lead = p.excerpt.replace(/\s+/g, ' ').trim();
    const coverId = p.cover?.mediaKey ? mediaIds.get(p.cover.mediaKey) : undefined;
    const coverUrl = coverId !== undefined ? mediaRef(coverId) : p.cover?.url && /^https?:\/\//.test(p.cover.url) ? p.cover.url : '';
    let status = deps.allDrafts ? 'draft' : p.status;
    if (status === 'published' && p.date && p.date > now) status = 'scheduled';
    if (status === 'scheduled' && (!p.date || p.date <= now)) status = p.date ? 'published' : 'draft';

    const known = await findImported(db, source, 'article', p.key);
    const existing = known ? await findArticleById(db, known.localId) : undefined;
    const wanted = importSlug(p.slug, title, p.key);
    // Comments are compared one by one below: a new comment does not make the article a new version.
    const fingerprint = fingerprintOf([{ ...p, comments: [] }, html, status, coverUrl]);
    let id: number;
    if (existing && known?.fingerprint === fingerprint) {
      id = existing.id;
      report.articles.unchanged++;
    } else {
      const slug = existing && existing.slug === wanted ? wanted : await freeSlug(wanted, existing?.id);
      if (slug !== wanted) report.warnings.push(note('import.warn.slug_taken', { item: p.label, wanted, slug }));
      const input: ArticleInput = {
        title: title.slice(0, LIMITS.title),
        slug,
        lead: lead.length > LIMITS.lead ? `${lead.slice(0, LIMITS.lead - 1)}…` : lead,
        bodyMd: html,
        language: (LANGUAGES as readonly string[]).includes(language) ? language : ('en' as Language),
        rubricId: p.rubric ? await rubricIdOf(p.rubric) : null,
        authorIds: [...new Set(await Promise.all(p.authorKeys.map(authorIdOf)))],
        tagSlugs: [...new Set(p.tags.map((t) => t.trim()).filter((t) => slugify(t)))].slice(0, LIMITS.tags),
        coverUrl,
        coverCaption: '',
        coverCredit: '',
        commentsMode: p.commentsMode,
      };
      if (p.tags.length > LIMITS.tags) report.warnings.push(note('import.warn.tags_kept', { item: p.label, max: String(LIMITS.tags) }));
      if (existing && existing.status !== 'draft' && status === 'draft') await publishing.unpublish(actor, existing.id);
      const opts =
        status === 'draft'
          ? { action: 'draft' as const }
          : status === 'scheduled'
            ? { action: 'schedule' as const, scheduleAt: p.date }
            : { action: 'publish' as const, publishedAt: p.date };
      id = await publishing.save(actor, input, { ...opts, id: existing?.id });
      await rememberImported(db, source, 'article', p.key, id, fingerprint, clock());
      report.articles[existing ? 'updated' : 'created']++;
    }
    const article = await findArticleById(db, id);
    // Old addresses point at the root form "/articles/slug", not at an edition's: the row outlives the editions
    // setting (and the article's language), and the root form is right in both schemes. When every edition is
    // prefixed, the redirect is answered with the article's edition address at once (app.ts), so still one hop.
    for (const path of p.oldPaths) if (article && (await upsertRedirect(db, path, `/articles/${article.slug}`, now))) report.redirects++;
    await saveComments(p, id);
  }

  /** The reader a comment is signed with: an account at the commenter's address, made when there is none. */
  async function readerOf(c: ForeignComment): Promise<number> {
    const name = c.authorName.trim().slice(0, 100) || 'Anonymous';
    const address = normalizeEmail(c.authorEmail);
    const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)
      ? address
      : `commenter-${createHash('sha256').update(name.toLowerCase()).digest('hex').slice(0, 16)}@imported.invalid`;
    const known = await findImported(db, source, 'reader', email);
    if (known && (await rowExists(db, 'users', known.localId))) return known.localId;
    const id = (await findUserIdByEmail(db, email)) ?? (await insertImportedReader(db, { email, name }, clock()));
    await rememberImported(db, source, 'reader', email, id, '', clock());
    return id;
  }

  async function saveComments(p: ForeignPost, articleId: number): Promise<void> {
    // Parents before replies, whatever the order of the export; a reply whose parent is missing stands alone.
    const byKey = new Map(p.comments.map((c) => [c.key, c]));
    const done = new Map<string, { id: number; topId: number; userId: number; name: string }>();
    const depth = (c: ForeignComment) => {
      let d = 0;
      for (let x = c; x.parentKey && byKey.has(x.parentKey) && d < 100; x = byKey.get(x.parentKey)!) d++;
      return d;
    };
    const ordered = [...p.comments].sort((a, b) => depth(a) - depth(b));
    for (const c of ordered) {
      const text = c.text.trim().slice(0, 20_000);
      if (!text) {
        report.skipped.push(skipped(note('import.item.comment', { item: p.label, id: c.key }), note('import.skip.empty_comment')));
        continue;
      }
      if (c.parentKey && !byKey.has(c.parentKey))
        report.warnings.push(note('import.warn.orphan_comment', { item: p.label, id: c.key, parent: c.parentKey }));
      const userId = await readerOf(c);
      const parent = c.parentKey ? done.get(c.parentKey) : undefined;
      // Threads here are one level deep: a reply to a reply joins the thread of its top comment, addressed to its parent's author.
      const row: ImportedComment = {
        articleId,
        userId,
        parentId: parent ? parent.topId : null,
        replyToUserId: parent ? parent.userId : null,
        replyToName: parent ? parent.name : '',
        body: text,
        status: c.status,
        createdAt: (c.date ?? clock()).toISOString(),
      };
      const fingerprint = fingerprintOf(row);
      const known = await findImported(db, source, 'comment', c.key);
      let id: number;
      if (known && (await rowExists(db, 'comments', known.localId))) {
        id = known.localId;
        if (known.fingerprint === fingerprint) report.comments.unchanged++;
        else {
          await updateImportedComment(db, id, row);
          report.comments.updated++;
        }
      } else {
        id = await insertImportedComment(db, row);
        report.comments.created++;
      }
      await rememberImported(db, source, 'comment', c.key, id, fingerprint, clock());
      done.set(c.key, { id, topId: parent ? parent.topId : id, userId, name: c.authorName.trim().slice(0, 100) || 'Anonymous' });
    }
  }

  return { author, media, post, report, warn: (w: Note) => report.warnings.push(w), skip: (s: SkippedItem) => report.skipped.push(s) };
}

export type ForeignImporter = ReturnType<typeof createForeignImporter>;

/** Why saving a post failed: the fields the article's rules refused, each in the catalogue's words. */
function problemNote(e: unknown): Note {
  const err = e as { message?: string; fields?: Record<string, string> };
  const fields = Object.entries(err.fields ?? {});
  if (fields.length === 1 && hasKey(fields[0][1])) return note(messageKey(fields[0][1]));
  if (fields.length)
    return note('import.skip.problem', {
      problem: fields.map(([k, v]) => `${k}: ${hasKey(v) ? english(messageKey(v)) : v}`).join('; '),
    });
  return hasKey(err.message ?? '') ? note(messageKey(err.message!)) : note('import.skip.problem', { problem: err.message ?? String(e) });
}

/** The report as lines for the command line. */
export function describeForeignImport(r: ForeignImportReport): string[] {
  const lines = [
    `Articles: ${r.articles.created} new, ${r.articles.updated} updated, ${r.articles.unchanged} unchanged.`,
    `Comments: ${r.comments.created} new, ${r.comments.updated} updated, ${r.comments.unchanged} unchanged.`,
    `Images: ${r.media.imported} imported, ${r.media.unchanged} unchanged. Authors: ${r.authors} new. Redirects: ${r.redirects}.`,
  ];
  if (r.skipped.length) lines.push(`Skipped ${r.skipped.length}:`, ...r.skipped.map((s) => `  ${s.item}: ${s.reason}`));
  return lines;
}
