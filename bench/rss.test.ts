import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleRss } from './rss.js';

const running: ChildProcess[] = [];
afterEach(() => {
  // Each test's processes form a group of their own: the launcher's child goes with it.
  for (const p of running.splice(0)) process.kill(-p.pid!, 'SIGKILL');
});

/** Starts `node -e code` and resolves once it prints its first line. */
function node(code: string): Promise<ChildProcess> {
  const p = spawn(process.execPath, ['--expose-gc', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  running.push(p);
  return new Promise((ok) => p.stdout!.once('data', () => ok(p)));
}

const until = (p: ChildProcess, text: string) =>
  new Promise<void>((ok) => p.stdout!.on('data', (d: Buffer) => d.toString().includes(text) && ok()));

describe.runIf(process.platform === 'linux')('the resident memory of a server under test', () => {
  it('counts a child process (a server started again by its launcher), not only the process it started', async () => {
    // The launcher stays small; the server it starts holds 80 MB, as bin/chancery.js and the server do on Node 20.
    const launcher = await node(`
      const c = require('node:child_process').spawn(process.execPath, ['-e', "const b = Buffer.alloc(80 * 1048576, 1); console.log('held'); setInterval(() => b[0]++, 50)"], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CHANCERY_MALLOC_WRAPPER: String(process.pid) } });
      c.stdout.pipe(process.stdout);
      console.log('up');
      setInterval(() => {}, 1000);
    `);
    await until(launcher, 'held');
    const s = sampleRss(launcher.pid!, 50);
    await new Promise((r) => setTimeout(r, 200));
    const ps = s.stop();
    expect(ps.map((p) => p.role).sort()).toEqual(['launcher', 'server']);
    expect(ps[0].role).toBe('server');
    expect(ps[0].peakMb).toBeGreaterThan(80);
    expect(ps.find((p) => p.role === 'launcher')!.peakMb).toBeLessThan(80);
  });

  it('keeps a peak that came and went between two samples, and not one from before sampling began', async () => {
    // 120 MB at start-up, freed, then a 60 MB burst of 30 ms once asked: far shorter than the 5 s between samples.
    const p = await node(`
      let b = Buffer.alloc(120 * 1048576, 1); b = undefined; gc();
      console.log('up');
      setTimeout(() => console.log('idle'), 300);
      process.on('SIGUSR2', () => { let x = Buffer.alloc(60 * 1048576, 1); setTimeout(() => { x = undefined; gc(); console.log('done'); }, 30); });
      setInterval(() => {}, 1000);
    `);
    await until(p, 'idle');
    // Large buffers are mapped on their own and unmapped when freed, so the 120 MB has left the resident set.
    const s = sampleRss(p.pid!, 5000);
    const done = until(p, 'done');
    p.kill('SIGUSR2');
    await done;
    await new Promise((r) => setTimeout(r, 100));
    const [only] = s.stop();
    expect(only.role).toBe('server');
    expect(only.peakMb - only.startMb).toBeGreaterThan(50);
    expect(only.peakMb).toBeLessThan(only.startMb + 100);
  });
});
