// npm run build: dist/chancery.mjs, the sources and their pure-JavaScript dependencies in one ESM file.
// bin/chancery.js runs it while dist/chancery.stamp matches the sources; one file starts several times
// faster than hundreds of modules resolved and compiled one by one (or through the TypeScript loader).
// `--optional` (npm's prepare) warns instead of failing, e.g. when esbuild is not installed (--omit=dev).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceStamp } from './source-stamp.js';

const ROOT = resolve(import.meta.dirname, '..');
export const BUNDLE = join(ROOT, 'dist', 'chancery.mjs');
export const STAMP = join(ROOT, 'dist', 'chancery.stamp');

// Loaded from node_modules rather than bundled: the native SQLite addon, and what Fastify loads only for route
// schemas and inject(), which the server does not use. The sources load pg, nodemailer, marked and sanitize-html
// on first use through createRequire, from node_modules too. Pino is bundled: Chancery configures no pino
// transport (transports start worker files from pino's own folder).
const EXTERNAL = ['better-sqlite3', '@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler', 'light-my-request'];

/** Writes dist/chancery.mjs and, last, the stamp of the sources it was built from. */
export async function buildBundle(): Promise<void> {
  const { build } = await import('esbuild');
  // Taken before reading the sources: a file edited during the build leaves the bundle stale, not wrongly current.
  const stamp = sourceStamp(ROOT);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  rmSync(STAMP, { force: true });
  const out = await build({
    stdin: { contents: "import { main } from './src/main.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n", resolveDir: ROOT, sourcefile: 'chancery-entry.ts', loader: 'ts' },
    bundle: true, platform: 'node', format: 'esm', target: 'node20', external: EXTERNAL, outfile: BUNDLE,
    // Bundled CommonJS packages call require() for Node built-ins and the external packages.
    banner: { js: "import { createRequire as __chanceryRequire } from 'node:module';\nconst require = __chanceryRequire(import.meta.url);" },
    jsx: 'automatic', jsxImportSource: 'preact', logLevel: 'warning', sourcemap: false, legalComments: 'none', write: false,
  });
  // V8 keeps a module's source for the life of the process. esbuild escapes non-ASCII characters in code but
  // not in the comments it keeps (Kysely's JSDoc), and 13 such characters made the 2.6 MB source a two-byte
  // string: 5.2 MB of live heap instead of 2.6. Escaped as text inside those comments, they change nothing else.
  writeFileSync(BUNDLE, out.outputFiles[0].text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  writeFileSync(STAMP, stamp);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const optional = process.argv.includes('--optional');
  try {
    const t0 = Date.now();
    await buildBundle();
    process.stderr.write(`Built dist/chancery.mjs in ${Date.now() - t0} ms.\n`);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes('esbuild');
    const why = missing ? 'esbuild is not installed' : (e as Error).message;
    if (!optional) { process.stderr.write(`Could not build dist/chancery.mjs: ${why}\n`); process.exitCode = 1; }
    else process.stderr.write(`Not building dist/chancery.mjs (${why}): chancery runs from the TypeScript sources.\n`);
  }
}
