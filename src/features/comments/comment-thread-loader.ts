// What the article page needs from comments, loaded: the count, the thread's props for this visitor, and its last
// change. The page renders the thread with views/comments-block.tsx (decision 002: a loader and a block).
import type { FastifyRequest } from 'fastify';
import { csrfBinding } from '../../platform/forms.js';
import { guardFields } from '../../platform/form-guard.js';
import { csrfToken, findSessionUser, SESSION_COOKIE } from '../../platform/session.js';
import type { AppCtx } from '../../platform/app-context.js';
import { articlePath } from '../../platform/editions.js';
import { readerCanComment } from '../readers/reader.js';
import { parseOrder } from './comment.js';
import { findCommenter, likedBy, listThread, threadSummary } from './comment-store.js';
import type { CommentsBlockProps, Viewer } from './views/comments-block.js';

/** The signed-in visitor as the thread sees them, or undefined. */
export async function commentViewer(ctx: AppCtx, request: FastifyRequest): Promise<Viewer | undefined> {
  const session = await findSessionUser(ctx.db, request.cookies[SESSION_COOKIE], ctx.clock());
  if (!session) return undefined;
  const who = await findCommenter(ctx.db, session.id);
  if (!who) return undefined;
  const canPost = readerCanComment(who);
  return { id: who.id, name: who.name, canPost, unconfirmed: !canPost && who.role === 'reader' && !who.emailConfirmedAt && !who.deletedAt };
}

/** The comments of an article for its page: count, the block's props (none when comments are off) and the newest change. */
export async function loadCommentThread(
  ctx: AppCtx,
  request: FastifyRequest,
  article: { id: number; slug: string; language: string; commentsMode: 'on' | 'off' | 'closed' },
  lang: string,
): Promise<{ count: number; block?: CommentsBlockProps; lastChange?: string }> {
  if (article.commentsMode === 'off') return { count: 0 };
  const q = (request.query ?? {}) as Record<string, unknown>;
  const order = parseOrder(q.order);
  const page = Number.isInteger(Number(q.cpage)) && Number(q.cpage) >= 1 && Number(q.cpage) <= 1_000_000 ? Number(q.cpage) : 1;
  // Only a request with a session cookie can be personal; anonymous pages stay shareable in the cache.
  const viewer = request.headers.cookie?.includes(`${SESSION_COOKIE}=`) ? await commentViewer(ctx, request) : undefined;
  const [{ count, lastChange }, thread] = await Promise.all([
    threadSummary(ctx.db, article.id),
    listThread(ctx.db, { articleId: article.id, order, page, viewerId: viewer?.id }),
  ]);
  const ids = thread.items.flatMap((i) => [i.comment.id, ...i.replies.map((r) => r.id)]);
  const liked = viewer ? await likedBy(ctx.db, viewer.id, ids) : undefined;
  const now = ctx.clock();
  const binding = viewer ? csrfBinding(request) : undefined;
  const block: CommentsBlockProps = {
    t: ctx.t,
    lang,
    article,
    items: thread.items,
    order,
    page: thread.page,
    pages: thread.pages,
    now,
    viewer,
    liked,
    csrf: binding ? csrfToken(ctx.config.sessionSecret, binding) : undefined,
    guard: viewer?.canPost ? guardFields(now, ctx.config.sessionSecret, ctx.t('form.guard.honeypot')) : undefined,
    base: ctx.edition.prefix,
    path: articlePath(article.language, ctx.editions, article.slug),
  };
  return { count, block, lastChange };
}
