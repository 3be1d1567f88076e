// Full-text search over published articles: FTS5 with bm25 on SQLite, tsvector with ts_rank_cd on PostgreSQL.
// Ranking touches only the index and article ids; summaries and snippets are read for one page of hits.
import { sql, type RawBuilder } from 'kysely';
import type { ContentMemo } from '../../platform/content-memo.js';
import { inTransaction, type Db } from '../../platform/db.js';
import { escapeHtml, trusted, type SafeHtml } from '../../platform/safe-html.js';
import { authorsOfArticles, rowToArticleSummary, SUMMARY_COLUMNS } from '../articles/article-store.js';
import { LANGUAGES, type ArticleSummary } from '../articles/article.js';
import { articleText, languageLexeme } from './search-index-store.js';
import { CLOSE, containsAllOf, highlightAll, OPEN, snippet } from './highlight.js';
import { toFtsQuery, toTsQuery, type Term } from './search-query.js';
import { hasHan } from './segment.js';

/** Counting stops here: "1000+ results" is as useful as the exact number and far cheaper. */
export const COUNT_CAP = 1000;

export interface SearchFilters {
  rubricId?: number;
  authorId?: number;
  language?: string;
  /** Inclusive lower bound of published_at (ISO). */
  from?: string;
  /** Exclusive upper bound of published_at (ISO). */
  before?: string;
}

export interface SearchHit {
  article: ArticleSummary;
  /** The title with matched words in <mark>, escaped. */
  titleHtml: SafeHtml;
  /** A passage of the body (or the lead) with matched words in <mark>, escaped. */
  snippetHtml: SafeHtml;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matches, at most the cap + 1. */
  total: number;
  /** True when there are more matches than the cap. */
  capped: boolean;
}

/**
 * Turns text with sentinel-marked matches into HTML: everything is escaped, then only the marks are inserted,
 * balanced whatever the sentinels in the input.
 */
export function markedToHtml(raw: string): SafeHtml {
  let out = '';
  let open = false;
  for (const part of raw.split(/([\u0002\u0003])/)) {
    if (part === OPEN) {
      if (!open) {
        out += '<mark>';
        open = true;
      }
    } else if (part === CLOSE) {
      if (open) {
        out += '</mark>';
        open = false;
      }
    } else out += escapeHtml(part);
  }
  if (open) out += '</mark>';
  return trusted(out);
}

/** Picks the passage to show: a body passage with a match, else a lead passage with one, else the lead. */
function pickSnippet(body: string, lead: string, leadText: string): string {
  if (body.includes(OPEN)) return body;
  if (lead.includes(OPEN)) return lead;
  return leadText || body;
}

function filterSql(db: Db, f: SearchFilters, now: Date): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`a.status = 'published'`, sql`a.published_at <= ${now.toISOString()}`];
  if (f.rubricId !== undefined) parts.push(sql`a.rubric_id = ${f.rubricId}`);
  if (f.language) parts.push(sql`a.language = ${f.language}`);
  if (f.from) parts.push(sql`a.published_at >= ${f.from}`);
  if (f.before) parts.push(sql`a.published_at < ${f.before}`);
  if (f.authorId !== undefined)
    parts.push(sql`exists (select 1 from article_authors aa where aa.article_id = a.id and aa.author_id = ${f.authorId})`);
  void db;
  return sql.join(parts, sql` and `);
}

// Title weighs most, then people and tags, then the lead, then the body; the language column weighs nothing.
const BM25 = sql`bm25(article_search, 10.0, 3.0, 1.0, 5.0, 5.0, 0.0)`;

/** SQLite: how many indexed articles have each language, as the vocabulary counts the language column's words. */
async function languageCounts(db: Db): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const language of LANGUAGES) {
    const r = await sql<{ doc: number }>`select doc from article_search_vocab where term = ${language}`.execute(db);
    out.set(language, Number(r.rows[0]?.doc ?? 0));
  }
  return out;
}

const ftsWord = (w: string) => `"${w.replace(/"/g, '')}"`;

/**
 * SQLite: the MATCH expression, narrowed to one language when the search is: the index holds each article's
 * language in a column of its own, so an edition's query never walks the other languages' matches. FTS5
 * walks the language's list of articles beside the words' lists: for the archive's main language, a list of
 * nearly every article, the other languages are left out instead ("NOT"), their lists being the shorter.
 * The counts are shared through the memo; without one the language is asked for as it is.
 */
