// Public registration URLs: the form on the event page, the participant's manage page, cancel and accept an offer.
import { messageKey } from '../../platform/i18n/index.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../platform/errors.js';
import { checkGuard, guardFields } from '../../platform/form-guard.js';
import { csrfBinding, formOf, requireCsrf } from '../../platform/forms.js';
import { renderDocument, sendWithValidators } from '../../platform/render.js';
import { csrfToken, ensureVisitor, findSessionUser, SESSION_COOKIE } from '../../platform/session.js';
import type { AppCtx } from '../../platform/app-context.js';
import { loadChrome } from '../../platform/chrome.js';
import { isUpcoming, isVisible, type Event } from './event.js';
import { findEventBySlug, listEventArticles } from './event-store.js';
import { hasCalendarTime } from './ics.js';
import { registrationServiceFor } from './registration-jobs.js';
import { countTakenPlaces, findRegistrationByTokenHash, findSettings, listQuestions } from './registration-store.js';
import {
  emptyRegistrationValues,
  parseRegistration,
  registrationState,
  registrationValuesOf,
  type RegistrationFormValues,
} from './registration.js';
import { tokenHash } from './registration-service.js';
import { EventPage } from './views/event-page.js';
import { RegistrationPage } from './views/registration-page.js';
import { RegistrationSection } from './views/registration-section.js';

const TOKEN_RE = /^[A-Za-z0-9_-]{20,100}$/;
const NOTICES = ['registered', 'cancelled', 'accepted'] as const;

/** The registration context of an event: settings, questions, state at `now`. */
export async function registrationContext(ctx: AppCtx, e: Event) {
  const now = ctx.clock();
  const [settings, questions, taken] = await Promise.all([
    findSettings(ctx.db, e.id),
    listQuestions(ctx.db, e.id),
    countTakenPlaces(ctx.db, [e.id]),
  ]);
  const state = registrationState(e, settings, taken.get(e.id) ?? 0, now, !isUpcoming(e, now));
  return { settings, questions, state };
}

/** Renders the event page with its registration section, never from the shared cache (it carries a form token and live places). */
export async function sendEventPageWithRegistration(
  ctx: AppCtx,
  request: FastifyRequest,
  reply: FastifyReply,
  e: Event,
  o: { values?: RegistrationFormValues; errors?: Record<string, string>; problem?: string; status?: number } = {},
) {
  const [chrome, reg] = await Promise.all([loadChrome(ctx, request), registrationContext(ctx, e)]);
  const articles = await listEventArticles(ctx.db, e.id, ctx.clock(), chrome.site.language);
  const user = await findSessionUser(ctx.db, request.cookies[SESSION_COOKIE], ctx.clock());
  const formShown = reg.state.kind === 'open' || reg.state.kind === 'waitlist';
  let form;
  if (formShown) {
    ensureVisitor(request, reply, ctx.config.baseUrl.startsWith('https:'));
    form = {
      csrf: csrfToken(ctx.config.sessionSecret, csrfBinding(request) ?? ''),
      guard: guardFields(ctx.clock(), ctx.config.sessionSecret, ctx.t('registration.honeypot')),
      values: o.values ?? emptyRegistrationValues(user),
      errors: o.errors,
      problem: o.problem,
      signedIn: Boolean(user),
    };
  }
  const lang = chrome.site.language;
  const section = RegistrationSection({
    t: ctx.t,
    slug: e.slug,
    timezone: e.timezone,
    lang,
    state: reg.state,
    settings: reg.settings,
    questions: reg.questions,
    hasTerms: Boolean(e.termsMd.trim()),
    form,
  });
  const body = renderDocument(EventPage({ t: ctx.t, chrome, event: e, articles, registration: section, registrationState: reg.state }));
  reply.header('cache-control', 'private, no-cache').header('vary', 'Cookie');
  return sendWithValidators(request, reply, body, { status: o.status ?? 200 });
}

