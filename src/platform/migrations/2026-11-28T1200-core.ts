// The core newsroom: staff, sessions, authors, rubrics, tags, articles, events, audit log, jobs.
import { sql, type Kysely } from 'kysely';
import { withId, TIMESTAMP, BOOL } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('users'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('disabled', BOOL, (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf', 'text', (c) => c.notNull())
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('expires_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await withId(db, db.schema.createTable('authors'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('rubrics'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('tags'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('topic'))
    .execute();

  await withId(db, db.schema.createTable('articles'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_at', TIMESTAMP)
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('rubric_id', 'integer', (c) => c.references('rubrics.id').onDelete('set null'))
    .addColumn('cover_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cover_caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cover_credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comments_mode', 'text', (c) => c.notNull().defaultTo('on'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // Public lists are "published, newest first", optionally within a rubric.
  await db.schema.createIndex('articles_status_published_idx').on('articles').columns(['status', 'published_at']).execute();
  await db.schema
    .createIndex('articles_rubric_status_published_idx')
    .on('articles')
    .columns(['rubric_id', 'status', 'published_at'])
    .execute();

  await db.schema
    .createTable('article_authors')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
    .execute();
  await db.schema.createIndex('article_authors_author_idx').on('article_authors').columns(['author_id', 'article_id']).execute();

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('article_tags_tag_idx').on('article_tags').columns(['tag_id', 'article_id']).execute();

  await withId(db, db.schema.createTable('events'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('programme_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('programme_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('venue_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('venue_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('venue_city', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('venue_country', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lat', 'real')
    .addColumn('lon', 'real')
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('starts_at', TIMESTAMP)
    .addColumn('ends_at', TIMESTAMP)
    .addColumn('online_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('status_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('terms_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('terms_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_status_starts_idx').on('events').columns(['status', 'starts_at']).execute();

  await db.schema
    .createTable('event_articles')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_articles_pk', ['event_id', 'article_id'])
    .execute();
  await db.schema.createIndex('event_articles_article_idx').on('event_articles').columns(['article_id', 'event_id']).execute();

  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('at', TIMESTAMP, (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  await withId(db, db.schema.createTable('jobs'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('run_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_status_run_at_idx').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // Full-text search: FTS5 on SQLite, a tsvector table on PostgreSQL (features/search owns the queries).
  if ((db as any).dialect === 'postgres' || db.getExecutor().adapter.constructor.name.includes('Postgres')) {
    await sql`create table article_search (article_id integer primary key references articles(id) on delete cascade, document tsvector not null)`.execute(
      db,
    );
    await sql`create index article_search_document_idx on article_search using gin (document)`.execute(db);
  } else {
    await sql`create virtual table article_search using fts5(title, lead, body, people, tags, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('The core migration cannot be reverted; restore a backup instead.');
}
