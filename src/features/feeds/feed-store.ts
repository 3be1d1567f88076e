// What feeds and sitemaps read: full articles in three queries (rows, bylines, tags), and slugs for sitemaps.
import { sql } from 'kysely';
import { unindexed } from '../../platform/columns.js';
import type { Db } from '../../platform/db.js';
import { preparedByShape, type Slots } from '../../platform/prepared.js';
import { isLanguage } from '../../platform/i18n/index.js';
import type { AuthorRef } from '../authors/author.js';
import { authorsOfArticles, tagsOfArticles } from '../articles/article-store.js';
import type { Tag } from '../tags/tag.js';
import type { FeedSource } from './feed.js';

/** An article as a feed reads it: what the builders need, plus its id and full byline. */
export interface FeedArticle extends FeedSource {
  id: number;
  rubric: { id: number; slug: string; name: string } | undefined;
  authors: AuthorRef[];
  tags: Tag[];
}

export interface FeedFilter {
  now: Date;
  rubricId?: number;
  authorId?: number;
  tagId?: number;
  /** Only articles in this language: an edition's feeds. */
  language?: string;
}

function publishedArticles(db: Db, f: FeedFilter) {
  let q = db
    .selectFrom('articles')
    .leftJoin('rubrics', 'rubrics.id', 'articles.rubric_id')
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', f.now.toISOString());
  if (f.rubricId !== undefined) q = q.where('articles.rubric_id', '=', f.rubricId);
  if (f.language) q = q.where('articles.language', '=', f.language);
  if (f.authorId !== undefined) {
    const id = f.authorId;
    q = q.where('articles.id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', '=', id));
  }
  if (f.tagId !== undefined) {
    const id = f.tagId;
    q = q.where('articles.id', 'in', (eb) => eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', id));
  }
  return q;
}

type FeedParams = { now: string; rubricId: number; authorId: number; tagId: number };

// A feed's miss runs one of a few shapes (rubric, author or tag feed, the edition's language, the feed's size):
// compiled once each. As in the list pages, the status and language are written into the statement and "now"
// filters the rows the index gives in date order, so SQLite never compiles it again for a value (decision 006).
const feedPage = preparedByShape((db, p: Slots<FeedParams>, shape: string) => {
  const [filters, language, limit] = shape.split(':');
  return db
    .selectFrom('articles')
    .leftJoin('rubrics', 'rubrics.id', 'articles.rubric_id')
    .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
    .where('articles.status', '=', 'published')
    .where(unindexed(db, 'articles.published_at'), '<=', p.now)
    .$if(filters.includes('r'), (q) => q.where('articles.rubric_id', '=', p.rubricId))
    .$if(!!language, (q) => q.where('articles.language', '=', sql.lit(language)))
    .$if(filters.includes('a'), (q) =>
      q.where('articles.id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', '=', p.authorId)),
    )
    .$if(filters.includes('t'), (q) =>
      q.where('articles.id', 'in', (eb) => eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', p.tagId)),
    )
    .select([
      'articles.id',
      'articles.slug',
      'articles.title',
      'articles.lead',
      'article_bodies.body_html',
      'articles.language',
      'articles.published_at',
      'articles.updated_at',
      'rubrics.id as r_id',
      'rubrics.slug as r_slug',
      'rubrics.name as r_name',
    ])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(sql.lit(Number(limit)));
});

/** The newest published articles matching the filter, with body, bylines and tags; newest first. */
export async function listFeedArticles(db: Db, f: FeedFilter & { limit: number }): Promise<FeedArticle[]> {
  // A language no article can have matches nothing, and gets no statement of its own.
  if (f.language && !isLanguage(f.language)) return [];
  const filters = `${f.rubricId === undefined ? '' : 'r'}${f.authorId === undefined ? '' : 'a'}${f.tagId === undefined ? '' : 't'}`;
  const rows = await feedPage(`${filters}:${f.language ?? ''}:${Math.max(0, Math.floor(f.limit))}`).all(db, {
    now: f.now.toISOString(),
    rubricId: f.rubricId ?? 0,
    authorId: f.authorId ?? 0,
    tagId: f.tagId ?? 0,
  });
  const ids = rows.map((r) => r.id);
  const [authors, tags] = await Promise.all([authorsOfArticles(db, ids), tagsOfArticles(db, ids)]);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    bodyHtml: r.body_html,
    language: r.language,
    publishedAt: r.published_at!,
    updatedAt: r.updated_at,
    rubric: r.r_id != null && r.r_slug != null && r.r_name != null ? { id: r.r_id, slug: r.r_slug, name: r.r_name } : undefined,
    authors: authors.get(r.id) ?? [],
    tags: tags.get(r.id) ?? [],
  }));
}

