// The translations part of a staff form (a rubric's, a tag's, an author's, an event's): each translatable
// field once per language, empty where the page should fall back to the original.
import { languageName } from '../editions.js';
import { LANGUAGES, type MessageKey, type T } from '../i18n/index.js';
import type { Translations } from '../translation-store.js';
import { Field } from './form-fields.js';

/** One translatable field of a form: its column name, its label's key, its longest value, a textarea or not. */
export interface TranslatableField {
  field: string;
  label: MessageKey;
  max: number;
  multiline?: boolean;
}

const nameOf = (lang: string, field: string) => `tr_${lang}_${field}`;

/** Reads the translations from a form body; the errors are keyed by the input's name. */
export function readTranslations(
  t: T,
  form: Record<string, unknown>,
  fields: TranslatableField[],
): { values: Translations; errors: Record<string, string> } {
  const values: Translations = {};
  const errors: Record<string, string> = {};
  for (const lang of LANGUAGES)
    for (const f of fields) {
      const raw = form[nameOf(lang, f.field)];
      const value = typeof raw === 'string' ? raw.trim() : '';
      if (!value) continue;
      if (value.length > f.max) errors[nameOf(lang, f.field)] = t('admin.localized.too_long', { max: f.max });
      (values[lang] ??= {})[f.field] = value;
    }
  return { values, errors };
}

/** The fieldset of translations: every field in every language. */
export function TranslationFields({
  t,
  fields,
  values,
  errors,
}: {
  t: T;
  fields: TranslatableField[];
  values: Translations;
  errors?: Record<string, string>;
}) {
  return (
    <fieldset class="translations">
      <legend>{t('admin.localized.title')}</legend>
      <p class="hint">{t('admin.localized.hint')}</p>
      {LANGUAGES.map((lang) =>
        fields.map((f) => {
          const id = nameOf(lang, f.field);
          const label = t('admin.localized.field', { field: t(f.label), language: languageName(lang) });
          const value = values[lang]?.[f.field] ?? '';
          const invalid = errors?.[id] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {};
          return (
            <Field id={id} label={label} error={errors?.[id]}>
              {f.multiline ? (
                <textarea id={id} name={id} lang={lang} rows={3} maxLength={f.max} {...invalid}>
                  {value}
                </textarea>
              ) : (
                <input id={id} name={id} lang={lang} type="text" maxLength={f.max} value={value} {...invalid} />
              )}
            </Field>
          );
        }),
      )}
    </fieldset>
  );
}
