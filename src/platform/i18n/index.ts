// One t(key) lookup for every UI string, in English, Russian and Chinese; plurals and selects are ICU
// messages (intl-messageformat), dates and numbers go through Intl.
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

/** Every message key: a key missing from the English catalogue fails the type check where it is used. */
export type MessageKey = keyof typeof en;

/** The languages the interface speaks, each with a whole catalogue. */
export const LANGUAGES = ['en', 'ru', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One catalogue per language, every one with every key (the type and catalogue.test.ts both check). */
export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, ru, zh };

/** True for a language the interface speaks. */
export function isLanguage(lang: string | undefined): lang is Language {
  return lang === 'en' || lang === 'ru' || lang === 'zh';
}

/** A translator: a message by key, filled with variables, in one language (`t.lang`). */
export type T = ((key: MessageKey, vars?: Record<string, string | number>) => string) & { readonly lang: Language };

// An ICU argument with a type ("{count, plural, ...}", "{kind, select, ...}") needs the formatter; a message
// of text and plain "{name}" places is filled by splitting it once (a dossier page fills some hundred
// messages, and the formatter costs several times a split's fill).
const NEEDS_FORMATTER = /\{\s*\w+\s*,/;

const translators = new Map<string, T>();

/** The translator for a language (one per language, shared), falling back to English, then to the key itself. */
export function translator(lang = 'en'): T {
  const code: Language = isLanguage(lang) ? lang : 'en';
  let t = translators.get(code);
  if (!t) {
    t = makeTranslator(code);
    translators.set(code, t);
  }
  return t;
}

function makeTranslator(lang: Language): T {
  const cat: Partial<Record<string, string>> = CATALOGUES[lang];
  const fallback: Partial<Record<string, string>> = en;
  // Each message's way of being filled, worked out on its first use: a page fills some hundred messages,
  // and testing each for ICU syntax or splitting it again on every call was a tenth of rendering a page.
  const plans = new Map<string, { text: string; parts?: string[]; fill?: Fill; format?: IntlMessageFormat }>();
  const locale = lang === 'en' ? 'en-GB' : lang;
  const t = (key: MessageKey, vars?: Record<string, string | number>): string => {
    let plan = plans.get(key);
    if (plan === undefined) {
      const s = cat[key] ?? fallback[key];
      // An unknown key (one built from a request's value, say) is its own message, and is not kept.
      if (s === undefined) return key;
      if (NEEDS_FORMATTER.test(s)) {
        const format = new IntlMessageFormat(s, locale);
        plan = { text: s, format, fill: compile(format.getAst() as Element[], locale) };
      } else plan = { text: s, parts: s.split(/\{(\w+)\}/) };
      plans.set(key, plan);
    }
    if (plan.fill) {
      try {
        return plan.fill(vars ?? {}, undefined);
      } catch (e) {
        // A variable left out: the message as written, as below; an unusual value goes to the formatter.
        if (e === MISSING) return plan.text;
      }
    }
    if (plan.format) {
      try {
        return String(plan.format.format(vars ?? {}));
      } catch {
        // A variable left out: the message as written, as the plain path leaves a missing {name} in place.
        return plan.text;
      }
    }
    if (!vars) return plan.text;
    const parts = plan.parts!;
    let out = parts[0];
    for (let i = 1; i < parts.length; i += 2) out += (parts[i] in vars ? String(vars[parts[i]]) : `{${parts[i]}}`) + parts[i + 1];
    return out;
  };
  return Object.assign(t, { lang });
}

// A message's syntax tree as intl-messageformat parses it; `type` numbers its kinds of element.
interface Element {
  type: number;
  value: string;
  options?: Record<string, { value: Element[] }>;
  offset?: number;
  pluralType?: 'cardinal' | 'ordinal';
}
const LITERAL = 0;
const ARGUMENT = 1;
const SELECT = 5;
const PLURAL = 6;
const POUND = 7;

// Counts a page says most (of facts, articles, comments): their plural form and digits are kept once found.
const isSmall = (n: number) => Number.isInteger(n) && n >= 0 && n < 1000;

type Fill = (vars: Record<string, unknown>, count: number | undefined) => string;
/** Thrown by a compiled message whose variable is missing (the message is then shown as written). */
const MISSING = Symbol('missing variable');
/** Thrown where a variable's value is one the compiled message does not fill as the formatter would. */
const UNUSUAL = Symbol('unusual value');

/**
 * A message of text, plain places, plurals, selects and "#" compiled into one function that fills it as
 * intl-messageformat does (same plural rules, same number format for "#"), or undefined when it has any
 * other element (a formatted number, date or tag), which the formatter then fills. Filling a plural through
 * the formatter cost 6 to 11 microseconds (it builds a key per call to find its cached rules), and a dossier
 * page fills some twenty; compiled, under one.
 */
function compile(els: Element[], locale: string): Fill | undefined {
  const parts: Fill[] = [];
  for (const el of els) {
    if (el.type === LITERAL) {
      const text = el.value;
      parts.push(() => text);
    } else if (el.type === POUND) {
      const numbers = new Intl.NumberFormat(locale);
      const written: string[] = [];
      parts.push((_, count) => {
        if (typeof count !== 'number') return '';
        if (!isSmall(count)) return numbers.format(count);
        return (written[count] ??= numbers.format(count));
      });
    } else if (el.type === ARGUMENT) {
      const name = el.value;
      parts.push((vars) => {
        if (!(name in vars)) throw MISSING;
        const v = vars[name];
        if (typeof v === 'string') return v;
        if (typeof v === 'number' || typeof v === 'bigint') return String(v);
        if (!v) return '';
        throw UNUSUAL;
      });
    } else if (el.type === SELECT || el.type === PLURAL) {
      const name = el.value;
      const options = new Map<string, Fill>();
      for (const [k, o] of Object.entries(el.options ?? {})) {
        const fill = compile(o.value, locale);
        if (!fill) return undefined;
        options.set(k, fill);
      }
      const other = options.get('other');
      if (el.type === SELECT) {
        // As the formatter, a "#" inside a select has no count.
        parts.push((vars) => {
          if (!(name in vars)) throw MISSING;
          const v = vars[name];
          const fill = options.get(String(v)) ?? other;
          if (!fill || (typeof v !== 'string' && typeof v !== 'number')) throw UNUSUAL;
          return fill(vars, undefined);
        });
      } else {
        const rules = new Intl.PluralRules(locale, { type: el.pluralType });
        const offset = el.offset ?? 0;
        const exact = [...options.keys()].some((k) => k.startsWith('='));
        // The form each small count takes, found once.
        const forms: (Fill | undefined)[] = [];
        const form = (n: number) => (exact ? options.get(`=${n}`) : undefined) ?? options.get(rules.select(n - offset)) ?? other;
        parts.push((vars) => {
          if (!(name in vars)) throw MISSING;
          const v = vars[name];
          if (typeof v !== 'number') throw UNUSUAL;
          const fill = isSmall(v) ? (forms[v] ??= form(v)) : form(v);
          if (!fill) throw UNUSUAL;
          return fill(vars, v - offset);
        });
      }
    } else return undefined;
  }
  if (parts.length === 1) return parts[0];
  return (vars, count) => {
    let out = '';
    for (const part of parts) out += part(vars, count);
    return out;
  };
}

/**
 * A key built at run time (a notice named in the query string, a reason stored with a comment): the type
 * check cannot see it, so it is marked here: the one place an unchecked key enters. An unknown one renders
 * as itself.
 */
export function messageKey(key: string): MessageKey {
  return key as MessageKey;
}

/** Field errors for a form: each a catalogue key said in t's language, or a message already said, kept as it is. */
export function sayErrors(t: T, errors: Record<string, string>): Record<string, string>;
export function sayErrors(t: T, errors: Record<string, string> | undefined): Record<string, string> | undefined;
export function sayErrors(t: T, errors: Record<string, string> | undefined): Record<string, string> | undefined {
  return errors && Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, t(messageKey(v))]));
}

