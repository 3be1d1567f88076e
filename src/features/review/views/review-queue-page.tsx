// /admin/review: every draft waiting for an editor, with its reviewer, and the newsroom's review setting.
import { formatDateTime, type T } from '../../../platform/i18n/index.js';
import { Notice } from '../../../platform/ui/admin-layout.js';
import type { ListedReview } from '../review.js';

export interface ReviewQueueProps {
  t: T;
  csrf: string;
  items: ListedReview[];
  required: boolean;
  /** Admins change the setting. */
  canSet: boolean;
  notice?: string;
}

/** The queue page body (inside AdminLayout). */
export function ReviewQueuePage({ t, csrf, items, required, canSet, notice }: ReviewQueueProps) {
  return (
    <>
      <Notice text={notice} />
      <p class="hint">{t('review.queue.intro')}</p>
      {items.length ? (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('review.queue.article')}</th>
              <th scope="col">{t('review.queue.author')}</th>
              <th scope="col">{t('review.queue.submitted')}</th>
              <th scope="col">{t('review.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr>
                <td>
                  <a href={`/admin/articles/${r.articleId}/edit#review`}>{r.title}</a>
                </td>
                <td>{r.submittedByName ?? ''}</td>
                <td>{formatDateTime(r.submittedAt)}</td>
                <td>{r.assigneeName ?? t('review.queue.nobody')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{t('review.queue.empty')}</p>
      )}
      {canSet && (
        <form method="post" action="/admin/review/settings" class="panel">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="required" value="0" />
          <label class="check">
            <input type="checkbox" name="required" value="1" checked={required} /> {t('review.setting.required')}
          </label>
          <p class="hint">{t('review.setting.hint')}</p>
          <button type="submit" class="secondary">
            {t('review.setting.save')}
          </button>
        </form>
      )}
    </>
  );
}
