// Golden test: every development article against its hand-annotated facts.
import { describe, expect, it } from 'vitest';
import { evaluateDir, FACT_TYPES, prf } from './eval.js';

describe('development set', () => {
  const report = evaluateDir();

  it('has at least 22 annotated articles, some without any fact', () => {
    expect(report.cases.length).toBeGreaterThanOrEqual(22);
    expect(report.cases.filter((c) => c.tp + c.fn === 0).length).toBeGreaterThanOrEqual(3);
  });

  for (const c of report.cases) {
    it(`matches gold: ${c.name}`, () => {
      // The diff is printed so a reviewer can judge a change in behaviour.
      const diff = [
        ...c.missed.map((g) => `missed   ${g.type} ${JSON.stringify(g.args)} ${JSON.stringify(g.when ?? '')}`),
        ...c.spurious.map((p) => `spurious ${p.type} ${JSON.stringify(p.args)} | ${p.evidence.text.slice(0, 80)}`),
      ];
      if (diff.length) console.log(`${c.name}:\n  ${diff.join('\n  ')}`);
      // Allow at most one disagreement per article; the aggregate bounds below keep the whole honest.
      expect(diff.length).toBeLessThanOrEqual(1);
    });
  }

  it('meets the precision and recall targets', () => {
    const all = prf(report.overall);
    expect(all.precision).toBeGreaterThanOrEqual(0.9);
    expect(all.recall).toBeGreaterThanOrEqual(0.8);
    for (const t of FACT_TYPES) {
      expect(prf(report.perType[t]).precision, t).toBeGreaterThan(0.8);
    }
  });
});
