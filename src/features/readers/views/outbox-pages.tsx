// The admin outbox: a list of filed messages and one message's headers and text.
import { formatDateTime, type T } from '../../../platform/i18n/index.js';
import type { OutboxEntry, OutboxMessage } from '../outbox.js';

/** The newest filed messages. */
export function OutboxList({ t, entries, total, smtp }: { t: T; entries: OutboxEntry[]; total: number; smtp: boolean }) {
  return (
    <>
      <p class="hint">{smtp ? t('admin.outbox.smtp_note') : t('admin.outbox.intro')}</p>
      {entries.length === 0 ? (
        <p>{t('admin.outbox.empty')}</p>
      ) : (
        <>
          {total > entries.length && <p class="hint">{t('admin.outbox.showing', { shown: entries.length, total })}</p>}
          <div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t('admin.outbox.date')}</th>
                  <th scope="col">{t('admin.outbox.to')}</th>
                  <th scope="col">{t('admin.outbox.subject')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr>
                    <td data-label={t('admin.outbox.date')}>
                      <time dateTime={e.date}>{formatDateTime(e.date)}</time>
                    </td>
                    <td data-label={t('admin.outbox.to')}>{e.to}</td>
                    <th scope="row" data-label={t('admin.outbox.subject')}>
                      <a href={`/admin/outbox/${encodeURIComponent(e.name)}`}>{e.subject || t('admin.outbox.no_subject')}</a>
                    </th>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** One message: every header, then the plain text as sent. */
export function OutboxMessageView({ t, message }: { t: T; message: OutboxMessage }) {
  return (
    <>
      <p>
        <a href="/admin/outbox">{t('admin.outbox.back')}</a>
      </p>
      <h2>{t('admin.outbox.headers')}</h2>
      <div class="table-wrap">
        <table class="data">
          <tbody>
            {message.headers.map(([k, v]) => (
              <tr>
                <th scope="row">{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('admin.outbox.body')}</h2>
      <pre class="mail-text">{message.text}</pre>
    </>
  );
}
