// The command line: serve | migrate | user | import | export | import-archive | extract | eval-nlp. Each command returns an exit code.
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'node:net';
import { ConfigError, dataDirProblem, loadConfig, type Config } from './config.js';
import { openDb, type Db } from './platform/db.js';
import { sizeHeapForServing } from './platform/heap.js';
import { migrate } from './platform/migrations/index.js';
import { hashPassword, verifyPassword } from './platform/passwords.js';

/** Where a command writes; tests pass collectors, the bin passes the process streams. */
export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** The environment the configuration is read from (process.env by default). */
  env?: Record<string, string | undefined>;
  /** Aborting it stops `serve` as SIGINT would; the bin leaves it unset. */
  signal?: AbortSignal;
}

const USAGE = `Usage: chancery <command> [options]

Commands:
  serve [--workers N]            Start the web server (migrates; loads the demo newsroom into an empty database);
                                 N processes share the port (default: one per core)
  migrate                        Apply pending database migrations
  user add --email E --name N --role R [--password P]
                                 Create a staff account (roles: admin, editor, author, moderator);
                                 without --password one is generated and printed once
  user list                      List staff accounts
  import <folder> [--status published|draft]
                                 Import Markdown files with front matter as articles
  import --from wordpress|ghost FILE [--media DIR] [--fetch-media] [--status draft] [--language en|ru|zh]
                                 Import a WordPress (WXR) or Ghost (JSON) export: articles, authors, rubrics,
                                 tags, comments, images and redirects from the old addresses
  export FILE                    Write the whole newsroom (content, readers, media files) to a portable archive
  import-archive FILE            Load an archive written by "chancery export" into an empty database
  extract FILE [--published YYYY-MM-DD] [--lang en]
                                 Print the entities and facts the knowledge engine finds in a text, as JSON
  extract --all                  Re-extract every published article into the dossiers (editors' decisions are kept)
  eval-nlp                       Score the knowledge engine against its golden files
  backup FILE                    Write an online, verified backup of the database and the data folder to FILE
  restore FILE                   Restore a backup into DATABASE_URL and the data folder (server stopped)

Options:
  -h, --help                     Show this help (or a command's help: chancery <command> --help)

Configuration is read from environment variables; see README.md.
`;

const COMMAND_USAGE: Record<string, string> = {
  backup:
    'Usage: chancery backup FILE\n\nWrites the database (a consistent copy while the server runs; pg_dump on PostgreSQL) and the\n' +
    "data folder's other files (session secret, outbox) to FILE, a new file, then verifies it.\n",
  restore:
    'Usage: chancery restore FILE\n\nRestores a backup into DATABASE_URL and CHANCERY_DATA_DIR. Stop the server first. On SQLite the\n' +
    'database file is replaced; on PostgreSQL the database must be empty (createdb a new one).\n',
  serve:
    'Usage: chancery serve [--workers N]\n\nStarts the server on HOST:PORT (see README.md for the environment variables).\n' +
    '--workers N runs N processes sharing the port (default: CHANCERY_WORKERS, else one per core); 1 serves in this\n' +
    'process. SIGHUP restarts the workers one by one without refusing a request; SIGTERM or Ctrl-C stops them all\n' +
    'after the requests under way.\n',
  migrate: 'Usage: chancery migrate\n\nApplies pending migrations to DATABASE_URL and lists them.\n',
  user: 'Usage:\n  chancery user add --email E --name N --role admin|editor|author|moderator [--password P]\n  chancery user list\n',
  import:
    'Usage: chancery import <folder> [--status published|draft]\n\n' +
    'Imports every .md file of the folder. Front matter keys: title, slug, author or authors: [..], date,\n' +
    'rubric, tags: [..], language, lead, cover, status (published, draft or scheduled).\n' +
    '--status draft imports every file as a draft. Re-importing a slug updates its article.\n\n' +
    'Usage: chancery import --from wordpress|ghost FILE [--media DIR] [--fetch-media] [--status draft] [--language L]\n\n' +
    'Imports a WordPress export (Tools > Export, an .xml file) or a Ghost export (Settings > Labs > Export, a .json\n' +
    'file): posts and pages as articles with their status, dates, slugs and authors; categories (Ghost: the primary\n' +
    'tag) as rubrics; tags; WordPress comments with their threads; images into the media library; and the old\n' +
    'addresses as permanent redirects. --media DIR names a copy of the old uploads folder (wp-content/uploads,\n' +
    'content/images); --fetch-media downloads what is not there from public addresses. --language is used when an\n' +
    "article's own text does not tell. Importing the same export again updates what changed, duplicating nothing.\n",
  export:
    'Usage: chancery export FILE\n\nWrites the whole newsroom (articles, translations, rubrics, tags, authors, events and\n' +
    'registrations, comments, readers, media files, dossier facts, settings) to FILE, a new .tar.gz archive with a\n' +
    'format version and checksums. Load it with "chancery import-archive FILE" into an empty database of either engine.\n',
  'import-archive':
    'Usage: chancery import-archive FILE\n\nLoads an archive written by "chancery export" into DATABASE_URL, which must be empty\n' +
    '(a new database: only migrations applied), and its media files into CHANCERY_DATA_DIR.\n',
};

