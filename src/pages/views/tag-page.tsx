// A tag's page: its type and name, then the articles carrying it, twenty a page.
import type { T } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { articleCount, feedLinks, PagedArticleList } from '../../platform/ui/article-list.js';
import type { PageInfo } from '../../platform/ui/pagination.js';
import type { Chrome } from '../../platform/chrome.js';
import type { ArticleSummary } from '../../features/articles/article.js';
import type { Tag } from '../../features/tags/tag.js';

export interface TagPageProps {
  t: T;
  chrome: Chrome;
  tag: Tag;
  items: ArticleSummary[];
  info: PageInfo;
  total: number;
  commentCounts?: Map<string, number>;
}

/** One page of a tag. */
export function TagPage({ t, chrome, tag, items, info, total, commentCounts }: TagPageProps) {
  const lang = chrome.site.language;
  const base = `${chrome.site.base ?? ''}/tags/${tag.slug}`;
  const heading = t('tag.articles', { name: tag.name });
  const title = info.page > 1 ? `${heading} · ${t('pagination.page', { page: info.page, pages: info.pages })}` : heading;
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      meta={{
        title,
        path: info.page > 1 ? `${base}?page=${info.page}` : base,
        feeds: [...feedLinks(t, `${chrome.site.title}: ${tag.name}`, base), ...feedLinks(t, chrome.site.title, chrome.site.base ?? '')],
      }}
    >
      <header class="list-header">
        <p class="kicker tag-kind">{t(`tag.type.${tag.type}`)}</p>
        <h1>{tag.name}</h1>
        <p class="meta list-count">
          {articleCount(t, total, lang)} · <a href={`${base}/feed.xml`}>{t('list.subscribe')}</a>
        </p>
      </header>
      <PagedArticleList
        base={chrome.site.base}
        prefixed={chrome.site.editions === 'prefixed'}
        t={t}
        items={items}
        lang={lang}
        level={2}
        info={info}
        commentCounts={commentCounts}
        empty={t('archive.empty')}
      />
    </Layout>
  );
}
