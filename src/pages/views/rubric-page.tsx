// A rubric's page: its name and description, then its articles, twenty a page.
import type { T } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { articleCount, feedLinks, PagedArticleList } from '../../platform/ui/article-list.js';
import type { PageInfo } from '../../platform/ui/pagination.js';
import type { Chrome } from '../../platform/chrome.js';
import type { ArticleSummary } from '../../features/articles/article.js';
import type { Rubric } from '../../features/rubrics/rubric.js';

export interface RubricPageProps {
  t: T;
  chrome: Chrome;
  rubric: Rubric;
  items: ArticleSummary[];
  info: PageInfo;
  total: number;
  commentCounts?: Map<string, number>;
}

/** One page of a rubric. */
export function RubricPage({ t, chrome, rubric, items, info, total, commentCounts }: RubricPageProps) {
  const lang = chrome.site.language;
  const base = `${chrome.site.base ?? ''}/rubric/${rubric.slug}`;
  const title = info.page > 1 ? `${rubric.name} · ${t('pagination.page', { page: info.page, pages: info.pages })}` : rubric.name;
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current={`rubric:${rubric.slug}`}
      meta={{
        title,
        description: rubric.description || undefined,
        path: info.page > 1 ? `${base}?page=${info.page}` : base,
        feeds: [...feedLinks(t, `${chrome.site.title}: ${rubric.name}`, base), ...feedLinks(t, chrome.site.title, chrome.site.base ?? '')],
      }}
    >
      <header class="list-header">
        <h1>{rubric.name}</h1>
        {rubric.description && <p class="list-description">{rubric.description}</p>}
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
        hideKicker
        info={info}
        commentCounts={commentCounts}
        empty={t('archive.empty')}
      />
    </Layout>
  );
}
