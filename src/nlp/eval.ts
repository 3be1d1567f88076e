// Scoring of extracted facts against hand-annotated gold: one-to-one matching by type and key arguments.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countryOf } from './gazetteer.js';
import { extract } from './index.js';
import type { Fact, FactType, When } from './types.js';

/** A gold fact: like an extracted fact, without evidence or confidence. */
export interface GoldFact {
  type: FactType;
  args: Record<string, unknown>;
  when?: When;
}

/** Gold annotation file `<case>.facts.json`. */
export interface GoldFile {
  published?: string;
  entities?: unknown[];
  facts: GoldFact[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface CaseResult extends Counts {
  name: string;
  missed: GoldFact[];
  spurious: Fact[];
}

export interface EvalReport {
  perType: Record<FactType, Counts>;
  overall: Counts;
  cases: CaseResult[];
}

export const FACT_TYPES: FactType[] = ['visit', 'meeting', 'agreement', 'investment', 'trade', 'summit', 'project_milestone'];

const str = (x: unknown) => (typeof x === 'string' ? x : '');
const tokens = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && w !== 'summit' && w !== 'the' && w !== 'project'),
  );

/** Entity ids denote the same thing: same id, same family name for people, a place inside a country. */
export function sameEntity(a: unknown, b: unknown, placeAsCountry = false): boolean {
  const x = str(a);
  const y = str(b);
  if (!x || !y) return false;
  if (x === y) return true;
  if (x.startsWith('person:') && y.startsWith('person:')) {
    const xs = x.slice(7).split('-');
    const ys = new Set(y.slice(7).split('-'));
    return xs.some((w) => w.length > 1 && ys.has(w));
  }
  if (x.startsWith('org:') && y.startsWith('org:')) {
    // "Samsung" and "Samsung Electronics", "International Holding" and "International Holding Company".
    const xs = x.slice(4).split('-');
    const ys = y.slice(4).split('-');
    const [short, long] = xs.length <= ys.length ? [xs, ys] : [ys, xs];
    return short.every((w, i) => long[i] === w);
  }
  if (placeAsCountry) {
    const cx = countryOf(x);
    const cy = countryOf(y);
    return !!cx && cx === cy && (x.startsWith('country:') || y.startsWith('country:'));
  }
  return false;
}

function sameSet(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  const used = new Set<number>();
  return a.every((x) => {
    const k = b.findIndex((y, i) => !used.has(i) && sameEntity(x, y));
    if (k < 0) return false;
    used.add(k);
    return true;
  });
}

function sameAmount(a: unknown, b: unknown): boolean {
  const x = a as { value?: number; currency?: string } | undefined;
  const y = b as { value?: number; currency?: string } | undefined;
  if (!x || !y || typeof x.value !== 'number' || typeof y.value !== 'number') return false;
  if ((x.currency ?? 'USD') !== (y.currency ?? 'USD')) return false;
  return Math.abs(x.value - y.value) <= 0.01 * Math.max(Math.abs(y.value), 1e-9);
}

function similarText(a: unknown, b: unknown): boolean {
  const x = tokens(str(a));
  const y = tokens(str(b));
  if (x.size === 0 || y.size === 0) return x.size === y.size;
  let inter = 0;
  for (const w of x) if (y.has(w)) inter++;
  return inter / Math.min(x.size, y.size) >= 0.5;
}

/** Dates agree by month, or by year when either side is only a year or season. */
export function sameWhen(pred: When | undefined, gold: When | undefined): boolean {
  if (!gold) return true;
  if (!pred) return false;
  if (gold.precision === 'year' || pred.precision === 'year' || gold.precision === 'season' || pred.precision === 'season') {
    return pred.value.slice(0, 4) === gold.value.slice(0, 4);
  }
  return pred.value.slice(0, 7) === gold.value.slice(0, 7);
}

