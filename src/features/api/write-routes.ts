// The write side, for apps acting for a signed-in reader (a reader access token): comments through the same
// moderation as the site, likes and reports, event registration through the same service (capacity, waiting
// list, mails).
import type { FastifyRequest } from 'fastify';
import type { AppCtx } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import type { SessionUser } from '../../platform/session.js';
import { isPublic } from '../articles/article.js';
import { findCommentableArticle } from '../articles/article-store.js';
import { MAX_BODY, MAX_REASON } from '../comments/comment.js';
import type { CommentService } from '../comments/moderation-service.js';
import { isVisible } from '../events/event.js';
import { findEventById } from '../events/event-store.js';
import { parseRegistration, REGISTRATION_LIMITS, registrationValuesOf } from '../events/registration.js';
import { registrationServiceFor } from '../events/registration-jobs.js';
import { findActiveByEmail, listQuestions } from '../events/registration-store.js';
import { findReaderById } from '../readers/reader-store.js';
import { ID, params, type ApiRoute } from './api-route.js';
import { callerOf } from './read-routes.js';
import { commentJson } from './representations.js';
import { ref } from './schemas.js';

const obj = (properties: Record<string, unknown>, required: string[] = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/** Builds the write routes over the site's own comment service. */
export function writeRoutes(ctx: AppCtx, comments: CommentService): ApiRoute[] {
  const { db } = ctx;
  const registrations = registrationServiceFor(ctx);

  /** The reader the token acts for; a partner key alone acts for nobody. */
  async function readerOf(request: FastifyRequest): Promise<SessionUser> {
    const userId = callerOf(request).userId;
    if (userId === undefined)
      throw new AppError('forbidden', 'This endpoint acts for a reader: use a reader access token (OAuth), not a partner key.');
    const r = await findReaderById(db, userId);
    if (!r || r.disabled || r.deletedAt) throw new AppError('unauthorized', 'The reader’s account is closed.');
    return { id: r.id, email: r.email, name: r.name, role: r.role, sessionId: '' };
  }
  const idOf = (request: FastifyRequest) => (request.params as { id: number }).id;

  const me: ApiRoute = {
    method: 'GET',
    url: '/me',
    operationId: 'getMe',
    tag: 'Readers',
    scope: 'read',
    summary: 'The reader a reader access token acts for',
    response: obj({ id: { type: 'integer' }, name: { type: 'string' }, scopes: { type: 'array', items: { type: 'string' } } }),
    async handler(request) {
      if (callerOf(request).userId === undefined) throw new AppError('unauthorized', 'Send a reader access token.');
      const r = await readerOf(request);
      return { id: r.id, name: r.name, scopes: [...callerOf(request).scopes] };
    },
  };

  const postComment: ApiRoute = {
    method: 'POST',
    url: '/articles/:id/comments',
    operationId: 'postComment',
    tag: 'Comments',
    scope: 'comments:write',
    status: 201,
    summary: 'Post a comment or a reply for the reader, through the same moderation as the site',
    description: '`status` says whether it shows now (published) or waits for a moderator (pending); `message` is for the reader.',
    params: params({ id: ID }, ['id']),
    body: obj({ body: { type: 'string', minLength: 1, maxLength: MAX_BODY }, parent_id: { ...ID, description: 'The comment answered' } }, [
      'body',
    ]),
    response: obj({ comment: ref('Comment'), status: { enum: ['published', 'pending', 'rejected'] }, message: { type: 'string' } }),
    async handler(request) {
      const user = await readerOf(request);
      const a = await findCommentableArticle(db, { id: idOf(request) });
      if (!a || !isPublic({ status: a.status, publishedAt: a.publishedAt }, ctx.clock()))
        throw new AppError('not_found', 'No published article has this id.');
      const b = request.body as { body: string; parent_id?: number };
      const r = await comments.post(user, a, { body: b.body, parentId: b.parent_id });
      return { comment: commentJson(r.comment), status: r.status, message: r.message };
    },
  };

  const like: ApiRoute = {
    method: 'POST',
    url: '/comments/:id/like',
    operationId: 'likeComment',
    tag: 'Comments',
    scope: 'comments:write',
    summary: 'Like a published comment for the reader, or take the like back (a toggle)',
    params: params({ id: ID }, ['id']),
    response: obj({ liked: { type: 'boolean' }, likes: { type: 'integer' } }),
    async handler(request) {
      const r = await comments.like(await readerOf(request), idOf(request));
      return { liked: r.liked, likes: r.count };
    },
  };

  const report: ApiRoute = {
    method: 'POST',
    url: '/comments/:id/reports',
    operationId: 'reportComment',
    tag: 'Comments',
    scope: 'comments:write',
    status: 201,
    summary: 'Report a published comment to the moderators, with a reason',
    params: params({ id: ID }, ['id']),
    body: obj({ reason: { type: 'string', minLength: 1, maxLength: MAX_REASON } }),
    response: obj({ reported: { type: 'boolean', description: 'false when the reader had reported it already' } }),
    async handler(request) {
      const reported = await comments.report(await readerOf(request), idOf(request), (request.body as { reason: string }).reason);
      return { reported };
    },
  };

  const REGISTRATION = obj({
    id: { type: 'integer' },
    event_id: { type: 'integer' },
    status: { enum: ['pending', 'confirmed', 'waitlisted', 'offered', 'rejected', 'cancelled', 'expired'] },
    waitlist_position: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
  });
  const short = { type: 'string', maxLength: REGISTRATION_LIMITS.short };
  const register: ApiRoute = {
    method: 'POST',
    url: '/events/:id/registration',
    operationId: 'register',
    tag: 'Events',
    scope: 'registrations:write',
    status: 201,
    summary: 'Register the reader for an event: confirmed while places last, else on the waiting list (or pending approval)',
    description:
      'Under the reader’s account address, with the same mails as the site. `answers` maps question ids to answers (checkboxes: "yes"). ' +
      'When the event has terms of participation, `accept_terms` must be true. 409 when registration is closed or the reader is registered already.',
    params: params({ id: ID }, ['id']),
    body: obj(
      {
        name: { type: 'string', maxLength: REGISTRATION_LIMITS.name, description: 'Defaults to the account name' },
        organisation: short,
        position: short,
        country: { type: 'string', pattern: '^([A-Z]{2})?$' },
        answers: {
          type: 'object',
          additionalProperties: { type: 'string', maxLength: REGISTRATION_LIMITS.answer },
          propertyNames: { pattern: '^[0-9]{1,9}$' },
        },
        accept_terms: { type: 'boolean' },
      },
      [],
    ),
    response: REGISTRATION,
    async handler(request) {
      const user = await readerOf(request);
      const e = await findEventById(db, idOf(request));
      if (!e || !isVisible(e)) throw new AppError('not_found', 'No public event has this id.');
      const b = request.body as {
        name?: string;
        organisation?: string;
        position?: string;
        country?: string;
        answers?: Record<string, string>;
        accept_terms?: boolean;
      };
      const questions = await listQuestions(db, e.id);
      const form: Record<string, unknown> = {
        name: b.name ?? user.name,
        email: user.email,
        organisation: b.organisation ?? '',
        position: b.position ?? '',
        country: b.country ?? '',
        terms: b.accept_terms ? 'yes' : '',
      };
      for (const [k, v] of Object.entries(b.answers ?? {})) form[`q_${k}`] = v;
      const { input, errors } = parseRegistration(registrationValuesOf(form, questions), questions, Boolean(e.termsMd.trim()), ctx.t);
      if (!input) {
        const fields: Record<string, string> = {};
        for (const [k, v] of Object.entries(errors))
          fields[k === 'terms' ? 'accept_terms' : k.startsWith('q_') ? `answers/${k.slice(2)}` : k] = v;
        throw new AppError('validation', 'The registration is not complete.', fields);
      }
      const { registration: r } = await registrations.register(e.id, input, { userId: user.id, termsAccepted: Boolean(b.accept_terms) });
      return { id: r.id, event_id: r.eventId, status: r.status, waitlist_position: r.waitlistPosition };
    },
  };

  const cancel: ApiRoute = {
    method: 'DELETE',
    url: '/events/:id/registration',
    operationId: 'cancelRegistration',
    tag: 'Events',
    scope: 'registrations:write',
    summary: "Cancel the reader's registration; the place goes to the waiting list as on the site",
    params: params({ id: ID }, ['id']),
    response: obj({ cancelled: { type: 'boolean' } }),
    async handler(request) {
      const user = await readerOf(request);
      const e = await findEventById(db, idOf(request));
      if (!e || !isVisible(e)) throw new AppError('not_found', 'No public event has this id.');
      const r = await findActiveByEmail(db, e.id, user.email);
      if (!r) throw new AppError('not_found', 'The reader has no active registration for this event.');
      return { cancelled: await registrations.cancel(e.id, r.id) };
    },
  };

  return [me, postComment, like, report, register, cancel];
}
