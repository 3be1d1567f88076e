// /admin/account: a staff member's own second factor and sessions, and the administrators' rule that
// requires a second factor; /admin/reauth: the password or a code given again before a sensitive step.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderSVG } from 'uqr';
import type { AppCtx } from '../../platform/app-context.js';
import { sendAdminPage, queryParam } from '../../platform/admin-page.js';
import { adminScope, formToken, requireRole } from '../../platform/admin-scope.js';
import { createAttemptLimits, waitText, type DelayPolicy } from '../../platform/attempt-limit-store.js';
import { AppError } from '../../platform/errors.js';
import { field, formOf } from '../../platform/forms.js';
import { formatDateTime } from '../../platform/i18n/index.js';
import { verifyPassword } from '../../platform/passwords.js';
import {
  adminsNeedSecondFactor,
  confirmTotp,
  hasSecondFactor,
  pendingTotpSecret,
  hasTotp,
  regenerateRecoveryCodes,
  removePasskey,
  removeTotp,
  secondFactorState,
  setAdminsNeedSecondFactor,
  totpUri,
  verifySecondFactor,
} from '../../platform/second-factor-store.js';
import { finishPasskeyCreation, PASSKEY_COOKIE, passkeyCreationOptions } from '../../platform/passkeys.js';
import { deleteOtherSessions, deleteOwnSession, listUserSessions, markProven } from '../../platform/session.js';
import { insertAudit } from '../audit/audit-store.js';
import { findUserWithHashByEmail } from './user-store.js';
import { AccountPage, ReauthPage } from './views/account-pages.js';

/** Wrong passwords or codes on the re-authentication form, per account: a few free, then a growing wait. */
const REAUTH_POLICY: DelayPolicy = { free: 5, baseMs: 30_000, maxMs: 15 * 60_000 };

/** Only admin pages may be the page to return to after re-authentication. */
function safeAdminNext(next: string): string {
  return /^\/admin(\/|$|\?)/.test(next) && !next.startsWith('//') ? next : '/admin';
}

