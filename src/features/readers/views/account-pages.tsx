// The reader account pages: sign-up, sign-in, confirmation, password reset and the profile.
import type { ComponentChildren, VNode } from 'preact';
import { formatDate, formatDateTime, type T } from '../../../platform/i18n/index.js';
import type { SessionInfo } from '../../../platform/session.js';
import { describeAgent } from '../../../platform/user-agent.js';
import { editionAlternates } from '../../../platform/editions.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Chrome } from '../../../platform/chrome.js';
import { NAME_MAX, PASSWORD_MIN, type Reader } from '../reader.js';
import { describedBy, ErrorSummary, Field } from './form-parts.js';

interface Base {
  t: T;
  chrome: Chrome;
  account: { name: string } | null;
}
type Errors = Record<string, string> | undefined;

/** An account address in the page's edition ("/ru/account/login"). */
const at = (chrome: Chrome, path: string) => (chrome.site.base ?? '') + path;

function Shell({ t, chrome, account, title, path, children }: Base & { title: string; path: string; children: ComponentChildren }) {
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={account}
      meta={{ title, path: at(chrome, path), noindex: true, alternates: editionAlternates(chrome.site, path) }}
    >
      <div class="account">
        <h1>{title}</h1>
        {children}
      </div>
    </Layout>
  );
}

const Csrf = ({ value }: { value: string }) => <input type="hidden" name="_csrf" value={value} />;

function TextInput({
  id,
  type,
  value,
  error,
  hint,
  autocomplete,
  required = true,
  maxLength,
}: {
  id: string;
  type: 'text' | 'email' | 'password';
  value?: string;
  error?: string;
  hint?: boolean;
  autocomplete: string;
  required?: boolean;
  maxLength?: number;
}) {
  return (
    <input
      id={id}
      name={id}
      type={type}
      value={type === 'password' ? undefined : (value ?? '')}
      autocomplete={autocomplete}
      required={required}
      maxLength={maxLength}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(id, !!hint, error)}
    />
  );
}

export interface SignupProps extends Base {
  csrf: string;
  guard: VNode;
  values: { name: string; email: string };
  errors?: Errors;
  message?: string;
}

/** The sign-up form. */
export function SignupPage({ t, chrome, account, csrf, guard, values, errors, message }: SignupProps) {
  return (
    <Shell t={t} chrome={chrome} account={account} title={t('account.signup.title')} path="/account/signup">
      <p>{t('account.signup.intro')}</p>
      <ErrorSummary t={t} errors={errors} message={message} />
      <form method="post" action={at(chrome, '/account/signup')} novalidate>
        <Csrf value={csrf} />
        {guard}
        <Field id="name" label={t('account.field.name')} hint={t('account.field.name_hint', { max: NAME_MAX })} error={errors?.name}>
          <TextInput id="name" type="text" value={values.name} error={errors?.name} hint autocomplete="nickname" maxLength={NAME_MAX * 2} />
        </Field>
        <Field id="email" label={t('account.field.email')} error={errors?.email}>
          <TextInput id="email" type="email" value={values.email} error={errors?.email} autocomplete="email" />
        </Field>
        <Field
          id="password"
          label={t('account.field.password')}
          hint={t('account.field.password_hint', { min: PASSWORD_MIN })}
          error={errors?.password}
        >
          <TextInput id="password" type="password" error={errors?.password} hint autocomplete="new-password" />
        </Field>
        <button type="submit">{t('account.signup.submit')}</button>
      </form>
      <p class="links">
        {t('account.signup.have_account')} <a href={at(chrome, '/account/login')}>{t('account.sign_in')}</a>
      </p>
    </Shell>
  );
}

/** "Check your mail": the same answer whether or not the address was known. */
export function CheckMailPage({ t, chrome, account, title, text }: Base & { title: string; text: string }) {
  return (
    <Shell t={t} chrome={chrome} account={account} title={title} path="/account">
      <p class="notice" role="status">
        {text}
      </p>
      <p>{t('account.check_mail.spam')}</p>
      <p class="links">
        <a href="/">{t('error.home_link')}</a>
      </p>
    </Shell>
  );
}

export interface LoginProps extends Base {
  csrf: string;
  email: string;
  next: string;
  message?: string;
  notice?: string;
}

