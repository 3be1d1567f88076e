// Event registration: versioned terms, per-event registration settings and questions, registrations,
// and a calendar sequence number on events so updated .ics files replace the old entry.
import { sql, type Kysely } from 'kysely';
import { withId, TIMESTAMP, BOOL } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('events')
    .addColumn('ics_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('event_terms'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addUniqueConstraint('event_terms_version_uq', ['event_id', 'version'])
    .execute();
  // The terms each existing event already shows become its version 1.
  await sql`insert into event_terms (event_id, version, body_md, body_html, created_at)
    select id, 1, terms_md, terms_html, updated_at from events where terms_md <> ''`.execute(db);

  await db.schema
    .createTable('event_registration_settings')
    .addColumn('event_id', 'integer', (c) => c.primaryKey().references('events.id').onDelete('cascade'))
    .addColumn('enabled', BOOL, (c) => c.notNull().defaultTo(0))
    .addColumn('capacity', 'integer') // null: no limit
    .addColumn('opens_at', TIMESTAMP)
    .addColumn('closes_at', TIMESTAMP)
    .addColumn('approval_required', BOOL, (c) => c.notNull().defaultTo(0))
    .addColumn('offer_hours', 'integer', (c) => c.notNull().defaultTo(48))
    .addColumn('reminder_hours', 'integer', (c) => c.notNull().defaultTo(24))
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('event_questions'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('required', BOOL, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('event_questions_event_idx').on('event_questions').columns(['event_id', 'position']).execute();

  await withId(db, db.schema.createTable('registrations'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('country', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('terms_version', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('waitlist_position', 'integer')
    .addColumn('offer_expires_at', TIMESTAMP)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attended_at', TIMESTAMP)
    .addColumn('reminded_at', TIMESTAMP)
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('updated_at', TIMESTAMP, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registrations_event_status_idx')
    .on('registrations')
    .columns(['event_id', 'status', 'waitlist_position'])
    .execute();
  // One active registration per address and event; cancelled, rejected and expired ones may be followed by a new one.
  await sql`create unique index registrations_active_email_uq on registrations (event_id, email)
    where status in ('pending', 'confirmed', 'waitlisted', 'offered')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('registrations').execute();
  await db.schema.dropTable('event_questions').execute();
  await db.schema.dropTable('event_registration_settings').execute();
  await db.schema.dropTable('event_terms').execute();
  await db.schema.alterTable('events').dropColumn('ics_sequence').execute();
}
