// Enforces the layout's import rules (design conventions 1 and 11, decision 002): features never import
// another feature's routes or views, nor a page; platform knows no feature; nlp imports only itself; no
// module imports itself back; and no two features need each other. Each rule is also run on a small
// made-up graph with a deliberate violation, to show the check can fail.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  featureCycles,
  featureImportViolations,
  type Import,
  type ImportGraph,
  moduleCycles,
  nlpImportViolations,
  platformImportViolations,
  queriesOutsideStores,
  readImportGraph,
  readSources,
} from './import-graph.js';

const SRC = resolve(__dirname, '..', 'src');
const graph = readImportGraph(SRC);

/** A graph from `from: to, to` lines; `type:` before a target marks a type-only import. */
function made(edges: Record<string, string[]>): ImportGraph {
  const g: ImportGraph = new Map();
  for (const [from, tos] of Object.entries(edges)) {
    g.set(
      from,
      tos.map((t): Import => ({ to: t.replace(/^type:/, ''), typeOnly: t.startsWith('type:'), dynamic: false })),
    );
    for (const t of tos) if (!t.startsWith('pkg:') && !g.has(t.replace(/^type:/, ''))) g.set(t.replace(/^type:/, ''), []);
  }
  return g;
}

describe('module boundaries', () => {
  it('reads the whole source tree', () => {
    expect(graph.has('app')).toBe(true);
    expect(graph.has('features/articles/article-store')).toBe(true);
    expect(graph.get('app')!.some((i) => i.to === 'pages/article-page')).toBe(true);
  });

  it('features import other features only through their stores, models, services and blocks, and no page', () => {
    expect(featureImportViolations(graph)).toEqual([]);
  });

  it('platform imports no feature and no page', () => {
    expect(platformImportViolations(graph)).toEqual([]);
  });

  it('nlp imports only itself and node built-ins', () => {
    expect(nlpImportViolations(graph)).toEqual([]);
  });

  it('has no import cycles among runtime modules', () => {
    expect(moduleCycles(graph)).toEqual([]);
  });

  it('has no cycle among feature folders: pages that gather features live above them in src/pages', () => {
    expect(featureCycles(graph)).toEqual([]);
  });

  it('writes every query in a store (or a migration, or the platform’s db code)', () => {
    expect(queriesOutsideStores(readSources(SRC))).toEqual([]);
  });
});

describe('the boundary checks fail on a deliberate violation', () => {
  it('a feature importing another feature’s routes, private view or a page', () => {
    const g = made({
      'features/comments/routes': ['features/articles/routes', 'features/articles/article', 'features/events/views/event-block'],
      'features/events/routes': ['features/articles/views/archive-page', 'pages/article-page'],
    });
    expect(featureImportViolations(g)).toEqual([
      'features/comments/routes -> features/articles/routes',
      'features/events/routes -> features/articles/views/archive-page',
      'features/events/routes -> pages/article-page',
    ]);
  });

  it('platform importing a feature, even for a type', () => {
    const g = made({ 'platform/chrome': ['type:features/rubrics/rubric-store', 'platform/session'] });
    expect(platformImportViolations(g)).toEqual(['platform/chrome -> features/rubrics/rubric-store']);
  });

  it('nlp importing the platform or a package', () => {
    const g = made({ 'nlp/index': ['nlp/tokenizer', 'pkg:node:fs', 'platform/db', 'pkg:kysely'] });
    expect(nlpImportViolations(g)).toEqual(['nlp/index -> platform/db', 'nlp/index -> pkg:kysely']);
  });

  it('a runtime cycle between modules, but not one through a type-only import', () => {
    expect(moduleCycles(made({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual(['a -> b -> c -> a']);
    expect(moduleCycles(made({ a: ['b'], b: ['type:a'] }))).toEqual([]);
  });

  it('a query written in a route or a service', () => {
    const sources = new Map([
      ['features/articles/article-store', "db.selectFrom('articles')"],
      ['platform/migrations/2026-11-28T1200-core', "db.schema.createTable('x'); sql`pragma x`"],
      ['features/admin/routes', "await ctx.db.selectFrom('users').selectAll()"],
      ['features/comments/moderation-service', 'await sql<number>`select 1`.execute(db)'],
      ['features/search/routes', 'searchArticles(ctx.db, query)'],
    ]);
    expect(queriesOutsideStores(sources)).toEqual(['features/admin/routes', 'features/comments/moderation-service']);
  });

  it('two features that need each other, through any import', () => {
    const g = made({
      'features/articles/article': ['type:features/rubrics/rubric-store'],
      'features/rubrics/routes': ['features/articles/article-store'],
      'features/tags/tag-store': ['features/articles/article'],
    });
    expect(featureCycles(g)).toEqual([
      'articles, rubrics: features/articles/article -> features/rubrics/rubric-store; features/rubrics/routes -> features/articles/article-store',
    ]);
    // The same features, one direction only: no cycle.
    const fixed = made({
      'features/rubrics/routes': ['features/articles/article-store'],
      'features/tags/tag-store': ['features/articles/article'],
    });
    expect(featureCycles(fixed)).toEqual([]);
  });
});