/** The sign-in form. */
export function LoginPage({ t, chrome, account, csrf, email, next, message, notice }: LoginProps) {
  return (
    <Shell t={t} chrome={chrome} account={account} title={t('account.login.title')} path="/account/login">
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary t={t} message={message} />
      <form method="post" action={at(chrome, '/account/login')}>
        <Csrf value={csrf} />
        <input type="hidden" name="next" value={next} />
        <Field id="email" label={t('account.field.email')}>
          <TextInput id="email" type="email" value={email} autocomplete="username" />
        </Field>
        <Field id="password" label={t('account.field.password')}>
          <TextInput id="password" type="password" autocomplete="current-password" />
        </Field>
        <button type="submit">{t('account.login.submit')}</button>
      </form>
      <p class="links">
        <a href={at(chrome, '/account/reset')}>{t('account.login.forgot')}</a>
      </p>
      <p class="links">
        {t('account.login.no_account')} <a href={at(chrome, '/account/signup')}>{t('account.signup.link')}</a>
      </p>
    </Shell>
  );
}

/** The result of following a confirmation link. */
export function ConfirmPage({ t, chrome, account, ok }: Base & { ok: boolean }) {
  return (
    <Shell
      t={t}
      chrome={chrome}
      account={account}
      title={ok ? t('account.confirm.ok_title') : t('account.confirm.bad_title')}
      path="/account/confirm"
    >
      {ok ? (
        <p class="notice" role="status">
          {t('account.confirm.ok')}
        </p>
      ) : (
        <p class="warning">{t('account.confirm.bad')}</p>
      )}
      <p class="links">
        {account ? (
          <a href={at(chrome, '/account')}>{t('account.profile.title')}</a>
        ) : (
          <a href={at(chrome, '/account/login')}>{t('account.sign_in')}</a>
        )}
      </p>
    </Shell>
  );
}

export interface ResetRequestProps extends Base {
  csrf: string;
  guard: VNode;
  email: string;
  errors?: Errors;
  message?: string;
}

/** Asks for the address to send a reset link to. */
export function ResetRequestPage({ t, chrome, account, csrf, guard, email, errors, message }: ResetRequestProps) {
  return (
    <Shell t={t} chrome={chrome} account={account} title={t('account.reset.title')} path="/account/reset">
      <p>{t('account.reset.intro')}</p>
      <ErrorSummary t={t} errors={errors} message={message} />
      <form method="post" action={at(chrome, '/account/reset')} novalidate>
        <Csrf value={csrf} />
        {guard}
        <Field id="email" label={t('account.field.email')} error={errors?.email}>
          <TextInput id="email" type="email" value={email} error={errors?.email} autocomplete="email" />
        </Field>
        <button type="submit">{t('account.reset.submit')}</button>
      </form>
      <p class="links">
        <a href={at(chrome, '/account/login')}>{t('account.sign_in')}</a>
      </p>
    </Shell>
  );
}

/** Choosing a new password through a reset link (or saying the link no longer works). */
export function ResetConfirmPage({
  t,
  chrome,
  account,
  csrf,
  token,
  valid,
  errors,
}: Base & { csrf: string; token: string; valid: boolean; errors?: Errors }) {
  return (
    <Shell t={t} chrome={chrome} account={account} title={t('account.reset_confirm.title')} path="/account/reset/confirm">
      {!valid ? (
        <>
          <p class="warning">{t('account.reset_confirm.bad')}</p>
          <p class="links">
            <a href={at(chrome, '/account/reset')}>{t('account.reset_confirm.again')}</a>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary t={t} errors={errors} />
          <form method="post" action={at(chrome, '/account/reset/confirm')} novalidate>
            <Csrf value={csrf} />
            <input type="hidden" name="token" value={token} />
            <Field
              id="password"
              label={t('account.field.new_password')}
              hint={t('account.field.password_hint', { min: PASSWORD_MIN })}
              error={errors?.password}
            >
              <TextInput id="password" type="password" error={errors?.password} hint autocomplete="new-password" />
            </Field>
            <p class="hint">{t('account.reset_confirm.sessions')}</p>
            <button type="submit">{t('account.reset_confirm.submit')}</button>
          </form>
        </>
      )}
    </Shell>
  );
}

export interface ProfileProps extends Base {
  csrf: string;
  reader: Reader;
  /** The account's sessions, and which one is this browser's. */
  sessions: SessionInfo[];
  currentSession: string;
  notice?: string;
  errors?: Errors;
  values?: { name?: string };
  message?: string;
}

