// Articles and their links to authors and tags: rows to domain objects, no N+1 queries.
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { ContentMemo } from '../../platform/content-memo.js';
import type { Db } from '../../platform/db.js';
import { opaque, unindexed } from '../../platform/columns.js';
import { listParams, listSlots, prepared, preparedByShape, type Slots } from '../../platform/prepared.js';
import type { ArticlesTable, DB, RubricsTable } from '../../platform/schema.js';
import type { SafeHtml } from '../../platform/safe-html.js';
import type { AuthorRef } from '../authors/author.js';
import { rowToRubric } from '../rubrics/rubric-store.js';
import { rowToTag } from '../tags/tag-store.js';
import type { Tag } from '../tags/tag.js';
import { readingMinutes } from '../../platform/markdown.js';
import { type Article, type ArticleStatus, type ArticleSummary, type CommentsMode, LANGUAGES, type ReadableArticle } from './article.js';

const isLanguage = (l: string) => (LANGUAGES as readonly string[]).includes(l);

type RubricCols = {
  r_id: number | null;
  r_slug: string | null;
  r_name: string | null;
  r_description: string | null;
  r_position: number | null;
};

function rubricOf(r: RubricCols) {
  return r.r_id == null
    ? undefined
    : rowToRubric({
        id: r.r_id,
        slug: r.r_slug!,
        name: r.r_name!,
        description: r.r_description ?? '',
        position: r.r_position ?? 0,
      } as Selectable<RubricsTable>);
}

/** Maps an article row (joined with its rubric) to a summary; authors are filled by the caller. */
export function rowToArticleSummary(r: Omit<Selectable<ArticlesTable>, 'translation_group'> & RubricCols): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    lead: r.lead,
    language: r.language,
    status: r.status as ArticleStatus,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    createdAt: r.created_at,
    rubric: rubricOf(r),
    authors: [],
    cover: r.cover_url ? { url: r.cover_url, caption: r.cover_caption, credit: r.cover_credit } : undefined,
    commentsMode: r.comments_mode as CommentsMode,
    createdBy: r.created_by,
    readingMinutes: r.reading_minutes,
    revisedAt: r.revised_at ?? null,
  };
}

/** The columns rowToArticleSummary reads, the rubric's joined as r_*. */
export const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.slug',
  'articles.title',
  'articles.lead',
  'articles.language',
  'articles.status',
  'articles.published_at',
  'articles.updated_at',
  'articles.created_at',
  'articles.rubric_id',
  'articles.cover_url',
  'articles.cover_caption',
  'articles.cover_credit',
  'articles.comments_mode',
  'articles.created_by',
  'articles.reading_minutes',
  'articles.revised_at',
  'rubrics.id as r_id',
  'rubrics.slug as r_slug',
  'rubrics.name as r_name',
  'rubrics.description as r_description',
  'rubrics.position as r_position',
] as const;

function baseQuery(db: Db) {
  return db.selectFrom('articles').leftJoin('rubrics', 'rubrics.id', 'articles.rubric_id');
}

// Authors and tags of the articles a page shows, asked on every page: one compiled query per list length
// (a list page asks for 20, an article page for 1, its related articles for 4), dynamic past MAX_LIST.
const MAX_LIST = 64;
const authorsOf = preparedByShape((db, p: Slots<Record<string, number>>, n: number) =>
  db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .select(['article_authors.article_id', 'authors.id', 'authors.slug', 'authors.name', 'authors.title'])
    .where(
      'article_authors.article_id',
      'in',
      listSlots(n).map((k) => p[k]),
    )
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position'),
);
const tagsOf = preparedByShape((db, p: Slots<Record<string, number>>, n: number) =>
  db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name', 'tags.type'])
    .where(
      'article_tags.article_id',
      'in',
      listSlots(n).map((k) => p[k]),
    )
    .orderBy('tags.name'),
);

/** Authors of many articles in one query, in byline order. */
export async function authorsOfArticles(db: Db, ids: number[]): Promise<Map<number, AuthorRef[]>> {
  const out = new Map<number, AuthorRef[]>();
  if (ids.length === 0) return out;
  const rows =
    ids.length <= MAX_LIST
      ? await authorsOf(ids.length).all(db, listParams(ids))
      : await db
          .selectFrom('article_authors')
          .innerJoin('authors', 'authors.id', 'article_authors.author_id')
          .select(['article_authors.article_id', 'authors.id', 'authors.slug', 'authors.name', 'authors.title'])
          .where('article_authors.article_id', 'in', ids)
          .orderBy('article_authors.article_id')
          .orderBy('article_authors.position')
          .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push({ id: r.id, slug: r.slug, name: r.name, title: r.title });
    out.set(r.article_id, list);
  }
  return out;
}

/** Tags of many articles in one query. */
export async function tagsOfArticles(db: Db, ids: number[]): Promise<Map<number, Tag[]>> {
  const out = new Map<number, Tag[]>();
  if (ids.length === 0) return out;
  const rows =
    ids.length <= MAX_LIST
      ? await tagsOf(ids.length).all(db, listParams(ids))
      : await db
          .selectFrom('article_tags')
          .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
          .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name', 'tags.type'])
          .where('article_tags.article_id', 'in', ids)
          .orderBy('tags.name')
          .execute();
  for (const r of rows) {
    const list = out.get(r.article_id) ?? [];
    list.push(rowToTag(r));
    out.set(r.article_id, list);
  }
  return out;
}

