// Previous/next pagination for archives, with rel links; pages are 1-based in the query string.
import type { T } from '../i18n/index.js';

export interface PageInfo {
  page: number;
  pages: number;
  basePath: string;
  query?: Record<string, string>;
}

/** Parses ?page=N; invalid or missing values mean 1. */
export function parsePage(raw: unknown): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}

/** URL of a page of a list. */
export function pageHref(p: PageInfo, page: number): string {
  const params = new URLSearchParams(p.query ?? {});
  if (page > 1) params.set('page', String(page));
  else params.delete('page');
  const qs = params.toString();
  return qs ? `${p.basePath}?${qs}` : p.basePath;
}

/** The pager below a list; renders nothing for a single page. */
export function Pagination({ t, info }: { t: T; info: PageInfo }) {
  if (info.pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {info.page > 1 ? (
        <a rel="prev" href={pageHref(info, info.page - 1)}>
          ← {t('pagination.prev')}
        </a>
      ) : (
        <span />
      )}
      <span class="pagination-status">{t('pagination.page', { page: info.page, pages: info.pages })}</span>
      {info.page < info.pages ? (
        <a rel="next" href={pageHref(info, info.page + 1)}>
          {t('pagination.next')} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
