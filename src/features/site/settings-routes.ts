// /admin/settings: the newsroom's name and description (and each language's own), its default language and how
// its editions are addressed (platform/editions.ts).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminScope, formToken, requireRole } from '../../platform/admin-scope.js';
import { sendAdminPage } from '../../platform/admin-page.js';
import type { AppCtx } from '../../platform/app-context.js';
import { inTransaction } from '../../platform/db.js';
import { EDITIONS_MODES } from '../../platform/editions.js';
import { field, formOf } from '../../platform/forms.js';
import { isLanguage, LANGUAGES } from '../../platform/i18n/index.js';
import { insertAudit } from '../audit/audit-store.js';
import { findSiteInfo, type SiteSettings, upsertSetting, wordingKey } from './site-store.js';
import { DESCRIPTION_MAX, SiteSettingsPage, type SiteSettingsValues, TITLE_MAX } from './views/settings-page.js';

const ADMIN = ['admin'] as const;

const valuesOf = (site: SiteSettings): SiteSettingsValues => ({
  language: site.language,
  editions: site.editions ?? 'root',
  title: site.title,
  description: site.description,
  byLanguage: site.byLanguage,
});

// Text fields as typed, without the spaces around them; a field the form did not send keeps its saved value, so
// a form that sets only the language or the editions (as older ones did) changes nothing else.
const text = (form: Record<string, unknown>, name: string, saved: string | undefined) =>
  name in form ? field(form, name).trim() : (saved ?? '');

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
          values: valuesOf(site),
        }),
      );
    });

    admin.post('/settings', async (request, reply) => {
      const staff = requireRole(request, ADMIN);
      const form = formOf(request);
      const saved = await findSiteInfo(ctx.db, ctx.config.baseUrl);
      const language = field(form, 'language');
      const editions = field(form, 'editions');
      const values: SiteSettingsValues = {
        language: isLanguage(language) ? language : saved.language,
        editions: editions === 'prefixed' ? 'prefixed' : 'root',
        title: text(form, 'title', saved.title),
        description: text(form, 'description', saved.description),
        byLanguage: Object.fromEntries(
          LANGUAGES.map((l) => [
            l,
            {
              title: text(form, `title_${l}`, saved.byLanguage[l]?.title),
              description: text(form, `description_${l}`, saved.byLanguage[l]?.description),
            },
          ]),
        ),
      };
      const errors: Record<string, string> = {};
      if (!isLanguage(language)) errors.language = ctx.t('admin.settings.error.language');
      if (!(EDITIONS_MODES as readonly string[]).includes(editions)) errors.editions = ctx.t('admin.settings.error.editions');
      if (!values.title || values.title.length > TITLE_MAX) errors.title = ctx.t('admin.settings.error.title');
      if (values.description.length > DESCRIPTION_MAX) errors.description = ctx.t('admin.settings.error.description');
      for (const l of LANGUAGES) {
        const own = values.byLanguage[l]!;
        if ((own.title ?? '').length > TITLE_MAX) errors[`title_${l}`] = ctx.t('admin.settings.error.title');
        if ((own.description ?? '').length > DESCRIPTION_MAX) errors[`description_${l}`] = ctx.t('admin.settings.error.description');
      }
      if (Object.keys(errors).length) {
        return sendAdminPage(
          ctx,
          request,
          reply,
          { title: ctx.t('admin.settings.title'), current: 'settings', status: 422 },
          SiteSettingsPage({ t: ctx.t, csrf: formToken(ctx, request), values, errors }),
        );
      }
      await inTransaction(ctx.db, async (tx) => {
        await upsertSetting(tx, 'site.title', values.title);
        await upsertSetting(tx, 'site.description', values.description);
        for (const l of LANGUAGES) {
          await upsertSetting(tx, wordingKey('title', l), values.byLanguage[l]?.title ?? '');
          await upsertSetting(tx, wordingKey('description', l), values.byLanguage[l]?.description ?? '');
        }
        await upsertSetting(tx, 'site.language', values.language);
        await upsertSetting(tx, 'site.editions', values.editions);
      });
      // Every page's links and every redirect follow these settings: this process reads them again before it
      // answers, the others hear of it on the change bus, and every cached page (here, elsewhere, in a CDN) is dropped.
      await ctx.reloadSite();
      ctx.settingsChanged('site');
      await insertAudit(ctx.db, { at: ctx.clock(), userId: staff.id, action: 'site.settings', subjectType: 'settings', subjectId: 'site' });
      return reply.redirect('/admin/settings?notice=saved', 303);
    });
  });
}
