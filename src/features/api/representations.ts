// Domain objects as the API shows them: snake_case names, absolute URLs, RFC 3339 instants, nothing a
// reader of the site could not see.
import type { ArticleSummary, ReadableArticle } from '../articles/article.js';
import type { Author, AuthorRef } from '../authors/author.js';
import type { Comment } from '../comments/comment.js';
import { dossierPath, type DossierEntity, type PublicFact } from '../dossiers/dossier.js';
import type { Event, EventTime } from '../events/event.js';
import type { RegistrationSettings, RegistrationState } from '../events/registration.js';
import type { TermsVersion } from '../events/terms-store.js';
import type { Rubric } from '../rubrics/rubric.js';
import type { Tag } from '../tags/tag.js';

/**
 * Absolute addresses on the site: of a path that stays at the root (media), of an article at its own edition's
 * address, and of any other page of content at its edition's (so that no URL the API gives answers a redirect
 * when every edition is under its prefix).
 */
export interface Abs {
  (path: string): string;
  article(language: string, slug: string): string;
  /** A page every edition has (a rubric, a tag, an author, an event, a dossier): in `language`'s edition, else the default's. */
  page(path: string, language?: string): string;
}

/** A rubric; its page in the edition of `language` when it is shown with an article of that language. */
export const rubricJson = (r: Rubric, abs: Abs, language?: string) => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  url: abs.page(`/rubric/${r.slug}`, language),
});
/** A tag; its page in the edition of `language` when it is shown with an article of that language. */
export const tagJson = (t: Tag, abs: Abs, language?: string) => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  type: t.type,
  url: abs.page(`/tags/${t.slug}`, language),
});
export const authorRefJson = (a: AuthorRef) => ({ id: a.id, slug: a.slug, name: a.name, title: a.title });
export const authorJson = (a: Author, abs: Abs) => ({
  id: a.id,
  slug: a.slug,
  name: a.name,
  title: a.title,
  bio: a.bio,
  photo_url: a.photoUrl,
  url: abs.page(`/authors/${a.slug}`),
});

/** An article in a list. */
export function articleSummaryJson(a: ArticleSummary, commentCount: number, abs: Abs) {
  return {
    id: a.id,
    slug: a.slug,
    url: abs.article(a.language, a.slug),
    title: a.title,
    lead: a.lead,
    language: a.language,
    published_at: a.publishedAt ?? a.createdAt,
    updated_at: a.updatedAt,
    rubric: a.rubric ? rubricJson(a.rubric, abs, a.language) : null,
    authors: a.authors.map(authorRefJson),
    cover: a.cover
      ? { url: a.cover.url.startsWith('/') ? abs(a.cover.url) : a.cover.url, caption: a.cover.caption, credit: a.cover.credit }
      : null,
    reading_minutes: a.readingMinutes,
    comment_count: commentCount,
  };
}

/** One article with its body, tags, event and translations. */
export function articleJson(
  a: ReadableArticle,
  extra: {
    commentCount: number;
    event: Pick<Event, 'id' | 'slug' | 'title'> | undefined;
    translations: { id: number; language: string; slug: string }[];
  },
  abs: Abs,
) {
  return {
    ...articleSummaryJson(a, extra.commentCount, abs),
    body_html: String(a.bodyHtml),
    tags: a.tags.map((t) => tagJson(t, abs, a.language)),
    comments: a.commentsMode,
    event: extra.event
      ? { id: extra.event.id, slug: extra.event.slug, title: extra.event.title, url: abs.page(`/events/${extra.event.slug}`, a.language) }
      : null,
    translations: extra.translations.map((t) => ({ ...t, url: abs.article(t.language, t.slug) })),
  };
}

const timeJson = (t: EventTime) => (t.kind === 'tba' ? null : t.kind === 'date' ? t.date : t.instant);

