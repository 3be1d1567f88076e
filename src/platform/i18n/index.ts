// One t(key) lookup for every UI string; dates and numbers go through Intl.
import { en } from './en.js';

const CATALOGUES: Record<string, Record<string, string>> = { en };

export type T = (key: string, vars?: Record<string, string | number>) => string;

/** A translator for a language, falling back to English, then to the key itself. */
export function translator(lang = 'en'): T {
  const cat = CATALOGUES[lang] ?? en;
  // Each message split once into text and {names} (text at even places): a dossier page fills some
  // hundred messages, and a regular-expression replace each time was 3% of its rendering.
  const split = new Map<string, string[]>();
  return (key, vars) => {
    const s = cat[key] ?? en[key];
    // An unknown key (one built from a request's value, say) is its own message, and is not kept.
    if (s === undefined || !vars) return s ?? key;
    let parts = split.get(s);
    if (!parts) { parts = s.split(/\{(\w+)\}/); split.set(s, parts); }
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) out += (parts[i] in vars ? String(vars[parts[i]]) : `{${parts[i]}}`) + parts[i + 1];
    return out;
  };
}

/** True when the catalogue has the key (used by a test that every key used exists). */
export function hasKey(key: string): boolean {
  return key in en;
}

// A comment thread formats a hundred dates: these two formats are looked up by language and zone
// alone, without building an options key on every call.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
function fmt(cache: Map<string, Intl.DateTimeFormat>, lang: string, timeZone: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${lang}|${timeZone}`;
  let f = cache.get(k);
  if (!f) { f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { ...opts, timeZone }); cache.set(k, f); }
  return f;
}

/** "12 March 2025" in the reader's language; the UTC day unless a zone is given. */
export function formatDate(iso: string, lang = 'en', timeZone = 'UTC'): string {
  return fmt(dayFormats, lang, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** "12 March 2025, 10:00 GMT+3" in the given time zone. */
export function formatDateTime(iso: string, lang = 'en', timeZone = 'UTC'): string {
  return fmt(timeFormats, lang, timeZone, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** Grouped number in the reader's language. */
export function formatNumber(n: number, lang = 'en'): string {
  return intl.number(lang).format(n);
}

// Building an Intl formatter costs 10 to 100 microseconds, using one about 1: a page formats hundreds
// of names, counts and dates, so each formatter is built once per locale and options. An unknown
// locale still throws RangeError, as the constructors do.
// Building the key itself (JSON of the options) costs about as much as formatting once, so options a
// module keeps as a frozen constant are looked up by their identity instead.
const formatters = new Map<string, unknown>();
const byFrozenOptions = new WeakMap<object, Map<string, unknown>>();
function cached<F>(kind: string, locales: string | string[], opts: object | undefined, make: () => F): F {
  if (opts && Object.isFrozen(opts)) {
    let mine = byFrozenOptions.get(opts);
    if (!mine) { mine = new Map(); byFrozenOptions.set(opts, mine); }
    const k = `${kind}|${String(locales)}`;
    let f = mine.get(k) as F | undefined;
    if (!f) { f = lookup(kind, locales, opts, make); mine.set(k, f); }
    return f;
  }
  return lookup(kind, locales, opts, make);
}
function lookup<F>(kind: string, locales: string | string[], opts: object | undefined, make: () => F): F {
  const k = `${kind}|${String(locales)}|${opts ? JSON.stringify(opts) : ''}`;
  let f = formatters.get(k) as F | undefined;
  if (!f) { f = make(); formatters.set(k, f); }
  return f;
}

/** Shared Intl formatters, built on first use; pass options as a frozen constant where the call is frequent. */
export const intl = {
  list: (lang: string, opts?: Intl.ListFormatOptions) => cached('list', lang, opts, () => new Intl.ListFormat(lang, opts)),
  plural: (lang: string, opts?: Intl.PluralRulesOptions) => cached('plural', lang, opts, () => new Intl.PluralRules(lang, opts)),
  number: (lang: string, opts?: Intl.NumberFormatOptions) => cached('number', lang, opts, () => new Intl.NumberFormat(lang, opts)),
  date: (lang: string, opts?: Intl.DateTimeFormatOptions) => cached('date', lang, opts, () => new Intl.DateTimeFormat(lang, opts)),
  regionNames: (lang: string) => cached('region', lang, undefined, () => new Intl.DisplayNames([lang], { type: 'region' })),
};
