// Partner webhooks at work: two jobs of the durable queue. The first takes an event from the outbox
// (platform/event-outbox.ts), builds its payload in the API's representations and queues one delivery per
// subscribed endpoint; the second sends one delivery, signed, logs the answer, and schedules the next
// attempt with a growing pause, pausing an endpoint that keeps failing and telling its owner by mail.
import { performance } from 'node:perf_hooks';
import type { AppCtx } from '../../platform/app-context.js';
import { inTransaction } from '../../platform/db.js';
import { EVENT_JOB, type RecordedEvent } from '../../platform/event-outbox.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs.js';
import { queueMail } from '../../platform/mail-queue.js';
import { guardedPost, type OutboundPost } from '../../platform/outbound.js';
import { webhookResources } from './read-routes.js';
import { backoffMs, deliveryId, EXCERPT_CHARS, MAX_ATTEMPTS, PAUSE_AFTER, signedHeaders, TIMEOUT_MS } from './webhook.js';
import {
  clearEndpointFailures,
  countEndpointFailure,
  findDelivery,
  findEndpoint,
  insertDelivery,
  listSubscribedEndpoints,
  pauseEndpoint,
  recordAttempt,
  setDeliveryStatus,
} from './webhook-store.js';

export const DELIVER_JOB = 'webhook-deliver';

/** The `data` of an event's payload, or undefined when there is nothing public left to tell. */
async function dataOf(ctx: AppCtx, e: RecordedEvent): Promise<unknown> {
  const resources = webhookResources(ctx);
  switch (e.type) {
    case 'article.published':
    case 'article.updated':
      return resources.article(e.id);
    case 'article.unpublished':
      return { id: e.id, slug: e.slug ?? '', reason: e.reason ?? 'unpublished', at: e.at };
    case 'comment.approved':
      return resources.comment(e.id);
    case 'event.created':
    case 'event.updated':
      return resources.event(e.id);
    case 'registration.created':
    case 'registration.cancelled':
      return e.eventId === undefined ? undefined : resources.registration(e.eventId, e.id);
    case 'fact.added':
      return resources.fact(e.id);
  }
}

/** The two jobs; `post` is the outbound guard's (public addresses only, unless OUTBOUND_ALLOWED_HOSTS names the host). */
export function webhookJobs(ctx: AppCtx, post: OutboundPost = guardedPost(ctx.config.outboundAllowedHosts)): Record<string, JobHandler> {
  const { db, clock } = ctx;

  const fanOut: JobHandler = async (e: RecordedEvent) => {
    const endpoints = await listSubscribedEndpoints(db, e.type);
    if (!endpoints.length) return;
    const data = await dataOf(ctx, e);
    if (data === undefined) return;
    const body = JSON.stringify({ type: e.type, timestamp: e.at, data });
    const now = clock();
    await inTransaction(db, async (tx) => {
      for (const endpoint of endpoints) {
        const id = deliveryId(e.key, endpoint.id);
        if (await insertDelivery(tx, { id, endpointId: endpoint.id, eventType: e.type, payload: body }, now))
          await enqueueJob(tx, DELIVER_JOB, now, { deliveryId: id }, now);
      }
    });
  };

  const deliver: JobHandler = async (p: { deliveryId?: unknown }) => {
    const d = await findDelivery(db, String(p?.deliveryId ?? ''));
    // Already delivered, given up or skipped: a job run again after a crash does nothing.
    if (!d || d.status !== 'pending') return;
    const endpoint = await findEndpoint(db, d.endpointId);
    if (!endpoint?.enabled) return setDeliveryStatus(db, d.id, 'skipped');
    const now = clock();
    const started = performance.now();
    let status: number | null = null;
    let excerpt = '';
    let error = '';
    try {
      const res = await post(endpoint.url, {
        method: 'POST',
        body: d.payload,
        headers: signedHeaders(endpoint.secret, d.id, Math.floor(now.getTime() / 1000), d.payload),
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
      status = res.status;
      excerpt = (await res.text()).slice(0, EXCERPT_CHARS);
      if (!res.ok) error = `HTTP ${status}`;
    } catch (err) {
      error = String((err as Error).message ?? err).slice(0, 500) || 'the request failed';
    }
    const latencyMs = Math.round(performance.now() - started);
    const attempt = { at: now, responseStatus: status, excerpt, latencyMs, error };
    const ok = status !== null && status >= 200 && status < 300;
    const attempts = d.attempts + 1;
    await inTransaction(db, async (tx) => {
      if (ok) {
        await recordAttempt(tx, d.id, { ...attempt, status: 'delivered' });
        await clearEndpointFailures(tx, endpoint.id);
        return;
      }
      const last = attempts >= MAX_ATTEMPTS;
      await recordAttempt(tx, d.id, { ...attempt, status: last ? 'failed' : 'pending' });
      if (!last) await enqueueJob(tx, DELIVER_JOB, new Date(now.getTime() + backoffMs(attempts)), { deliveryId: d.id }, now);
      const failures = await countEndpointFailure(tx, endpoint.id);
      if (failures >= PAUSE_AFTER && (await pauseEndpoint(tx, endpoint.id, ctx.t('api.hooks.paused_reason', { count: failures })))) {
        // Deliveries still waiting are skipped when their turn comes; the admin can send them again.
        if (endpoint.ownerEmail)
          await queueMail(
            tx,
            {
              to: endpoint.ownerEmail,
              subject: ctx.t('api.hooks.mail_paused_subject'),
              text: ctx.t('api.hooks.mail_paused_body', {
                url: endpoint.url,
                count: failures,
                error: error || `HTTP ${status}`,
                link: `${ctx.config.baseUrl}/admin/webhooks/${endpoint.id}`,
              }),
            },
            now,
          );
      }
    });
  };

  return { [EVENT_JOB]: fanOut, [DELIVER_JOB]: deliver };
}

/** Queues a delivery to be sent again now, with all its attempts; false when it is unknown. */
export async function resendDelivery(ctx: AppCtx, id: string): Promise<boolean> {
  const now = ctx.clock();
  return inTransaction(ctx.db, async (tx) => {
    const d = await findDelivery(tx, id);
    if (!d) return false;
    await setDeliveryStatus(tx, id, 'pending', { resetAttempts: true });
    await enqueueJob(tx, DELIVER_JOB, now, { deliveryId: id }, now);
    return true;
  });
}