/** How many published articles the sitemap lists (those of one edition's language when given). */
export async function countSitemapArticles(db: Db, now: Date, language?: string): Promise<number> {
  const r = await publishedArticles(db, { now, language })
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of published articles for a sitemap: slug and last change only, in a stable order (by id). */
export async function listSitemapArticles(
  db: Db,
  now: Date,
  limit: number,
  offset: number,
  language?: string,
): Promise<{ slug: string; updatedAt: string; group: number }[]> {
  let q = db
    .selectFrom('articles')
    .select(['id', 'slug', 'updated_at', 'translation_group'])
    .where('status', '=', 'published')
    .where('published_at', '<=', now.toISOString());
  if (language) q = q.where('language', '=', language);
  const rows = await q.orderBy('id').limit(limit).offset(offset).execute();
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at, group: Number(r.translation_group ?? r.id) }));
}

/**
 * Every published article that has a translation, by group (a group is its original's id): each one's slug and
 * language, for the sitemaps' hreflang alternates. Translations are few next to the archive: two queries.
 */
export async function listSitemapTranslations(
  db: Db,
  now: Date,
): Promise<{ slug: string; language: string; group: number; original: boolean }[]> {
  const nowIso = now.toISOString();
  const translated = await db
    .selectFrom('articles')
    .select(['slug', 'language', 'translation_group'])
    .where('status', '=', 'published')
    .where('published_at', '<=', nowIso)
    .where('translation_group', 'is not', null)
    .execute();
  const groups = [...new Set(translated.map((r) => Number(r.translation_group)))];
  const originals = groups.length
    ? await db
        .selectFrom('articles')
        .select(['id', 'slug', 'language'])
        .where('status', '=', 'published')
        .where('published_at', '<=', nowIso)
        .where('id', 'in', groups)
        .execute()
    : [];
  return [
    ...originals.map((r) => ({ slug: r.slug, language: r.language, group: Number(r.id), original: true })),
    ...translated.map((r) => ({ slug: r.slug, language: r.language, group: Number(r.translation_group), original: false })),
  ];
}

export interface SitemapPages {
  rubrics: string[];
  authors: string[];
  /** Tags with at least one published article: an empty tag page is not worth indexing. */
  tags: string[];
  events: { slug: string; updatedAt: string }[];
}

/** Slugs of every public page that is not an article. */
export async function listSitemapPages(db: Db, now: Date): Promise<SitemapPages> {
  const nowIso = now.toISOString();
  const [rubrics, authors, tags, events] = await Promise.all([
    db.selectFrom('rubrics').select('slug').orderBy('position').orderBy('slug').execute(),
    db.selectFrom('authors').select('slug').orderBy('slug').execute(),
    db
      .selectFrom('tags')
      .select('slug')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('article_tags')
          .innerJoin('articles', 'articles.id', 'article_tags.article_id')
          .select('article_tags.tag_id')
          .where('articles.status', '=', 'published')
          .where('articles.published_at', '<=', nowIso),
      )
      .orderBy('slug')
      .execute(),
    // Cancelled and postponed events keep a public page that says so.
    db
      .selectFrom('events')
      .select(['slug', 'updated_at'])
      .where('status', 'in', ['published', 'cancelled', 'postponed'])
      .orderBy('id')
      .execute(),
  ]);
  return {
    rubrics: rubrics.map((r) => r.slug),
    authors: authors.map((r) => r.slug),
    tags: tags.map((r) => r.slug),
    events: events.map((r) => ({ slug: r.slug, updatedAt: r.updated_at })),
  };
}

/** Newest change among public events, for the sitemap's Last-Modified. */
export async function latestEventChange(db: Db): Promise<string | undefined> {
  const r = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('updated_at').as('m'))
    .where('status', 'in', ['published', 'cancelled', 'postponed'])
    .executeTakeFirst();
  return (r?.m as string | null) ?? undefined;
}
