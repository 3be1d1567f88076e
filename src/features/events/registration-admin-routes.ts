// Staff pages of registration: settings and questions, the registrations list and its actions, CSV export, check-in.
import { messageKey } from '../../platform/i18n/index.js';
import type { ComponentChildren } from 'preact';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { field, formOf } from '../../platform/forms.js';
import type { AppCtx } from '../../platform/app-context.js';
import { idParam, queryParam, sendAdminPage } from '../../platform/admin-page.js';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import type { Event } from './event.js';
import { findEventById } from './event-store.js';
import { CSV_COLUMNS, registrationsCsv } from './registration-csv.js';
import { registrationServiceFor } from './registration-jobs.js';
import { parseSettingsForm, settingsValuesFrom, settingsValuesOf } from './registration-settings-form.js';
import { countByStatus, findSettings, listQuestions, listRegistrations, replaceQuestions } from './registration-store.js';
import { REGISTRATION_STATUSES, type RegistrationStatus } from './registration.js';
import { inTransaction } from '../../platform/db.js';
import { AdminCheckIn, AdminRegistrationList, AdminRegistrationSettings } from './views/admin-registration.js';

const NOTICES = ['saved', 'approved', 'rejected', 'cancelled', 'promoted', 'waitlisted'] as const;
const ACTIONS = ['approve', 'reject', 'cancel', 'promote'] as const;

