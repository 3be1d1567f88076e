// The staff media library: an upload form that works without JavaScript, a search, and the images.
import type { T } from '../../../platform/i18n/index.js';
import { Notice } from '../../../platform/ui/admin-layout.js';
import { type MediaImage, mediaRef } from '../media.js';
import { UPLOAD_LIMITS } from '../multipart.js';
import { Picture } from './picture-block.js';

export interface LibraryPageProps {
  t: T;
  csrf: string;
  q: string;
  images: MediaImage[];
  notice?: string;
  refused?: { name: string; message: string }[];
  prevHref?: string;
  nextHref?: string;
}

export const ACCEPT = '.jpg,.jpeg,.png,.webp,.gif,.avif,.svg,image/jpeg,image/png,image/webp,image/gif,image/avif,image/svg+xml';

export function LibraryPage({ t, csrf, q, images, notice, refused, prevHref, nextHref }: LibraryPageProps) {
  return (
    <>
      <Notice text={notice} />
      {refused && refused.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>
            <strong>{t('media.refused', { count: refused.length })}</strong>
          </p>
          <ul>
            {refused.map((r) => (
              <li>{r.message}</li>
            ))}
          </ul>
        </div>
      )}
      {/* The CSRF field comes first: the server reads it before it accepts any file. */}
      <form
        class="media-upload"
        method="post"
        action="/admin/media"
        enctype="multipart/form-data"
        data-media-upload
        data-saved={t('media.upload.saved')}
        data-failed={t('media.picker.failed')}
      >
        <input type="hidden" name="_csrf" value={csrf} />
        <div class="field">
          <label for="files">{t('media.upload.label')}</label>
          <p class="hint" id="files-hint">
            {t('media.upload.hint', { files: UPLOAD_LIMITS.files, mb: UPLOAD_LIMITS.fileBytes / 1024 / 1024 })}
          </p>
          <input id="files" name="files" type="file" multiple accept={ACCEPT} required aria-describedby="files-hint" />
        </div>
        {/* Each file's own bar and answer, filled by media.js. */}
        <ul class="upload-list" role="list" aria-live="polite" hidden data-upload-list />
        <p>
          <button type="submit">{t('media.upload.submit')}</button>
        </p>
      </form>
      <form class="toolbar" method="get" action="/admin/media" role="search">
        <label for="q">{t('media.search.label')}</label> <input id="q" name="q" type="search" value={q} maxLength={200} />{' '}
        <button type="submit">{t('media.search.submit')}</button>
      </form>
      {images.length === 0 ? (
        <p>{q ? t('media.search.none') : t('media.empty')}</p>
      ) : (
        <ul class="media-grid">
          {images.map((img) => (
            <li>
              <a href={`/admin/media/${img.id}/edit`}>
                <Picture img={img} sizes="200px" crop="3x2" />
              </a>
              <p>
                <a href={`/admin/media/${img.id}/edit`}>{img.alt || img.originalName}</a>
              </p>
              {!img.alt && <p class="media-warning">{t('media.no_alt')}</p>}
              <p class="meta">
                <code>{mediaRef(img.id)}</code> · {img.width} × {img.height}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p class="pager">
        {prevHref && <a href={prevHref}>{t('media.prev')}</a>} {nextHref && <a href={nextHref}>{t('media.next')}</a>}
      </p>
    </>
  );
}
