// /admin/settings: the newsroom's default language and how its editions are addressed (platform/editions.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminScope, formToken, requireRole } from '../../platform/admin-scope.js';
import { sendAdminPage } from '../../platform/admin-page.js';
import type { AppCtx } from '../../platform/app-context.js';
import { EDITIONS_MODES, type EditionsMode } from '../../platform/editions.js';
import { field, formOf } from '../../platform/forms.js';
import { isLanguage } from '../../platform/i18n/index.js';
import { insertAudit } from '../audit/audit-store.js';
import { findSiteInfo, upsertSetting } from './site-store.js';
import { SiteSettingsPage } from './views/settings-page.js';

const ADMIN = ['admin'] as const;

/** Registers GET and POST /admin/settings (administrators only). */
export function registerSiteSettingsRoutes(app: FastifyInstance, ctx: AppCtx): void {
  const notice = (request: FastifyRequest) =>
    (request.query as { notice?: string }).notice === 'saved' ? ctx.t('admin.settings.saved') : undefined;
  adminScope(app, ctx, (admin) => {
    admin.get('/settings', async (request, reply) => {
      requireRole(request, ADMIN);
      const site = await findSiteInfo(ctx.db, ctx.config.baseUrl);
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: ctx.t('admin.settings.title'), current: 'settings' },
        SiteSettingsPage({
          t: ctx.t,
          csrf: formToken(ctx, request),
          notice: notice(request),
          values: { language: site.language, editions: site.editions ?? 'root' },
        }),
      );
    });

    admin.post('/settings', async (request, reply) => {
      const staff = requireRole(request, ADMIN);
      const form = formOf(request);
      const language = field(form, 'language');
      const editions = field(form, 'editions');
      const errors: Record<string, string> = {};
      if (!isLanguage(language)) errors.language = ctx.t('admin.settings.error.language');
      if (!(EDITIONS_MODES as readonly string[]).includes(editions)) errors.editions = ctx.t('admin.settings.error.editions');
      if (Object.keys(errors).length) {
        return sendAdminPage(
          ctx,
          request,
          reply,
          { title: ctx.t('admin.settings.title'), current: 'settings', status: 422 },
          SiteSettingsPage({
            t: ctx.t,
            csrf: formToken(ctx, request),
            values: { language: isLanguage(language) ? language : 'en', editions: editions === 'prefixed' ? 'prefixed' : 'root' },
            errors,
          }),
        );
      }
      await upsertSetting(ctx.db, 'site.language', language);
      await upsertSetting(ctx.db, 'site.editions', editions as EditionsMode);
      // Every page's links and every redirect follow these settings: this process reads them again before it
      // answers, the others hear of it on the change bus, and every cached page (here, elsewhere, in a CDN) is dropped.
      await ctx.reloadSite();
      ctx.settingsChanged('site');
      await insertAudit(ctx.db, { at: ctx.clock(), userId: staff.id, action: 'site.settings', subjectType: 'settings', subjectId: 'site' });
      return reply.redirect('/admin/settings?notice=saved', 303);
    });
  });
}
