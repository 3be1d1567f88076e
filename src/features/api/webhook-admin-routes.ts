// /admin/webhooks: admins register partner endpoints (the signing secret shown once), read each one's
// delivery log, send a delivery again, resume a paused endpoint or remove it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppCtx } from '../../platform/app-context.js';
import { idParam, sendAdminPage } from '../../platform/admin-page.js';
import { adminScope, formToken, requireRole } from '../../platform/admin-scope.js';
import { AppError } from '../../platform/errors.js';
import { formOf } from '../../platform/forms.js';
import { outboundProblem } from '../../platform/outbound.js';
import { insertAudit } from '../audit/audit-store.js';
import { newSecret, parseEndpointForm } from './webhook.js';
import { resendDelivery } from './webhook-service.js';
import {
  enableEndpoint,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  removeEndpoint,
} from './webhook-store.js';
import { type EndpointFormValues, WebhookEndpointPage, WebhooksPage } from './views/webhooks-page.js';

const EMPTY: EndpointFormValues = {
  url: '',
  description: '',
  events: ['article.published', 'article.updated', 'article.unpublished'],
  owner_email: '',
};
const NOTICES = { resent: 'api.hooks.notice_resent', enabled: 'api.hooks.notice_enabled', removed: 'api.hooks.notice_removed' } as const;

/** Registers the webhook admin pages. */
export function registerWebhookAdminRoutes(app: FastifyInstance, ctx: AppCtx): void {
  const noticeOf = (request: FastifyRequest) => {
    const n = (request.query as Record<string, unknown>).notice;
    return typeof n === 'string' && n in NOTICES ? ctx.t(NOTICES[n as keyof typeof NOTICES]) : undefined;
  };
  adminScope(app, ctx, (admin) => {
    const list = async (
      request: FastifyRequest,
      reply: FastifyReply,
      extra: {
        values?: EndpointFormValues;
        errors?: Record<string, string>;
        created?: { url: string; secret: string };
        status?: number;
      } = {},
    ) =>
      sendAdminPage(
        ctx,
        request,
        reply,
        { title: ctx.t('admin.nav.webhooks'), current: 'webhooks', status: extra.status },
        WebhooksPage({
          t: ctx.t,
          csrf: formToken(ctx, request),
          endpoints: await listEndpoints(ctx.db),
          values: extra.values ?? EMPTY,
          errors: extra.errors,
          created: extra.created,
          notice: noticeOf(request),
        }),
      );

    admin.get('/webhooks', async (request, reply) => {
      requireRole(request, ['admin']);
      return list(request, reply);
    });

    admin.post('/webhooks', async (request, reply) => {
      const staff = requireRole(request, ['admin']);
      const form = formOf(request);
      const parsed = parseEndpointForm(form, ctx.t);
      const raw = form.events;
      const values: EndpointFormValues = {
        url: String(form.url ?? ''),
        description: String(form.description ?? ''),
        events: (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String),
        owner_email: String(form.owner_email ?? ''),
      };
      const errors = parsed.ok ? {} : { ...parsed.errors };
      // The same guard as every outbound request: public addresses only, unless the host is allowed.
      if (parsed.ok) {
        const problem = await outboundProblem(parsed.value.url, ctx.config.outboundAllowedHosts);
        if (problem) errors.url = ctx.t(problem);
      }
      if (!parsed.ok || Object.keys(errors).length) return list(request, reply, { values, errors, status: 422 });
      const now = ctx.clock();
      const secret = newSecret();
      const id = await insertEndpoint(ctx.db, { ...parsed.value, secret, createdBy: staff.id }, now);
      await insertAudit(ctx.db, {
        at: now,
        userId: staff.id,
        action: 'webhook.create',
        subjectType: 'webhook',
        subjectId: id,
        detail: `${parsed.value.url}: ${parsed.value.events.join(' ')}`,
      });
      // The one time the secret is shown: the admin scope says no-store, and this page is not redirected to.
      return list(request, reply, { created: { url: parsed.value.url, secret } });
    });

    const endpointOr404 = async (request: FastifyRequest) => {
      const endpoint = await findEndpoint(ctx.db, idParam(request));
      if (!endpoint) throw new AppError('not_found');
      return endpoint;
    };

    admin.get('/webhooks/:id', async (request, reply) => {
      requireRole(request, ['admin']);
      const endpoint = await endpointOr404(request);
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: ctx.t('api.hooks.endpoint_title', { url: new URL(endpoint.url).host }), current: 'webhooks' },
        WebhookEndpointPage({
          t: ctx.t,
          csrf: formToken(ctx, request),
          endpoint,
          deliveries: await listDeliveries(ctx.db, endpoint.id),
          notice: noticeOf(request),
        }),
      );
    });

    admin.post('/webhooks/:id/enable', async (request, reply) => {
      const staff = requireRole(request, ['admin']);
      const endpoint = await endpointOr404(request);
      await enableEndpoint(ctx.db, endpoint.id);
      await insertAudit(ctx.db, {
        at: ctx.clock(),
        userId: staff.id,
        action: 'webhook.enable',
        subjectType: 'webhook',
        subjectId: endpoint.id,
      });
      return reply.redirect(`/admin/webhooks/${endpoint.id}?notice=enabled`, 303);
    });

    admin.post('/webhooks/:id/remove', async (request, reply) => {
      const staff = requireRole(request, ['admin']);
      const endpoint = await endpointOr404(request);
      const now = ctx.clock();
      await removeEndpoint(ctx.db, endpoint.id, now);
      await insertAudit(ctx.db, { at: now, userId: staff.id, action: 'webhook.remove', subjectType: 'webhook', subjectId: endpoint.id });
      return reply.redirect('/admin/webhooks?notice=removed', 303);
    });

    admin.post('/webhooks/:id/deliveries/:delivery/resend', async (request, reply) => {
      requireRole(request, ['admin']);
      const endpoint = await endpointOr404(request);
      const raw = String((request.params as Record<string, unknown>).delivery ?? '');
      const delivery = /^msg_[A-Za-z0-9_-]{1,40}$/.test(raw) ? await findDelivery(ctx.db, raw) : undefined;
      if (!delivery || delivery.endpointId !== endpoint.id) throw new AppError('not_found');
      await resendDelivery(ctx, delivery.id);
      return reply.redirect(`/admin/webhooks/${endpoint.id}?notice=resent`, 303);
    });
  });
}
