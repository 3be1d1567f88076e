// A dossier: one entity or a country pair, with its key figures, a timeline of facts and related reading.
import { articlePath, editionAlternates } from '../../../platform/editions.js';
import { formatDate, type T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import { Pagination, type PageInfo } from '../../../platform/ui/pagination.js';
import type { Chrome } from '../../../platform/chrome.js';
import {
  dossierPath,
  factSentence,
  formatAmount,
  formatWhen,
  splitId,
  type DossierEntity,
  type EntityRef,
  type Reported,
  type TimelineFact,
  type TradeSeries,
} from '../dossier.js';
import type { ArticleRef, DossierStats } from '../dossier-store.js';
import { AlsoReported, Evidence, FactSentence, SourceLink } from './fact-sentence.js';
import { TradeChart } from './trade-chart.js';
import { UpcomingBlock } from './upcoming-block.js';

export interface DossierPageProps {
  t: T;
  chrome: Chrome;
  /** One entity, or two countries for a pair page. */
  subjects: [DossierEntity] | [DossierEntity, DossierEntity];
  /** The page's address within its edition ("/dossiers/country/kz"). */
  path: string;
  /** The edition's address prefix ("/ru", "" at the root). */
  base?: string;
  stats: DossierStats;
  /** Announced events still to come (shown above the timeline). */
  upcoming: Reported<TimelineFact>[];
  timeline: Reported<TimelineFact>[];
  info: PageInfo;
  names: Map<string, EntityRef>;
  trade: TradeSeries[];
  investments: { currency: string; total: number; count: number }[];
  related: (EntityRef & { shared: number })[];
  articles: { items: ArticleRef[]; total: number };
}

const SCHEMA_TYPE: Record<string, string> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organization',
  place: 'Place',
  project: 'Thing',
};

function plural(
  t: T,
  key: 'dossiers.fact_count' | 'dossiers.article_count' | 'dossiers.investments.count',
  count: number,
  _lang?: string,
): string {
  return t(key, { count });
}

/** "12 facts from 5 articles, 2024–2025". */
export function summaryLine(t: T, s: DossierStats, lang = 'en'): string {
  if (!s.facts) return t('dossiers.summary.none');
  const years = s.firstYear === s.lastYear ? String(s.firstYear) : `${s.firstYear}–${s.lastYear}`;
  return t('dossiers.summary', {
    facts: plural(t, 'dossiers.fact_count', s.facts, lang),
    articles: plural(t, 'dossiers.article_count', s.articles, lang),
    years,
  });
}

function roleLine(t: T, e: DossierEntity, names: Map<string, EntityRef>): string[] {
  return e.roles.map((r) => (r.of ? t('dossiers.role', { title: r.title, of: names.get(r.of)?.name ?? splitId(r.of)[1] }) : r.title));
}

/** The whole page; `mainHtml` is its main part already drawn (DossierMain, kept by the route). */
export function DossierPage(p: DossierPageProps & { mainHtml?: string }) {
  const { t, chrome, subjects, stats, info } = p;
  const lang = chrome.site.language;
  const base = p.base ?? '';
  const here = base + p.path;
  const pair = subjects.length === 2;
  const [first] = subjects;
  const title = pair ? t('dossiers.pair.title', { a: subjects[0].name, b: subjects[1]!.name }) : first.name;
  const summary = summaryLine(t, stats, lang);
  const heading = info.page > 1 ? `${title} · ${t('pagination.page', { page: info.page, pages: info.pages })}` : title;
  const jsonLd = pair
    ? []
    : [
        {
          '@context': 'https://schema.org',
          '@type': SCHEMA_TYPE[first.type] ?? 'Thing',
          name: first.name,
          ...(first.aliases.length ? { alternateName: first.aliases } : {}),
          ...(first.type === 'person' && first.roles[0] ? { jobTitle: first.roles[0].title } : {}),
          url: chrome.site.baseUrl + here,
          inLanguage: lang,
          description: summary,
        },
      ];
  return (
    <Layout
      t={t}
      site={chrome.site}
      rubrics={chrome.rubrics}
      account={chrome.account}
      meta={{
        title: heading,
        description: `${title}: ${summary}`,
        path: info.page > 1 ? `${here}?page=${info.page}` : here,
        jsonLd,
        // The same dossier in every edition; later pages of a timeline differ between editions, so only the first has them.
        alternates: info.page > 1 ? undefined : editionAlternates(chrome.site, p.path),
      }}
      mainHtml={p.mainHtml}
    >
      {p.mainHtml === undefined && <DossierMain {...p} />}
    </Layout>
  );
}

