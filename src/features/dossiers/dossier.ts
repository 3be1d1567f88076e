// Dossiers: domain types and pure rules (fingerprints, dossier URLs, readable fact sentences).
import { createHash } from 'node:crypto';
import { formatDate, intl, type MessageKey, type T, messageKey } from '../../platform/i18n/index.js';

export type FactStatus = 'auto' | 'confirmed' | 'corrected' | 'rejected' | 'review';
export const FACT_STATUSES: FactStatus[] = ['review', 'auto', 'confirmed', 'corrected', 'rejected'];
/** Statuses readers see; 'review' waits for an editor and 'rejected' never shows. */
export const PUBLIC_STATUSES: FactStatus[] = ['auto', 'confirmed', 'corrected'];
export const FACT_TYPES = ['visit', 'meeting', 'agreement', 'investment', 'trade', 'summit', 'project_milestone'] as const;

export type EntityType = 'country' | 'person' | 'organization' | 'place' | 'project';
export const ENTITY_TYPES: EntityType[] = ['country', 'person', 'organization', 'project', 'place'];

export interface EntityRef {
  id: string;
  type: EntityType;
  name: string;
}
export interface EntityRole {
  title: string;
  of?: string;
}
export interface DossierEntity extends EntityRef {
  aliases: string[];
  roles: EntityRole[];
  country: string | null;
}

export interface StoredFact {
  id: number;
  articleId: number;
  type: string;
  args: Record<string, unknown>;
  when: { value: string; precision: string } | undefined;
  sortDate: string;
  confidence: number;
  evidence: { start: number; end: number; text: string };
  extractorVersion: string;
  status: FactStatus;
  fingerprint: string;
  /** An event the article announces (the engine's status "planned"): upcoming, never in the timeline. */
  planned: boolean;
}

/** A fact with the article it came from, as public pages list it. */
export interface PublicFact extends StoredFact {
  /** `language` names its edition (its address); `group` (its translation group: the group's original id, or its own) where the query read it. */
  article: { id: number; slug: string; title: string; publishedAt: string; language: string; group?: number };
}

/** A fact as a dossier's timeline shows it: without what only review needs (confidence, offsets, versions). */
export type TimelineFact = Pick<PublicFact, 'id' | 'articleId' | 'type' | 'args' | 'when' | 'sortDate' | 'status' | 'article'> & {
  evidence: { text: string };
};

/**
 * The facts in the reader's language. Versions of one article (a translation group) state the same facts: of
 * those a page lists, one stands, in `lang` where a version in `lang` states it (taking that version's sentence
 * and source from `versions`, facts of the `lang` versions), else the original's, else the first listed.
 * Each version is read on its own, so one may name more of an event than another (a Russian sentence lists
 * the four people at the talks, the English one two): a fact another version states in part or in full
 * (`overlapsEvent`) goes too, rather than stand beside it with a sentence in another language.
 */
export function inReaderLanguage<F extends TimelineFact>(facts: F[], versions: TimelineFact[], lang: string): F[] {
  const same = (a: TimelineFact, b: TimelineFact) =>
    a.article.group !== undefined && a.article.group === b.article.group && sameEvent(a, b);
  // Within one article two facts that overlap are two events ("talks with Xi", then "talks with Xi and Li").
  const near = (a: TimelineFact, b: TimelineFact) =>
    a.article.group !== undefined && a.article.group === b.article.group && a.articleId !== b.articleId && overlapsEvent(a, b);
  const rank = (f: TimelineFact) => (f.article.language === lang ? 0 : f.article.id === f.article.group ? 1 : 2);
  // Only facts of one translation group can be the same: each fact is compared with its group's alone
  // (a timeline of fifty facts compared each with every other).
  const byGroup = new Map<number, { g: TimelineFact; j: number }[]>();
  for (const [j, g] of facts.entries()) {
    if (g.article.group === undefined) continue;
    const list = byGroup.get(g.article.group);
    if (list) list.push({ g, j });
    else byGroup.set(g.article.group, [{ g, j }]);
  }
  const out: F[] = [];
  for (const [i, f] of facts.entries()) {
    if (!f.article.language || f.article.language === lang) {
      out.push(f);
      continue;
    }
    const kin = f.article.group === undefined ? undefined : byGroup.get(f.article.group);
    // A better version of the same fact stands on this page: this one goes.
    const better = ({ g, j }: { g: TimelineFact; j: number }) => rank(g) < rank(f) || (rank(g) === rank(f) && j < i);
    // Two facts of one article are two facts (the engine merged what it read twice): only another version's goes.
    if (kin?.some((k) => k.g !== f && k.g.articleId !== f.articleId && (same(k.g, f) || near(k.g, f)) && better(k))) continue;
    const v = kin && versions.find((g) => g.article.language === lang && same(g, f));
    if (!v && kin && versions.some((g) => g.article.language === lang && near(g, f))) continue;
    out.push(v ? { ...f, id: v.id, articleId: v.articleId, evidence: v.evidence, article: v.article } : f);
  }
  return out;
}

