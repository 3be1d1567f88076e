// The set scorer agrees with the set's own matcher, and the real development set is scored when it is there.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateSet, formatSetReport, isSetDir, setMatch } from './eval-set.js';
import type { Fact } from './types.js';

const FIXTURE = fileURLToPath(new URL('./eval-set-fixture/', import.meta.url));
const PROBE = fileURLToPath(new URL('./probe-set/', import.meta.url));
const DEVSET = fileURLToPath(new URL('../../../shared/knowledge-devset/', import.meta.url));
const fact = (type: Fact['type'], args: Record<string, unknown>): Fact => ({
  type,
  args,
  confidence: 1,
  evidence: { start: 0, end: 0, text: '' },
});

describe('set scoring', () => {
  it('matches people by a shared name token, countries exactly, and counts only when both give one', () => {
    const g = { type: 'visit' as const, args: { visitor: 'person:kassym-jomart-tokayev', host: 'country:RU' } };
    expect(setMatch(g, fact('visit', { visitor: 'person:tokayev', host: 'country:RU' }))).toBe(true);
    expect(setMatch(g, fact('visit', { visitor: 'person:tokayev', host: 'country:BY' }))).toBe(false);
    const a = { type: 'agreement' as const, args: { parties: ['country:IN', 'country:RU'], count: 28 } };
    expect(setMatch(a, fact('agreement', { parties: ['country:RU', 'country:IN'] }))).toBe(true);
    expect(setMatch(a, fact('agreement', { parties: ['country:RU', 'country:IN'], count: 27 }))).toBe(false);
  });

  it('scores a set per type and language, with the share of months right, and names a language it cannot read', () => {
    expect(isSetDir(FIXTURE)).toBe(true);
    const r = evaluateSet(FIXTURE);
    expect(r.byLang.get('en')).toMatchObject({ tp: 2, fn: 1, dated: 2, monthRight: 2 });
    expect(r.lines.some((l) => l.startsWith('s2: cannot read French'))).toBe(true);
    expect(formatSetReport(r)).toMatch(/^overall\s+1\.00\s+0\.67/m);
  });

  it('keeps what the probe set taught, per language (src/nlp/probe-set)', () => {
    const r = evaluateSet(PROBE);
    // Floors a little under the figures when the rules for it landed: a rule that breaks a learnt construction fails here.
    const floors: Record<string, { p: number; r: number }> = {
      en: { p: 0.9, r: 0.66 },
      ru: { p: 0.9, r: 0.64 },
      zh: { p: 0.92, r: 0.79 },
    };
    for (const [lang, f] of Object.entries(floors)) {
      const c = r.byLang.get(lang)!;
      expect(c.tp / (c.tp + c.fp)).toBeGreaterThanOrEqual(f.p);
      expect(c.tp / (c.tp + c.fn)).toBeGreaterThanOrEqual(f.r);
    }
  });

  it.skipIf(!existsSync(DEVSET))('meets the targets on the real development set (../shared/knowledge-devset)', () => {
    const r = evaluateSet(DEVSET);
    console.log(formatSetReport(r));
    for (const c of [r.overall, ...r.byLang.values()]) {
      expect(c.tp / (c.tp + c.fp)).toBeGreaterThanOrEqual(0.9);
      expect(c.tp / (c.tp + c.fn)).toBeGreaterThanOrEqual(0.8);
      expect(c.monthRight / c.dated).toBeGreaterThanOrEqual(0.85);
    }
  });
});
