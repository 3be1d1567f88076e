// One t(key) lookup for every UI string; dates and numbers go through Intl.
import { en } from './en.js';

const CATALOGUES: Record<string, Record<string, string>> = { en };

export type T = (key: string, vars?: Record<string, string | number>) => string;

/** A translator for a language, falling back to English, then to the key itself. */
export function translator(lang = 'en'): T {
  const cat = CATALOGUES[lang] ?? en;
  return (key, vars) => {
    const s = cat[key] ?? en[key] ?? key;
    return vars ? s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`)) : s;
  };
}

/** True when the catalogue has the key (used by a test that every key used exists). */
export function hasKey(key: string): boolean {
  return key in en;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = locale + JSON.stringify(opts);
  let f = dateFormats.get(k);
  if (!f) { f = new Intl.DateTimeFormat(locale, opts); dateFormats.set(k, f); }
  return f;
}

/** "12 March 2025" in the reader's language; the UTC day unless a zone is given. */
export function formatDate(iso: string, lang = 'en', timeZone = 'UTC'): string {
  return fmt(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(iso));
}

/** "12 March 2025, 10:00 GMT+3" in the given time zone. */
export function formatDateTime(iso: string, lang = 'en', timeZone = 'UTC'): string {
  return fmt(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));
}

/** Grouped number in the reader's language. */
export function formatNumber(n: number, lang = 'en'): string {
  return new Intl.NumberFormat(lang).format(n);
}