async function inLanguage(db: Db, match: string, language: string | undefined, memo?: ContentMemo): Promise<string> {
  if (!language) return match;
  if (memo?.enabled) {
    const counts = await memo.get('search-languages', () => languageCounts(db));
    const others = [...counts].filter(([l, n]) => l !== language && n > 0);
    const rest = others.reduce((sum, [, n]) => sum + n, 0);
    if (!others.length) return match;
    if (rest < (counts.get(language) ?? 0)) return `(${match}) NOT {language} : (${others.map(([l]) => ftsWord(l)).join(' OR ')})`;
  }
  return `{language} : ${ftsWord(language)} AND (${match})`;
}

// ts_rank_cd weights are {D, C, B, A}: C is the body, B people, tags and lead, A the title.
const PG_WEIGHTS = '{0.05, 0.2, 0.5, 1.0}';

/**
 * Ranking scores every candidate, so for common words only the newest RANK_WINDOW matches (by article id) are
 * ranked: the cost stays bounded at any archive size, and a newsroom's readers favour recent pieces anyway.
 */
export const RANK_WINDOW = COUNT_CAP + 1;

/**
 * PostgreSQL: the tsquery the GIN index answers: the reader's words and, for one language, that language's
 * lexeme, so that the index itself leaves out the other languages' matches (search-index-store.ts).
 */
function pgMatch(terms: Term[], f: SearchFilters): RawBuilder<unknown> {
  const words = sql`to_tsquery('simple', ${toTsQuery(terms)})`;
  if (!f.language) return words;
  return sql`(${words} && ${`'${languageLexeme(f.language).replace(/['\\]/g, '')}'`}::tsquery)`;
}

/**
 * PostgreSQL: how far back from the newest indexed id the newest matches are looked for first, in windows.
 * A common word fills the window within the last few thousand articles; GIN cannot return matches newest
 * first, so asking it alone meant reading every match (90,000 of "railway" at 100,000 articles) to keep 1,001.
 */
const PG_RECENT_WINDOWS = 4;

interface Match {
  id: number;
  published_at: string;
}
const toMatch = (x: { id: number; published_at: unknown }): Match => ({ id: Number(x.id), published_at: String(x.published_at) });

/** PostgreSQL: the newest matches, newest first, at most `window` of them. */
async function newestMatches(db: Db, terms: Term[], f: SearchFilters, now: Date, window: number): Promise<Match[]> {
  const where = filterSql(db, f, now);
  const match = pgMatch(terms, f);
  return inTransaction(db, async (tx) => {
    // The planner underrates reading TOASTed documents and scans the whole table; the GIN index answers rare words at once.
    // No parallel workers: starting them took 10 to 30 ms, where the bounded scans below take one or two.
    await sql`select set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`.execute(tx);
    const newest = (await sql<{ id: number | null }>`select max(article_id) as id from article_search`.execute(tx)).rows[0].id;
    if (newest === null) return [];
    // First the recent articles alone: for a common word the planner walks them newest first and stops at the
    // window; for a rarer one it intersects the GIN index with the range. Either reads a bounded part.
    const floor = Number(newest) - PG_RECENT_WINDOWS * window;
    const recent =
      floor > 0
        ? (
            await sql<{ id: number; published_at: string }>`select s.article_id as id, a.published_at from article_search s
              join articles a on a.id = s.article_id
              where s.article_id > ${floor} and s.document @@ ${match} and ${where} order by s.article_id desc limit ${window}`.execute(tx)
          ).rows.map(toMatch)
        : [];
    if (recent.length >= window) return recent;
    // The rest from the GIN index. "+ 0" keeps PostgreSQL on it: walking the primary key backwards tests every
    // document when few match.
    const older = await sql<{ id: number; published_at: string }>`select s.article_id as id, a.published_at
      from article_search s join articles a on a.id = s.article_id
      where s.document @@ ${match} and ${where} ${floor > 0 ? sql`and s.article_id <= ${floor}` : sql``}
      order by s.article_id + 0 desc limit ${window - recent.length}`.execute(tx);
    return [...recent, ...older.rows.map(toMatch)];
  });
}

