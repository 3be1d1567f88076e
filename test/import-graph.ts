// The import graph of src/ and the rules test/boundaries.test.ts holds it to. The rules are pure functions
// of the graph, so a test can also run them on a small made-up graph and watch each one fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import: a module of src/ (its path from src/, no extension) or a package (`pkg:name`). */
export interface Import {
  to: string;
  /** `import type` / `export type`: erased at compile time, so it cannot form a runtime cycle. */
  typeOnly: boolean;
  /** `import()`: evaluated when called, not when the module loads. */
  dynamic: boolean;
}

/** Every module of src/ (tests left out) with what it imports. */
export type ImportGraph = Map<string, Import[]>;

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Reads the graph of every non-test module under `srcDir`. */
export function readImportGraph(srcDir: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of files(srcDir)) {
    const imports: Import[] = [];
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT_RE)) {
      const spec = m[2] ?? m[3];
      const to = spec.startsWith('.') ? relative(srcDir, resolve(dirname(file), spec)).replace(/\.(js|ts|tsx)$/, '') : `pkg:${spec}`;
      imports.push({ to, typeOnly: Boolean(m[1]), dynamic: Boolean(m[3]) });
    }
    graph.set(relative(srcDir, file).replace(/\.tsx?$/, ''), imports);
  }
  return graph;
}

const featureOf = (path: string) => (path.startsWith('features/') ? path.split('/')[1] : undefined);

/**
 * A feature imports another feature's store, model, service or `views/*-block` only: never its routes or
 * other views (decision 002), never a page (src/pages) or app.ts, which sit above every feature.
 */
export function featureImportViolations(graph: ImportGraph): string[] {
  const bad: string[] = [];
  for (const [from, imports] of graph) {
    const feature = featureOf(from);
    if (!feature) continue;
    for (const { to } of imports) {
      if (to.startsWith('pages/') || to === 'app' || to === 'main') {
        bad.push(`${from} -> ${to}`);
        continue;
      }
      const parts = to.split('/');
      if (parts[0] !== 'features' || parts[1] === feature || parts.length < 3) continue;
      const block = parts[2] === 'views' && /-block$/.test(parts[3] ?? '');
      if (parts[2] === 'routes' || parts[2].endsWith('-routes') || (parts[2] === 'views' && !block)) bad.push(`${from} -> ${to}`);
    }
  }
  return bad;
}

/** platform/ knows no domain: it imports no feature, no page, not app.ts. */
export function platformImportViolations(graph: ImportGraph): string[] {
  const bad: string[] = [];
  for (const [from, imports] of graph) {
    if (!from.startsWith('platform/')) continue;
    for (const { to } of imports) if (/^(features|pages|nlp)\/|^(app|main)$/.test(to)) bad.push(`${from} -> ${to}`);
  }
  return bad;
}

// The engine's one package: Chinese names to pinyin, with its dictionary (decision 011).
const NLP_PACKAGES = new Set(['pkg:pinyin-pro']);

/** nlp/ is a pure library: it imports only itself, Node's built-ins and its pinyin dictionary. */
export function nlpImportViolations(graph: ImportGraph): string[] {
  const bad: string[] = [];
  for (const [from, imports] of graph) {
    if (!from.startsWith('nlp/')) continue;
    for (const { to } of imports)
      if (!to.startsWith('nlp/') && !to.startsWith('pkg:node:') && !NLP_PACKAGES.has(to)) bad.push(`${from} -> ${to}`);
  }
  return bad;
}

/** Cycles among modules through static runtime imports (type-only imports are erased; import() runs later). */
export function moduleCycles(graph: ImportGraph): string[] {
  const state = new Map<string, 1 | 2>();
  const cycles: string[] = [];
  const visit = (n: string, path: string[]) => {
    if (state.get(n) === 2) return;
    if (state.get(n) === 1) {
      cycles.push([...path.slice(path.indexOf(n)), n].join(' -> '));
      return;
    }
    state.set(n, 1);
    for (const d of graph.get(n) ?? []) if (!d.typeOnly && !d.dynamic && graph.has(d.to)) visit(d.to, [...path, n]);
    state.set(n, 2);
  };
  for (const n of graph.keys()) visit(n, []);
  return cycles;
}

/**
 * Cycles among feature folders through any import, type-only included: two features that each need the
 * other cannot be read, tested or changed apart. Each cycle is reported as its features and, for each
 * pair, one import that joins them.
 */
export function featureCycles(graph: ImportGraph): string[] {
  const edges = new Map<string, Map<string, string>>();
  for (const [from, imports] of graph) {
    const a = featureOf(from);
    if (!a) continue;
    if (!edges.has(a)) edges.set(a, new Map());
    for (const { to } of imports) {
      const b = featureOf(to);
      if (b && b !== a && !edges.get(a)!.has(b)) edges.get(a)!.set(b, `${from} -> ${to}`);
    }
  }
  // Tarjan's strongly connected components: every component of more than one feature holds a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length < 2) return;
    component.sort();
    const joins = component.flatMap((a) => component.flatMap((b) => edges.get(a)?.get(b) ?? []));
    found.push(`${component.join(', ')}: ${joins.join('; ')}`);
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) connect(v);
  return found;
}

/** Where a query may be written: a feature's stores, the migrations, and the platform's own tables and db code. */
const QUERY_HOMES = [/-store$/, /^platform\/migrations\//, /^platform\/(db|columns|jobs|session|prepared)$/];
const QUERY_RE = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql(<[^>]*>)?`|\bsql\.(raw|lit|ref|id|join)\(/;

/** Reads the text of every non-test module under `srcDir`, by the same keys as the graph. */
export function readSources(srcDir: string): Map<string, string> {
  return new Map(files(srcDir).map((f) => [relative(srcDir, f).replace(/\.tsx?$/, ''), readFileSync(f, 'utf8')]));
}

/**
 * Modules that write a query (Kysely's selectFrom, insertInto, updateTable, deleteFrom, or sql``) outside
 * a store: then reading a table's store no longer tells every way the table is used.
 */
export function queriesOutsideStores(sources: Map<string, string>): string[] {
  return [...sources]
    .filter(([path, text]) => !QUERY_HOMES.some((home) => home.test(path)) && QUERY_RE.test(text))
    .map(([path]) => path)
    .sort();
}
