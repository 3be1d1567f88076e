// The staff home: what needs attention now.
import type { ArticleSummary } from '../../articles/article.js';

export interface DashboardProps {
  counts: { drafts: number; scheduled: number; published: number };
  recent: ArticleSummary[];
  canWrite: boolean;
}

/** Dashboard body (inside AdminLayout). */
export function Dashboard({ counts, recent, canWrite }: DashboardProps) {
  return (
    <>
      {canWrite && (
        <p>
          <a class="button" href="/admin/articles/new">
            New article
          </a>
        </p>
      )}
      <ul class="stats">
        <li>
          <a href="/admin/articles?status=draft">
            <strong>{counts.drafts}</strong> drafts
          </a>
        </li>
        <li>
          <a href="/admin/articles?status=scheduled">
            <strong>{counts.scheduled}</strong> scheduled
          </a>
        </li>
        <li>
          <a href="/admin/articles?status=published">
            <strong>{counts.published}</strong> published
          </a>
        </li>
      </ul>
      <h2>Recently edited</h2>
      <ul class="plain-list">
        {recent.map((a) => (
          <li>
            <a href={`/admin/articles/${a.id}/edit`}>{a.title}</a> <span class={`status status-${a.status}`}>{a.status}</span>{' '}
            <span class="meta">{a.updatedAt.slice(0, 16).replace('T', ' ')} UTC</span>
          </li>
        ))}
      </ul>
    </>
  );
}
