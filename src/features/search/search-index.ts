// Keeps the full-text index current: one document per published article.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.js';
import { markdownToText } from '../../platform/markdown.js';

/** Indexes (or re-indexes) one article from its current row; removes it when it is not published. */
export async function indexArticle(db: Db, articleId: number): Promise<void> {
  const a = await db.selectFrom('articles').select(['id', 'title', 'lead', 'body_md', 'status']).where('id', '=', articleId).executeTakeFirst();
  await removeFromIndex(db, articleId);
  if (!a || a.status !== 'published') return;
  const [authors, tags] = await Promise.all([
    db.selectFrom('article_authors').innerJoin('authors', 'authors.id', 'article_authors.author_id').select(['authors.name']).where('article_id', '=', articleId).execute(),
    db.selectFrom('article_tags').innerJoin('tags', 'tags.id', 'article_tags.tag_id').select(['tags.name']).where('article_id', '=', articleId).execute(),
  ]);
  const people = authors.map((r) => r.name).join(' ');
  const tagText = tags.map((r) => r.name).join(' ');
  const body = markdownToText(a.body_md);
  if (db.dialect === 'postgres') {
    // 'simple' keeps every language's words; weights rank title over lead over body.
    await sql`insert into article_search (article_id, document) values (${a.id},
      setweight(to_tsvector('simple', ${a.title}), 'A') || setweight(to_tsvector('simple', ${people + ' ' + tagText}), 'B') ||
      setweight(to_tsvector('simple', ${a.lead}), 'B') || setweight(to_tsvector('simple', ${body}), 'C'))`.execute(db);
  } else {
    await sql`insert into article_search (rowid, title, lead, body, people, tags) values (${a.id}, ${a.title}, ${a.lead}, ${body}, ${people}, ${tagText})`.execute(db);
  }
}

/** Removes an article from the index. */
export async function removeFromIndex(db: Db, articleId: number): Promise<void> {
  if (db.dialect === 'postgres') await sql`delete from article_search where article_id = ${articleId}`.execute(db);
  else await sql`delete from article_search where rowid = ${articleId}`.execute(db);
}
