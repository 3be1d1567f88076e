// Found with the benchmark's cache-miss article page: an article row stores its status and dates after
// its body, so a join that only checks "published, and not in the future" read several overflow pages
// per article. This index answers those checks (related articles, facts, search candidates) alone.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('articles_id_status_published_idx').on('articles').columns(['id', 'status', 'published_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('articles_id_status_published_idx').execute();
}
