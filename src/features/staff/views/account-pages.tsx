// A staff member's own security page: the second factor (enrolment with a QR code, recovery codes, removal),
// the sessions signed in with their account, and for administrators the newsroom's second-factor rule;
// and the short form that asks for the password or a code again before a sensitive step.
import type { T } from '../../../platform/i18n/index.js';
import type { SessionInfo } from '../../../platform/session.js';
import type { PasskeyInfo } from '../../../platform/second-factor-store.js';
import { Field, Notice } from '../../../platform/ui/admin-layout.js';
import { describeAgent } from '../../../platform/user-agent.js';

export interface AccountPageProps {
  t: T;
  csrf: string;
  isAdmin: boolean;
  /** A confirmed authenticator app. */
  totp: boolean;
  passkeys: PasskeyInfo[];
  /** Any second factor (app or passkey): recovery codes exist. */
  hasFactor: boolean;
  recoveryLeft: number;
  /** While enrolling: the QR code as an SVG data address, and the secret to type by hand. */
  enrol?: { qr: string; secret: string };
  /** Recovery codes just made, shown this once. */
  codes?: string[];
  sessions: SessionInfo[];
  currentSession: string;
  adminsNeedSecondFactor: boolean;
  notice?: string;
  error?: string;
  formatTime: (iso: string) => string;
}

/** The security page of the signed-in staff member. */
export function AccountPage(p: AccountPageProps) {
  const { t } = p;
  return (
    <>
      <Notice text={p.notice} />
      {p.error && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>
            <strong>{p.error}</strong>
          </p>
        </div>
      )}
      {p.codes && (
        <section class="notice" aria-labelledby="codes-title">
          <h2 id="codes-title">{t('account.codes.new_title')}</h2>
          <p>{t('account.codes.explain')}</p>
          <ul class="recovery-codes">
            {p.codes.map((c) => (
              <li>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="second-factor">
        <h2 id="second-factor">{t('account.second_factor.title')}</h2>
        <p>{p.hasFactor ? t('account.second_factor.on') : t('account.second_factor.off')}</p>
        <h3>{t('account.app.title')}</h3>
        {p.totp ? (
          <form method="post" action="/admin/account/second-factor/remove">
            <p>{t('account.app.on')}</p>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <button type="submit" class="danger">
              {t('account.second_factor.remove')}
            </button>
          </form>
        ) : (
          p.enrol && (
            <>
              <ol>
                <li>{t('account.enrol.step_scan')}</li>
                <li>{t('account.enrol.step_code')}</li>
              </ol>
              <p>
                <img class="qr" src={p.enrol.qr} width={200} height={200} alt={t('account.enrol.qr_alt')} />
              </p>
              <p>
                {t('account.enrol.manual')} <code class="api-key">{p.enrol.secret}</code>
              </p>
              <form method="post" action="/admin/account/second-factor">
                <input type="hidden" name="_csrf" value={p.csrf} />
                <Field id="code" label={t('account.enrol.code')}>
                  <input
                    id="code"
                    name="code"
                    type="text"
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    pattern="[0-9 ]{6,7}"
                    maxLength={7}
                    required
                  />
                </Field>
                <button type="submit">{t('account.enrol.submit')}</button>
              </form>
            </>
          )
        )}

        <h3>{t('account.passkeys.title')}</h3>
        <p>{t('account.passkeys.explain')}</p>
        {p.passkeys.length > 0 && (
          <ul class="passkeys">
            {p.passkeys.map((k) => (
              <li>
                <strong>{k.name}</strong>{' '}
                <span class="hint">
                  {t('account.passkeys.used', { when: k.lastUsedAt ? p.formatTime(k.lastUsedAt) : t('account.passkeys.never') })}
                </span>
                <form method="post" action={`/admin/account/passkeys/${encodeURIComponent(k.id)}/remove`} class="inline">
                  <input type="hidden" name="_csrf" value={p.csrf} />
                  <button type="submit" class="link-button">
                    {t('account.passkeys.remove')}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form
          method="post"
          action="/admin/account/passkeys"
          data-passkey-create
          data-options="/admin/account/passkeys/options"
          data-failed={t('account.passkeys.failed')}
          hidden
        >
          <input type="hidden" name="_csrf" value={p.csrf} />
          <input type="hidden" name="credential" value="" />
          <Field id="passkey-name" label={t('account.passkeys.name')}>
            <input id="passkey-name" name="name" type="text" maxLength={80} placeholder={t('account.passkeys.name_example')} />
          </Field>
          <button type="submit" class="secondary">
            {t('account.passkeys.add')}
          </button>
          <p class="hint" data-passkey-status role="status" />
        </form>

        {p.hasFactor && (
          <>
            <h3>{t('account.codes.title')}</h3>
            <p>{t('account.codes.left', { count: p.recoveryLeft })}</p>
            <form method="post" action="/admin/account/recovery-codes">
              <input type="hidden" name="_csrf" value={p.csrf} />
              <button type="submit" class="secondary">
                {t('account.codes.regenerate')}
              </button>
            </form>
          </>
        )}
      </section>

      {p.isAdmin && (
        <section aria-labelledby="policy">
          <h2 id="policy">{t('account.policy.title')}</h2>
          <form method="post" action="/admin/account/policy">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <div class="field checkbox">
              <label>
                <input type="checkbox" name="admins_need_second_factor" value="1" checked={p.adminsNeedSecondFactor} />{' '}
                {t('account.policy.admins')}
              </label>
            </div>
            <button type="submit" class="secondary">
              {t('account.policy.save')}
            </button>
          </form>
        </section>
      )}

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('account.sessions.title')}</h2>
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('account.sessions.device')}</th>
                <th scope="col">{t('account.sessions.address')}</th>
                <th scope="col">{t('account.sessions.last_seen')}</th>
                <th scope="col">{t('account.sessions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {p.sessions.map((s) => (
                <tr>
                  <td>
                    {describeAgent(s.userAgent) || t('account.sessions.unknown_device')}
                    {s.id === p.currentSession && <strong class="tag"> {t('account.sessions.current')}</strong>}
                  </td>
                  <td>{s.ip || '—'}</td>
                  <td>
                    <time dateTime={s.lastSeenAt}>{p.formatTime(s.lastSeenAt)}</time>
                  </td>
                  <td>
                    {s.id !== p.currentSession && (
                      <form method="post" action={`/admin/account/sessions/${s.id}/end`}>
                        <input type="hidden" name="_csrf" value={p.csrf} />
                        <button type="submit" class="link-button">
                          {t('account.sessions.end')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {p.sessions.length > 1 && (
          <form method="post" action="/admin/account/sessions/end-others">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <button type="submit" class="secondary">
              {t('account.sessions.end_others')}
            </button>
          </form>
        )}
      </section>
    </>
  );
}

/** The form that asks for the password or a code again before a sensitive step. */
export function ReauthPage({ t, csrf, next, error, totp }: { t: T; csrf: string; next: string; error?: string; totp: boolean }) {
  return (
    <>
      {error && (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>
            <strong>{error}</strong>
          </p>
        </div>
      )}
      <p>{t('account.reauth.explain')}</p>
      <form method="post" action="/admin/reauth">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="next" value={next} />
        <Field id="password" label={totp ? t('account.reauth.password_or_code') : t('admin.login.password')}>
          <input id="password" name="password" type="password" autocomplete="current-password" maxLength={1000} required autofocus />
        </Field>
        <button type="submit">{t('account.reauth.submit')}</button>
      </form>
    </>
  );
}
