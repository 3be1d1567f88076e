// The staff list of events: every status, newest change first.
import type { T } from '../../../platform/i18n/index.js';
import type { Event } from '../event.js';
import { eventTimeText } from './event-time.js';

/** Body of /admin/events (inside AdminLayout). */
export function AdminEventList({ t, events, notice }: { t: T; events: Event[]; notice?: string }) {
  return (
    <>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        <a class="button" href="/admin/events/new">
          {t('events.admin.new')}
        </a>
      </p>
      {events.length === 0 ? (
        <p>{t('events.admin.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="admin-table event-admin-table">
            <caption class="visually-hidden">{t('events.admin.list_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.admin.field.title')}</th>
                <th scope="col">{t('events.admin.field.status')}</th>
                <th scope="col">{t('events.time')}</th>
                <th scope="col">{t('events.admin.field.city')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('events.admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/events/${e.id}/edit`}>{e.title}</a>
                  </th>
                  <td>
                    <span class={`status status-${e.status}`}>{t(`events.admin.status.${e.status}`)}</span>
                  </td>
                  <td>{eventTimeText(t, e.start, e.end, e.timezone)}</td>
                  <td>{e.venue.city}</td>
                  <td>
                    <a href={`/admin/events/${e.id}/registrations`}>{t('registration.admin.tab.list')}</a>
                    {e.status !== 'draft' && (
                      <>
                        {' '}
                        · <a href={`/events/${e.slug}`}>{t('events.admin.view')}</a>
                      </>
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
