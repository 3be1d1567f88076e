// The staff form of an event: every field, the start and end as "to be announced", a date, or a date-time in the event's zone.
import type { ComponentChildren } from 'preact';
import { describedBy as fieldDescribedBy, ErrorSummary as Summary, Field } from '../../../platform/ui/form-fields.js';
import type { T } from '../../../platform/i18n/index.js';
import { LANGUAGES } from '../../articles/article.js';
import { EVENT_STATUSES } from '../event.js';
import { RegistrationTabs } from './admin-registration.js';
import type { Translations } from '../../../platform/translation-store.js';
import { TranslationFields } from '../../../platform/ui/translation-fields.js';
import { EVENT_TRANSLATABLE } from '../event-translation.js';
import { COMMON_TIME_ZONES, countryOptions, TIME_KINDS, type EventFormValues } from '../event-form.js';

export interface AdminEventFormProps {
  t: T;
  csrf: string;
  /** Where the form posts: /admin/events or /admin/events/:id. */
  action: string;
  values: EventFormValues;
  errors?: Record<string, string>;
  /** Set when editing: the delete and view links. */
  existing?: { id: number; slug: string; status: string };
  notice?: string;
  /** The title, summary, venue and terms in other languages. */
  translations: Translations;
}

/** The list of problems above a rejected form, each a link to its field. */
function ErrorSummary({ t, errors }: { t: T; errors: Record<string, string> | undefined }) {
  return Summary({ title: t('events.admin.error_summary'), errors });
}

const describedBy = (id: string, errors: Record<string, string> | undefined, hint?: boolean) => fieldDescribedBy(id, !!hint, errors?.[id]);

/** The start or end: a choice of kind, then a date input and a date-time input; the choice decides which counts. */
function TimeChoice({
  t,
  name,
  values,
  errors,
}: {
  t: T;
  name: 'start' | 'end';
  values: EventFormValues;
  errors?: Record<string, string>;
}) {
  const kind = name === 'start' ? values.startKind : values.endKind;
  const date = name === 'start' ? values.startDate : values.endDate;
  const dateTime = name === 'start' ? values.startDateTime : values.endDateTime;
  const kindError = errors?.[`${name}_kind`];
  return (
    <fieldset
      class={kindError ? 'event-time-choice field-error' : 'event-time-choice'}
      id={`${name}_kind`}
      aria-describedby={kindError ? `${name}_kind-error` : undefined}
    >
      <legend>{t(`events.admin.field.${name}`)}</legend>
      <div class="choices">
        {TIME_KINDS.map((k) => (
          <label class="choice">
            <input type="radio" name={`${name}_kind`} value={k} checked={(kind || 'tba') === k} />{' '}
            {t(k === 'tba' && name === 'end' ? 'events.admin.kind.no_end' : `events.admin.kind.${k}`)}
          </label>
        ))}
      </div>
      {kindError && (
        <p class="error" id={`${name}_kind-error`} role="alert">
          {kindError}
        </p>
      )}
      <div class="event-time-inputs">
        <Field id={`${name}_date`} label={t('events.admin.field.date')} error={errors?.[`${name}_date`]}>
          <input
            id={`${name}_date`}
            name={`${name}_date`}
            type="date"
            value={date}
            aria-describedby={describedBy(`${name}_date`, errors)}
            aria-invalid={errors?.[`${name}_date`] ? 'true' : undefined}
          />
        </Field>
        <Field
          id={`${name}_datetime`}
          label={t('events.admin.field.datetime')}
          hint={t('events.admin.hint.datetime')}
          error={errors?.[`${name}_datetime`]}
        >
          <input
            id={`${name}_datetime`}
            name={`${name}_datetime`}
            type="datetime-local"
            value={dateTime}
            aria-describedby={describedBy(`${name}_datetime`, errors, true)}
            aria-invalid={errors?.[`${name}_datetime`] ? 'true' : undefined}
          />
        </Field>
      </div>
    </fieldset>
  );
}

