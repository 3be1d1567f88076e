// npm run build: the sources and their pure-JavaScript dependencies in one file, with a V8 code cache.
// bin/chancery.js runs it while dist/chancery.stamp matches the sources; one file starts several times
// faster than hundreds of modules resolved and compiled one by one (or through the TypeScript loader).
// `--optional` (npm's prepare) warns instead of failing, e.g. when esbuild is not installed (--omit=dev).
//   dist/chancery-code.js     the bundle, CommonJS, as one function expression (vm.Script compiles it)
//   dist/chancery-code.cache  V8's code cache for it, made here so that no start compiles it from scratch
//   dist/chancery.mjs         the loader (scripts/bundle-loader.js): runs the bundle with its cache
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import vm from 'node:vm';
import { sourceStamp } from './source-stamp.js';

const ROOT = resolve(import.meta.dirname, '..');
export const BUNDLE = join(ROOT, 'dist', 'chancery.mjs');
export const STAMP = join(ROOT, 'dist', 'chancery.stamp');

// Loaded from node_modules rather than bundled: the native SQLite addon, and what Fastify loads only for route
// schemas and inject(), which the server does not use. The sources load pg, nodemailer, marked and sanitize-html
// on first use through createRequire, from node_modules too. Pino is bundled: Chancery configures no pino
// transport (transports start worker files from pino's own folder).
const EXTERNAL = ['better-sqlite3', 'sharp', '@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler', 'light-my-request'];

/**
 * Writes the bundle, its code cache and its loader, and, last, the stamp of the sources they were built from.
 * `dir` (tests) must lie inside the package, where the bundle finds node_modules and package.json.
 */
