// The admin's webhook endpoints: the list, the form for a new one (its secret shown once), and one endpoint's
// delivery log with a button to send a delivery again.
import { EVENT_TYPES } from '../../../platform/event-outbox.js';
import { formatDateTime, type MessageKey, type T } from '../../../platform/i18n/index.js';
import { ErrorSummary, Field, Notice } from '../../../platform/ui/admin-layout.js';
import type { WebhookDelivery, WebhookEndpoint } from '../webhook-store.js';

export interface EndpointFormValues {
  url: string;
  description: string;
  events: string[];
  owner_email: string;
}

const STATUS_TEXT: Record<WebhookDelivery['status'], MessageKey> = {
  pending: 'api.hooks.status_pending',
  delivered: 'api.hooks.status_delivered',
  failed: 'api.hooks.status_failed',
  skipped: 'api.hooks.status_skipped',
};

const Csrf = ({ value }: { value: string }) => <input type="hidden" name="_csrf" value={value} />;

/** The list and the form; `created` carries a new endpoint's secret, shown this once. */
export function WebhooksPage(p: {
  t: T;
  csrf: string;
  endpoints: WebhookEndpoint[];
  values: EndpointFormValues;
  errors?: Record<string, string>;
  created?: { url: string; secret: string };
  notice?: string;
}) {
  const { t, values: v, errors } = p;
  return (
    <>
      <Notice text={p.notice} />
      {p.created && (
        <section class="notice" aria-labelledby="new-secret">
          <h2 id="new-secret">{t('api.hooks.created_title', { url: p.created.url })}</h2>
          <p>{t('api.hooks.created_hint')}</p>
          <p>
            <code class="api-key">{p.created.secret}</code>
          </p>
        </section>
      )}
      <p>{t('api.hooks.intro')}</p>
      {p.endpoints.length === 0 ? (
        <p>{t('api.hooks.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('api.hooks.col_url')}</th>
                <th scope="col">{t('api.hooks.col_events')}</th>
                <th scope="col">{t('api.hooks.col_state')}</th>
              </tr>
            </thead>
            <tbody>
              {p.endpoints.map((e) => (
                <tr key={e.id}>
                  <th scope="row" data-label={t('api.hooks.col_url')}>
                    <a href={`/admin/webhooks/${e.id}`} class="webhook-url">
                      {e.url}
                    </a>
                    {e.description && <div class="muted">{e.description}</div>}
                  </th>
                  <td data-label={t('api.hooks.col_events')}>{e.events.join(', ')}</td>
                  <td data-label={t('api.hooks.col_state')}>{e.enabled ? t('api.hooks.active') : t('api.hooks.paused')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('api.hooks.new_title')}</h2>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/admin/webhooks" class="stack-form" novalidate>
        <Csrf value={p.csrf} />
        <Field id="url" label={t('api.hooks.field_url')} hint={t('api.hooks.field_url_hint')} error={errors?.url}>
          <input id="url" name="url" type="url" required maxLength={500} value={v.url} />
        </Field>
        <Field id="description" label={t('api.hooks.field_description')} error={errors?.description}>
          <input id="description" name="description" type="text" maxLength={200} value={v.description} />
        </Field>
        <fieldset class={errors?.events ? 'field field-error' : 'field'}>
          <legend>{t('api.hooks.field_events')}</legend>
          {EVENT_TYPES.map((e) => (
            <label key={e} class="check">
              <input type="checkbox" name="events" value={e} checked={v.events.includes(e)} /> <code>{e}</code>
            </label>
          ))}
          {errors?.events && <p class="error">{errors.events}</p>}
        </fieldset>
        <Field id="owner_email" label={t('api.hooks.field_owner')} hint={t('api.hooks.field_owner_hint')} error={errors?.owner_email}>
          <input id="owner_email" name="owner_email" type="email" maxLength={200} value={v.owner_email} />
        </Field>
        <div class="button-row">
          <button type="submit" class="primary">
            {t('api.hooks.submit')}
          </button>
        </div>
      </form>
    </>
  );
}

/** One endpoint: its state, resume and remove, and its latest deliveries. */
export function WebhookEndpointPage(p: { t: T; csrf: string; endpoint: WebhookEndpoint; deliveries: WebhookDelivery[]; notice?: string }) {
  const { t, endpoint: e } = p;
  const when = (iso: string) => formatDateTime(iso, t.lang);
  return (
    <>
      <Notice text={p.notice} />
      <p>
        <a href="/admin/webhooks">{t('api.hooks.back')}</a>
      </p>
      <p class="webhook-url">
        <code>{e.url}</code>
      </p>
      {e.description && <p>{e.description}</p>}
      <p>
        {t('api.hooks.col_events')}: <code>{e.events.join(', ')}</code>
      </p>
      {!e.enabled && (
        <p class="warning" role="status">
          {t('api.hooks.paused_note', { reason: e.disabledReason })}
        </p>
      )}
      <div class="button-row">
        {!e.enabled && (
          <form method="post" action={`/admin/webhooks/${e.id}/enable`}>
            <Csrf value={p.csrf} />
            <button type="submit" class="primary">
              {t('api.hooks.enable')}
            </button>
          </form>
        )}
        <form method="post" action={`/admin/webhooks/${e.id}/remove`}>
          <Csrf value={p.csrf} />
          <button type="submit" class="danger">
            {t('api.hooks.remove')}
          </button>
        </form>
      </div>
      <h2>{t('api.hooks.log_title')}</h2>
      {p.deliveries.length === 0 ? (
        <p>{t('api.hooks.log_none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('api.hooks.col_created')}</th>
                <th scope="col">{t('api.hooks.col_event')}</th>
                <th scope="col">{t('api.hooks.col_status')}</th>
                <th scope="col">{t('api.hooks.col_attempts')}</th>
                <th scope="col">{t('api.hooks.col_response')}</th>
                <th scope="col">{t('api.hooks.col_latency')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('api.hooks.resend')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.deliveries.map((d) => (
                <tr key={d.id}>
                  <th scope="row" data-label={t('api.hooks.col_created')}>
                    {when(d.createdAt)}
                  </th>
                  <td data-label={t('api.hooks.col_event')}>
                    <code>{d.eventType}</code>
                  </td>
                  <td data-label={t('api.hooks.col_status')}>{t(STATUS_TEXT[d.status])}</td>
                  <td data-label={t('api.hooks.col_attempts')}>{d.attempts}</td>
                  <td data-label={t('api.hooks.col_response')}>
                    {d.responseStatus !== null && <strong>{d.responseStatus} </strong>}
                    {d.error && d.responseStatus === null && <span>{d.error} </span>}
                    {d.responseExcerpt && <code class="excerpt">{d.responseExcerpt.slice(0, 200)}</code>}
                  </td>
                  <td data-label={t('api.hooks.col_latency')}>{d.latencyMs === null ? '' : t('api.hooks.latency', { ms: d.latencyMs })}</td>
                  <td>
                    {d.status !== 'pending' && (
                      <form method="post" action={`/admin/webhooks/${e.id}/deliveries/${d.id}/resend`}>
                        <Csrf value={p.csrf} />
                        <button type="submit">{t('api.hooks.resend')}</button>
                      </form>
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
