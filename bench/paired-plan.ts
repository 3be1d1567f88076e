// The pure parts of the paired bench (bench/paired.ts): which pages it loads and at which address each build
// serves them, the order of the rounds, and how each round's figures become ratios. Kept apart from the harness
// so they are tested without starting a server.
import type { PathPlan } from './load.js';

/** The tree measured now ("new") and the tree it is compared with ("old", the base commit). */
export type Build = 'new' | 'old';
export type Edition = 'en' | 'ru' | 'zh';

/** What a page's figures answer: the codebase's pages, one edition's pages, or pages that show images. */
export type Group = 'page' | 'edition' | 'images';

/**
 * One page as both builds serve it. Addresses are written as today's tree serves its English edition (the
 * default, at the root); `addressFor` gives each build's address. A `plan` asks for a different URL per request
 * (`{item}` walks `items`, `{i}` numbers the request), so every request is a miss of the page cache.
 */
export interface PageSpec {
  name: string;
  /** Every question this page's figures answer (an English article miss is both a page and an edition's). */
  groups: Group[];
  edition: Edition;
  path?: string;
  plan?: PathPlan;
  /** What the two builds serve differently at this address, said beside its figures. */
  note?: string;
}

/**
 * Where a build serves an edition's page. Today's tree gives the Russian and Chinese editions their own front
 * pages, lists and search under `/ru` and `/zh`, and addresses an article by its slug alone in every language
 * (the page speaks the article's language); the base tree had one edition and served every page unprefixed.
 */
export function addressFor(build: Build, edition: Edition, path: string): string {
  if (build === 'old' || edition === 'en' || path.startsWith('/articles/')) return path;
  return path === '/' ? `/${edition}/` : `/${edition}${path}`;
}

/** The page as one build asks for it: its fixed path or its plan, both mapped to the build's address. */
export function pageFor(build: Build, page: PageSpec): { path: string; plan?: PathPlan } {
  if (page.plan) return { path: '/', plan: { ...page.plan, template: addressFor(build, page.edition, page.plan.template) } };
  return { path: addressFor(build, page.edition, page.path ?? '/') };
}

/**
 * Which build is loaded first in each round: A B, B A, A B, ... (ABBA over two rounds), so a drift of the
 * machine during a round weighs on both alike. The first round starts with the new tree.
 */
export function roundOrder(round: number): [Build, Build] {
  return round % 2 === 0 ? ['new', 'old'] : ['old', 'new'];
}

/** What one load of one build produced, as the harness records it. */
export interface Sample {
  requests: number;
  seconds: number;
  /** Server CPU time (user + system) spent during the load, in milliseconds; NaN when unreadable. */
  cpuMs: number;
  /** Answers that were not 2xx/3xx, plus socket errors and timeouts. */
  bad: number;
}

