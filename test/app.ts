// Route-test helpers: an app on a fresh database, and signed-in staff without going through the login form.
import { createHash } from 'node:crypto';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import type { Dialect } from '../src/platform/db.js';
import type { Mailer } from '../src/platform/mailer.js';
import { SEND_MAIL_JOB } from '../src/platform/mail-queue.js';
import { createSession, csrfToken, SESSION_COOKIE, type Role } from '../src/platform/session.js';
import { freshDb } from './db.js';
import { makeUser } from './factories.js';

export interface TestApp extends App {
  close(): Promise<void>;
  /** A session cookie header and the CSRF token for a new user of this role. */
  signIn(role: Role, email?: string): Promise<{ userId: number; cookie: string; csrf: string }>;
  /** Sends the mail the app has queued (the job queue's send-mail jobs that are due). */
  sendQueuedMail(): Promise<number>;
}

/** Builds an app on a fresh database of the given dialect. */
export async function testApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  opts: { clock?: () => Date; onQuery?: (sql: string, parameters: readonly unknown[]) => void; mailer?: Mailer } = {},
): Promise<TestApp> {
  const { db, url, close: closeDb } = await freshDb(dialect, { onQuery: opts.onQuery });
  const config = loadConfig(
    {},
    {
      databaseUrl: url,
      sessionSecret: 'test-secret-test-secret-test-secret',
      env: 'test',
      logLevel: 'silent',
      loadDemo: false,
      dataDir: '/tmp/chancery-test',
      baseUrl: 'http://chancery.test',
      ...overrides,
    },
  );
  const app = await buildApp({ config, db, clock: opts.clock, logger: false, mailer: opts.mailer });
  await app.server.ready();
  return {
    ...app,
    async close() {
      await app.close();
      await closeDb();
    },
    sendQueuedMail: () => app.ctx.jobs.runDue([SEND_MAIL_JOB]),
    async signIn(role, email) {
      const userId = await makeUser(db, { role, email: email ?? `${role}-${Math.random().toString(36).slice(2)}@example.org` });
      const token = await createSession(db, userId, (opts.clock ?? (() => new Date()))());
      const binding = createHash('sha256').update(token).digest('hex');
      return { userId, cookie: `${SESSION_COOKIE}=${token}`, csrf: csrfToken(config.sessionSecret, binding) };
    },
  };
}
