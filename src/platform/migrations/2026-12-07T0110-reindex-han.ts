// The full-text index once took a run of Han characters as one word; it now indexes Chinese word by word
// (features/search/segment.ts). Articles indexed before that are queued here for the search feature's
// reindex job, which runs after start-up in batches; a new database has nothing to reindex.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const any = await db.selectFrom('articles').select('id').where('status', '=', 'published').limit(1).executeTakeFirst();
  if (!any) return;
  const now = new Date().toISOString();
  await db
    .insertInto('jobs')
    .values({
      kind: 'search-reindex-han',
      run_at: now,
      payload: JSON.stringify({ after: 0 }),
      status: 'pending',
      attempts: 0,
      last_error: '',
      created_at: now,
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from jobs where kind = 'search-reindex-han' and status = 'pending'`.execute(db);
}