/** Runs one command line (without "node" and the script); resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    const text = COMMAND_USAGE[command];
    if (text) {
      io.stdout.write(text);
      return 0;
    }
  }
  try {
    switch (command) {
      case 'serve':
        return await serve(rest, io);
      case 'migrate':
        return await migrateCommand(io);
      case 'user':
        return await userCommand(rest, io);
      case 'import':
        return rest.includes('--from') || rest.some((a) => a.startsWith('--from='))
          ? await moveInCommand(rest, io)
          : rest.includes('--archive')
            ? await importArchiveCommand(
                rest.filter((a) => a !== '--archive'),
                io,
              )
            : await importCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'import-archive':
        return await importArchiveCommand(rest, io);
      case 'extract':
        return rest.includes('--all') ? await extractAllCommand(io) : await nlp('runExtractCli', rest, io);
      case 'eval-nlp':
        return await nlp('runEvalCli', rest, io);
      case 'backup':
      case 'restore':
        return await backupCommand(command, rest, io);
      default:
        io.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.stderr.write(`chancery ${command}: ${e.message}\n`);
      return 1;
    }
    io.stderr.write(`chancery ${command}: ${(e as Error).message ?? e}\n`);
    return 1;
  }
}

/** A mistake in the command line: printed as is, exit code 2. */
class UsageError extends Error {}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** The configuration; a bad setting is a ConfigError (exit 1), never a command-line mistake. */
function config(io: CliIo): Config {
  return loadConfig(io.env ?? process.env);
}

/** Where the database is, without a password, for messages. */
function databaseLocation(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol.startsWith('postgres')) return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    /* sqlite: a path */
  }
  return url.replace(/^sqlite:/, '');
}

/** Opens the database named by DATABASE_URL; a path that cannot be created is a ConfigError naming it. */
function openConfiguredDb(cfg: Config): Db {
  try {
    return openDb(cfg.databaseUrl);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code ? dataDirProblem(e) : (e as Error).message;
    throw new ConfigError(`DATABASE_URL: cannot open the database at ${databaseLocation(cfg.databaseUrl)}: ${why}`);
  }
}

const CONNECTION_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'nothing answers there (is PostgreSQL running, and on that port?)',
  ENOTFOUND: 'that host name does not resolve',
  EAI_AGAIN: 'that host name does not resolve',
  ETIMEDOUT: 'the server did not answer in time',
  EHOSTUNREACH: 'that host cannot be reached',
  '28P01': 'the server refused the user name or password',
  '28000': 'the server refused the user name or password',
  '3D000': 'that database does not exist (create it first)',
  SQLITE_CANTOPEN: 'the file cannot be opened',
  SQLITE_READONLY: 'the file is read-only',
  SQLITE_NOTADB: 'that file is not a SQLite database',
};