/**
 * A summit's name in the reader's language. The engine names summits in English and keeps a Chinese or Russian
 * original in brackets ("China–Central Asia summit (中国—中亚峰会)"): the reader of that language sees the
 * original, the English reader the English; a summit of an organisation is that organisation's summit, named as
 * the edition names the organisation; else the English name.
 */
function summitName(a: Record<string, unknown>, names: Map<string, EntityRef>, lang: string, t: T): string {
  const full = str(a.name);
  if (!full) return t('dossiers.fact.summit.unnamed');
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(full);
  const original = m && !readableIn(m[2], 'en') ? m[2] : undefined;
  const english = original ? m![1] : full;
  if (original && readableIn(original, lang)) return original;
  const org = typeof a.organization === 'string' ? names.get(a.organization)?.name : undefined;
  if (lang !== 'en' && org) return t('dossiers.fact.summit.of_org', { org });
  return english;
}

/** A timeline entry with the other articles that report the same event. */
export type Reported<F> = F & { also?: F[] };

/**
 * One event reported by several articles stands once, with the others as further sources: the summit two
 * articles report a day apart, each from its own angle. Two facts are one event when `sameEvent` says so and
 * they are dated within three days of each other (facts dated by a month or a year only when they name the same
 * month or year); the one kept is in the reader's language where one is, else the first listed.
 */
export function consolidated<F extends TimelineFact>(facts: F[], lang: string): Reported<F>[] {
  const out: Reported<F>[] = [];
  const day = (f: F) => Date.parse((f.when?.value ?? f.sortDate).slice(0, 10));
  const close = (a: F, b: F) => {
    const pa = a.when?.precision ?? 'day';
    const pb = b.when?.precision ?? 'day';
    if (pa !== 'day' || pb !== 'day') return (a.when?.value ?? a.sortDate) === (b.when?.value ?? b.sortDate);
    return Math.abs(day(a) - day(b)) <= 3 * DAY_MS;
  };
  for (const f of facts) {
    const twin = out.find(
      (g) =>
        g.article.id !== f.article.id &&
        (g.article.group === undefined || g.article.group !== f.article.group) &&
        g.status === f.status &&
        sameEvent(g, f) &&
        close(g, f),
    );
    if (!twin) {
      out.push({ ...f });
      continue;
    }
    // The reader's language first: the kept entry swaps places with the newcomer when only the newcomer is in it.
    if (f.article.language === lang && twin.article.language !== lang) {
      const { also = [], ...kept } = twin;
      Object.assign(twin, f, { also: [...also, kept as F] });
    } else (twin.also ??= []).push(f);
  }
  return out;
}

/** False for words in a script the edition's readers are not assumed to read: Chinese or Cyrillic on the English page. */
export function readableIn(text: string, lang: string): boolean {
  const han = /\p{Script=Han}/u.test(text);
  const cyrillic = /\p{Script=Cyrillic}/u.test(text);
  if (lang === 'zh') return !cyrillic;
  if (lang === 'ru') return !han;
  return !han && !cyrillic;
}

const ENTITY_ID = /^(country|person|org|place|project):[A-Za-z0-9][A-Za-z0-9-]{0,150}$/;

/** True when a value is an entity id of the contract ("country:KG", "org:sco"). */
export function isEntityId(v: unknown): v is string {
  return typeof v === 'string' && ENTITY_ID.test(v);
}

/** Every entity id an argument set names, with the argument it fills. */
export function entityArgs(args: Record<string, unknown>): { id: string; role: string }[] {
  const out: { id: string; role: string }[] = [];
  for (const [k, v] of Object.entries(args)) {
    for (const x of Array.isArray(v) ? v : [v])
      if (isEntityId(x) && !out.some((o) => o.id === x && o.role === k)) out.push({ id: x, role: k });
  }
  return out;
}

