// /admin/facts: editors review what the knowledge engine extracted. Every action is a CSRF-checked
// POST (adminScope), audited, and followed by a content change so public pages refresh.
import { messageKey } from '../../platform/i18n/index.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inTransaction } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { field, formOf } from '../../platform/forms.js';
import type { Role } from '../../platform/session.js';
import { parsePage } from '../../platform/ui/pagination.js';
import { adminScope, formToken, requireRole } from '../../platform/admin-scope.js';
import { idParam, sendAdminPage } from '../../platform/admin-page.js';
import type { AppCtx } from '../../platform/app-context.js';
import { insertAudit } from '../audit/audit-store.js';
import { applyCorrection, argInputValue, FACT_STATUSES, FACT_TYPES, type FactStatus } from './dossier.js';
import { entityRefs, findEntities, findFact, linkFactEntities, listFactsForReview, updateFactDecision } from './dossier-store.js';
import { FactsAdminPage } from './views/facts-admin-page.js';

/** Who may review facts. */
export const FACT_REVIEW_ROLES: Role[] = ['admin', 'editor'];
const PER_PAGE = 50;

function backOf(raw: string): string {
  return /^\/admin\/facts(\?[^\s]*)?$/.test(raw) && !raw.startsWith('//') ? raw : '/admin/facts';
}

function withNotice(back: string, notice: string): string {
  const u = new URL(back, 'http://x');
  u.searchParams.set('notice', notice);
  return u.pathname + u.search;
}

/** Registers the review list and its actions. */
export function registerFactAdminRoutes(app: FastifyInstance, ctx: AppCtx): void {
  async function showList(
    request: FastifyRequest,
    reply: FastifyReply,
    error?: { factId: number; arg: string; value: string; message: string },
    backUrl?: string,
  ) {
    const url = new URL(backUrl ?? request.url, 'http://x');
    const q = url.searchParams;
    const rawStatus = q.get('status') ?? 'review';
    const status = (FACT_STATUSES as string[]).includes(rawStatus) ? (rawStatus as FactStatus) : '';
    const type = (FACT_TYPES as readonly string[]).includes(q.get('type') ?? '') ? q.get('type')! : '';
    const articleRaw = (q.get('article') ?? '').trim();
    const articleId = /^[1-9]\d{0,9}$/.test(articleRaw) && Number(articleRaw) <= 2_147_483_647 ? Number(articleRaw) : undefined;
    const page = parsePage(q.get('page'));
    const { items, total } = await listFactsForReview(ctx.db, {
      status: status || undefined,
      type: type || undefined,
      articleId,
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    const names = await entityRefs(ctx.db, items);
    const query: Record<string, string> = {
      status: status || 'all',
      ...(type ? { type } : {}),
      ...(articleId ? { article: String(articleId) } : {}),
    };
    const back = `/admin/facts?${new URLSearchParams({ ...query, ...(page > 1 ? { page: String(page) } : {}) })}`;
    const notice = q.get('notice');
    const noticeText =
      notice && ['confirmed', 'rejected', 'corrected'].includes(notice) ? ctx.t(messageKey(`admin.facts.notice.${notice}`)) : undefined;
    return sendAdminPage(
      ctx,
      request,
      reply,
      { title: status === 'review' ? ctx.t('admin.facts.queue') : ctx.t('admin.facts.title'), current: 'facts', status: error ? 422 : 200 },
      FactsAdminPage({
        t: ctx.t,
        csrf: formToken(ctx, request),
        filter: { status, type, article: articleId ? String(articleId) : '' },
        items,
        total,
        info: { page, pages: Math.max(1, Math.ceil(total / PER_PAGE)), basePath: '/admin/facts', query },
        names,
        back,
        notice: noticeText,
        error,
        prefixed: ctx.editions.prefixed,
      }),
    );
  }

  async function decide(request: FastifyRequest, reply: FastifyReply, status: 'confirmed' | 'rejected') {
    const user = requireRole(request, FACT_REVIEW_ROLES);
    const id = idParam(request);
    const back = backOf(field(formOf(request), 'back'));
    const now = ctx.clock();
    await inTransaction(ctx.db, async (tx) => {
      const fact = await findFact(tx, id);
      if (!fact) throw new AppError('not_found', 'Fact not found');
      await updateFactDecision(tx, id, status, undefined, now);
      await insertAudit(tx, {
        at: now,
        userId: user.id,
        action: status === 'confirmed' ? 'fact.confirm' : 'fact.reject',
        subjectType: 'fact',
        subjectId: id,
        detail: `${fact.type} in article ${fact.articleId}: ${fact.evidence.text.slice(0, 200)}`,
      });
    });
    ctx.contentChanged();
    return reply.redirect(withNotice(back, status), 303);
  }

  adminScope(app, ctx, (admin) => {
    admin.get('/facts', async (request, reply) => {
      requireRole(request, FACT_REVIEW_ROLES);
      return showList(request, reply);
    });

    admin.post('/facts/:id/confirm', (request, reply) => decide(request, reply, 'confirmed'));
    admin.post('/facts/:id/reject', (request, reply) => decide(request, reply, 'rejected'));

    admin.post('/facts/:id/correct', async (request, reply) => {
      const user = requireRole(request, FACT_REVIEW_ROLES);
      const id = idParam(request);
      const form = formOf(request);
      const back = backOf(field(form, 'back'));
      const arg = field(form, 'arg').slice(0, 100);
      const value = field(form, 'value');
      const fact = await findFact(ctx.db, id);
      if (!fact) throw new AppError('not_found', 'Fact not found');
      const fail = (message: string) => showList(request, reply, { factId: id, arg, value: value.slice(0, 500), message }, back);
      const result = applyCorrection(fact.type, fact.args, arg, value);
      if (!result.ok) return fail(ctx.t(messageKey(result.error), result.vars));
      const known = await findEntities(ctx.db, result.entityIds);
      const missing = result.entityIds.find((x) => !known.has(x));
      if (missing) return fail(ctx.t('admin.facts.error.unknown_entity', { id: missing }));
      const now = ctx.clock();
      await inTransaction(ctx.db, async (tx) => {
        await updateFactDecision(tx, id, 'corrected', result.args, now);
        await linkFactEntities(tx, [{ ...fact, args: result.args, status: 'corrected' }]);
        await insertAudit(tx, {
          at: now,
          userId: user.id,
          action: 'fact.correct',
          subjectType: 'fact',
          subjectId: id,
          detail: `${fact.type}.${arg}: ${argInputValue(fact.args[arg])} → ${argInputValue(result.args[arg]) || '(removed)'}`,
        });
      });
      ctx.contentChanged();
      return reply.redirect(withNotice(back, 'corrected'), 303);
    });
  });
}