/** An error reaching the database, turned into a ConfigError naming DATABASE_URL; others pass through. */
function databaseProblem(cfg: Config, e: unknown): unknown {
  const code = String((e as NodeJS.ErrnoException).code ?? '');
  const reason = CONNECTION_PROBLEMS[code];
  if (!reason) return e;
  return new ConfigError(`DATABASE_URL: cannot use the database at ${databaseLocation(cfg.databaseUrl)}: ${reason}`);
}

/** Fails fast, before any work, when HOST:PORT cannot be listened on. */
async function checkPort(cfg: Config): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        new ConfigError(
          e.code === 'EADDRINUSE'
            ? `PORT: port ${cfg.port} on ${cfg.host} is already in use: stop the other server or choose another port with PORT=...`
            : e.code === 'EACCES'
              ? `PORT: not allowed to listen on ${cfg.host}:${cfg.port}: choose a port above 1023 with PORT=...`
              : `HOST/PORT: cannot listen on ${cfg.host}:${cfg.port}: ${e.message}`,
        ),
      );
    });
    probe.listen({ host: cfg.host, port: cfg.port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** parseArgs with our messages: unknown options and missing values become UsageErrors. */
function args<T extends Record<string, { type: 'string' | 'boolean' }>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify.*$/s, '.')}\n\n${usage}`);
  }
}

async function withDb<T>(cfg: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = openConfiguredDb(cfg);
  try {
    return await fn(db);
  } catch (e) {
    throw databaseProblem(cfg, e);
  } finally {
    await db.destroy();
  }
}

async function migrateCommand(io: CliIo): Promise<number> {
  const cfg = config(io);
  return withDb(cfg, async (db) => {
    const applied = await migrate(db);
    if (applied.length === 0) io.stdout.write('The database is up to date.\n');
    for (const name of applied) io.stdout.write(`Applied ${name}\n`);
    return 0;
  });
}

async function serve(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = args(argv, { workers: { type: 'string' } }, COMMAND_USAGE.serve);
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".\n\n${COMMAND_USAGE.serve}`);
  const cfg = config(io);
  let workers = cfg.workers;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 256)
      throw new UsageError(`--workers must be a number from 1 to 256, not "${values.workers}".`);
  }
  if (cluster.isWorker) return serveWorker(cfg, io);
  // Before any work (migrations, the demo): a busy port is found in a moment, not after the demo loaded.
  if (cfg.port !== 0) await checkPort(cfg);
  if (workers > 1) {
    const { reminder } = await prepareDatabase(cfg, io);
    const { runPrimary } = await import('./platform/workers.js');
    return runPrimary({
      workers,
      io,
      signal: io.signal,
      stopMessage: 'Stopping...\n',
      readyMessage: `Chancery is serving ${cfg.baseUrl}\n${reminder}`,
    });
  }
  return serveSingle(cfg, io);
}

/**
 * Migrates and, into a brand-new newsroom, loads the demo, under the start lock: instances started together
 * on one PostgreSQL database take turns, and the later ones find the demo loaded. True when it may serve.
 */
