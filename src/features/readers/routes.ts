// Reader accounts: /account/signup, /account/confirm, /account/login, /account/logout, /account
// (profile), /account/reset and /account/reset/confirm. Never cached: each page carries a form token.
import { messageKey } from '../../platform/i18n/index.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { AppError } from '../../platform/errors.js';
import { checkGuard, guardFields } from '../../platform/form-guard.js';
import { csrfBinding, field, formOf, requireCsrf } from '../../platform/forms.js';
import { addressKey, createAttemptLimits, signInFailed, signInProven, signInWait, waitText } from '../../platform/attempt-limit-store.js';
import { renderDocument } from '../../platform/render.js';
import {
  createSession,
  deleteOtherSessions,
  deleteOwnSession,
  listUserSessions,
  csrfToken,
  DEVICE_COOKIE,
  deleteSession,
  deviceCookieValue,
  deviceKnown,
  ensureVisitor,
  findSessionUser,
  SESSION_COOKIE,
  type SessionUser,
} from '../../platform/session.js';
import type { AppCtx } from '../../platform/app-context.js';
import { loadChrome } from '../../platform/chrome.js';
import { createAccountService } from './account-service.js';
import { registerOutboxAdminRoutes } from './outbox-admin-routes.js';
import { cleanEmail, cleanName, emailValid, nameProblem, passwordProblem, PASSWORD_MAX } from './reader.js';
import { findReaderById, updateNotifyReplies, updateReaderName } from './reader-store.js';
import {
  CheckMailPage,
  ConfirmPage,
  DeletedPage,
  LoginPage,
  ProfilePage,
  ResetConfirmPage,
  ResetRequestPage,
  SignupPage,
} from './views/account-pages.js';

const HOUR = 3600_000;
const NOTICES = ['name_saved', 'notify_on', 'notify_off', 'resent', 'confirmed', 'password_reset', 'signed_out', 'sessions_ended'] as const;

/** Only a path on this site may be a redirect target after sign-in; `base` is the edition's prefix ("/ru"). */
export function safeAccountNext(next: string, base = ''): string {
  return /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith(`${base}/account/`) && !next.startsWith('/account/') && next.length <= 500
    ? next
    : `${base}/account`;
}

/** Registers every URL of reader accounts, and the admin outbox. */
export function registerReaderRoutes(app: FastifyInstance, ctx: AppCtx): void {
  registerReaderPages(app, ctx);
}

