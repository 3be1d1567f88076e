// dist/chancery.mjs: runs the production bundle (dist/chancery-code.js) with the V8 code cache the build
// made for it (dist/chancery-code.cache). Node 20 compiles a 2.7 MB module from scratch at every start,
// about a tenth of the time to the first page; with the cache, V8 reads what it compiled at build time.
// A cache V8 does not accept (another Node version, other V8 flags) is ignored, and the code compiles as
// usual. scripts/build.ts copies this file; it is plain JavaScript so that it needs no loader.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const dir = dirname(fileURLToPath(import.meta.url));
const file = join(dir, 'chancery-code.js');
let cachedData;
try {
  cachedData = readFileSync(join(dir, 'chancery-code.cache'));
} catch {
  /* no cache: compile as usual */
}
// The file holds one function expression, written by the build around the CommonJS bundle.
const script = new vm.Script(readFileSync(file, 'utf8'), {
  filename: file,
  cachedData,
  // The bundle imports a few files at run time (the engine's command-line helpers); they load as from a module.
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dir);
