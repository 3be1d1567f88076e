import type { T } from '../../../platform/i18n/index.js';

// The staff sign-in form.
export function LoginPage({ t, csrf, next, email, error }: { t: T; csrf: string; next: string; email?: string; error?: string }) {
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t('admin.doc_title', { title: t('admin.login.submit') })}</title>
        <link rel="stylesheet" href="/assets/admin.css" />
      </head>
      <body class="admin login">
        <main id="main" class="login-box">
          <h1>{t('admin.login.title')}</h1>
          {error && (
            <p class="error-summary" role="alert">
              {error}
            </p>
          )}
          <form method="post" action="/admin/login">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="next" value={next} />
            <div class="field">
              <label for="email">{t('admin.login.email')}</label>
              <input id="email" name="email" type="email" autocomplete="username" required value={email ?? ''} />
            </div>
            <div class="field">
              <label for="password">{t('admin.login.password')}</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required />
            </div>
            <button type="submit">{t('admin.login.submit')}</button>
          </form>
          <p>
            <a href="/">{t('admin.login.back')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** The second step of staff sign-in: a code from the authenticator app or a recovery code. */
export function SecondFactorPage({
  t,
  csrf,
  next,
  error,
  passkeys,
}: {
  t: T;
  csrf: string;
  next: string;
  error?: string;
  passkeys?: boolean;
}) {
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t('admin.doc_title', { title: t('admin.login.code_title') })}</title>
        <link rel="stylesheet" href="/assets/admin.css" />
        {passkeys && <script type="module" src="/assets/js/passkeys.js" defer />}
      </head>
      <body class="admin login">
        <main id="main" class="login-box">
          <h1>{t('admin.login.code_title')}</h1>
          {error && (
            <p class="error-summary" role="alert">
              {error}
            </p>
          )}
          <form method="post" action="/admin/login/code">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="next" value={next} />
            <div class="field">
              <label for="code">{t('admin.login.code')}</label>
              <p class="hint" id="code-hint">
                {t('admin.login.code_hint')}
              </p>
              <input
                id="code"
                name="code"
                type="text"
                inputmode="text"
                autocomplete="one-time-code"
                autocapitalize="off"
                spellcheck={false}
                maxLength={40}
                aria-describedby="code-hint"
                required
                autofocus
              />
            </div>
            <button type="submit">{t('admin.login.code_submit')}</button>
          </form>
          {passkeys && (
            <form
              method="post"
              action="/admin/login/passkey"
              data-passkey-sign-in
              data-options="/admin/login/passkey/options"
              data-failed={t('admin.login.passkey_failed')}
              hidden
            >
              <input type="hidden" name="_csrf" value={csrf} />
              <input type="hidden" name="next" value={next} />
              <input type="hidden" name="credential" value="" />
              <button type="submit" class="secondary">
                {t('admin.login.passkey')}
              </button>
              <p class="hint" data-passkey-status role="status" />
            </form>
          )}
          <p>
            <a href="/admin/login">{t('admin.login.code_restart')}</a>
          </p>
        </main>
      </body>
    </html>
  );
}
