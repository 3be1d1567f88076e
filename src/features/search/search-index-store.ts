// The full-text index's store: one document per published article, kept current by publishing.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { ArticleIndex } from '../articles/publishing-service.js';
import { segmentForIndex } from './segment.js';

const BLOCK_TAG = /<\/?(?:p|h[1-6]|li|ul|ol|blockquote|pre|tr|td|th|table|thead|tbody|figure|figcaption|br|hr|img)\b[^>]*>/gi;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text a reader sees in an article's rendered HTML: tags dropped, entities decoded, so that "a < b" or
 * code samples stay searchable. The sentinel characters of highlighted snippets are removed.
 */
export function articleText(bodyHtml: string): string {
  return bodyHtml
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITY[e.toLowerCase()] ?? m;
    })
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * PostgreSQL: the lexeme that marks a document's language. It holds a space, which no word parsed from text
 * can, so no article's words and no reader's query can match it; an edition's query asks for it with its words.
 */
export const languageLexeme = (language: string) => `language ${language}`;

const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');

/** Indexes (or re-indexes) one article from its current row; removes it when it is not published. */
export async function indexArticle(db: Db, articleId: number): Promise<void> {
  const a = await db
    .selectFrom('articles')
    .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
    .select(['articles.id', 'articles.title', 'articles.lead', 'article_bodies.body_html', 'articles.status', 'articles.language'])
    .where('articles.id', '=', articleId)
    .executeTakeFirst();
  await removeFromIndex(db, articleId);
  if (!a || a.status !== 'published') return;
  const [authors, tags] = await Promise.all([
    db
      .selectFrom('article_authors')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['authors.name'])
      .where('article_id', '=', articleId)
      .execute(),
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['tags.name'])
      .where('article_id', '=', articleId)
      .execute(),
  ]);
  // Chinese words are spaced apart for both indexes (segment.ts); other text goes in as it is.
  const people = segmentForIndex(clean(authors.map((r) => r.name).join(' ')));
  const tagText = segmentForIndex(clean(tags.map((r) => r.name).join(' ')));
  const title0 = segmentForIndex(clean(a.title));
  const lead0 = segmentForIndex(clean(a.lead));
  const body0 = segmentForIndex(articleText(a.body_html));
  if (db.dialect === 'postgres') {
    // PostgreSQL's parser skips anything shaped like an HTML tag; in article text "<script>" is words.
    const [title, lead, body] = [title0, lead0, body0].map((s) => s.replace(/[<>]/g, ' '));
    // 'simple' keeps every language's words; weights rank title over people, tags and lead over body.
    // The language lexeme has no position: ranking, which asks only for the reader's words, never sees it.
    await sql`insert into article_search (article_id, document) values (${a.id},
      setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${people + ' ' + tagText}), 'B') ||
      setweight(to_tsvector('simple', ${lead}), 'B') || setweight(to_tsvector('simple', ${body}), 'C') ||
      array_to_tsvector(array[${languageLexeme(a.language)}]))`.execute(db);
  } else {
    // The language is a column of its own: an edition's query asks for it in the match (search-store.ts).
    await sql`insert into article_search (rowid, title, lead, body, people, tags, language)
      values (${a.id}, ${title0}, ${lead0}, ${body0}, ${people}, ${tagText}, ${a.language})`.execute(db);
  }
}

/** Removes an article from the index. */
export async function removeFromIndex(db: Db, articleId: number): Promise<void> {
  if (db.dialect === 'postgres') await sql`delete from article_search where article_id = ${articleId}`.execute(db);
  else await sql`delete from article_search where rowid = ${articleId}`.execute(db);
}

/** Published articles after this id, in id order: their id and the text that may hold Chinese words. */
export async function listPublishedTextAfter(
  db: Db,
  after: number,
  limit: number,
): Promise<{ id: number; title: string; lead: string; body_html: string; language: string }[]> {
  return db
    .selectFrom('articles')
    .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
    .select(['articles.id', 'articles.title', 'articles.lead', 'article_bodies.body_html', 'articles.language'])
    .where('articles.status', '=', 'published')
    .where('articles.id', '>', after)
    .orderBy('articles.id')
    .limit(limit)
    .execute();
}

/** The full-text index as the publishing service keeps it current. */
export const articleSearchIndex: ArticleIndex = { index: indexArticle, remove: removeFromIndex };
