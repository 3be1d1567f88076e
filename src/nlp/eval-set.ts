// Scoring on a development set laid out as real reporting is collected: `articles/index.json` (id, published,
// lang), `articles/<id>.txt` and `gold/<id>.json` ({ facts: [...] }). The matcher is the one the set's own
// scorer uses (lenient on ids: a shared name token, a place for its country), so the two agree.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, UnreadableLanguageError } from './index.js';
import type { Fact, FactType } from './types.js';

interface SetArticle {
  id: string;
  published: string;
  lang: string;
}

interface GoldFact {
  type: FactType;
  args: Record<string, unknown>;
  when?: { value: string };
  status?: string;
}

/** Counts for one slice (a fact type, a language, or all). */
export interface SetCounts {
  tp: number;
  fp: number;
  fn: number;
  /** Matched facts whose gold names a month or year, and of those the ones whose month agrees. */
  dated: number;
  monthRight: number;
}

export interface SetReport {
  byType: Map<string, SetCounts>;
  byLang: Map<string, SetCounts>;
  byLangType: Map<string, SetCounts>;
  overall: SetCounts;
  lines: string[];
}

const toks = (id: unknown) =>
  new Set(
    typeof id === 'string'
      ? id
          .slice(id.indexOf(':') + 1)
          .toLowerCase()
          .split(/[-_\s]+/)
          .filter(Boolean)
      : [],
  );
const kind = (id: unknown) => (typeof id === 'string' && id.includes(':') ? id.slice(0, id.indexOf(':')) : '');
const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

function sameEntity(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (kind(a) === 'country' || kind(b) === 'country') return a.toUpperCase() === b.toUpperCase();
  return overlaps(toks(a), toks(b)) && kind(a) === kind(b);
}

function setOverlap(g: unknown, p: unknown): [number, number] {
  const ga = (Array.isArray(g) ? g : []).filter((x) => typeof x === 'string');
  const pa = (Array.isArray(p) ? p : []).filter((x) => typeof x === 'string');
  const used = new Set<number>();
  let common = 0;
  for (const x of ga) {
    const k = pa.findIndex((y, i) => !used.has(i) && sameEntity(x, y));
    if (k >= 0) {
      used.add(k);
      common++;
    }
  }
  return [common, ga.length + pa.length - common];
}

function amountOk(g: unknown, p: unknown): boolean {
  if (!g) return true;
  const x = g as { value: number; currency?: string };
  const y = p as { value?: number; currency?: string } | undefined;
  if (!y || typeof y.value !== 'number') return false;
  return (
    Math.abs(x.value - y.value) <= 0.01 * Math.abs(x.value) &&
    !!(x.currency || y.currency) &&
    String(x.currency ?? '').toUpperCase() === String(y.currency ?? '').toUpperCase()
  );
}

const STOP = new Set(['summit', 'the', 'of', 'and', 'meeting', 'leaders', 'forum', '-', '–']);
const nameToks = (s: unknown) =>
  new Set(
    String(s ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}_]+/u)
      .filter((t) => t && !STOP.has(t)),
  );

/** Whether a prediction matches a gold fact, by the set's own rules. */
export function setMatch(g: GoldFact, p: Fact): boolean {
  if (g.type !== p.type) return false;
  const ga = g.args;
  const pa = p.args ?? {};
  switch (g.type) {
    case 'visit':
      return sameEntity(ga.visitor, pa.visitor) && sameEntity(ga.host, pa.host);
    case 'meeting': {
      const [c, u] = setOverlap(ga.participants, pa.participants);
      return c >= Math.min(2, (ga.participants as unknown[] | undefined)?.length ?? 0) && u > 0 && c / u >= 0.5;
    }
    case 'agreement':
    case 'trade': {
      const [c, u] = setOverlap(ga.parties, pa.parties);
      let ok = u > 0 && c / u >= 0.5 && c >= 1;
      if (g.type === 'trade') ok &&= amountOk(ga.amount, pa.amount);
      if (g.type === 'agreement' && ga.count && pa.count) ok &&= Number(ga.count) === Number(pa.count);
      return ok;
    }
    case 'investment':
      if (!sameEntity(ga.recipient, pa.recipient)) return false;
      if (ga.amount) return amountOk(ga.amount, pa.amount);
      if (ga.capacity) {
        const x = ga.capacity as { value: number; unit: string };
        const y = pa.capacity as { value?: number; unit?: string } | undefined;
        return (
          !!y &&
          typeof y.value === 'number' &&
          Math.abs(x.value - y.value) <= 0.01 * Math.abs(x.value) &&
          x.unit.toLowerCase() === String(y.unit ?? '').toLowerCase()
        );
      }
      return true;
    case 'summit': {
      const [gp, pp] = [ga.place, pa.place];
      const placeOk = !gp || !pp || sameEntity(gp, pp) || kind(gp) !== kind(pp) || (kind(gp) === 'place' && overlaps(toks(gp), toks(pp)));
      return overlaps(nameToks(ga.name), nameToks(pa.name)) && placeOk;
    }
    case 'project_milestone': {
      const [gt, pt] = [toks(ga.project), toks(pa.project)];
      const inter = [...gt].filter((x) => pt.has(x)).length;
      return gt.size > 0 && inter / Math.max(1, new Set([...gt, ...pt]).size) >= 0.4 && ga.stage === pa.stage;
    }
  }
  return false;
}

