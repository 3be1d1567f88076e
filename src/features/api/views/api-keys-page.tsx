// The admin's partner keys: the list with a revoke button each, the form for a new key, and the new key
// shown once.
import type { MessageKey, T } from '../../../platform/i18n/index.js';
import { ErrorSummary, Field, Notice } from '../../../platform/ui/admin-layout.js';
import type { ApiKey } from '../api-key.js';
import { SCOPES } from '../api-route.js';

export interface KeyFormValues {
  name: string;
  scopes: string[];
  origins: string;
  redirect_uris: string;
  rate_limit: string;
  expires_on: string;
}

const SCOPE_TEXT: Record<string, MessageKey> = {
  read: 'api.keys.scope_read',
  'facts:read': 'api.keys.scope_facts_read',
  'comments:write': 'api.keys.scope_comments_write',
  'registrations:write': 'api.keys.scope_registrations_write',
};

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** The list of keys and the form for a new one; `created` is the secret of a key just made, shown this once. */
export function ApiKeysPage(p: {
  t: T;
  csrf: string;
  keys: ApiKey[];
  values: KeyFormValues;
  errors?: Record<string, string>;
  created?: { name: string; key: string };
  notice?: string;
  now: string;
}) {
  const { values: v, errors, t } = p;
  return (
    <>
      <Notice text={p.notice} />
      {p.created && (
        <section class="notice" aria-labelledby="new-key">
          <h2 id="new-key">{t('api.keys.created_title', { name: p.created.name })}</h2>
          <p>{t('api.keys.created_hint')}</p>
          <p>
            <code class="api-key">{p.created.key}</code>
          </p>
        </section>
      )}
      {p.keys.length === 0 ? (
        <p>{t('api.keys.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('api.keys.col_name')}</th>
                <th scope="col">{t('api.keys.col_prefix')}</th>
                <th scope="col">{t('api.keys.col_scopes')}</th>
                <th scope="col">{t('api.keys.col_rate')}</th>
                <th scope="col">{t('api.keys.col_last_used')}</th>
                <th scope="col">{t('api.keys.col_state')}</th>
              </tr>
            </thead>
            <tbody>
              {p.keys.map((k) => (
                <tr key={k.id}>
                  <th scope="row" data-label={t('api.keys.col_name')}>
                    {k.name}
                  </th>
                  <td data-label={t('api.keys.col_prefix')}>
                    <code>chk_{k.prefix}_…</code>
                  </td>
                  <td data-label={t('api.keys.col_scopes')}>{k.scopes.join(', ')}</td>
                  <td data-label={t('api.keys.col_rate')}>{k.rateLimit}</td>
                  <td data-label={t('api.keys.col_last_used')}>{day(k.lastUsedAt) || t('api.keys.never')}</td>
                  <td data-label={t('api.keys.col_state')}>
                    {k.revokedAt ? (
                      t('api.keys.revoked_on', { date: day(k.revokedAt) })
                    ) : k.expiresAt && k.expiresAt <= p.now ? (
                      t('api.keys.expired_on', { date: day(k.expiresAt) })
                    ) : (
                      <form method="post" action={`/admin/api-keys/${k.id}/revoke`}>
                        <input type="hidden" name="_csrf" value={p.csrf} />
                        <button type="submit" class="danger">
                          {t('api.keys.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('api.keys.new_title')}</h2>
      <ErrorSummary t={p.t} errors={errors} />
      <form method="post" action="/admin/api-keys" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <Field id="name" label={t('api.keys.field_name')} error={errors?.name}>
          <input id="name" name="name" type="text" required maxLength={100} value={v.name} />
        </Field>
        <fieldset class={errors?.scopes ? 'field field-error' : 'field'}>
          <legend>{t('api.keys.field_scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} class="check">
              <input type="checkbox" name="scopes" value={s} checked={v.scopes.includes(s)} /> {t(SCOPE_TEXT[s])}
            </label>
          ))}
          {errors?.scopes && <p class="error">{errors.scopes}</p>}
        </fieldset>
        <Field id="origins" label={t('api.keys.field_origins')} hint={t('api.keys.field_origins_hint')} error={errors?.origins}>
          <textarea id="origins" name="origins" rows={3}>
            {v.origins}
          </textarea>
        </Field>
        <Field
          id="redirect_uris"
          label={t('api.keys.field_redirects')}
          hint={t('api.keys.field_redirects_hint')}
          error={errors?.redirect_uris}
        >
          <textarea id="redirect_uris" name="redirect_uris" rows={2}>
            {v.redirect_uris}
          </textarea>
        </Field>
        <Field id="rate_limit" label={t('api.keys.field_rate')} error={errors?.rate_limit}>
          <input id="rate_limit" name="rate_limit" type="number" min={1} value={v.rate_limit} />
        </Field>
        <Field id="expires_on" label={t('api.keys.field_expires')} hint={t('api.keys.field_expires_hint')} error={errors?.expires_on}>
          <input id="expires_on" name="expires_on" type="date" value={v.expires_on} />
        </Field>
        <div class="button-row">
          <button type="submit" class="primary">
            {t('api.keys.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
