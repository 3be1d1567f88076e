// Importing Markdown files with front matter as articles: authors and rubrics created on first sight,
// every article saved through the publishing service (so it is indexed and audited like an edited one).
import { linkTranslation } from '../articles/translation-store.js';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Db } from '../../platform/db.js';
import { LANGUAGES, LIMITS, COMMENTS_MODES, type ArticleInput, type CommentsMode, type Language } from '../articles/article.js';
import { findArticleBySlug } from '../articles/article-store.js';
import { createPublishingService, type Actor, type PublishingService } from '../articles/publishing-service.js';
import { articleSearchIndex } from '../search/search-index-store.js';
import { findAuthorIdBySlug, insertAuthor } from '../authors/author-store.js';
import { findRubricIdBySlug, insertRubric, lastRubricPosition } from '../rubrics/rubric-store.js';
import { slugify } from '../tags/tag-store.js';
import { hasKey, messageKey, translator } from '../../platform/i18n/index.js';
import { FrontMatterError, parseFrontMatter, type FrontMatterValue } from './front-matter.js';

export type ImportStatus = 'published' | 'draft' | 'scheduled';

/** One article read from a file, ready to save. */
export interface ParsedArticle {
  slug: string;
  title: string;
  lead: string;
  bodyMd: string;
  language: Language;
  authorNames: string[];
  rubric: string | undefined;
  tags: string[];
  cover: string;
  coverCaption: string;
  coverCredit: string;
  commentsMode: CommentsMode;
  status: ImportStatus | undefined;
  date: Date | undefined;
  /** The slug of the article this one translates (`translation_of`), linked into its group after the import. */
  translationOf: string | undefined;
}

/** A file that was not imported, and why. */
export interface ImportProblem {
  file: string;
  line: number;
  message: string;
}

export interface ImportResult {
  created: { file: string; slug: string; id: number }[];
  updated: { file: string; slug: string; id: number }[];
  /** Files whose article is already in the database exactly as written. */
  unchanged: { file: string; slug: string; id: number }[];
  errors: ImportProblem[];
  /** Things worth knowing that did not stop the import (an unknown key, say). */
  warnings: ImportProblem[];
}

export interface ImportDeps {
  db: Db;
  clock: () => Date;
  /** The app's service when running inside it (so its listeners hear of publications); built here otherwise. */
  publishing?: PublishingService;
  /** Who the import is done as; an admin without an account by default. */
  actor?: Actor;
}

export interface ImportOptions {
  /** "draft" imports every file as a draft; otherwise each file's own status applies (published when absent). */
  status?: 'published' | 'draft';
  /** Called before each file and once at the end (done === total). */
  onProgress?: (done: number, total: number, file: string) => void;
}

