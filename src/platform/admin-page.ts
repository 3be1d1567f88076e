// Small helpers shared by the admin areas: sending a page inside AdminLayout and reading ids from paths.
import type { ComponentChildren } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { renderDocument } from './render.js';
import type { AppCtx } from './app-context.js';
import { formToken } from './admin-scope.js';
import { AdminLayout } from './ui/admin-layout.js';

export interface AdminPageOpts {
  title: string;
  current?: string;
  status?: number;
  scripts?: string[];
}

/** Sends a staff page: the layout around `children`, never cached. */
export async function sendAdminPage(
  ctx: AppCtx,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: AdminPageOpts,
  children: ComponentChildren,
) {
  const badges = request.staff ? await ctx.adminBadges(request.staff) : undefined;
  const html = renderDocument(
    AdminLayout({
      t: ctx.t,
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
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) throw new AppError('not_found');
  const n = Number(raw);
  if (n > 2_147_483_647) throw new AppError('not_found');
  return n;
}

/** One query-string parameter as a string ('' when absent or repeated oddly). */
export function queryParam(request: FastifyRequest, name: string): string {
  const v = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
}