async function withAuthors(db: Db, list: ArticleSummary[]): Promise<ArticleSummary[]> {
  const authors = await authorsOfArticles(
    db,
    list.map((a) => a.id),
  );
  for (const a of list) a.authors = authors.get(a.id) ?? [];
  return list;
}

async function withLinks<T extends Omit<Selectable<ArticlesTable>, 'translation_group'> & RubricCols & { body_html: string }>(
  db: Db,
  row: T | undefined,
) {
  if (!row) return undefined;
  const [authors, tags] = await Promise.all([authorsOfArticles(db, [row.id]), tagsOfArticles(db, [row.id])]);
  return {
    ...rowToArticleSummary(row),
    authors: authors.get(row.id) ?? [],
    tags: tags.get(row.id) ?? [],
    bodyHtml: row.body_html as SafeHtml,
  };
}

async function full(
  db: Db,
  row: (Omit<Selectable<ArticlesTable>, 'translation_group'> & RubricCols & { body_html: string; body_md: string }) | undefined,
): Promise<Article | undefined> {
  const a = await withLinks(db, row);
  return a && { ...a, bodyMd: row!.body_md };
}

function withBody(db: Db) {
  return baseQuery(db).innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id');
}

const articleBySlug = prepared((db, p: Slots<{ slug: string }>) =>
  withBody(db)
    .select([...SUMMARY_COLUMNS, 'article_bodies.body_html', 'article_bodies.body_md'])
    .where('articles.slug', '=', p.slug),
);
// The public page's: the HTML only. It sits first in its row, so the Markdown's pages are never read.
const readableBySlug = prepared((db, p: Slots<{ slug: string }>) =>
  withBody(db)
    .select([...SUMMARY_COLUMNS, 'article_bodies.body_html'])
    .where('articles.slug', '=', p.slug),
);

/** The article with this slug in any status, or undefined. */
export async function findArticleBySlug(db: Db, slug: string): Promise<Article | undefined> {
  return full(db, await articleBySlug.first(db, { slug }));
}

/** The article with this slug in any status, as its public page shows it (no Markdown), or undefined. */
export async function findReadableArticleBySlug(db: Db, slug: string): Promise<ReadableArticle | undefined> {
  return withLinks(db, await readableBySlug.first(db, { slug }));
}

const languageBySlug = prepared((db, p: Slots<{ slug: string }>) =>
  db.selectFrom('articles').select('language').where('slug', '=', p.slug),
);

/** The language of the article with this slug (any status), or undefined: where its address lives. */
export async function findArticleLanguageBySlug(db: Db, slug: string): Promise<string | undefined> {
  return (await languageBySlug.first(db, { slug }))?.language;
}

/** The article with this id in any status, or undefined. */
export async function findArticleById(db: Db, id: number): Promise<Article | undefined> {
  return full(
    db,
    await withBody(db)
      .select([...SUMMARY_COLUMNS, 'article_bodies.body_html', 'article_bodies.body_md'])
      .where('articles.id', '=', id)
      .executeTakeFirst(),
  );
}

export interface PublishedFilter {
  now: Date;
  rubricId?: number;
  authorId?: number;
  tagId?: number;
  language?: string;
  excludeIds?: number[];
}

// The filter's values as SQL takes them; a prepared list passes slots in their place.
interface PublishedValues {
  now: string;
  rubricId?: number;
  authorId?: number;
  tagId?: number;
  language?: string;
  excludeIds?: number[];
}

function publishedCondition(eb: ExpressionBuilder<DB, 'articles'>, db: Db, f: PublishedValues) {
  // The status is the index's few-valued column, the date a filter on the rows it walks in date order: bound
  // against the index, "now" would have SQLite compile the statement again at every run (decision 006).
  const parts = [eb('articles.status', '=', 'published'), eb(unindexed(db, 'articles.published_at'), '<=', f.now)];
  if (f.rubricId !== undefined) parts.push(eb('articles.rubric_id', '=', f.rubricId));
  if (f.language !== undefined) parts.push(eb('articles.language', '=', f.language));
  if (f.authorId !== undefined) {
    const authorId = f.authorId;
    parts.push(eb('articles.id', 'in', eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId)));
  }
  if (f.tagId !== undefined) {
    const tagId = f.tagId;
    parts.push(eb('articles.id', 'in', eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId)));
  }
  if (f.excludeIds?.length) parts.push(eb('articles.id', 'not in', f.excludeIds));
  return eb.and(parts);
}

function publishedWhere(db: Db, f: PublishedValues) {
  return baseQuery(db).where((eb) => publishedCondition(eb, db, f));
}

// The same filter over the articles alone: what a list's index answers without reading a row (counts, page keys).
function publishedIndexWhere(db: Db, f: PublishedValues) {
  return db.selectFrom('articles').where((eb) => publishedCondition(eb, db, f));
}

function published(db: Db, f: PublishedFilter) {
  return publishedWhere(db, { ...f, now: f.now.toISOString(), language: f.language || undefined });
}

type ListParams = { now: string; rubricId: number; authorId: number; tagId: number; language: string };

function listValues(p: Slots<ListParams>, shape: string): PublishedValues {
  return {
    now: p.now,
    rubricId: shape[0] === 'r' ? p.rubricId : undefined,
    authorId: shape[1] === 'a' ? p.authorId : undefined,
    tagId: shape[2] === 't' ? p.tagId : undefined,
    // The language is one of a few values SQLite plans with (the status and language index keeps samples):
    // written into the statement, one text per language, never bound (decision 006).
    language: shape[3] === 'l' ? shape.split(':')[2] : undefined,
  };
}

