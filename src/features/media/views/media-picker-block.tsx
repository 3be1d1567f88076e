// The article editor's picker: recent library images to insert into the body, and an upload that puts new
// ones in the library and inserts them. Without a script, each image's Markdown line is there to copy.
import type { T } from '../../../platform/i18n/index.js';
import { widthsFor } from '../image-processing.js';
import { type MediaImage, mediaRef, variantUrl } from '../media.js';

export interface MediaPickerProps {
  t: T;
  images: MediaImage[];
}

/** The Markdown that places a library image on its own line (the page shows it as a figure). */
export const insertLine = (img: Pick<MediaImage, 'id'>) => `![](${mediaRef(img.id)})`;

export function MediaPicker({ t, images }: MediaPickerProps) {
  return (
    <details
      class="media-picker"
      data-media-picker
      data-upload-url="/admin/media"
      data-uploading={t('media.picker.uploading')}
      data-failed={t('media.picker.failed')}
    >
      <summary>{t('media.picker.title')}</summary>
      <p class="hint">{t('media.picker.hint')}</p>
      <p class="media-picker-upload">
        <label>
          {t('media.picker.upload')} {/* No name: the article form never sends it; the script uploads the files to the library. */}
          <input type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/svg+xml" multiple data-picker-upload />
        </label>
        <progress max={100} value={0} hidden data-progress />
        <span class="media-picker-status" aria-live="polite" data-status />
      </p>
      {images.length ? (
        <ul class="media-picker-grid">
          {images.map((img) => (
            <li>
              <img
                src={variantUrl(img, widthsFor(img.width)[0], 'jpg')}
                alt=""
                width={160}
                height={Math.max(1, Math.round((160 * img.height) / img.width))}
                loading="lazy"
                decoding="async"
              />
              <span class="media-picker-name">{img.alt || <em class="media-warning">{t('media.picker.no_alt')}</em>}</span>
              <code>{insertLine(img)}</code>
              <button
                type="button"
                data-insert={insertLine(img)}
                aria-label={`${t('media.picker.insert')}: ${img.alt || img.originalName}`}
              >
                {t('media.picker.insert')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('media.picker.empty')}</p>
      )}
      <p>
        <a href="/admin/media" target="_blank" rel="noopener">
          {t('media.picker.more')}
        </a>
      </p>
    </details>
  );
}