/** True when the catalogue has the key (used by a test that every key used exists). */
export function hasKey(key: string): boolean {
  return key in en;
}

// A comment thread formats a hundred dates: these two formats are looked up by language and zone
// alone, without building an options key on every call.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();
function fmt(
  cache: Map<string, Intl.DateTimeFormat>,
  lang: string,
  timeZone: string,
  opts: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const k = `${lang}|${timeZone}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { ...opts, timeZone });
    cache.set(k, f);
  }
  return f;
}

const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const DAY_TIME = { ...DAY, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;

// Formatting with Intl costs 2 to 5 microseconds a date, and an article page formats some twenty (comments,
// related articles, the event): 4% of rendering it. Times stored by Chancery are UTC ISO strings, so in UTC
// a day is formatted once per language, and a time is its day's text, then the hour and minute.
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;
const UTC_DAYS_MAX = 4000;
// Per language, then per day ("2026-03-05"): no key is built per call.
const utcDays = new Map<string, Map<string, string>>();
// How a language writes a UTC time after the day ("5 March 2026" + " at " + "13" + ":" + "47" + " UTC"),
// or null where it does not (a 12-hour clock, other digits, the day written differently): those go through Intl.
const timeShapes = new Map<string, { connector: string; between: string; after: string } | null>();

/** "12 March 2025" in the reader's language; the UTC day unless a zone is given. */
export function formatDate(iso: string, lang = 'en', timeZone = 'UTC'): string {
  if (timeZone !== 'UTC' || !UTC_ISO.test(iso)) return fmt(dayFormats, lang, timeZone, DAY).format(new Date(iso));
  let days = utcDays.get(lang);
  if (!days) {
    days = new Map();
    utcDays.set(lang, days);
  }
  const k = iso.slice(0, 10);
  let day = days.get(k);
  if (day === undefined) {
    day = fmt(dayFormats, lang, timeZone, DAY).format(new Date(iso));
    if (days.size >= UTC_DAYS_MAX) days.clear();
    days.set(k, day);
  }
  return day;
}

/** "12 March 2025, 10:00 GMT+3" in the given time zone. */
export function formatDateTime(iso: string, lang = 'en', timeZone = 'UTC'): string {
  const f = fmt(timeFormats, lang, timeZone, DAY_TIME);
  if (timeZone !== 'UTC' || !UTC_ISO.test(iso)) return f.format(new Date(iso));
  let shape = timeShapes.get(lang);
  if (shape === undefined) {
    shape = timeShape(f, lang);
    timeShapes.set(lang, shape);
  }
  return shape
    ? formatDate(iso, lang) + shape.connector + iso.slice(11, 13) + shape.between + iso.slice(14, 16) + shape.after
    : f.format(new Date(iso));
}

/** The language's UTC time written after the day, the same for a day of every month, or null. */
function timeShape(f: Intl.DateTimeFormat, lang: string): { connector: string; between: string; after: string } | null {
  const o = f.resolvedOptions();
  if (o.hourCycle !== 'h23' || o.numberingSystem !== 'latn') return null;
  const parts = f.formatToParts(new Date('2026-01-05T13:47:00.000Z'));
  const h = parts.findIndex((p) => p.type === 'hour');
  if (h < 0 || parts[h + 2]?.type !== 'minute') return null;
  const between = parts[h + 1].value;
  const time = `13${between}47`;
  let shape: { connector: string; between: string; after: string } | undefined;
  for (let month = 1; month <= 12; month++) {
    // Cut from format()'s own text: formatToParts may space a language's words differently (Russian's "г.").
    const iso = `2026-${String(month).padStart(2, '0')}-${month % 2 ? '05' : '28'}T13:47:00.000Z`;
    const day = fmt(dayFormats, lang, 'UTC', DAY).format(new Date(iso));
    const text = f.format(new Date(iso));
    const at = text.indexOf(time, day.length);
    if (!text.startsWith(day) || at < 0) return null;
    const found = { connector: text.slice(day.length, at), between, after: text.slice(at + time.length) };
    if (shape && (shape.connector !== found.connector || shape.after !== found.after)) return null;
    shape = found;
  }
  return shape ?? null;
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
    if (!mine) {
      mine = new Map();
      byFrozenOptions.set(opts, mine);
    }
    const k = `${kind}|${String(locales)}`;
    let f = mine.get(k) as F | undefined;
    if (!f) {
      f = lookup(kind, locales, opts, make);
      mine.set(k, f);
    }
    return f;
  }
  return lookup(kind, locales, opts, make);
}
function lookup<F>(kind: string, locales: string | string[], opts: object | undefined, make: () => F): F {
  const k = `${kind}|${String(locales)}|${opts ? JSON.stringify(opts) : ''}`;
  let f = formatters.get(k) as F | undefined;
  if (!f) {
    f = make();
    formatters.set(k, f);
  }
  return f;
}

// "A, B and C": every byline and teaser joins its authors' names.
const AND_LIST: Intl.ListFormatOptions = Object.freeze({ style: 'long', type: 'conjunction' });

/** Shared Intl formatters, built on first use; pass options as a frozen constant where the call is frequent. */
export const intl = {
  list: (lang: string, opts?: Intl.ListFormatOptions) => cached('list', lang, opts, () => new Intl.ListFormat(lang, opts)),
  /** "A, B and C" in the language. */
  and: (lang: string) => cached('list', lang, AND_LIST, () => new Intl.ListFormat(lang, AND_LIST)),
  plural: (lang: string, opts?: Intl.PluralRulesOptions) => cached('plural', lang, opts, () => new Intl.PluralRules(lang, opts)),
  number: (lang: string, opts?: Intl.NumberFormatOptions) => cached('number', lang, opts, () => new Intl.NumberFormat(lang, opts)),
  date: (lang: string, opts?: Intl.DateTimeFormatOptions) => cached('date', lang, opts, () => new Intl.DateTimeFormat(lang, opts)),
  regionNames: (lang: string) => cached('region', lang, undefined, () => new Intl.DisplayNames([lang], { type: 'region' })),
};
