// The staff home: what needs attention now.
import type { ComponentChildren } from 'preact';
import type { ArticleSummary } from '../../articles/article.js';
import { messageKey, type T } from '../../../platform/i18n/index.js';

export interface DashboardProps {
  t: T;
  counts: { drafts: number; scheduled: number; published: number };
  recent: ArticleSummary[];
  canWrite: boolean;
  /** What waits for this person in review (features/review). */
  review?: ComponentChildren;
}

/** Dashboard body (inside AdminLayout). */
export function Dashboard({ t, counts, recent, canWrite, review }: DashboardProps) {
  return (
    <>
      {canWrite && (
        <p>
          <a class="button" href="/admin/articles/new">
            {t('admin.articles.new')}
          </a>
        </p>
      )}
      <ul class="stats">
        <li>
          <a href="/admin/articles?status=draft">
            <strong>{counts.drafts}</strong> {t('admin.dashboard.drafts', { count: counts.drafts })}
          </a>
        </li>
        <li>
          <a href="/admin/articles?status=scheduled">
            <strong>{counts.scheduled}</strong> {t('admin.dashboard.scheduled', { count: counts.scheduled })}
          </a>
        </li>
        <li>
          <a href="/admin/articles?status=published">
            <strong>{counts.published}</strong> {t('admin.dashboard.published', { count: counts.published })}
          </a>
        </li>
      </ul>
      {review}
      <h2>{t('admin.dashboard.recent')}</h2>
      <ul class="plain-list">
        {recent.map((a) => (
          <li>
            <a href={`/admin/articles/${a.id}/edit`}>{a.title}</a>{' '}
            <span class={`status status-${a.status}`}>{t(messageKey(`admin.status.${a.status}`))}</span>{' '}
            <span class="meta">{a.updatedAt.slice(0, 16).replace('T', ' ')} UTC</span>
          </li>
        ))}
      </ul>
    </>
  );
}
