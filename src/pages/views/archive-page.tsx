// The archive: every published article, newest first, twenty a page.
import type { T } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { articleCount, PagedArticleList } from '../../platform/ui/article-list.js';
import type { PageInfo } from '../../platform/ui/pagination.js';
import type { Chrome } from '../../platform/chrome.js';
import type { ArticleSummary } from '../../features/articles/article.js';

export interface ArchivePageProps {
  t: T;
  chrome: Chrome;
  items: ArticleSummary[];
  info: PageInfo;
  total: number;
  commentCounts?: Map<string, number>;
}

/** One page of the archive. */
export function ArchivePage({ t, chrome, items, info, total, commentCounts }: ArchivePageProps) {
  const title =
    info.page > 1 ? `${t('archive.title')} · ${t('pagination.page', { page: info.page, pages: info.pages })}` : t('archive.title');
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current="archive"
      meta={{ title, description: t('archive.description'), path: info.basePath + (info.page > 1 ? `?page=${info.page}` : '') }}
    >
      <header class="list-header">
        <h1>{t('archive.title')}</h1>
        <p class="list-description">{t('archive.description')}</p>
        <p class="meta list-count">{articleCount(t, total, chrome.site.language)}</p>
      </header>
      <PagedArticleList
        base={chrome.site.base}
        prefixed={chrome.site.editions === 'prefixed'}
        t={t}
        items={items}
        lang={chrome.site.language}
        level={2}
        info={info}
        commentCounts={commentCounts}
        empty={t('archive.empty')}
      />
    </Layout>
  );
}
