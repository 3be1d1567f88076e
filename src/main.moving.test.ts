// The commands for moving a newsroom in and out: import --from, export, import-archive.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from './main.js';

function collect(env: Record<string, string>): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s), isTTY: false },
      env,
    },
    out: () => out,
    err: () => err,
  };
}

const FIXTURES = join(import.meta.dirname, 'features', 'import', 'fixtures');

describe('chancery import --from, export, import-archive', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-move-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'a.db')}`, CHANCERY_DATA_DIR: join(dir, 'a'), LOG_LEVEL: 'silent', CHANCERY_WORKERS: '1' };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a WordPress export with progress and a report, then moves the newsroom to a new database', async () => {
    const wp = collect(env);
    expect(
      await main(['import', '--from', 'wordpress', join(FIXTURES, 'wordpress.xml'), '--media', join(FIXTURES, 'wp-uploads')], wp.io),
    ).toBe(0);
    expect(wp.out()).toContain('Articles: 5 new, 0 updated, 0 unchanged.');
    expect(wp.out()).toContain('Comments: 3 new');
    expect(wp.out()).toContain('Images: 1 imported');
    expect(wp.out()).toMatch(
      /Skipped \d+:\n {2}image https:\/\/steppe.example\/wp-content\/uploads\/2023\/01\/lost.jpg: not in the media folder/,
    );
    expect(wp.err()).toContain('] ');
    expect(wp.err()).toContain('warning: post 12');

    const gh = collect(env);
    expect(await main(['import', '--from=ghost', join(FIXTURES, 'ghost.json')], gh.io)).toBe(0);
    expect(gh.out()).toContain('Articles: 4 new');

    const archive = join(dir, 'newsroom.tar.gz');
    const ex = collect(env);
    expect(await main(['export', archive], ex.io)).toBe(0);
    expect(ex.out()).toMatch(/^Exported \d+ rows of \d+ tables and 1 media files to .*newsroom\.tar\.gz/);
    expect(ex.err()).toContain('[####################]');

    const envB = { ...env, DATABASE_URL: `sqlite:${join(dir, 'b.db')}`, CHANCERY_DATA_DIR: join(dir, 'b') };
    const im = collect(envB);
    expect(await main(['import-archive', archive], im.io)).toBe(0);
    expect(im.out()).toMatch(/^Loaded \d+ rows of \d+ tables and 1 media files/);
    // Loading again: the database is no longer empty. One line, exit 2.
    const again = collect(envB);
    expect(await main(['import', '--archive', archive], again.io)).toBe(2);
    expect(again.err()).toMatch(
      /^chancery import-archive: .*newsroom\.tar\.gz: the database is not empty \(.*\): load an archive into a new database\n$/,
    );
  });

  it('says in one line what is wrong with a bad file, exit 2', async () => {
    const junk = join(dir, 'junk.tar.gz');
    writeFileSync(junk, 'not an archive'.repeat(100));
    const a = collect(env);
    expect(await main(['import-archive', junk], a.io)).toBe(2);
    expect(a.err().trim().split('\n')).toHaveLength(1);

    const notWp = join(dir, 'x.xml');
    writeFileSync(notWp, '<html></html>');
    const b = collect(env);
    expect(await main(['import', '--from', 'wordpress', notWp], b.io)).toBe(2);
    expect(b.err()).toContain('not a WordPress export');
    const c = collect(env);
    expect(await main(['import', '--from', 'blogger', notWp], c.io)).toBe(2);
    expect(c.err()).toBe('--from must be wordpress or ghost, not "blogger".\n');
    const d = collect(env);
    expect(await main(['import', '--from', 'ghost', join(dir, 'missing.json')], d.io)).toBe(2);
    expect(d.err()).toContain('is not a file');
  });
});
