// Public comment URLs: post and reply (form or fetch), edit, delete, report, like. Every POST needs CSRF.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../platform/errors.js';
import { checkGuard, guardFields } from '../../platform/form-guard.js';
import { csrfBinding, field, formOf, requireCsrf } from '../../platform/forms.js';
import { renderDocument, renderFragment } from '../../platform/render.js';
import { csrfToken, findSessionUser, SESSION_COOKIE, type SessionUser } from '../../platform/session.js';
import type { AppCtx } from '../../platform/app-context.js';
import { articlePath } from '../../platform/editions.js';
import { isPublic } from '../articles/article.js';
import { loadChrome } from '../../platform/chrome.js';
import { parseOrder, type Comment } from './comment.js';
import { findComment, pageOfComment } from './comment-store.js';
import { registerCommentAdminRoutes } from './admin-routes.js';
import { createCommentService, type CommentService, type CommentableArticle } from './moderation-service.js';
import { CommentEditPage, CommentReportPage, CommentRetryPage } from './views/comment-pages.js';
import { CommentItem, ThreadEntry } from './views/comments-block.js';
import { findCommentableArticle } from '../articles/article-store.js';

/** Bot guard for comment forms: a person needs at least this long to write anything. */
const MIN_FILL_MS = 1000;

const wantsJson = (r: FastifyRequest) => (r.headers.accept ?? '').includes('application/json');

function idOf(request: FastifyRequest): number {
  const raw = String((request.params as Record<string, unknown>).id ?? '');
  if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) throw notFound('Comment');
  return Number(raw);
}

/** Registers the comments feature: its service, the public routes and the moderator console. */
export function registerCommentRoutes(app: FastifyInstance, ctx: AppCtx): CommentService {
  const service = createCommentService({
    db: ctx.db,
    clock: ctx.clock,
    t: ctx.t,
    log: ctx.log,
    commentsChanged: ctx.commentsChanged,
    baseUrl: () => ctx.config.baseUrl,
    outboundAllowedHosts: ctx.config.outboundAllowedHosts,
    // Read at each post: the editions are wired after the routes.
    translate: (lang) => ctx.inEdition(lang).t,
  });
  registerPublicRoutes(app, ctx, service);
  registerCommentAdminRoutes(app, ctx, service);
  return service;
}

