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

// A server on Linux (glibc) keeps the memory freed after large request bodies and password hashes in
// per-thread arenas and rarely hands it back: 250 MB and more after a flood of big bodies. Two malloc settings
// cure it, and glibc reads them only when a process starts, so `serve` starts itself again with them unless
// they are set (set either yourself, even to glibc's defaults, to keep your own). See docs/security.md.
// The same start gives V8 the young generation's cap (2 x 8 MB, SEMI_SPACE_MB in src/platform/heap.ts) as a flag,
// the one way it holds from the start: the bundle's own start grew it to 2 x 16 MB before the server could stop
// it, and V8 does not shrink it under load (16 MB more at every moment). A semi-space flag given to node wins.
const WRAPPED = 'CHANCERY_MALLOC_WRAPPER';
if (argv[0] === 'serve' && process.platform === 'linux' && !process.env.MALLOC_ARENA_MAX && !process.env.MALLOC_TRIM_THRESHOLD_) {
  const env = { ...process.env, MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
  const nodeFlags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map((f) => f.replaceAll('_', '-'));
  const semiGiven = nodeFlags.some((f) => f.startsWith('--max-semi-space-size') || f.startsWith('--semi-space-growth-factor'));
  const args = [...process.execArgv, ...(semiGiven ? [] : ['--max-semi-space-size=8']), fileURLToPath(import.meta.url), ...argv];
  if (typeof process.execve === 'function') {
    // Node 22.15 and later: the same process, its pid kept for service managers.
    process.execve(process.execPath, [process.execPath, ...args], env);
  }
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, args, { env: { ...env, [WRAPPED]: String(process.pid) }, stdio: 'inherit' });
  // Ctrl-C in a terminal reaches the whole process group, the server included: passed on, it would count
  // twice (and a second Ctrl-C stops at once). Signals sent to this process alone are passed on.
  process.on('SIGINT', () => process.stdin.isTTY || child.kill('SIGINT'));
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => child.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  process.exit(code);
}
if (process.env[WRAPPED]) {
  // Started by the lines above: when that process is killed outright (kill -9), the server goes with it at
  // once, as it would have without the second start, instead of holding the port as an orphan.
  const parent = Number(process.env[WRAPPED]);
  delete process.env[WRAPPED];
  setInterval(() => process.ppid !== parent && process.kill(process.pid, 'SIGKILL'), 100).unref();
}
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
