// The newsroom's site settings: its default language, and where each edition's addresses live.
import { EDITIONS_MODES, type EditionsMode, languageName } from '../../../platform/editions.js';
import { LANGUAGES, type Language, type T } from '../../../platform/i18n/index.js';

export interface SiteSettingsProps {
  t: T;
  csrf: string;
  values: { language: string; editions: EditionsMode };
  errors?: Record<string, string>;
  notice?: string;
}

/** The form of /admin/settings. */
export function SiteSettingsPage({ t, csrf, values: v, errors = {}, notice }: SiteSettingsProps) {
  const err = (k: string) =>
    errors[k] && (
      <p class="error" id={`${k}-error`} role="alert">
        {errors[k]}
      </p>
    );
  const example = (mode: EditionsMode) => LANGUAGES.map((l) => (mode === 'root' && l === v.language ? '/' : `/${l}/`)).join(' · ');
  return (
    <form method="post" action="/admin/settings" class="site-settings" novalidate>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <input type="hidden" name="_csrf" value={csrf} />
      <div class="field">
        <label for="language">{t('admin.settings.language')}</label>
        <p class="hint" id="language-hint">
          {t('admin.settings.language_hint')}
        </p>
        <select id="language" name="language" aria-describedby="language-hint">
          {LANGUAGES.map((l: Language) => (
            <option value={l} selected={l === v.language} lang={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
        {err('language')}
      </div>
      <fieldset class="field" aria-describedby={errors.editions ? 'editions-error' : undefined}>
        <legend>{t('admin.settings.editions')}</legend>
        {EDITIONS_MODES.map((mode) => (
          <p class="choice">
            <input type="radio" id={`editions-${mode}`} name="editions" value={mode} checked={mode === v.editions} />{' '}
            <label for={`editions-${mode}`}>
              {t(mode === 'root' ? 'admin.settings.editions.root' : 'admin.settings.editions.prefixed')}{' '}
              <span class="hint">({example(mode)})</span>
            </label>
          </p>
        ))}
        <p class="hint">{t('admin.settings.editions_hint')}</p>
        {err('editions')}
      </fieldset>
      <p>
        <button type="submit">{t('admin.settings.save')}</button>
      </p>
    </form>
  );
}
