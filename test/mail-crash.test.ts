// The transactional outbox, end to end: a server process is killed (SIGKILL) right after it acknowledged a
// sign-up and before its job queue sent the confirmation mail. The mail is a row committed with the account,
// so the next server sends it: once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/platform/db.js';
import { guardStamp } from '../src/platform/form-guard.js';
import { csrfToken } from '../src/platform/session.js';
import { DIALECTS, freshDb } from './db.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'crash-test-secret-crash-test-secret';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts `chancery serve` and resolves once it listens. */
function serve(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'chancery.js'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Chancery is serving')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe.each(DIALECTS)('mail queued with the change survives a crash on %s', (dialect) => {
  let smtp: TestSmtp;
  let dataDir: string;
  let db: Db;
  let closeDb: () => Promise<void>;
  let databaseUrl: string;
  beforeAll(async () => {
    smtp = await startSmtp();
    dataDir = mkdtempSync(join(tmpdir(), 'chancery-crash-'));
    if (dialect === 'sqlite') {
      databaseUrl = `sqlite:${join(dataDir, 'chancery.db')}`;
      db = openDb(databaseUrl);
      closeDb = () => db.destroy();
    } else {
      const fresh = await freshDb('postgres');
      ({ db, url: databaseUrl, close: closeDb } = fresh);
    }
  });
  afterAll(async () => {
    await closeDb?.();
    await smtp?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a process killed between commit and send mails the confirmation after restart, once', async () => {
    const port = await freePort();
    const env = {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      CHANCERY_DATA_DIR: dataDir,
      CHANCERY_DEMO: 'false',
      SESSION_SECRET: SECRET,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'silent',
      BASE_URL: `http://127.0.0.1:${port}`,
    };
    const first = await serve(env);
    // A form as the browser would hold it: bound to its visitor cookie, rendered ten seconds ago.
    const visitor = 'crash-visitor-0123456789';
    const res = await fetch(`http://127.0.0.1:${port}/account/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `chancery_visitor=${visitor}` },
      body: new URLSearchParams({
        _csrf: csrfToken(SECRET, visitor),
        _ts: guardStamp(new Date(Date.now() - 10_000), SECRET),
        website: '',
        name: 'Crash Reader',
        email: 'crash@example.org',
        password: 'a long enough secret',
      }),
    });
    expect(res.status).toBe(200);
    // Acknowledged: killed now, well before the job queue's next poll.
    await kill9(first);
    expect(smtp.messages).toHaveLength(0);
    const queued = await db.selectFrom('jobs').select(['status']).where('kind', '=', 'send-mail').execute();
    expect(queued).toEqual([{ status: 'pending' }]);

    const second = await serve(env);
    try {
      const mail = await smtp.waitFor((m) => JSON.stringify(m.to).includes('crash@example.org'), 15_000);
      expect(mail.subject).toMatch(/Confirm your email/);
      // Another poll of the queue goes by: nothing more is sent.
      await new Promise((r) => setTimeout(r, 6000));
      expect(smtp.messages.filter((m) => JSON.stringify(m.to).includes('crash@example.org'))).toHaveLength(1);
      expect(await db.selectFrom('jobs').select(['status']).where('kind', '=', 'send-mail').execute()).toEqual([{ status: 'done' }]);
    } finally {
      await kill9(second);
    }
  }, 90_000);
});
