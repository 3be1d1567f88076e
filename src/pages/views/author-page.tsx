// An author's page: portrait, name, title and biography, then their articles, twenty a page.
import type { T } from '../../platform/i18n/index.js';
import { Layout } from '../../platform/ui/layout.js';
import { articleCount, feedLinks, PagedArticleList } from '../../platform/ui/article-list.js';
import type { PageInfo } from '../../platform/ui/pagination.js';
import type { Chrome } from '../../platform/chrome.js';
import type { ArticleSummary } from '../../features/articles/article.js';
import type { Author } from '../../features/authors/author.js';

export interface AuthorPageProps {
  t: T;
  chrome: Chrome;
  author: Author;
  items: ArticleSummary[];
  info: PageInfo;
  total: number;
  commentCounts?: Map<string, number>;
}

/** schema.org Person of an author. */
export function authorJsonLd(a: Author, site: Chrome['site']): object {
  const abs = (p: string) => (/^https?:\/\//.test(p) ? p : site.baseUrl + p);
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: a.name,
    jobTitle: a.title || undefined,
    description: a.bio || undefined,
    image: a.photoUrl ? abs(a.photoUrl) : undefined,
    // The page's own address: its edition's, so that it answers without a redirect when every edition is prefixed.
    url: `${site.baseUrl}${site.base ?? ''}/authors/${a.slug}`,
    worksFor: { '@type': 'Organization', name: site.title, url: site.baseUrl },
  };
}

/** One page of an author's profile and articles. */
export function AuthorPage({ t, chrome, author, items, info, total, commentCounts }: AuthorPageProps) {
  const lang = chrome.site.language;
  const base = `${chrome.site.base ?? ''}/authors/${author.slug}`;
  const title = info.page > 1 ? `${author.name} · ${t('pagination.page', { page: info.page, pages: info.pages })}` : author.name;
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current="authors"
      meta={{
        title,
        description: author.bio || author.title || undefined,
        path: info.page > 1 ? `${base}?page=${info.page}` : base,
        ogType: 'profile',
        image: author.photoUrl || undefined,
        jsonLd: [authorJsonLd(author, chrome.site)],
        feeds: [...feedLinks(t, `${chrome.site.title}: ${author.name}`, base), ...feedLinks(t, chrome.site.title, chrome.site.base ?? '')],
      }}
    >
      <header class="list-header author-header">
        {author.photoUrl && (
          <img class="author-photo" src={author.photoUrl} alt={t('author.photo_alt', { name: author.name })} width={112} height={112} />
        )}
        <div>
          <h1>{author.name}</h1>
          {author.title && <p class="author-title">{author.title}</p>}
          {author.bio && <p class="list-description author-bio">{author.bio}</p>}
          <p class="meta list-count">
            {articleCount(t, total, lang)} · <a href={`${base}/feed.xml`}>{t('list.subscribe')}</a>
          </p>
        </div>
      </header>
      <section aria-labelledby="author-articles-title">
        <h2 id="author-articles-title" class="list-section-title">
          {t('author.articles', { name: author.name })}
        </h2>
        <PagedArticleList
          base={chrome.site.base}
          prefixed={chrome.site.editions === 'prefixed'}
          t={t}
          items={items}
          lang={lang}
          level={3}
          info={info}
          commentCounts={commentCounts}
          empty={t('author.none')}
        />
      </section>
    </Layout>
  );
}
