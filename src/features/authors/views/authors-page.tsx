// The list of authors: portrait, name, title and biography of each.
import type { T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Chrome } from '../../../platform/chrome.js';
import type { Author } from '../author.js';

export interface AuthorsPageProps {
  t: T;
  chrome: Chrome;
  authors: Author[];
}

/** Every author, by name. */
export function AuthorsPage({ t, chrome, authors }: AuthorsPageProps) {
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current="authors"
      meta={{ title: t('author.list'), description: t('author.list.description'), path: `${chrome.site.base ?? ''}/authors` }}
    >
      <header class="list-header">
        <h1>{t('author.list')}</h1>
        <p class="list-description">{t('author.list.description')}</p>
      </header>
      {authors.length === 0 ? (
        <p class="list-empty">{t('author.list.empty')}</p>
      ) : (
        <ul class="author-cards" role="list">
          {authors.map((a) => (
            <li class="author-card">
              {a.photoUrl && <img class="author-photo" src={a.photoUrl} alt="" width={72} height={72} loading="lazy" />}
              <div>
                <h2 class="author-card-name">
                  <a href={`${chrome.site.base ?? ''}/authors/${a.slug}`}>{a.name}</a>
                </h2>
                {a.title && <p class="author-title">{a.title}</p>}
                {a.bio && <p class="author-bio">{a.bio}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
