// Staff pages of registration: the settings and questions form, the registrations list with its actions, and the check-in page.
import type { T } from '../../../platform/i18n/index.js';
import { QUESTION_KINDS, REGISTRATION_STATUSES, type Registration, type RegistrationStatus } from '../registration.js';
import type { SettingsFormValues } from '../registration-settings-form.js';

function Err({ id, errors }: { id: string; errors?: Record<string, string> }) {
  return errors?.[id] ? (
    <p class="error" id={`${id}-error`} role="alert">
      {errors[id]}
    </p>
  ) : null;
}

/** Tabs between an event's staff pages. */
export function RegistrationTabs({ t, id, current }: { t: T; id: number; current: 'edit' | 'settings' | 'list' | 'checkin' }) {
  const tabs = [
    ['edit', `/admin/events/${id}/edit`, 'registration.admin.tab.event'],
    ['settings', `/admin/events/${id}/registration`, 'registration.admin.tab.settings'],
    ['list', `/admin/events/${id}/registrations`, 'registration.admin.tab.list'],
    ['checkin', `/admin/events/${id}/check-in`, 'registration.admin.tab.checkin'],
  ] as const;
  return (
    <nav class="event-tabs" aria-label={t('registration.admin.tabs')}>
      {tabs.map(([k, href, key]) => (
        <a href={href} aria-current={k === current ? 'page' : undefined}>
          {t(key)}
        </a>
      ))}
    </nav>
  );
}

