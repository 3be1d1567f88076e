// Staff pages of events, for admins and editors: list, create, edit, delete.
import { messageKey } from '../../platform/i18n/index.js';
import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError } from '../../platform/errors.js';
import { formOf } from '../../platform/forms.js';
import type { AppCtx } from '../../platform/app-context.js';
import { sendAdminPage } from '../../platform/admin-page.js';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { emptyFormValues, formValuesOf, parseEventForm, valuesFromEvent, type EventFormValues } from './event-form.js';
import { createEventService } from './event-service.js';
import { findEventById, listEventArticleSlugs, listEventsForAdmin } from './event-store.js';
import { findTranslations, type Translations } from '../../platform/translation-store.js';
import { readTranslations } from '../../platform/ui/translation-fields.js';
import { EVENT_TRANSLATABLE } from './event-translation.js';
import { AdminEventDelete, AdminEventForm } from './views/admin-event-form.js';
import { AdminEventList } from './views/admin-event-list.js';

const NOTICES = ['created', 'saved', 'deleted'] as const;

/** A positive integer id from the path; anything else is a 404. */
function idOf(request: FastifyRequest): number {
  const raw = String((request.params as Record<string, unknown>).id ?? '');
  if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) throw new AppError('not_found', 'Event not found');
  return Number(raw);
}

/** Registers /admin/events and its pages. */
export function registerEventAdminRoutes(app: FastifyInstance, ctx: AppCtx): void {
  const { t } = ctx;
  const events = createEventService({ db: ctx.db, clock: ctx.clock, t, contentChanged: ctx.contentChanged });

  const page = (request: FastifyRequest, reply: FastifyReply, title: string, children: ComponentChildren, status = 200) =>
    sendAdminPage(ctx, request, reply, { title, current: 'events', status }, children);

  const notice = (request: FastifyRequest) => {
    const n = (request.query as Record<string, unknown>).notice;
    return typeof n === 'string' && (NOTICES as readonly string[]).includes(n) ? t(messageKey(`events.admin.notice.${n}`)) : undefined;
  };

  const form = (
    request: FastifyRequest,
    reply: FastifyReply,
    o: {
      id?: number;
      slug?: string;
      status?: string;
      values: EventFormValues;
      translations: Translations;
      errors?: Record<string, string>;
      code?: number;
    },
  ) =>
    page(
      request,
      reply,
      o.id ? t('events.admin.edit_title', { title: o.values.title || o.slug || '' }) : t('events.admin.new_title'),
      AdminEventForm({
        t,
        csrf: formToken(ctx, request),
        action: o.id ? `/admin/events/${o.id}` : '/admin/events',
        values: o.values,
        translations: o.translations,
        errors: o.errors,
        existing: o.id ? { id: o.id, slug: o.slug!, status: o.status! } : undefined,
        notice: o.code ? undefined : notice(request),
      }),
      o.code,
    );

  /** Validates and saves; on bad input re-renders the form with 422 and what was typed. */
  async function submit(request: FastifyRequest, reply: FastifyReply, id: number | null) {
    const user = requireRole(request, AREA_ROLES.events);
    const existing = id === null ? undefined : await findEventById(ctx.db, id);
    if (id !== null && !existing) throw new AppError('not_found', 'Event not found');
    const body = formOf(request);
    const values = formValuesOf(body);
    const localized = readTranslations(t, body, EVENT_TRANSLATABLE);
    const { input, errors } = parseEventForm(values, t);
    const fail = (errs: Record<string, string>) =>
      form(request, reply, {
        id: id ?? undefined,
        slug: existing?.slug,
        status: existing?.status,
        values,
        translations: localized.values,
        errors: errs,
        code: 422,
      });
    if (!input || Object.keys(localized.errors).length) return fail({ ...errors, ...localized.errors });
    try {
      const saved = await events.save(user, id, input, localized.values);
      return reply.redirect(`/admin/events/${saved}/edit?notice=${id === null ? 'created' : 'saved'}`, 303);
    } catch (err) {
      if (err instanceof ValidationError && Object.keys(err.fields).length) return fail(err.fields);
      throw err;
    }
  }

  adminScope(app, ctx, (admin) => {
    admin.get('/events', async (request, reply) => {
      requireRole(request, AREA_ROLES.events);
      return page(
        request,
        reply,
        t('events.admin.title'),
        AdminEventList({ t, events: await listEventsForAdmin(ctx.db), notice: notice(request) }),
      );
    });

    admin.get('/events/new', async (request, reply) => {
      requireRole(request, AREA_ROLES.events);
      return form(request, reply, { values: emptyFormValues(), translations: {} });
    });

    admin.post('/events', (request, reply) => submit(request, reply, null));

    admin.get('/events/:id/edit', async (request, reply) => {
      requireRole(request, AREA_ROLES.events);
      const id = idOf(request);
      const e = await findEventById(ctx.db, id);
      if (!e) throw new AppError('not_found', 'Event not found');
      return form(request, reply, {
        id,
        slug: e.slug,
        status: e.status,
        values: valuesFromEvent(e, await listEventArticleSlugs(ctx.db, id)),
        translations: await findTranslations(ctx.db, 'event', id),
      });
    });

    admin.post('/events/:id', (request, reply) => submit(request, reply, idOf(request)));

    admin.get('/events/:id/delete', async (request, reply) => {
      requireRole(request, AREA_ROLES.events);
      const id = idOf(request);
      const e = await findEventById(ctx.db, id);
      if (!e) throw new AppError('not_found', 'Event not found');
      return page(
        request,
        reply,
        t('events.admin.delete_title'),
        AdminEventDelete({ t, csrf: formToken(ctx, request), id, title: e.title }),
      );
    });

    admin.post('/events/:id/delete', async (request, reply) => {
      const user = requireRole(request, AREA_ROLES.events);
      if (!(await events.remove(user, idOf(request)))) throw new AppError('not_found', 'Event not found');
      return reply.redirect('/admin/events?notice=deleted', 303);
    });
  });
}