/** PostgreSQL: one page of matches with ids from `floor` up, best first. */
async function rankedIds(
  db: Db,
  terms: Term[],
  f: SearchFilters,
  now: Date,
  floor: number,
  limit: number,
  offset: number,
): Promise<number[]> {
  const where = filterSql(db, f, now);
  const r = await sql<{ id: number }>`select s.article_id as id from article_search s join articles a on a.id = s.article_id,
      to_tsquery('simple', ${toTsQuery(terms)}) q
    where s.document @@ ${pgMatch(terms, f)} and s.article_id >= ${floor} and ${where}
    order by ts_rank_cd(${PG_WEIGHTS}::float4[], s.document, q) desc, a.published_at desc, a.id desc
    limit ${limit} offset ${offset}`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

interface Ranked {
  id: number;
  rank: number;
  published_at: string;
}

/**
 * SQLite: the newest `window` matches, ranked. bm25 first counts, for every query term, all of that term's
 * matches in the whole index; for a word found in thousands of articles that count costs more than the
 * rest of the search. So the newest matches are found without scores, and only a set that does not fill
 * the window (a rarer query) gets bm25. A common query shows headline matches first, then everything
 * else, newest first: what a newsroom's reader expects of "Kazakhstan" or "railway".
 */
async function rankedNewestSqlite(
  db: Db,
  terms: Term[],
  f: SearchFilters,
  now: Date,
  window: number,
  need: number,
  memo?: ContentMemo,
): Promise<Ranked[]> {
  const match = await inLanguage(db, toFtsQuery(terms), f.language, memo);
  // The same matches through the words a prefix covers: read lazily, so finding the newest stops at the window.
  const expanded = await expandPrefixes(db, terms, memo);
  if (!expanded) return [];
  const lazyMatch = await inLanguage(db, toFtsQuery(expanded), f.language, memo);
  // CROSS JOIN keeps the index as the outer loop: SQLite would otherwise run one full-text query per article.
  // The filter is answered by an index on the article's id, without reading the article.
  const r = await sql<{ id: number; published_at: string }>`select article_search.rowid as id, a.published_at as published_at
      from article_search cross join articles a on a.id = article_search.rowid
      where article_search match ${lazyMatch} and ${filterSql(db, f, now)} order by article_search.rowid desc limit ${window}`.execute(db);
  const newest = r.rows.map((x) => ({ id: Number(x.id), published_at: String(x.published_at) }));
  if (!newest.length) return [];
  // Asking the index for "{title} : ..." over the window decoded every match's positions again (3 to 12 ms).
  if (newest.length >= window) return headlinesFirst(db, terms, newest, need);
  // bm25 scores the query as written: a prefix is one phrase to it, its words would each be weighed on their own.
  const scored = await sql<{ id: number; rank: number }>`select rowid as id, ${BM25} as rank from article_search
        where article_search match ${match} and rowid >= ${newest[newest.length - 1].id}`.execute(db);
  const rank = new Map(scored.rows.map((x) => [Number(x.id), Number(x.rank)]));
  return newest.map((x) => ({ id: x.id, published_at: x.published_at, rank: rank.get(x.id) ?? 0 }));
}

/** A prefix covering more words than this stays a prefix: a union of that many lists costs more than merging them. */
const MAX_PREFIX_WORDS = 64;
// A stem the tokenizer would leave as it is (lowercase letters and digits, no marks to fold): its prefix covers
// exactly the index's words that start with it.
const PLAIN_STEM = /^[\p{Ll}\p{Lo}\p{Nd}]+$/u;
const isPlain = (stem: string) => PLAIN_STEM.test(stem) && stem.normalize('NFD') === stem;

/**
 * SQLite: the terms with each prefix replaced by the words of the index it covers, or undefined when a prefix
 * covers none (nothing can match). A prefix over too many words, or over a stem the tokenizer would fold, stays.
 * FTS5 reads a prefix's every match before the first; a union of words is read lazily.
 */
async function expandPrefixes(db: Db, terms: Term[], memo?: ContentMemo): Promise<Term[] | undefined> {
  const out: Term[] = [];
  for (const t of terms) {
    if (!t.prefix || t.forms || !isPlain(t.stem)) {
      out.push(t);
      continue;
    }
    const load = () => prefixWords(db, t.stem);
    const words = await (memo ? memo.get(`search-prefix:${t.stem}`, load) : load());
    if (!words.length) return undefined;
    out.push(words.length > MAX_PREFIX_WORDS ? t : { ...t, prefix: false, forms: words });
  }
  return out;
}

async function prefixWords(db: Db, stem: string): Promise<string[]> {
  // The vocabulary counts each word's matches as it lists it: a few milliseconds for a common word, so shared.
  const r = await sql<{ term: string }>`select term from article_search_vocab where term >= ${stem} and term <= ${`${stem}\u{10FFFF}`}
    limit ${MAX_PREFIX_WORDS + 1}`.execute(db);
  return r.rows.map((x) => x.term).filter((w) => w.startsWith(stem));
}

/** Titles read at a time while looking for a page's headline matches. */
const HEADLINE_CHUNK = 100;

/**
 * Matches that fill the ranking window: headline matches first, then the rest, newest first. Their titles are
 * read by id and asked in JavaScript with the tokenizer's rules (highlight.ts); on PostgreSQL ts_rank_cd read and
 * scored every document of the window instead (12 ms for 1,001 at 10,000 articles). Titles are read newest
 * first, a chunk at a time, until `need` headline matches are found: the page up to `need` is then made of
 * them alone, and the rest of the window is not read (a common word's first page read 1,001 titles, now 100).
 * The matches returned, sorted by byRank, give the window's order up to `need`.
 */
async function headlinesFirst(db: Db, terms: Term[], window: Match[], need: number): Promise<Ranked[]> {
  const order = window.map((x) => ({ ...x, rank: 0 })).sort(byRank);
  const headline = containsAllOf(terms);
  const out: Ranked[] = [];
  let found = 0;
  for (let i = 0; i < order.length && found < need; i += HEADLINE_CHUNK) {
    const part = order.slice(i, i + HEADLINE_CHUNK);
    const ids = part.map((x) => x.id);
    // One bound value for the whole list: an array on PostgreSQL, JSON text on SQLite.
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'title'])
      .$if(db.dialect === 'postgres', (q) => q.where('id', '=', sql<number>`any(${ids}::int[])`))
      .$if(db.dialect !== 'postgres', (q) => q.where('id', 'in', sql<number>`(select value from json_each(${JSON.stringify(ids)}))`))
      .execute();
    const titles = new Map(rows.map((r) => [r.id, r.title]));
    for (const x of part) {
      const isHeadline = headline(titles.get(x.id) ?? '');
      if (isHeadline) found++;
      out.push({ ...x, rank: isHeadline ? -1 : 0 });
    }
  }
  return out;
}

