#!/usr/bin/env node
// The chancery command. It runs dist/chancery.mjs, the bundle `npm run build` writes (npm install builds it
// too), while the bundle's stamp matches the sources: it starts several times faster. Otherwise it runs the
// TypeScript sources through tsx, so a checkout needs no build step and an edited one never runs stale code.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceStamp } from '../scripts/source-stamp.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
// The engine's evaluation reads its golden files beside its sources: never from the bundle.
const needsSources = argv[0] === 'eval-nlp';
const extractOnly = argv[0] === 'extract' && !argv.includes('--all');

if (extractOnly && engineBundleIsCurrent()) {
  // `extract` on one file needs the engine alone, not the server: its own bundle, with the code cache the
  // build made for it, starts several times faster.
  const { readFileSync: read } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const vm = (await import('node:vm')).default;
  const file = join(root, 'dist', 'chancery-extract.js');
  let cachedData;
  try {
    cachedData = read(join(root, 'dist', 'chancery-extract.cache'));
  } catch {
    /* compile as usual */
  }
  const mod = { exports: {} };
  new vm.Script(read(file, 'utf8'), { filename: file, cachedData }).runInThisContext()(
    mod.exports,
    createRequire(file),
    mod,
    file,
    dirname(file),
  );
  process.exitCode = await mod.exports.run(argv);
} else if (!needsSources && !extractOnly && bundleIsCurrent()) {
  // The bundle runs main(process.argv.slice(2)) and sets the exit code itself.
  await import('../dist/chancery.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/main.ts');
  process.exitCode = await main(argv);
}

function bundleIsCurrent() {
  let stamp;
  try {
    stamp = readFileSync(join(root, 'dist', 'chancery.stamp'), 'utf8');
  } catch {
    return false;
  }
  return stamp === sourceStamp(root) && existsSync(join(root, 'dist', 'chancery.mjs'));
}

// The engine's bundle is built from src/nlp alone, and only that folder is listed to check it.
function engineBundleIsCurrent() {
  let stamp;
  try {
    stamp = readFileSync(join(root, 'dist', 'chancery-extract.stamp'), 'utf8');
  } catch {
    return false;
  }
  return stamp === sourceStamp(root, join('src', 'nlp')) && existsSync(join(root, 'dist', 'chancery-extract.js'));
}
