// The search page: a GET form with filters that works without JavaScript, then ranked, highlighted results.
import { articlePath, editionPrefix, schemeOf } from '../../../platform/editions.js';
import { formatDate, formatNumber, type T, messageKey } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Chrome } from '../../../platform/chrome.js';
import type { SearchForm, SearchNotice } from '../search-params.js';
import type { SearchHit } from '../search-store.js';

export interface SearchPageProps {
  t: T;
  chrome: Chrome;
  form: SearchForm;
  notices: SearchNotice[];
  rubrics: { slug: string; name: string }[];
  authors: { slug: string; name: string }[];
  languages: readonly string[];
  /** Undefined when there was nothing to search for. */
  results?: { hits: SearchHit[]; total: number; capped: boolean; page: number; pages: number; perPage: number };
  filtered: boolean;
}

/** The URL of the search with these form values on another page. */
export function searchHref(form: SearchForm, page: number, base = ''): string {
  const params = new URLSearchParams();
  for (const k of ['q', 'rubric', 'author', 'lang', 'from', 'to'] as const) if (form[k]) params.set(k, form[k]);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${base}/search?${qs}` : `${base}/search`;
}

function Select({
  id,
  name,
  label,
  value,
  any,
  anyValue = '',
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  any: string;
  anyValue?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div class="search-field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        <option value={anyValue} selected={value === anyValue}>
          {any}
        </option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Hit({ t, hit, lang, site }: { t: T; hit: SearchHit; lang: string; site: Chrome['site'] }) {
  const a = hit.article;
  const prefixed = site.editions === 'prefixed';
  const href = articlePath(a.language, prefixed, a.slug);
  const other = a.language !== lang ? a.language : undefined;
  return (
    <li class="search-hit">
      <article>
        {a.rubric && (
          <p class="kicker search-hit-kicker">
            <a class="kicker" href={`${editionPrefix(a.language, schemeOf(site))}/rubric/${a.rubric.slug}`}>
              {a.rubric.name}
            </a>
          </p>
        )}
        <h2 class="search-hit-title" lang={other}>
          <a href={href} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
        </h2>
        <p class="search-hit-snippet" lang={other} dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
        <p class="meta search-hit-meta">
          {a.authors.length > 0 && <span>{a.authors.map((x) => x.name).join(', ')}</span>}
          {a.publishedAt && <time dateTime={a.publishedAt}>{formatDate(a.publishedAt, lang)}</time>}
          {other && <span>{t(messageKey(`lang.${other}`))}</span>}
        </p>
      </article>
    </li>
  );
}

function Pager({
  t,
  form,
  page,
  pages,
  capped,
  base,
}: {
  t: T;
  form: SearchForm;
  page: number;
  pages: number;
  capped: boolean;
  base?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination search-pager" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <a rel="prev" href={searchHref(form, page - 1, base)}>
          ← {t('search.prev')}
        </a>
      ) : (
        <span />
      )}
      <span class="pagination-status">{capped ? t('search.page', { page }) : t('pagination.page', { page, pages })}</span>
      {page < pages ? (
        <a rel="next" href={searchHref(form, page + 1, base)}>
          {t('search.next')} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The whole search page. */
export function SearchPage({ t, chrome, form, notices, rubrics, authors, languages, results, filtered }: SearchPageProps) {
  const lang = chrome.site.language;
  const title = form.q ? t('search.page_title', { q: form.q }) : t('search.title');
  const count = results && (results.capped ? `${formatNumber(results.total - 1, lang)}+` : formatNumber(results.total, lang));
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      current="search"
      meta={{ title, description: t('search.hint'), path: '/search', noindex: true }}
    >
      <section class="search-page" aria-labelledby="search-heading">
        <h1 id="search-heading">{t('search.title')}</h1>
        <form class="search-form" action={`${chrome.site.base ?? ''}/search`} method="get" role="search">
          <div class="search-main">
            <label for="search-q">{t('search.label')}</label>
            <div class="search-main-row">
              <input id="search-q" type="search" name="q" value={form.q} maxLength={200} aria-describedby="search-tip" />
              <button type="submit">{t('search.submit')}</button>
            </div>
            <p id="search-tip" class="search-tip">
              {t('search.tip')}
            </p>
          </div>
          <fieldset class="search-filters">
            <legend>{t('search.filters')}</legend>
            <Select
              id="search-rubric"
              name="rubric"
              label={t('search.filter.rubric')}
              value={form.rubric}
              any={t('search.filter.any')}
              options={rubrics.map((r) => ({ value: r.slug, label: r.name }))}
            />
            <Select
              id="search-author"
              name="author"
              label={t('search.filter.author')}
              value={form.author}
              any={t('search.filter.any')}
              options={authors.map((a) => ({ value: a.slug, label: a.name }))}
            />
            <Select
              id="search-lang"
              name="lang"
              label={t('search.filter.language')}
              value={form.lang || chrome.site.language}
              any={t('search.filter.any')}
              anyValue="all"
              options={languages.map((l) => ({ value: l, label: t(messageKey(`lang.${l}`)) }))}
            />
            <div class="search-field">
              <label for="search-from">{t('search.filter.from')}</label>
              <input id="search-from" type="date" name="from" value={form.from} />
            </div>
            <div class="search-field">
              <label for="search-to">{t('search.filter.to')}</label>
              <input id="search-to" type="date" name="to" value={form.to} />
            </div>
          </fieldset>
        </form>

        {notices.length > 0 && (
          <ul class="search-notices">
            {notices.map((n) => (
              <li>{t(messageKey(n.key), n.vars)}</li>
            ))}
          </ul>
        )}

        {!results && <p class="search-hint">{t('search.hint')}</p>}

        {results && results.total === 0 && (
          <div class="search-empty">
            <p>{t('search.no_results', { q: form.q })}</p>
            {filtered && (
              <p>
                <a href={searchHref({ ...form, rubric: '', author: '', lang: '', from: '', to: '' }, 1, chrome.site.base)}>
                  {t('search.without_filters')}
                </a>
              </p>
            )}
          </div>
        )}

        {results && results.total > 0 && (
          <>
            <p class="search-count" role="status">
              {t('search.results', { count: results.total, shown: count ?? '', q: form.q })}
            </p>
            {results.hits.length > 0 ? (
              <ol class="search-results" start={(results.page - 1) * results.perPage + 1}>
                {results.hits.map((hit) => (
                  <Hit t={t} hit={hit} lang={lang} site={chrome.site} />
                ))}
              </ol>
            ) : (
              <p class="search-empty">
                {t('search.past_end')} <a href={searchHref(form, 1, chrome.site.base)}>{t('search.first_page')}</a>
              </p>
            )}
            <Pager t={t} form={form} page={results.page} pages={results.pages} capped={results.capped} base={chrome.site.base} />
          </>
        )}
      </section>
    </Layout>
  );
}