export async function buildBundle(dir = join(ROOT, 'dist')): Promise<void> {
  const { build } = await import('esbuild');
  const [BUNDLE, STAMP, CODE, CACHE] = ['chancery.mjs', 'chancery.stamp', 'chancery-code.js', 'chancery-code.cache'].map((f) =>
    join(dir, f),
  );
  // Taken before reading the sources: a file edited during the build leaves the bundle stale, not wrongly current.
  const stamp = sourceStamp(ROOT);
  const engineStamp = sourceStamp(ROOT, join('src', 'nlp'));
  const ENGINE_STAMP = join(dir, 'chancery-extract.stamp');
  mkdirSync(dir, { recursive: true });
  rmSync(STAMP, { force: true });
  rmSync(ENGINE_STAMP, { force: true });
  const out = await build({
    stdin: {
      contents: "import { main } from './src/main.ts';\nmain(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n",
      resolveDir: ROOT,
      sourcefile: 'chancery-entry.ts',
      loader: 'ts',
    },
    // CommonJS, because Node 20 can use a code cache only for a script (vm.Script), not for an ES module.
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNAL,
    // The sources find their package (public/, demo/) and load modules from import.meta.url.
    define: { 'import.meta.url': '__chanceryModuleUrl' },
    banner: { js: "var __chanceryModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    sourcemap: false,
    legalComments: 'none',
    // V8 keeps the source in memory for as long as the server runs: without comments and indentation it is
    // 6 MB instead of 8, and a server under load peaked 5 to 6 MB lower. Names stay, so stack traces still read.
    minifyWhitespace: true,
    write: false,
    plugins: [precomputed()],
  });
  // V8 keeps a script's source for the life of the process. esbuild escapes non-ASCII characters in code but
  // not in the comments it keeps (Kysely's JSDoc), and 13 such characters made the 2.6 MB source a two-byte
  // string: 5.2 MB of live heap instead of 2.6. Escaped as text inside those comments, they change nothing else.
  const code = out.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // The CommonJS wrapper Node itself would put around a module; the loader calls it with the same arguments.
  const source = `(function (exports, require, module, __filename, __dirname) {${code}\n})`;
  writeFileSync(CODE, source);
  // Compiled here, not run: the cache holds what V8 compiles up front, which is most of a start's compiling.
  writeFileSync(CACHE, new vm.Script(source, { filename: CODE }).createCachedData());
  copyFileSync(join(ROOT, 'scripts', 'bundle-loader.js'), BUNDLE);
  // `chancery extract` runs the knowledge engine alone: a small bundle of its own, with its own code cache,
  // starts in a fraction of the server's time. bin/chancery.js runs it as the loader above runs the server.
  const engine = await build({
    stdin: {
      contents:
        "import { runExtractCli } from './src/nlp/cli.ts';\nimport { extract } from './src/nlp/index.ts';\nmodule.exports.run = (argv) => runExtractCli(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });\nmodule.exports.extract = extract;\n",
      resolveDir: ROOT,
      sourcefile: 'chancery-extract-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    plugins: [precomputed()],
    define: { 'import.meta.url': '__chanceryModuleUrl' },
    banner: { js: "var __chanceryModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
    sourcemap: false,
    legalComments: 'none',
  });
  const engineSource = `(function (exports, require, module, __filename, __dirname) {${engine.outputFiles[0].text}\n})`;
  const ENGINE = join(dir, 'chancery-extract.js');
  writeFileSync(ENGINE, engineSource);
  writeFileSync(join(dir, 'chancery-extract.cache'), warmCodeCache(engineSource, ENGINE));
  writeFileSync(ENGINE_STAMP, engineStamp);
  writeFileSync(STAMP, stamp);
}

// Modules of plain data that the engine computes from its curated sources at start: the build evaluates them
// and writes their values into the bundle, so a start parses JSON instead of tokenising and indexing thousands
// of names (most of `extract`'s start). The sources still compute them when run without the bundle, and the
// bundle's results are checked against the sources' in scripts/build.test.ts.
const PRECOMPUTED = ['src/nlp/people.data.ts', 'src/nlp/gazetteer.tables.ts'];

function precomputed(): Plugin {
  const filter = new RegExp(`(?:${PRECOMPUTED.map((p) => p.replace(/[.]/g, '\\.').replace(/\//g, '[\\\\/]')).join('|')})$`);
  return {
    name: 'precomputed',
    setup(b) {
      b.onLoad({ filter }, async (args) => ({ contents: await precomputedSource(args.path), loader: 'js' }));
    },
  };
}

/** The module's exports as literals: arrays and objects as JSON, Maps as a Map of JSON entries. */
export async function precomputedSource(file: string): Promise<string> {
  const mod: Record<string, unknown> = await import(pathToFileURL(file).href);
  const json = (v: unknown) => JSON.stringify(JSON.stringify(v));
  return Object.entries(mod)
    .map(([name, value]) => {
      const where = `${file}: export ${name}`;
      if (value instanceof Map) {
        for (const [k, v] of value) {
          assertPlain(k, where);
          assertPlain(v, where);
        }
        return `export const ${name} = new Map(JSON.parse(${json([...value])}));`;
      }
      assertPlain(value, where);
      return `export const ${name} = JSON.parse(${json(value)});`;
    })
    .join('\n');
}

/** Strings, finite numbers, booleans, null, arrays and plain objects: what JSON gives back unchanged. */
function assertPlain(v: unknown, where: string): void {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return;
  if (Array.isArray(v)) {
    for (const x of v) assertPlain(x, where);
    return;
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    // An undefined property is dropped, as reading it gives undefined anyway.
    for (const x of Object.values(v as object)) if (x !== undefined) assertPlain(x, where);
    return;
  }
  throw new Error(`${where} holds ${String(v)}, which JSON cannot carry: only plain data can be precomputed`);
}

/**
 * The engine's code cache, made after the bundle has read one article in each language it reads: V8 then
 * caches the functions an extraction compiles on first call too, not only the top level, and a start skips
 * compiling them (a fifth of `extract`'s own time on a 2 KB article). Without the golden articles (a package
 * installed without them) the cache holds the top level alone, as before.
 */
function warmCodeCache(source: string, filename: string): Buffer {
  const script = new vm.Script(source, { filename });
  const dir = join(ROOT, 'src', 'nlp', 'testdata');
  const samples = ['ca-uzbek-state-visit.txt', 'ru-state-visit-beijing.txt', 'zh-state-visit-kazakhstan.txt']
    .map((f) => join(dir, f))
    .filter((f) => existsSync(f));
  if (samples.length > 0) {
    const mod: { exports: { extract?: (text: string, o: { published: string }) => unknown } } = { exports: {} };
    script.runInThisContext()(mod.exports, createRequire(filename), mod, filename, dirname(filename));
    for (const f of samples) mod.exports.extract?.(readFileSync(f, 'utf8'), { published: '2025-03-01' });
  }
  return script.createCachedData();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const optional = process.argv.includes('--optional');
  try {
    const t0 = Date.now();
    await buildBundle();
    process.stderr.write(`Built dist/chancery.mjs (and its code, code cache and stamp) in ${Date.now() - t0} ms.\n`);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes('esbuild');
    const why = missing ? 'esbuild is not installed' : (e as Error).message;
    if (!optional) {
      process.stderr.write(`Could not build dist/chancery.mjs: ${why}\n`);
      process.exitCode = 1;
    } else process.stderr.write(`Not building dist/chancery.mjs (${why}): chancery runs from the TypeScript sources.\n`);
  }
}