/** Body of the new and edit event pages (inside AdminLayout). */
export function AdminEventForm({ t, csrf, action, values: v, errors, existing, notice, translations }: AdminEventFormProps) {
  const countries = countryOptions();
  const knownCountry = !v.venueCountry || countries.some((c) => c.code === v.venueCountry.toUpperCase());
  const text = (
    id: string,
    value: string,
    opts: { label: string; hint?: string; required?: boolean; type?: string; inputMode?: string; list?: string; autocomplete?: string },
  ) => (
    <Field id={id} label={opts.label} hint={opts.hint} error={errors?.[id]}>
      <input
        id={id}
        name={id}
        type={opts.type ?? 'text'}
        value={value}
        required={opts.required}
        inputMode={opts.inputMode as 'decimal' | undefined}
        list={opts.list}
        autocomplete={opts.autocomplete}
        aria-describedby={describedBy(id, errors, Boolean(opts.hint))}
        aria-invalid={errors?.[id] ? 'true' : undefined}
      />
    </Field>
  );
  const area = (id: string, value: string, label: string, hint?: string, rows = 8): ComponentChildren => (
    <Field id={id} label={label} hint={hint} error={errors?.[id]}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        aria-describedby={describedBy(id, errors, Boolean(hint))}
        aria-invalid={errors?.[id] ? 'true' : undefined}
      >
        {value}
      </textarea>
    </Field>
  );
  return (
    <>
      {existing && <RegistrationTabs t={t} id={existing.id} current="edit" />}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary t={t} errors={errors} />
      {existing && existing.status !== 'draft' && (
        <p>
          <a href={`/events/${existing.slug}`}>{t('events.admin.view')}</a>
        </p>
      )}
      <form method="post" action={action} class="admin-form event-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset>
          <legend>{t('events.admin.section.about')}</legend>
          {text('title', v.title, { label: t('events.admin.field.title'), required: true })}
          {text('slug', v.slug, { label: t('events.admin.field.slug'), hint: t('events.admin.hint.slug') })}
          {area('summary', v.summary, t('events.admin.field.summary'), undefined, 3)}
          {area('programme', v.programmeMd, t('events.admin.field.programme'), t('events.admin.hint.markdown'), 12)}
          <Field id="language" label={t('events.admin.field.language')} error={errors?.language}>
            <select id="language" name="language">
              {LANGUAGES.map((l) => (
                <option value={l} selected={v.language === l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t('events.admin.section.when')}</legend>
          {text('timezone', v.timezone, {
            label: t('events.admin.field.timezone'),
            hint: t('events.admin.hint.timezone'),
            list: 'event-time-zones',
            required: true,
            autocomplete: 'off',
          })}
          <datalist id="event-time-zones">
            {COMMON_TIME_ZONES.map((z) => (
              <option value={z} />
            ))}
          </datalist>
          <TimeChoice t={t} name="start" values={v} errors={errors} />
          <TimeChoice t={t} name="end" values={v} errors={errors} />
        </fieldset>

        <fieldset>
          <legend>{t('events.admin.section.where')}</legend>
          {text('venue_name', v.venueName, { label: t('events.admin.field.venue_name') })}
          {text('venue_address', v.venueAddress, { label: t('events.admin.field.address'), autocomplete: 'off' })}
          {text('venue_city', v.venueCity, { label: t('events.admin.field.city') })}
          <Field id="venue_country" label={t('events.admin.field.country')} error={errors?.venue_country}>
            <select
              id="venue_country"
              name="venue_country"
              aria-describedby={describedBy('venue_country', errors)}
              aria-invalid={errors?.venue_country ? 'true' : undefined}
            >
              <option value="">{t('events.admin.country_none')}</option>
              {!knownCountry && (
                <option value={v.venueCountry} selected>
                  {v.venueCountry}
                </option>
              )}
              {countries.map((c) => (
                <option value={c.code} selected={v.venueCountry.toUpperCase() === c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </Field>
          <div class="field-pair">
            {text('lat', v.lat, { label: t('events.admin.field.lat'), hint: t('events.admin.hint.lat'), inputMode: 'decimal' })}
            {text('lon', v.lon, { label: t('events.admin.field.lon'), hint: t('events.admin.hint.lon'), inputMode: 'decimal' })}
          </div>
          {text('online_url', v.onlineUrl, {
            label: t('events.admin.field.online_url'),
            type: 'url',
            hint: t('events.admin.hint.online_url'),
          })}
        </fieldset>

        <fieldset>
          <legend>{t('events.admin.section.status')}</legend>
          <Field id="status" label={t('events.admin.field.status')} error={errors?.status}>
            <select id="status" name="status">
              {EVENT_STATUSES.map((s) => (
                <option value={s} selected={v.status === s}>
                  {t(`events.admin.status.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          {text('status_note', v.statusNote, { label: t('events.admin.field.status_note'), hint: t('events.admin.hint.status_note') })}
        </fieldset>

        <fieldset>
          <legend>{t('events.admin.section.more')}</legend>
          {area('terms', v.termsMd, t('events.admin.field.terms'), t('events.admin.hint.markdown'), 10)}
          {text('articles', v.articleSlugs, {
            label: t('events.admin.field.articles'),
            hint: t('events.admin.hint.articles'),
            autocomplete: 'off',
          })}
        </fieldset>

        <TranslationFields t={t} fields={EVENT_TRANSLATABLE} values={translations} errors={errors} />

        <div class="button-row">
          <button type="submit">{t('events.admin.save')}</button>
          <a class="button secondary" href="/admin/events">
            {t('events.admin.cancel')}
          </a>
          {existing && (
            <a class="button danger" href={`/admin/events/${existing.id}/delete`}>
              {t('events.admin.delete')}
            </a>
          )}
        </div>
      </form>
    </>
  );
}

/** The confirmation step before an event is deleted for good. */
export function AdminEventDelete({ t, csrf, id, title }: { t: T; csrf: string; id: number; title: string }) {
  return (
    <div class="confirm">
      <p>{t('events.admin.delete_question', { title })}</p>
      <form method="post" action={`/admin/events/${id}/delete`} class="button-row">
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit" class="danger">
          {t('events.admin.delete_confirm')}
        </button>
        <a class="button secondary" href={`/admin/events/${id}/edit`}>
          {t('events.admin.cancel')}
        </a>
      </form>
    </div>
  );
}
