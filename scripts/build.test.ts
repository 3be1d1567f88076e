// The production bundle: it builds, V8 accepts the code cache made with it, and the command runs from it.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from '../src/nlp/index.js';
import { buildBundle } from './build.js';
import { sourceStamp } from './source-stamp.js';

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

  it('builds the engine alone with a warmed code cache and a stamp of src/nlp', async () => {
    await buildBundle(dir);
    const file = join(dir, 'chancery-extract.js');
    const source = readFileSync(file, 'utf8');
    const cache = readFileSync(join(dir, 'chancery-extract.cache'));
    const script = new vm.Script(source, { filename: file, cachedData: cache });
    expect(script.cachedDataRejected).toBe(false);
    expect(readFileSync(join(dir, 'chancery-extract.stamp'), 'utf8')).toBe(sourceStamp(ROOT, join('src', 'nlp')));
    const mod: { exports: { extract: (t: string, o: object) => { facts: { type: string }[] } } } = { exports: {} as never };
    script.runInThisContext()(mod.exports, createRequire(file), mod, file, dirname(file));
    const out = mod.exports.extract('Talks in Astana\nPresident Tokayev met President Xi Jinping in Astana on 3 July 2024.', {
      published: '2024-07-04',
    });
    expect(out.facts.map((f) => f.type)).toContain('meeting');
    // The tables the build evaluated and wrote in (people, gazetteer) read every golden article as the sources do.
    const golden = join(ROOT, 'src', 'nlp', 'testdata');
    for (const f of readdirSync(golden).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(golden, f), 'utf8');
      expect(JSON.stringify(mod.exports.extract(text, { published: '2025-03-01' })), f).toBe(
        JSON.stringify(extract(text, { published: '2025-03-01' })),
      );
    }
  }, 60_000);
});
