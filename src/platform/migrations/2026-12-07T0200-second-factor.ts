// Staff second factors (an authenticator app's TOTP secret and one-time recovery codes) and what a person
// needs to see and end their own sessions: the browser, the address and when the session was last used.
// A session also remembers when its owner last proved who they are, for the steps that ask again.
import type { Kysely } from 'kysely';
import { TIMESTAMP, withId } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    // Empty until the first code from the app is entered: an unconfirmed secret protects nothing.
    .addColumn('confirmed_at', TIMESTAMP, (c) => c.notNull().defaultTo(''))
    // The last time step accepted: a code is good once, never replayed within its 30 seconds.
    .addColumn('last_step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('user_recovery_codes'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', TIMESTAMP, (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('user_recovery_codes_user_idx').on('user_recovery_codes').column('user_id').execute();

  await db.schema
    .alterTable('sessions')
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('last_seen_at', TIMESTAMP, (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('reauth_at', TIMESTAMP, (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['reauth_at', 'last_seen_at', 'ip', 'user_agent']) {
    await db.schema.alterTable('sessions').dropColumn(column).execute();
  }
  await db.schema.dropTable('user_recovery_codes').execute();
  await db.schema.dropTable('user_totp').execute();
}