/** Whether a predicted fact matches a gold fact. */
export function matchFact(p: Fact | GoldFact, g: GoldFact): boolean {
  if (p.type !== g.type) return false;
  const a = p.args;
  const b = g.args;
  let ok: boolean;
  switch (g.type) {
    case 'visit':
      ok = sameEntity(a.visitor, b.visitor) && sameEntity(countryOf(str(a.host)) ?? a.host, countryOf(str(b.host)) ?? b.host);
      break;
    case 'meeting':
      ok = sameSet(a.participants, b.participants);
      break;
    case 'agreement':
      ok =
        sameSet(a.parties, b.parties) &&
        (b.count === undefined || a.count === b.count) &&
        (b.title === undefined || similarText(a.title, b.title));
      break;
    case 'investment':
      ok =
        sameEntity(a.recipient, b.recipient) &&
        (b.investor === undefined || sameEntity(a.investor, b.investor)) &&
        (b.amount === undefined || sameAmount(a.amount, b.amount)) &&
        (b.capacity === undefined ||
          sameAmount({ ...(a.capacity as object), currency: 'X' }, { ...(b.capacity as object), currency: 'X' }));
      break;
    case 'trade':
      ok = sameSet(a.parties, b.parties) && a.metric === b.metric && (b.amount === undefined || sameAmount(a.amount, b.amount));
      break;
    case 'summit':
      ok =
        (sameEntity(a.place, b.place) || sameEntity(a.place, b.place, true)) &&
        (similarText(a.name, b.name) || (!!b.organization && a.organization === b.organization)) &&
        (b.ordinal === undefined || a.ordinal === undefined || a.ordinal === b.ordinal);
      break;
    case 'project_milestone':
      ok = a.stage === b.stage && (a.project === b.project || similarText(str(a.project).slice(8), str(b.project).slice(8)));
      break;
    default:
      ok = false;
  }
  return ok && sameWhen(p.when, g.when);
}

/** Score predictions against gold for one document. */
export function scoreCase(name: string, pred: Fact[], gold: GoldFact[]): CaseResult {
  const used = new Set<number>();
  const missed: GoldFact[] = [];
  for (const g of gold) {
    const k = pred.findIndex((p, i) => !used.has(i) && matchFact(p, g));
    if (k < 0) missed.push(g);
    else used.add(k);
  }
  const spurious = pred.filter((_, i) => !used.has(i));
  return { name, tp: used.size, fp: spurious.length, fn: missed.length, missed, spurious };
}

/** Default location of the development set. */
export const TESTDATA_DIR = fileURLToPath(new URL('./testdata/', import.meta.url));

/** Run the engine over every `<case>.txt` in `dir` and score it against `<case>.facts.json`. */
export function evaluateDir(dir = TESTDATA_DIR): EvalReport {
  const perType = Object.fromEntries(FACT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<FactType, Counts>;
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const cases: CaseResult[] = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const name = f.slice(0, -4);
    const gold: GoldFile = JSON.parse(readFileSync(join(dir, name + '.facts.json'), 'utf8'));
    const text = readFileSync(join(dir, f), 'utf8');
    const pred = extract(text, { published: gold.published }).facts;
    const r = scoreCase(name, pred, gold.facts);
    cases.push(r);
    for (const t of FACT_TYPES) {
      const c = perType[t];
      c.tp += pred.filter((p) => p.type === t).length - r.spurious.filter((p) => p.type === t).length;
      c.fp += r.spurious.filter((p) => p.type === t).length;
      c.fn += r.missed.filter((g) => g.type === t).length;
    }
    overall.tp += r.tp;
    overall.fp += r.fp;
    overall.fn += r.fn;
  }
  return { perType, overall, cases };
}

/** Precision, recall and F1 of a count triple (1 when there is nothing to find and nothing found). */
export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Render a report as a plain-text precision/recall/F1 table. */
export function formatReport(r: EvalReport): string {
  const row = (name: string, c: Counts) => {
    const s = prf(c);
    return `${name.padEnd(18)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}`;
  };
  const lines = [`${'type'.padEnd(18)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}  prec   recall f1`];
  for (const t of FACT_TYPES) lines.push(row(t, r.perType[t]));
  lines.push(row('overall', r.overall));
  return lines.join('\n') + '\n';
}
