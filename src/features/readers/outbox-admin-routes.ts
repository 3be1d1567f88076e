// /admin/outbox: the mail written to disk when no SMTP server is configured, for admins only.
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { AppCtx } from '../../platform/app-context.js';
import { sendAdminPage } from '../../platform/admin-page.js';
import { adminScope, requireRole } from '../../platform/admin-scope.js';
import { listOutbox, readOutboxMessage } from './outbox.js';
import { OutboxList, OutboxMessageView } from './views/outbox-pages.js';

/** Registers the outbox list and the message view. */
export function registerOutboxAdminRoutes(app: FastifyInstance, ctx: AppCtx): void {
  // With SMTP configured the folder only holds what was filed before; still worth showing.
  const dir = () => ctx.mailer.outboxDir ?? join(ctx.config.dataDir, 'outbox');
  const smtp = () => ctx.mailer.outboxDir === undefined;

  adminScope(app, ctx, (admin) => {
    admin.get('/outbox', async (request, reply) => {
      requireRole(request, ['admin']);
      const { entries, total } = listOutbox(dir());
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: ctx.t('admin.outbox.title'), current: 'outbox' },
        OutboxList({ t: ctx.t, entries, total, smtp: smtp() }),
      );
    });

    admin.get('/outbox/:name', async (request, reply) => {
      requireRole(request, ['admin']);
      const name = String((request.params as Record<string, unknown>).name ?? '');
      const msg = readOutboxMessage(dir(), name);
      if (!msg) throw new AppError('not_found', ctx.t('admin.outbox.not_found'));
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: ctx.t('admin.outbox.message_title'), current: 'outbox' },
        OutboxMessageView({ t: ctx.t, message: msg }),
      );
    });
  });
}
