// The only reader of process.env: one table of options, their defaults and validation.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isIP } from 'node:net';
import { join } from 'node:path';

/** The secret kept beside the database, so a restart does not sign everyone out. */
function storedSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  try {
    const s = readFileSync(file, 'utf8').trim();
    if (s.length >= 32) return s;
  } catch {
    /* first start */
  }
  const s = randomBytes(32).toString('hex');
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, s + '\n', { mode: 0o600 });
  } catch (e) {
    throw new Error(`CHANCERY_DATA_DIR: cannot keep the session secret in ${dataDir}: ${dataDirProblem(e)}`);
  }
  return s;
}

/** A file-system error on the data folder, said plainly. */
export function dataDirProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'part of that path is a file, not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'not allowed to write there';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  return (e as Error).message;
}

/** A configuration problem: the message names the setting; the command exits 1. */
export class ConfigError extends Error {}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  baseUrl: string;
  sessionSecret: string;
  env: 'development' | 'production' | 'test';
  dataDir: string;
  loadDemo: boolean;
  pageCache: boolean;
  logLevel: string;
  adminEmail: string;
  adminPassword: string;
  smtpUrl: string;
  mailFrom: string;
  workers: number;
  /** Requests the app works on at once per process; the rest wait in arrival order (0: no limit). */
  maxActive: number;
  /** Requests that may wait for the app per process; one more is answered 503 with Retry-After. */
  maxQueue: number;
  redisUrl: string;
  purgeUrl: string;
  /** Which peers may tell the client's address in X-Forwarded-For: none (false), a hop count, or addresses and CIDRs. */
  trustedProxies: false | number | string[];
  /** Hosts that outbound requests (webhooks) may reach although they resolve to private addresses. */
  outboundAllowedHosts: string[];
  /** S3-compatible storage for the media library; an empty bucket keeps files under DATA_DIR/media. */
  s3Bucket: string;
  s3Endpoint: string;
  s3Region: string;
  s3AccessKeyId: string;
  s3SecretAccessKey: string;
  s3PublicUrl: string;
}

interface Option {
  env: string;
  key: keyof Config;
  doc: string;
  default: (c: Partial<Config>) => string;
  parse?: (raw: string) => unknown;
}

const bool = (raw: string) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`expected true or false, got "${raw}"`);
};
/** '' trusts no proxy; a whole number trusts that many hops; otherwise a list of addresses and CIDRs. */
export function parseTrustedProxies(raw: string): false | number | string[] {
  const v = raw.trim();
  if (v === '' || /^(none|false|0)$/i.test(v)) return false;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const item of list) {
    const [addr, bits, extra] = item.split('/');
    const family = isIP(addr);
    const max = family === 4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max);
    if (!family || !bitsOk || extra !== undefined)
      throw new Error(`expected a number of hops or addresses and CIDRs separated by commas, got "${item}"`);
  }
  return list;
}
const port = (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`expected a port number, got "${raw}"`);
  return n;
};