// The arguments that identify a fact within one article; amounts and confidence may change between versions.
const KEY_ARGS: Record<string, string[]> = {
  visit: ['visitor', 'host'],
  meeting: ['participants'],
  agreement: ['parties', 'title'],
  investment: ['recipient', 'investor', 'project'],
  trade: ['parties', 'metric', 'period'],
  summit: ['name'],
  project_milestone: ['project', 'stage'],
};

/** A stable hash of article, type and key arguments: editors' decisions follow it across re-extraction. */
export function factFingerprint(articleId: number, type: string, args: Record<string, unknown>): string {
  const keys = KEY_ARGS[type] ?? Object.keys(args).sort();
  const parts = keys.map((k) => {
    const v = args[k];
    if (Array.isArray(v)) return `${k}=${v.map(String).sort().join(',')}`;
    return `${k}=${v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v).toLowerCase()}`;
  });
  return createHash('sha256')
    .update(`${articleId}|${type}|${parts.join('|')}`)
    .digest('hex')
    .slice(0, 32);
}

const URL_TYPE: Record<EntityType, string> = {
  country: 'country',
  person: 'person',
  organization: 'org',
  place: 'place',
  project: 'project',
};
const ID_PREFIX: Record<string, string> = { country: 'country', person: 'person', org: 'org', place: 'place', project: 'project' };

/** A country's name in a language by its ISO code ("Таджикистан", "塔吉克斯坦"), from Intl; undefined when it has none. */
export function regionName(code: string, lang: string): string | undefined {
  try {
    const name = intl.regionNames(lang).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/** The dossier path of an entity: /dossiers/country/kg, /dossiers/org/sco. */
export function dossierPath(id: string, base = ''): string {
  const [prefix, rest] = splitId(id);
  return `${base}/dossiers/${prefix}/${rest.toLowerCase()}`;
}

/** The URL segment for an entity type ("org" for organisations). */
export function urlType(type: EntityType): string {
  return URL_TYPE[type];
}

/** The entity id a dossier URL names, or undefined when the URL cannot name one. */
export function idFromPath(urlTypeName: string, slug: string): string | undefined {
  const prefix = ID_PREFIX[urlTypeName];
  if (!prefix) return undefined;
  const s = slug.toLowerCase();
  if (prefix === 'country') return /^[a-z]{2}$/.test(s) ? `country:${s.toUpperCase()}` : undefined;
  return /^[a-z0-9][a-z0-9-]{0,150}$/.test(s) ? `${prefix}:${s}` : undefined;
}

/** The two parts of an entity id. */
export function splitId(id: string): [string, string] {
  const i = id.indexOf(':');
  return [id.slice(0, i), id.slice(i + 1)];
}

/** The normalised (alphabetical, lower-case) order of a country pair. */
export function pairOrder(a: string, b: string): [string, string] {
  const x = a.toLowerCase(),
    y = b.toLowerCase();
  return x <= y ? [x, y] : [y, x];
}

/** Parses stored JSON, falling back when a row holds something unexpected. */
export function parseJson<V>(text: string | null | undefined, fallback: V): V {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as V;
  } catch {
    return fallback;
  }
}

/** The year a fact speaks of: its trade period or date, else the article's day. */
export function factYear(f: Pick<StoredFact, 'args' | 'when' | 'sortDate'>): string {
  const p = f.args.period;
  if (typeof p === 'string' && /^\d{4}/.test(p)) return p.slice(0, 4);
  return (f.when?.value ?? f.sortDate).slice(0, 4);
}

// ---------- Readable sentences ----------

/** A sentence as parts: plain text and entity references the view may link. */
export type Segment = string | { id: string; name: string };

function amountText(v: unknown, lang: string): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const { value, currency } = v as { value?: unknown; currency?: unknown };
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return formatAmount(value, typeof currency === 'string' ? currency : '', lang);
}

// Built once; the options are frozen so the shared formatters are found by identity (a timeline formats a
// hundred dates, lists and amounts).
const SCALES: readonly [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];
const TWO_DECIMALS = Object.freeze({ maximumFractionDigits: 2 });
const COMPACT = Object.freeze({ notation: 'compact', maximumSignificantDigits: 4 } as const);
const MONTH = Object.freeze({ month: 'long', year: 'numeric', timeZone: 'UTC' } as const);
const CONJUNCTION = Object.freeze({ type: 'conjunction' } as const);
const ORDINAL = Object.freeze({ type: 'ordinal' } as const);

