// The public site's page shell: head with meta and OpenGraph, header with rubrics, footer with feeds.
import { type ComponentChildren, h } from 'preact';
import type { Language, T } from '../i18n/index.js';
import { editionHomes, type EditionsMode, languageName, schemeOf } from '../editions.js';
import { renderVNode } from '../html-renderer.js';

export interface SiteInfo {
  title: string;
  description: string;
  baseUrl: string;
  /** The language of the edition this page belongs to. */
  language: string;
  /** The prefix of this edition's addresses ("/ru"); "" or absent at the root. */
  base?: string;
  /** The language of the edition at the root: the newsroom's language. */
  rootLanguage?: string;
  /** Whether the default edition is at the root or, like the others, under its prefix ("root" when absent). */
  editions?: EditionsMode;
}
export interface NavRubric {
  slug: string;
  name: string;
}

export interface PageMeta {
  title: string;
  description?: string;
  /** Absolute or site-relative canonical path. */
  path: string;
  ogType?: 'website' | 'article' | 'profile';
  image?: string;
  /** schema.org objects, rendered as application/ld+json. */
  jsonLd?: object[];
  /** Alternate feeds of this page: [title, path, type]. */
  feeds?: { title: string; path: string; type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json' }[];
  noindex?: boolean;
  language?: string;
  publishedTime?: string;
  /** The same page in other languages, by language: hreflang alternates, and the switcher's targets. */
  alternates?: Partial<Record<string, string>>;
  /** The page for readers of no listed language (hreflang x-default); the root edition's alternate by default. */
  xDefault?: string;
  modifiedTime?: string;
}

export interface LayoutProps {
  t: T;
  site: SiteInfo;
  rubrics: NavRubric[];
  meta: PageMeta;
  /** Marks the current section in the navigation. */
  current?: string;
  /** The signed-in visitor, on pages rendered for them (never on shared cached pages). */
  account?: { name: string } | null;
  children?: ComponentChildren;
  /** The page's main part already drawn (a fragment kept in the content memo); children are then not shown. */
  mainHtml?: string;
}

const JSON_LD_UNSAFE = /[<>&]/g;
const JSON_LD_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/** JSON for a <script type="application/ld+json">, safe against "</script>" in content. */
export function jsonLdText(o: object): string {
  // One pass over the text, which holds the article's title and lead: three replaces walked it three times.
  return JSON.stringify(o).replace(JSON_LD_UNSAFE, (c) => JSON_LD_ESCAPES[c]);
}

const abs = (base: string, p: string) => (/^https?:\/\//.test(p) ? p : base + p);

/** The search form's fields in the masthead. */
function SearchFields({ t }: { t: T }) {
  return (
    <>
      <label class="visually-hidden" for="masthead-q">
        {t('search.label')}
      </label>
      <input id="masthead-q" type="search" name="q" placeholder={t('search.title')} />
    </>
  );
}

/** The sections menu's list, the current section marked. */
function SectionLinks({ t, base, rubrics, current }: { t: T; base: string; rubrics: NavRubric[]; current?: string }) {
  return (
    <ul>
      <li>
        <a href={`${base}/`} aria-current={current === 'home' ? 'page' : undefined}>
          {t('site.nav.home')}
        </a>
      </li>
      {rubrics.map((r) => (
        <li>
          <a href={`${base}/rubric/${r.slug}`} aria-current={current === `rubric:${r.slug}` ? 'page' : undefined}>
            {r.name}
          </a>
        </li>
      ))}
      <li>
        <a href={`${base}/events`} aria-current={current === 'events' ? 'page' : undefined}>
          {t('site.nav.events')}
        </a>
      </li>
      <li>
        <a href={`${base}/dossiers`} aria-current={current === 'dossiers' ? 'page' : undefined}>
          {t('site.nav.dossiers')}
        </a>
      </li>
      <li>
        <a href={`${base}/authors`} aria-current={current === 'authors' ? 'page' : undefined}>
          {t('site.nav.authors')}
        </a>
      </li>
      <li>
        <a href={`${base}/search`} aria-current={current === 'search' ? 'page' : undefined}>
          {t('site.nav.search')}
        </a>
      </li>
    </ul>
  );
}

/** The site footer's contents. */
function FooterParts({ t, site, base }: { t: T; site: SiteInfo; base: string }) {
  return (
    <>
      <p class="footer-title">{site.title}</p>
      {site.description && <p>{site.description}</p>}
      <p>
        {t('site.footer.feeds')}: <a href={`${base}/feed.xml`}>{t('site.footer.rss')}</a> ·{' '}
        <a href={`${base}/atom.xml`}>{t('site.footer.atom')}</a> · <a href={`${base}/feed.json`}>{t('site.footer.json')}</a>
      </p>
      <p class="powered">{t('site.footer.powered')}</p>
    </>
  );
}

/**
 * The parts of the shell that depend only on the edition's site, its rubrics and its language, drawn once: the
 * search fields, the sections menu and the footer. Every page of an edition gets its shell's objects (the content
 * memo keeps them until the content changes and never changes them in place), so every page drew the same menu
 * and footer again, some thirty of an article page's 260 elements. Kept beside the site object, and drawn again
 * whenever anything they show is not the same.
 */
interface DrawnShell {
  t: T;
  rubrics: NavRubric[];
  title: string;
  description: string;
  base: string;
  search: string;
  footer: string;
  /** The sections menu by the section it marks current. */
  sections: Map<string, string>;
}
const drawnShells = new WeakMap<SiteInfo, DrawnShell>();

function drawnShell(t: T, site: SiteInfo, rubrics: NavRubric[]): DrawnShell {
  const base = site.base ?? '';
  let d = drawnShells.get(site);
  if (!d || d.t !== t || d.rubrics !== rubrics || d.title !== site.title || d.description !== site.description || d.base !== base) {
    d = {
      t,
      rubrics,
      title: site.title,
      description: site.description,
      base,
      search: renderVNode(h(SearchFields, { t })),
      footer: renderVNode(h(FooterParts, { t, site, base })),
      sections: new Map(),
    };
    drawnShells.set(site, d);
  }
  return d;
}

function sectionsOf(d: DrawnShell, current: string | undefined): string {
  const key = current ?? '';
  let html = d.sections.get(key);
  if (html === undefined) {
    html = renderVNode(h(SectionLinks, { t: d.t, base: d.base, rubrics: d.rubrics, current }));
    // The sections a page marks are few (home, a rubric, events...): past that many, drawn and not kept.
    if (d.sections.size < 64) d.sections.set(key, html);
  }
  return html;
}

/** The whole HTML document of a public page. */
export function Layout({ t, site, rubrics, meta, current, account, children, mainHtml }: LayoutProps) {
  const canonical = abs(site.baseUrl, meta.path);
  const fullTitle = meta.title === site.title ? site.title : `${meta.title} — ${site.title}`;
  const base = site.base ?? '';
  const feeds = meta.feeds ?? [
    { title: site.title, path: `${base}/feed.xml`, type: 'application/rss+xml' as const },
    { title: site.title, path: `${base}/atom.xml`, type: 'application/atom+xml' as const },
    { title: site.title, path: `${base}/feed.json`, type: 'application/feed+json' as const },
  ];
  const rootLang = (site.rootLanguage ?? site.language) as Language;
  const pageLang = meta.language ?? site.language;
  // The switcher: the same page in another language when the page gives one, else that edition's home.
  const switcher = editionHomes(schemeOf(site)).filter((e) => e.lang !== pageLang);
  const drawn = drawnShell(t, site, rubrics);
  return (
    <html lang={meta.language ?? site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        {meta.noindex && <meta name="robots" content="noindex" />}
        <link rel="canonical" href={canonical} />
        {meta.alternates &&
          Object.entries(meta.alternates).map(
            ([lang, path]) => path && <link rel="alternate" hreflang={lang} href={abs(site.baseUrl, path)} />,
          )}
        {meta.alternates && (meta.xDefault ?? meta.alternates[rootLang]) && (
          <link rel="alternate" hreflang="x-default" href={abs(site.baseUrl, (meta.xDefault ?? meta.alternates[rootLang])!)} />
        )}
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {feeds.map((f) => (
          <link rel="alternate" type={f.type} title={f.title} href={f.path} />
        ))}
        <meta property="og:site_name" content={site.title} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:url" content={canonical} />
        {meta.description && <meta property="og:description" content={meta.description} />}
        {meta.image && <meta property="og:image" content={abs(site.baseUrl, meta.image)} />}
        {meta.publishedTime && <meta property="article:published_time" content={meta.publishedTime} />}
        {meta.modifiedTime && <meta property="article:modified_time" content={meta.modifiedTime} />}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        {(meta.jsonLd ?? []).map((o) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(o) }} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('site.skip')}
        </a>
        <header class="masthead">
          <div class="masthead-inner">
            <a class="brand" href={`${base}/`}>
              {site.title}
            </a>
            <form
              class="masthead-search"
              action={`${base}/search`}
              method="get"
              role="search"
              dangerouslySetInnerHTML={{ __html: drawn.search }}
            />
            <nav class="editions" aria-label={t('site.editions')}>
              <ul>
                {switcher.map((e) => (
                  <li>
                    <a href={meta.alternates?.[e.lang] ?? e.href} hreflang={e.lang} lang={e.lang}>
                      {languageName(e.lang)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <p class="masthead-account">
              {account ? <a href={`${base}/account`}>{account.name}</a> : <a href={`${base}/account/login`}>{t('account.sign_in')}</a>}
            </p>
          </div>
          <nav class="sections" aria-label={t('site.nav.main')} dangerouslySetInnerHTML={{ __html: sectionsOf(drawn, current) }} />
        </header>
        {mainHtml === undefined ? (
          <main id="main" tabIndex={-1}>
            {children}
          </main>
        ) : (
          <main id="main" tabIndex={-1} dangerouslySetInnerHTML={{ __html: mainHtml }} />
        )}
        <footer class="site-footer" dangerouslySetInnerHTML={{ __html: drawn.footer }} />
      </body>
    </html>
  );
}