async function prepareDatabase(cfg: Config, io: CliIo, built?: BuiltApp): Promise<{ demoLoaded: boolean; reminder: string }> {
  const [{ loadDemo, DEMO_LOADED_KEY }, { findSetting }, { countUsers }, { countAllArticles }, { withStartLock }] = await Promise.all([
    import('./features/demo/demo-loader.js'),
    import('./features/site/site-store.js'),
    import('./features/staff/user-store.js'),
    import('./features/articles/article-store.js'),
    import('./platform/db.js'),
  ]);
  const own = built ? undefined : await buildServingApp(cfg, false);
  const { app, db } = built ?? own!;
  try {
    return await withStartLock(db, async () => {
      await migrate(db);
      let demoLoaded = false;
      if (cfg.loadDemo && !(await findSetting(db, DEMO_LOADED_KEY))) {
        const articles = await countAllArticles(db);
        // Only a brand-new newsroom gets the demo; an install with content of its own is never touched.
        if (articles === 0 && (await countUsers(db)) === 0) {
          const t0 = Date.now();
          try {
            const r = await loadDemo({ db, clock: app.ctx.clock, config: cfg, publishing: app.ctx.publishing, media: app.ctx.media });
            demoLoaded = true;
            io.stdout.write(
              `Loaded the demo newsroom: ${r.articles.created.length} articles, ${r.counts.events} events (${Date.now() - t0} ms).\n`,
            );
          } catch (e) {
            // The newsroom itself works without the demo: say why it is missing and serve anyway.
            io.stderr.write(`Could not load the demo newsroom: ${(e as Error).message}\n`);
          }
        }
      }
      return { demoLoaded, reminder: await demoReminder(cfg, db, demoLoaded) };
    });
  } finally {
    if (own) {
      await own.app.close();
      await own.db.destroy();
    }
  }
}

type BuiltApp = { app: Awaited<ReturnType<typeof import('./app.js')['buildApp']>>; db: Db };

/** Opens the database and builds the app (migrating first: the app reads settings as it is built). */
async function buildServingApp(cfg: Config, logging = true): Promise<BuiltApp> {
  const { buildApp } = await import('./app.js');
  const db = openConfiguredDb(cfg);
  try {
    const { withStartLock } = await import('./platform/db.js');
    await withStartLock(db, () => migrate(db));
    const app = await buildApp({ config: cfg, db, ...(logging ? {} : { logger: false }) });
    return { app, db };
  } catch (e) {
    await db.destroy().catch(() => undefined);
    throw databaseProblem(cfg, e);
  }
}

/** Listens on HOST:PORT; false (having said why) when the port cannot be had. */
async function listen(app: BuiltApp['app'], cfg: Config, io: CliIo): Promise<boolean> {
  try {
    await app.server.listen({ host: cfg.host, port: cfg.port });
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.stderr.write(
        code === 'EADDRINUSE'
          ? `Port ${cfg.port} on ${cfg.host} is already in use: stop the other server or choose another port with PORT=...\n`
          : `Not allowed to listen on ${cfg.host}:${cfg.port}: choose a port above 1023 with PORT=...\n`,
      );
      return false;
    }
    throw e;
  }
}

/** The demo admin's sign-in, shown while it still has the documented password: a reminder to change it. */
async function demoReminder(cfg: Config, db: Db, demoLoaded: boolean): Promise<string> {
  const [{ demoEditorEmail }, { findUserWithHashByEmail }] = await Promise.all([
    import('./features/demo/demo-loader.js'),
    import('./features/staff/user-store.js'),
  ]);
  const admin = await findUserWithHashByEmail(db, cfg.adminEmail);
  if (demoLoaded || (admin && !admin.disabled && (await verifyPassword(cfg.adminPassword, admin.passwordHash))))
    return `Demo admin: ${cfg.adminEmail} / ${cfg.adminPassword} at ${cfg.baseUrl}/admin (editor: ${demoEditorEmail(cfg.adminEmail)}, same password)\n`;
  return '';
}

/** `serve` in one process (`--workers 1`): prepares the database, runs the jobs and serves until stopped. */
async function serveSingle(cfg: Config, io: CliIo): Promise<number> {
  // Memory under load: see platform/heap.ts. Flags given to node itself win.
  const unsizeHeap = sizeHeapForServing([...process.execArgv, ...(io.env?.NODE_OPTIONS ?? '').split(/\s+/)]);
  let built: BuiltApp | undefined;
  try {
    built = await buildServingApp(cfg);
    const { app } = built;
    const { reminder } = await prepareDatabase(cfg, io, built);
    app.ctx.jobs.start();
    if (!(await listen(app, cfg, io))) return 1;
    io.stdout.write(`Chancery is serving ${cfg.baseUrl}\n${reminder}`);
    await untilStopped(io.signal);
    io.stdout.write('Stopping...\n');
    return 0;
  } finally {
    await built?.app.close();
    await built?.db.destroy();
    unsizeHeap();
  }
}

