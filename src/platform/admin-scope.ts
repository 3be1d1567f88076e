// The /admin scope: every staff page is registered through adminScope, which loads the signed-in
// user, sends strangers to the login page and checks CSRF on every POST.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { requireCsrf, csrfBinding } from './forms.js';
import { csrfToken, findSessionUser, SESSION_COOKIE, type Role, type SessionUser } from './session.js';
import type { AppCtx } from './app-context.js';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: SessionUser;
  }
}

export const STAFF_ROLES: Role[] = ['admin', 'editor', 'author', 'moderator'];

/** Roles allowed into each admin area; the navigation and the guards both read it. */
export const AREA_ROLES = {
  articles: ['admin', 'editor', 'author'],
  media: ['admin', 'editor', 'author'],
  taxonomy: ['admin', 'editor'],
  events: ['admin', 'editor'],
  staff: ['admin'],
  audit: ['admin'],
} satisfies Record<string, Role[]>;

/** The signed-in staff member, or throws 403 when their role may not use this area. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): SessionUser {
  const u = request.staff;
  if (!u) throw new AppError('unauthorized');
  if (!roles.includes(u.role)) throw new AppError('forbidden', 'admin.error.role');
  return u;
}

/** The CSRF token to embed in this request's forms. */
export function formToken(ctx: AppCtx, request: FastifyRequest): string {
  return csrfToken(ctx.config.sessionSecret, csrfBinding(request) ?? '');
}

/** Registers staff routes under /admin with the guard hooks; `open` routes (login) skip the sign-in check. */
export function adminScope(
  app: FastifyInstance,
  ctx: AppCtx,
  routes: (admin: FastifyInstance) => void,
  opts: { open?: boolean } = {},
): void {
  app.register(
    async (admin) => {
      admin.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        reply.header('cache-control', 'no-store');
        const user = await findSessionUser(ctx.db, request.cookies[SESSION_COOKIE], ctx.clock());
        if (user && STAFF_ROLES.includes(user.role)) request.staff = user;
        if (!opts.open && !request.staff) {
          if (request.method === 'GET') return reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
          throw new AppError('unauthorized', 'admin.error.session_ended');
        }
      });
      admin.addHook('preValidation', async (request: FastifyRequest) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') requireCsrf(ctx.config.sessionSecret, request);
      });
      routes(admin);
    },
    { prefix: '/admin' },
  );
}
