// /events/:slug/terms: the terms of participation of one event, with the way back.
import type { T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Chrome } from '../../../platform/chrome.js';
import type { Event } from '../event.js';
import type { TermsVersion } from '../terms-store.js';

/** The terms page of an event. */
export function TermsPage({
  t,
  chrome,
  event: e,
  terms,
  current,
}: {
  t: T;
  chrome: Chrome;
  event: Event;
  terms?: TermsVersion;
  current?: number;
}) {
  const other = e.language !== chrome.site.language ? e.language : undefined;
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current="events"
      meta={{
        title: t('events.terms_title', { event: e.title }),
        path: `${chrome.site.base ?? ''}/events/${e.slug}/terms`,
        noindex: Boolean(terms),
      }}
    >
      <article class="event-terms" aria-labelledby="terms-title">
        <p class="event-back">
          <a href={`${chrome.site.base ?? ''}/events/${e.slug}`}>← {t('events.back')}</a>
        </p>
        <h1 id="terms-title">{t('events.terms_title', { event: e.title })}</h1>
        {terms && (
          <p class="meta terms-version">
            {t('events.terms_version', { version: terms.version })}
            {current !== undefined && current !== terms.version && (
              <>
                {' '}
                · <a href={`${chrome.site.base ?? ''}/events/${e.slug}/terms`}>{t('events.terms_current')}</a>
              </>
            )}
          </p>
        )}
        {!terms && current !== undefined && <p class="meta terms-version">{t('events.terms_version', { version: current })}</p>}
        <div class="prose" lang={other} dangerouslySetInnerHTML={{ __html: terms ? terms.bodyHtml : e.termsHtml }} />
        <p class="event-back">
          <a href={`${chrome.site.base ?? ''}/events/${e.slug}`}>← {t('events.back')}</a>
        </p>
      </article>
    </Layout>
  );
}