/** Every option Chancery reads, in the order the README documents them. */
export const OPTIONS: Option[] = [
  { env: 'PORT', key: 'port', doc: 'HTTP port', default: () => '3000', parse: port },
  { env: 'HOST', key: 'host', doc: 'Interface to listen on', default: () => '127.0.0.1' },
  { env: 'CHANCERY_DATA_DIR', key: 'dataDir', doc: 'Folder for the SQLite file, outbox and uploads', default: () => './data' },
  {
    env: 'DATABASE_URL',
    key: 'databaseUrl',
    doc: 'sqlite:PATH or postgres://user@host/db',
    default: (c) => `sqlite:${c.dataDir ?? './data'}/chancery.db`,
  },
  {
    env: 'BASE_URL',
    key: 'baseUrl',
    doc: 'Public URL used in feeds, sitemaps and mails',
    default: (c) => `http://localhost:${c.port ?? 3000}`,
  },
  {
    env: 'SESSION_SECRET',
    key: 'sessionSecret',
    doc: 'Secret for signing cookies and CSRF tokens (32+ chars); when unset, one is generated once and kept in DATA_DIR/session-secret',
    default: (c) => storedSecret(c.dataDir ?? './data'),
    parse: (r) => {
      if (r.length < 32) throw new Error('must be at least 32 characters');
      return r;
    },
  },
  {
    env: 'NODE_ENV',
    key: 'env',
    doc: 'development, production or test',
    default: () => 'development',
    parse: (r) => {
      if (!['development', 'production', 'test'].includes(r)) throw new Error(`expected development, production or test, got "${r}"`);
      return r;
    },
  },
  {
    env: 'CHANCERY_DEMO',
    key: 'loadDemo',
    doc: 'Load the demo newsroom into an empty database on start',
    default: () => 'true',
    parse: bool,
  },
  { env: 'CHANCERY_PAGE_CACHE', key: 'pageCache', doc: 'Keep rendered public pages in memory', default: () => 'true', parse: bool },
  {
    env: 'LOG_LEVEL',
    key: 'logLevel',
    doc: 'fatal, error, warn, info (every request), debug or silent',
    default: () => 'warn',
    parse: (r) => {
      if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(r))
        throw new Error(`expected fatal, error, warn, info, debug or silent, got "${r}"`);
      return r;
    },
  },
  {
    env: 'CHANCERY_ADMIN_EMAIL',
    key: 'adminEmail',
    doc: 'Email of the demo admin created with the demo newsroom',
    default: () => 'admin@example.org',
  },
  { env: 'CHANCERY_ADMIN_PASSWORD', key: 'adminPassword', doc: 'Password of the demo admin', default: () => 'chancery-demo' },
  {
    env: 'SMTP_URL',
    key: 'smtpUrl',
    doc: 'SMTP server for outgoing mail (smtp://user:pass@host:587); empty writes mail to DATA_DIR/outbox',
    default: () => '',
  },
  { env: 'MAIL_FROM', key: 'mailFrom', doc: 'Sender address of outgoing mail', default: () => 'Chancery <no-reply@localhost>' },
  {
    env: 'CHANCERY_WORKERS',
    key: 'workers',
    doc: 'Processes `serve` runs, sharing the port (`serve --workers N` wins); 1 serves in one process',
    default: () => String(availableParallelism()),
    parse: (r) => {
      const n = Number(r);
      if (!Number.isInteger(n) || n < 1 || n > 256) throw new Error(`expected a number of workers from 1 to 256, got "${r}"`);
      return n;
    },
  },
  {
    env: 'CHANCERY_MAX_ACTIVE',
    key: 'maxActive',
    doc: 'Requests a process works on at once (cached pages excepted); the rest wait their turn in arrival order; 0 for no limit',
    default: () => '8',
    parse: (r) => {
      const n = Number(r);
      if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new Error(`expected a number from 0 to 10000, got "${r}"`);
      return n;
    },
  },
  {
    env: 'CHANCERY_MAX_QUEUE',
    key: 'maxQueue',
    doc: 'Requests that may wait their turn in a process; beyond that a request is answered 503 with Retry-After at once',
    default: () => '512',
    parse: (r) => {
      const n = Number(r);
      if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new Error(`expected a number from 0 to 1000000, got "${r}"`);
      return n;
    },
  },
  {
    env: 'REDIS_URL',
    key: 'redisUrl',
    doc: 'redis://host:6379: instances tell each other of changes through Redis pub/sub (PostgreSQL LISTEN/NOTIFY otherwise)',
    default: () => '',
    parse: (r) => {
      if (r === '') return r;
      if (!/^rediss?:\/\//.test(r)) throw new Error(`expected redis:// or rediss://, got "${r}"`);
      return r;
    },
  },
  {
    env: 'CHANCERY_PURGE_URL',
    key: 'purgeUrl',
    doc: 'URL sent a PURGE request with the surrogate keys of the pages a change drops (a CDN or caching proxy)',
    default: () => '',
    parse: (r) => {
      if (r === '') return r;
      if (!/^https?:\/\//.test(r)) throw new Error(`expected an http:// or https:// URL, got "${r}"`);
      return r;
    },
  },
  {
    env: 'TRUSTED_PROXIES',
    key: 'trustedProxies',
    doc: 'Reverse proxies whose X-Forwarded-For is believed: addresses or CIDRs separated by commas (127.0.0.1,10.0.0.0/8), or a number of hops; empty trusts none',
    default: () => '',
    parse: parseTrustedProxies,
  },
  {
    env: 'OUTBOUND_ALLOWED_HOSTS',
    key: 'outboundAllowedHosts',
    doc: 'Host names that webhooks may reach even on private or local addresses, separated by commas; empty allows public addresses only',
    default: () => '',
    parse: (r) =>
      r
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
  },
  {
    env: 'S3_BUCKET',
    key: 's3Bucket',
    doc: 'Bucket of S3-compatible storage for the media library; empty keeps images under DATA_DIR/media',
    default: () => '',
  },
  {
    env: 'S3_ENDPOINT',
    key: 's3Endpoint',
    doc: 'Address of the S3-compatible service (https://s3.eu-central-1.amazonaws.com, http://127.0.0.1:9000)',
    default: (c) => (c.s3Bucket ? 'https://s3.amazonaws.com' : ''),
    parse: (r) => {
      if (r !== '' && !/^https?:\/\/[^/]+/.test(r)) throw new Error(`expected an http:// or https:// URL, got "${r}"`);
      return r;
    },
  },
  {
    env: 'S3_REGION',
    key: 's3Region',
    doc: 'Region of the bucket (most services other than AWS accept us-east-1)',
    default: () => 'us-east-1',
  },
  { env: 'S3_ACCESS_KEY_ID', key: 's3AccessKeyId', doc: 'Access key of the bucket', default: () => '' },
  { env: 'S3_SECRET_ACCESS_KEY', key: 's3SecretAccessKey', doc: 'Secret key of the bucket', default: () => '' },
  {
    env: 'S3_PUBLIC_URL',
    key: 's3PublicUrl',
    doc: 'Address where the bucket can be read publicly (a CDN); empty serves images through Chancery',
    default: () => '',
    parse: (r) => {
      if (r !== '' && !/^https?:\/\/[^/]+/.test(r)) throw new Error(`expected an http:// or https:// URL, got "${r}"`);
      return r;
    },
  },
];

/** Reads and validates the configuration; throws one readable error listing every bad option. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const out: Partial<Config> = {};
  const errors: string[] = [];
  for (const o of OPTIONS) {
    if (o.key in overrides) {
      (out as any)[o.key] = overrides[o.key];
      continue;
    }
    const raw = env[o.env];
    try {
      const value = raw === undefined || raw === '' ? o.default(out) : raw;
      (out as any)[o.key] = o.parse ? o.parse(value) : value;
    } catch (e) {
      const message = (e as Error).message;
      errors.push(message.startsWith(`${o.env}:`) || message.includes('CHANCERY_DATA_DIR:') ? message : `${o.env}: ${message}`);
    }
  }
  if (out.s3Bucket && !(out.s3AccessKeyId && out.s3SecretAccessKey))
    errors.push(
      'S3_BUCKET: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY as well, or leave S3_BUCKET empty to keep images under the data folder',
    );
  if (errors.length) throw new ConfigError(`Invalid configuration:\n  ${errors.join('\n  ')}`);
  out.baseUrl = out.baseUrl!.replace(/\/+$/, '');
  return out as Config;
}
