// The public corrections page of an edition: every note on its published articles, the newest first.
import { articlePath } from '../../../platform/editions.js';
import type { Chrome } from '../../../platform/chrome.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import { type PageInfo, Pagination } from '../../../platform/ui/pagination.js';
import type { ListedCorrection } from '../correction.js';

export interface CorrectionsPageProps {
  t: T;
  chrome: Chrome;
  items: ListedCorrection[];
  info: PageInfo;
}

/** /corrections in an edition. */
export function CorrectionsPage({ t, chrome, items, info }: CorrectionsPageProps) {
  const lang = chrome.site.language;
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      meta={{
        title:
          info.page > 1
            ? `${t('corrections.title')} · ${t('pagination.page', { page: info.page, pages: info.pages })}`
            : t('corrections.title'),
        description: t('corrections.description'),
        path: info.basePath + (info.page > 1 ? `?page=${info.page}` : ''),
      }}
    >
      <header class="list-header">
        <h1>{t('corrections.title')}</h1>
        <p class="list-description">{t('corrections.description')}</p>
      </header>
      {items.length ? (
        <ol class="corrections-list" role="list">
          {items.map((c) => (
            <li class={`correction correction-${c.kind}`}>
              <p class="correction-label">
                <strong>{t(c.kind === 'correction' ? 'corrections.kind.correction' : 'corrections.kind.update')}</strong>{' '}
                <time dateTime={c.notedAt}>{formatDate(c.notedAt, lang)}</time>
              </p>
              <h2 class="correction-article" lang={c.article.language}>
                <a href={`${articlePath(c.article.language, chrome.site.editions === 'prefixed', c.article.slug)}#correction-${c.id}`}>
                  {c.article.title}
                </a>
              </h2>
              <p class="correction-body" lang={c.article.language}>
                {c.body}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">{t('corrections.empty')}</p>
      )}
      <Pagination t={t} info={info} />
    </Layout>
  );
}