/** Registers the account security page and the re-authentication step. */
export function registerAccountRoutes(app: FastifyInstance, ctx: AppCtx): void {
  const limits = createAttemptLimits(ctx.db, ctx.clock);
  const secure = ctx.config.baseUrl.startsWith('https://');
  const STAFF = ['admin', 'editor', 'author', 'moderator'] as const;

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { codes?: string[]; notice?: string; error?: string; status?: number } = {},
  ) => {
    const staff = requireRole(request, STAFF);
    const now = ctx.clock();
    const state = await secondFactorState(ctx.db, staff.id);
    let enrol: { qr: string; secret: string } | undefined;
    const hasFactor = state.totp || state.passkeys.length > 0;
    if (!state.totp) {
      const secret = (await pendingTotpSecret(ctx.db, staff.id, now)) ?? '';
      const svg = renderSVG(totpUri(secret, staff.email, 'Chancery'), { border: 2 });
      enrol = { qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, secret: secret.replace(/(.{4})/g, '$1 ').trim() };
    }
    return sendAdminPage(
      ctx,
      request,
      reply,
      { title: ctx.t('account.title'), current: 'account', status: extra.status, scripts: ['passkeys.js'] },
      AccountPage({
        t: ctx.t,
        csrf: formToken(ctx, request),
        isAdmin: staff.role === 'admin',
        totp: state.totp,
        passkeys: state.passkeys,
        hasFactor,
        recoveryLeft: state.recoveryLeft,
        enrol,
        codes: extra.codes,
        sessions: await listUserSessions(ctx.db, staff.id, now),
        currentSession: staff.sessionId,
        adminsNeedSecondFactor: await adminsNeedSecondFactor(ctx.db),
        notice: extra.notice,
        error: extra.error,
        formatTime: (iso) => formatDateTime(iso, ctx.t.lang),
      }),
    );
  };

  const audit = (userId: number, action: string, detail = '') =>
    insertAudit(ctx.db, { at: ctx.clock(), userId, action, subjectType: 'user', subjectId: userId, detail });

  adminScope(app, ctx, (admin) => {
    admin.get('/account', async (request, reply) => {
      const notice = {
        required: ctx.t('account.second_factor.required'),
        ended: ctx.t('account.sessions.ended'),
        passkey_removed: ctx.t('account.passkeys.removed'),
        removed: ctx.t('account.second_factor.removed'),
        saved: ctx.t('account.policy.saved'),
      }[queryParam(request, 'enrol') || queryParam(request, 'notice')];
      return page(request, reply, { notice });
    });

    admin.post('/account/second-factor', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      const key = `second-factor:${staff.id}`;
      const wait = await limits.waitMs(key);
      if (wait > 0)
        return page(request, reply, { status: 429, error: ctx.t('admin.login.code_rate_limited', { wait: waitText(wait, ctx.t) }) });
      const codes = await confirmTotp(ctx.db, staff.id, field(formOf(request), 'code').replace(/\s/g, ''), ctx.clock());
      if (!codes) {
        await limits.fail(key, REAUTH_POLICY);
        return page(request, reply, { status: 422, error: ctx.t('account.enrol.wrong_code') });
      }
      await limits.clear(key);
      await audit(staff.id, 'second_factor.enable');
      return page(request, reply, { codes, notice: ctx.t('account.second_factor.enabled') });
    });

    admin.post('/account/passkeys/options', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      const { options, handle } = await passkeyCreationOptions(ctx.db, ctx.config.baseUrl, staff, ctx.clock());
      reply.setCookie(PASSKEY_COOKIE, handle, { path: '/admin', httpOnly: true, sameSite: 'strict', secure, maxAge: 300 });
      return reply.send(options);
    });

    admin.post('/account/passkeys', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      const form = formOf(request);
      let answer: unknown;
      try {
        answer = JSON.parse(field(form, 'credential').slice(0, 100_000));
      } catch {
        answer = undefined;
      }
      reply.clearCookie(PASSKEY_COOKIE, { path: '/admin' });
      const result = await finishPasskeyCreation(
        ctx.db,
        ctx.config.baseUrl,
        staff.id,
        request.cookies[PASSKEY_COOKIE],
        answer,
        field(form, 'name').trim(),
        ctx.clock(),
      );
      if (!result.ok) return page(request, reply, { status: 422, error: ctx.t('account.passkeys.failed') });
      await audit(staff.id, 'second_factor.passkey_add');
      return page(request, reply, { codes: result.codes, notice: ctx.t('account.passkeys.added') });
    });

    admin.post('/account/passkeys/:key/remove', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      const key = String((request.params as Record<string, unknown>).key ?? '');
      const state = await secondFactorState(ctx.db, staff.id);
      if (!state.passkeys.some((k) => k.id === key)) throw new AppError('not_found');
      if (staff.role === 'admin' && !state.totp && state.passkeys.length === 1 && (await adminsNeedSecondFactor(ctx.db))) {
        return page(request, reply, { status: 409, error: ctx.t('account.second_factor.cannot_remove') });
      }
      await removePasskey(ctx.db, staff.id, key);
      await audit(staff.id, 'second_factor.passkey_remove');
      return reply.redirect('/admin/account?notice=passkey_removed', 303);
    });

    admin.post('/account/recovery-codes', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      const codes = await regenerateRecoveryCodes(ctx.db, staff.id);
      if (!codes) throw new AppError('conflict', 'account.second_factor.none');
      await audit(staff.id, 'second_factor.recovery_codes');
      return page(request, reply, { codes });
    });

    admin.post('/account/second-factor/remove', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      const state = await secondFactorState(ctx.db, staff.id);
      if (staff.role === 'admin' && state.passkeys.length === 0 && (await adminsNeedSecondFactor(ctx.db))) {
        return page(request, reply, { status: 409, error: ctx.t('account.second_factor.cannot_remove') });
      }
      await removeTotp(ctx.db, staff.id);
      await audit(staff.id, 'second_factor.remove');
      return reply.redirect('/admin/account?notice=removed', 303);
    });

    admin.post('/account/policy', async (request, reply) => {
      const staff = requireRole(request, ['admin']);
      const required = field(formOf(request), 'admins_need_second_factor') === '1';
      // The administrator who turns the rule on is held to it first: without a second factor they would be
      // sent straight to enrolment, so they enrol before they may require it of others.
      if (required && !(await hasSecondFactor(ctx.db, staff.id))) {
        return page(request, reply, { status: 409, error: ctx.t('account.policy.enrol_first') });
      }
      await setAdminsNeedSecondFactor(ctx.db, required);
      await audit(staff.id, required ? 'second_factor.require' : 'second_factor.optional');
      return reply.redirect('/admin/account?notice=saved', 303);
    });

    admin.post('/account/sessions/:id/end', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      const id = String((request.params as Record<string, unknown>).id ?? '');
      if (!/^[0-9a-f]{64}$/.test(id) || !(await deleteOwnSession(ctx.db, staff.id, id))) throw new AppError('not_found');
      return reply.redirect('/admin/account?notice=ended', 303);
    });

    admin.post('/account/sessions/end-others', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      await deleteOtherSessions(ctx.db, staff.id, staff.sessionId);
      await audit(staff.id, 'sessions.end_others');
      return reply.redirect('/admin/account?notice=ended', 303);
    });

    admin.get('/reauth', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      const next = safeAdminNext(queryParam(request, 'next') || '/admin');
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: ctx.t('account.reauth.title') },
        ReauthPage({ t: ctx.t, csrf: formToken(ctx, request), next, totp: await hasTotp(ctx.db, staff.id) }),
      );
    });

    admin.post('/reauth', async (request, reply) => {
      const staff = requireRole(request, STAFF);
      const form = formOf(request);
      const next = safeAdminNext(field(form, 'next'));
      const given = field(form, 'password').slice(0, 1000);
      const totp = await hasTotp(ctx.db, staff.id);
      const show = (status: number, error: string) =>
        sendAdminPage(
          ctx,
          request,
          reply,
          { title: ctx.t('account.reauth.title'), status },
          ReauthPage({ t: ctx.t, csrf: formToken(ctx, request), next, totp, error }),
        );
      const key = `reauth:${staff.id}`;
      const wait = await limits.waitMs(key);
      if (wait > 0) return show(429, ctx.t('admin.login.code_rate_limited', { wait: waitText(wait, ctx.t) }));
      const user = await findUserWithHashByEmail(ctx.db, staff.email);
      const ok =
        (totp && (await verifySecondFactor(ctx.db, staff.id, given, ctx.clock()))) ||
        (user ? await verifyPassword(given, user.passwordHash) : false);
      if (!ok) {
        await limits.fail(key, REAUTH_POLICY);
        return show(422, ctx.t(totp ? 'account.reauth.wrong_either' : 'account.reauth.wrong_password'));
      }
      await limits.clear(key);
      await markProven(ctx.db, staff.sessionId, ctx.clock());
      return reply.redirect(next, 303);
    });
  });
}
