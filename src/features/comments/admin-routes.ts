// The moderator console at /admin/comments: queues, per-item and bulk actions, and the moderation settings.
import { messageKey } from '../../platform/i18n/index.js';
import { outboundProblem } from '../../platform/outbound.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { field, formOf } from '../../platform/forms.js';
import type { Role } from '../../platform/session.js';
import type { AppCtx } from '../../platform/app-context.js';
import { sendAdminPage, queryParam } from '../../platform/admin-page.js';
import { adminScope, formToken, requireRole } from '../../platform/admin-scope.js';
import { insertAudit } from '../audit/audit-store.js';
import {
  clearArticlePremoderation,
  listPremoderatedSlugs,
  listQueue,
  queueCounts,
  QUEUES,
  setArticlePremoderation,
  type Queue,
} from './comment-store.js';
import { MODERATION_ACTIONS, type CommentService, type ModerationAction } from './moderation-service.js';
import { loadModerationSettings, saveModerationSettings } from './moderation/settings.js';
import { parseWordList } from './moderation/words.js';
import { ModerationPage, ModerationSettingsPage, type SettingsPageProps } from './views/moderation-page.js';
import { listArticleIdsBySlug } from '../articles/article-store.js';

/** Who may moderate comments. */
export const MODERATOR_ROLES: Role[] = ['admin', 'editor', 'moderator'];
const PER_PAGE = 30;
const NOTICES = ['done', 'saved'] as const;