/** The settings and questions form. */
export function AdminRegistrationSettings({
  t,
  id,
  csrf,
  values: v,
  errors,
  notice,
  zone,
}: {
  t: T;
  id: number;
  csrf: string;
  values: SettingsFormValues;
  errors?: Record<string, string>;
  notice?: string;
  zone: string;
}) {
  const rows = [
    ...v.questions,
    { id: '', label: '', kind: 'text', options: '', required: false },
    { id: '', label: '', kind: 'text', options: '', required: false },
  ];
  const num = (name: string, label: string, value: string, hint?: string) => (
    <div class={errors?.[name] ? 'field field-error' : 'field'}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={name}
        name={name}
        inputMode="numeric"
        value={value}
        aria-describedby={hint ? `${name}-hint` : undefined}
        aria-invalid={errors?.[name] ? 'true' : undefined}
      />
      <Err id={name} errors={errors} />
    </div>
  );
  return (
    <>
      <RegistrationTabs t={t} id={id} current="settings" />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {errors && Object.keys(errors).length > 0 && (
        <div class="error-summary" role="alert">
          <p>
            <strong>{t('events.admin.error_summary')}</strong>
          </p>
          <ul>
            {Object.entries(errors).map(([k, m]) => (
              <li>
                <a href={`#${k}`}>{m}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={`/admin/events/${id}/registration`} class="admin-form registration-settings">
        <input type="hidden" name="_csrf" value={csrf} />
        <fieldset>
          <legend>{t('registration.admin.section.rules')}</legend>
          <div class="field field-check">
            <input id="enabled" type="checkbox" name="enabled" value="1" checked={v.enabled} />{' '}
            <label for="enabled">{t('registration.admin.field.enabled')}</label>
          </div>
          {num('capacity', t('registration.admin.field.capacity'), v.capacity, t('registration.admin.hint.capacity'))}
          <div class="field-pair">
            {(['opens_at', 'closes_at'] as const).map((n) => (
              <div class={errors?.[n] ? 'field field-error' : 'field'}>
                <label for={n}>{t(`registration.admin.field.${n}`)}</label>
                <p class="hint" id={`${n}-hint`}>
                  {t('registration.admin.hint.zone', { zone })}
                </p>
                <input
                  id={n}
                  name={n}
                  type="datetime-local"
                  value={n === 'opens_at' ? v.opensAt : v.closesAt}
                  aria-describedby={`${n}-hint`}
                  aria-invalid={errors?.[n] ? 'true' : undefined}
                />
                <Err id={n} errors={errors} />
              </div>
            ))}
          </div>
          <div class="field field-check">
            <input id="approval_required" type="checkbox" name="approval_required" value="1" checked={v.approvalRequired} />{' '}
            <label for="approval_required">{t('registration.admin.field.approval')}</label>
          </div>
          {num('offer_hours', t('registration.admin.field.offer_hours'), v.offerHours, t('registration.admin.hint.offer_hours'))}
          {num('reminder_hours', t('registration.admin.field.reminder_hours'), v.reminderHours)}
        </fieldset>
        <fieldset id="questions">
          <legend>{t('registration.admin.section.questions')}</legend>
          <p class="hint">{t('registration.admin.hint.questions')}</p>
          <Err id="questions" errors={errors} />
          {rows.map((q, i) => (
            <div class="question-row">
              <input type="hidden" name={`q_id_${i}`} value={q.id} />
              <div class="field">
                <label for={`q_label_${i}`}>{t('registration.admin.field.q_label', { n: i + 1 })}</label>
                <input id={`q_label_${i}`} name={`q_label_${i}`} value={q.label} />
              </div>
              <div class={errors?.[`q_kind_${i}`] ? 'field field-error' : 'field'}>
                <label for={`q_kind_${i}`}>{t('registration.admin.field.q_kind')}</label>
                <select id={`q_kind_${i}`} name={`q_kind_${i}`}>
                  {QUESTION_KINDS.map((k) => (
                    <option value={k} selected={q.kind === k}>
                      {t(`registration.admin.kind.${k}`)}
                    </option>
                  ))}
                </select>
                <Err id={`q_kind_${i}`} errors={errors} />
              </div>
              <div class={errors?.[`q_options_${i}`] ? 'field field-error' : 'field'}>
                <label for={`q_options_${i}`}>{t('registration.admin.field.q_options')}</label>
                <textarea id={`q_options_${i}`} name={`q_options_${i}`} rows={3}>
                  {q.options}
                </textarea>
                <Err id={`q_options_${i}`} errors={errors} />
              </div>
              <div class="field field-check">
                <input id={`q_required_${i}`} type="checkbox" name={`q_required_${i}`} value="1" checked={q.required} />{' '}
                <label for={`q_required_${i}`}>{t('registration.admin.field.q_required')}</label>
              </div>
            </div>
          ))}
        </fieldset>
        <div class="button-row">
          <button type="submit">{t('registration.admin.save')}</button>
        </div>
      </form>
    </>
  );
}

export interface AdminRegistrationListProps {
  t: T;
  id: number;
  csrf: string;
  title: string;
  registrations: Registration[];
  counts: Record<RegistrationStatus, number>;
  capacity: number | null;
  filter: { status: string; q: string };
  notice?: string;
  problem?: string;
}

/** The registrations list with filters and per-row actions. */
export function AdminRegistrationList({
  t,
  id,
  csrf,
  registrations,
  counts,
  capacity,
  filter,
  notice,
  problem,
}: AdminRegistrationListProps) {
  const action = (r: Registration, name: string, label: string, cls = 'secondary') => (
    <form method="post" action={`/admin/events/${id}/registrations/${r.id}/${name}`} class="inline-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <button type="submit" class={`small ${cls}`}>
        {label}
      </button>
    </form>
  );
  const qs = new URLSearchParams({ ...(filter.status ? { status: filter.status } : {}), ...(filter.q ? { q: filter.q } : {}) }).toString();
  return (
    <>
      <RegistrationTabs t={t} id={id} current="list" />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      <p class="registration-counts">
        {t('registration.admin.counts', {
          confirmed: counts.confirmed,
          capacity: capacity === null ? '∞' : capacity,
          offered: counts.offered,
          waitlisted: counts.waitlisted,
          pending: counts.pending,
        })}
      </p>
      <form method="get" action={`/admin/events/${id}/registrations`} class="filter-form" role="search">
        <div class="field">
          <label for="status">{t('registration.admin.field.status')}</label>
          <select id="status" name="status">
            <option value="">{t('registration.admin.all')}</option>
            {REGISTRATION_STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {t(`registration.status.${s}`)} ({counts[s]})
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="q">{t('registration.admin.search')}</label>
          <input id="q" name="q" type="search" value={filter.q} />
        </div>
        <button type="submit" class="secondary">
          {t('registration.admin.filter')}
        </button>
        <a class="button secondary" href={`/admin/events/${id}/registrations.csv${qs ? `?${qs}` : ''}`}>
          {t('registration.admin.export')}
        </a>
      </form>
      {registrations.length === 0 ? (
        <p>{t('registration.admin.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="admin-table registration-table">
            <caption class="visually-hidden">{t('registration.admin.list_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registration.field.name')}</th>
                <th scope="col">{t('registration.admin.field.status')}</th>
                <th scope="col">{t('registration.field.organisation')}</th>
                <th scope="col">{t('registration.admin.registered')}</th>
                <th scope="col">{t('events.admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((r) => (
                <tr id={`r${r.id}`}>
                  <th scope="row">
                    {r.name}
                    <br />
                    <span class="meta">{r.email}</span>
                  </th>
                  <td>
                    <span class={`status status-${r.status}`}>{t(`registration.status.${r.status}`)}</span>
                    {r.status === 'waitlisted' && r.waitlistPosition !== null && <> #{r.waitlistPosition}</>}
                    {r.attendedAt && <> · {t('registration.admin.attended')}</>}
                  </td>
                  <td>
                    {r.organisation}
                    {r.position && (
                      <>
                        <br />
                        <span class="meta">{r.position}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <time dateTime={r.createdAt}>{r.createdAt.slice(0, 16).replace('T', ' ')}</time>
                  </td>
                  <td class="registration-actions">
                    {r.status === 'pending' && action(r, 'approve', t('registration.admin.approve'), '')}
                    {r.status === 'waitlisted' && action(r, 'promote', t('registration.admin.promote'), '')}
                    {['pending', 'confirmed', 'waitlisted', 'offered'].includes(r.status) && (
                      <>
                        {action(r, 'cancel', t('registration.admin.cancel'))}
                        <details class="reject">
                          <summary>{t('registration.admin.reject')}</summary>
                          <form method="post" action={`/admin/events/${id}/registrations/${r.id}/reject`}>
                            <input type="hidden" name="_csrf" value={csrf} />
                            <label for={`msg-${r.id}`}>{t('registration.admin.reject_message')}</label>
                            <textarea id={`msg-${r.id}`} name="message" rows={3} />
                            <button type="submit" class="small danger">
                              {t('registration.admin.reject_confirm')}
                            </button>
                          </form>
                        </details>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The check-in page: a search box and a big button per confirmed participant, made for a phone at the door. */
export function AdminCheckIn({
  t,
  id,
  csrf,
  title,
  registrations,
  q,
  counts,
}: {
  t: T;
  id: number;
  csrf: string;
  title: string;
  registrations: Registration[];
  q: string;
  counts: { attended: number; confirmed: number };
}) {
  return (
    <div class="check-in">
      <RegistrationTabs t={t} id={id} current="checkin" />
      <p class="check-in-count" role="status">
        {t('registration.admin.checkin_count', { attended: counts.attended, confirmed: counts.confirmed, event: title })}
      </p>
      <form method="get" action={`/admin/events/${id}/check-in`} class="check-in-search" role="search">
        <label for="check-in-q">{t('registration.admin.checkin_search')}</label>
        <div class="check-in-search-row">
          <input id="check-in-q" name="q" type="search" value={q} autocomplete="off" />
          <button type="submit">{t('registration.admin.search')}</button>
        </div>
      </form>
      {registrations.length === 0 ? (
        <p>{t('registration.admin.checkin_none')}</p>
      ) : (
        <ul class="check-in-list">
          {registrations.map((r) => (
            <li id={`p${r.id}`} class={r.attendedAt ? 'check-in-person attended' : 'check-in-person'}>
              <div class="check-in-who">
                <strong>{r.name}</strong>
                {r.organisation && <span class="meta">{r.organisation}</span>}
              </div>
              <form method="post" action={`/admin/events/${id}/check-in/${r.id}`}>
                <input type="hidden" name="_csrf" value={csrf} />
                <input type="hidden" name="q" value={q} />
                <input type="hidden" name="attended" value={r.attendedAt ? '0' : '1'} />
                {r.attendedAt ? (
                  <button type="submit" class="check-in-button done">
                    <span aria-hidden="true">✓ </span>
                    {t('registration.admin.attended')}
                    <span class="visually-hidden">
                      : {r.name} ({t('registration.admin.undo')})
                    </span>
                  </button>
                ) : (
                  <button type="submit" class="check-in-button">
                    {t('registration.admin.mark')}
                    <span class="visually-hidden">: {r.name}</span>
                  </button>
                )}
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