function registerPublicRoutes(app: FastifyInstance, ctx: AppCtx, service: CommentService): void {
  const { t } = ctx;
  const secret = ctx.config.sessionSecret;

  async function signedIn(request: FastifyRequest): Promise<SessionUser> {
    const u = await findSessionUser(ctx.db, request.cookies[SESSION_COOKIE], ctx.clock());
    if (!u) throw new AppError('unauthorized', t('comments.error.sign_in'));
    return u;
  }

  async function publicArticle(slug: string): Promise<CommentableArticle & { language: string }> {
    const a = await findCommentableArticle(ctx.db, { slug });
    if (!a || !isPublic(a, ctx.clock())) throw notFound('Article');
    return { id: a.id, slug: a.slug, title: a.title, commentsMode: a.commentsMode, language: a.language };
  }

  async function articleOfComment(c: Comment) {
    const a = await findCommentableArticle(ctx.db, { id: c.articleId });
    if (!a || !isPublic(a, ctx.clock())) throw notFound('Comment');
    return { id: a.id, slug: a.slug, title: a.title, commentsMode: a.commentsMode, language: a.language };
  }

  function guardCheck(request: FastifyRequest) {
    const reason = checkGuard(formOf(request), ctx.clock(), secret, MIN_FILL_MS);
    if (reason)
      throw new AppError('validation', t(reason === 'too_fast' ? 'comments.error.too_fast_form' : 'comments.error.guard'), {
        body: t('comments.error.guard'),
      });
  }

  const token = (request: FastifyRequest) => csrfToken(secret, csrfBinding(request) ?? '');
  const guard = () => guardFields(ctx.clock(), secret, t('form.guard.honeypot'));
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);

  // The thread at the article's own address: a redirect to a root address would cost a second one when prefixed.
  async function backTo(
    c: Comment,
    article: { slug: string; language: string },
    viewerId: number,
    order = parseOrder(undefined),
    latest = false,
  ): Promise<string> {
    const page = await pageOfComment(ctx.db, c, order, viewerId, { latest });
    const q = new URLSearchParams();
    if (order !== 'oldest') q.set('order', order);
    if (page > 1) q.set('cpage', String(page));
    const s = q.toString();
    return `${articlePath(article.language, ctx.editions, article.slug)}${s ? `?${s}` : ''}#comment-${c.id}`;
  }

  app.post<{ Params: { slug: string } }>('/articles/:slug/comments', async (request, reply) => {
    requireCsrf(secret, request);
    const user = await signedIn(request);
    const article = await publicArticle(request.params.slug);
    const form = formOf(request);
    const body = field(form, 'body');
    const parentRaw = field(form, 'parent_id');
    const parentId = /^[1-9]\d{0,9}$/.test(parentRaw) ? Number(parentRaw) : undefined;
    try {
      guardCheck(request);
      const result = await service.post(user, article, { body, parentId });
      const c = result.comment;
      if (wantsJson(request)) {
        const viewer = { id: user.id, name: user.name, canPost: true, unconfirmed: false };
        const now = ctx.clock();
        const fragment =
          c.parentId === null
            ? ThreadEntry({
                t: ctx.inEdition(article.language).t,
                lang: article.language,
                slug: article.slug,
                item: { comment: c, replies: [] },
                open: true,
                now,
                viewer,
                csrf: token(request),
                guard: guard(),
              })
            : CommentItem({
                t: ctx.inEdition(article.language).t,
                lang: article.language,
                slug: article.slug,
                comment: c,
                now,
                viewer,
                csrf: token(request),
                guard: guard(),
                replyable: true,
              });
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({
            id: c.id,
            parentId: c.parentId,
            status: result.status,
            message: result.message,
            html: c.parentId === null ? renderFragment(fragment) : `<li>${renderFragment(fragment)}</li>`,
          });
      }
      // A new top-level comment is the newest of its thread; a reply may answer one of any age.
      return reply.redirect(await backTo(c, article, user.id, undefined, c.parentId === null), 303);
    } catch (err) {
      // Without JavaScript the writer sees the form again with the reason and their text kept.
      if (!(err instanceof AppError) || wantsJson(request) || err.code === 'unauthorized' || err.code === 'not_found') throw err;
      const parent = parentId ? await findComment(ctx.db, parentId) : undefined;
      return html(
        reply,
        err.status,
        renderDocument(
          CommentRetryPage({
            t: ctx.inEdition(article.language).t,
            chrome: await loadChrome(ctx.inEdition(article.language), request),
            article,
            csrf: token(request),
            guard: guard(),
            body: body.slice(0, 20_000),
            error: err.message,
            parent: parent && parent.articleId === article.id ? parent : undefined,
          }),
        ),
      );
    }
  });

  app.get('/comments/:id/edit', async (request, reply) => {
    const user = await signedIn(request);
    const c = await findComment(ctx.db, idOf(request));
    if (!c || c.userId !== user.id) throw notFound('Comment');
    const article = await articleOfComment(c);
    return html(
      reply,
      200,
      renderDocument(
        CommentEditPage({
          t: ctx.inEdition(article.language).t,
          chrome: await loadChrome(ctx.inEdition(article.language), request),
          article,
          csrf: token(request),
          guard: guard(),
          comment: c,
          body: c.body,
        }),
      ),
    );
  });

  app.post('/comments/:id/edit', async (request, reply) => {
    requireCsrf(secret, request);
    const user = await signedIn(request);
    const c = await findComment(ctx.db, idOf(request));
    if (!c || c.userId !== user.id) throw notFound('Comment');
    const article = await articleOfComment(c);
    const body = field(formOf(request), 'body');
    try {
      guardCheck(request);
      const result = await service.edit(user, article, c.id, body);
      if (wantsJson(request)) return reply.send({ id: c.id, status: result.status, message: result.message });
      return reply.redirect(await backTo(result.comment, article, user.id), 303);
    } catch (err) {
      if (!(err instanceof AppError) || wantsJson(request) || err.code === 'not_found') throw err;
      return html(
        reply,
        err.status,
        renderDocument(
          CommentEditPage({
            t: ctx.inEdition(article.language).t,
            chrome: await loadChrome(ctx.inEdition(article.language), request),
            article,
            csrf: token(request),
            guard: guard(),
            comment: c,
            body: body.slice(0, 20_000),
            error: err.message,
          }),
        ),
      );
    }
  });

  app.post('/comments/:id/delete', async (request, reply) => {
    requireCsrf(secret, request);
    const user = await signedIn(request);
    const c = await findComment(ctx.db, idOf(request));
    if (!c) throw notFound('Comment');
    const article = await articleOfComment(c);
    const done = await service.remove(user, c.id);
    if (wantsJson(request)) return reply.send({ id: c.id, status: done.status });
    return reply.redirect(await backTo(done, article, user.id), 303);
  });

  app.get('/comments/:id/report', async (request, reply) => {
    await signedIn(request);
    const c = await findComment(ctx.db, idOf(request));
    if (!c || c.status !== 'published') throw notFound('Comment');
    const article = await articleOfComment(c);
    return html(
      reply,
      200,
      renderDocument(
        CommentReportPage({
          t: ctx.inEdition(article.language).t,
          chrome: await loadChrome(ctx.inEdition(article.language), request),
          article,
          csrf: token(request),
          comment: c,
        }),
      ),
    );
  });

  app.post('/comments/:id/report', async (request, reply) => {
    requireCsrf(secret, request);
    const user = await signedIn(request);
    const c = await findComment(ctx.db, idOf(request));
    if (!c || c.status !== 'published') throw notFound('Comment');
    const article = await articleOfComment(c);
    try {
      const fresh = await service.report(user, c.id, field(formOf(request), 'reason'));
      if (wantsJson(request)) return reply.send({ id: c.id, reported: true, first: fresh });
      return html(
        reply,
        200,
        renderDocument(
          CommentReportPage({
            t: ctx.inEdition(article.language).t,
            chrome: await loadChrome(ctx.inEdition(article.language), request),
            article,
            csrf: token(request),
            comment: c,
            done: true,
          }),
        ),
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || wantsJson(request)) throw err;
      return html(
        reply,
        422,
        renderDocument(
          CommentReportPage({
            t: ctx.inEdition(article.language).t,
            chrome: await loadChrome(ctx.inEdition(article.language), request),
            article,
            csrf: token(request),
            comment: c,
            error: err.message,
          }),
        ),
      );
    }
  });

  app.post('/comments/:id/like', async (request, reply) => {
    requireCsrf(secret, request);
    const user = await signedIn(request);
    const c = await findComment(ctx.db, idOf(request));
    if (!c) throw notFound('Comment');
    const article = await articleOfComment(c);
    const result = await service.like(user, c.id);
    if (wantsJson(request)) return reply.send(result);
    return reply.redirect(await backTo(c, article, user.id), 303);
  });
}