// Every list page (home, archive, rubric, author, tag) runs one of these few shapes: compiled once each. The
// shape ends with the page size (":20"), written into the statement rather than bound (see relatedByTags).
// A page is read by keyset from its first article's (date, id): the first page from the newest, any other from
// the key that pageKey finds. Reading a deep page with OFFSET stepped over every article before it with the
// page's whole statement (a join per row; 25,000 of them for a rubric's last page at 100,000 articles).
const listPage = preparedByShape((db, p: Slots<ListParams & ListFrom>, shape: string) => {
  let q = publishedWhere(db, listValues(p, shape));
  if (shape.endsWith(':from')) q = q.where((eb) => fromKey(eb, db, p));
  return q
    .select(SUMMARY_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(Number(shape.split(':')[1]));
});

type ListFrom = { fromDate: string; fromId: number };

/** The key's article and every one after it in list order (older, or as old with a lower id). */
function fromKey(eb: ExpressionBuilder<DB, 'articles'>, db: Db, p: Slots<ListFrom>) {
  // The date walks the list's index (through opaque, so SQLite does not compile the statement again for each
  // value); articles of the key's date that come before it in the order (a higher id) are filtered out.
  return eb.and([
    eb('articles.published_at', '<=', opaque(db, p.fromDate)),
    eb.or([eb(unindexed(db, 'articles.published_at'), '<', p.fromDate), eb('articles.id', '<=', p.fromId)]),
  ]);
}

// The (date, id) of a list's article at a position, counted from the newest or from a key: the columns of the
// list's index alone, so both engines step over the articles before it inside the index (PostgreSQL's list
// indexes end with the id, SQLite's with the rowid), with no join and no row read.
const pageKey = preparedByShape((db, p: Slots<ListParams & ListFrom & { offset: number }>, shape: string) => {
  let q = publishedIndexWhere(db, listValues(p, shape));
  if (shape.endsWith(':from')) q = q.where((eb) => fromKey(eb, db, p));
  return q
    .select(['articles.published_at', 'articles.id'])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(1)
    .offset(p.offset);
});

// How many of a list's articles became visible after an instant: those scheduled for a time that has since come.
const countSince = preparedByShape((db, p: Slots<ListParams & { since: string }>, shape: string) =>
  publishedIndexWhere(db, listValues(p, shape))
    .where('articles.published_at', '>', opaque(db, p.since))
    .select((eb) => eb.fn.countAll<number>().as('n')),
);

/** Positions of a list's checkpoints: every this many articles from the newest. */
export const CHECKPOINT_EVERY = 500;

/** Where a list keeps its checkpoints (none without a memo), and how far apart they are (tests use a few). */
export interface ListOptions {
  memo?: ContentMemo;
  checkpointEvery?: number;
}

/**
 * A list's article at every CHECKPOINT_EVERY-th position from the newest, as the list stood at `asOf`: a deep
 * page starts from the checkpoint before it and steps over fewer than CHECKPOINT_EVERY articles.
 */
interface ListCheckpoints {
  asOf: string;
  keys: { date: string; id: number }[];
}

async function listCheckpoints(db: Db, shape: string, params: ListParams, every: number): Promise<ListCheckpoints> {
  const keys: ListCheckpoints['keys'] = [];
  // Each hop steps over `every` articles of the index from the last checkpoint: one walk of the list.
  for (;;) {
    const last = keys[keys.length - 1];
    const key = last
      ? await pageKey(`${shape}:from`).first(db, { ...params, fromDate: last.date, fromId: last.id, offset: every })
      : await pageKey(shape).first(db, { ...params, fromDate: '', fromId: 0, offset: every });
    if (!key) return { asOf: params.now, keys };
    keys.push({ date: String(key.published_at), id: Number(key.id) });
  }
}

/** The first article of the page at `offset`, found from the nearest checkpoint when there is one. */
async function findPageKey(db: Db, shape: string, params: ListParams, offset: number, opts: ListOptions) {
  const every = opts.checkpointEvery ?? CHECKPOINT_EVERY;
  // Without a memo that keeps them, checkpoints cost more than the one walk they would save.
  const memo = opts.memo;
  if (memo?.enabled && offset >= every) {
    const memoKey = `list-checkpoints:${every}:${shape}:${params.rubricId}:${params.authorId}:${params.tagId}`;
    const cps = await memo.get(memoKey, () => listCheckpoints(db, shape, params, every));
    // Articles whose time has come since the checkpoints were taken are all newer than any of them: they move
    // every checkpoint down by their number. (A clock behind the checkpoints' falls back to counting from the top.)
    if (cps.asOf <= params.now) {
      const since = cps.asOf === params.now ? 0 : Number((await countSince(shape).first(db, { ...params, since: cps.asOf }))?.n ?? 0);
      const at = offset - since;
      const j = Math.min(Math.floor(at / every), cps.keys.length);
      if (j >= 1) {
        const from = cps.keys[j - 1];
        return pageKey(`${shape}:from`).first(db, { ...params, fromDate: from.date, fromId: from.id, offset: at - j * every });
      }
    }
  }
  return pageKey(shape).first(db, { ...params, fromDate: '', fromId: 0, offset });
}

/**
 * Published articles, newest first, one page of them. With a memo, a deep page starts from a checkpoint of the
 * list (kept until the content changes), so its cost does not grow with its depth.
 */
export async function listPublishedArticles(
  db: Db,
  f: PublishedFilter & { limit: number; offset?: number },
  opts: ListOptions = {},
): Promise<ArticleSummary[]> {
  // No article is in another language; and each language is a statement of its own, so their number stays three.
  if (f.language && !isLanguage(f.language)) return [];
  const offset = f.offset ?? 0;
  if (f.excludeIds?.length) {
    const rows = await published(db, f)
      .select(SUMMARY_COLUMNS)
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(f.limit)
      .offset(offset)
      .execute();
    return withAuthors(db, rows.map(rowToArticleSummary));
  }
  const shape = `${f.rubricId !== undefined ? 'r' : '-'}${f.authorId !== undefined ? 'a' : '-'}${f.tagId !== undefined ? 't' : '-'}${f.language ? 'l' : '-'}:${f.limit}:${f.language ?? ''}`;
  const params: ListParams = {
    now: f.now.toISOString(),
    rubricId: f.rubricId ?? 0,
    authorId: f.authorId ?? 0,
    tagId: f.tagId ?? 0,
    language: f.language ?? '',
  };
  if (offset <= 0) return withAuthors(db, (await listPage(shape).all(db, { ...params, fromDate: '', fromId: 0 })).map(rowToArticleSummary));
  // The key's shape is the list's without the page size: every page size shares one set of checkpoints.
  const key = await findPageKey(db, shape.replace(/:\d+:/, ':1:'), params, offset, opts);
  if (!key) return [];
  const rows = await listPage(`${shape}:from`).all(db, { ...params, fromDate: String(key.published_at), fromId: Number(key.id) });
  return withAuthors(db, rows.map(rowToArticleSummary));
}

/** The newest published articles of every rubric, up to perRubric each, in two queries whatever the number of rubrics. */
// Each rubric's newest rows come straight from articles_rubric_status_published_idx, a few index steps per
// rubric, instead of numbering every published article with a window function. Prepared per shape (language,
// rubric size, how many ids are left out, author or tag): the front page runs it on every miss.
const latestPerRubric = preparedByShape(
  (db, p: Slots<{ now: string; authorId: number; tagId: number } & Record<string, string | number>>, shape: string) => {
    const [language, perRubric, excluded, byAuthor, byTag] = shape.split(':');
    const newest = (eb: ExpressionBuilder<DB, 'rubrics'>) =>
      eb
        .selectFrom('articles as a2')
        .select('a2.id')
        .whereRef('a2.rubric_id', '=', 'rubrics.id')
        .where('a2.status', '=', sql.lit('published'))
        .where(unindexed(db, 'a2.published_at'), '<=', p.now)
        // Written in, as in listPage: a bound language has SQLite compile the statement again at each run.
        .$if(!!language, (q) => q.where('a2.language', '=', sql.lit(language)))
        .$if(byAuthor === '1', (q) =>
          q.where('a2.id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', '=', p.authorId)),
        )
        .$if(byTag === '1', (q) =>
          q.where('a2.id', 'in', (eb) => eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', p.tagId)),
        )
        .$if(Number(excluded) > 0, (q) =>
          q.where(
            'a2.id',
            'not in',
            listSlots(Number(excluded)).map((k) => p[k] as number),
          ),
        )
        .orderBy('a2.published_at', 'desc')
        .orderBy('a2.id', 'desc')
        .limit(sql.lit(Number(perRubric)));
    // PostgreSQL ran `articles.id in (subquery)` as a filter over every article, the subquery once per article and
    // rubric (190 ms at 1,000 articles); a lateral join runs it once per rubric. SQLite has no LATERAL and plans the
    // IN form as a look-up per rubric.
    return (
      db.dialect === 'postgres'
        ? db
            .selectFrom('rubrics')
            .innerJoinLateral(
              (eb) => newest(eb).as('picked'),
              (j) => j.onTrue(),
            )
            .innerJoin('articles', 'articles.id', 'picked.id')
        : db.selectFrom('rubrics').innerJoin('articles', (j) => j.on((eb) => eb('articles.id', 'in', newest(eb))))
    )
      .select(SUMMARY_COLUMNS)
      .orderBy('rubrics.id')
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc');
  },
);

export async function listLatestPerRubric(db: Db, f: PublishedFilter & { perRubric: number }): Promise<Map<number, ArticleSummary[]>> {
  if (f.language && !isLanguage(f.language)) return new Map();
  const excluded = f.excludeIds ?? [];
  const shape = [f.language ?? '', f.perRubric, excluded.length, f.authorId === undefined ? 0 : 1, f.tagId === undefined ? 0 : 1].join(':');
  const rows = await latestPerRubric(shape).all(db, {
    now: f.now.toISOString(),
    authorId: f.authorId ?? 0,
    tagId: f.tagId ?? 0,
    ...listParams(excluded),
  });
  const list = await withAuthors(
    db,
    rows.map((r) => rowToArticleSummary(r)),
  );
  const out = new Map<number, ArticleSummary[]>();
  for (const a of list) {
    const group = out.get(a.rubric!.id) ?? [];
    group.push(a);
    out.set(a.rubric!.id, group);
  }
  return out;
}

// The count beside each list page, in the same few shapes as listPage.
const countPage = preparedByShape((db, p: Slots<ListParams>, shape: string) =>
  publishedIndexWhere(db, listValues(p, shape)).select((eb) => eb.fn.countAll<number>().as('n')),
);

/** How many published articles match the filter. */
export async function countPublishedArticles(db: Db, f: PublishedFilter): Promise<number> {
  if (f.language && !isLanguage(f.language)) return 0;
  const r = f.excludeIds?.length
    ? await published(db, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    : await countPage(
        `${f.rubricId !== undefined ? 'r' : '-'}${f.authorId !== undefined ? 'a' : '-'}${f.tagId !== undefined ? 't' : '-'}${f.language ? 'l' : '-'}::${f.language ?? ''}`,
      ).first(db, {
        now: f.now.toISOString(),
        rubricId: f.rubricId ?? 0,
        authorId: f.authorId ?? 0,
        tagId: f.tagId ?? 0,
        language: f.language ?? '',
      });
  return Number(r?.n ?? 0);
}

/** The newest publication time among published articles (Last-Modified of lists and feeds). */
export async function latestPublishedChange(db: Db, now: Date): Promise<string | undefined> {
  // Ordered and limited rather than max(): walks articles_status_updated_idx from its end instead of every published row.
  const r = await db
    .selectFrom('articles')
    .select('updated_at')
    .where('status', '=', 'published')
    .where('published_at', '<=', now.toISOString())
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.updated_at ?? undefined;
}

/** How many of each tag's newest published articles are considered as related. */
const RELATED_WINDOW = 60;

// A tag's newest published articles in one language, newest first: the candidates for related articles, so the
// cost stays flat as the archive grows (a country tag can hold a tenth of the archive). Walks the tag's index
// from its newest id and checks each article's status and language. The language is one of a few values: written
// into the statement, one text per language, never bound (decision 006).
const tagWindow = preparedByShape((db, p: Slots<{ tagId: number; now: string }>, language: string) =>
  db
    .selectFrom('article_tags')
    .innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .select(['article_tags.article_id', 'articles.published_at'])
    .where('article_tags.tag_id', '=', p.tagId)
    .where('articles.status', '=', 'published')
    .where('articles.language', '=', language)
    .where(unindexed(db, 'articles.published_at'), '<=', p.now)
    .orderBy('article_tags.article_id', 'desc')
    .limit(RELATED_WINDOW),
);

// The chosen few, read by id and only while public: a window kept in memory may be up to a minute old.
const publicSummaries = preparedByShape((db, p: Slots<Record<string, string | number>>, n: number) =>
  baseQuery(db)
    .select(SUMMARY_COLUMNS)
    .where(
      'articles.id',
      'in',
      listSlots(n).map((k) => p[k] as number),
    )
    .where('articles.status', '=', 'published')
    .where(unindexed(db, 'articles.published_at'), '<=', p.now as string),
);

// Which of these articles are public now: the check a teaser kept in memory passes on every page. One covering
// index (id, status, published_at) answers it without reading a row.
const stillPublic = preparedByShape((db, p: Slots<Record<string, string | number>>, n: number) =>
  db
    .selectFrom('articles')
    .select('articles.id')
    .where(
      'articles.id',
      'in',
      listSlots(n).map((k) => p[k] as number),
    )
    .where('articles.status', '=', 'published')
    .where(unindexed(db, 'articles.published_at'), '<=', p.now as string),
);

type TagWindow = { article_id: number; published_at: string | null }[];

/** Public summaries with their authors, read by id, in no particular order. */
async function readSummaries(db: Db, ids: number[], nowIso: string): Promise<ArticleSummary[]> {
  const rows =
    ids.length <= MAX_LIST
      ? await publicSummaries(ids.length).all(db, { ...listParams(ids), now: nowIso })
      : await published(db, { now: new Date(nowIso) })
          .select(SUMMARY_COLUMNS)
          .where('articles.id', 'in', ids)
          .execute();
  return withAuthors(db, rows.map(rowToArticleSummary));
}

/**
 * Teasers of related articles, in the order of `ids`, public now. With a memo each article's teaser is read once
 * per content change or minute and shared by every page it is related to (the same few recent pieces fill most
 * pages' related block); every page still checks by id that each is public, so a teaser kept in memory never
 * outlives its article's publication, whichever instance changed it.
 */
async function teasersById(db: Db, ids: number[], nowIso: string, memo?: ContentMemo): Promise<ArticleSummary[]> {
  if (!memo?.enabled) {
    const byId = new Map((await readSummaries(db, ids, nowIso)).map((a) => [a.id, a]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
  // The teasers the memo lacks are read together: each missing key's load waits for one query of them all.
  const missing = new Map<number, { resolve: (a: ArticleSummary | undefined) => void; reject: (e: unknown) => void }>();
  const kept = ids.map((id) =>
    memo.get(`teaser:${id}`, () => new Promise<ArticleSummary | undefined>((resolve, reject) => missing.set(id, { resolve, reject }))),
  );
  if (missing.size) {
    try {
      const byId = new Map((await readSummaries(db, [...missing.keys()], nowIso)).map((a) => [a.id, a]));
      for (const [id, w] of missing) w.resolve(byId.get(id));
    } catch (err) {
      for (const w of missing.values()) w.reject(err);
    }
  }
  const [teasers, live] = await Promise.all([
    Promise.all(kept),
    stillPublic(ids.length).all(db, { ...listParams(ids), now: nowIso }) as Promise<{ id: number }[]>,
  ]);
  const publicIds = new Set(live.map((r) => r.id));
  return teasers.filter((a): a is ArticleSummary => a !== undefined && publicIds.has(a.id));
}

/**
 * Published articles in this one's language sharing the most tags with it (among each tag's newest), the newest
 * first among equals; then the same rubric's newest in that language. A reader of one edition is not sent to
 * headlines in another: an article's other languages are its translations, listed apart. With a memo, each tag's window and each related article's teaser are
 * read once per content change or minute and shared by every article they serve: a page then only checks that
 * the few articles it shows are still public.
 */
export async function listRelatedArticles(
  db: Db,
  article: Pick<Article, 'id' | 'tags' | 'rubric' | 'language'>,
  now: Date,
  opts: { limit?: number; memo?: ContentMemo } = {},
): Promise<ArticleSummary[]> {
  const limit = opts.limit ?? 4;
  const nowIso = now.toISOString();
  const found: ArticleSummary[] = [];
  if (article.tags.length) {
    const windows = await Promise.all(
      article.tags.map((t) => {
        const load = () => tagWindow(article.language).all(db, { tagId: t.id, now: nowIso }) as Promise<TagWindow>;
        return opts.memo ? opts.memo.get(`related-window:${t.id}:${article.language}`, load) : load();
      }),
    );
    // Each window runs in descending article id (its query's order), so walking them side by side meets each
    // article once, with the number of windows holding it: no map of every candidate. The best few are kept in
    // the same pass (sorting every candidate cost more than the rest of the choice); only their rows are read.
    const top: { id: number; n: number; at: string }[] = [];
    const better = (x: { id: number; n: number; at: string }, y: { id: number; n: number; at: string }) =>
      x.n !== y.n ? x.n > y.n : x.at !== y.at ? x.at > y.at : x.id > y.id;
    const heads = windows.map(() => 0);
    for (;;) {
      let id = -1;
      for (let k = 0; k < windows.length; k++) {
        const r = windows[k][heads[k]];
        if (r !== undefined && r.article_id > id) id = r.article_id;
      }
      if (id < 0) break;
      let n = 0;
      let at = '';
      for (let k = 0; k < windows.length; k++) {
        const r = windows[k][heads[k]];
        if (r === undefined || r.article_id !== id) continue;
        n++;
        at = r.published_at ?? '';
        heads[k]++;
      }
      if (id === article.id) continue;
      // Most candidates share one tag and lose to the few kept: settled before any object is made for them.
      if (top.length === limit) {
        const last = top[limit - 1];
        if (n !== last.n ? n < last.n : at !== last.at ? at < last.at : id < last.id) continue;
      }
      const c = { id, n, at };
      if (top.length === limit && !better(c, top[limit - 1])) continue;
      let i = top.length < limit ? top.length : limit - 1;
      while (i > 0 && better(c, top[i - 1])) {
        top[i] = top[i - 1];
        i--;
      }
      top[i] = c;
    }
    const best = top.map((c) => c.id);
    if (best.length) found.push(...(await teasersById(db, best, nowIso, opts.memo)));
  }
  if (found.length < limit && article.rubric) {
    const rows = await published(db, {
      now,
      rubricId: article.rubric.id,
      language: article.language,
      excludeIds: [article.id, ...found.map((a) => a.id)],
    })
      .select(SUMMARY_COLUMNS)
      .orderBy('articles.published_at', 'desc')
      .limit(limit - found.length)
      .execute();
    found.push(...(await withAuthors(db, rows.map(rowToArticleSummary))));
  }
  return found;
}

export interface AdminFilter {
  status?: ArticleStatus;
  authorId?: number;
  q?: string;
  limit: number;
  offset?: number;
}

/** Articles in every status for the admin list, most recently updated first. */
export async function listArticlesForAdmin(db: Db, f: AdminFilter): Promise<{ items: ArticleSummary[]; total: number }> {
  let q = baseQuery(db);
  if (f.status) q = q.where('articles.status', '=', f.status);
  if (f.authorId !== undefined) {
    const authorId = f.authorId;
    q = q.where('articles.id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId));
  }
  if (f.q) q = q.where('articles.title', db.dialect === 'postgres' ? 'ilike' : 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  const [rows, count] = await Promise.all([
    q
      .select(SUMMARY_COLUMNS)
      .orderBy('articles.updated_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(f.limit)
      .offset(f.offset ?? 0)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await withAuthors(db, rows.map(rowToArticleSummary)), total: Number(count.n) };
}

export interface ArticleRow {
  slug: string;
  title: string;
  lead: string;
  bodyMd: string;
  bodyHtml: string;
  language: string;
  status: ArticleStatus;
  publishedAt: string | null;
  rubricId: number | null;
  coverUrl: string;
  coverCaption: string;
  coverCredit: string;
  commentsMode: CommentsMode;
}

function toColumns(a: ArticleRow) {
  return {
    slug: a.slug,
    title: a.title,
    lead: a.lead,
    language: a.language,
    status: a.status,
    published_at: a.publishedAt,
    rubric_id: a.rubricId,
    cover_url: a.coverUrl,
    cover_caption: a.coverCaption,
    cover_credit: a.coverCredit,
    comments_mode: a.commentsMode,
    reading_minutes: readingMinutes(a.bodyMd),
  };
}

/** Inserts an article row and its body; returns its id. Callers run it in a transaction with the rest of a save. */
export async function insertArticle(db: Db, a: ArticleRow, now: Date, createdBy: number | null): Promise<number> {
  const r = await db
    .insertInto('articles')
    .values({ ...toColumns(a), created_at: now.toISOString(), updated_at: now.toISOString(), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('article_bodies').values({ article_id: r.id, body_html: a.bodyHtml, body_md: a.bodyMd }).execute();
  return r.id;
}

/** Updates an article row and its body. */
export async function updateArticle(db: Db, id: number, a: ArticleRow, now: Date): Promise<void> {
  await db
    .updateTable('articles')
    .set({ ...toColumns(a), updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('article_bodies')
    .values({ article_id: id, body_html: a.bodyHtml, body_md: a.bodyMd })
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ body_html: a.bodyHtml, body_md: a.bodyMd }))
    .execute();
}

/** Marks the article as changed in substance at this time ("Updated" on its page). */
export async function markArticleRevised(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('articles').set({ revised_at: at.toISOString() }).where('id', '=', id).execute();
}

/** Changes only the status and publication time. */
export async function updateArticleStatus(db: Db, id: number, status: ArticleStatus, publishedAt: string | null, now: Date): Promise<void> {
  await db.updateTable('articles').set({ status, published_at: publishedAt, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Replaces the byline, in order. */
export async function setArticleAuthors(db: Db, articleId: number, authorIds: number[]): Promise<void> {
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
  if (authorIds.length)
    await db
      .insertInto('article_authors')
      .values(authorIds.map((author_id, position) => ({ article_id: articleId, author_id, position })))
      .execute();
}

/** Replaces the tags. */
export async function setArticleTags(db: Db, articleId: number, tagIds: number[]): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
  if (tagIds.length)
    await db
      .insertInto('article_tags')
      .values(tagIds.map((tag_id) => ({ article_id: articleId, tag_id })))
      .execute();
}

/** Deletes an article and its links; one that readers once saw leaves a tombstone for apps that sync. */
export async function deleteArticle(db: Db, id: number, now = new Date()): Promise<void> {
  const seen = await db.selectFrom('articles').select(['slug', 'published_at']).where('id', '=', id).executeTakeFirst();
  if (seen?.published_at) {
    await db.deleteFrom('article_tombstones').where('article_id', '=', id).execute();
    await db.insertInto('article_tombstones').values({ article_id: id, slug: seen.slug, deleted_at: now.toISOString() }).execute();
  }
  await db.deleteFrom('articles').where('id', '=', id).execute();
}

/** A position in a list of articles newest first: the last one a page showed. */
export interface PublishedPosition {
  publishedAt: string;
  id: number;
}

/**
 * Published articles newest first after a position (keyset paging: articles published meanwhile only add
 * to the front, so a page never repeats or skips), optionally between two instants (from inclusive, before exclusive).
 */
export async function listPublishedAfter(
  db: Db,
  f: PublishedFilter & { after?: PublishedPosition; from?: string; before?: string; limit: number },
): Promise<ArticleSummary[]> {
  let q = published(db, f);
  if (f.from) q = q.where('articles.published_at', '>=', f.from);
  if (f.before) q = q.where('articles.published_at', '<', f.before);
  if (f.after) {
    const { publishedAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('articles.published_at', '<', publishedAt),
        eb.and([eb('articles.published_at', '=', publishedAt), eb('articles.id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .select(SUMMARY_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(f.limit)
    .execute();
  return withAuthors(db, rows.map(rowToArticleSummary));
}

/** A change since an instant: the article as readers see it now, or its id when readers no longer see it. */
export type ArticleChange =
  | { kind: 'article'; at: string; article: ArticleSummary }
  | { kind: 'gone'; at: string; id: number; slug: string; reason: 'unpublished' | 'deleted' };

/** A position in the change stream: the instant and id of the last change a page showed. */
export interface ChangePosition {
  at: string;
  id: number;
}

/**
 * Changes to articles at or after `since`, oldest first, at most `limit`: published articles changed (or come
 * due) since, articles unpublished since (ones readers once saw) and tombstones of deleted ones.
 */
export async function listArticleChanges(
  db: Db,
  f: { since: string; now: Date; after?: ChangePosition; limit: number },
): Promise<ArticleChange[]> {
  const now = f.now.toISOString();
  const after = f.after && f.after.at >= f.since ? f.after : { at: f.since, id: 0 };
  // An article scheduled earlier changes for readers when it comes due: its change is the later of the two instants.
  const changedAt = sql<string>`(case when ${sql.ref('articles.published_at')} > ${sql.ref('articles.updated_at')} then ${sql.ref('articles.published_at')} else ${sql.ref('articles.updated_at')} end)`;
  const past = <E>(at: E, id: E) => sql<boolean>`(${at} > ${after.at} or (${at} = ${after.at} and ${id} > ${after.id}))`;
  const [live, unpublished, deleted] = await Promise.all([
    baseQuery(db)
      .where('articles.status', '=', 'published')
      .where('articles.published_at', '<=', now)
      .where((eb) => eb.or([eb('articles.updated_at', '>=', after.at), eb('articles.published_at', '>=', after.at)]))
      .where(past(changedAt, sql.ref('articles.id')))
      .select([...SUMMARY_COLUMNS, changedAt.as('changed_at')])
      .orderBy(changedAt)
      .orderBy('articles.id')
      .limit(f.limit)
      .execute(),
    db
      .selectFrom('articles')
      .where('articles.status', '=', 'draft')
      .where('articles.published_at', 'is not', null)
      .where('articles.updated_at', '>=', after.at)
      .where(past(sql.ref('articles.updated_at'), sql.ref('articles.id')))
      .select(['articles.id', 'articles.slug', 'articles.updated_at'])
      .orderBy('articles.updated_at')
      .orderBy('articles.id')
      .limit(f.limit)
      .execute(),
    db
      .selectFrom('article_tombstones')
      .where('deleted_at', '>=', after.at)
      .where(past(sql.ref('deleted_at'), sql.ref('article_id')))
      .select(['article_id', 'slug', 'deleted_at'])
      .orderBy('deleted_at')
      .orderBy('article_id')
      .limit(f.limit)
      .execute(),
  ]);
  const idOf = (c: ArticleChange) => (c.kind === 'article' ? c.article.id : c.id);
  const changes: ArticleChange[] = [
    ...live.map((r) => ({ kind: 'article' as const, at: r.changed_at, article: rowToArticleSummary(r) })),
    ...unpublished.map((r) => ({ kind: 'gone' as const, at: r.updated_at, id: r.id, slug: r.slug, reason: 'unpublished' as const })),
    ...deleted.map((r) => ({ kind: 'gone' as const, at: r.deleted_at, id: r.article_id, slug: r.slug, reason: 'deleted' as const })),
  ]
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : idOf(x) - idOf(y)))
    .slice(0, f.limit);
  await withAuthors(
    db,
    changes.flatMap((c) => (c.kind === 'article' ? [c.article] : [])),
  );
  return changes;
}

/** True when another article already uses this slug. */
export async function slugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('articles').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Scheduled articles whose time has come. */
export async function listDueScheduled(db: Db, now: Date): Promise<{ id: number; slug: string }[]> {
  return db
    .selectFrom('articles')
    .select(['id', 'slug'])
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .execute();
}

/** What commenting needs of an article, found by slug or id: no body, authors or tags (posting is a hot path). */
export interface CommentableArticleRow {
  id: number;
  slug: string;
  title: string;
  commentsMode: CommentsMode;
  status: ArticleStatus;
  publishedAt: string | null;
  language: string;
}

/** The article commenting needs, by slug or id, whatever its status (the caller checks it is public); or undefined. */
export async function findCommentableArticle(db: Db, by: { slug: string } | { id: number }): Promise<CommentableArticleRow | undefined> {
  const q = db.selectFrom('articles').select(['id', 'slug', 'title', 'comments_mode', 'status', 'published_at', 'language']);
  const a = await ('slug' in by ? q.where('slug', '=', by.slug) : q.where('id', '=', by.id)).executeTakeFirst();
  return (
    a && {
      id: a.id,
      slug: a.slug,
      title: a.title,
      commentsMode: a.comments_mode,
      status: a.status,
      publishedAt: a.published_at,
      language: a.language,
    }
  );
}

/** The slug of the article with this id, or undefined. */
export async function findArticleSlug(db: Db, id: number): Promise<string | undefined> {
  return (await db.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirst())?.slug;
}

/** The ids of the articles with these slugs (the unknown ones are left out). */
export async function listArticleIdsBySlug(db: Db, slugs: string[]): Promise<{ id: number; slug: string }[]> {
  return slugs.length ? db.selectFrom('articles').select(['id', 'slug']).where('slug', 'in', slugs).execute() : [];
}

/** How many articles there are, in any status. */
export async function countAllArticles(db: Db): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** An article's status, publication date and title, for a status change; or undefined. */
export async function findArticleState(
  db: Db,
  id: number,
): Promise<{ status: ArticleStatus; publishedAt: string | null; title: string } | undefined> {
  const a = await db.selectFrom('articles').select(['status', 'published_at', 'title']).where('id', '=', id).executeTakeFirst();
  return a && { status: a.status, publishedAt: a.published_at, title: a.title };
}

/**
 * Publishes a scheduled article under a lock on its row: true for the one caller that changed it. On
 * PostgreSQL a second instance waits for the first's transaction, then finds the article no longer scheduled.
 */
export async function publishScheduledArticle(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('articles')
    .set({ status: 'published', updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The state of an article, its row locked until the transaction ends on PostgreSQL (SQLite writes one at a time). */
export async function lockArticleState(
  db: Db,
  id: number,
): Promise<{ status: ArticleStatus; publishedAt: string | null; title: string } | undefined> {
  let q = db.selectFrom('articles').select(['status', 'published_at', 'title']).where('id', '=', id);
  if (db.dialect === 'postgres') q = q.forUpdate();
  const a = await q.executeTakeFirst();
  return a && { status: a.status, publishedAt: a.published_at, title: a.title };
}

/** What the knowledge engine reads of an article: its text in Markdown, language, status and date; or undefined. */
export async function findArticleForExtraction(db: Db, id: number) {
  return db
    .selectFrom('articles')
    .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
    .select([
      'articles.id',
      'articles.title',
      'articles.lead',
      'article_bodies.body_md',
      'articles.language',
      'articles.status',
      'articles.published_at',
    ])
    .where('articles.id', '=', id)
    .executeTakeFirst();
}

/** How many articles have the status published, whatever their date. */
export async function countPublishedStatus(db: Db): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow()
    ).n,
  );
}

/** The ids of up to `limit` published articles after `after`, in id order: for walking the archive in batches. */
export async function listPublishedIdsAfter(db: Db, after: number, limit: number): Promise<{ id: number }[]> {
  return db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}
