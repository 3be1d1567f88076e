// The search page's query string read into a query, filters and notices: any input gives a page, never an error.
import { LANGUAGES } from '../articles/article.js';
import { MAX_QUERY_CHARS, parseQuery, type ParsedQuery } from './search-query.js';
import type { SearchFilters } from './search-store.js';

/** What the form shows back: the values as the reader gave them (valid ones only for the selects). */
export interface SearchForm {
  q: string;
  rubric: string;
  author: string;
  lang: string;
  from: string;
  to: string;
}

/** Something of the request that was left out, and why; shown above the results. */
export interface SearchNotice {
  key: string;
  vars?: Record<string, string | number>;
}

export interface SearchParams {
  query: ParsedQuery;
  filters: SearchFilters;
  form: SearchForm;
  notices: SearchNotice[];
  page: number;
  /** True when any filter is applied. */
  filtered: boolean;
}

/** A query-string value as one string: the first of repeated keys, '' for anything else. */
function one(v: unknown): string {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s : '';
}

/** YYYY-MM-DD of a real calendar day, as a Date at 00:00 UTC, or undefined. */
export function parseDay(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : undefined;
}

const DAY_MS = 86_400_000;
/** Search pages beyond this would start past the counted matches. */
export const MAX_PAGE = 100;

/** The `lang` value of a search in every language. */
export const ALL_LANGUAGES = 'all';

/** Reads the search query string; unknown slugs, bad dates and languages become notices, not errors. */
export function parseSearchParams(
  raw: Record<string, unknown>,
  known: { rubrics: { id: number; slug: string }[]; authors: { id: number; slug: string }[] },
): SearchParams {
  const notices: SearchNotice[] = [];
  const rawQ = one(raw.q);
  const query = parseQuery(rawQ);
  if (Array.from(rawQ.trim()).length > MAX_QUERY_CHARS) notices.push({ key: 'search.notice.truncated', vars: { max: MAX_QUERY_CHARS } });
  const filters: SearchFilters = {};
  const form: SearchForm = { q: query.text, rubric: '', author: '', lang: '', from: '', to: '' };
  const shown = (s: string) => Array.from(s).slice(0, 60).join('');

  const rubricSlug = one(raw.rubric).trim();
  if (rubricSlug) {
    const r = known.rubrics.find((x) => x.slug === rubricSlug);
    if (r) {
      filters.rubricId = r.id;
      form.rubric = r.slug;
    } else notices.push({ key: 'search.notice.rubric', vars: { value: shown(rubricSlug) } });
  }
  const authorSlug = one(raw.author).trim();
  if (authorSlug) {
    const a = known.authors.find((x) => x.slug === authorSlug);
    if (a) {
      filters.authorId = a.id;
      form.author = a.slug;
    } else notices.push({ key: 'search.notice.author', vars: { value: shown(authorSlug) } });
  }
  const lang = one(raw.lang).trim();
  // "all" asks for every language; without lang, the edition's own language is searched (see routes.ts).
  if (lang === ALL_LANGUAGES) form.lang = ALL_LANGUAGES;
  else if (lang) {
    if ((LANGUAGES as readonly string[]).includes(lang)) {
      filters.language = lang;
      form.lang = lang;
    } else notices.push({ key: 'search.notice.language', vars: { value: shown(lang) } });
  }
  const day = (value: string) => {
    const d = parseDay(value);
    if (value && !d) notices.push({ key: 'search.notice.date', vars: { value: shown(value) } });
    return d;
  };
  let from = day(one(raw.from).trim());
  let to = day(one(raw.to).trim());
  // A reversed range is what the reader meant the other way round.
  if (from && to && from > to) [from, to] = [to, from];
  if (from) {
    filters.from = from.toISOString();
    form.from = from.toISOString().slice(0, 10);
  }
  if (to) {
    filters.before = new Date(to.getTime() + DAY_MS).toISOString();
    form.to = to.toISOString().slice(0, 10);
  }

  const n = Number(one(raw.page));
  const page = Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PAGE) : 1;
  const filtered = Object.keys(filters).length > 0;
  return { query, filters, form, notices, page, filtered };
}