export interface PairedFigures {
  /** Requests per second over all rounds, per build. */
  rps: Record<Build, number>;
  /** new over old, from all rounds' requests and seconds. */
  ratio: number;
  /** new over old in each round: their spread is the run's noise. */
  perRound: number[];
  /** The lowest and highest round's ratio. */
  spread: [number, number];
  /** Server CPU time per request in milliseconds, per build (NaN when unreadable). */
  cpuMsPerRequest: Record<Build, number>;
  /** old CPU per request over new: read like `ratio`, above 1 when today's tree spends less. */
  cpuRatio: number;
  cpuPerRound: number[];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Ratios of paired rounds: samples[i].new and samples[i].old were measured in the same round. */
export function pairFigures(rounds: Record<Build, Sample>[]): PairedFigures {
  if (rounds.length === 0) throw new Error('pairFigures needs at least one round');
  const rate = (b: Build) => sum(rounds.map((r) => r[b].requests)) / sum(rounds.map((r) => r[b].seconds));
  const cpu = (b: Build) => sum(rounds.map((r) => r[b].cpuMs)) / sum(rounds.map((r) => r[b].requests));
  const perRound = rounds.map((r) => r.new.requests / r.new.seconds / (r.old.requests / r.old.seconds));
  const cpuPerRound = rounds.map((r) => r.old.cpuMs / r.old.requests / (r.new.cpuMs / r.new.requests));
  const rps = { new: rate('new'), old: rate('old') };
  const cpuMsPerRequest = { new: cpu('new'), old: cpu('old') };
  return {
    rps,
    ratio: rps.new / rps.old,
    perRound,
    spread: [Math.min(...perRound), Math.max(...perRound)],
    cpuMsPerRequest,
    cpuRatio: cpuMsPerRequest.old / cpuMsPerRequest.new,
    cpuPerRound,
  };
}

/**
 * How a page stands against a bound (0.10: "within 10%"): `within` when today's throughput is at least 90% of
 * the old tree's; `below` when it is under that in every round (outside the run's noise); `noise` when the
 * whole run is under the bound but some rounds were not. The CPU figure confirms or questions a `below`.
 */
export function verdict(f: Pick<PairedFigures, 'ratio' | 'spread'>, bound = 0.1): 'within' | 'noise' | 'below' {
  if (f.ratio >= 1 - bound) return 'within';
  return f.spread[1] < 1 - bound ? 'below' : 'noise';
}

/** The same verdict on CPU per request (old over new), the figure that other work on the machine moves less. */
export function cpuVerdict(f: Pick<PairedFigures, 'cpuRatio' | 'cpuPerRound'>, bound = 0.1): 'within' | 'noise' | 'below' {
  return verdict({ ratio: f.cpuRatio, spread: [Math.min(...f.cpuPerRound), Math.max(...f.cpuPerRound)] }, bound);
}

/** A number as the table prints it. */
export const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

/** One table row: the page, both builds' rates, the ratio with each round's, CPU per request, the verdict. */
export function tableRow(page: PageSpec, f: PairedFigures): string {
  return `| ${page.name} | ${f.rps.new.toFixed(0)} | ${f.rps.old.toFixed(0)} | ${fmt(f.ratio)} (${f.perRound.map((r) => fmt(r)).join(', ')}) | ${fmt(f.cpuMsPerRequest.new)} / ${fmt(f.cpuMsPerRequest.old)} (${fmt(f.cpuRatio)}) | ${verdict(f)} | ${cpuVerdict(f)} |`;
}

export const TABLE_HEAD = [
  '| page | new req/s | old req/s | new/old (rounds) | CPU ms per request new / old (old/new) | within 10%: req/s | CPU |',
  '|---|---|---|---|---|---|---|',
];

/** The demo newsroom's English articles that both trees publish under the same slug. */
export const SHARED_EN_ARTICLES = [
  'armenia-azerbaijan-washington',
  'bishkek-beijing-partnership',
  'brics-rio-summit',
  'china-central-asia-astana-summit',
  'china-kyrgyzstan-uzbekistan-railway',
  'interview-corridors-central-asia',
  'kazakhstan-nuclear-referendum',
  'khujand-border-summit',
  'opinion-rules-not-routes',
  'power-of-siberia-2-memorandum',
  'putin-state-visit-china-2024',
  'russia-iran-strategic-partnership-treaty',
  'sco-astana-summit-2024',
];
/** Russian and Chinese articles both trees publish under the same slug (the base tree at `/articles/`). */
export const SHARED_RU_ARTICLES = [
  'kazakhstan-uzbekistan-trade',
  'north-south-corridor',
  'sco-tianjin-summit',
  'tashkent-moscow-state-visit-ru',
];
export const SHARED_ZH_ARTICLES = ['china-turkmenistan-state-visit-zh'];

const miss = (items: string[], template: string): PathPlan => ({ items, stride: 1, template });

/**
 * The pages measured, from the demo newsroom both trees load. Every page but the two warm ones is a miss of the
 * page cache (`?miss=` numbers each request), so it measures the code that builds the page; a warm page measures
 * the cache and the framework around it.
 */
export function demoPages(): PageSpec[] {
  const imagesNote =
    "today's demo gives the article a cover and an inline drawing from the media library (a <picture> with AVIF, WebP and JPEG sizes); the base tree's demo had no cover (covers were typed URLs, left empty) and no inline image";
  const frontNote = (lang: string) =>
    `today's tree serves the ${lang} edition's own front page; the base tree had one front page for every language`;
  return [
    {
      name: 'article (warm)',
      groups: ['page', 'images'],
      edition: 'en',
      path: '/articles/china-kyrgyzstan-uzbekistan-railway',
      note: imagesNote,
    },
    { name: 'article (miss)', groups: ['page', 'edition'], edition: 'en', plan: miss(SHARED_EN_ARTICLES, '/articles/{item}?miss={i}') },
    {
      name: 'article with images (miss)',
      groups: ['images'],
      edition: 'en',
      plan: miss(
        ['china-kyrgyzstan-uzbekistan-railway', 'power-of-siberia-2-memorandum', 'kazakhstan-nuclear-referendum'],
        '/articles/{item}?miss={i}',
      ),
      note: imagesNote,
    },
    { name: 'home (warm)', groups: ['page'], edition: 'en', path: '/' },
    { name: 'home (miss)', groups: ['page', 'edition'], edition: 'en', plan: miss(['miss'], '/?{item}={i}') },
    { name: 'rubric (miss)', groups: ['page'], edition: 'en', plan: miss(['analysis', 'news', 'economy'], '/rubric/{item}?miss={i}') },
    {
      name: 'tag (miss)',
      groups: ['page'],
      edition: 'en',
      plan: miss(['china', 'kazakhstan', 'transport-corridors'], '/tags/{item}?miss={i}'),
    },
    {
      name: 'author (miss)',
      groups: ['page'],
      edition: 'en',
      plan: miss(['sergey-saenko', 'aigerim-bekova', 'daniel-whitcombe'], '/authors/{item}?miss={i}'),
    },
    {
      name: 'search (miss)',
      groups: ['page'],
      edition: 'en',
      plan: miss(['railway', 'summit', 'energy%20corridor', 'Kazakhstan', 'pipeline'], '/search?q={item}&miss={i}'),
    },
    {
      name: 'event (miss)',
      groups: ['page'],
      edition: 'en',
      plan: miss(['greater-eurasia-connectivity-conference'], '/events/{item}?miss={i}'),
    },
    { name: 'dossier (miss)', groups: ['page'], edition: 'en', plan: miss(['country/cn', 'country/kz'], '/dossiers/{item}?miss={i}') },
    {
      name: 'dossier, same facts (miss)',
      groups: ['page'],
      edition: 'en',
      plan: miss(['country/kz'], '/dossiers/{item}?miss={i}'),
      note: "Kazakhstan's dossier lists the same ten articles in both demos; China's lists 20 today against 16 (the translations mention it too)",
    },
    { name: 'ru article (miss)', groups: ['edition'], edition: 'ru', plan: miss(SHARED_RU_ARTICLES, '/articles/{item}?miss={i}') },
    { name: 'zh article (miss)', groups: ['edition'], edition: 'zh', plan: miss(SHARED_ZH_ARTICLES, '/articles/{item}?miss={i}') },
    { name: 'ru home (miss)', groups: ['edition'], edition: 'ru', plan: miss(['miss'], '/?{item}={i}'), note: frontNote('Russian') },
    { name: 'zh home (miss)', groups: ['edition'], edition: 'zh', plan: miss(['miss'], '/?{item}={i}'), note: frontNote('Chinese') },
  ];
}
