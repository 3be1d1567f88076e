// Reader accounts: email confirmation, the reply-notification preference, anonymised deletion,
// and single-use tokens (only their hashes) for confirmation and password-reset links.
import type { Kysely } from 'kysely';
import { BOOL, TIMESTAMP } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email_confirmed_at', TIMESTAMP).execute();
  await db.schema
    .alterTable('users')
    .addColumn('notify_replies', BOOL, (c) => c.notNull().defaultTo(1))
    .execute();
  // Deleted accounts keep their row so comments keep their author id and threads stay whole.
  await db.schema.alterTable('users').addColumn('deleted_at', TIMESTAMP).execute();

  await db.schema
    .createTable('user_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the token in the link
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('used_at', TIMESTAMP)
    .execute();
  await db.schema.createIndex('user_tokens_user_idx').on('user_tokens').columns(['user_id', 'purpose']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_tokens').execute();
  await db.schema.alterTable('users').dropColumn('deleted_at').execute();
  await db.schema.alterTable('users').dropColumn('notify_replies').execute();
  await db.schema.alterTable('users').dropColumn('email_confirmed_at').execute();
}
