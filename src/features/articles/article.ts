// Articles: domain types, the input schema of the editor, and pure rules.
import type { SafeHtml } from '../../platform/safe-html.js';
import type { AuthorRef } from '../authors/author.js';
import type { Rubric } from '../rubrics/rubric.js';
import type { Tag } from '../tags/tag.js';

export type ArticleStatus = 'draft' | 'scheduled' | 'published';
export type CommentsMode = 'on' | 'off' | 'closed';
export const LANGUAGES = ['en', 'ru', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export const COMMENTS_MODES: CommentsMode[] = ['on', 'off', 'closed'];

export interface Article {
  id: number;
  slug: string;
  title: string;
  lead: string;
  bodyMd: string;
  bodyHtml: SafeHtml;
  language: string;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  createdAt: string;
  rubric: Rubric | undefined;
  authors: AuthorRef[];
  tags: Tag[];
  cover: { url: string; caption: string; credit: string } | undefined;
  commentsMode: CommentsMode;
  createdBy: number | null;
  /** Estimated at save from the Markdown (readingMinutes). */
  readingMinutes: number;
  /** The last substantive change after publication (title, lead or body, not a minor edit): "Updated" on the page. */
  revisedAt: string | null;
}

/** An article as its public page shows it: the HTML without the Markdown it came from. */
export type ReadableArticle = Omit<Article, 'bodyMd'>;

/** An article in a list: no body. */
export type ArticleSummary = Omit<Article, 'bodyMd' | 'bodyHtml' | 'tags'>;

/** What the editor submits, after validation. */
export interface ArticleInput {
  title: string;
  slug: string;
  lead: string;
  bodyMd: string;
  language: Language;
  rubricId: number | null;
  authorIds: number[];
  tagSlugs: string[];
  coverUrl: string;
  coverCaption: string;
  coverCredit: string;
  commentsMode: CommentsMode;
}

export const LIMITS = { title: 300, slug: 120, lead: 1000, body: 500_000, cover: 2000, tags: 30 } as const;

/** True when the article is visible to readers at this moment. */
export function isPublic(a: { status: ArticleStatus; publishedAt: string | null }, now: Date): boolean {
  return a.status === 'published' && a.publishedAt !== null && a.publishedAt <= now.toISOString();
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Validates the editor's form fields; returns the input or a map of field -> message. */
export function parseArticleForm(
  form: Record<string, unknown>,
  slugify: (s: string) => string,
): { ok: true; value: ArticleInput } | { ok: false; errors: Record<string, string> } {
  const str = (k: string) =>
    typeof form[k] === 'string' ? (form[k] as string) : Array.isArray(form[k]) ? String((form[k] as unknown[])[0] ?? '') : '';
  const errors: Record<string, string> = {};
  const title = str('title').trim();
  if (!title) errors.title = 'admin.form.title_required';
  else if (title.length > LIMITS.title) errors.title = 'admin.form.title_long';
  let slug = str('slug').trim().toLowerCase();
  if (!slug) slug = slugify(title);
  if (slug && !SLUG_RE.test(slug)) errors.slug = 'admin.form.slug_invalid';
  else if (slug.length > LIMITS.slug) errors.slug = 'admin.form.slug_long';
  else if (!slug && title) errors.slug = 'admin.form.article_slug_needed';
  const lead = str('lead').trim();
  if (lead.length > LIMITS.lead) errors.lead = 'admin.form.lead_long';
  const bodyMd = str('body').replace(/\r\n/g, '\n');
  if (bodyMd.length > LIMITS.body) errors.body = 'admin.form.body_long';
  const language = str('language') || 'en';
  if (!(LANGUAGES as readonly string[]).includes(language)) errors.language = 'admin.form.language';
  const rubricRaw = str('rubric_id');
  const rubricId = rubricRaw ? Number(rubricRaw) : null;
  if (rubricRaw && !Number.isInteger(rubricId)) errors.rubric_id = 'admin.form.rubric';
  const rawAuthors = form.author_ids;
  const authorIds = (Array.isArray(rawAuthors) ? rawAuthors : rawAuthors === undefined || rawAuthors === '' ? [] : [rawAuthors])
    .map((v) => Number(v))
    .filter((n) => Number.isInteger(n) && n > 0);
  if (authorIds.length === 0) errors.author_ids = 'admin.form.authors';
  const tagSlugs = str('tags')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (tagSlugs.length > LIMITS.tags) errors.tags = 'admin.form.tags_many';
  const coverUrl = str('cover_url').trim();
  if (coverUrl && (!/^(https?:\/\/|\/)[^\s]*$/.test(coverUrl) || coverUrl.length > LIMITS.cover)) errors.cover_url = 'admin.form.cover_url';
  const commentsMode = (str('comments_mode') || 'on') as CommentsMode;
  if (!COMMENTS_MODES.includes(commentsMode)) errors.comments_mode = 'admin.form.comments_mode';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      slug,
      lead,
      bodyMd,
      language: language as Language,
      rubricId,
      authorIds: [...new Set(authorIds)],
      tagSlugs,
      coverUrl,
      coverCaption: str('cover_caption').trim().slice(0, 500),
      coverCredit: str('cover_credit').trim().slice(0, 200),
      commentsMode,
    },
  };
}
