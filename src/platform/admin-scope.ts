// The /admin scope: every staff page is registered through adminScope, which loads the signed-in
// user, sends strangers to the login page and checks CSRF on every POST.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { requireCsrf, csrfBinding } from './forms.js';
import { csrfToken, findSessionUser, recentlyProven, SESSION_COOKIE, type Role, type SessionUser } from './session.js';
import { adminsNeedSecondFactor, hasSecondFactor } from './second-factor-store.js';
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

/** Pages an administrator who must enrol a second factor may still open (enrolment itself, sign-out). */
const ENROLMENT_PATHS = /^\/admin\/(account(\/|$|\?)|logout$|reauth(\?|$))/;

/**
 * Steps taken only with a password or code given in the last few minutes: role changes (a new staff member,
 * a role, access or password of another), API keys, and deletions, with the pages that lead to them.
 */
export function needsRecentProof(method: string, url: string): boolean {
  const path = url.split('?')[0];
  if (/\/delete$/.test(path)) return true;
  if (method !== 'POST') return false;
  return /^\/admin\/(staff|staff\/\d+\/(role|status|password)|api-keys|account\/(second-factor\/remove|recovery-codes|policy|passkeys\/[^/]+\/remove))$/.test(
    path,
  );
}

/** Where to send a person to prove who they are again, coming back to `next` afterwards. */
export function reauthPath(next: string): string {
  return `/admin/reauth?next=${encodeURIComponent(next)}`;
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
        const staff = request.staff;
        if (!staff) return;
        // When the newsroom requires it, an administrator without a second factor can only enrol one.
        if (staff.role === 'admin' && !ENROLMENT_PATHS.test(request.url) && (await adminsNeedSecondFactor(ctx.db))) {
          if (!(await hasSecondFactor(ctx.db, staff.id))) {
            if (request.method === 'GET') return reply.redirect('/admin/account?enrol=required', 303);
            throw new AppError('forbidden', 'account.second_factor.required');
          }
        }
        if (needsRecentProof(request.method, request.url) && !recentlyProven(staff, ctx.clock())) {
          // A form posted after the proof has lapsed is not carried out: the person confirms and repeats it.
          const back = request.method === 'GET' ? request.url : sameSiteAdminPath(request.headers.referer, ctx.config.baseUrl);
          return reply.redirect(reauthPath(back), 303);
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

/** The admin page a form was posted from (its Referer), or /admin. */
function sameSiteAdminPath(referer: string | undefined, baseUrl: string): string {
  if (!referer) return '/admin';
  try {
    const u = new URL(referer, baseUrl);
    const path = u.pathname + u.search;
    return /^\/admin(\/|$)/.test(u.pathname) && !path.startsWith('//') ? path : '/admin';
  } catch {
    return '/admin';
  }
}