/**
 * One worker of `serve --workers N`: the primary prepared the database; the worker serves on the shared port
 * and runs the jobs only while the primary names it the scheduler. It stops when the primary says so (a
 * rolling restart) or on SIGINT/SIGTERM, finishing the requests under way.
 */
async function serveWorker(cfg: Config, io: CliIo): Promise<number> {
  const unsizeHeap = sizeHeapForServing([...process.execArgv, ...(io.env?.NODE_OPTIONS ?? '').split(/\s+/)]);
  const { WORKER_MESSAGES } = await import('./platform/workers.js');
  let built: BuiltApp | undefined;
  const onMessage = (m: unknown) => {
    const type = (m as { type?: string })?.type;
    if (type === WORKER_MESSAGES.runJobs) built?.app.ctx.jobs.start();
    else if (type === WORKER_MESSAGES.stopJobs) void built?.app.ctx.jobs.stop();
  };
  try {
    built = await buildServingApp(cfg);
    process.on('message', onMessage);
    await built.app.bus.ready();
    if (!(await listen(built.app, cfg, io))) return 1;
    // The primary stops a worker by disconnecting it: cluster closes the server once the requests under way
    // are answered, then the channel closes.
    const stopped = new Promise<void>((ok) => process.once('disconnect', () => ok()));
    await Promise.race([untilStopped(io.signal), stopped]);
    return 0;
  } finally {
    process.off('message', onMessage);
    await built?.app.close();
    await built?.db.destroy();
    unsizeHeap();
    if (process.connected) process.disconnect();
  }
}

/** Resolves on SIGINT, SIGTERM or when the signal aborts; a second Ctrl-C during shutdown exits at once. */
function untilStopped(signal?: AbortSignal): Promise<void> {
  return new Promise((resolvePromise) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      process.once('SIGINT', () => process.exit(130));
      resolvePromise();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (signal?.aborted) done();
    signal?.addEventListener('abort', done, { once: true });
  });
}

async function userCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const usage = COMMAND_USAGE.user;
  const store = await import('./features/staff/user-store.js');
  if (sub === 'list') {
    args(rest, {}, usage);
    return withDb(config(io), async (db) => {
      await migrate(db);
      const users = await store.listUsers(db);
      if (users.length === 0) io.stdout.write('No staff accounts yet: add one with "chancery user add".\n');
      for (const u of users) io.stdout.write(`${u.role.padEnd(10)} ${u.email.padEnd(36)} ${u.name}${u.disabled ? ' (disabled)' : ''}\n`);
      return 0;
    });
  }
  if (sub !== 'add') throw new UsageError(`${sub ? `Unknown user command "${sub}".` : 'Missing user command.'}\n\n${usage}`);
  const { values, positionals } = args(
    rest,
    { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
    usage,
  );
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".\n\n${usage}`);
  const email = (values.email ?? '').trim();
  const name = (values.name ?? '').trim();
  const role = (values.role ?? '').trim();
  if (!email) throw new UsageError(`--email is required.\n\n${usage}`);
  if (!store.isValidEmail(email)) throw new UsageError(`"${email}" is not a valid email address.`);
  if (!name) throw new UsageError(`--name is required (the name shown in the admin).\n\n${usage}`);
  if (!role) throw new UsageError(`--role is required: one of ${store.STAFF_ROLES.join(', ')}.`);
  if (!(store.STAFF_ROLES as string[]).includes(role))
    throw new UsageError(`Unknown role "${role}": use one of ${store.STAFF_ROLES.join(', ')}.`);
  if (values.password !== undefined && values.password.length < 8) throw new UsageError('The password must be at least 8 characters long.');
  const generated = values.password === undefined;
  const password = values.password ?? randomBytes(12).toString('base64url');
  return withDb(config(io), async (db) => {
    await migrate(db);
    const existing = await store.findUserByEmail(db, email);
    if (existing) {
      io.stderr.write(
        `A user with the email ${existing.email} already exists (${existing.role}, "${existing.name}"). Nothing was changed.\n`,
      );
      return 1;
    }
    const id = await store.insertUser(
      db,
      { email, name, role: role as (typeof store.STAFF_ROLES)[number], passwordHash: await hashPassword(password) },
      new Date(),
    );
    io.stdout.write(`Created ${role} ${store.normalizeEmail(email)} (id ${id}).\n`);
    if (generated) io.stdout.write(`Password: ${password}\nIt is shown only once: keep it somewhere safe.\n`);
    return 0;
  });
}

