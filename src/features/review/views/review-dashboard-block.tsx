// The dashboard's part of review: what waits for the signed-in person.
import { formatDateTime, type T } from '../../../platform/i18n/index.js';
import type { ListedReview } from '../review.js';

export interface ReviewDashboardProps {
  t: T;
  /** Submitted drafts assigned to this person (and, for editors, the ones nobody has taken yet). */
  waiting: ListedReview[];
  unassigned: ListedReview[];
  /** Drafts of this person that an editor sent back. */
  sentBack: ListedReview[];
  editor: boolean;
}

function Items({ items }: { items: ListedReview[] }) {
  return (
    <ul class="plain-list">
      {items.map((r) => (
        <li>
          <a href={`/admin/articles/${r.articleId}/edit#review`}>{r.title}</a>{' '}
          <span class="meta">
            {r.submittedByName ?? ''} · {formatDateTime(r.updatedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** "Waiting for you" and "Sent back to you", each only when it holds something. */
export function ReviewDashboardBlock({ t, waiting, unassigned, sentBack, editor }: ReviewDashboardProps) {
  return (
    <>
      {editor && (
        <section class="dashboard-review" aria-labelledby="waiting-title">
          <h2 id="waiting-title">
            {t('review.dashboard.waiting')} <span class="count">{waiting.length}</span>
          </h2>
          {waiting.length ? <Items items={waiting} /> : <p class="hint">{t('review.dashboard.nothing')}</p>}
          {unassigned.length > 0 && (
            <>
              <h3>
                {t('review.dashboard.unassigned')} <span class="count">{unassigned.length}</span>
              </h3>
              <Items items={unassigned} />
            </>
          )}
          <p>
            <a href="/admin/review">{t('review.queue.link')}</a>
          </p>
        </section>
      )}
      {sentBack.length > 0 && (
        <section class="dashboard-review" aria-labelledby="sent-back-title">
          <h2 id="sent-back-title">
            {t('review.dashboard.sent_back')} <span class="count">{sentBack.length}</span>
          </h2>
          <Items items={sentBack} />
        </section>
      )}
    </>
  );
}
