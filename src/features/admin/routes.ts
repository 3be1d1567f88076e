// Staff sign-in, sign-out and the dashboard. Other admin areas register their own routes through adminScope.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formOf, field } from '../../platform/forms.js';
import { verifyPasswordOrDummy } from '../../platform/passwords.js';
import { createAttemptLimits, signInFailed, signInProven, signInWait, waitText } from '../../platform/attempt-limit-store.js';
import { csrfBinding } from '../../platform/forms.js';
import { renderDocument } from '../../platform/render.js';
import {
  createSession,
  csrfToken,
  DEVICE_COOKIE,
  deleteSession,
  deviceCookieValue,
  deviceKnown,
  ensureVisitor,
  SESSION_COOKIE,
} from '../../platform/session.js';
import type { AppCtx } from '../../platform/app-context.js';
import type { PublishingService } from '../articles/publishing-service.js';
import { listArticlesForAdmin } from '../articles/article-store.js';
import { adminScope, AREA_ROLES, STAFF_ROLES } from '../../platform/admin-scope.js';
import { registerArticleAdminRoutes } from './article-admin-routes.js';
import { registerStaffAdminRoutes } from './staff-admin-routes.js';
import { registerTaxonomyAdminRoutes } from './taxonomy-admin-routes.js';
import { Dashboard } from './views/dashboard-page.js';
import { sendAdminPage } from '../../platform/admin-page.js';
import { LoginPage } from './views/login-page.js';
import { findUserWithHashByEmail } from '../staff/user-store.js';
import { listReviewQueue, listSentBack } from '../review/review-store.js';
import { ReviewDashboardBlock } from '../review/views/review-dashboard-block.js';

/** Only local paths may be a redirect target after sign-in. */
export function safeNext(next: string): string {
  return /^\/admin(\/|$|\?)/.test(next) && !next.startsWith('//') ? next : '/admin';
}

/** Registers /admin, /admin/login and /admin/logout. */
export function registerAdminRoutes(app: FastifyInstance, ctx: AppCtx, publishing: PublishingService): void {
  // Wrong passwords slow further tries per address and per account (the owner's own browser is exempt from
  // the account's delay), counted in the database that every instance shares; see platform/attempt-limit-store.ts.
  const limits = createAttemptLimits(ctx.db, ctx.clock);
  const secure = ctx.config.baseUrl.startsWith('https://');
  const secret = ctx.config.sessionSecret;
  /** The form token, bound as the POST will check it: to the session cookie when one is sent, else the visitor. */
  const loginToken = (request: FastifyRequest, reply: FastifyReply) =>
    csrfToken(secret, csrfBinding(request) ?? ensureVisitor(request, reply, secure));

  adminScope(
    app,
    ctx,
    (admin) => {
      admin.get('/login', async (request, reply) => {
        if (request.staff) return reply.redirect('/admin', 303);
        const next = safeNext(String((request.query as Record<string, unknown>).next ?? '/admin'));
        return reply.type('text/html; charset=utf-8').send(renderDocument(LoginPage({ t: ctx.t, csrf: loginToken(request, reply), next })));
      });

      admin.post('/login', async (request, reply) => {
        const form = formOf(request);
        const email = field(form, 'email').trim().toLowerCase().slice(0, 320);
        const password = field(form, 'password').slice(0, 1000);
        const next = safeNext(field(form, 'next'));
        const show = (status: number, error: string) =>
          reply
            .code(status)
            .type('text/html; charset=utf-8')
            .send(renderDocument(LoginPage({ t: ctx.t, csrf: loginToken(request, reply), next, email, error })));
        const user = email ? await findUserWithHashByEmail(ctx.db, email) : undefined;
        const attempt = { ip: request.ip, email, knownDevice: deviceKnown(secret, request.cookies[DEVICE_COOKIE], user?.id) };
        const wait = await signInWait(limits, attempt);
        if (wait > 0) return show(429, ctx.t('admin.login.rate_limited', { wait: waitText(wait, ctx.t) }));
        // The same password check runs for an unknown address, a reader and a disabled account.
        const matches = await verifyPasswordOrDummy(password, user?.passwordHash);
        const ok = matches && user && !user.disabled && STAFF_ROLES.includes(user.role);
        if (!ok || !user) {
          await signInFailed(limits, attempt);
          return show(422, ctx.t('admin.login.error'));
        }
        await signInProven(limits, email);
        const token = await createSession(ctx.db, user.id, ctx.clock());
        reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 14 * 86400 });
        reply.setCookie(DEVICE_COOKIE, deviceCookieValue(secret, user.id), {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure,
          maxAge: 365 * 86400,
        });
        return reply.redirect(next, 303);
      });
    },
    { open: true },
  );

  adminScope(app, ctx, (admin) => {
    admin.post('/logout', async (request, reply) => {
      if (request.staff) await deleteSession(ctx.db, request.staff.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/admin/login', 303);
    });

    admin.get('/', async (request, reply) => {
      const user = request.staff!;
      const editor = user.role === 'admin' || user.role === 'editor';
      const [drafts, scheduled, published, recent, queue, sentBack] = await Promise.all([
        listArticlesForAdmin(ctx.db, { status: 'draft', limit: 1 }),
        listArticlesForAdmin(ctx.db, { status: 'scheduled', limit: 1 }),
        listArticlesForAdmin(ctx.db, { status: 'published', limit: 1 }),
        listArticlesForAdmin(ctx.db, { limit: 10 }),
        editor ? listReviewQueue(ctx.db, { limit: 200 }) : Promise.resolve([]),
        listSentBack(ctx.db, user.id, 50),
      ]);
      const canWrite = (AREA_ROLES.articles as string[]).includes(user.role);
      // What waits for whom: reviews given to this editor, those nobody took yet, drafts sent back to this author.
      const review = ReviewDashboardBlock({
        t: ctx.t,
        editor,
        waiting: queue.filter((r) => r.assigneeId === user.id),
        unassigned: queue.filter((r) => r.assigneeId === null),
        sentBack,
      });
      // Through sendAdminPage so moderators see their queue counts here too.
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: ctx.t('admin.nav.dashboard'), current: 'dashboard' },
        Dashboard({
          t: ctx.t,
          counts: { drafts: drafts.total, scheduled: scheduled.total, published: published.total },
          recent: canWrite ? recent.items : [],
          canWrite,
          review,
        }),
      );
    });
  });

  registerArticleAdminRoutes(app, ctx, publishing);
  registerTaxonomyAdminRoutes(app, ctx);
  registerStaffAdminRoutes(app, ctx);
}
