import { describe, expect, it } from 'vitest';
import { planPath } from './load.js';
import { addressFor, cpuVerdict, demoPages, pageFor, pairFigures, roundOrder, type Sample, tableRow, verdict } from './paired-plan.js';

const s = (requests: number, seconds: number, cpuMs: number): Sample => ({ requests, seconds, cpuMs, bad: 0 });

describe('round order', () => {
  it('alternates which build goes first: new old, old new, new old, ...', () => {
    expect([0, 1, 2, 3].map(roundOrder)).toEqual([
      ['new', 'old'],
      ['old', 'new'],
      ['new', 'old'],
      ['old', 'new'],
    ]);
    // Over any two consecutive rounds each build is loaded first once: A B B A.
    expect([...roundOrder(4), ...roundOrder(5)]).toEqual(['new', 'old', 'old', 'new']);
  });
});

describe('paired figures', () => {
  it('gives the whole run ratio, each round ratio and their spread', () => {
    const f = pairFigures([
      { new: s(900, 5, 900), old: s(1000, 5, 1000) },
      { new: s(1100, 5, 1100), old: s(1000, 5, 1000) },
      { new: s(500, 5, 250), old: s(1000, 5, 1000) },
    ]);
    expect(f.perRound.map((r) => +r.toFixed(3))).toEqual([0.9, 1.1, 0.5]);
    expect(f.spread).toEqual([0.5, 1.1]);
    expect(f.rps).toEqual({ new: 2500 / 15, old: 3000 / 15 });
    expect(f.ratio).toBeCloseTo(2500 / 3000, 10);
    // CPU per request: new 2250 ms over 2500 requests, old 3000 over 3000; read as old over new.
    expect(f.cpuMsPerRequest.new).toBeCloseTo(0.9, 10);
    expect(f.cpuMsPerRequest.old).toBeCloseTo(1, 10);
    expect(f.cpuRatio).toBeCloseTo(1 / 0.9, 10);
    expect(f.cpuPerRound.map((r) => +r.toFixed(3))).toEqual([1, 1, 2]);
  });

  it('weighs rounds by their seconds, not equally', () => {
    const f = pairFigures([{ new: s(100, 1, 1), old: s(100, 2, 1) }]);
    expect(f.ratio).toBe(2);
  });

  it('refuses an empty run', () => {
    expect(() => pairFigures([])).toThrow(/at least one round/);
  });

  it('says within, noise or below against the bound', () => {
    expect(verdict({ ratio: 0.95, spread: [0.7, 1.2] })).toBe('within');
    expect(verdict({ ratio: 0.9, spread: [0.9, 0.9] })).toBe('within');
    expect(verdict({ ratio: 0.85, spread: [0.6, 0.95] })).toBe('noise');
    expect(verdict({ ratio: 0.8, spread: [0.7, 0.89] })).toBe('below');
    expect(verdict({ ratio: 0.96, spread: [0.9, 1] }, 0.03)).toBe('noise');
    expect(verdict({ ratio: 0.95, spread: [0.9, 0.96] }, 0.03)).toBe('below');
  });

  it('judges CPU per request the same way, old over new', () => {
    expect(cpuVerdict({ cpuRatio: 0.95, cpuPerRound: [0.8, 1.1] })).toBe('within');
    expect(cpuVerdict({ cpuRatio: 0.8, cpuPerRound: [0.7, 0.95] })).toBe('noise');
    expect(cpuVerdict({ cpuRatio: 0.75, cpuPerRound: [0.7, 0.8] })).toBe('below');
  });

  it('prints a row with each round', () => {
    const page = demoPages()[1];
    const row = tableRow(page, pairFigures([{ new: s(90, 1, 90), old: s(100, 1, 50) }]));
    expect(row).toBe('| article (miss) | 90 | 100 | 0.90 (0.90) | 1.00 / 0.50 (0.50) | within | below |');
  });
});

describe('addresses', () => {
  it('maps an edition page to each build', () => {
    expect(addressFor('new', 'en', '/articles/a')).toBe('/articles/a');
    expect(addressFor('new', 'ru', '/rubric/news?page=2')).toBe('/ru/rubric/news?page=2');
    // An article keeps its one address in every language.
    expect(addressFor('new', 'ru', '/articles/a')).toBe('/articles/a');
    expect(addressFor('new', 'zh', '/')).toBe('/zh/');
    expect(addressFor('new', 'zh', '/?miss=1')).toBe('/zh/?miss=1');
    // The base tree had one edition: every article at its unprefixed address.
    expect(addressFor('old', 'ru', '/articles/a')).toBe('/articles/a');
    expect(addressFor('old', 'zh', '/')).toBe('/');
  });

  it('maps a plan and keeps every request a different URL', () => {
    const ru = demoPages().find((p) => p.name === 'ru article (miss)')!;
    const neu = pageFor('new', ru);
    const old = pageFor('old', ru);
    expect(planPath(neu.plan!, 0)).toBe('/articles/kazakhstan-uzbekistan-trade?miss=0');
    expect(planPath(old.plan!, 0)).toBe('/articles/kazakhstan-uzbekistan-trade?miss=0');
    expect(planPath(old.plan!, 1)).toBe('/articles/north-south-corridor?miss=1');
    const urls = new Set(Array.from({ length: 100 }, (_, i) => planPath(neu.plan!, i)));
    expect(urls.size).toBe(100);
    const home = demoPages().find((p) => p.name === 'zh home (miss)')!;
    expect(planPath(pageFor('new', home).plan!, 7)).toBe('/zh/?miss=7');
    expect(planPath(pageFor('old', home).plan!, 7)).toBe('/?miss=7');
  });

  it('measures every page once, each under a unique name, and every group is present', () => {
    const pages = demoPages();
    expect(new Set(pages.map((p) => p.name)).size).toBe(pages.length);
    for (const g of ['page', 'edition', 'images']) expect(pages.some((p) => p.groups.includes(g as never))).toBe(true);
    for (const e of ['en', 'ru', 'zh']) expect(pages.filter((p) => p.groups.includes('edition') && p.edition === e)).toHaveLength(2);
    // A miss plan's template must put {item} before {i}: the wrk script fills them in that order.
    for (const p of pages)
      if (p.plan) expect(p.plan.template.indexOf('{item}')).toBeLessThan(p.plan.template.indexOf('{i}', p.plan.template.indexOf('{item}')));
  });
});
