// /admin/import: an editor uploads a WordPress or Ghost export and reads what was imported and skipped.
import { rm, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { sendAdminPage } from '../../platform/admin-page.js';
import type { AppCtx } from '../../platform/app-context.js';
import { insertAudit } from '../audit/audit-store.js';
import type { PublishingService } from '../articles/publishing-service.js';
import type { MediaLibrary } from '../media/media-library.js';
import { acceptUploads, filesOf, UPLOAD_LIMITS } from '../media/multipart.js';
import type { ForeignImportReport } from './foreign-import.js';
import { GhostError, importGhost } from './ghost-import.js';
import { importWordPress } from './wordpress-import.js';
import { WxrError } from './wxr-reader.js';
import { ImportPage } from './views/import-page.js';

/** Registers the import page and its form. */
export function registerImportRoutes(app: FastifyInstance, ctx: AppCtx, library: MediaLibrary, publishing: PublishingService): void {
  const { t } = ctx;
  adminScope(app, ctx, (admin) => {
    admin.register(async (scope) => {
      acceptUploads(scope);
      const show = (
        request: FastifyRequest,
        reply: FastifyReply,
        opts: { status?: number; error?: string; report?: ForeignImportReport; platform?: 'wordpress' | 'ghost' } = {},
      ) =>
        sendAdminPage(
          ctx,
          request,
          reply,
          { title: t('import.title'), current: 'import', status: opts.status },
          ImportPage({
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
        const dir = await mkdtemp(join(tmpdir(), 'chancery-upload-'));
        try {
          const path = join(dir, platform === 'ghost' ? 'export.json' : 'export.xml');
          await writeFile(path, file.data);
          const deps = { db: ctx.db, clock: ctx.clock, publishing, media: library, allDrafts: body.drafts === '1' };
          let report: ForeignImportReport;
          try {
            report = platform === 'ghost' ? await importGhost(path, deps) : await importWordPress(path, deps);
          } catch (e) {
            if (e instanceof WxrError || e instanceof GhostError)
              return show(request, reply, { status: 422, error: t('import.refused', { reason: e.message }), platform });
            throw e;
          }
          await insertAudit(ctx.db, {
            userId: user.id,
            action: 'import.run',
            subjectType: 'import',
            subjectId: platform,
            detail: `${file.name}: ${report.articles.created} new, ${report.articles.updated} updated, ${report.skipped.length} skipped`,
            at: ctx.clock(),
          });
          return show(request, reply, { report, platform });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      });
    });
  });
}
