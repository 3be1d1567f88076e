// The production bundle: it builds, V8 accepts the code cache made with it, and the command runs from it.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle } from './build.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');
const dir = join(ROOT, 'dist', `test-${process.pid}`);

describe('production bundle', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds a bundle whose code cache V8 accepts, and runs the command from it', async () => {
    await buildBundle(dir);
    const file = join(dir, 'chancery-code.js');
    const script = new vm.Script(readFileSync(file, 'utf8'), {
      filename: file,
      cachedData: readFileSync(join(dir, 'chancery-code.cache')),
    });
    expect(script.cachedDataRejected).toBe(false);
    // A cache for other code is refused, and the loader then compiles as usual: nothing depends on the cache.
    expect(new vm.Script('(function () {})', { cachedData: readFileSync(join(dir, 'chancery-code.cache')) }).cachedDataRejected).toBe(true);

    const help = await run(process.execPath, [join(dir, 'chancery.mjs'), '--help']);
    expect(help.stdout).toContain('Usage: chancery <command>');
    // Migrating a new database exercises the SQLite addon from node_modules and the migrations' dialect code.
    const db = join(dir, 'test.db');
    const migrated = await run(process.execPath, [join(dir, 'chancery.mjs'), 'migrate'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${db}` },
    });
    expect(migrated.stdout).toContain('Applied 2026-11-29T0100-comment-tallies');
    // A mistake in the command line still exits 2 from the bundle.
    const wrong = await run(process.execPath, [join(dir, 'chancery.mjs'), 'no-such-command']).catch((e) => e);
    expect(wrong.code).toBe(2);
  }, 60_000);
});