const month = (w: unknown) =>
  w && typeof w === 'object' && typeof (w as { value?: unknown }).value === 'string' ? (w as { value: string }).value.slice(0, 7) : '';
const empty = (): SetCounts => ({ tp: 0, fp: 0, fn: 0, dated: 0, monthRight: 0 });

/** Whether `dir` holds a set in this layout. */
export function isSetDir(dir: string): boolean {
  return existsSync(join(dir, 'articles', 'index.json')) && existsSync(join(dir, 'gold'));
}

/** Run the engine over every article of the set and score it per type, per language and overall. */
export function evaluateSet(dir: string): SetReport {
  const index: SetArticle[] = JSON.parse(readFileSync(join(dir, 'articles', 'index.json'), 'utf8'));
  const byType = new Map<string, SetCounts>();
  const byLang = new Map<string, SetCounts>();
  const byLangType = new Map<string, SetCounts>();
  const overall = empty();
  const lines: string[] = [];
  const bump = (lang: string, type: string, f: (c: SetCounts) => void) => {
    for (const [m, k] of [
      [byType, type],
      [byLang, lang],
      [byLangType, `${lang} ${type}`],
    ] as const) {
      if (!m.has(k)) m.set(k, empty());
      f(m.get(k)!);
    }
    f(overall);
  };
  for (const a of index) {
    const gold: GoldFact[] = JSON.parse(readFileSync(join(dir, 'gold', `${a.id}.json`), 'utf8')).facts;
    let pred: Fact[] = [];
    try {
      pred = extract(readFileSync(join(dir, 'articles', `${a.id}.txt`), 'utf8'), { published: a.published }).facts;
    } catch (e) {
      if (!(e instanceof UnreadableLanguageError)) throw e;
      lines.push(`${a.id}: ${e.message}`);
    }
    // Two passes, as the set's scorer does: pairs that also agree on the month first.
    const used = new Set<number>();
    const hits = new Map<number, number>();
    for (const sameMonth of [true, false]) {
      gold.forEach((g, gi) => {
        if (hits.has(gi)) return;
        const k = pred.findIndex((p, i) => !used.has(i) && setMatch(g, p) && (!sameMonth || month(g.when) === month(p.when)));
        if (k >= 0) {
          hits.set(gi, k);
          used.add(k);
        }
      });
    }
    gold.forEach((g, gi) => {
      const k = hits.get(gi);
      if (k === undefined) {
        bump(a.lang, g.type, (c) => c.fn++);
        lines.push(`${a.id}: missed   ${g.type.padEnd(17)} ${JSON.stringify(g.args).slice(0, 150)}`);
        return;
      }
      bump(a.lang, g.type, (c) => {
        c.tp++;
        if (month(g.when)) {
          c.dated++;
          if (month(g.when) === month(pred[k].when)) c.monthRight++;
        }
      });
    });
    pred.forEach((p, i) => {
      if (used.has(i)) return;
      bump(a.lang, p.type, (c) => c.fp++);
      lines.push(`${a.id}: spurious ${p.type.padEnd(17)} ${JSON.stringify(p.args).slice(0, 150)}`);
    });
  }
  return { byType, byLang, byLangType, overall, lines };
}

/** The report as a table: per type, per language, per language and type, overall. */
export function formatSetReport(r: SetReport, verbose = false): string {
  const f = (x: number) => x.toFixed(2).padStart(6);
  const row = (name: string, c: SetCounts) => {
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const rc = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    const f1 = p + rc ? (2 * p * rc) / (p + rc) : 0;
    const m = c.dated ? `${c.monthRight}/${c.dated}` : '-';
    return `${name.padEnd(22)}${f(p)}${f(rc)}${f(f1)}  ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}  ${m}`;
  };
  const out = verbose ? [...r.lines] : [];
  out.push(`${'slice'.padEnd(22)}     P     R    F1   tp  fp  fn  month right`);
  for (const [k, c] of [...r.byType].sort()) out.push(row(k, c));
  for (const [k, c] of [...r.byLang].sort()) out.push(row(`lang ${k}`, c));
  for (const [k, c] of [...r.byLangType].sort()) out.push(row(`  ${k}`, c));
  out.push(row('overall', r.overall));
  return out.join('\n') + '\n';
}