/** "$22.71 billion", "€3 million": words for large sums, since figures in prose read that way. */
export function formatAmount(value: number, currency: string, lang = 'en'): string {
  // Other languages name the scale as their own press does ("22,71 млрд $", "US$227.1亿"): Intl's compact notation.
  if (lang !== 'en') {
    try {
      return /^[A-Z]{3}$/.test(currency)
        ? intl.number(lang, { style: 'currency', currency, ...COMPACT }).format(value)
        : `${intl.number(lang, COMPACT).format(value)}${currency ? ` ${currency}` : ''}`;
    } catch {
      return `${intl.number(lang, COMPACT).format(value)} ${currency}`.trim();
    }
  }
  const [div, word] = SCALES.find(([d]) => Math.abs(value) >= d) ?? [1, ''];
  const n = value / div;
  let num: string;
  try {
    num = /^[A-Z]{3}$/.test(currency)
      ? intl.number(lang, { style: 'currency', currency, maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(n)
      : intl.number(lang, TWO_DECIMALS).format(n) + (currency ? ` ${currency}` : '');
  } catch {
    num = `${intl.number(lang, TWO_DECIMALS).format(n)} ${currency}`.trim();
  }
  return word ? `${num} ${word}` : num;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A fact's date at its precision: "14 May 2024", "February 2025", "2023". */
export function formatWhen(value: string, precision: string | undefined, lang = 'en'): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const loc = lang === 'en' ? 'en-GB' : lang;
  // Through formatDate's cache of UTC days: a dossier's timeline writes some hundred dates.
  if (d && (precision === 'day' || !precision)) return formatDate(date.toISOString(), lang);
  if (mo && precision !== 'year') return lang === 'en' ? `${MONTHS_EN[Number(mo) - 1]} ${y}` : intl.date(loc, MONTH).format(date);
  return y;
}

function ref(id: unknown, names: Map<string, EntityRef>): Segment[] {
  if (typeof id !== 'string') return [];
  const e = names.get(id);
  if (e) return [{ id, name: e.name }];
  // An id the knowledge base does not hold: show its readable part rather than the raw id.
  return [isEntityId(id) ? splitId(id)[1].replace(/-/g, ' ') : id];
}

const listPatterns = new Map<string, string[]>();

function list(ids: unknown, names: Map<string, EntityRef>, lang: string): Segment[] {
  const items = (Array.isArray(ids) ? ids : [ids]).map((x) => ref(x, names)).filter((x) => x.length);
  if (items.length <= 1) return items[0] ?? [];
  // Intl.ListFormat gives "A, B and C"; splice our segments into its pattern: "\0" + "0" + "\0 and \0" + "1" + "\0".
  // The pattern depends only on the language and the count: a timeline asks for it some fifty times a page.
  const k = `${lang}|${items.length}`;
  let parts = listPatterns.get(k);
  if (!parts) {
    const marks = items.map((_, i) => `\u0000${i}\u0000`);
    parts = intl
      .list(lang === 'en' ? 'en-GB' : lang, CONJUNCTION)
      .format(marks)
      .split('\u0000');
    if (listPatterns.size > 500) listPatterns.clear();
    listPatterns.set(k, parts);
  }
  const out: Segment[] = [];
  for (let i = 0; i < parts.length; i++) push(out, i % 2 ? items[Number(parts[i])] : parts[i]);
  return out;
}

// Appends text or segments, merging neighbouring strings so views and tests see whole phrases.
function push(out: Segment[], v: Segment[] | string | undefined): void {
  if (v === undefined) return;
  for (const s of typeof v === 'string' ? [v] : v) {
    if (typeof s !== 'string') out.push(s);
    else if (!s) continue;
    else if (typeof out[out.length - 1] === 'string') out[out.length - 1] += s;
    else out.push(s);
  }
}

// Templates split into text and {names}: a page fills a few kinds of sentence many times over.
const splitTemplates = new Map<string, string[]>();

/** Replaces {name} placeholders of a template with segments. */
export function fill(template: string, vars: Record<string, Segment[] | string | undefined>): Segment[] {
  const out: Segment[] = [];
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Templates with a value written in (a stage, a count) vary: the map is bounded.
    if (splitTemplates.size > 500) splitTemplates.clear();
    splitTemplates.set(template, parts);
  }
  for (let i = 0; i < parts.length; i++) push(out, i % 2 ? vars[parts[i]] : parts[i]);
  return out;
}

function ordinalText(v: unknown, lang: string): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) {
    if (lang !== 'en') return String(v);
    const rule = intl.plural('en', ORDINAL).select(v);
    return `${v}${({ one: 'st', two: 'nd', few: 'rd' } as Record<string, string>)[rule] ?? 'th'}`;
  }
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

