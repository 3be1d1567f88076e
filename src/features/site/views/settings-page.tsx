// The newsroom's site settings: its name and description (and each edition's own), its default language, and
// where each edition's addresses live.
import { EDITIONS_MODES, type EditionsMode, languageName } from '../../../platform/editions.js';
import { LANGUAGES, type Language, type T } from '../../../platform/i18n/index.js';
import type { SiteWording } from '../site-store.js';

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 300;

export interface SiteSettingsValues {
  language: string;
  editions: EditionsMode;
  title: string;
  description: string;
  byLanguage: Partial<Record<Language, SiteWording>>;
}

export interface SiteSettingsProps {
  t: T;
  csrf: string;
  values: SiteSettingsValues;
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
      <fieldset class="field">
        <legend>{t('admin.settings.identity')}</legend>
        <p class="hint" id="identity-hint">
          {t('admin.settings.identity_hint')}
        </p>
        <Wording t={t} suffix="" values={v} errors={errors} required />
      </fieldset>
      {/* The default language's own wording would repeat the default: offered only once something is saved there. */}
      {LANGUAGES.filter((l) => l !== v.language || v.byLanguage[l]?.title || v.byLanguage[l]?.description).map((l) => (
        <fieldset class="field">
          <legend>{t('admin.settings.in_language', { language: languageName(l) })}</legend>
          <p class="hint" id={`identity-${l}-hint`}>
            {t('admin.settings.in_language_hint')}
          </p>
          <Wording t={t} suffix={`_${l}`} values={v.byLanguage[l] ?? {}} errors={errors} />
        </fieldset>
      ))}
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

/** A title and a description: the default ones (`suffix` ""), or one language's ("_ru"). */
function Wording({
  t,
  suffix,
  values,
  errors,
  required,
}: {
  t: T;
  suffix: string;
  values: SiteWording;
  errors: Record<string, string>;
  required?: boolean;
}) {
  const title = `title${suffix}`;
  const description = `description${suffix}`;
  // Ids apart from the admin shell's own ("title" is a common one).
  const id = (k: string) => `site-${k}`;
  const described = (k: string) => (errors[k] ? `site-${k}-error` : undefined);
  return (
    <>
      <div class="field">
        <label for={id(title)}>{t('admin.settings.site_title')}</label>
        <input
          type="text"
          id={id(title)}
          name={title}
          value={values.title ?? ''}
          maxLength={TITLE_MAX}
          required={required}
          aria-invalid={errors[title] ? 'true' : undefined}
          aria-describedby={described(title)}
        />
        {errors[title] && (
          <p class="error" id={`site-${title}-error`} role="alert">
            {errors[title]}
          </p>
        )}
      </div>
      <div class="field">
        <label for={id(description)}>{t('admin.settings.site_description')}</label>
        <textarea
          id={id(description)}
          name={description}
          rows={3}
          maxLength={DESCRIPTION_MAX}
          aria-invalid={errors[description] ? 'true' : undefined}
          aria-describedby={described(description)}
        >
          {values.description ?? ''}
        </textarea>
        {errors[description] && (
          <p class="error" id={`site-${description}-error`} role="alert">
            {errors[description]}
          </p>
        )}
      </div>
    </>
  );
}
