// The staff page for moving in from WordPress or Ghost: an upload form, and after an import its report.
import type { T } from '../../../platform/i18n/index.js';
import { type ForeignImportReport, sayNote } from '../foreign-import.js';

export interface ImportPageProps {
  t: T;
  csrf: string;
  maxMb: number;
  platform: 'wordpress' | 'ghost';
  error?: string;
  report?: ForeignImportReport;
}

export function ImportPage({ t, csrf, maxMb, platform, error, report }: ImportPageProps) {
  return (
    <>
      {error && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>
            <strong>{error}</strong>
          </p>
        </div>
      )}
      {report && (
        <section aria-labelledby="import-report">
          <h2 id="import-report">{t('import.done')}</h2>
          <ul>
            <li>{t('import.articles', report.articles)}</li>
            <li>{t('import.comments', report.comments)}</li>
            <li>{t('import.media', { imported: report.media.imported, authors: report.authors, redirects: report.redirects })}</li>
          </ul>
          {report.skipped.length > 0 && (
            <details open>
              <summary>{t('import.skipped', { count: report.skipped.length })}</summary>
              <ul>
                {report.skipped.map((s) => (
                  <li>
                    <code>{s.itemNote ? sayNote(t, s.itemNote) : s.item}</code>: {s.why ? sayNote(t, s.why) : s.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {report.warnings.length > 0 && (
            <details>
              <summary>{t('import.warnings', { count: report.warnings.length })}</summary>
              <ul>
                {report.warnings.map((w) => (
                  <li>{sayNote(t, w)}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
      <p>{t('import.intro')}</p>
      {/* The CSRF field comes first: the server reads it before it accepts the file. */}
      <form method="post" action="/admin/import" enctype="multipart/form-data" data-import-upload="">
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset class="field">
          <legend>{t('import.platform')}</legend>
          <label>
            <input type="radio" name="platform" value="wordpress" checked={platform === 'wordpress'} /> {t('import.platform.wordpress')}
          </label>
          <br />
          <label>
            <input type="radio" name="platform" value="ghost" checked={platform === 'ghost'} /> {t('import.platform.ghost')}
          </label>
        </fieldset>
        <div class="field">
          <label for="export-file">{t('import.file')}</label>
          <p class="hint" id="export-file-hint">
            {t('import.file.hint', { mb: maxMb })}
          </p>
          <input
            id="export-file"
            name="file"
            type="file"
            accept=".xml,.json,application/xml,text/xml,application/json"
            required
            aria-describedby="export-file-hint"
          />
        </div>
        <div class="field">
          <label>
            <input type="checkbox" name="drafts" value="1" /> {t('import.drafts')}
          </label>
        </div>
        <p>
          <button type="submit">{t('import.submit')}</button>
        </p>
        {/* Shown by import.js while the file goes up; without it the browser shows its own. */}
        <div class="upload-progress" data-upload-progress="" hidden>
          <label for="import-upload-bar">{t('import.upload.progress')}</label> <progress id="import-upload-bar" max={100} value={0} />{' '}
          <output for="import-upload-bar" data-upload-percent="" />
        </div>
      </form>
    </>
  );
}