/** Registers the console; the service is the one the public routes use. */
export function registerCommentAdminRoutes(app: FastifyInstance, ctx: AppCtx, service: CommentService): void {
  const { t } = ctx;

  const notice = (request: FastifyRequest) => {
    const n = queryParam(request, 'notice');
    return (NOTICES as readonly string[]).includes(n)
      ? t(messageKey(`comments.admin.notice.${n}`), { count: Number(queryParam(request, 'count')) || 0 })
      : undefined;
  };

  adminScope(app, ctx, (admin) => {
    admin.get('/comments', async (request, reply) => {
      requireRole(request, MODERATOR_ROLES);
      const q = queryParam(request, 'queue');
      const queue: Queue = (QUEUES as string[]).includes(q) ? (q as Queue) : 'pending';
      const pageRaw = Number(queryParam(request, 'page'));
      const page = Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 100_000 ? pageRaw : 1;
      const now = ctx.clock();
      const [list, counts] = await Promise.all([
        listQueue(ctx.db, { queue, limit: PER_PAGE, offset: (page - 1) * PER_PAGE, now }),
        queueCounts(ctx.db),
      ]);
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: t('comments.admin.title'), current: 'comments', scripts: ['moderation.js'] },
        ModerationPage({
          t,
          csrf: formToken(ctx, request),
          queue,
          items: list.items,
          total: list.total,
          page,
          pages: Math.max(1, Math.ceil(list.total / PER_PAGE)),
          now,
          prefixed: ctx.editions.prefixed,
          queues: [
            { queue: 'pending', count: counts.pending },
            { queue: 'reported', count: counts.reported },
            { queue: 'rejected' },
            { queue: 'all' },
          ],
          notice: notice(request),
          error: queryParam(request, 'error') === 'reason' ? t('comments.error.reject_reason') : undefined,
        }),
      );
    });

    admin.post('/comments/moderate', async (request, reply) => {
      const staff = requireRole(request, MODERATOR_ROLES);
      const form = formOf(request);
      const queue = (QUEUES as string[]).includes(field(form, 'queue')) ? field(form, 'queue') : 'pending';
      // One button per comment ("approve:12") or the bulk form with ticked boxes.
      const one = /^([a-z]+):([1-9]\d{0,9})$/.exec(field(form, 'one'));
      const action = (one ? one[1] : field(form, 'action')) as ModerationAction;
      if (!MODERATION_ACTIONS.includes(action)) throw new AppError('bad_request', 'admin.error.unknown_action');
      const raw = form.ids;
      const ids = one
        ? [Number(one[2])]
        : (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string' && /^[1-9]\d{0,9}$/.test(x)).map(Number);
      const daysRaw = Number(field(form, 'days') || '7');
      try {
        const n = await service.moderate(staff, ids, action, { reason: field(form, 'reason'), days: daysRaw });
        if (request.headers.accept?.includes('application/json')) return reply.send({ count: n });
        return reply.redirect(`/admin/comments?queue=${queue}&notice=done&count=${n}`, 303);
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation' && !request.headers.accept?.includes('application/json')) {
          return reply.redirect(`/admin/comments?queue=${queue}&error=reason`, 303);
        }
        throw err;
      }
    });

    admin.get('/comments/settings', async (request, reply) => {
      requireRole(request, MODERATOR_ROLES);
      const [s, slugs] = await Promise.all([loadModerationSettings(ctx.db), listPremoderatedSlugs(ctx.db)]);
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: t('comments.settings.title'), current: 'comments' },
        ModerationSettingsPage({
          t,
          csrf: formToken(ctx, request),
          notice: notice(request),
          values: {
            bannedWords: s.bannedWords.join('\n'),
            suspectWords: s.suspectWords.join('\n'),
            maxLinks: String(s.maxLinks),
            premoderateAll: s.premoderateAll,
            premoderateNew: String(s.premoderateNew),
            minIntervalS: String(s.minIntervalMs / 1000),
            perHour: String(s.perHour),
            webhookUrl: s.webhookUrl,
            webhookSecret: s.webhookSecret,
            premoderatedSlugs: slugs.join('\n'),
          },
        }),
      );
    });

    admin.post('/comments/settings', async (request, reply) => {
      const staff = requireRole(request, MODERATOR_ROLES);
      const form = formOf(request);
      const errors: Record<string, string> = {};
      const int = (name: string, min: number, max: number) => {
        const n = Number(field(form, name));
        if (!Number.isInteger(n) || n < min || n > max) {
          errors[name] = t('comments.settings.error.number', { min, max });
          return min;
        }
        return n;
      };
      const maxLinks = int('max_links', 0, 100);
      const minInterval = int('min_interval', 0, 3600);
      const perHour = int('per_hour', 1, 100_000);
      const premoderateNew = int('premoderate_new', 0, 1000);
      const webhookUrl = field(form, 'webhook_url').trim();
      if (webhookUrl && !/^https?:\/\/[^\s]+$/.test(webhookUrl)) errors.webhook_url = t('comments.settings.error.url');
      else if (webhookUrl) {
        // Said now, while the moderator is at the form; the webhook checks again on every call.
        const problem = await outboundProblem(webhookUrl, ctx.config.outboundAllowedHosts);
        if (problem) errors.webhook_url = t(problem);
      }
      const slugs = parseWordList(field(form, 'premoderated_slugs'));
      const found = await listArticleIdsBySlug(ctx.db, slugs);
      const unknown = slugs.filter((s) => !found.some((f) => f.slug === s));
      if (unknown.length) errors.premoderated_slugs = t('comments.settings.error.slugs', { slugs: unknown.join(', ') });
      const values: SettingsPageProps['values'] = {
        bannedWords: field(form, 'banned_words'),
        suspectWords: field(form, 'suspect_words'),
        maxLinks: field(form, 'max_links'),
        premoderateAll: field(form, 'premoderate_all') === '1',
        premoderateNew: field(form, 'premoderate_new'),
        minIntervalS: field(form, 'min_interval'),
        perHour: field(form, 'per_hour'),
        webhookUrl,
        webhookSecret: field(form, 'webhook_secret'),
        premoderatedSlugs: field(form, 'premoderated_slugs'),
      };
      if (Object.keys(errors).length) {
        return sendAdminPage(
          ctx,
          request,
          reply,
          { title: t('comments.settings.title'), current: 'comments', status: 422 },
          ModerationSettingsPage({ t, csrf: formToken(ctx, request), values, errors }),
        );
      }
      await saveModerationSettings(ctx.db, {
        bannedWords: parseWordList(values.bannedWords),
        suspectWords: parseWordList(values.suspectWords),
        maxLinks,
        minIntervalMs: minInterval * 1000,
        perHour,
        premoderateNew,
        premoderateAll: values.premoderateAll,
        webhookUrl,
        webhookSecret: values.webhookSecret.trim(),
      });
      await clearArticlePremoderation(ctx.db);
      for (const a of found) await setArticlePremoderation(ctx.db, a.id, true);
      // Every other process drops its copy of the settings now, not when its copy expires.
      ctx.settingsChanged('moderation');
      await insertAudit(ctx.db, {
        at: ctx.clock(),
        userId: staff.id,
        action: 'comment.settings',
        subjectType: 'settings',
        subjectId: 'comments',
      });
      return reply.redirect('/admin/comments/settings?notice=saved', 303);
    });
  });
}
