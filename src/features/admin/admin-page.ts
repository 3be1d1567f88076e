// Small helpers shared by the admin areas: sending a page inside AdminLayout and reading ids from paths.
import type { ComponentChildren } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { renderDocument } from '../../platform/render.js';
import type { AppCtx } from '../app-context.js';
import { queueCounts } from '../comments/comment-store.js';
import { formToken } from './admin-scope.js';
import { AdminLayout } from './views/admin-layout.js';

export interface AdminPageOpts {
  title: string;
  current?: string;
  status?: number;
  scripts?: string[];
}

/** Roles who see the comment queues in the header. */
const QUEUE_ROLES = ['admin', 'editor', 'moderator'];

/** Sends a staff page: the layout around `children`, never cached. */
export async function sendAdminPage(
  ctx: AppCtx,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: AdminPageOpts,
  children: ComponentChildren,
) {
  const counts = request.staff && QUEUE_ROLES.includes(request.staff.role) ? await queueCounts(ctx.db) : undefined;
  const badges = counts
    ? [
        { label: ctx.t('comments.admin.queue.pending'), href: '/admin/comments?queue=pending', count: counts.pending },
        { label: ctx.t('comments.admin.queue.reported'), href: '/admin/comments?queue=reported', count: counts.reported },
      ]
    : undefined;
  const html = renderDocument(
    AdminLayout({
      title: opts.title,
      user: request.staff,
      csrf: formToken(ctx, request),
      current: opts.current,
      scripts: opts.scripts,
      badges,
      children,
    }),
  );
  return reply
    .code(opts.status ?? 200)
    .type('text/html; charset=utf-8')
    .send(html);
}

/** A positive integer id from a path parameter; anything else is a 404. */
export function idParam(request: FastifyRequest, name = 'id'): number {
  const raw = String((request.params as Record<string, unknown>)[name] ?? '');
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) throw new AppError('not_found', 'Page not found');
  const n = Number(raw);
  if (n > 2_147_483_647) throw new AppError('not_found', 'Page not found');
  return n;
}

/** One query-string parameter as a string ('' when absent or repeated oddly). */
export function queryParam(request: FastifyRequest, name: string): string {
  const v = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
}
