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
// The knowledge engine's own commands read its golden files beside its sources: never from the bundle.
const needsSources = argv[0] === 'eval-nlp' || (argv[0] === 'extract' && !argv.includes('--all'));

if (!needsSources && bundleIsCurrent()) {
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
