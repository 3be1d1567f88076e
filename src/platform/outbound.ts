// Outbound HTTP requests (the comment webhook now; API webhooks and embeds later) reach public addresses
// only, unless the operator allows a host by name (OUTBOUND_ALLOWED_HOSTS). The address is checked when the
// connection is made, from the very lookup the socket uses, so a name that resolves to a public address for
// a check and to 127.0.0.1 a moment later (DNS rebinding) cannot slip through. No redirects are followed.
import type { MessageKey } from './i18n/index.js';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/** Every range that is not the public Internet: private, loopback, link-local (cloud metadata), CGNAT, multicast, reserved. */
const NOT_PUBLIC = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(net, bits, 'ipv6');
// (IPv4-mapped IPv6 addresses are checked as the IPv4 address they carry: a ::ffff:0:0/96 rule here would make
// BlockList refuse every IPv4 address too.)

/** True for an address on the public Internet. */
export function isPublicAddress(ip: string): boolean {
  const family = isIP(ip);
  if (!family) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return isPublicAddress(mapped[1]);
  return !NOT_PUBLIC.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export class OutboundBlocked extends Error {
  readonly code = 'OUTBOUND_BLOCKED';
}

const allowed = (hostname: string, allowedHosts: readonly string[]) => allowedHosts.includes(hostname.toLowerCase());

/** Why this URL may not be called (the catalogue key of a message for the person who typed it), or undefined when it may. */
export async function outboundProblem(raw: string, allowedHosts: readonly string[]): Promise<MessageKey | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'outbound.error.not_address';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'outbound.error.scheme';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowed(host, allowedHosts)) return undefined;
  const addresses = isIP(host) ? [host] : await resolveAll(host).catch(() => []);
  if (!addresses.length) return 'outbound.error.unresolved';
  if (addresses.some((a) => !isPublicAddress(a))) return 'outbound.error.private';
  return undefined;
}

function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, list) => (err ? reject(err) : resolve(list.map((a) => a.address)))),
  );
}

export interface OutboundResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}
/** A POST to another server; the shape of fetch that callers use, so a test may pass its own. */
export type OutboundPost = (
  url: string,
  init: { method: 'POST'; body: string; headers: Record<string, string>; signal?: AbortSignal; redirect?: 'error' },
) => Promise<OutboundResponse>;

const MAX_ANSWER = 64 * 1024;

/** A POST that reaches public addresses only (and the allowed hosts), follows no redirect and reads at most 64 KB. */
export function guardedPost(allowedHosts: readonly string[]): OutboundPost {
  return (raw, init) =>
    new Promise((resolve, reject) => {
      const url = new URL(raw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return reject(new OutboundBlocked('only http and https'));
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const trusted = allowed(host, allowedHosts);
      // An address written in the URL is never looked up: check it here.
      if (isIP(host) && !trusted && !isPublicAddress(host)) return reject(new OutboundBlocked(`${host} is not a public address`));
      const lookup = (
        hostname: string,
        options: object,
        callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
      ) => {
        dnsLookup(hostname, { ...options, all: true }, (err, list) => {
          if (err) return callback(err, '');
          const bad = list.find((a) => !trusted && !isPublicAddress(a.address));
          if (bad) return callback(new OutboundBlocked(`${hostname} resolves to ${bad.address}, not a public address`), '');
          if ((options as { all?: boolean }).all) return callback(null, list);
          callback(null, list[0].address, list[0].family);
        });
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        url,
        {
          method: init.method,
          headers: { ...init.headers, 'content-length': Buffer.byteLength(init.body) },
          lookup: lookup as never,
          signal: init.signal,
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size <= MAX_ANSWER) chunks.push(c);
            else res.destroy();
          });
          const done = () => {
            const status = res.statusCode ?? 0;
            // A redirect is an answer, never followed: fetch's redirect: 'error' in effect.
            resolve({ ok: status >= 200 && status < 300, status, text: async () => Buffer.concat(chunks).toString('utf8') });
          };
          res.on('end', done);
          res.on('close', done);
          res.on('error', reject);
        },
      );
      req.on('error', (err) => reject(err.name === 'AbortError' && init.signal?.reason ? init.signal.reason : err));
      req.end(init.body);
    });
}

/** An answer to a GET: status, content type and the body's bytes (cut at the size asked for). */
export interface OutboundGetResponse {
  ok: boolean;
  status: number;
  contentType: string;
  body: Buffer;
  /** True when the body was longer than the limit and was cut. */
  truncated: boolean;
}
/** A GET of another server; callers take this shape so a test may pass its own. */
export type OutboundGet = (url: string, opts?: { maxBytes?: number; timeoutMs?: number; accept?: string }) => Promise<OutboundGetResponse>;

/**
 * A GET that reaches public addresses only (and the allowed hosts), follows no redirect, gives up after
 * `timeoutMs` (5 s) and reads at most `maxBytes` (1 MB): for oEmbed answers and the thumbnails they name.
 */
export function guardedGet(allowedHosts: readonly string[]): OutboundGet {
  return (raw, opts = {}) =>
    new Promise((resolve, reject) => {
      const maxBytes = opts.maxBytes ?? 1024 * 1024;
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        return reject(new OutboundBlocked('not a web address'));
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return reject(new OutboundBlocked('only http and https'));
      const host = url.hostname.replace(/^\[|\]$/g, '');
      const trusted = allowed(host, allowedHosts);
      if (isIP(host) && !trusted && !isPublicAddress(host)) return reject(new OutboundBlocked(`${host} is not a public address`));
      const lookup = (
        hostname: string,
        options: object,
        callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
      ) => {
        dnsLookup(hostname, { ...options, all: true }, (err, list) => {
          if (err) return callback(err, '');
          const bad = list.find((a) => !trusted && !isPublicAddress(a.address));
          if (bad) return callback(new OutboundBlocked(`${hostname} resolves to ${bad.address}, not a public address`), '');
          if ((options as { all?: boolean }).all) return callback(null, list);
          callback(null, list[0].address, list[0].family);
        });
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(
        url,
        {
          method: 'GET',
          headers: { accept: opts.accept ?? '*/*', 'user-agent': 'Chancery (+oEmbed)' },
          lookup: lookup as never,
          timeout: opts.timeoutMs ?? 5000,
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let truncated = false;
          let settled = false;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size <= maxBytes) chunks.push(c);
            else {
              truncated = true;
              res.destroy();
            }
          });
          const done = () => {
            if (settled) return;
            settled = true;
            const status = res.statusCode ?? 0;
            resolve({
              ok: status >= 200 && status < 300,
              status,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks),
              truncated,
            });
          };
          res.on('end', done);
          res.on('close', done);
          res.on('error', (e) => (truncated ? done() : reject(e)));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} in time`)));
      req.on('error', reject);
      req.end();
    });
}