/** Registers /admin/events/:id/registration, /registrations, /registrations.csv and /check-in. */
export function registerRegistrationAdminRoutes(app: FastifyInstance, ctx: AppCtx): void {
  const { t } = ctx;
  const service = registrationServiceFor(ctx);

  const page = (request: FastifyRequest, reply: FastifyReply, title: string, children: ComponentChildren, status = 200) =>
    sendAdminPage(ctx, request, reply, { title, current: 'events', status }, children);

  async function eventOf(request: FastifyRequest): Promise<Event> {
    requireRole(request, AREA_ROLES.events);
    const e = await findEventById(ctx.db, idParam(request));
    if (!e) throw new AppError('not_found', 'Event not found');
    return e;
  }

  const notice = (request: FastifyRequest) => {
    const n = queryParam(request, 'notice');
    return (NOTICES as readonly string[]).includes(n) ? t(messageKey(`registration.admin.notice.${n}`)) : undefined;
  };

  const filterOf = (request: FastifyRequest) => {
    const status = queryParam(request, 'status');
    return { status: (REGISTRATION_STATUSES as string[]).includes(status) ? status : '', q: queryParam(request, 'q').trim().slice(0, 200) };
  };

  async function listPage(request: FastifyRequest, reply: FastifyReply, e: Event, problem?: string, status = 200) {
    const filter = filterOf(request);
    const [registrations, counts, settings] = await Promise.all([
      listRegistrations(ctx.db, e.id, { status: (filter.status || undefined) as RegistrationStatus | undefined, q: filter.q || undefined }),
      countByStatus(ctx.db, e.id),
      findSettings(ctx.db, e.id),
    ]);
    return page(
      request,
      reply,
      t('registration.admin.list_title', { title: e.title }),
      AdminRegistrationList({
        t,
        id: e.id,
        csrf: formToken(ctx, request),
        title: e.title,
        registrations,
        counts,
        capacity: settings.capacity,
        filter,
        notice: problem ? undefined : notice(request),
        problem,
      }),
      status,
    );
  }

  async function checkInPage(request: FastifyRequest, reply: FastifyReply, e: Event) {
    const q = queryParam(request, 'q').trim().slice(0, 200);
    const [registrations, all] = await Promise.all([
      listRegistrations(ctx.db, e.id, { status: 'confirmed', q: q || undefined }),
      listRegistrations(ctx.db, e.id, { status: 'confirmed' }),
    ]);
    registrations.sort((a, b) => a.name.localeCompare(b.name));
    return page(
      request,
      reply,
      t('registration.admin.checkin_title', { title: e.title }),
      AdminCheckIn({
        t,
        id: e.id,
        csrf: formToken(ctx, request),
        title: e.title,
        registrations,
        q,
        counts: { attended: all.filter((r) => r.attendedAt).length, confirmed: all.length },
      }),
    );
  }

  adminScope(app, ctx, (admin) => {
    admin.get('/events/:id/registration', async (request, reply) => {
      const e = await eventOf(request);
      const [settings, questions] = await Promise.all([findSettings(ctx.db, e.id), listQuestions(ctx.db, e.id)]);
      return page(
        request,
        reply,
        t('registration.admin.settings_title', { title: e.title }),
        AdminRegistrationSettings({
          t,
          id: e.id,
          csrf: formToken(ctx, request),
          values: settingsValuesFrom(settings, questions, e.timezone),
          notice: notice(request),
          zone: e.timezone,
        }),
      );
    });

    admin.post('/events/:id/registration', async (request, reply) => {
      const user = requireRole(request, AREA_ROLES.events);
      const e = await eventOf(request);
      const values = settingsValuesOf(formOf(request));
      const { settings, questions, errors } = parseSettingsForm(values, e.id, e.timezone, t);
      if (!settings || !questions) {
        return page(
          request,
          reply,
          t('registration.admin.settings_title', { title: e.title }),
          AdminRegistrationSettings({
            t,
            id: e.id,
            csrf: formToken(ctx, request),
            values,
            errors,
            zone: e.timezone,
          }),
          422,
        );
      }
      await inTransaction(ctx.db, (tx) => replaceQuestions(tx, e.id, questions));
      await service.saveSettings(settings, user);
      return reply.redirect(`/admin/events/${e.id}/registration?notice=saved`, 303);
    });

    admin.get('/events/:id/registrations', async (request, reply) => listPage(request, reply, await eventOf(request)));

    admin.get('/events/:id/registrations.csv', async (request, reply) => {
      const e = await eventOf(request);
      const filter = filterOf(request);
      const [regs, questions] = await Promise.all([
        listRegistrations(ctx.db, e.id, {
          status: (filter.status || undefined) as RegistrationStatus | undefined,
          q: filter.q || undefined,
        }),
        listQuestions(ctx.db, e.id),
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${e.slug}-registrations.csv"`)
        .send('\ufeff' + registrationsCsv(regs, questions, CSV_COLUMNS));
    });

    for (const action of ACTIONS) {
      admin.post(`/events/:id/registrations/:rid/${action}`, async (request, reply) => {
        const user = requireRole(request, AREA_ROLES.events);
        const e = await eventOf(request);
        const rid = idParam(request, 'rid');
        let result = action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : action === 'cancel' ? 'cancelled' : 'promoted';
        try {
          if (action === 'approve') {
            if ((await service.approve(e.id, rid, user)) === 'waitlisted') result = 'waitlisted';
          } else if (action === 'reject') await service.reject(e.id, rid, field(formOf(request), 'message').trim().slice(0, 2000), user);
          else if (action === 'cancel') {
            if (!(await service.cancel(e.id, rid, user))) throw new AppError('conflict', t('registration.admin.error.not_active'));
          } else await service.promote(e.id, rid, user);
        } catch (err) {
          if (err instanceof AppError && err.code === 'conflict') return listPage(request, reply, e, err.message, 409);
          throw err;
        }
        return reply.redirect(`/admin/events/${e.id}/registrations?notice=${result}#r${rid}`, 303);
      });
    }

    admin.get('/events/:id/check-in', async (request, reply) => checkInPage(request, reply, await eventOf(request)));

    admin.post('/events/:id/check-in/:rid', async (request, reply) => {
      const e = await eventOf(request);
      const rid = idParam(request, 'rid');
      const form = formOf(request);
      try {
        await service.checkIn(e.id, rid, field(form, 'attended') !== '0');
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') throw new AppError('conflict', err.message);
        throw err;
      }
      const q = field(form, 'q').trim().slice(0, 200);
      return reply.redirect(`/admin/events/${e.id}/check-in${q ? `?q=${encodeURIComponent(q)}` : ''}#p${rid}`, 303);
    });
  });
}