// Sentences whose verb says the event happened; a plan reads them in the future ("will pay a state visit to").
const PLANNED_FORMS = new Set(['visit', 'meeting', 'agreement', 'milestone'].flatMap((x) => [`dossiers.fact.${x}`]));
function tensed(key: string, planned: boolean): string {
  return planned && PLANNED_FORMS.has(key.split('.').slice(0, 3).join('.'))
    ? key.replace('dossiers.fact.', 'dossiers.upcoming.fact.')
    : key;
}

/** A readable sentence stating a fact, e.g. "Sadyr Japarov paid a state visit to China (Beijing)"; `planned` states it as announced. */
export function factSentence(
  t0: T,
  f: Pick<StoredFact, 'type' | 'args'>,
  names: Map<string, EntityRef>,
  lang = 'en',
  planned = false,
): Segment[] {
  // The future form of a key is built at run time: its catalogue test checks that every one exists.
  const t: T = planned
    ? Object.assign((key: MessageKey, vars?: Record<string, string | number>) => t0(messageKey(tensed(key, true)), vars), { lang: t0.lang })
    : t0;
  const a = f.args;
  const place = a.place ? fill(t('dossiers.fact.place_suffix'), { place: ref(a.place, names) }) : [];
  switch (f.type) {
    case 'visit': {
      const kind = str(a.kind);
      const key = kind && ['state', 'official', 'working'].includes(kind) ? `dossiers.fact.visit.${kind}` : 'dossiers.fact.visit';
      return fill(t(messageKey(key)) + '{place}', { visitor: ref(a.visitor, names), host: ref(a.host, names), place });
    }
    case 'meeting': {
      const format = str(a.format);
      const key =
        format === 'talks'
          ? 'dossiers.fact.meeting.talks'
          : format === 'phone call'
            ? 'dossiers.fact.meeting.phone'
            : format === 'press conference'
              ? 'dossiers.fact.meeting.press'
              : 'dossiers.fact.meeting';
      return fill(t(key) + '{place}', { participants: list(a.participants, names, lang), place });
    }
    case 'agreement': {
      const title = str(a.title);
      const count = typeof a.count === 'number' ? a.count : undefined;
      const key = title ? 'dossiers.fact.agreement.title' : count ? 'dossiers.fact.agreement.count' : 'dossiers.fact.agreement';
      // The fields as the source wrote them: shown where the reader can read them (no Chinese on the English page).
      const field = str(a.domain);
      const domain = field && readableIn(field, lang) ? t('dossiers.fact.domain_suffix', { domain: field }) : '';
      return fill(t(key, { count: count ?? 0 }) + '{domain}', { parties: list(a.parties, names, lang), title, domain });
    }
    case 'investment': {
      const amount = amountText(a.amount, lang);
      const key = `dossiers.fact.investment${a.investor ? '.investor' : ''}${amount ? '.amount' : ''}`;
      const project = a.project ? fill(t('dossiers.fact.project_suffix'), { project: ref(a.project, names) }) : [];
      const capacity = a.capacity && typeof a.capacity === 'object' ? (a.capacity as { value?: unknown; unit?: unknown }) : undefined;
      const cap =
        capacity && typeof capacity.value === 'number'
          ? t('dossiers.fact.capacity_suffix', {
              capacity: `${intl.number(lang).format(capacity.value)} ${String(capacity.unit ?? '')}`.trim(),
            })
          : '';
      return fill(t(messageKey(key)) + '{project}{capacity}', {
        investor: ref(a.investor, names),
        recipient: ref(a.recipient, names),
        amount,
        project,
        capacity: cap,
      });
    }
    case 'trade': {
      const metric = str(a.metric);
      const label =
        metric && ['trade_turnover', 'exports', 'imports'].includes(metric)
          ? t(messageKey(`dossiers.metric.${metric}`))
          : t('dossiers.metric.trade_turnover');
      const amount = amountText(a.amount, lang);
      const period = str(a.period);
      const key = amount ? 'dossiers.fact.trade.amount' : 'dossiers.fact.trade';
      const suffix = period ? t('dossiers.fact.period_suffix', { period }) : '';
      return fill(t(key) + '{suffix}', { metric: label, parties: list(a.parties, names, lang), amount, suffix });
    }
    case 'summit': {
      const name = summitName(a, names, lang, t);
      const ordinal = ordinalText(a.ordinal, lang);
      const at = a.place ? fill(t('dossiers.fact.summit.place'), { place: ref(a.place, names) }) : [];
      return fill(t(ordinal ? 'dossiers.fact.summit.ordinal' : 'dossiers.fact.summit'), { name, ordinal, place: at });
    }
    case 'project_milestone': {
      const stage = str(a.stage);
      const key =
        stage && ['agreed', 'construction_started', 'completed', 'launched'].includes(stage)
          ? `dossiers.fact.milestone.${stage}`
          : 'dossiers.fact.milestone';
      return fill(t(messageKey(key), { stage: stage ?? '' }), { project: ref(a.project, names) });
    }
    default:
      return [f.type];
  }
}

