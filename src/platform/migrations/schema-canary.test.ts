// A canary: the schema after all migrations, table by table. A change here must be deliberate:
// add a migration, then update this list in the same commit.
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';

const EXPECTED: Record<string, string[]> = {
  articles: ['comments_mode', 'cover_caption', 'cover_credit', 'cover_url', 'created_at', 'created_by', 'id', 'language', 'lead', 'published_at', 'reading_minutes', 'rubric_id', 'slug', 'status', 'title', 'updated_at'],
  article_bodies: ['article_id', 'body_html', 'body_md'],
  article_authors: ['article_id', 'author_id', 'position'],
  article_tags: ['article_id', 'tag_id'],
  audit_log: ['action', 'at', 'detail', 'id', 'subject_id', 'subject_type', 'user_id'],
  authors: ['bio', 'created_at', 'id', 'name', 'photo_url', 'slug', 'title', 'user_id'],
  event_articles: ['article_id', 'event_id'],
  events: ['created_at', 'ends_at', 'ics_sequence', 'id', 'language', 'lat', 'lon', 'online_url', 'programme_html', 'programme_md', 'slug', 'starts_at', 'status', 'status_note', 'summary', 'terms_html', 'terms_md', 'timezone', 'title', 'updated_at', 'venue_address', 'venue_city', 'venue_country', 'venue_name'],
  jobs: ['attempts', 'created_at', 'id', 'kind', 'last_error', 'payload', 'run_at', 'status'],
  rubrics: ['description', 'id', 'name', 'position', 'slug'],
  sessions: ['created_at', 'csrf', 'expires_at', 'id', 'user_id'],
  settings: ['key', 'value'],
  tags: ['id', 'name', 'slug', 'type'],
  users: ['created_at', 'deleted_at', 'disabled', 'email', 'email_confirmed_at', 'id', 'name', 'notify_replies', 'password_hash', 'role'],
  user_tokens: ['expires_at', 'id', 'purpose', 'used_at', 'user_id'],
  entities: ['aliases', 'country', 'first_seen', 'id', 'name', 'roles', 'type', 'updated_at'],
  article_entities: ['article_id', 'entity_id', 'mentions'],
  facts: ['args', 'article_id', 'confidence', 'created_at', 'evidence_end', 'evidence_start', 'evidence_text', 'extractor_version', 'fingerprint', 'id', 'planned', 'sort_date', 'status', 'type', 'updated_at', 'when_precision', 'when_value'],
  event_terms: ['body_html', 'body_md', 'created_at', 'event_id', 'id', 'version'],
  event_registration_settings: ['approval_required', 'capacity', 'closes_at', 'enabled', 'event_id', 'offer_hours', 'opens_at', 'reminder_hours', 'updated_at'],
  event_questions: ['event_id', 'id', 'kind', 'label', 'options', 'position', 'required'],
  registrations: ['answers', 'attended_at', 'country', 'created_at', 'email', 'event_id', 'id', 'message', 'name', 'offer_expires_at', 'organisation', 'position', 'reminded_at', 'status', 'terms_version', 'token_hash', 'updated_at', 'user_id', 'waitlist_position'],
  fact_entities: ['article_id', 'entity_id', 'entity_type', 'fact_id', 'fact_type', 'public', 'role', 'sort_date'],
  comments: ['article_id', 'body', 'created_at', 'edited_at', 'featured', 'id', 'likes_count', 'parent_id', 'reject_reason', 'reply_to_name', 'reply_to_user_id', 'reports_open', 'status', 'updated_at', 'user_id'],
  comment_tallies: ['article_id', 'changed_at', 'published', 'published_tops'],
  comment_reports: ['comment_id', 'created_at', 'id', 'reason', 'resolved_at', 'user_id'],
  comment_likes: ['comment_id', 'created_at', 'user_id'],
  article_comment_settings: ['article_id', 'premoderate'],
  user_bans: ['by_user_id', 'created_at', 'id', 'lifted_at', 'reason', 'until', 'user_id'],
};

describe.each(DIALECTS)('schema canary on %s', (dialect) => {
  it('matches the expected tables and columns', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      const tables = await db.introspection.getTables();
      const actual: Record<string, string[]> = {};
      for (const t of tables) {
        if (t.name.startsWith('kysely_') || t.name.startsWith('article_search')) continue;
        actual[t.name] = t.columns.map((c) => c.name).sort();
      }
      for (const [name, cols] of Object.entries(EXPECTED)) expect(actual[name], name).toEqual(cols);
    } finally { await close(); }
  });
});
