// Webhook endpoints and their deliveries: every query of the two tables.
import { sql } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { EventType } from '../../platform/event-outbox.js';
import type { WebhookDeliveriesTable } from '../../platform/schema.js';
import type { EndpointInput } from './webhook.js';

export interface WebhookEndpoint {
  id: number;
  url: string;
  description: string;
  events: EventType[];
  secret: string;
  ownerEmail: string;
  enabled: boolean;
  disabledReason: string;
  failures: number;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  endpointId: number;
  eventType: string;
  payload: string;
  status: WebhookDeliveriesTable['status'];
  attempts: number;
  createdAt: string;
  lastAttemptAt: string | null;
  responseStatus: number | null;
  responseExcerpt: string;
  latencyMs: number | null;
  error: string;
}

const eventsOf = (s: string): EventType[] => {
  try {
    return JSON.parse(s) as EventType[];
  } catch {
    return [];
  }
};

type EndpointRow = {
  id: number;
  url: string;
  description: string;
  events: string;
  secret: string;
  owner_email: string;
  enabled: number;
  disabled_reason: string;
  failures: number;
  created_at: string;
};
const endpointOf = (r: EndpointRow): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: eventsOf(r.events),
  secret: r.secret,
  ownerEmail: r.owner_email,
  enabled: Number(r.enabled) === 1,
  disabledReason: r.disabled_reason,
  failures: Number(r.failures),
  createdAt: String(r.created_at),
});

const ENDPOINT_COLUMNS = [
  'id',
  'url',
  'description',
  'events',
  'secret',
  'owner_email',
  'enabled',
  'disabled_reason',
  'failures',
  'created_at',
] as const;

/** Stores a new endpoint; returns its id. */
export async function insertEndpoint(db: Db, e: EndpointInput & { secret: string; createdBy: number | null }, now: Date): Promise<number> {
  const r = await db
    .insertInto('webhook_endpoints')
    .values({
      url: e.url,
      description: e.description,
      events: JSON.stringify(e.events),
      secret: e.secret,
      owner_email: e.ownerEmail,
      created_by: e.createdBy,
      created_at: now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Every endpoint not removed, oldest first. */
export async function listEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  const rows = await db.selectFrom('webhook_endpoints').select(ENDPOINT_COLUMNS).where('deleted_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => endpointOf(r as EndpointRow));
}

/** One endpoint not removed, or undefined. */
export async function findEndpoint(db: Db, id: number): Promise<WebhookEndpoint | undefined> {
  const r = await db
    .selectFrom('webhook_endpoints')
    .select(ENDPOINT_COLUMNS)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return r && endpointOf(r as EndpointRow);
}

/** The active endpoints subscribed to this event type. */
export async function listSubscribedEndpoints(db: Db, type: EventType): Promise<WebhookEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select(ENDPOINT_COLUMNS)
    .where('deleted_at', 'is', null)
    .where('enabled', '=', 1)
    .execute();
  return rows.map((r) => endpointOf(r as EndpointRow)).filter((e) => e.events.includes(type));
}

/** Removes an endpoint (its log goes with it when the row is finally deleted; here it only stops). */
export async function removeEndpoint(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('webhook_endpoints')
    .set({ deleted_at: now.toISOString(), enabled: 0 })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Turns an endpoint back on with a clean count of failures. */
export async function enableEndpoint(db: Db, id: number): Promise<boolean> {
  const r = await db
    .updateTable('webhook_endpoints')
    .set({ enabled: 1, disabled_reason: '', failures: 0 })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Counts one failed attempt against the endpoint; returns the count in a row. */
export async function countEndpointFailure(db: Db, id: number): Promise<number> {
  const r = await db
    .updateTable('webhook_endpoints')
    .set({ failures: sql`failures + 1` })
    .where('id', '=', id)
    .returning('failures')
    .executeTakeFirst();
  return Number(r?.failures ?? 0);
}

/** A success: the endpoint's failures in a row start again from none. */
export async function clearEndpointFailures(db: Db, id: number): Promise<void> {
  await db.updateTable('webhook_endpoints').set({ failures: 0 }).where('id', '=', id).where('failures', '>', 0).execute();
}

/** Pauses an endpoint; true when it was active (so only one caller tells its owner). */
export async function pauseEndpoint(db: Db, id: number, reason: string): Promise<boolean> {
  const r = await db
    .updateTable('webhook_endpoints')
    .set({ enabled: 0, disabled_reason: reason })
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

type DeliveryRow = {
  id: string;
  endpoint_id: number;
  event_type: string;
  payload: string;
  status: WebhookDeliveriesTable['status'];
  attempts: number;
  created_at: string;
  last_attempt_at: string | null;
  response_status: number | null;
  response_excerpt: string;
  latency_ms: number | null;
  error: string;
};
const deliveryOf = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  endpointId: r.endpoint_id,
  eventType: r.event_type,
  payload: r.payload,
  status: r.status,
  attempts: Number(r.attempts),
  createdAt: String(r.created_at),
  lastAttemptAt: r.last_attempt_at === null ? null : String(r.last_attempt_at),
  responseStatus: r.response_status === null ? null : Number(r.response_status),
  responseExcerpt: r.response_excerpt,
  latencyMs: r.latency_ms === null ? null : Number(r.latency_ms),
  error: r.error,
});

/** Stores a delivery unless one with its id exists (a fan-out run twice); true when it is new. */
export async function insertDelivery(
  db: Db,
  d: { id: string; endpointId: number; eventType: string; payload: string },
  now: Date,
): Promise<boolean> {
  const r = await db
    .insertInto('webhook_deliveries')
    .values({
      id: d.id,
      endpoint_id: d.endpointId,
      event_type: d.eventType,
      payload: d.payload,
      status: 'pending',
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** One delivery, or undefined. */
export async function findDelivery(db: Db, id: string): Promise<WebhookDelivery | undefined> {
  const r = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  return r && deliveryOf(r as DeliveryRow);
}

/** An endpoint's latest deliveries, newest first. */
export async function listDeliveries(db: Db, endpointId: number, limit = 50): Promise<WebhookDelivery[]> {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => deliveryOf(r as DeliveryRow));
}

/** Records one attempt and the delivery's new status. */
export async function recordAttempt(
  db: Db,
  id: string,
  a: {
    status: WebhookDeliveriesTable['status'];
    at: Date;
    responseStatus: number | null;
    excerpt: string;
    latencyMs: number | null;
    error: string;
  },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: a.status,
      attempts: sql`attempts + 1`,
      last_attempt_at: a.at.toISOString(),
      response_status: a.responseStatus,
      response_excerpt: a.excerpt,
      latency_ms: a.latencyMs,
      error: a.error,
    })
    .where('id', '=', id)
    .execute();
}

/** Sets a delivery's status without an attempt (skipped, or pending again to be sent once more). */
export async function setDeliveryStatus(
  db: Db,
  id: string,
  status: WebhookDeliveriesTable['status'],
  opts: { resetAttempts?: boolean } = {},
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set(opts.resetAttempts ? { status, attempts: 0 } : { status })
    .where('id', '=', id)
    .execute();
}