const KNOWN_KEYS = new Set([
  'title',
  'slug',
  'author',
  'authors',
  'date',
  'rubric',
  'tags',
  'language',
  'lead',
  'cover',
  'cover_caption',
  'cover_credit',
  'comments',
  'status',
  'translation_of',
  // As Hugo and Jekyll write them:
  'draft',
  'published',
  'description',
  'summary',
  'categories',
  'lastmod',
]);
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Reads a date as written in front matter: YYYY-MM-DD (midnight UTC) or an ISO date-time (UTC unless it says otherwise). */
export function parseImportDate(raw: string): Date | undefined {
  const m = DATE_RE.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 59) return undefined;
  const tz = zone === undefined || zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${tz}`);
  // Rejects 2025-02-30 and the like, which Date would roll over into March.
  if (Number.isNaN(date.getTime())) return undefined;
  const check = new Date(Date.UTC(+y, +mo - 1, +d));
  if (check.getUTCMonth() !== +mo - 1) return undefined;
  return date;
}

/** Turns a file's text into an article; throws FrontMatterError with the line of the first problem. */
export function parseArticleFile(text: string, fileName: string, warnings: ImportProblem[] = []): ParsedArticle {
  const fm = parseFrontMatter(text);
  const { data } = fm;
  const line = (k: string) => fm.lines[k] ?? 1;
  const str = (k: string, v: FrontMatterValue | undefined = data[k]): string => {
    if (v === undefined) return '';
    if (Array.isArray(v)) throw new FrontMatterError(`"${k}" must be a single value, not a list`, line(k));
    if (v instanceof Date) return v.toISOString();
    if (typeof v === 'object') throw new FrontMatterError(`"${k}" must be a single value, not a map`, line(k));
    return String(v).trim();
  };
  const list = (k: string): string[] => {
    const v: FrontMatterValue | undefined = data[k];
    if (v === undefined || v === '') return [];
    if (Array.isArray(v)) return v.map((item) => str(k, item)).filter(Boolean);
    return str(k)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  };
  const bool = (k: string): boolean | undefined => {
    const v = data[k];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'boolean') throw new FrontMatterError(`"${k}" must be true or false`, line(k));
    return v;
  };
  // Hugo themes write the cover as a map ("cover: {image, caption, alt}"); a plain address works too.
  const coverMap =
    data.cover !== undefined && typeof data.cover === 'object' && !Array.isArray(data.cover) && !(data.cover instanceof Date)
      ? (data.cover as Record<string, FrontMatterValue>)
      : undefined;
  for (const k of Object.keys(data))
    if (!KNOWN_KEYS.has(k)) warnings.push({ file: fileName, line: line(k), message: `unknown key "${k}" ignored` });

  const title = str('title');
  if (!title) throw new FrontMatterError('a title is required ("title: ...")', data.title === undefined ? 1 : line('title'));
  if (title.length > LIMITS.title) throw new FrontMatterError(`the title is longer than ${LIMITS.title} characters`, line('title'));

  // Without a slug the file name is used: it stays put when the title is reworded, so re-imports update.
  const slug = data.slug !== undefined ? str('slug').toLowerCase() : slugify(basename(fileName).replace(/\.md$/i, ''));
  if (!SLUG_RE.test(slug) || slug.length > LIMITS.slug)
    throw new FrontMatterError(
      `bad slug "${slug}": use lowercase letters, digits and single hyphens`,
      data.slug !== undefined ? line('slug') : 1,
    );

  if (data.author !== undefined && data.authors !== undefined)
    throw new FrontMatterError('give either "author" or "authors", not both', line('authors'));
  const authorNames = data.authors !== undefined ? list('authors') : list('author');
  if (authorNames.length === 0)
    throw new FrontMatterError(
      'an author is required ("author: Name" or "authors: [A, B]")',
      line(data.authors !== undefined ? 'authors' : 'author'),
    );
  for (const n of authorNames)
    if (!slugify(n))
      throw new FrontMatterError(
        `author "${n}" needs at least one letter or digit in the name`,
        line(data.authors !== undefined ? 'authors' : 'author'),
      );

  let date: Date | undefined;
  if (data.date instanceof Date) date = data.date;
  else if (data.date !== undefined && str('date') !== '') {
    date = parseImportDate(str('date'));
    if (!date) throw new FrontMatterError(`bad date "${str('date')}": use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ`, line('date'));
  }

  const language = (str('language') || 'en').toLowerCase();
  if (!(LANGUAGES as readonly string[]).includes(language))
    throw new FrontMatterError(`unknown language "${language}": use one of ${LANGUAGES.join(', ')}`, line('language'));

  // Hugo's "description" or "summary" stands in for the lead when there is none.
  const leadKey = data.lead !== undefined ? 'lead' : data.description !== undefined ? 'description' : 'summary';
  const lead = str(leadKey).replace(/\s+/g, ' ');
  if (lead.length > LIMITS.lead) throw new FrontMatterError(`the lead is longer than ${LIMITS.lead} characters`, line(leadKey));

  const cover = coverMap ? str('cover', coverMap.image ?? '') : str('cover');
  if (cover && (!/^(https?:\/\/|\/)\S*$/.test(cover) || cover.length > LIMITS.cover))
    throw new FrontMatterError('the cover must be an http(s) address or a path on this site', line('cover'));

  // "draft: true" (Hugo) and "published: false" (Jekyll) mean a draft, unless a status says otherwise.
  const draftFlag = bool('draft') === true || bool('published') === false;
  let statusRaw = str('status').toLowerCase();
  if (draftFlag && statusRaw && statusRaw !== 'draft')
    throw new FrontMatterError(`the status says "${statusRaw}" but the file is marked as a draft`, line('status'));
  if (draftFlag) statusRaw = 'draft';
  if (statusRaw && !['published', 'draft', 'scheduled'].includes(statusRaw))
    throw new FrontMatterError(`unknown status "${statusRaw}": use published, draft or scheduled`, line('status'));
  if (statusRaw === 'scheduled' && !date) throw new FrontMatterError('a scheduled article needs a date', line('status'));

  const comments = (str('comments') || 'on').toLowerCase() as CommentsMode;
  if (!COMMENTS_MODES.includes(comments))
    throw new FrontMatterError(`comments must be on, off or closed, not "${comments}"`, line('comments'));

  const tags = list('tags');
  if (tags.length > LIMITS.tags) throw new FrontMatterError(`at most ${LIMITS.tags} tags`, line('tags'));
  const body = fm.body.replace(/\r\n/g, '\n');
  if (body.length > LIMITS.body) throw new FrontMatterError(`the body is longer than ${LIMITS.body} characters`, fm.bodyLine);

  return {
    slug,
    title,
    lead,
    bodyMd: body,
    language: language as Language,
    authorNames,
    rubric: str('rubric') || list('categories')[0] || undefined,
    tags,
    cover,
    coverCaption: (coverMap ? str('cover', coverMap.caption ?? '') : str('cover_caption')).slice(0, 500),
    coverCredit: (coverMap ? str('cover', coverMap.credit ?? '') : str('cover_credit')).slice(0, 200),
    commentsMode: comments,
    status: (statusRaw || undefined) as ImportStatus | undefined,
    date,
    translationOf: str('translation_of').toLowerCase() || undefined,
  };
}

/** The .md files of a folder, sorted by name (not recursive). */
export async function listMarkdownFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.md$/i.test(e.name) && !/^readme\.md$/i.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Builds the importer; import() reads a folder (or a list of files) and saves each good file as an article. */
export function createImporter(deps: ImportDeps) {
  const { db, clock } = deps;
  const publishing = deps.publishing ?? createPublishingService({ index: articleSearchIndex, db, clock, contentChanged: () => undefined });
  const actor: Actor = deps.actor ?? { id: null, role: 'admin' };
  const authorIds = new Map<string, number>();
  const rubricIds = new Map<string, number>();

  async function authorId(name: string): Promise<number> {
    const slug = slugify(name);
    const cached = authorIds.get(slug);
    if (cached !== undefined) return cached;
    const id = (await findAuthorIdBySlug(db, slug)) ?? (await insertAuthor(db, { slug, name, title: '', bio: '', photoUrl: '' }, clock()));
    authorIds.set(slug, id);
    return id;
  }

  async function rubricId(nameOrSlug: string): Promise<number | null> {
    const slug = slugify(nameOrSlug);
    if (!slug) return null;
    const cached = rubricIds.get(slug);
    if (cached !== undefined) return cached;
    let id = await findRubricIdBySlug(db, slug);
    if (id === undefined) {
      const last = await lastRubricPosition(db);
      const name = nameOrSlug === slug ? slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) : nameOrSlug;
      id = await insertRubric(db, { slug, name, description: '', position: last + 1 });
    }
    rubricIds.set(slug, id);
    return id;
  }

  /** Saves one parsed article; returns whether it was created, updated or already so. */
  async function saveOne(p: ParsedArticle, opts: ImportOptions): Promise<{ id: number; outcome: 'created' | 'updated' | 'unchanged' }> {
    const now = clock();
    const input: ArticleInput = {
      title: p.title,
      slug: p.slug,
      lead: p.lead,
      bodyMd: p.bodyMd,
      language: p.language,
      rubricId: p.rubric ? await rubricId(p.rubric) : null,
      authorIds: [...new Set(await Promise.all(p.authorNames.map(authorId)))],
      tagSlugs: p.tags,
      coverUrl: p.cover,
      coverCaption: p.coverCaption,
      coverCredit: p.coverCredit,
      commentsMode: p.commentsMode,
    };
    let status: ImportStatus = opts.status === 'draft' ? 'draft' : (p.status ?? 'published');
    // A date still to come makes a published piece scheduled; a scheduled one whose time has passed is simply published.
    if (status === 'published' && p.date && p.date > now) status = 'scheduled';
    if (status === 'scheduled' && p.date && p.date <= now) status = 'published';
    const publishedAt = status === 'draft' ? null : (p.date ?? undefined);

    const existing = await findArticleBySlug(db, p.slug);
    if (existing && sameArticle(existing, input, status, publishedAt)) return { id: existing.id, outcome: 'unchanged' };
    const saveOpts =
      status === 'draft'
        ? { action: 'draft' as const }
        : status === 'scheduled'
          ? { action: 'schedule' as const, scheduleAt: p.date }
          : { action: 'publish' as const, publishedAt: p.date };
    if (existing && existing.status !== 'draft' && status === 'draft') await publishing.unpublish(actor, existing.id);
    const id = await publishing.save(actor, input, { ...saveOpts, id: existing?.id });
    return { id, outcome: existing ? 'updated' : 'created' };
  }

  /** Imports the given files in order. */
  async function importFiles(paths: string[], opts: ImportOptions = {}): Promise<ImportResult> {
    const result: ImportResult = { created: [], updated: [], unchanged: [], errors: [], warnings: [] };
    const seen = new Map<string, string>();
    const translations: { file: string; id: number; of: string }[] = [];
    for (let i = 0; i < paths.length; i++) {
      const file = basename(paths[i]);
      opts.onProgress?.(i, paths.length, file);
      try {
        const text = await readFile(paths[i], 'utf8');
        const parsed = parseArticleFile(text, file, result.warnings);
        const twin = seen.get(parsed.slug);
        if (twin) throw new FrontMatterError(`slug "${parsed.slug}" is also used by ${twin}`, 1);
        seen.set(parsed.slug, file);
        const { id, outcome } = await saveOne(parsed, opts);
        result[outcome].push({ file, slug: parsed.slug, id });
        if (parsed.translationOf) translations.push({ file, id, of: parsed.translationOf });
      } catch (e) {
        result.errors.push(problemOf(file, e));
      }
    }
    // Translations are linked once every file is in, whatever their order; a pair already linked stays so.
    for (const x of translations) {
      const other = await findArticleBySlug(db, x.of);
      const problem = other ? await linkTranslation(db, x.id, other.id) : 'unknown';
      if (problem === 'unknown' || problem === 'language')
        result.warnings.push({
          file: x.file,
          line: 1,
          message:
            problem === 'unknown'
              ? `translation_of "${x.of}": no such article, not linked`
              : `translation_of "${x.of}": its group already has this language, not linked`,
        });
    }
    opts.onProgress?.(paths.length, paths.length, '');
    return result;
  }

  return {
    importFiles,
    /** Imports every .md file of a folder; bad files are reported with their line and skipped. */
    async importFolder(folder: string, opts: ImportOptions = {}): Promise<ImportResult> {
      const names = await listMarkdownFiles(folder);
      return importFiles(
        names.map((n) => join(folder, n)),
        opts,
      );
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;

const english = translator('en');

function problemOf(file: string, e: unknown): ImportProblem {
  if (e instanceof FrontMatterError) return { file, line: e.line, message: e.message };
  const err = e as { message?: string; fields?: Record<string, string>; code?: string; vars?: Record<string, string | number> };
  if (err.code === 'ENOENT' || err.code === 'EISDIR') return { file, line: 0, message: 'cannot read the file' };
  if (err.fields && Object.keys(err.fields).length)
    return {
      file,
      line: 1,
      message: Object.entries(err.fields)
        // The command line speaks English: a field's catalogue key is said in it.
        .map(([k, v]) => `${k}: ${english(messageKey(v))}`)
        .join('; '),
    };
  // A refusal may name its catalogue key (as the pages say it in the reader's language): said in English here too.
  const message = err.message ?? String(e);
  return { file, line: 0, message: hasKey(message) ? english(messageKey(message), err.vars) : message };
}

/** True when saving would change nothing a reader or editor can see. */
function sameArticle(
  a: NonNullable<Awaited<ReturnType<typeof findArticleBySlug>>>,
  input: ArticleInput,
  status: ImportStatus,
  publishedAt: Date | undefined | null,
): boolean {
  const tagSlugs = [...new Set(input.tagSlugs.map((s) => slugify(s)).filter(Boolean))].sort();
  return (
    a.title === input.title &&
    a.lead === input.lead &&
    a.bodyMd === input.bodyMd &&
    a.language === input.language &&
    (a.rubric?.id ?? null) === input.rubricId &&
    a.authors.map((x) => x.id).join(',') === input.authorIds.join(',') &&
    a.tags
      .map((t) => t.slug)
      .sort()
      .join(',') === tagSlugs.join(',') &&
    (a.cover?.url ?? '') === input.coverUrl &&
    (a.cover?.caption ?? '') === input.coverCaption &&
    (a.cover?.credit ?? '') === input.coverCredit &&
    a.commentsMode === input.commentsMode &&
    a.status === status &&
    (publishedAt === undefined || publishedAt === null ? true : a.publishedAt === publishedAt.toISOString())
  );
}

/** A summary line: "Imported 17 (12 new, 5 updated), 1 unchanged, 1 error." */
export function summarize(r: ImportResult): string {
  const n = r.created.length + r.updated.length;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `Imported ${n} (${r.created.length} new, ${r.updated.length} updated), skipped ${r.unchanged.length} unchanged, ${plural(r.errors.length, 'error')}.`;
}
