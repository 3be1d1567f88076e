// The outbox of domain events that partners may subscribe to (webhooks, features/api): an event is a job row
// written in the same transaction as the change it reports, as mail is (mail-queue.ts). A crash before the
// commit records nothing; a crash after it delays the event to the next poll of any instance, never loses it.
// The API feature runs the job: it finds the endpoints subscribed and queues one delivery for each.
import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';
import { enqueueJob } from './jobs.js';

export const EVENT_TYPES = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'comment.approved',
  'event.created',
  'event.updated',
  'registration.created',
  'registration.cancelled',
  'fact.added',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_JOB = 'webhook-event';

/** What the job receives: the event, the id of what changed, and a few facts that may be gone by then (a slug). */
export interface RecordedEvent {
  type: EventType;
  id: number;
  /** When the change was committed (RFC 3339). */
  at: string;
  /** This event's own key: deliveries are named after it, so a fan-out run twice queues nothing twice. */
  key: string;
  /** An article's slug, kept for its unpublishing (the article may be gone by the time the event is sent). */
  slug?: string;
  /** Why an article left: unpublished or deleted. */
  reason?: 'unpublished' | 'deleted';
  /** The event a registration belongs to. */
  eventId?: number;
}

/** Records an event in the caller's transaction (pass the transaction as db). */
export async function recordEvent(db: Db, event: Omit<RecordedEvent, 'at' | 'key'>, now: Date): Promise<void> {
  await enqueueJob(db, EVENT_JOB, now, { ...event, at: now.toISOString(), key: randomUUID() } satisfies RecordedEvent, now);
}
