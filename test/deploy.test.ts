// The deployment guide as a test (docs/deployment.md): three instances started at once on an empty PostgreSQL
// database end with one whole demo; two of them behind Debian's nginx running deploy/nginx.conf, with Redis when
// it is reachable; an article imported from the command line shows on both instances and through nginx within
// a second. Needs PostgreSQL (CHANCERY_TEST_POSTGRES) and nginx; says why when it skips.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findNginx } from '../bench/nginx.js';
import { openDb } from '../src/platform/db.js';
import { adminQuery, pgUrl } from './db.js';

const ROOT = resolve(import.meta.dirname, '..');
const PG = process.env.CHANCERY_TEST_POSTGRES;
const NGINX = findNginx();
const REDIS = process.env.CHANCERY_TEST_REDIS ?? 'redis://127.0.0.1:6379';
if (!PG) process.stderr.write('\n  deploy.test: skipped, PostgreSQL not set (CHANCERY_TEST_POSTGRES).\n');
else if (!NGINX) process.stderr.write('\n  deploy.test: skipped, nginx is not installed (apt-get install nginx).\n');

async function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((ok) => {
    const s = createConnection(Number(u.port || 6379), u.hostname);
    s.setTimeout(1000, () => {
      s.destroy();
      ok(false);
    });
    s.once('connect', () => {
      s.end();
      ok(true);
    });
    s.once('error', () => ok(false));
  });
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

interface Proc {
  proc: ChildProcess;
  out: () => string;
}
const procs: ChildProcess[] = [];
const dirs: string[] = [];
let database = '';

function run(args: string[], env: Record<string, string>): Proc {
  let out = '';
  const proc = spawn(process.execPath, [join(ROOT, 'bin', 'chancery.js'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  procs.push(proc);
  return { proc, out: () => out };
}

async function until200(url: string, ms: number): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const r = await fetch(url).catch(() => undefined);
    if (r?.status === 200) return;
    if (Date.now() - t0 > ms) throw new Error(`no 200 from ${url} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((ok) => p.once('exit', ok));
  p.kill('SIGTERM');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 15_000))]);
  if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
}

afterAll(async () => {
  await Promise.all(procs.map(stop));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (database) await adminQuery(`drop database if exists ${database} with (force)`);
});

describe.skipIf(!PG || !NGINX)('deployment: two instances on PostgreSQL behind nginx', () => {
  it('starts three instances at once into one whole demo, then serves an import everywhere within a second', async () => {
    const redis = (await reachable(REDIS)) ? REDIS : '';
    if (!redis) process.stderr.write(`\n  deploy.test: no Redis at ${REDIS}: changes go over PostgreSQL LISTEN/NOTIFY.\n`);
    database = `chancery_deploy_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(`create database ${database}`);
    const url = pgUrl(database);
    const nginxPort = await freePort();
    const ports = [await freePort(), await freePort(), await freePort()];
    const base = (i: number) => {
      const dir = mkdtempSync(join(tmpdir(), 'chancery-deploy-'));
      dirs.push(dir);
      return {
        DATABASE_URL: url,
        REDIS_URL: redis,
        PORT: String(ports[i]),
        HOST: '127.0.0.1',
        BASE_URL: `http://127.0.0.1:${nginxPort}`,
        SESSION_SECRET: 'deploy-secret-deploy-secret-deploy-secret',
        CHANCERY_DATA_DIR: dir,
        CHANCERY_DEMO: 'true',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      };
    };
    // Three first starts at the same moment on the empty database; the first serves with two workers.
    const instances = [
      run(['serve', '--workers', '2'], base(0)),
      run(['serve', '--workers', '1'], base(1)),
      run(['serve', '--workers', '1'], base(2)),
    ];
    await Promise.all(ports.map((p) => until200(`http://127.0.0.1:${p}/`, 90_000)));
    const loaded = instances.map((i) => /Loaded the demo newsroom: (\d+) articles, (\d+) events/.exec(i.out()));
    expect(loaded.filter(Boolean), instances.map((i) => i.out()).join('\n---\n')).toHaveLength(1);
    const [, articles, events] = loaded.find(Boolean)!;
    expect(instances.map((i) => i.out()).join('')).not.toMatch(/Could not load the demo/);
    const db = openDb(url, { onPoolError: () => undefined });
    try {
      const count = async (table: 'articles' | 'events') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count('articles')).toBe(Number(articles));
      expect(await count('events')).toBe(Number(events));
      expect(Number(events)).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
    // Two instances stay, behind nginx.
    await stop(instances[2].proc);

    const dir = mkdtempSync(join(tmpdir(), 'chancery-nginx-'));
    dirs.push(dir);
    // nginx's workers run as nobody when the test runs as root: they write the asset cache here.
    chmodSync(dir, 0o777);
    const site = readFileSync(join(ROOT, 'deploy', 'nginx.conf'), 'utf8')
      .replace('server 127.0.0.1:3001;', `server 127.0.0.1:${ports[0]};`)
      .replace('server 127.0.0.1:3002;', `server 127.0.0.1:${ports[1]};`)
      .replace('listen 80;', `listen 127.0.0.1:${nginxPort};`)
      .replace('/var/cache/nginx/chancery', join(dir, 'cache'));
    expect(site).toContain(`listen 127.0.0.1:${nginxPort};`);
    writeFileSync(join(dir, 'site.conf'), site);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
    );
    const nginx = spawn(NGINX!, ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
    procs.push(nginx);
    const front = `http://127.0.0.1:${nginxPort}`;
    await until200(`${front}/`, 10_000);

    // Every view of the home page cached everywhere: asked twice on each instance and through nginx.
    const views = [`http://127.0.0.1:${ports[0]}`, `http://127.0.0.1:${ports[1]}`, front];
    for (const v of views) for (let k = 0; k < 4; k++) await fetch(`${v}/`).then((r) => r.text());
    const asset = await fetch(`${front}/assets/site.css`);
    expect(asset.status).toBe(200);

    // An article imported from the command line: one more process on the same database.
    const folder = mkdtempSync(join(tmpdir(), 'chancery-import-'));
    dirs.push(folder);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'corridor.md'),
      '---\ntitle: The Middle Corridor opens a new freight route\nslug: middle-corridor-freight\nauthor: Aida Bekova\nstatus: published\n---\n\nFreight trains crossed the Caspian in nine days.\n',
    );
    const imp = run(['import', folder], base(2));
    const code = await new Promise<number>((ok) => imp.proc.once('exit', (c) => ok(c ?? 1)));
    expect(code, imp.out()).toBe(0);
    const t0 = Date.now();
    const took: Record<string, number> = {};
    await Promise.all(
      views.map(async (v) => {
        for (;;) {
          // When the request left: the change is seen by a request sent this long after the import ended (the
          // answer itself then takes a render on a machine the suite keeps busy).
          const sent = Date.now() - t0;
          const home = await fetch(`${v}/`).then((r) => r.text());
          const page = await fetch(`${v}/articles/middle-corridor-freight`);
          await page.arrayBuffer();
          if (home.includes('The Middle Corridor opens a new freight route') && page.status === 200) {
            took[v] = sent;
            took[`${v} answered`] = Date.now() - t0;
            return;
          }
          if (Date.now() - t0 > 5000) throw new Error(`${v} still serves the old home page after 5 s`);
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    expect(Math.max(...views.map((v) => took[v])), JSON.stringify(took)).toBeLessThan(1000);
  }, 180_000);
});
