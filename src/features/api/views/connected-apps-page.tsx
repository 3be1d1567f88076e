// /account/apps: the apps a reader has allowed to act for them, each with a button to withdraw its access.
import type { Chrome } from '../../../platform/chrome.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ConnectedApp } from '../oauth-store.js';
import { READER_SCOPE_TEXT } from './consent-page.js';

/** The list of connected apps, or a line saying there are none. */
export function ConnectedAppsPage(p: { t: T; chrome: Chrome; csrf: string; apps: ConnectedApp[]; notice?: string }) {
  const { t } = p;
  return (
    <Layout
      t={t}
      site={p.chrome.site}
      rubrics={p.chrome.rubrics}
      account={p.chrome.account}
      meta={{ title: t('api.apps.title'), path: '/account/apps', noindex: true }}
    >
      <section class="narrow">
        <h1>{t('api.apps.title')}</h1>
        {p.notice && (
          <p class="notice" role="status">
            {p.notice}
          </p>
        )}
        <p>{t('api.apps.intro')}</p>
        {p.apps.length === 0 ? (
          <p>{t('api.apps.none')}</p>
        ) : (
          p.apps.map((a) => (
            <section key={a.keyId} class="connected-app" aria-labelledby={`app-${a.keyId}`}>
              <h2 id={`app-${a.keyId}`}>{a.name}</h2>
              <p>{t('api.apps.since', { date: formatDate(a.since, t.lang) })}</p>
              <p>{t('api.apps.can')}</p>
              <ul>
                {a.scopes.map((s) => (
                  <li key={s}>{READER_SCOPE_TEXT[s] ? t(READER_SCOPE_TEXT[s]) : s}</li>
                ))}
              </ul>
              <form method="post" action={`/account/apps/${a.keyId}/revoke`}>
                <input type="hidden" name="_csrf" value={p.csrf} />
                <button type="submit" class="danger">
                  {t('api.apps.revoke')}
                </button>
              </form>
            </section>
          ))
        )}
        <p class="links">
          <a href="/account">{t('account.profile.title')}</a>
        </p>
      </section>
    </Layout>
  );
}