/** The order of rankedIds: best bm25 (lowest) first, then newest, then highest id. */
function byRank(a: Ranked, b: Ranked): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.published_at !== b.published_at) return a.published_at < b.published_at ? 1 : -1;
  return b.id - a.id;
}

interface Marked {
  title: string;
  snippet: string;
}

// Long bodies are cut before headlining: ts_headline reads the whole text it is given.
const PG_HEADLINE_CHARS = 30_000;
// ts_headline drops anything its parser takes for an HTML tag; these stand in for < > & and are put back after.
const hideAngles = (s: string) => s.replace(/</g, '\u0004').replace(/>/g, '\u0005').replace(/&/g, '\u0006');
const showAngles = (s: string) =>
  s
    .replace(/\u0004/g, '<')
    .replace(/\u0005/g, '>')
    .replace(/\u0006/g, '&');

async function highlights(db: Db, terms: Term[], rows: { id: number; title: string; lead: string }[]): Promise<Map<number, Marked>> {
  const out = new Map<number, Marked>();
  if (!rows.length) return out;
  // ts_headline reads the stored text with PostgreSQL's parser, which sees a Chinese sentence as one word:
  // a query with Chinese words is marked in JavaScript, as on SQLite.
  if (db.dialect === 'postgres' && !terms.some((t) => hasHan(t.word))) {
    const bodies = new Map(
      (
        await db
          .selectFrom('article_bodies')
          .select(['article_id as id', 'body_html'])
          .where(
            'article_id',
            'in',
            rows.map((x) => x.id),
          )
          .execute()
      ).map((x) => [x.id, hideAngles(articleText(x.body_html).slice(0, PG_HEADLINE_CHARS))]),
    );
    const r = await sql<{ id: number; title: string; lead: string; body: string }>`select x.id,
        ts_headline('simple', x.title, q, 'HighlightAll=true, StartSel="\u0002", StopSel="\u0003"') as title,
        ts_headline('simple', x.lead, q, 'StartSel="\u0002", StopSel="\u0003", MaxWords=40, MinWords=20, ShortWord=2') as lead,
        ts_headline('simple', x.body, q, 'StartSel="\u0002", StopSel="\u0003", MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "') as body
      from unnest(${rows.map((x) => x.id)}::int[], ${rows.map((x) => hideAngles(x.title))}::text[], ${rows.map((x) => hideAngles(x.lead))}::text[],
        ${rows.map((x) => bodies.get(x.id) ?? '')}::text[]) as x(id, title, lead, body),
        to_tsquery('simple', ${toTsQuery(terms)}) q`.execute(db);
    const leads = new Map(rows.map((x) => [x.id, x.lead]));
    for (const x of r.rows)
      out.set(Number(x.id), {
        title: showAngles(x.title),
        snippet: showAngles(pickSnippet(x.body, x.lead, leads.get(Number(x.id)) ?? '')),
      });
    return out;
  }
  // SQLite (and Chinese queries): marked in JavaScript (see highlight.ts); the bodies of one page of hits are a few pages of reads.
  const bodies = new Map(
    (
      await db
        .selectFrom('article_bodies')
        .select(['article_id as id', 'body_html'])
        .where(
          'article_id',
          'in',
          rows.map((x) => x.id),
        )
        .execute()
    ).map((x) => [x.id, articleText(x.body_html)]),
  );
  for (const x of rows) {
    out.set(x.id, {
      title: highlightAll(x.title, terms),
      snippet: pickSnippet(snippet(bodies.get(x.id) ?? '', terms, 32), snippet(x.lead, terms, 40), x.lead),
    });
  }
  return out;
}