/** The sentence as plain text (for titles, audit details and tests). */
export function sentenceText(segments: Segment[]): string {
  return segments.map((s) => (typeof s === 'string' ? s : s.name)).join('');
}

// ---------- Key figures ----------

export interface TradePoint {
  year: string;
  value: number;
  currency: string;
  factId: number;
  articleSlug: string;
  articleTitle: string;
  /** The article's language, where the query read it: its edition, and the language of its title. */
  articleLanguage?: string;
}
export interface TradeSeries {
  a: string;
  b: string;
  points: TradePoint[];
}

/**
 * Trade turnover by year for each country pair in the facts, oldest year first. When several
 * articles report one year, the most recently published wins; one currency per series (the commonest).
 */
export function tradeSeries(facts: PublicFact[]): TradeSeries[] {
  const byPair = new Map<string, PublicFact[]>();
  for (const f of facts) {
    if (f.type !== 'trade' || f.args.metric !== 'trade_turnover' || !Array.isArray(f.args.parties) || f.args.parties.length !== 2) continue;
    const amount = f.args.amount as { value?: unknown; currency?: unknown } | undefined;
    if (!amount || typeof amount.value !== 'number' || !Number.isFinite(amount.value) || amount.value <= 0) continue;
    const [a, b] = (f.args.parties as unknown[]).map(String).sort();
    if (a === b) continue;
    const k = `${a}|${b}`;
    const list = byPair.get(k);
    if (list) list.push(f);
    else byPair.set(k, [f]);
  }
  const out: TradeSeries[] = [];
  for (const [k, list] of byPair) {
    const [a, b] = k.split('|');
    const currencies = new Map<string, number>();
    for (const f of list) {
      const c = String((f.args.amount as { currency?: unknown }).currency ?? '');
      currencies.set(c, (currencies.get(c) ?? 0) + 1);
    }
    const currency = [...currencies].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0];
    const years = new Map<string, TradePoint>();
    // Newest article first, so the first value seen for a year is the one kept.
    for (const f of [...list].sort((x, y) => y.article.publishedAt.localeCompare(x.article.publishedAt) || y.id - x.id)) {
      const amount = f.args.amount as { value: number; currency?: unknown };
      if (String(amount.currency ?? '') !== currency) continue;
      const year = factYear(f);
      if (!years.has(year))
        years.set(year, {
          year,
          value: amount.value,
          currency,
          factId: f.id,
          articleSlug: f.article.slug,
          articleTitle: f.article.title,
          articleLanguage: f.article.language,
        });
    }
    out.push({ a, b, points: [...years.values()].sort((x, y) => x.year.localeCompare(y.year)) });
  }
  return out.sort((x, y) => y.points.length - x.points.length || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** Reported investment totals per currency, counting a deal reported by several articles once. */
export function investmentTotals(facts: PublicFact[], recipients: string[]): { currency: string; total: number; count: number }[] {
  const seen = new Set<string>();
  const totals = new Map<string, { total: number; count: number }>();
  for (const f of facts) {
    if (f.type !== 'investment' || !recipients.includes(String(f.args.recipient))) continue;
    const amount = f.args.amount as { value?: unknown; currency?: unknown } | undefined;
    if (!amount || typeof amount.value !== 'number' || !Number.isFinite(amount.value) || amount.value <= 0) continue;
    const currency = String(amount.currency ?? '');
    const key = [f.args.recipient, f.args.investor ?? '', f.args.project ?? '', amount.value, currency].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const t = totals.get(currency) ?? { total: 0, count: 0 };
    t.total += amount.value;
    t.count++;
    totals.set(currency, t);
  }
  return [...totals].map(([currency, t]) => ({ currency, ...t })).sort((x, y) => y.count - x.count);
}

// ---------- Upcoming events ----------

/** How long a dated plan stays upcoming after its date (its day, month, season or year) has passed. */
export const PLANNED_GRACE_DAYS = 31;
/** How long a plan announced without a date stays upcoming after the article that announced it. */
export const UNDATED_PLAN_DAYS = 92;
const DAY_MS = 86_400_000;

/** What the upcoming rule reads of a fact. */
export type PlanFact = Pick<StoredFact, 'type' | 'args' | 'when' | 'sortDate'>;

const ids = (v: unknown) =>
  (Array.isArray(v) ? v : [v])
    .filter((x): x is string => typeof x === 'string')
    .sort()
    .join('|');
const sameArgs = (a: Record<string, unknown>, b: Record<string, unknown>, keys: string[]) =>
  keys.every((k) => ids(a[k]) === ids(b[k])) && keys.some((k) => ids(a[k]) !== '');

/**
 * True when two facts of one type are about the same event: a visit by the same visitor to the same host,
 * a meeting of the same participants, a summit at the same place or of the same name, an agreement of the
 * same parties (other types: the arguments their fingerprint keys on).
 */
export function sameEvent(a: Pick<StoredFact, 'type' | 'args'>, b: Pick<StoredFact, 'type' | 'args'>): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'visit':
      return sameArgs(a.args, b.args, ['visitor', 'host']);
    case 'meeting':
      return sameArgs(a.args, b.args, ['participants']);
    case 'agreement':
      return sameArgs(a.args, b.args, ['parties']);
    case 'summit': {
      const name = (f: Record<string, unknown>) => (str(f.name) ?? '').toLowerCase();
      return (
        (ids(a.args.place) !== '' && ids(a.args.place) === ids(b.args.place)) || (name(a.args) !== '' && name(a.args) === name(b.args))
      );
    }
    default:
      return sameArgs(a.args, b.args, KEY_ARGS[a.type] ?? Object.keys(a.args));
  }
}