/** Where registration stands, in the API's words. */
function registrationJson(state: RegistrationState, s: RegistrationSettings) {
  const kind = state.kind === 'event_closed' ? state.reason : state.kind;
  return {
    state: kind,
    capacity: s.enabled ? s.capacity : null,
    places_left: state.kind === 'open' ? state.placesLeft : state.kind === 'waitlist' ? 0 : null,
    opens_at: s.enabled ? s.opensAt : null,
    closes_at: s.enabled ? s.closesAt : null,
    approval_required: s.enabled && s.approvalRequired,
  };
}

/** An event with its terms and where registration stands. */
export function eventJson(
  e: Event,
  extra: { terms: TermsVersion | undefined; state: RegistrationState; settings: RegistrationSettings },
  abs: Abs,
) {
  return {
    id: e.id,
    slug: e.slug,
    url: abs.page(`/events/${e.slug}`, e.language),
    title: e.title,
    summary: e.summary,
    programme_html: String(e.programmeHtml),
    status: e.status as 'published' | 'cancelled' | 'postponed',
    status_note: e.statusNote,
    language: e.language,
    timezone: e.timezone,
    starts_at: timeJson(e.start),
    ends_at: timeJson(e.end),
    online_url: e.onlineUrl,
    venue: { ...e.venue },
    terms: extra.terms ? { version: extra.terms.version, html: String(extra.terms.bodyHtml), updated_at: extra.terms.createdAt } : null,
    registration: registrationJson(extra.state, extra.settings),
    updated_at: e.updatedAt,
  };
}

/** A comment as readers see it: a deleted one keeps its place in the thread, without text or author. */
export function commentJson(c: Comment) {
  const deleted = c.status === 'deleted';
  return {
    id: c.id,
    article_id: c.articleId,
    parent_id: c.parentId,
    author_name: deleted ? '' : c.authorName,
    reply_to_name: c.replyToName,
    body: deleted ? '' : c.body,
    deleted,
    featured: c.featured,
    likes: c.likesCount,
    created_at: c.createdAt,
    edited_at: c.editedAt,
  };
}

export function entityJson(e: DossierEntity, abs: Abs) {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    names: [e.name, ...e.aliases.filter((n) => n !== e.name)],
    roles: e.roles.map((r) => (r.of ? { title: r.title, of: r.of } : { title: r.title })),
    country: e.country,
    url: abs.page(dossierPath(e.id)),
  };
}

export function factJson(f: PublicFact, abs: Abs) {
  return {
    id: f.id,
    type: f.type,
    args: f.args,
    when: f.when ? { value: f.when.value, precision: f.when.precision } : null,
    sort_date: f.sortDate,
    planned: f.planned,
    status: f.status,
    confidence: f.confidence,
    evidence: { text: f.evidence.text, start: f.evidence.start, end: f.evidence.end },
    article: {
      id: f.article.id,
      slug: f.article.slug,
      title: f.article.title,
      url: abs.article(f.article.language, f.article.slug),
      published_at: f.article.publishedAt,
    },
    extractor_version: f.extractorVersion,
  };
}

export type FactJson = ReturnType<typeof factJson>;

const CSV_COLUMNS = [
  'id',
  'type',
  'sort_date',
  'when',
  'precision',
  'planned',
  'status',
  'confidence',
  'args',
  'evidence',
  'article_id',
  'article_url',
  'article_published_at',
] as const;

/** A CSV field, quoted when it must be (RFC 4180); a leading =, +, - or @ is prefixed so spreadsheets show it as text. */
function csvField(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Facts as CSV (RFC 4180, CRLF line ends, header row). */
export function factsCsv(facts: FactJson[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const f of facts)
    lines.push(
      [
        f.id,
        f.type,
        f.sort_date,
        f.when?.value ?? '',
        f.when?.precision ?? '',
        f.planned,
        f.status,
        f.confidence,
        f.args,
        f.evidence.text,
        f.article.id,
        f.article.url,
        f.article.published_at,
      ]
        .map(csvField)
        .join(','),
    );
  return lines.join('\r\n') + '\r\n';
}

/** Facts as JSON Lines: one fact per line. */
export function factsJsonLines(facts: FactJson[]): string {
  return facts.map((f) => JSON.stringify(f) + '\n').join('');
}