/**
 * One page of published articles matching every term, best first, with highlighted titles and snippets,
 * and the number of matches counted up to countCap + 1 (COUNT_CAP by default). No terms means no hits.
 */
export async function searchArticles(
  db: Db,
  q: {
    terms: Term[];
    filters: SearchFilters;
    now: Date;
    limit: number;
    offset: number;
    countCap?: number;
    rankWindow?: number;
    /** Shares the words each prefix covers until the content changes (SQLite). */
    memo?: ContentMemo;
  },
): Promise<SearchResult> {
  const cap = q.countCap ?? COUNT_CAP;
  if (!q.terms.length) return { hits: [], total: 0, capped: false };
  const window = Math.max(q.rankWindow ?? RANK_WINDOW, cap + 1);
  let total: number;
  let ids: number[];
  if (db.dialect === 'postgres') {
    const newest = await newestMatches(db, q.terms, q.filters, q.now, window);
    total = Math.min(newest.length, cap + 1);
    if (!newest.length || q.offset >= Math.min(newest.length, cap)) return { hits: [], total, capped: total > cap };
    ids =
      newest.length >= window
        ? (await headlinesFirst(db, q.terms, newest, q.offset + q.limit))
            .sort(byRank)
            .slice(q.offset, q.offset + q.limit)
            .map((x) => x.id)
        : await rankedIds(db, q.terms, q.filters, q.now, newest[newest.length - 1].id, q.limit, q.offset);
  } else {
    const newest = await rankedNewestSqlite(db, q.terms, q.filters, q.now, window, q.offset + q.limit, q.memo);
    total = Math.min(newest.length, cap + 1);
    if (!newest.length || q.offset >= Math.min(newest.length, cap)) return { hits: [], total, capped: total > cap };
    ids = newest
      .sort(byRank)
      .slice(q.offset, q.offset + q.limit)
      .map((x) => x.id);
  }
  if (!ids.length) return { hits: [], total, capped: total > cap };
  const rows = await db
    .selectFrom('articles')
    .leftJoin('rubrics', 'rubrics.id', 'articles.rubric_id')
    .select(SUMMARY_COLUMNS)
    .where('articles.id', 'in', ids)
    .execute();
  const [authors, marks] = await Promise.all([authorsOfArticles(db, ids), highlights(db, q.terms, rows)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: SearchHit[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const article = { ...rowToArticleSummary(row), authors: authors.get(id) ?? [] };
    const m = marks.get(id);
    hits.push({
      article,
      titleHtml: m && m.title ? markedToHtml(m.title) : trusted(escapeHtml(row.title)),
      snippetHtml: markedToHtml(m?.snippet ?? row.lead),
    });
  }
  return { hits, total, capped: total > cap };
}
