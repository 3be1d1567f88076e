// The audit log as a table with an action filter; the admin wraps it in its layout.
import type { T } from '../../../platform/i18n/index.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import type { AuditEntry } from '../audit-store.js';

export interface AuditLogProps {
  t: T;
  items: AuditEntry[];
  total: number;
  action: string;
  actions: string[];
}

/** Who did what, newest first. */
export function AuditLogBlock({ t, items, total, action, actions }: AuditLogProps) {
  return (
    <>
      <form class="filters" method="get" action="/admin/audit" aria-label={t('admin.filters')}>
        <div class="field">
          <label for="f-action">{t('admin.audit.action')}</label>
          <select id="f-action" name="action">
            <option value="">{t('admin.any')}</option>
            {actions.map((a) => (
              <option value={a} selected={a === action}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('admin.filter')}</button>
      </form>
      <p class="meta" role="status">
        {t('admin.audit.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t('admin.audit.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data audit">
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.who')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.subject')}</th>
                <th scope="col">{t('admin.audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr>
                  <td data-label={t('admin.audit.when')}>
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </td>
                  <td data-label={t('admin.audit.who')}>
                    {e.userName ?? (e.userId === null ? t('admin.audit.system') : t('admin.audit.deleted_user', { id: e.userId }))}
                  </td>
                  <td data-label={t('admin.audit.action')}>
                    <code>{e.action}</code>
                  </td>
                  <td data-label={t('admin.audit.subject')}>{`${e.subjectType} #${e.subjectId}`}</td>
                  <td data-label={t('admin.audit.detail')}>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
