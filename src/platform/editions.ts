// Editions: each language the newsroom publishes in has its own addresses. The newsroom chooses (the
// `site.editions` setting) between two schemes:
// - `root` (the default): the newsroom's language (the `site.language` setting) is the edition at the root
//   ("/", "/search"); every other language has its prefixed addresses ("/ru/", "/zh/search"), the prefix of the
//   root edition's language redirects to the root, and an article's address is "/articles/slug" in any language.
// - `prefixed`: every language under its prefix ("/en/", "/ru/articles/slug"); "/" redirects (302) to the default
//   edition's home and every other root address of content redirects (301) to its prefixed address.
import { isLanguage, LANGUAGES, type Language } from './i18n/index.js';

/** How editions are addressed: the default language at the root, or every language under its prefix. */
export type EditionsMode = 'root' | 'prefixed';
export const EDITIONS_MODES: readonly EditionsMode[] = ['root', 'prefixed'];

/** The setting as stored, or the default for anything else. */
export function editionsModeOf(value: string | undefined): EditionsMode {
  return value === 'prefixed' ? 'prefixed' : 'root';
}

/** One edition as a page sees it: its language and the prefix of its addresses ("" at the root). */
export interface Edition {
  lang: Language;
  prefix: string;
}

/** What decides every edition's addresses: the default language, and whether it too lives under its prefix. */
export interface EditionScheme {
  root: string;
  prefixed: boolean;
}

/** The scheme a page's shell describes (`rootLanguage` and `editions` of its site). */
export function schemeOf(site: { rootLanguage?: string; language: string; editions?: EditionsMode }): EditionScheme {
  return { root: site.rootLanguage ?? site.language, prefixed: site.editions === 'prefixed' };
}

/** The prefix of the edition of `lang` ("" for the root edition). */
export function editionPrefix(lang: string, scheme: EditionScheme): string {
  return !scheme.prefixed && lang === scheme.root ? '' : `/${lang}`;
}

/** The edition's home and the other editions' homes, for the language switcher: default edition first. */
export function editionHomes(scheme: EditionScheme): { lang: Language; href: string }[] {
  const root = isLanguage(scheme.root) ? scheme.root : 'en';
  return [root, ...LANGUAGES.filter((l) => l !== root)].map((lang) => ({ lang, href: editionPath(lang, scheme, '/') }));
}

/** The address of `path` (starting with "/") in the edition of `lang`. */
export function editionPath(lang: string, scheme: EditionScheme, path: string): string {
  return editionPrefix(lang, scheme) + (path === '/' && !scheme.prefixed && lang === scheme.root ? '/' : path);
}

/**
 * The address of a page of content (`path`: an article, a rubric, a tag, an author, an event, a dossier) named
 * from outside the editions' pages (the API, webhooks): at the root whatever `lang` when the default edition is
 * at the root (as it always was), else under the prefix of `lang`, since the root address would redirect there.
 * For a page with no language of its own (a rubric listed alone, a dossier), pass the default's, `scheme.root`.
 */
export function contentPath(lang: string, scheme: EditionScheme | boolean, path: string): string {
  const prefixed = typeof scheme === 'boolean' ? scheme : scheme.prefixed;
  return prefixed ? `/${lang}${path}` : path;
}

/**
 * The address of an article of `lang`: "/articles/slug" at the root whatever its language when the default
 * edition is at the root (as it always was), else under its edition's prefix.
 */
export function articlePath(lang: string, scheme: EditionScheme | boolean, slug: string): string {
  return contentPath(lang, scheme, `/articles/${slug}`);
}

// Every page's switcher names the other languages: building an Intl.DisplayNames costs more than rendering
// the switcher, so each name is asked for once.
const names = new Map<string, string>();

/** A language's name in that language ("Русский", "中文"), for the switcher. */
export function languageName(lang: Language): string {
  let name = names.get(lang);
  if (name === undefined) {
    const own = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    name = own.charAt(0).toLocaleUpperCase(lang) + own.slice(1);
    names.set(lang, name);
  }
  return name;
}

/** The same edition-wide page (a home, an archive) in every edition, by language: its hreflang alternates. */
export function editionAlternates(
  site: { rootLanguage?: string; language: string; editions?: EditionsMode },
  path: string,
): Record<string, string> {
  const scheme = schemeOf(site);
  return Object.fromEntries(LANGUAGES.map((l) => [l, editionPath(l, scheme, path)]));
}

/**
 * Where a root address of content goes when every edition is prefixed: the default edition's address, or
 * undefined for addresses that stay at the root (the admin, the API, assets, media, readers' accounts,
 * comment forms, event registration, robots.txt) and for those already under a prefix.
 */
export function prefixedAddress(url: string, root: string): string | undefined {
  const path = url.split('?')[0];
  if (path === '/') return `/${root}/${url.slice(1)}`;
  const first = path.split('/')[1] ?? '';
  // The sitemap index stays at the root (robots.txt names it); each edition's sitemap lives under its prefix.
  const sitemap = /^\/sitemap-([a-z]{2})(-[1-9]\d*)?\.xml$/.exec(path);
  if (sitemap) return `/${sitemap[1]}/sitemap${sitemap[2] ?? ''}.xml`;
  if (!CONTENT_ROOTS.has(first) && !/^(feed\.xml|atom\.xml|feed\.json)$/.test(first)) return undefined;
  // Readers' registrations for an event are forms and links from mails: they stay where they are.
  if (first === 'events' && /^\/events\/[^/]+\/registration(\/|$)/.test(path)) return undefined;
  return `/${root}${url}`;
}
const CONTENT_ROOTS = new Set([
  'articles',
  'archive',
  'rubric',
  'tags',
  'authors',
  'search',
  'events',
  'events.ics',
  'dossiers',
  'corrections',
]);
