// /admin/import: an editor uploads a WordPress or Ghost export; it is imported in the background while its
// page (/admin/import/runs/:id) shows how far it has come, then what was imported and skipped.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { idParam, sendAdminPage } from '../../platform/admin-page.js';
import type { AppCtx } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { insertAudit } from '../audit/audit-store.js';
import type { PublishingService } from '../articles/publishing-service.js';
import type { MediaLibrary } from '../media/media-library.js';
import { acceptUploads, filesOf, UPLOAD_LIMITS } from '../media/multipart.js';
import type { ForeignImportReport } from './foreign-import.js';
import { GhostError, importGhost } from './ghost-import.js';
import { findImportRun, finishImportRun, type ImportRun, insertImportRun, updateImportRunProgress } from './import-run-store.js';
import { importWordPress } from './wordpress-import.js';
import { WxrError } from './wxr-reader.js';
import { ImportPage } from './views/import-page.js';
import { ImportRunBlock, importRunStatus } from './views/import-run-block.js';

/** A run that has told nothing for this long was stopped with its process (a restart): it will not finish. */
const STALLED_MS = 10 * 60_000;
/** Progress is written at most this often (and whenever the total changes). */
const PROGRESS_EVERY_MS = 250;

/** Registers the import page, its form and the pages of the imports it starts. */
export function registerImportRoutes(app: FastifyInstance, ctx: AppCtx, library: MediaLibrary, publishing: PublishingService): void {
  const { t } = ctx;
  // Imports under way in this process: closing the app waits for them, so none is cut off halfway.
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  /** Imports the file in the background, writing its progress and then its report (or refusal) to the run. */
  function start(
    runId: number,
    platform: 'wordpress' | 'ghost',
    file: { name: string; data: Buffer },
    opts: { userId: number | null; allDrafts: boolean },
  ): void {
    const task = (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'chancery-upload-'));
      let writes = Promise.resolve();
      let last = 0;
      let lastTotal = -1;
      const onProgress = (done: number, total: number, label: string) => {
        const now = Date.now();
        if (total === lastTotal && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        lastTotal = total;
        writes = writes.then(() => updateImportRunProgress(ctx.db, runId, { done, total, label }, ctx.clock()));
      };
      try {
        const path = join(dir, platform === 'ghost' ? 'export.json' : 'export.xml');
        await writeFile(path, file.data);
        const deps = { db: ctx.db, clock: ctx.clock, publishing, media: library, allDrafts: opts.allDrafts };
        const report = platform === 'ghost' ? await importGhost(path, deps, onProgress) : await importWordPress(path, deps, onProgress);
        await writes;
        await insertAudit(ctx.db, {
          userId: opts.userId,
          action: 'import.run',
          subjectType: 'import',
          subjectId: platform,
          detail: `${file.name}: ${report.articles.created} new, ${report.articles.updated} updated, ${report.skipped.length} skipped`,
          at: ctx.clock(),
        });
        await finishImportRun(ctx.db, runId, { report }, ctx.clock());
      } catch (e) {
        await writes.catch(() => undefined);
        const refused = e instanceof WxrError || e instanceof GhostError;
        // A refusal says what is wrong with the file; anything else is ours, logged, and told as such.
        if (!refused) app.log.error({ err: e, run: runId }, 'import failed');
        await finishImportRun(ctx.db, runId, { error: refused ? (e as Error).message : '' }, ctx.clock());
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    })();
    running.add(task);
    task.catch((e) => app.log.error({ err: e, run: runId }, 'import run could not be recorded')).finally(() => running.delete(task));
  }

  adminScope(app, ctx, (admin) => {
    admin.register(async (scope) => {
      acceptUploads(scope);
      const show = (
        request: FastifyRequest,
        reply: FastifyReply,
        opts: {
          status?: number;
          error?: string;
          report?: ForeignImportReport;
          platform?: 'wordpress' | 'ghost';
          run?: { run: ImportRun; stalled: boolean };
        } = {},
      ) =>
        sendAdminPage(
          ctx,
          request,
          reply,
          { title: t('import.title'), current: 'import', status: opts.status, scripts: ['import.js'] },
          opts.run
            ? ImportRunBlock({ t, ...opts.run })
            : ImportPage({
                t,
                csrf: formToken(ctx, request),
                maxMb: UPLOAD_LIMITS.fileBytes / 1024 / 1024,
                platform: opts.platform ?? 'wordpress',
                error: opts.error,
                report: opts.report,
              }),
        );

      scope.get('/import', async (request, reply) => {
        requireRole(request, AREA_ROLES.taxonomy);
        return show(request, reply);
      });

      scope.post('/import', { bodyLimit: UPLOAD_LIMITS.fileBytes + 1024 * 1024 }, async (request, reply) => {
        const user = requireRole(request, AREA_ROLES.taxonomy);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const platform = body.platform === 'ghost' ? 'ghost' : 'wordpress';
        const file = filesOf(request.body).find((f) => f.data.length > 0);
        if (!file) return show(request, reply, { status: 422, error: t('import.none'), platform });
        const fileName = file.name.slice(0, 200);
        const id = await insertImportRun(ctx.db, { platform, fileName, userId: user.id }, ctx.clock());
        start(id, platform, { name: fileName, data: file.data }, { userId: user.id, allDrafts: body.drafts === '1' });
        return reply.redirect(`/admin/import/runs/${id}`, 303);
      });

      scope.get('/import/runs/:id', async (request, reply) => {
        requireRole(request, AREA_ROLES.taxonomy);
        const run = await findImportRun(ctx.db, idParam(request));
        if (!run) throw new AppError('not_found');
        const stalled = run.state === 'running' && ctx.clock().getTime() - Date.parse(run.updatedAt) > STALLED_MS;
        if ((request.headers.accept ?? '').startsWith('application/json'))
          return reply.header('cache-control', 'no-store').send({
            state: stalled ? 'stalled' : run.state,
            done: run.done,
            total: run.total,
            status: importRunStatus(t, run, stalled),
          });
        if (run.state === 'running') return show(request, reply, { run: { run, stalled } });
        if (run.state === 'failed')
          return show(request, reply, {
            status: 422,
            platform: run.platform,
            error: run.error ? t('import.refused', { reason: run.error }) : t('import.run.failed'),
          });
        return show(request, reply, { report: run.report, platform: run.platform });
      });
    });
  });
}