const idSet = (v: unknown) => new Set((Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string'));
// One set holds the other (both named): the same participants, or some of them.
function nested(a: unknown, b: unknown): boolean {
  const [x, y] = [idSet(a), idSet(b)];
  if (!x.size || !y.size) return false;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  for (const id of small) if (!large.has(id)) return false;
  return true;
}
// Equal, or named by one side only.
const agrees = (a: unknown, b: unknown) => ids(a) === '' || ids(b) === '' || ids(a) === ids(b);

/**
 * True when two facts may be one event told more or less fully, as two versions of an article tell it: the
 * same event, or a meeting (an agreement) whose participants (parties) are some of the other's, a visit by
 * the same visitor where one version missed the host, an investment in the same country by the same investor.
 */
export function overlapsEvent(a: Pick<StoredFact, 'type' | 'args'>, b: Pick<StoredFact, 'type' | 'args'>): boolean {
  if (a.type !== b.type) return false;
  if (sameEvent(a, b)) return true;
  switch (a.type) {
    case 'meeting':
      return nested(a.args.participants, b.args.participants);
    case 'agreement':
      return nested(a.args.parties, b.args.parties);
    case 'visit':
      return ids(a.args.visitor) !== '' && ids(a.args.visitor) === ids(b.args.visitor) && agrees(a.args.host, b.args.host);
    case 'investment':
      return ids(a.args.recipient) !== '' && ids(a.args.recipient) === ids(b.args.recipient) && agrees(a.args.investor, b.args.investor);
    default:
      return false;
  }
}

// The first month a plan's date covers: "2026" from January, an autumn ("2026-09", season) from September.
function planStart(f: PlanFact): string {
  const v = f.when?.value ?? f.sortDate;
  return /^\d{4}-\d{2}/.test(v) ? v.slice(0, 7) : `${v.slice(0, 4)}-01`;
}

// The last day (as UTC midnight, in ms) a plan's date covers; an undated plan counts from its article's day.
function planEnd(f: PlanFact): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(f.when?.value ?? f.sortDate);
  if (!m) return Date.parse(f.sortDate);
  const y = Number(m[1]),
    mo = m[2] ? Number(m[2]) : 12;
  if (!f.when) return Date.UTC(y, mo - 1, m[3] ? Number(m[3]) : 1);
  if (m[3] && f.when.precision === 'day') return Date.UTC(y, mo - 1, Number(m[3]));
  if (!m[2] || f.when.precision === 'year') return Date.UTC(y, 11, 31);
  // Day 0 of the next month is the month's last day; a season covers three months.
  return Date.UTC(y, mo + (f.when.precision === 'season' ? 2 : 0), 0);
}

/** True when a plan's date passed so long ago that it is no longer upcoming (whether or not it happened). */
export function isStalePlan(f: PlanFact, now: Date): boolean {
  const grace = f.when ? PLANNED_GRACE_DAYS : UNDATED_PLAN_DAYS;
  return now.getTime() >= planEnd(f) + (grace + 1) * DAY_MS;
}

/** The earliest sort date a plan that is not stale at `now` can have: the store reads plans from this day on. */
export function upcomingSince(now: Date): string {
  return new Date(now.getTime() - (Math.max(PLANNED_GRACE_DAYS, UNDATED_PLAN_DAYS) + 1) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The plans still upcoming at `now`, soonest first (undated last), at most `limit`: a plan goes once a fact that happened
 * reports the same event (sameEvent) dated in the plan's first month or later, or once it is stale.
 */
export function upcomingFacts<F extends PlanFact & { id: number }>(planned: F[], happened: PlanFact[], now: Date, limit = 10): F[] {
  return (
    planned
      .filter((p) => !isStalePlan(p, now) && !happened.some((h) => h.sortDate.slice(0, 7) >= planStart(p) && sameEvent(p, h)))
      // Plans with no date yet come last: their sort date is only the day they were announced.
      .sort((a, b) => Number(!a.when) - Number(!b.when) || a.sortDate.localeCompare(b.sortDate) || a.id - b.id)
      .slice(0, limit)
  );
}

// ---------- Corrections ----------

/** Arguments a fact of each type cannot lose (the contract's required arguments). */
export const REQUIRED_ARGS: Record<string, string[]> = {
  visit: ['visitor', 'host'],
  meeting: ['participants'],
  agreement: ['parties'],
  investment: ['recipient'],
  trade: ['parties', 'metric'],
  summit: ['name', 'place'],
  project_milestone: ['project', 'stage'],
};

/** How an argument is shown in the correction form. */
export function argInputValue(v: unknown): string {
  if (Array.isArray(v)) return v.map(String).join(', ');
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('currency' in o) return `${o.value ?? ''} ${o.currency ?? ''}`.trim();
    if ('unit' in o) return `${o.value ?? ''} ${o.unit ?? ''}`.trim();
    return JSON.stringify(v);
  }
  return v === undefined || v === null ? '' : String(v);
}

export type Correction =
  | { ok: true; args: Record<string, unknown>; entityIds: string[] }
  | { ok: false; error: string; vars?: Record<string, string> };

/**
 * Applies an editor's new value to one argument, reading it in the shape the argument already has:
 * entity ids (comma-separated for lists), an amount "22710000000 USD", a number, or text.
 * Returns the new arguments and the entity ids the caller must check exist.
 */
export function applyCorrection(type: string, args: Record<string, unknown>, arg: string, raw: string): Correction {
  if (!Object.hasOwn(args, arg)) return { ok: false, error: 'admin.facts.error.unknown_arg' };
  const value = raw.replace(/\s+/g, ' ').trim().slice(0, 500);
  const old = args[arg];
  const next = { ...args };
  if (!value) {
    if ((REQUIRED_ARGS[type] ?? []).includes(arg)) return { ok: false, error: 'admin.facts.error.required' };
    delete next[arg];
    return { ok: true, args: next, entityIds: [] };
  }
  if (Array.isArray(old) || isEntityId(old)) {
    const ids = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = ids.find((x) => !isEntityId(x));
    if (bad || !ids.length) return { ok: false, error: 'admin.facts.error.unknown_entity', vars: { id: bad ?? value } };
    next[arg] = Array.isArray(old) ? [...new Set(ids)] : ids[0];
    return { ok: true, args: next, entityIds: Array.isArray(old) ? ids : [ids[0]] };
  }
  if (old && typeof old === 'object') {
    const m = /^(-?[\d][\d,_ ]*(?:\.\d+)?)\s*([A-Za-z][\w/ ]{0,20})$/.exec(value);
    if (!m) return { ok: false, error: 'admin.facts.error.amount' };
    const n = Number(m[1].replace(/[,_ ]/g, ''));
    if (!Number.isFinite(n)) return { ok: false, error: 'admin.facts.error.amount' };
    next[arg] = 'unit' in (old as object) ? { value: n, unit: m[2].trim() } : { value: n, currency: m[2].trim().toUpperCase() };
    return { ok: true, args: next, entityIds: [] };
  }
  if (typeof old === 'number') {
    const n = Number(value);
    if (!Number.isInteger(n)) return { ok: false, error: 'admin.facts.error.number' };
    next[arg] = n;
    return { ok: true, args: next, entityIds: [] };
  }
  next[arg] = value;
  return { ok: true, args: next, entityIds: [] };
}
