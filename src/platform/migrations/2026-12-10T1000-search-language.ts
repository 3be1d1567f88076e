// The search index holds each article's language, so that an edition's query is narrowed to its language by
// the full-text match itself. Before, the index returned every language's matches and the article table
// rejected the others one by one: at 100,000 articles some 10,000 Russian rows per English query.
// SQLite: FTS5 cannot add a column, so the index is rebuilt beside the old one from the text it already holds
// (no article is read or tokenised again by JavaScript), in batches, with progress for a large archive.
// PostgreSQL: the language is a lexeme of the document that no text can produce (see search-index-store.ts),
// added to every document in batches, the GIN index built again once at the end.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../columns.js';

const BATCH = 5000;
/** Below this many articles the rebuild is quick and says nothing. */
const QUIET_BELOW = 20_000;
const TOKENIZE = sql.raw(`tokenize = 'unicode61 remove_diacritics 2'`);

function progress(total: number): (done: number) => void {
  if (total < QUIET_BELOW) return () => undefined;
  const t0 = Date.now();
  return (done) =>
    process.stderr.write(
      `Rebuilding the search index: ${done}/${total} articles, ${((Date.now() - t0) / 1000).toFixed(0)} s${done >= total ? '\n' : '\r'}`,
    );
}

/** SQLite: rebuilds article_search with or without the language column, copying the text it holds. */
async function rebuildSqlite(db: Kysely<any>, withLanguage: boolean): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`drop table if exists article_search_vocab`.execute(tx);
    await sql`drop table if exists article_search_next`.execute(tx);
    if (withLanguage)
      await sql`create virtual table article_search_next using fts5(title, lead, body, people, tags, language, ${TOKENIZE})`.execute(tx);
    else await sql`create virtual table article_search_next using fts5(title, lead, body, people, tags, ${TOKENIZE})`.execute(tx);
    const total = Number((await sql<{ n: number }>`select count(*) as n from article_search`.execute(tx)).rows[0].n);
    const show = progress(total);
    let done = 0;
    for (let after = 0; ; ) {
      // By rowid: each batch starts where the last ended. An index row whose article is gone is left behind.
      const r = await sql<{ upto: number | null; n: number }>`select max(rowid) as upto, count(*) as n
        from (select rowid from article_search where rowid > ${after} order by rowid limit ${BATCH})`.execute(tx);
      const upto = r.rows[0].upto;
      if (upto === null) break;
      if (withLanguage)
        await sql`insert into article_search_next (rowid, title, lead, body, people, tags, language)
          select s.rowid, s.title, s.lead, s.body, s.people, s.tags, a.language
          from article_search s cross join articles a on a.id = s.rowid
          where s.rowid > ${after} and s.rowid <= ${upto}`.execute(tx);
      else
        await sql`insert into article_search_next (rowid, title, lead, body, people, tags)
          select rowid, title, lead, body, people, tags from article_search where rowid > ${after} and rowid <= ${upto}`.execute(tx);
      after = Number(upto);
      done += Number(r.rows[0].n);
      show(done);
    }
    if (done < total) show(total);
    await sql`drop table article_search`.execute(tx);
    await sql`alter table article_search_next rename to article_search`.execute(tx);
    await sql`create virtual table article_search_vocab using fts5vocab(article_search, 'row')`.execute(tx);
  });
}

/**
 * PostgreSQL: adds (or removes) each document's language lexeme, in batches by id. The GIN index is built
 * again afterwards: updating it row by row would insert every word of every document once more.
 */
async function relabelPostgres(db: Kysely<any>, withLanguage: boolean): Promise<void> {
  await sql`drop index if exists article_search_document_idx`.execute(db);
  const total = Number((await sql<{ n: number }>`select count(*)::int as n from article_search`.execute(db)).rows[0].n);
  const show = progress(total);
  let done = 0;
  for (let after = 0; ; ) {
    const r = await sql<{ upto: number | null; n: number }>`select max(article_id) as upto, count(*)::int as n
      from (select article_id from article_search where article_id > ${after} order by article_id limit ${BATCH}) x`.execute(db);
    const upto = r.rows[0].upto;
    if (upto === null) break;
    // The lexeme is written as search-index-store.ts's languageLexeme writes it.
    if (withLanguage)
      await sql`update article_search s set document = s.document || array_to_tsvector(array['language ' || a.language])
        from articles a where a.id = s.article_id and s.article_id > ${after} and s.article_id <= ${upto}`.execute(db);
    else
      await sql`update article_search set document = ts_delete(document, (select array_agg(distinct 'language ' || language) from articles))
        where article_id > ${after} and article_id <= ${upto}`.execute(db);
    after = Number(upto);
    done += Number(r.rows[0].n);
    show(done);
  }
  if (total >= QUIET_BELOW) process.stderr.write('Building the search index again\n');
  await sql`create index article_search_document_idx on article_search using gin (document)`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') return rebuildSqlite(db, true);
  await relabelPostgres(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') return rebuildSqlite(db, false);
  await relabelPostgres(db, false);
}
