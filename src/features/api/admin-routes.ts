// /admin/api-keys: admins create partner keys (shown once), see when each was last used, and revoke them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppCtx } from '../../platform/app-context.js';
import { idParam, sendAdminPage } from '../../platform/admin-page.js';
import { adminScope, formToken, requireRole } from '../../platform/admin-scope.js';
import { formOf } from '../../platform/forms.js';
import { insertAudit } from '../audit/audit-store.js';
import { DEFAULT_KEY_RATE, newKey, parseKeyForm } from './api-key.js';
import { insertApiKey, listApiKeys, revokeApiKey } from './api-key-store.js';
import { ApiKeysPage, type KeyFormValues } from './views/api-keys-page.js';

const EMPTY: KeyFormValues = {
  name: '',
  scopes: ['read'],
  origins: '',
  redirect_uris: '',
  rate_limit: String(DEFAULT_KEY_RATE),
  expires_on: '',
};

/** Registers the partner keys' admin pages. */
export function registerApiKeyAdminRoutes(app: FastifyInstance, ctx: AppCtx): void {
  adminScope(app, ctx, (admin) => {
    const page = async (
      request: FastifyRequest,
      reply: FastifyReply,
      extra: {
        values?: KeyFormValues;
        errors?: Record<string, string>;
        created?: { name: string; key: string };
        notice?: string;
        status?: number;
      } = {},
    ) =>
      sendAdminPage(
        ctx,
        request,
        reply,
        { title: ctx.t('admin.nav.api_keys'), current: 'api-keys', status: extra.status },
        ApiKeysPage({
          t: ctx.t,
          csrf: formToken(ctx, request),
          keys: await listApiKeys(ctx.db),
          values: extra.values ?? EMPTY,
          errors: extra.errors,
          created: extra.created,
          notice: extra.notice,
          now: ctx.clock().toISOString(),
        }),
      );

    admin.get('/api-keys', async (request, reply) => {
      requireRole(request, ['admin']);
      const notice = (request.query as Record<string, unknown>).notice === 'revoked' ? ctx.t('api.keys.notice_revoked') : undefined;
      return page(request, reply, { notice });
    });

    admin.post('/api-keys', async (request, reply) => {
      const staff = requireRole(request, ['admin']);
      const form = formOf(request);
      const parsed = parseKeyForm(form, ctx.t);
      if (!parsed.ok) {
        const raw = form.scopes;
        const values: KeyFormValues = {
          name: String(form.name ?? ''),
          scopes: (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String),
          origins: String(form.origins ?? ''),
          redirect_uris: String(form.redirect_uris ?? ''),
          rate_limit: String(form.rate_limit ?? ''),
          expires_on: String(form.expires_on ?? ''),
        };
        return page(request, reply, { values, errors: parsed.errors, status: 422 });
      }
      const now = ctx.clock();
      const { key, prefix, hash } = newKey();
      const id = await insertApiKey(ctx.db, { ...parsed.value, prefix, hash, createdBy: staff.id }, now);
      await insertAudit(ctx.db, {
        at: now,
        userId: staff.id,
        action: 'api_key.create',
        subjectType: 'api_key',
        subjectId: id,
        detail: `${parsed.value.name}: ${parsed.value.scopes.join(' ')}`,
      });
      // The one time the key is shown: the page is not cached (the admin scope says no-store) and not redirected to.
      return page(request, reply, { created: { name: parsed.value.name, key } });
    });

    admin.post('/api-keys/:id/revoke', async (request, reply) => {
      const staff = requireRole(request, ['admin']);
      const id = idParam(request);
      const now = ctx.clock();
      if (await revokeApiKey(ctx.db, id, now))
        await insertAudit(ctx.db, { at: now, userId: staff.id, action: 'api_key.revoke', subjectType: 'api_key', subjectId: id });
      return reply.redirect('/admin/api-keys?notice=revoked', 303);
    });
  });
}
