// Partner webhooks: the endpoints an admin registers, and one row per delivery of an event to an endpoint
// (its payload fixed when the event was fanned out, its attempts and the last answer, for the admin's log).
import type { Kysely } from 'kysely';
import { TIMESTAMP, withId } from '../columns.js';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('webhook_endpoints'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON array of the event types sent to this endpoint. */
    .addColumn('events', 'text', (c) => c.notNull())
    /** The signing secret (whsec_...): shown once to the admin, kept to sign every delivery. */
    .addColumn('secret', 'text', (c) => c.notNull())
    /** Who is told by mail when the endpoint is paused after repeated failures. */
    .addColumn('owner_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('disabled_reason', 'text', (c) => c.notNull().defaultTo(''))
    /** Deliveries that failed for good in a row; reset by a success. */
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('deleted_at', TIMESTAMP)
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    /** The message id (msg_...), sent as webhook-id: the same on every attempt, so receivers can drop repeats. */
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    /** pending, delivered, failed (every attempt used) or skipped (the endpoint was paused or removed). */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', TIMESTAMP, (c) => c.notNull())
    .addColumn('last_attempt_at', TIMESTAMP)
    .addColumn('response_status', 'integer')
    .addColumn('response_excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('latency_ms', 'integer')
    .addColumn('error', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('webhook_deliveries_endpoint_idx').on('webhook_deliveries').columns(['endpoint_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_endpoints').execute();
}
