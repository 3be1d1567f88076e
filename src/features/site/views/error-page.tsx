// 404, 500 and other error pages in the site's style.
import type { T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Chrome } from '../../../platform/chrome.js';

export interface ErrorPageProps {
  t: T;
  chrome: Chrome;
  status: number;
  title: string;
  message: string;
  path: string;
}

/** A full error page with the site's header and a way home. */
export function ErrorPage({ t, chrome, status, title, message, path }: ErrorPageProps) {
  return (
    <Layout t={t} site={chrome.site} rubrics={chrome.rubrics} account={chrome.account} meta={{ title, path, noindex: true }}>
      <section class="error-page">
        <p class="error-status">{status}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">{t('error.home_link')}</a>
        </p>
        {status === 404 && (
          <form action="/search" method="get" role="search" class="error-search">
            <label for="error-q">{t('search.label')}</label>
            <input id="error-q" type="search" name="q" />
            <button type="submit">{t('search.submit')}</button>
          </form>
        )}
      </section>
    </Layout>
  );
}
