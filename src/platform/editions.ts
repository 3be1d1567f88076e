// Editions: each language the newsroom publishes in has its own addresses. The newsroom's language (the
// `site.language` setting) is the edition at the root ("/", "/search"); every language also has its
// prefixed addresses ("/ru/", "/zh/search"), and the prefix of the root edition's language redirects to the root.
import { LANGUAGES, type Language } from './i18n/index.js';

/** One edition as a page sees it: its language and the prefix of its addresses ("" at the root). */
export interface Edition {
  lang: Language;
  prefix: string;
}

/** The edition's home and the other editions' homes, for the language switcher: root edition first. */
export function editionHomes(rootLang: Language): { lang: Language; href: string }[] {
  return [rootLang, ...LANGUAGES.filter((l) => l !== rootLang)].map((lang) => ({ lang, href: lang === rootLang ? '/' : `/${lang}/` }));
}

/** The address of `path` (starting with "/") in the edition of `lang`, given the root edition's language. */
export function editionPath(lang: string, rootLang: string, path: string): string {
  return lang === rootLang ? path : `/${lang}${path === '/' ? '/' : path}`;
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
export function editionAlternates(site: { rootLanguage?: string; language: string }, path: string): Record<string, string> {
  const root = site.rootLanguage ?? site.language;
  return Object.fromEntries(LANGUAGES.map((l) => [l, editionPath(l, root, path)]));
}