/** Registers the public registration routes. */
export function registerRegistrationRoutes(app: FastifyInstance, ctx: AppCtx): void {
  const { t } = ctx;
  const service = registrationServiceFor(ctx);

  async function visibleEvent(slug: string): Promise<Event> {
    const e = await findEventBySlug(ctx.db, slug);
    if (!e || !isVisible(e)) throw notFound('Event');
    return e;
  }

  async function byToken(slug: string, token: string) {
    const e = await visibleEvent(slug);
    if (!TOKEN_RE.test(token)) throw notFound('Registration');
    const r = await findRegistrationByTokenHash(ctx.db, tokenHash(token));
    if (!r || r.eventId !== e.id) throw notFound('Registration');
    return { e, r };
  }

  app.post<{ Params: { slug: string } }>('/events/:slug/register', async (request, reply) => {
    const e = await visibleEvent(request.params.slug);
    requireCsrf(ctx.config.sessionSecret, request);
    const form = formOf(request);
    const questions = await listQuestions(ctx.db, e.id);
    const values = registrationValuesOf(form, questions);
    const guard = checkGuard(form, ctx.clock(), ctx.config.sessionSecret);
    if (guard) {
      return sendEventPageWithRegistration(ctx, request, reply, e, {
        values,
        status: 422,
        problem: t(guard === 'too_fast' ? 'registration.error.too_fast' : 'registration.error.guard'),
      });
    }
    const { input, errors } = parseRegistration(values, questions, Boolean(e.termsMd.trim()), t);
    if (!input) return sendEventPageWithRegistration(ctx, request, reply, e, { values, errors, status: 422 });
    const user = await findSessionUser(ctx.db, request.cookies[SESSION_COOKIE], ctx.clock());
    try {
      const { token } = await service.register(e.id, input, { userId: user?.id ?? null, termsAccepted: values.terms });
      return reply.redirect(`/events/${e.slug}/registration/${token}?notice=registered`, 303);
    } catch (err) {
      if (err instanceof AppError && (err.code === 'conflict' || err.code === 'validation')) {
        return sendEventPageWithRegistration(ctx, request, reply, e, {
          values,
          errors: err.fields,
          problem: err.message,
          status: err.status,
        });
      }
      throw err;
    }
  });

  const manage = async (
    request: FastifyRequest<{ Params: { slug: string; token: string } }>,
    reply: FastifyReply,
    o: { problem?: string; status?: number } = {},
  ) => {
    const { e, r } = await byToken(request.params.slug, request.params.token);
    ensureVisitor(request, reply, ctx.config.baseUrl.startsWith('https:'));
    const n = (request.query as Record<string, unknown>)?.notice;
    const notice =
      typeof n === 'string' && (NOTICES as readonly string[]).includes(n) ? t(messageKey(`registration.notice.${n}`)) : undefined;
    const chrome = await loadChrome(ctx, request);
    const body = renderDocument(
      RegistrationPage({
        t,
        chrome,
        event: e,
        registration: r,
        token: request.params.token,
        csrf: csrfToken(ctx.config.sessionSecret, csrfBinding(request) ?? ''),
        notice: o.problem ? undefined : notice,
        problem: o.problem,
        hasIcs: hasCalendarTime(e),
      }),
    );
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    return reply
      .code(o.status ?? 200)
      .type('text/html; charset=utf-8')
      .send(body);
  };

  app.get<{ Params: { slug: string; token: string } }>('/events/:slug/registration/:token', (request, reply) => manage(request, reply));

  for (const action of ['cancel', 'accept'] as const) {
    app.post<{ Params: { slug: string; token: string } }>(`/events/:slug/registration/:token/${action}`, async (request, reply) => {
      const { e, r } = await byToken(request.params.slug, request.params.token);
      requireCsrf(ctx.config.sessionSecret, request);
      try {
        if (action === 'cancel') {
          if (!(await service.cancel(e.id, r.id))) throw new AppError('conflict', t('registration.error.not_active'));
        } else await service.acceptOffer(e.id, r.id);
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict') return manage(request, reply, { problem: err.message, status: 409 });
        throw err;
      }
      return reply.redirect(
        `/events/${e.slug}/registration/${request.params.token}?notice=${action === 'cancel' ? 'cancelled' : 'accepted'}`,
        303,
      );
    });
  }
}