/** The reader's account pages: at the root, and again in every edition, in its language (its mails too). */
export function registerReaderPages(app: FastifyInstance, ctx: AppCtx): void {
  const P = ctx.edition.prefix;
  const accounts = createAccountService(ctx);
  const secure = ctx.config.baseUrl.startsWith('https://');
  const secret = ctx.config.sessionSecret;
  // Counted in the database, so every instance sees the same attempts; sign-in failures share their counts
  // with the staff login (see platform/attempt-limit-store.ts).
  const limits = createAttemptLimits(ctx.db, ctx.clock);
  const address = (request: FastifyRequest) => addressKey(request.ip);
  const signupByIp = (request: FastifyRequest) => limits.hit(`signup:address:${address(request)}`, 5, HOUR);
  const resetByIp = (request: FastifyRequest) => limits.hit(`reset:address:${address(request)}`, 5, HOUR);
  const resetByAccount = (email: string) => limits.hit(`reset:account:${email}`, 3, HOUR);
  const resendByAccount = (userId: number) => limits.hit(`resend:account:${userId}`, 3, HOUR);
  const t = ctx.t;

  /** The signed-in account of this request, if any. */
  const sessionOf = (request: FastifyRequest) => findSessionUser(ctx.db, request.cookies[SESSION_COOKIE], ctx.clock());
  /** The form token for this request, binding an anonymous visitor first. */
  const tokenFor = (request: FastifyRequest, reply: FastifyReply) => {
    const binding = csrfBinding(request) ?? ensureVisitor(request, reply, secure);
    return csrfToken(secret, binding);
  };
  const send = (reply: FastifyReply, view: VNode, status = 200) =>
    reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderDocument(view));
  const base = async (user: SessionUser | undefined) => ({ t, chrome: await loadChrome(ctx), account: user ? { name: user.name } : null });
  const guard = () => guardFields(ctx.clock(), secret, t('form.guard.honeypot'));
  const guardMessage = (reason: string) =>
    t(reason === 'too_fast' ? 'account.error.too_fast' : reason === 'expired' ? 'account.error.form_expired' : 'account.error.guard');
  const loginRedirect = (reply: FastifyReply, next = `${P}/account`) =>
    reply.redirect(`${P}/account/login?next=${encodeURIComponent(next)}`, 303);
  const str = (request: FastifyRequest, name: string) => {
    const v = (request.query as Record<string, unknown> | undefined)?.[name];
    return typeof v === 'string' ? v : '';
  };

  // --- sign-up -----------------------------------------------------------------------------
  app.get('/account/signup', async (request, reply) => {
    const user = await sessionOf(request);
    if (user) return reply.redirect(`${P}/account`, 303);
    return send(
      reply,
      SignupPage({ ...(await base(user)), csrf: tokenFor(request, reply), guard: guard(), values: { name: '', email: '' } }),
    );
  });

  app.post('/account/signup', async (request, reply) => {
    requireCsrf(secret, request);
    const form = formOf(request);
    const values = { name: cleanName(field(form, 'name')).slice(0, 200), email: cleanEmail(field(form, 'email')) };
    const password = field(form, 'password');
    const show = async (status: number, errors?: Record<string, string>, message?: string) =>
      send(
        reply,
        SignupPage({ ...(await base(undefined)), csrf: tokenFor(request, reply), guard: guard(), values, errors, message }),
        status,
      );

    const bot = checkGuard(form, ctx.clock(), secret);
    if (bot) return show(422, undefined, guardMessage(bot));
    const errors: Record<string, string> = {};
    const np = nameProblem(values.name);
    if (np) errors.name = t(messageKey(np), { min: 2, max: 60 });
    if (!emailValid(values.email)) errors.email = t('account.error.email');
    const pp = passwordProblem(password);
    if (pp) errors.password = t(messageKey(pp), { min: 10, max: PASSWORD_MAX });
    if (Object.keys(errors).length) return show(422, errors);
    if (!(await signupByIp(request))) return show(429, undefined, t('account.error.rate_signup'));

    await accounts.signUp({ name: values.name, email: values.email, password });
    return send(
      reply,
      CheckMailPage({
        ...(await base(undefined)),
        title: t('account.check_mail.title'),
        text: t('account.check_mail.signup', { email: values.email }),
      }),
    );
  });

  app.get('/account/confirm', async (request, reply) => {
    const id = await accounts.confirm(str(request, 'token'));
    const user = await sessionOf(request);
    if (id !== undefined) ctx.log.info({ userId: id }, 'email confirmed');
    if (id !== undefined && user?.id === id)
      return reply.header('cache-control', 'no-store').redirect(`${P}/account?notice=confirmed`, 303);
    return send(reply, ConfirmPage({ ...(await base(user)), ok: id !== undefined }), id === undefined ? 400 : 200);
  });

  // --- sign-in and sign-out ---------------------------------------------------------------
  app.get('/account/login', async (request, reply) => {
    const user = await sessionOf(request);
    const next = safeAccountNext(str(request, 'next') || `${P}/account`, P);
    if (user) return reply.redirect(next, 303);
    const notice = noticeText(str(request, 'notice'));
    return send(reply, LoginPage({ ...(await base(user)), csrf: tokenFor(request, reply), email: '', next, notice }));
  });

  app.post('/account/login', async (request, reply) => {
    requireCsrf(secret, request);
    const form = formOf(request);
    const email = cleanEmail(field(form, 'email'));
    const password = field(form, 'password').slice(0, 1000);
    const next = safeAccountNext(field(form, 'next') || `${P}/account`, P);
    const show = async (status: number, message: string) =>
      send(reply, LoginPage({ ...(await base(undefined)), csrf: tokenFor(request, reply), email, next, message }), status);
    const knownDevice = async () => {
      const id = email ? await accounts.accountId(email) : undefined;
      return deviceKnown(secret, request.cookies[DEVICE_COOKIE], id);
    };
    const attempt = { ip: request.ip, email, knownDevice: await knownDevice() };
    const wait = await signInWait(limits, attempt);
    if (wait > 0) return show(429, t('account.error.rate_login', { wait: waitText(wait, t) }));
    const reader = await accounts.authenticate(email, password);
    if (!reader) {
      await signInFailed(limits, attempt);
      return show(422, t('account.error.login'));
    }
    await signInProven(limits, email);
    reply.setCookie(DEVICE_COOKIE, deviceCookieValue(secret, reader.id), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: 365 * 86400,
    });
    // A session already on this browser (perhaps someone else's) ends here.
    const previous = await sessionOf(request);
    if (previous) await deleteSession(ctx.db, previous.sessionId);
    const token = await createSession(ctx.db, reader.id, ctx.clock(), {
      userAgent: String(request.headers['user-agent'] ?? ''),
      ip: request.ip,
    });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 14 * 86400 });
    return reply.header('cache-control', 'no-store').redirect(next, 303);
  });

  app.post('/account/logout', async (request, reply) => {
    requireCsrf(secret, request);
    const user = await sessionOf(request);
    if (user) await deleteSession(ctx.db, user.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.header('cache-control', 'no-store').redirect(`${P}/`, 303);
  });

  // --- profile -----------------------------------------------------------------------------
  const profile = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: SessionUser,
    extra: { status?: number; notice?: string; errors?: Record<string, string>; values?: { name?: string }; message?: string } = {},
  ) => {
    const reader = await findReaderById(ctx.db, user.id);
    if (!reader) throw new AppError('unauthorized');
    return send(
      reply,
      ProfilePage({
        ...(await base({ ...user, name: reader.name })),
        csrf: tokenFor(request, reply),
        reader,
        sessions: await listUserSessions(ctx.db, user.id, ctx.clock()),
        currentSession: user.sessionId,
        notice: extra.notice,
        errors: extra.errors,
        values: extra.values,
        message: extra.message,
      }),
      extra.status,
    );
  };
  /** The signed-in account for a profile POST (after the CSRF check), or a 401. */
  const signedIn = async (request: FastifyRequest) => {
    requireCsrf(secret, request);
    const user = await sessionOf(request);
    if (!user) throw new AppError('unauthorized', t('account.error.signed_out'));
    return user;
  };
  const noticeText = (key: string) => ((NOTICES as readonly string[]).includes(key) ? t(messageKey(`account.notice.${key}`)) : undefined);

  app.get('/account', async (request, reply) => {
    const user = await sessionOf(request);
    if (!user) return loginRedirect(reply);
    return profile(request, reply, user, { notice: noticeText(str(request, 'notice')) });
  });

  app.post('/account/name', async (request, reply) => {
    const user = await signedIn(request);
    const name = cleanName(field(formOf(request), 'name')).slice(0, 200);
    const problem = nameProblem(name);
    if (problem)
      return profile(request, reply, user, {
        status: 422,
        errors: { name: t(messageKey(problem), { min: 2, max: 60 }) },
        values: { name },
      });
    await updateReaderName(ctx.db, user.id, name);
    return reply.redirect(`${P}/account?notice=name_saved`, 303);
  });

  app.post('/account/notifications', async (request, reply) => {
    const user = await signedIn(request);
    const on = field(formOf(request), 'notify_replies') === 'on';
    await updateNotifyReplies(ctx.db, user.id, on);
    return reply.redirect(`${P}/account?notice=${on ? 'notify_on' : 'notify_off'}`, 303);
  });

  // Sessions live in the database: ending one here signs that browser out on every instance at once.
  app.post('/account/sessions/:id/end', async (request, reply) => {
    const user = await signedIn(request);
    const id = String((request.params as Record<string, unknown>).id ?? '');
    if (!/^[0-9a-f]{64}$/.test(id) || !(await deleteOwnSession(ctx.db, user.id, id))) throw new AppError('not_found');
    return reply.redirect(`${P}/account?notice=sessions_ended`, 303);
  });

  app.post('/account/sessions/end-others', async (request, reply) => {
    const user = await signedIn(request);
    await deleteOtherSessions(ctx.db, user.id, user.sessionId);
    return reply.redirect(`${P}/account?notice=sessions_ended`, 303);
  });

  app.post('/account/resend', async (request, reply) => {
    const user = await signedIn(request);
    if (!(await resendByAccount(user.id))) return profile(request, reply, user, { status: 429, message: t('account.error.rate_resend') });
    await accounts.resendConfirmation(user.id);
    return reply.redirect(`${P}/account?notice=resent`, 303);
  });

  app.post('/account/delete', async (request, reply) => {
    const user = await signedIn(request);
    if (user.role !== 'reader') throw new AppError('forbidden', t('account.profile.staff_delete'));
    const password = field(formOf(request), 'delete_password').slice(0, 1000);
    if (!(await accounts.checkPassword(user.id, password))) {
      return profile(request, reply, user, { status: 422, errors: { delete_password: t('account.error.delete_password') } });
    }
    await accounts.deleteAccount(user.id);
    ctx.log.info({ userId: user.id }, 'reader account deleted');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.header('cache-control', 'no-store').redirect(`${P}/account/deleted`, 303);
  });

  app.get('/account/deleted', async (_request, reply) => send(reply, DeletedPage({ t, chrome: await loadChrome(ctx) })));

  // --- password reset ------------------------------------------------------------------------
  app.get('/account/reset', async (request, reply) => {
    const user = await sessionOf(request);
    return send(
      reply,
      ResetRequestPage({ ...(await base(user)), csrf: tokenFor(request, reply), guard: guard(), email: user?.email ?? '' }),
    );
  });

  app.post('/account/reset', async (request, reply) => {
    requireCsrf(secret, request);
    const form = formOf(request);
    const email = cleanEmail(field(form, 'email'));
    const user = await sessionOf(request);
    const show = async (status: number, errors?: Record<string, string>, message?: string) =>
      send(
        reply,
        ResetRequestPage({ ...(await base(user)), csrf: tokenFor(request, reply), guard: guard(), email, errors, message }),
        status,
      );
    // A person may paste an address and press Enter quickly; bots still trip the honeypot.
    const bot = checkGuard(form, ctx.clock(), secret, 1500);
    if (bot) return show(422, undefined, guardMessage(bot));
    if (!emailValid(email)) return show(422, { email: t('account.error.email') });
    if (!(await resetByIp(request)) || !(await resetByAccount(email))) return show(429, undefined, t('account.error.rate_reset'));
    await accounts.requestReset(email);
    return send(
      reply,
      CheckMailPage({ ...(await base(user)), title: t('account.check_mail.title'), text: t('account.check_mail.reset', { email }) }),
    );
  });

  app.get('/account/reset/confirm', async (request, reply) => {
    const token = str(request, 'token');
    const valid = (await accounts.peekReset(token)) !== undefined;
    const user = await sessionOf(request);
    // The token sits in the address: never hand it on to another site.
    reply.header('referrer-policy', 'no-referrer');
    return send(
      reply,
      ResetConfirmPage({ ...(await base(user)), csrf: tokenFor(request, reply), token: valid ? token : '', valid }),
      valid ? 200 : 400,
    );
  });

  app.post('/account/reset/confirm', async (request, reply) => {
    requireCsrf(secret, request);
    const form = formOf(request);
    const token = field(form, 'token');
    const password = field(form, 'password');
    reply.header('referrer-policy', 'no-referrer');
    const problem = passwordProblem(password);
    if (problem) {
      const valid = (await accounts.peekReset(token)) !== undefined;
      return send(
        reply,
        ResetConfirmPage({
          ...(await base(await sessionOf(request))),
          csrf: tokenFor(request, reply),
          token: valid ? token : '',
          valid,
          errors: { password: t(messageKey(problem), { min: 10, max: PASSWORD_MAX }) },
        }),
        valid ? 422 : 400,
      );
    }
    const resetFor = await accounts.resetPassword(token, password);
    if (!resetFor) {
      return send(
        reply,
        ResetConfirmPage({ ...(await base(await sessionOf(request))), csrf: tokenFor(request, reply), token: '', valid: false }),
        400,
      );
    }
    // The link proved the mailbox: a delay set by someone else's guesses is lifted.
    await signInProven(limits, resetFor);
    // Every session ended, this one too.
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.header('cache-control', 'no-store').redirect(`${P}/account/login?notice=password_reset`, 303);
  });

  registerOutboxAdminRoutes(app, ctx);
}