/** The signed-in reader's own page: name, notifications, confirmation, sign-out and deletion. */
export function ProfilePage({ t, chrome, account, csrf, reader, sessions, currentSession, notice, errors, values, message }: ProfileProps) {
  const isReader = reader.role === 'reader';
  return (
    <Shell t={t} chrome={chrome} account={account} title={t('account.profile.title')} path="/account">
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary t={t} errors={errors} message={message} />
      <p>
        {t('account.profile.signed_in_as', { email: reader.email })} {t('account.profile.since', { date: formatDate(reader.createdAt) })}
      </p>

      {!reader.emailConfirmedAt && isReader && (
        <section aria-labelledby="confirm-h">
          <h2 id="confirm-h">{t('account.profile.unconfirmed_title')}</h2>
          <p class="warning">{t('account.profile.unconfirmed')}</p>
          <form method="post" action={at(chrome, '/account/resend')}>
            <Csrf value={csrf} />
            <button type="submit">{t('account.profile.resend')}</button>
          </form>
        </section>
      )}

      <section aria-labelledby="name-h">
        <h2 id="name-h">{t('account.profile.name_title')}</h2>
        <form method="post" action={at(chrome, '/account/name')} novalidate>
          <Csrf value={csrf} />
          <Field id="name" label={t('account.field.name')} hint={t('account.field.name_hint', { max: NAME_MAX })} error={errors?.name}>
            <TextInput
              id="name"
              type="text"
              value={values?.name ?? reader.name}
              error={errors?.name}
              hint
              autocomplete="nickname"
              maxLength={NAME_MAX * 2}
            />
          </Field>
          <button type="submit">{t('account.profile.save_name')}</button>
        </form>
      </section>

      <section aria-labelledby="notify-h">
        <h2 id="notify-h">{t('account.profile.notify_title')}</h2>
        <form method="post" action={at(chrome, '/account/notifications')}>
          <Csrf value={csrf} />
          <div class="field check">
            <input id="notify_replies" type="checkbox" name="notify_replies" value="on" checked={reader.notifyReplies} />
            <label for="notify_replies">{t('account.profile.notify_replies')}</label>
          </div>
          <button type="submit">{t('account.profile.save_notify')}</button>
        </form>
      </section>

      <section aria-labelledby="session-h">
        <h2 id="session-h">{t('account.profile.session_title')}</h2>
        <form method="post" action={at(chrome, '/account/logout')}>
          <Csrf value={csrf} />
          <button type="submit">{t('account.logout')}</button>
        </form>
        <p class="links">
          <a href={at(chrome, '/account/reset')}>{t('account.profile.change_password')}</a>
        </p>
      </section>

      <section aria-labelledby="apps-h">
        <h2 id="apps-h">{t('api.apps.title')}</h2>
        <p class="links">
          <a href="/account/apps">{t('api.apps.link')}</a>
        </p>
      </section>

      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h">{t('account.sessions.title')}</h2>
        <ul class="sessions">
          {sessions.map((s) => (
            <li>
              <strong>{describeAgent(s.userAgent) || t('account.sessions.unknown_device')}</strong>
              {s.id === currentSession && <em> ({t('account.sessions.current')})</em>}
              <br />
              <span class="hint">
                {s.ip || '—'} · {t('account.sessions.last_seen')}:{' '}
                <time dateTime={s.lastSeenAt}>{formatDateTime(s.lastSeenAt, t.lang)}</time>
              </span>
              {s.id !== currentSession && (
                <form method="post" action={at(chrome, `/account/sessions/${s.id}/end`)}>
                  <Csrf value={csrf} />
                  <button type="submit" class="link-button">
                    {t('account.sessions.end')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
        {sessions.length > 1 && (
          <form method="post" action={at(chrome, '/account/sessions/end-others')}>
            <Csrf value={csrf} />
            <button type="submit">{t('account.sessions.end_others')}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="delete-h">
        <h2 id="delete-h">{t('account.profile.delete_title')}</h2>
        {isReader ? (
          <>
            <p>{t('account.profile.delete_intro')}</p>
            <form method="post" action={at(chrome, '/account/delete')} novalidate>
              <Csrf value={csrf} />
              <Field id="delete_password" label={t('account.field.password_confirm_delete')} error={errors?.delete_password}>
                <TextInput id="delete_password" type="password" error={errors?.delete_password} autocomplete="current-password" />
              </Field>
              <button type="submit" class="danger">
                {t('account.profile.delete_submit')}
              </button>
            </form>
          </>
        ) : (
          <p>{t('account.profile.staff_delete')}</p>
        )}
      </section>
    </Shell>
  );
}

/** After deletion: what happened, and that comments stay as from a deleted user. */
export function DeletedPage({ t, chrome }: Omit<Base, 'account'>) {
  return (
    <Shell t={t} chrome={chrome} account={null} title={t('account.deleted.title')} path="/account/deleted">
      <p class="notice" role="status">
        {t('account.deleted.text')}
      </p>
      <p class="links">
        <a href="/">{t('error.home_link')}</a>
      </p>
    </Shell>
  );
}
