// Admin-only pages: staff accounts and the audit log.
import { messageKey, sayErrors } from '../../platform/i18n/index.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError, notFound } from '../../platform/errors.js';
import { field, formOf } from '../../platform/forms.js';
import { parsePage, Pagination } from '../../platform/ui/pagination.js';
import type { AppCtx } from '../../platform/app-context.js';
import { listAudit } from '../audit/audit-store.js';
import { AuditLogBlock } from '../audit/views/audit-log-block.js';
import { addStaff, changeRole, resetStaffPassword, setStaffDisabled } from '../staff/staff-service.js';
import { findUserById, listUsers, STAFF_ROLES } from '../staff/user-store.js';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { idParam, queryParam, sendAdminPage } from '../../platform/admin-page.js';
import { StaffEditPage, StaffListPage } from './views/staff-pages.js';
import { sessionExists } from '../../platform/session.js';

const AUDIT_PAGE = 50;
/** Actions offered in the audit filter; any other well-formed action typed in the URL still works. */
export const AUDIT_ACTIONS = [
  'article.publish',
  'article.schedule',
  'article.unpublish',
  'article.delete',
  'user.create',
  'user.role',
  'user.disable',
  'user.enable',
  'user.password',
  'author.create',
  'author.update',
  'author.delete',
  'rubric.create',
  'rubric.update',
  'rubric.delete',
  'tag.create',
  'tag.update',
  'tag.delete',
];
const STAFF_NOTICES = ['created', 'role', 'disabled', 'enabled', 'password'];

/** Registers /admin/staff and /admin/audit (admins only). */
export function registerStaffAdminRoutes(app: FastifyInstance, ctx: AppCtx): void {
  const { t, db } = ctx;
  const roles = STAFF_ROLES as string[];

  const notice = (request: FastifyRequest) => {
    const n = queryParam(request, 'notice');
    return STAFF_NOTICES.includes(n) ? t(messageKey(`admin.staff.notice.${n}`)) : undefined;
  };

  // The staff service names its field errors by catalogue key.
  const said = (errors?: Record<string, string>) => sayErrors(t, errors);

  async function showList(
    request: FastifyRequest,
    reply: FastifyReply,
    values = { email: '', name: '', role: 'author' },
    errors?: Record<string, string>,
  ) {
    const users = await listUsers(db);
    return sendAdminPage(
      ctx,
      request,
      reply,
      { title: t('admin.staff.title'), current: 'staff', status: errors ? 422 : 200 },
      StaffListPage({
        t,
        csrf: formToken(ctx, request),
        users,
        roles,
        meId: request.staff!.id,
        values,
        errors: said(errors),
        notice: notice(request),
      }),
    );
  }

  async function showUser(request: FastifyRequest, reply: FastifyReply, id: number, errors?: Record<string, string>) {
    const user = await findUserById(db, id);
    if (!user || user.role === 'reader') throw notFound('Staff member');
    return sendAdminPage(
      ctx,
      request,
      reply,
      { title: user.name, current: 'staff', status: errors ? 422 : 200 },
      StaffEditPage({
        t,
        csrf: formToken(ctx, request),
        user,
        roles,
        isMe: user.id === request.staff!.id,
        errors: said(errors),
        notice: notice(request),
      }),
    );
  }

  /** Runs a change on the user of :id; field errors re-render their page with 422. */
  async function change(request: FastifyRequest, reply: FastifyReply, fn: (actorId: number, id: number) => Promise<string>) {
    const me = requireRole(request, AREA_ROLES.staff);
    const id = idParam(request);
    const target = await findUserById(db, id);
    if (!target || target.role === 'reader') throw notFound('Staff member');
    try {
      const n = await fn(me.id, id);
      // A person who just changed their own role or access has no session left: send them to sign in.
      const still = id !== me.id || (await sessionExists(db, me.sessionId));
      return reply.redirect(still ? `/admin/staff/${id}?notice=${n}` : '/admin/login', 303);
    } catch (err) {
      if (err instanceof ValidationError) return showUser(request, reply, id, err.fields);
      throw err;
    }
  }

  adminScope(app, ctx, (admin) => {
    admin.get('/staff', async (request, reply) => {
      requireRole(request, AREA_ROLES.staff);
      return showList(request, reply);
    });

    admin.post('/staff', async (request, reply) => {
      const me = requireRole(request, AREA_ROLES.staff);
      const form = formOf(request);
      const input = {
        email: field(form, 'email').slice(0, 320),
        name: field(form, 'name'),
        role: field(form, 'role'),
        password: field(form, 'password'),
      };
      try {
        const id = await addStaff(db, me.id, input, ctx.clock());
        return reply.redirect(`/admin/staff/${id}?notice=created`, 303);
      } catch (err) {
        if (err instanceof ValidationError)
          return showList(request, reply, { email: input.email, name: input.name, role: input.role }, err.fields);
        throw err;
      }
    });

    admin.get('/staff/:id', async (request, reply) => {
      requireRole(request, AREA_ROLES.staff);
      return showUser(request, reply, idParam(request));
    });

    admin.post('/staff/:id/role', async (request, reply) =>
      change(request, reply, async (actor, id) => {
        await changeRole(db, actor, id, field(formOf(request), 'role'), ctx.clock());
        return 'role';
      }),
    );

    admin.post('/staff/:id/status', async (request, reply) =>
      change(request, reply, async (actor, id) => {
        const raw = field(formOf(request), 'disabled');
        if (raw !== '0' && raw !== '1') throw new AppError('bad_request');
        await setStaffDisabled(db, actor, id, raw === '1', ctx.clock());
        return raw === '1' ? 'disabled' : 'enabled';
      }),
    );

    admin.post('/staff/:id/password', async (request, reply) =>
      change(request, reply, async (actor, id) => {
        await resetStaffPassword(db, actor, id, field(formOf(request), 'password'), ctx.clock());
        return 'password';
      }),
    );

    admin.get('/audit', async (request, reply) => {
      requireRole(request, AREA_ROLES.audit);
      const raw = queryParam(request, 'action');
      const action = /^[a-z_]{1,30}\.[a-z_]{1,30}$/.test(raw) ? raw : '';
      const page = parsePage(queryParam(request, 'page'));
      const { items, total } = await listAudit(db, { limit: AUDIT_PAGE, offset: (page - 1) * AUDIT_PAGE, action: action || undefined });
      const actions = AUDIT_ACTIONS.includes(action) || !action ? AUDIT_ACTIONS : [...AUDIT_ACTIONS, action];
      return sendAdminPage(ctx, request, reply, { title: t('admin.audit.title'), current: 'audit' }, [
        AuditLogBlock({ t, items, total, action, actions }),
        Pagination({
          t,
          info: { page, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE)), basePath: '/admin/audit', query: action ? { action } : {} },
        }),
      ]);
    });
  });
}
