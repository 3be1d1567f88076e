// One library image: its alt text, caption, credit and focal point, with the crop the focal point gives.
import type { T } from '../../../platform/i18n/index.js';
import { describedBy, ErrorSummary, Field } from '../../../platform/ui/form-fields.js';
import { Notice } from '../../../platform/ui/admin-layout.js';
import { MEDIA_LIMITS, type MediaImage, mediaRef } from '../media.js';
import { Picture } from './picture-block.js';

export interface MediaEditValues {
  alt: string;
  caption: string;
  credit: string;
  focal_x: string;
  focal_y: string;
}

export interface MediaEditPageProps {
  t: T;
  csrf: string;
  img: MediaImage;
  values: MediaEditValues;
  errors?: Record<string, string>;
  notice?: string;
  /** When a deletion was refused: the articles that still use the image. */
  usedBy?: { id: number; title: string; status: string }[];
}

export function MediaEditPage({ t, csrf, img, values, errors = {}, notice, usedBy }: MediaEditPageProps) {
  return (
    <>
      <Notice text={notice} />
      <ErrorSummary title={t('media.edit.errors')} errors={errors} />
      {usedBy && usedBy.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{t('media.delete.in_use', { count: usedBy.length })}</p>
          <ul>
            {usedBy.map((a) => (
              <li>
                <a href={`/admin/articles/${a.id}/edit`}>{a.title}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="media-edit">
        <figure>
          <div class="media-focal" data-focal>
            <Picture img={img} sizes="(min-width: 60em) 40em, 100vw" eager />
            <span class="media-focal-dot" data-x={img.focalX} data-y={img.focalY} hidden aria-hidden="true" />
          </div>
          <figcaption class="meta">
            {img.originalName} · {img.width} × {img.height} · <code>{mediaRef(img.id)}</code>
          </figcaption>
          <p class="meta">{t('media.edit.crop_preview')}</p>
          <Picture img={img} sizes="20em" crop="3x2" />
        </figure>
        <form method="post" action={`/admin/media/${img.id}/edit`} class="media-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <Field id="alt" label={t('media.edit.alt')} hint={t('media.edit.alt_hint')} error={errors.alt}>
            <textarea id="alt" name="alt" rows={3} maxLength={MEDIA_LIMITS.alt} aria-describedby={describedBy('alt', true, errors.alt)}>
              {values.alt}
            </textarea>
          </Field>
          <Field id="caption" label={t('media.edit.caption')} error={errors.caption}>
            <textarea id="caption" name="caption" rows={2} maxLength={MEDIA_LIMITS.caption}>
              {values.caption}
            </textarea>
          </Field>
          <Field id="credit" label={t('media.edit.credit')} error={errors.credit}>
            <input id="credit" name="credit" type="text" maxLength={MEDIA_LIMITS.credit} value={values.credit} />
          </Field>
          <fieldset>
            <legend>{t('media.edit.focal')}</legend>
            <p class="hint">{t('media.edit.focal_hint')}</p>
            <Field id="focal_x" label={t('media.edit.focal_x')} error={errors.focal_x}>
              <input id="focal_x" name="focal_x" type="number" min={0} max={100} step={1} value={values.focal_x} required />
            </Field>
            <Field id="focal_y" label={t('media.edit.focal_y')} error={errors.focal_y}>
              <input id="focal_y" name="focal_y" type="number" min={0} max={100} step={1} value={values.focal_y} required />
            </Field>
          </fieldset>
          <p>
            <button type="submit">{t('media.edit.save')}</button> <a href="/admin/media">{t('media.edit.back')}</a>
          </p>
        </form>
        <form method="post" action={`/admin/media/${img.id}/delete`} class="media-delete">
          <input type="hidden" name="_csrf" value={csrf} />
          <p class="hint">{t('media.delete.hint')}</p>
          <button type="submit" class="danger">
            {t('media.delete.submit')}
          </button>
        </form>
      </div>
    </>
  );
}
