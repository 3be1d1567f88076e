// /events/:slug/registration/:token: the participant's own registration — status, details, accept an offer, cancel.
import { formatDateTime, type T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Chrome } from '../../../platform/chrome.js';
import type { Event } from '../event.js';
import type { Registration } from '../registration.js';
import { EventTimeView } from './event-time.js';

export interface RegistrationPageProps {
  t: T;
  chrome: Chrome;
  event: Event;
  registration: Registration;
  token: string;
  csrf: string;
  notice?: string;
  problem?: string;
  hasIcs: boolean;
}

/** The manage page of one registration. */
export function RegistrationPage({ t, chrome, event: e, registration: r, token, csrf, notice, problem, hasIcs }: RegistrationPageProps) {
  const lang = chrome.site.language;
  const base = `/events/${e.slug}/registration/${token}`;
  const active = ['pending', 'confirmed', 'waitlisted', 'offered'].includes(r.status);
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current="events"
      meta={{ title: t('registration.manage.title', { event: e.title }), path: `/events/${e.slug}`, noindex: true }}
    >
      <article class="registration-manage" aria-labelledby="manage-title">
        <p class="event-back">
          <a href={`/events/${e.slug}`}>← {e.title}</a>
        </p>
        <h1 id="manage-title">{t('registration.manage.heading')}</h1>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        {problem && (
          <p class="registration-problem" role="alert">
            {problem}
          </p>
        )}
        <p class={`registration-status registration-status-${r.status}`}>
          <strong>{t(`registration.status.${r.status}`)}</strong>
          {r.status === 'waitlisted' && r.waitlistPosition !== null && (
            <> {t('registration.manage.position', { position: r.waitlistPosition })}</>
          )}
        </p>
        <p>{t(`registration.manage.explain.${r.status}`)}</p>
        {r.status === 'rejected' && r.message && <blockquote class="registration-message">{r.message}</blockquote>}
        <dl class="event-facts">
          <dt>{t('registration.field.name')}</dt>
          <dd>{r.name}</dd>
          <dt>{t('registration.field.email')}</dt>
          <dd>{r.email}</dd>
          {r.organisation && (
            <>
              <dt>{t('registration.field.organisation')}</dt>
              <dd>{r.organisation}</dd>
            </>
          )}
          <dt>{t('events.time')}</dt>
          <dd>
            <EventTimeView t={t} start={e.start} end={e.end} timeZone={e.timezone} lang={lang} />
          </dd>
          {r.termsVersion !== null && (
            <>
              <dt>{t('events.terms_link')}</dt>
              <dd>
                <a href={`/events/${e.slug}/terms?version=${r.termsVersion}`}>
                  {t('registration.manage.terms_version', { version: r.termsVersion })}
                </a>
              </dd>
            </>
          )}
        </dl>
        {r.status === 'offered' && r.offerExpiresAt && (
          <form method="post" action={`${base}/accept`} class="registration-action">
            <input type="hidden" name="_csrf" value={csrf} />
            <p>{t('registration.manage.offer_until', { when: `${formatDateTime(r.offerExpiresAt, lang, e.timezone)} (${e.timezone})` })}</p>
            <button type="submit">{t('registration.manage.accept')}</button>
          </form>
        )}
        {r.status === 'confirmed' && hasIcs && (
          <p>
            <a class="button secondary" href={`/events/${e.slug}/calendar.ics`}>
              {t('registration.manage.calendar')}
            </a>
          </p>
        )}
        {active && (
          <form method="post" action={`${base}/cancel`} class="registration-action registration-cancel">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="danger">
              {t('registration.manage.cancel')}
            </button>
          </form>
        )}
      </article>
    </Layout>
  );
}