/** The dossier itself, inside the page's <main>: the same for every reader of one edition. */
export function DossierMain(p: DossierPageProps) {
  const { t, chrome, subjects, stats, info } = p;
  const lang = chrome.site.language;
  const base = p.base ?? '';
  // Articles are linked at their own edition's address, so no link costs a redirect.
  const prefixed = chrome.site.editions === 'prefixed';
  const pair = subjects.length === 2;
  const [first] = subjects;
  const title = pair ? t('dossiers.pair.title', { a: subjects[0].name, b: subjects[1]!.name }) : first.name;
  const summary = summaryLine(t, stats, lang);
  const selfIds = subjects.map((s) => s.id);
  const countryPage = !pair && first.type === 'country';
  const figures = p.trade.length > 0 || p.investments.length > 0;
  return (
    <article class="dossier">
      <header class="dossier-header">
        <p class="kicker">
          <a class="kicker" href={`${base}/dossiers`}>
            {t('dossiers.title')}
          </a>{' '}
          · {pair ? t('dossiers.pair.kicker') : t(`dossiers.type.${first.type}`)}
        </p>
        <h1>
          {pair ? (
            <>
              <a href={dossierPath(subjects[0].id, base)}>{subjects[0].name}</a> ·{' '}
              <a href={dossierPath(subjects[1]!.id, base)}>{subjects[1]!.name}</a>
            </>
          ) : (
            first.name
          )}
        </h1>
        {!pair && first.roles.length > 0 && <p class="dossier-roles">{roleLine(t, first, p.names).join('; ')}</p>}
        {!pair && first.aliases.length > 0 && <p class="meta">{t('dossiers.also_known_as', { names: first.aliases.join(', ') })}</p>}
        <p class="dossier-summary">{summary}</p>
      </header>

      {figures && (
        <section class="dossier-figures" aria-labelledby="figures-title">
          <h2 id="figures-title">{t('dossiers.key_figures')}</h2>
          {p.investments.length > 0 && (
            <ul class="figure-list">
              {p.investments.map((i) => (
                <li>
                  {t('dossiers.investments.total', {
                    total: formatAmount(i.total, i.currency, lang),
                    count: plural(t, 'dossiers.investments.count', i.count, lang),
                  })}
                </li>
              ))}
            </ul>
          )}
          {p.trade.map((s, i) => {
            const names: [string, string] = [p.names.get(s.a)?.name ?? splitId(s.a)[1], p.names.get(s.b)?.name ?? splitId(s.b)[1]];
            const other = countryPage ? (s.a === first.id ? s.b : s.a) : undefined;
            return (
              <div class="trade-figure">
                <TradeChart t={t} series={s} names={names} uid={`trade-${i}`} lang={lang} prefixed={prefixed} />
                {other && (
                  <p class="meta">
                    <a href={base + pairPath(first.id, other)}>{t('dossiers.pair.link', { name: p.names.get(other)?.name ?? other })}</a>
                  </p>
                )}
              </div>
            );
          })}
        </section>
      )}

      <div class="dossier-columns">
        <div class="dossier-main">
          <UpcomingBlock t={t} facts={p.upcoming} names={p.names} skip={selfIds} lang={lang} base={base} prefixed={prefixed} />
          <section class="dossier-timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('dossiers.timeline')}</h2>
            {p.timeline.length === 0 ? (
              <p>{t('dossiers.timeline.empty')}</p>
            ) : (
              <ol class="timeline">
                {p.timeline.map((f) => (
                  <li id={`fact-${f.id}`}>
                    <p class="fact-sentence">
                      <FactSentence segments={factSentence(t, f, p.names, lang)} skip={selfIds} base={base} />
                    </p>
                    <Evidence fact={f} lang={lang} />
                    <p class="meta">
                      {f.when ? (
                        <time datetime={f.when.value}>{formatWhen(f.when.value, f.when.precision, lang)}</time>
                      ) : (
                        f.article.publishedAt && (
                          <time datetime={f.article.publishedAt}>
                            {t('dossiers.timeline.reported', { date: formatDate(f.article.publishedAt, lang) })}
                          </time>
                        )
                      )}
                      {' · '}
                      <SourceLink t={t} fact={f} lang={lang} prefixed={prefixed} />
                      <AlsoReported t={t} facts={f.also} lang={lang} prefixed={prefixed} />
                    </p>
                  </li>
                ))}
              </ol>
            )}
            <Pagination t={t} info={info} />
          </section>
        </div>

        <aside class="dossier-aside">
          {p.related.length > 0 && (
            <section aria-labelledby="related-title">
              <h2 id="related-title">{t('dossiers.related')}</h2>
              <ul class="related-entities">
                {p.related.map((e) => (
                  <li>
                    <a href={dossierPath(e.id, base)}>{e.name}</a>{' '}
                    <span class="meta">
                      {t(`dossiers.type.${e.type}`)} · {plural(t, 'dossiers.fact_count', e.shared, lang)}
                    </span>
                    {countryPage && e.type === 'country' && (
                      <>
                        {' '}
                        ·{' '}
                        <a class="meta" href={base + pairPath(first.id, e.id)}>
                          {t('dossiers.pair.link', { name: e.name })}
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {p.articles.items.length > 0 && (
            <section aria-labelledby="articles-title">
              <h2 id="articles-title">{t('dossiers.articles', { name: title })}</h2>
              <ul class="dossier-articles">
                {p.articles.items.map((a) => (
                  <li>
                    <a
                      href={articlePath(a.language, prefixed, a.slug)}
                      hreflang={a.language !== lang ? a.language : undefined}
                      lang={a.language !== lang ? a.language : undefined}
                    >
                      {a.title}
                    </a>
                    {a.publishedAt && (
                      <>
                        {' '}
                        <time class="meta" datetime={a.publishedAt}>
                          {formatDate(a.publishedAt, lang)}
                        </time>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              {p.articles.total > p.articles.items.length && (
                <p class="meta">{t('dossiers.articles.more', { count: p.articles.total - p.articles.items.length })}</p>
              )}
            </section>
          )}
        </aside>
      </div>
    </article>
  );
}

/** The canonical pair page of two country ids. */
export function pairPath(a: string, b: string): string {
  const [x, y] = [splitId(a)[1].toLowerCase(), splitId(b)[1].toLowerCase()].sort();
  return `/dossiers/pair/${x}/${y}`;
}
