import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { main, type CliIo } from './main.js';
import { openDb } from './platform/db.js';
import { migrate } from './platform/migrations/index.js';
import { verifyPassword } from './platform/passwords.js';
import { findUserWithHashByEmail } from './features/staff/user-store.js';

function collect(env: Record<string, string>): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: {
        write: (s: string) => {
          out += s;
        },
      },
      stderr: {
        write: (s: string) => {
          err += s;
        },
        isTTY: false,
      },
      env,
    },
    out: () => out,
    err: () => err,
  };
}

describe('chancery CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-cli-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'chancery.db')}`, CHANCERY_DATA_DIR: dir, LOG_LEVEL: 'silent', CHANCERY_WORKERS: '1' };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function user(email: string) {
    const db = openDb(env.DATABASE_URL);
    try {
      await migrate(db);
      return await findUserWithHashByEmail(db, email);
    } finally {
      await db.destroy();
    }
  }

  it('adds a user with the given password', async () => {
    const c = collect(env);
    const code = await main(
      ['user', 'add', '--email', 'Ed@Example.org', '--name', 'Ed Itor', '--role', 'editor', '--password', 'long enough pw'],
      c.io,
    );
    expect(c.err()).toBe('');
    expect(code).toBe(0);
    expect(c.out()).toMatch(/^Created editor ed@example\.org \(id \d+\)\.\n$/);
    const u = (await user('ed@example.org'))!;
    expect(u).toMatchObject({ name: 'Ed Itor', role: 'editor', disabled: false });
    expect(await verifyPassword('long enough pw', u.passwordHash)).toBe(true);
  });

  it('generates and prints a password once when none is given', async () => {
    const c = collect(env);
    expect(await main(['user', 'add', '--email', 'a@example.org', '--name', 'A', '--role', 'author'], c.io)).toBe(0);
    const password = /Password: (\S+)/.exec(c.out())?.[1];
    expect(password).toBeDefined();
    expect(await verifyPassword(password!, (await user('a@example.org'))!.passwordHash)).toBe(true);
  });

  it('refuses a duplicate email, leaving the first account as it was', async () => {
    await main(
      ['user', 'add', '--email', 'a@example.org', '--name', 'First', '--role', 'author', '--password', 'password-1'],
      collect(env).io,
    );
    const c = collect(env);
    expect(
      await main(['user', 'add', '--email', 'A@example.org', '--name', 'Second', '--role', 'admin', '--password', 'password-2'], c.io),
    ).toBe(1);
    expect(c.err()).toContain('already exists');
    expect((await user('a@example.org'))?.name).toBe('First');
  });

  it.each([
    [['--email', 'not-an-email', '--name', 'N', '--role', 'editor'], /not a valid email/],
    [['--email', 'a@example.org', '--name', 'N', '--role', 'boss'], /Unknown role "boss": use one of admin, editor, author, moderator/],
    [['--email', 'a@example.org', '--role', 'editor'], /--name is required/],
    [['--email', 'a@example.org', '--name', 'N', '--role', 'editor', '--password', 'short'], /at least 8 characters/],
    [['--email', 'a@example.org', '--name', 'N', '--role', 'editor', '--colour', 'red'], /Unknown option '--colour'/],
  ])('rejects bad input %j with exit code 2', async (extra, message) => {
    const c = collect(env);
    expect(await main(['user', 'add', ...extra], c.io)).toBe(2);
    expect(c.err()).toMatch(message);
    expect(await user('a@example.org')).toBeUndefined();
  });

  it('lists users, prints help, and rejects unknown commands with usage on stderr', async () => {
    await main(
      ['user', 'add', '--email', 'm@example.org', '--name', 'Mod', '--role', 'moderator', '--password', 'password-1'],
      collect(env).io,
    );
    const list = collect(env);
    expect(await main(['user', 'list'], list.io)).toBe(0);
    expect(list.out()).toMatch(/moderator\s+m@example\.org\s+Mod/);

    const help = collect(env);
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out()).toContain('import <folder>');
    const bad = collect(env);
    expect(await main(['frobnicate'], bad.io)).toBe(2);
    expect(bad.err()).toContain('Unknown command "frobnicate"');
    expect(bad.err()).toContain('Usage: chancery');
  });

  it('migrates, then reports the database up to date', async () => {
    const first = collect(env);
    expect(await main(['migrate'], first.io)).toBe(0);
    expect(first.out()).toMatch(/^Applied 2026-11-28T1200-core$/m);
    const second = collect(env);
    await main(['migrate'], second.io);
    expect(second.out()).toBe('The database is up to date.\n');
  });

  it('imports a folder, reporting a bad file on stderr and exiting 1', async () => {
    const folder = join(dir, 'articles');
    mkdirSync(folder);
    writeFileSync(join(folder, 'good.md'), '---\ntitle: Good\nauthor: Ann Writer\ndate: 2025-01-02\n---\nText.\n');
    writeFileSync(join(folder, 'bad.md'), '---\ntitle: Bad\nauthor: Ann Writer\nlanguage: xx\n---\nText.\n');
    const c = collect(env);
    expect(await main(['import', folder], c.io)).toBe(1);
    expect(c.err()).toContain('error: bad.md:4: unknown language "xx"');
    expect(c.err()).toContain('[####################] 2/2');
    expect(c.out()).toBe('Imported 1 (1 new, 0 updated), skipped 0 unchanged, 1 error.\n');
    const bad = collect(env);
    expect(await main(['import', join(dir, 'missing')], bad.io)).toBe(2);
    expect(bad.err()).toContain('is not a folder');
  });

  it('serves until stopped, loading the demo into the empty database once', async () => {
    const stop = new AbortController();
    const c = collect({ ...env, PORT: '0', CHANCERY_ADMIN_EMAIL: 'boss@example.org' });
    c.io.signal = stop.signal;
    const running = main(['serve'], c.io);
    for (let i = 0; i < 100 && !c.out().includes('Demo admin'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(c.out()).toContain('Loaded the demo newsroom');
    expect(c.out()).toContain('Chancery is serving http://localhost:0');
    expect(c.out()).toContain('Demo admin: boss@example.org / chancery-demo');
    stop.abort();
    expect(await running).toBe(0);

    const again = collect({ ...env, PORT: '0', CHANCERY_ADMIN_EMAIL: 'boss@example.org' });
    const ctl = new AbortController();
    again.io.signal = ctl.signal;
    const second = main(['serve'], again.io);
    for (let i = 0; i < 100 && !again.out().includes('Chancery is serving'); i++) await new Promise((r) => setTimeout(r, 50));
    ctl.abort();
    expect(await second).toBe(0);
    expect(again.out()).not.toContain('Loaded the demo newsroom');
    expect(again.out()).toContain('Demo admin: boss@example.org');
  });
  it('re-extracts the whole archive into the dossiers with a summary', async () => {
    const imp = collect(env);
    expect(await main(['import', join(__dirname, '..', 'demo', 'articles')], imp.io)).toBe(0);
    const c = collect(env);
    expect(await main(['extract', '--all'], c.io)).toBe(0);
    expect(c.out()).toMatch(/Extracted \d+ articles in [\d.]+ s: [1-9]\d* facts/);
    const db = openDb(env.DATABASE_URL);
    try {
      const n = Number(
        (
          await db
            .selectFrom('facts')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(n).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
  });

  // SQLite has no LISTEN/NOTIFY: the command line writes a change signal that the running server polls for.
  it('a running server on SQLite drops its pages within a second of an import and of extract --all', async () => {
    const db = openDb(env.DATABASE_URL);
    await migrate(db);
    const app = await buildApp({
      config: loadConfig({ ...env, SESSION_SECRET: 'cli-test-secret-cli-test-secret-xx', CHANCERY_DEMO: 'false' }),
      db,
      logger: false,
    });
    try {
      await app.server.listen({ port: 0, host: '127.0.0.1' });
      await app.bus.ready();
      const home = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}/`;
      const page = async () => (await fetch(home)).text();
      const within = async (ms: number, ok: (html: string) => boolean) => {
        const t0 = Date.now();
        while (Date.now() - t0 < ms) {
          if (ok(await page())) return Date.now() - t0;
          await new Promise((r) => setTimeout(r, 25));
        }
        return Number.POSITIVE_INFINITY;
      };
      // Cached, and no longer read from the database: a change made behind the server's back is not seen.
      await page();
      expect(await page()).not.toContain('Signal Harbour Talks');

      const folder = join(dir, 'articles');
      mkdirSync(folder);
      writeFileSync(
        join(folder, 'talks.md'),
        '---\ntitle: Signal Harbour Talks\nauthor: Ann Writer\ndate: 2025-01-02\n---\nTalks in Oslo.\n',
      );
      expect(await main(['import', folder], collect(env).io)).toBe(0);
      expect(await within(1000, (html) => html.includes('Signal Harbour Talks'))).toBeLessThan(1000);

      // extract --all writes no article: what shows it is the home page's cache being dropped.
      const before = app.ctx.cache.size();
      expect(before).toBeGreaterThan(0);
      expect(await main(['extract', '--all'], collect(env).io)).toBe(0);
      const t0 = Date.now();
      while (app.ctx.cache.size() > 0 && Date.now() - t0 < 1000) await new Promise((r) => setTimeout(r, 25));
      expect(app.ctx.cache.size()).toBe(0);
    } finally {
      await app.close();
      await db.destroy();
    }
  });

  it('names the setting at fault and exits 1 when the database cannot be reached', async () => {
    const c = collect({ ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere', PORT: '0' });
    expect(await main(['serve'], c.io)).toBe(1);
    expect(c.err()).toContain('DATABASE_URL: cannot use the database at 127.0.0.1:1/nowhere: nothing answers there');
    const m = collect({ ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' });
    expect(await main(['migrate'], m.io)).toBe(1);
    expect(m.err()).toContain('DATABASE_URL');
  });

  it('names the data folder and exits 1 when it runs through a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const c = collect({ CHANCERY_DATA_DIR: join(file, 'data'), LOG_LEVEL: 'silent', PORT: '0' });
    expect(await main(['serve'], c.io)).toBe(1);
    expect(c.err()).toContain('CHANCERY_DATA_DIR');
    expect(c.err()).toContain('part of that path is a file, not a folder');
    expect(c.err()).not.toContain('ENOTDIR');
  });

  it('finds a busy port before any work: the demo is not loaded', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    try {
      const c = collect({ ...env, PORT: String(port), HOST: '127.0.0.1' });
      const t0 = Date.now();
      expect(await main(['serve'], c.io)).toBe(1);
      expect(Date.now() - t0).toBeLessThan(2000);
      expect(c.err()).toContain(`PORT: port ${port} on 127.0.0.1 is already in use`);
      expect(c.out()).not.toContain('Loaded the demo');
    } finally {
      busy.close();
    }
  });
});
