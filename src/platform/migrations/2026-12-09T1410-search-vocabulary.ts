// SQLite: the search index's vocabulary, read to turn a prefix ("railway*") into the words the index holds
// ("railway", "railways"). FTS5 answers a prefix by merging the whole list of matches of every word it covers
// before returning the first one; a union of the words themselves is read lazily, newest first, and stops at the
// ranking window (search-store.ts). PostgreSQL's GIN index has no such table and needs none.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql`create virtual table article_search_vocab using fts5vocab(article_search, 'row')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  await sql`drop table article_search_vocab`.execute(db);
}
