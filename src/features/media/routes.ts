// The media library's addresses: the staff library (upload, search, edit) and the public image sizes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { idParam, queryParam, sendAdminPage } from '../../platform/admin-page.js';
import type { AppCtx } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { field, formOf } from '../../platform/forms.js';
import { insertAudit } from '../audit/audit-store.js';
import { widthsFor } from './image-processing.js';
import { parseMediaForm, parseVariantName, variantUrl } from './media.js';
import type { MediaLibrary } from './media-library.js';
import { countMediaWithFileKey, deleteMedia, findMedia, listArticlesUsingMedia, listMedia, updateMedia } from './media-store.js';
import { acceptUploads, filesOf } from './multipart.js';
import { LibraryPage } from './views/library-page.js';
import { MediaEditPage, type MediaEditValues } from './views/media-edit-page.js';

const PAGE_SIZE = 24;
const TYPES = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' } as const;

/** Registers /admin/media (library, upload, edit) and /media/:id (the sizes pages ask for). */
export function registerMediaRoutes(app: FastifyInstance, ctx: AppCtx, library: MediaLibrary): void {
  const { t } = ctx;

  // Public: one size of one image. The address carries the version, so a year of caching is safe.
  app.get('/media/:id/:version/:name', async (request, reply) => {
    const id = idParam(request);
    const { version, name } = request.params as { version: string; name: string };
    const v = parseVariantName(name);
    const img = await findMedia(ctx.db, id);
    if (!img || !v) throw new AppError('not_found', 'Image not found');
    if (version !== `v${img.version}`) return reply.redirect(variantUrl(img, v.width, v.format, v.crop), 301);
    // A bucket read by readers directly (a CDN): the size is made there once, then readers go to it.
    const direct = await library.publicVariantUrl(img, v.width, v.format, v.crop);
    if (direct) return reply.header('cache-control', 'public, max-age=31536000, immutable').redirect(direct, 301);
    const data = await library.variant(img, v.width, v.format, v.crop);
    if (!data) throw new AppError('not_found', 'media.error.no_size_variant');
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(TYPES[v.format]).send(data);
  });
  // The address articles name an image by: feeds and shared links get a JPEG of a sensible size.
  app.get('/media/:id', async (request, reply) => {
    const img = await findMedia(ctx.db, idParam(request));
    if (!img) throw new AppError('not_found', 'Image not found');
    const w =
      widthsFor(img.width)
        .filter((x) => x <= 1280)
        .pop() ?? widthsFor(img.width)[0];
    return reply.header('cache-control', 'public, max-age=300').redirect(variantUrl(img, w, 'jpg'), 302);
  });

  adminScope(app, ctx, (admin) => {
    admin.register(async (scope) => {
      acceptUploads(scope);

      async function showLibrary(
        request: FastifyRequest,
        reply: FastifyReply,
        opts: { status?: number; notice?: string; refused?: { name: string; message: string }[] } = {},
      ) {
        const q = queryParam(request, 'q').trim().slice(0, 200);
        const pageRaw = queryParam(request, 'page');
        const page = /^[1-9][0-9]{0,4}$/.test(pageRaw) ? Number(pageRaw) : 1;
        const rows = await listMedia(ctx.db, { q: q || undefined, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
        const href = (p: number) => `/admin/media?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
        return sendAdminPage(
          ctx,
          request,
          reply,
          { title: t('media.title'), current: 'media', status: opts.status, scripts: ['media.js'] },
          LibraryPage({
            t,
            csrf: formToken(ctx, request),
            q,
            images: rows.slice(0, PAGE_SIZE),
            notice: opts.notice,
            refused: opts.refused,
            prevHref: page > 1 ? href(page - 1) : undefined,
            nextHref: rows.length > PAGE_SIZE ? href(page + 1) : undefined,
          }),
        );
      }

      scope.get('/media', async (request, reply) => {
        requireRole(request, AREA_ROLES.media);
        const uploaded = queryParam(request, 'uploaded');
        return showLibrary(request, reply, {
          notice: /^[1-9][0-9]?$/.test(uploaded)
            ? t('media.uploaded', { count: Number(uploaded) })
            : queryParam(request, 'deleted') === '1'
              ? t('media.deleted')
              : undefined,
        });
      });

      scope.post('/media', { bodyLimit: 160 * 1024 * 1024 }, async (request, reply) => {
        const user = requireRole(request, AREA_ROLES.media);
        const files = filesOf(request.body);
        const wantsJson = (request.headers.accept ?? '').startsWith('application/json');
        if (!files.length) {
          if (wantsJson) throw new AppError('validation', t('media.upload.none'));
          return showLibrary(request, reply, { status: 422, refused: [{ name: '', message: t('media.upload.none') }] });
        }
        const { saved, refused } = await library.upload(files, user.id);
        for (const s of saved)
          await insertAudit(ctx.db, {
            userId: user.id,
            action: 'media.upload',
            subjectType: 'media',
            subjectId: s.id,
            detail: s.name,
            at: ctx.clock(),
          });
        const status = refused.length ? (refused.every((r) => r.status === 413) ? 413 : 422) : saved.length ? 201 : 422;
        if (wantsJson)
          return reply.code(status).send({
            saved: saved.map((s) => ({ id: s.id, name: s.name, edit: `/admin/media/${s.id}/edit` })),
            refused: refused.map((r) => ({ name: r.name, message: t(r.key, r.vars) })),
          });
        if (!refused.length) return reply.redirect(`/admin/media?uploaded=${saved.length}`, 303);
        return showLibrary(request, reply, {
          status,
          notice: saved.length ? t('media.uploaded', { count: saved.length }) : undefined,
          refused: refused.map((r) => ({ name: r.name, message: t(r.key, r.vars) })),
        });
      });

      const valuesOf = (img: { alt: string; caption: string; credit: string; focalX: number; focalY: number }): MediaEditValues => ({
        alt: img.alt,
        caption: img.caption,
        credit: img.credit,
        focal_x: String(img.focalX),
        focal_y: String(img.focalY),
      });

      scope.get('/media/:id/edit', async (request, reply) => {
        requireRole(request, AREA_ROLES.media);
        const img = await findMedia(ctx.db, idParam(request));
        if (!img) throw new AppError('not_found', 'Image not found');
        const notice = queryParam(request, 'notice') === 'saved' ? t('media.edit.saved') : undefined;
        return sendAdminPage(
          ctx,
          request,
          reply,
          { title: t('media.edit.title', { name: img.originalName }), current: 'media', scripts: ['media.js'] },
          MediaEditPage({ t, csrf: formToken(ctx, request), img, values: valuesOf(img), notice }),
        );
      });

      // Deleting: refused while an article (of any status) names the image, since its page would lose it.
      scope.post('/media/:id/delete', async (request, reply) => {
        const user = requireRole(request, AREA_ROLES.media);
        const img = await findMedia(ctx.db, idParam(request));
        if (!img) throw new AppError('not_found', 'Image not found');
        const users = await listArticlesUsingMedia(ctx.db, img.id);
        if (users.length) {
          if ((request.headers.accept ?? '').startsWith('application/json'))
            return reply.code(409).send({
              error: {
                code: 'conflict',
                message: `${t('media.delete.in_use', { count: users.length })} ${users.map((a) => a.title).join('; ')}`,
              },
              articles: users.map((a) => ({ id: a.id, title: a.title, edit: `/admin/articles/${a.id}/edit` })),
            });
          return sendAdminPage(
            ctx,
            request,
            reply,
            { title: t('media.edit.title', { name: img.originalName }), current: 'media', status: 409, scripts: ['media.js'] },
            MediaEditPage({ t, csrf: formToken(ctx, request), img, values: valuesOf(img), usedBy: users }),
          );
        }
        await deleteMedia(ctx.db, img.id);
        // The same picture uploaded twice shares its files: they go with the last image that names them.
        if ((await countMediaWithFileKey(ctx.db, img.fileKey)) === 0) await library.removeFiles(img);
        await insertAudit(ctx.db, {
          userId: user.id,
          action: 'media.delete',
          subjectType: 'media',
          subjectId: img.id,
          detail: img.originalName,
          at: ctx.clock(),
        });
        ctx.contentChanged();
        return reply.redirect('/admin/media?deleted=1', 303);
      });

      scope.post('/media/:id/edit', async (request, reply) => {
        const user = requireRole(request, AREA_ROLES.media);
        const img = await findMedia(ctx.db, idParam(request));
        if (!img) throw new AppError('not_found', 'Image not found');
        const form = formOf(request);
        const values: MediaEditValues = {
          alt: field(form, 'alt'),
          caption: field(form, 'caption'),
          credit: field(form, 'credit'),
          focal_x: field(form, 'focal_x'),
          focal_y: field(form, 'focal_y'),
        };
        const parsed = parseMediaForm(values, t);
        if (!parsed.ok)
          return sendAdminPage(
            ctx,
            request,
            reply,
            { title: t('media.edit.title', { name: img.originalName }), current: 'media', status: 422, scripts: ['media.js'] },
            MediaEditPage({ t, csrf: formToken(ctx, request), img, values, errors: parsed.errors }),
          );
        await updateMedia(ctx.db, img.id, parsed.value, ctx.clock());
        await insertAudit(ctx.db, {
          userId: user.id,
          action: 'media.edit',
          subjectType: 'media',
          subjectId: img.id,
          detail: img.originalName,
          at: ctx.clock(),
        });
        // Pages show the alt text and the crop: they are drawn again.
        ctx.contentChanged();
        return reply.redirect(`/admin/media/${img.id}/edit?notice=saved`, 303);
      });
    });
  });
}
