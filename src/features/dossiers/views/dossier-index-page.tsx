// The dossiers index: a search by name, then the most documented countries, people, organisations and projects.
import type { T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Chrome } from '../../../platform/chrome.js';
import { dossierPath, type EntityType } from '../dossier.js';
import type { IndexEntry } from '../dossier-store.js';

export interface DossierIndexProps {
  t: T;
  chrome: Chrome;
  q: string;
  /** Search results when q is given. */
  results: IndexEntry[];
  groups: { type: EntityType; items: IndexEntry[] }[];
}

function count(t: T, n: number, lang: string): string {
  void lang;
  return t('dossiers.fact_count', { count: n });
}

function EntryList({ t, items, lang, showType, base }: { t: T; items: IndexEntry[]; lang: string; showType?: boolean; base: string }) {
  return (
    <ul class="dossier-list">
      {items.map((e) => (
        <li>
          <a href={dossierPath(e.id, base)}>{e.name}</a>{' '}
          <span class="meta">
            {showType ? `${t(`dossiers.type.${e.type}`)} · ` : ''}
            {count(t, e.facts, lang)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The index page. */
export function DossierIndexPage({ t, chrome, q, results, groups }: DossierIndexProps) {
  const lang = chrome.site.language;
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      meta={{
        title: q ? t('dossiers.search.results', { q }) : t('dossiers.title'),
        description: t('dossiers.description'),
        path: `${chrome.site.base ?? ''}/dossiers`,
        noindex: !!q,
      }}
    >
      <header class="list-header">
        <h1>{t('dossiers.title')}</h1>
        <p>{t('dossiers.description')}</p>
        <form class="dossier-search" method="get" action={`${chrome.site.base ?? ''}/dossiers`} role="search">
          <label for="dossier-q">{t('dossiers.search.label')}</label>
          <input id="dossier-q" type="search" name="q" value={q} maxLength={100} />
          <button type="submit">{t('dossiers.search.button')}</button>
        </form>
      </header>
      {q ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t('dossiers.search.results', { q })}</h2>
          {results.length ? (
            <EntryList base={chrome.site.base ?? ''} t={t} items={results} lang={lang} showType />
          ) : (
            <p>{t('dossiers.search.none', { q })}</p>
          )}
        </section>
      ) : groups.every((g) => !g.items.length) ? (
        <p>{t('dossiers.empty')}</p>
      ) : (
        <div class="dossier-groups">
          {groups
            .filter((g) => g.items.length)
            .map((g) => (
              <section aria-labelledby={`group-${g.type}`}>
                <h2 id={`group-${g.type}`}>{t(`dossiers.types.${g.type}`)}</h2>
                <EntryList base={chrome.site.base ?? ''} t={t} items={g.items} lang={lang} />
              </section>
            ))}
        </div>
      )}
    </Layout>
  );
}
