// Entity names per language are written by extraction. A database whose articles were read before that has
// none, and its Russian and Chinese dossiers would show English names until each article is read again:
// every published article with facts is queued here for the dossiers' extraction job, which runs after
// start-up and reads an article again without changing its facts. A new database has nothing to queue.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  await sql`
    insert into jobs (kind, run_at, payload, status, attempts, last_error, created_at)
    select 'extract-article', ${now}, '{"articleId":' || a.id || '}', 'pending', 0, '', ${now}
    from articles a
    where a.status = 'published' and exists (select 1 from facts f where f.article_id = a.id)
    order by a.id`.execute(db);
}

export async function down(): Promise<void> {
  // Jobs already queued are harmless: each reads an article again.
}