async function backupCommand(command: 'backup' | 'restore', argv: string[], io: CliIo): Promise<number> {
  const usage = COMMAND_USAGE[command];
  const { positionals } = args(argv, {}, usage);
  if (positionals.length !== 1) throw new UsageError(`Give one file.\n\n${usage}`);
  const cfg = config(io);
  const { backup, restore } = await import('./platform/backup.js');
  const t0 = Date.now();
  if (command === 'backup') {
    const s = await backup(cfg.databaseUrl, cfg.dataDir, positionals[0]);
    io.stdout.write(
      `Backed up the ${s.dialect} database (${s.migrations} migrations) and ${s.files} files to ${positionals[0]}: ` +
        `${(s.bytes / 1e6).toFixed(1)} MB of files, verified (${Date.now() - t0} ms).\n`,
    );
  } else {
    const s = await restore(cfg.databaseUrl, cfg.dataDir, positionals[0]);
    io.stdout.write(`Restored the ${s.dialect} database and ${s.files} files from ${positionals[0]} (${Date.now() - t0} ms).\n`);
  }
  return 0;
}

async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const usage = COMMAND_USAGE.import;
  const { values, positionals } = args(argv, { status: { type: 'string' } }, usage);
  if (positionals.length !== 1)
    throw new UsageError(positionals.length ? `Give one folder, not ${positionals.length}.\n\n${usage}` : `Which folder? \n\n${usage}`);
  const status = values.status;
  if (status !== undefined && status !== 'published' && status !== 'draft')
    throw new UsageError(`--status must be published or draft, not "${status}".`);
  const folder = resolve(positionals[0]);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${positionals[0]} is not a folder.`);
  const [{ buildApp }, { createImporter, summarize }, { progressReporter }] = await Promise.all([
    import('./app.js'),
    import('./features/import/import-service.js'),
    import('./features/import/progress.js'),
  ]);
  const cfg = config(io);
  return withDb(cfg, async (db) => {
    await migrate(db);
    // The app's own publishing service, so whatever listens to publications (the knowledge engine) hears of these too.
    const app = await buildApp({ config: cfg, db, logger: false });
    const progress = progressReporter(io.stderr);
    let result;
    try {
      result = await createImporter({ db, clock: app.ctx.clock, publishing: app.ctx.publishing }).importFolder(folder, {
        status,
        onProgress: progress.update,
      });
    } finally {
      progress.finish();
      await app.close();
    }
    for (const w of result.warnings) io.stderr.write(`warning: ${w.file}:${w.line}: ${w.message}\n`);
    for (const e of result.errors) io.stderr.write(`error: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message} (skipped)\n`);
    io.stdout.write(`${summarize(result)}\n`);
    return result.errors.length ? 1 : 0;
  });
}

async function moveInCommand(argv: string[], io: CliIo): Promise<number> {
  const usage = COMMAND_USAGE.import;
  const { values, positionals } = args(
    argv,
    {
      from: { type: 'string' },
      media: { type: 'string' },
      'fetch-media': { type: 'boolean' },
      status: { type: 'string' },
      language: { type: 'string' },
    },
    usage,
  );
  const from = values.from;
  if (from !== 'wordpress' && from !== 'ghost') throw new UsageError(`--from must be wordpress or ghost, not "${from ?? ''}".`);
  if (positionals.length !== 1) throw new UsageError(`Give one export file.\n\n${usage}`);
  if (values.status !== undefined && values.status !== 'draft' && values.status !== 'published')
    throw new UsageError(`--status must be published or draft, not "${values.status}".`);
  const { LANGUAGES } = await import('./features/articles/article.js');
  if (values.language !== undefined && !(LANGUAGES as readonly string[]).includes(values.language))
    throw new UsageError(`--language must be one of ${LANGUAGES.join(', ')}, not "${values.language}".`);
  const file = resolve(positionals[0]);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new UsageError(`${positionals[0]} is not a file.`);
  if (values.media !== undefined && !(await stat(values.media).catch(() => undefined))?.isDirectory())
    throw new UsageError(`--media ${values.media} is not a folder.`);
  const [{ buildApp }, { importWordPress }, { importGhost, GhostError }, { WxrError }, { describeForeignImport }, { progressReporter }] =
    await Promise.all([
      import('./app.js'),
      import('./features/import/wordpress-import.js'),
      import('./features/import/ghost-import.js'),
      import('./features/import/wxr-reader.js'),
      import('./features/import/foreign-import.js'),
      import('./features/import/progress.js'),
    ]);
  const cfg = config(io);
  return withDb(cfg, async (db) => {
    await migrate(db);
    const app = await buildApp({ config: cfg, db, logger: false });
    const progress = progressReporter(io.stderr);
    const deps = {
      db,
      clock: app.ctx.clock,
      publishing: app.ctx.publishing,
      media: app.ctx.media,
      mediaDir: values.media && resolve(values.media),
      fetchMedia: values['fetch-media'] === true,
      allowedHosts: cfg.outboundAllowedHosts,
      allDrafts: values.status === 'draft',
      language: values.language as import('./features/articles/article.js').Language | undefined,
    };
    let report;
    try {
      report = from === 'wordpress' ? await importWordPress(file, deps, progress.update) : await importGhost(file, deps, progress.update);
    } catch (e) {
      if (e instanceof WxrError || e instanceof GhostError) {
        progress.finish();
        io.stderr.write(`chancery import: ${positionals[0]}: ${e.message}\n`);
        return 2;
      }
      throw e;
    } finally {
      progress.finish();
      await app.close();
    }
    for (const w of report.warnings) io.stderr.write(`warning: ${w.text}\n`);
    for (const line of describeForeignImport(report)) io.stdout.write(`${line}\n`);
    await announceContentChange(cfg, db);
    return 0;
  });
}

async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const usage = COMMAND_USAGE.export;
  const { positionals } = args(argv, {}, usage);
  if (positionals.length !== 1) throw new UsageError(`Give one file to write.\n\n${usage}`);
  const [{ exportArchive }, { progressReporter }] = await Promise.all([
    import('./features/archive/archive.js'),
    import('./features/import/progress.js'),
  ]);
  const cfg = config(io);
  return withDb(cfg, async (db) => {
    await migrate(db);
    const progress = progressReporter(io.stderr);
    let summary;
    try {
      summary = await exportArchive(db, cfg.dataDir, resolve(positionals[0]), progress.update);
    } finally {
      progress.finish();
    }
    io.stdout.write(
      `Exported ${summary.rows} rows of ${summary.tables} tables and ${summary.files} media files to ${positionals[0]} (${(summary.bytes / 1e6).toFixed(1)} MB).\n`,
    );
    return 0;
  });
}

async function importArchiveCommand(argv: string[], io: CliIo): Promise<number> {
  const usage = COMMAND_USAGE['import-archive'];
  const { positionals } = args(argv, {}, usage);
  if (positionals.length !== 1) throw new UsageError(`Give one archive.\n\n${usage}`);
  const [{ importArchive, ArchiveError }, { progressReporter }] = await Promise.all([
    import('./features/archive/archive.js'),
    import('./features/import/progress.js'),
  ]);
  const cfg = config(io);
  return withDb(cfg, async (db) => {
    await migrate(db);
    const progress = progressReporter(io.stderr);
    let summary;
    try {
      summary = await importArchive(db, cfg.dataDir, resolve(positionals[0]), progress.update);
    } catch (e) {
      if (e instanceof ArchiveError) {
        progress.finish();
        io.stderr.write(`chancery import-archive: ${positionals[0]}: ${e.message}\n`);
        return 2;
      }
      throw e;
    } finally {
      progress.finish();
    }
    io.stdout.write(`Loaded ${summary.rows} rows of ${summary.tables} tables and ${summary.files} media files from ${positionals[0]}.\n`);
    await announceContentChange(cfg, db);
    return 0;
  });
}

/** Tells the servers on this database that content changed, as the app does after an edit (change-bus.ts). */
async function announceContentChange(cfg: Config, db: Db): Promise<void> {
  const [{ createChangeBus }, { createPurger, ALL_PAGES_KEY }] = await Promise.all([
    import('./platform/change-bus.js'),
    import('./platform/purge.js'),
  ]);
  const log = { error: (o: object, m: string) => process.stderr.write(`${m}: ${String((o as { err?: unknown }).err ?? '')}\n`) };
  const bus = createChangeBus({ databaseUrl: cfg.databaseUrl, redisUrl: cfg.redisUrl, site: cfg.baseUrl, log, db });
  const purger = createPurger(cfg.purgeUrl, log);
  await bus.ready();
  bus.publish({ kind: 'content' });
  purger.purge([ALL_PAGES_KEY]);
  await Promise.all([bus.close(), purger.flush()]);
}

async function extractAllCommand(io: CliIo): Promise<number> {
  const [{ extractAll }, { progressReporter }] = await Promise.all([
    import('./features/dossiers/dossier-service.js'),
    import('./features/import/progress.js'),
  ]);
  const cfg = config(io);
  return withDb(cfg, async (db) => {
    await migrate(db);
    const progress = progressReporter(io.stderr);
    const t0 = Date.now();
    let result;
    try {
      result = await extractAll(db, { onProgress: (done, total) => progress.update(done, total, 'articles') });
    } finally {
      progress.finish();
    }
    // Dossiers changed: the running servers (and a CDN in front) drop their pages.
    await announceContentChange(cfg, db);
    io.stdout.write(
      `Extracted ${result.articles} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${result.facts} facts, ${result.review} waiting for review.\n`,
    );
    return 0;
  });
}

type NlpCli = Record<'runExtractCli' | 'runEvalCli', (argv: string[], io: CliIo) => Promise<number> | number>;

/** The knowledge engine's commands live in src/nlp/cli.ts, loaded only when asked for. */
async function nlp(fn: keyof NlpCli, argv: string[], io: CliIo): Promise<number> {
  // A variable specifier keeps the rest of the CLI independent of that module.
  const specifier = './nlp/cli.js';
  let mod: Partial<NlpCli>;
  try {
    mod = (await import(specifier)) as Partial<NlpCli>;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('nlp/cli')) {
      io.stderr.write('The knowledge engine commands are not available in this build.\n');
      return 1;
    }
    throw e;
  }
  const run = mod[fn];
  if (typeof run !== 'function') {
    io.stderr.write('The knowledge engine commands are not available in this build.\n');
    return 1;
  }
  return run(argv, io);
}
