// The editor's corrections panel: the notes of a published article and a form to add one.
import { formatDateTime, type T } from '../../../platform/i18n/index.js';
import { describedBy } from '../../../platform/ui/form-fields.js';
import { CORRECTION_MAX, type Correction } from '../correction.js';

export interface CorrectionsAdminProps {
  t: T;
  csrf: string;
  articleId: number;
  corrections: Correction[];
  /** Errors of a refused note, by field, already said. */
  errors?: Record<string, string>;
  values?: { kind: string; body: string; date: string };
  today: string;
}

/** Shown under the editor of a published article, to editors. */
export function CorrectionsAdminBlock({ t, csrf, articleId, corrections, errors = {}, values, today }: CorrectionsAdminProps) {
  const v = values ?? { kind: 'correction', body: '', date: '' };
  return (
    <section class="panel editor-corrections" id="corrections" aria-labelledby="corrections-admin-title">
      <h2 id="corrections-admin-title">{t('corrections.heading')}</h2>
      {corrections.length ? (
        <ul class="plain-list">
          {corrections.map((c) => (
            <li>
              <strong>{t(c.kind === 'correction' ? 'corrections.kind.correction' : 'corrections.kind.update')}</strong>{' '}
              <span class="meta">{formatDateTime(c.notedAt)}</span> — {c.body}{' '}
              <form method="post" action={`/admin/articles/${articleId}/corrections/${c.id}/delete`} class="inline-form">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="link-button">
                  {t('corrections.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{t('corrections.none')}</p>
      )}
      <form method="post" action={`/admin/articles/${articleId}/corrections`} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset class={errors.correction_kind ? 'field field-error' : 'field'}>
          <legend>{t('corrections.kind')}</legend>
          <label class="check">
            <input type="radio" name="kind" value="correction" checked={v.kind !== 'update'} /> {t('corrections.kind.correction')}
          </label>{' '}
          <label class="check">
            <input type="radio" name="kind" value="update" checked={v.kind === 'update'} /> {t('corrections.kind.update')}
          </label>
        </fieldset>
        <div class={errors.correction_body ? 'field field-error' : 'field'}>
          <label for="correction_body">{t('corrections.body')}</label>
          <p class="hint" id="correction_body-hint">
            {t('corrections.body_hint')}
          </p>
          <textarea
            id="correction_body"
            name="body"
            rows={3}
            maxLength={CORRECTION_MAX}
            aria-invalid={errors.correction_body ? 'true' : undefined}
            aria-describedby={describedBy('correction_body', true, errors.correction_body)}
          >
            {v.body}
          </textarea>
          {errors.correction_body && (
            <p class="error" id="correction_body-error" role="alert">
              {errors.correction_body}
            </p>
          )}
        </div>
        <div class={errors.correction_date ? 'field field-error' : 'field'}>
          <label for="correction_date">{t('corrections.date')}</label>
          <p class="hint" id="correction_date-hint">
            {t('corrections.date_hint')}
          </p>
          <input
            id="correction_date"
            name="date"
            type="date"
            max={today}
            value={v.date}
            aria-invalid={errors.correction_date ? 'true' : undefined}
            aria-describedby={describedBy('correction_date', true, errors.correction_date)}
          />
          {errors.correction_date && (
            <p class="error" id="correction_date-error" role="alert">
              {errors.correction_date}
            </p>
          )}
        </div>
        <button type="submit">{t('corrections.add')}</button>
      </form>
    </section>
  );
}
