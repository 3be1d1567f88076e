// Staff sign-in, sign-out and the dashboard. Other admin areas register their own routes through adminScope.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formOf, field } from '../../platform/forms.js';
import { verifyPasswordOrDummy } from '../../platform/passwords.js';
import {
  createAttemptLimits,
  signInFailed,
  signInProven,
  signInWait,
  waitText,
  type DelayPolicy,
} from '../../platform/attempt-limit-store.js';
import { hasSecondFactor, passkeysOf, verifySecondFactor } from '../../platform/second-factor-store.js';
import { finishPasskeySignIn, PASSKEY_COOKIE, passkeySignInOptions } from '../../platform/passkeys.js';
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
  PENDING_COOKIE,
  PENDING_MS,
  pendingSignInUser,
  pendingSignInValue,
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
import { listReviewQueue, listSentBack } from '../review/review-store.js';
import { ReviewDashboardBlock } from '../review/views/review-dashboard-block.js';
import { LoginPage, SecondFactorPage } from './views/login-page.js';
import { findUserById, findUserWithHashByEmail } from '../staff/user-store.js';

/** Wrong second-factor codes: five free, then a wait from 30 seconds doubling to 15 minutes, per account. */
export const CODE_POLICY: DelayPolicy = { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 };
/** The attempt-limit key of an account's second-factor guesses. */
export const codeLimitKey = (userId: number) => `second-factor:${userId}`;

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

  /** Signs the person in: a session cookie, and on to where they were going. */
  const startSession = async (request: FastifyRequest, reply: FastifyReply, userId: number, next: string) => {
    const token = await createSession(ctx.db, userId, ctx.clock(), {
      userAgent: String(request.headers['user-agent'] ?? ''),
      ip: request.ip,
    });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 14 * 86400 });
    return reply.redirect(next, 303);
  };

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
        reply.setCookie(DEVICE_COOKIE, deviceCookieValue(secret, user.id), {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure,
          maxAge: 365 * 86400,
        });
        // With a second factor the password alone starts no session: a short-lived signed cookie carries it
        // to the code form.
        if (await hasSecondFactor(ctx.db, user.id)) {
          reply.setCookie(PENDING_COOKIE, pendingSignInValue(secret, user.id, ctx.clock()), {
            path: '/admin/login',
            httpOnly: true,
            sameSite: 'lax',
            secure,
            maxAge: PENDING_MS / 1000,
          });
          return reply.redirect(`/admin/login/code?next=${encodeURIComponent(next)}`, 303);
        }
        return startSession(request, reply, user.id, next);
      });

      admin.get('/login/code', async (request, reply) => {
        const next = safeNext(String((request.query as Record<string, unknown>).next ?? '/admin'));
        const userId = pendingSignInUser(secret, request.cookies[PENDING_COOKIE], ctx.clock());
        if (userId === undefined) return reply.redirect(`/admin/login?next=${encodeURIComponent(next)}`, 303);
        const passkeys = (await passkeysOf(ctx.db, userId)).length > 0;
        return reply
          .type('text/html; charset=utf-8')
          .send(renderDocument(SecondFactorPage({ t: ctx.t, csrf: loginToken(request, reply), next, passkeys })));
      });

      admin.post('/login/code', async (request, reply) => {
        const form = formOf(request);
        const next = safeNext(field(form, 'next'));
        const userId = pendingSignInUser(secret, request.cookies[PENDING_COOKIE], ctx.clock());
        const user = userId === undefined ? undefined : await findUserById(ctx.db, userId);
        if (!user || user.disabled || !STAFF_ROLES.includes(user.role)) {
          return reply.redirect(`/admin/login?next=${encodeURIComponent(next)}`, 303);
        }
        const show = async (status: number, error: string) =>
          reply
            .code(status)
            .type('text/html; charset=utf-8')
            .send(
              renderDocument(
                SecondFactorPage({
                  t: ctx.t,
                  csrf: loginToken(request, reply),
                  next,
                  error,
                  passkeys: (await passkeysOf(ctx.db, user.id)).length > 0,
                }),
              ),
            );
        const key = codeLimitKey(user.id);
        const wait = await limits.waitMs(key);
        if (wait > 0) return show(429, ctx.t('admin.login.code_rate_limited', { wait: waitText(wait, ctx.t) }));
        const used = await verifySecondFactor(ctx.db, user.id, field(form, 'code'), ctx.clock());
        if (!used) {
          await limits.fail(key, CODE_POLICY);
          return show(422, ctx.t('admin.login.code_error'));
        }
        await limits.clear(key);
        reply.clearCookie(PENDING_COOKIE, { path: '/admin/login' });
        return startSession(request, reply, user.id, next);
      });

      admin.post('/login/passkey/options', async (request, reply) => {
        const userId = pendingSignInUser(secret, request.cookies[PENDING_COOKIE], ctx.clock());
        const made = userId === undefined ? undefined : await passkeySignInOptions(ctx.db, ctx.config.baseUrl, userId, ctx.clock());
        if (!made) return reply.code(404).send({ error: ctx.t('admin.login.passkey_failed') });
        reply.setCookie(PASSKEY_COOKIE, made.handle, { path: '/admin/login', httpOnly: true, sameSite: 'strict', secure, maxAge: 300 });
        return reply.send(made.options);
      });

      admin.post('/login/passkey', async (request, reply) => {
        const form = formOf(request);
        const next = safeNext(field(form, 'next'));
        const userId = pendingSignInUser(secret, request.cookies[PENDING_COOKIE], ctx.clock());
        const user = userId === undefined ? undefined : await findUserById(ctx.db, userId);
        if (!user || user.disabled || !STAFF_ROLES.includes(user.role)) {
          return reply.redirect(`/admin/login?next=${encodeURIComponent(next)}`, 303);
        }
        const show = (status: number, error: string) =>
          reply
            .code(status)
            .type('text/html; charset=utf-8')
            .send(renderDocument(SecondFactorPage({ t: ctx.t, csrf: loginToken(request, reply), next, error, passkeys: true })));
        const key = codeLimitKey(user.id);
        const wait = await limits.waitMs(key);
        if (wait > 0) return show(429, ctx.t('admin.login.code_rate_limited', { wait: waitText(wait, ctx.t) }));
        let answer: unknown;
        try {
          answer = JSON.parse(field(form, 'credential').slice(0, 100_000));
        } catch {
          answer = undefined;
        }
        reply.clearCookie(PASSKEY_COOKIE, { path: '/admin/login' });
        const ok = await finishPasskeySignIn(ctx.db, ctx.config.baseUrl, user.id, request.cookies[PASSKEY_COOKIE], answer, ctx.clock());
        if (!ok) {
          await limits.fail(key, CODE_POLICY);
          return show(422, ctx.t('admin.login.passkey_failed'));
        }
        await limits.clear(key);
        reply.clearCookie(PENDING_COOKIE, { path: '/admin/login' });
        return startSession(request, reply, user.id, next);
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
