// The staff list of articles: filters, a dense table and paging.
import type { T } from '../../../platform/i18n/index.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import { Pagination, type PageInfo } from '../../../platform/ui/pagination.js';
import type { ArticleStatus, ArticleSummary } from '../../articles/article.js';
import type { Author } from '../../authors/author.js';
import { Notice } from '../../../platform/ui/admin-layout.js';

export interface ArticleListProps {
  t: T;
  items: ArticleSummary[];
  total: number;
  page: PageInfo;
  filter: { q: string; status: ArticleStatus | ''; authorId: number | undefined };
  /** Authors to filter by; empty when the viewer sees only their own pieces. */
  authors: Author[];
  ownOnly: boolean;
  notice?: string;
}

const STATUSES: ArticleStatus[] = ['draft', 'scheduled', 'published'];

/** The body of /admin/articles (inside AdminLayout). */
export function ArticleListPage({ t, items, total, page, filter, authors, ownOnly, notice }: ArticleListProps) {
  return (
    <>
      <Notice text={notice} />
      <p class="toolbar">
        <a class="button" href="/admin/articles/new">
          {t('admin.articles.new')}
        </a>
      </p>
      {ownOnly && <p class="hint">{t('admin.articles.own_only')}</p>}
      <form class="filters" method="get" action="/admin/articles" role="search" aria-label={t('admin.filters')}>
        <div class="field">
          <label for="f-q">{t('admin.articles.search')}</label>
          <input id="f-q" type="search" name="q" value={filter.q} maxLength={200} />
        </div>
        <div class="field">
          <label for="f-status">{t('admin.articles.status')}</label>
          <select id="f-status" name="status">
            <option value="">{t('admin.any')}</option>
            {STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {t(`admin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {!ownOnly && (
          <div class="field">
            <label for="f-author">{t('admin.articles.author')}</label>
            <select id="f-author" name="author">
              <option value="">{t('admin.any')}</option>
              {authors.map((a) => (
                <option value={String(a.id)} selected={filter.authorId === a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit">{t('admin.filter')}</button>
      </form>
      <p class="meta" role="status">
        {t('admin.articles.count', { count: total })}
      </p>
      {items.length === 0 ? (
        <p>{t('admin.articles.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t('admin.articles.col.title')}</th>
                <th scope="col">{t('admin.articles.col.status')}</th>
                <th scope="col">{t('admin.articles.col.authors')}</th>
                <th scope="col">{t('admin.articles.col.rubric')}</th>
                <th scope="col">{t('admin.articles.col.updated')}</th>
                <th scope="col">{t('admin.articles.col.when')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr>
                  <th scope="row" data-label={t('admin.articles.col.title')}>
                    <a href={`/admin/articles/${a.id}/edit`}>{a.title}</a>
                  </th>
                  <td data-label={t('admin.articles.col.status')}>
                    <span class={`status status-${a.status}`}>{t(`admin.status.${a.status}`)}</span>
                  </td>
                  <td data-label={t('admin.articles.col.authors')}>{a.authors.map((x) => x.name).join(', ')}</td>
                  <td data-label={t('admin.articles.col.rubric')}>{a.rubric?.name ?? '—'}</td>
                  <td data-label={t('admin.articles.col.updated')}>
                    <time dateTime={a.updatedAt}>{formatDateTime(a.updatedAt)}</time>
                  </td>
                  <td data-label={t('admin.articles.col.when')}>
                    {a.publishedAt && a.status !== 'draft' ? <time dateTime={a.publishedAt}>{formatDateTime(a.publishedAt)}</time> : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination t={t} info={page} />
    </>
  );
}
