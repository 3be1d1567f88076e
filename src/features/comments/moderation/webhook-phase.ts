// Phase 9: an optional external service asked by a signed POST; silence or failure holds the comment.
import { createHmac } from 'node:crypto';
import type { ModerationInput, Phase, Verdict } from './phase.js';
import { guardedPost, type OutboundPost } from '../../../platform/outbound.js';

/** The signature header value for a body: HMAC-SHA256 with the shared secret, hex. */
export function signBody(secret: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(body).digest('hex');
}

/** The JSON sent to the webhook. */
export function webhookPayload(input: ModerationInput): string {
  return JSON.stringify({
    type: input.editingId !== undefined ? 'comment.edited' : 'comment.created',
    comment: { id: input.editingId ?? null, body: input.body, createdAt: input.now.toISOString() },
    author: {
      id: input.author.id,
      name: input.author.name,
      createdAt: input.author.createdAt,
      approvedComments: input.author.approvedCount,
    },
    article: { id: input.article.id, slug: input.article.slug, title: input.article.title },
  });
}

/**
 * Builds the phase. `post` sends the request: by default it reaches public addresses only (no loopback, private
 * networks or cloud metadata), so a moderator cannot point the comment stream at the server's neighbours; a
 * blocked address holds the comment like an unreachable one.
 */
export function webhookPhase(post: OutboundPost = guardedPost([])): Phase {
  return {
    name: 'webhook',
    async run(input): Promise<Verdict | undefined> {
      const { webhookUrl, webhookSecret, webhookTimeoutMs } = input.settings;
      if (!webhookUrl) return undefined;
      const body = webhookPayload(input);
      const held = (detail: string): Verdict => ({
        action: 'hold',
        phase: 'webhook',
        reason: { key: 'comments.reason.webhook_unavailable', vars: { detail } },
      });
      try {
        const res = await post(webhookUrl, {
          method: 'POST',
          body,
          redirect: 'error',
          headers: { 'content-type': 'application/json', 'x-chancery-signature': signBody(webhookSecret, body) },
          signal: AbortSignal.timeout(webhookTimeoutMs),
        });
        if (!res.ok) return held(`status ${res.status}`);
        const text = await res.text();
        let answer: { action?: unknown; reason?: unknown };
        try {
          answer = JSON.parse(text.slice(0, 10_000));
        } catch {
          return held('not JSON');
        }
        const reason = typeof answer.reason === 'string' ? answer.reason.slice(0, 300) : '';
        if (answer.action === 'reject')
          return {
            action: 'reject',
            phase: 'webhook',
            reason: { key: reason ? 'comments.reason.webhook' : 'comments.reason.webhook_plain', vars: { reason } },
          };
        if (answer.action === 'hold')
          return {
            action: 'hold',
            phase: 'webhook',
            reason: { key: reason ? 'comments.reason.webhook' : 'comments.reason.premoderation', vars: { reason } },
          };
        if (answer.action === 'approve') return undefined;
        return held('unknown answer');
      } catch (err) {
        const e = err as Error & { code?: string };
        return held(e.name === 'TimeoutError' ? 'timeout' : e.code === 'OUTBOUND_BLOCKED' ? 'address not allowed' : 'unreachable');
      }
    },
  };
}
