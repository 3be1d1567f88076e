// A static nginx serving one page's bytes: what the load generator reaches against it is the generator's own
// capacity on this machine, the figure that proves (or not) that the node:http ceiling measures the server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** nginx's path, or null when Debian's package is not installed. */
export function findNginx(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (spawnSync(p, ['-v']).status === 0) return p;
  }
  return null;
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

/** Starts nginx (one worker, as one Node process is one worker) serving `body` at `/page`; stop() ends it. */
export async function startStaticNginx(
  body: Buffer,
  contentType: string,
  workers = 1,
): Promise<{ port: number; stop: () => Promise<void> } | null> {
  const nginx = findNginx();
  if (!nginx) return null;
  const dir = mkdtempSync(join(tmpdir(), 'chancery-nginx-'));
  // nginx's workers run as nobody when the master runs as root: they must be able to read the page.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'html'));
  writeFileSync(join(dir, 'html', 'page'), body);
  const port = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes ${workers};
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types { }
  default_type "${contentType}";
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/html;
  }
}
`,
  );
  const proc: ChildProcess = spawn(nginx, ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const t0 = Date.now();
  for (;;) {
    const r = await fetch(`http://127.0.0.1:${port}/page`).catch(() => undefined);
    if (r?.status === 200) break;
    if (proc.exitCode !== null || Date.now() - t0 > 10_000) {
      proc.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
      return null;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((ok) => proc.once('exit', ok));
        proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
