// The admin's partner keys: the list with a revoke button each, the form for a new key, and the new key
// shown once.
import type { T } from '../../../platform/i18n/index.js';
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

const SCOPE_TEXT: Record<string, string> = {
  read: 'read: public content (also open without a key, at a lower rate)',
  'facts:read': 'facts:read: facts under review or rejected as well',
  'comments:write': 'comments:write: post, like and report for a signed-in reader',
  'registrations:write': 'registrations:write: register and cancel for a signed-in reader',
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
  const { values: v, errors } = p;
  return (
    <>
      <Notice text={p.notice} />
      {p.created && (
        <section class="notice" aria-labelledby="new-key">
          <h2 id="new-key">Key for {p.created.name}</h2>
          <p>Copy it now: it is stored only as a hash and will not be shown again.</p>
          <p>
            <code class="api-key">{p.created.key}</code>
          </p>
        </section>
      )}
      {p.keys.length === 0 ? (
        <p>No partner keys yet. Public content is readable without one at a lower rate.</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key starts</th>
                <th scope="col">Scopes</th>
                <th scope="col">Per minute</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {p.keys.map((k) => (
                <tr key={k.id}>
                  <th scope="row" data-label="Name">
                    {k.name}
                  </th>
                  <td data-label="Key starts">
                    <code>chk_{k.prefix}_…</code>
                  </td>
                  <td data-label="Scopes">{k.scopes.join(', ')}</td>
                  <td data-label="Per minute">{k.rateLimit}</td>
                  <td data-label="Last used">{day(k.lastUsedAt) || 'never'}</td>
                  <td data-label="State">
                    {k.revokedAt ? (
                      `revoked ${day(k.revokedAt)}`
                    ) : k.expiresAt && k.expiresAt <= p.now ? (
                      `expired ${day(k.expiresAt)}`
                    ) : (
                      <form method="post" action={`/admin/api-keys/${k.id}/revoke`}>
                        <input type="hidden" name="_csrf" value={p.csrf} />
                        <button type="submit" class="danger">
                          Revoke
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
      <h2>New key</h2>
      <ErrorSummary t={p.t} errors={errors} />
      <form method="post" action="/admin/api-keys" class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={p.csrf} />
        <Field id="name" label="Partner or app" error={errors?.name}>
          <input id="name" name="name" type="text" required maxLength={100} value={v.name} />
        </Field>
        <fieldset class={errors?.scopes ? 'field field-error' : 'field'}>
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s} class="check">
              <input type="checkbox" name="scopes" value={s} checked={v.scopes.includes(s)} /> {SCOPE_TEXT[s]}
            </label>
          ))}
          {errors?.scopes && <p class="error">{errors.scopes}</p>}
        </fieldset>
        <Field
          id="origins"
          label="Browser origins"
          hint="One a line, e.g. https://app.example.org; leave empty for server-to-server use."
          error={errors?.origins}
        >
          <textarea id="origins" name="origins" rows={3}>
            {v.origins}
          </textarea>
        </Field>
        <Field
          id="redirect_uris"
          label="OAuth redirect addresses"
          hint="For apps that act for signed-in readers: one a line (https, http on localhost, or com.example.app:/callback)."
          error={errors?.redirect_uris}
        >
          <textarea id="redirect_uris" name="redirect_uris" rows={2}>
            {v.redirect_uris}
          </textarea>
        </Field>
        <Field id="rate_limit" label="Requests per minute" error={errors?.rate_limit}>
          <input id="rate_limit" name="rate_limit" type="number" min={1} value={v.rate_limit} />
        </Field>
        <Field id="expires_on" label="Expires on" hint="Optional, YYYY-MM-DD." error={errors?.expires_on}>
          <input id="expires_on" name="expires_on" type="date" value={v.expires_on} />
        </Field>
        <div class="button-row">
          <button type="submit" class="primary">
            Create key
          </button>
        </div>
      </form>
    </>
  );
}
