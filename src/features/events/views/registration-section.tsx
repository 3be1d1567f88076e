// The registration part of an event page: places left or "waiting list", then the form, or why there is none.
import type { VNode } from 'preact';
import { formatDateTime, type T } from '../../../platform/i18n/index.js';
import { countryOptions } from '../event-form.js';
import type { Question, RegistrationFormValues, RegistrationSettings, RegistrationState } from '../registration.js';

export interface RegistrationSectionProps {
  t: T;
  slug: string;
  timezone: string;
  lang: string;
  state: RegistrationState;
  settings: RegistrationSettings;
  questions: Question[];
  hasTerms: boolean;
  /** Present when a form is shown. */
  form?: {
    csrf: string;
    guard: VNode;
    values: RegistrationFormValues;
    errors?: Record<string, string>;
    problem?: string;
    signedIn?: boolean;
  };
}

function FieldError({ id, errors }: { id: string; errors?: Record<string, string> }) {
  return errors?.[id] ? (
    <p class="error" id={`${id}-error`}>
      {errors[id]}
    </p>
  ) : null;
}

const invalid = (id: string, errors?: Record<string, string>) =>
  errors?.[id] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {};

/** What registration looks like at this moment, as one sentence. */
export function stateText(t: T, state: RegistrationState, lang: string, timezone: string): string {
  switch (state.kind) {
    case 'open':
      return state.placesLeft === null ? t('registration.open') : t('registration.places_left', { count: state.placesLeft });
    case 'waitlist':
      return t('registration.waitlist');
    case 'not_yet':
      return t('registration.opens_on', { when: `${formatDateTime(state.opensAt, lang, timezone)} (${timezone})` });
    case 'closed':
      return t('registration.closed');
    case 'event_closed':
      return t(state.reason === 'cancelled' ? 'registration.event_cancelled' : 'registration.event_over');
    default:
      return '';
  }
}

/** The section; nothing when the event takes no registrations. */
export function RegistrationSection({ t, slug, timezone, lang, state, questions, hasTerms, settings, form }: RegistrationSectionProps) {
  if (state.kind === 'none') return null;
  const errors = form?.errors;
  const v = form?.values;
  const countries = countryOptions(lang);
  const text = (id: string, label: string, value: string, opts: { type?: string; required?: boolean; autocomplete?: string } = {}) => (
    <div class={errors?.[id] ? 'field field-error' : 'field'}>
      <label for={`reg-${id}`}>
        {label}
        {opts.required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={`reg-${id}`}
        name={id}
        type={opts.type ?? 'text'}
        value={value}
        required={opts.required}
        autocomplete={opts.autocomplete}
        {...invalid(id, errors)}
      />
      <FieldError id={id} errors={errors} />
    </div>
  );
  return (
    <section class="registration" id="register" aria-labelledby="registration-title">
      <h2 id="registration-title">{t('registration.title')}</h2>
      <p class={`registration-state registration-state-${state.kind}`}>{stateText(t, state, lang, timezone)}</p>
      {state.kind === 'waitlist' && <p class="registration-note">{t('registration.waitlist_note')}</p>}
      {settings.approvalRequired && (state.kind === 'open' || state.kind === 'waitlist') && (
        <p class="registration-note">{t('registration.approval_note')}</p>
      )}
      {form && v && (
        <form method="post" action={`/events/${slug}/register#register`} class="registration-form" novalidate>
          {form.problem && (
            <p class="registration-problem" role="alert">
              {form.problem}
            </p>
          )}
          {errors && Object.keys(errors).length > 0 && !form.problem && (
            <p class="registration-problem" role="alert">
              {t('registration.error.summary')}
            </p>
          )}
          <input type="hidden" name="_csrf" value={form.csrf} />
          {form.guard}
          {form.signedIn && <p class="registration-note">{t('registration.signed_in_note')}</p>}
          {text('name', t('registration.field.name'), v.name, { required: true, autocomplete: 'name' })}
          {text('email', t('registration.field.email'), v.email, { type: 'email', required: true, autocomplete: 'email' })}
          {text('organisation', t('registration.field.organisation'), v.organisation, { autocomplete: 'organization' })}
          {text('position', t('registration.field.position'), v.position, { autocomplete: 'organization-title' })}
          <div class={errors?.country ? 'field field-error' : 'field'}>
            <label for="reg-country">{t('registration.field.country')}</label>
            <select id="reg-country" name="country" autocomplete="country" {...invalid('country', errors)}>
              <option value="">{t('registration.country_none')}</option>
              {countries.map((c) => (
                <option value={c.code} selected={v.country === c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldError id="country" errors={errors} />
          </div>
          {questions.map((q) => {
            const id = `q_${q.id}`;
            const value = v.answers[String(q.id)] ?? '';
            if (q.kind === 'checkbox')
              return (
                <div class={errors?.[id] ? 'field field-check field-error' : 'field field-check'}>
                  <input
                    id={`reg-${id}`}
                    type="checkbox"
                    name={id}
                    value="yes"
                    checked={value === 'yes'}
                    required={q.required}
                    {...invalid(id, errors)}
                  />
                  <label for={`reg-${id}`}>
                    {q.label}
                    {q.required && <span aria-hidden="true"> *</span>}
                  </label>
                  <FieldError id={id} errors={errors} />
                </div>
              );
            if (q.kind === 'choice')
              return (
                <fieldset class={errors?.[id] ? 'field field-choice field-error' : 'field field-choice'} {...invalid(id, errors)}>
                  <legend>
                    {q.label}
                    {q.required && <span aria-hidden="true"> *</span>}
                  </legend>
                  {q.options.map((o, i) => (
                    <label class="choice" for={`reg-${id}-${i}`}>
                      <input id={`reg-${id}-${i}`} type="radio" name={id} value={o} checked={value === o} required={q.required} /> {o}
                    </label>
                  ))}
                  <FieldError id={id} errors={errors} />
                </fieldset>
              );
            return (
              <div class={errors?.[id] ? 'field field-error' : 'field'}>
                <label for={`reg-${id}`}>
                  {q.label}
                  {q.required && <span aria-hidden="true"> *</span>}
                </label>
                <textarea id={`reg-${id}`} name={id} rows={3} required={q.required} {...invalid(id, errors)}>
                  {value}
                </textarea>
                <FieldError id={id} errors={errors} />
              </div>
            );
          })}
          {hasTerms && (
            <div class={errors?.terms ? 'field field-check field-error' : 'field field-check'}>
              <input id="reg-terms" type="checkbox" name="terms" value="yes" checked={v.terms} required {...invalid('terms', errors)} />
              <label for="reg-terms">
                {t('registration.field.terms_before')} <a href={`/events/${slug}/terms`}>{t('registration.field.terms_link')}</a> *
              </label>
              <FieldError id="terms" errors={errors} />
            </div>
          )}
          <p class="registration-required meta">{t('registration.required_note')}</p>
          <button type="submit" class="registration-submit">
            {state.kind === 'waitlist' ? t('registration.submit_waitlist') : t('registration.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
