// Enforces the layout's import rules: features never import another feature's routes or views,
// platform knows no feature, nlp imports only itself, and there are no import cycles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2];
    // Type-only imports cannot form runtime cycles but still count for boundaries.
    if (spec.startsWith('.')) out.push(resolve(dirname(file), spec).replace(/\.js$/, ''));
  }
  return out;
}

const all = files(SRC).filter((f) => !/\.test\.tsx?$/.test(f));
const rel = (f: string) => relative(SRC, f).replace(/\.tsx?$/, '');

describe('module boundaries', () => {
  it('features import other features only through their stores and domain modules', () => {
    const bad: string[] = [];
    for (const f of all) {
      const from = rel(f).split('/');
      if (from[0] !== 'features') continue;
      for (const imp of importsOf(f)) {
        const to = relative(SRC, imp).split('/');
        if (to[0] !== 'features' || to[1] === from[1] || to.length < 3) continue;
        // A feature offers embeddable pieces of page as views/*-block.tsx (decision 002); other views stay private.
        const block = to[2] === 'views' && /-block$/.test(to[3] ?? '');
        if (to[2] === 'routes' || to[2].endsWith('-routes') || (to[2] === 'views' && !block)) bad.push(`${rel(f)} -> ${to.join('/')}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('platform imports no feature', () => {
    const bad = all
      .filter((f) => rel(f).startsWith('platform/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => relative(SRC, i).startsWith('features/'))
          .map((i) => `${rel(f)} -> ${relative(SRC, i)}`),
      );
    expect(bad).toEqual([]);
  });

  it('nlp imports only itself and node built-ins', () => {
    const bad: string[] = [];
    for (const f of all.filter((x) => rel(x).startsWith('nlp/'))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(IMPORT_RE)) {
        const spec = m[1] ?? m[2];
        if (spec.startsWith('.')) {
          if (!relative(SRC, resolve(dirname(f), spec)).startsWith('nlp')) bad.push(`${rel(f)} -> ${spec}`);
        } else if (!spec.startsWith('node:')) bad.push(`${rel(f)} -> ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no import cycles among runtime modules', () => {
    const graph = new Map<string, string[]>();
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      const deps: string[] = [];
      for (const m of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
        if (m[2]) continue; // type-only
        deps.push(rel(resolve(dirname(f), m[3]).replace(/\.js$/, '') + '.ts'));
      }
      graph.set(rel(f), deps);
    }
    const state = new Map<string, number>();
    const cycles: string[] = [];
    const visit = (n: string, path: string[]) => {
      if (state.get(n) === 2) return;
      if (state.get(n) === 1) {
        cycles.push([...path.slice(path.indexOf(n)), n].join(' -> '));
        return;
      }
      state.set(n, 1);
      for (const d of graph.get(n) ?? []) visit(d, [...path, n]);
      state.set(n, 2);
    };
    for (const n of graph.keys()) visit(n, []);
    expect(cycles).toEqual([]);
  });
});
