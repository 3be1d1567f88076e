// Rendered public pages kept in memory with their compressed variants, dropped when what they show changes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf, isFresh, utf8 } from './render.js';
import { SESSION_COOKIE } from './session.js';
import { surrogateKeys } from './purge.js';

/** Compression levels for a page sent once: brotli quality and gzip level. */
export const FAST_BROTLI = 1;
export const FAST_GZIP = 1;

export interface RenderedPage {
  body: string;
  type?: string;
  status?: number;
  lastModified?: Date;
  /**
   * Narrower things the page shows, so that a change to one of them drops only the pages showing it
   * (e.g. `comments:12` for an article's thread, `comment-counts` for lists with counts).
   */
  tags?: string[];
}

/**
 * A page's bytes and their compressed variants, shared by every cached URL whose rendering is the same
 * (utm_ and other query strings the page ignores): such URLs cost the cache one copy, compressed once.
 */
interface Body {
  bytes: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  /** Cached entries using it; 0 for a page sent without being kept. */
  users: number;
}

interface Entry {
  key: string;
  body: Body;
  etag: string;
  lastModified?: Date;
  lastModifiedHeader?: string;
  type: string;
  status: number;
  storedAt: number;
  tags?: string[];
  /** Surrogate-Key and Cache-Tag values, so a CDN in front can drop what this instance drops. */
  keys: { surrogate: string; cacheTag: string };
  /** Complete response headers per encoding, built once: the fast path only writes them. */
  raw?: {
    identity?: Record<string, string>;
    gzip?: Record<string, string>;
    br?: Record<string, string>;
    notModified?: Record<string, string>;
  };
}

export interface PageCache {
  /** Serves a public page from memory, rendering it on a miss; answers 304 without rendering when current. */
  serve(request: FastifyRequest, reply: FastifyReply, render: () => Promise<RenderedPage>): Promise<FastifyReply>;
  /**
   * Answers a GET for a cached anonymous page straight from the node:http request, before the
   * framework routes it; returns false (having written nothing) when the request needs the app.
   */
  serveRaw(req: IncomingMessage, res: ServerResponse): boolean;
  /** Drops every cached page, or with tags only the pages tagged with one of them. */
  invalidate(tags?: string[]): void;
  /** Number of cached pages (for tests and metrics). */
  size(): number;
}

const CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/** True when the request carries a sign-in session (staff or reader). */
function hasSessionCookie(request: FastifyRequest): boolean {
  const c = request.headers.cookie;
  return c !== undefined && c.includes(`${SESSION_COOKIE}=`);
}

function keysOf(tags: string[] | undefined): Entry['keys'] {
  const keys = surrogateKeys(tags);
  return { surrogate: keys.join(' '), cacheTag: keys.join(',') };
}

const BR = /\bbr\b/;
const GZIP = /\bgzip\b/;

/** True when the raw request's validators match the entry (same rules as render.ts isFresh). */
function rawIsFresh(req: IncomingMessage, e: Entry): boolean {
  const inm = req.headers['if-none-match'];
  if (inm) return inm === e.etag || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === e.etag);
  const ims = req.headers['if-modified-since'];
  if (ims && e.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(e.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

/**
 * Creates a page cache; disabled, it still sets validators and answers 304.
 * `headers` (the security headers) are added to every response of the fast path, which bypasses the app's hooks.
 * A page is kept from its second request within the TTL: a URL asked for once (a crawler walking the
 * archive, stray query strings) is rendered and sent but not kept, so it neither pushes out pages readers
 * come back to nor leaves its bytes for the garbage collector after eviction. Under a load of such URLs a
 * kept-on-first-request cache held its whole budget plus as much again of evicted pages awaiting collection.
 */
export function createPageCache(opts: {
  enabled: boolean;
  maxEntries?: number;
  maxBytes?: number;
  ttlMs?: number;
  now?: () => number;
  headers?: Readonly<Record<string, string>>;
}): PageCache {
  const max = opts.maxEntries ?? 2000;
  // Memory, not the number of pages, is what runs out. 8 MB holds some 270 article pages with their gzip and
  // brotli variants: the pages a minute of readers asks for twice, most read first (a CDN honouring s-maxage
  // takes the rest). Under misses that are all kept (each URL asked for twice) the cache holds its budget plus
  // evicted pages awaiting collection, and malloc keeps that high mark: page buffers peaked at 40-74 MB with a
  // 32 MB budget, 17-22 with 16, 12-15 with 8, in a server that must stay under 150 MB.
  const maxBytes = opts.maxBytes ?? 8 * 1024 * 1024;
  let bytes = 0;
  const sizeOf = (b: Body) => b.bytes.length + (b.gzip?.length ?? 0) + (b.br?.length ?? 0);
  const ttl = opts.ttlMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Bodies of cached entries by ETag (a hash of the bytes); each body's bytes count once against the budget.
  const bodies = new Map<string, Body>();
  function keep(e: Entry) {
    const old = entries.get(e.key);
    if (old) drop(old);
    evict(true);
    entries.set(e.key, e);
    if (e.body.users++ === 0) {
      bodies.set(e.etag, e.body);
      bytes += sizeOf(e.body);
    }
    evict(false);
  }
  function drop(e: Entry) {
    entries.delete(e.key);
    if (--e.body.users === 0) {
      bodies.delete(e.etag);
      bytes -= sizeOf(e.body);
    }
  }
  /** Drops the oldest entries while over a limit, and expired ones (in insertion order, so the oldest come first). */
  function evict(makingRoom: boolean) {
    const at = now();
    for (const e of entries.values()) {
      const expired = at - e.storedAt >= ttl;
      if (!expired && !(makingRoom && entries.size >= max) && bytes <= maxBytes) break;
      drop(e);
      // An expired page was asked for twice: its next rendering is kept at once.
      if (expired) remember(e.key, at);
    }
  }
  // URLs rendered and not kept, with when, the oldest forgotten first: asked for again within the TTL, kept.
  const seen = new Map<string, number>();
  function remember(key: string, at: number) {
    seen.delete(key);
    if (seen.size >= max) seen.delete(seen.keys().next().value!);
    seen.set(key, at);
  }
  /** True when a rendering of `key` is worth keeping: its URL was asked for before, within the TTL. */
  function admit(key: string, at: number): boolean {
    const first = seen.get(key);
    if (first !== undefined && at - first < ttl) {
      seen.delete(key);
      return true;
    }
    remember(key, at);
    return false;
  }

  function send(request: FastifyRequest, reply: FastifyReply, e: Entry) {
    reply.header('etag', e.etag);
    if (e.lastModifiedHeader) reply.header('last-modified', e.lastModifiedHeader);
    const shared = e.status === 200 && !hasSessionCookie(request);
    reply.header('cache-control', e.status !== 200 ? 'no-store' : shared ? CACHE_CONTROL : 'private, no-cache');
    if (shared) reply.header('surrogate-key', e.keys.surrogate).header('cache-tag', e.keys.cacheTag);
    reply.header('vary', 'Accept-Encoding, Cookie');
    reply.header('content-type', e.type);
    if (e.status === 200 && isFresh(request, e.etag, e.lastModified)) return reply.code(304).send();
    const ae = String(request.headers['accept-encoding'] ?? '');
    // Compress once per body, on the first request that asks for it.
    if (e.body.bytes.length > 1024 && /\bbr\b/.test(ae)) {
      reply.header('content-encoding', 'br');
      return reply.code(e.status).send(compressed(e.body, 'br'));
    }
    if (e.body.bytes.length > 1024 && /\bgzip\b/.test(ae)) {
      reply.header('content-encoding', 'gzip');
      return reply.code(e.status).send(compressed(e.body, 'gzip'));
    }
    return reply.code(e.status).send(e.body.bytes);
  }

  function compressed(b: Body, encoding: 'br' | 'gzip'): Buffer {
    const have = encoding === 'br' ? b.br : b.gzip;
    if (have) return have;
    // A page sent once and not kept (a first request, a personal page) is compressed at the fastest level:
    // brotli 5 or gzip 6 cost several times a fast level's CPU for a sixth fewer bytes, worth it only for
    // bytes sent again and again.
    if (b.users === 0)
      return encoding === 'br'
        ? brotliCompressSync(b.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: FAST_BROTLI } })
        : gzipSync(b.bytes, { level: FAST_GZIP });
    const made =
      encoding === 'br'
        ? brotliCompressSync(b.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
        : gzipSync(b.bytes, { level: 6 });
    if (encoding === 'br') b.br = made;
    else b.gzip = made;
    if (b.users > 0) {
      bytes += made.length;
      evict(false);
    }
    return made;
  }

  function rawHeaders(e: Entry, encoding: 'identity' | 'br' | 'gzip' | 'notModified'): Record<string, string> {
    const raw = (e.raw ??= {});
    const have = raw[encoding];
    if (have) return have;
    const h: Record<string, string> = { ...opts.headers, etag: e.etag };
    if (e.lastModifiedHeader) h['last-modified'] = e.lastModifiedHeader;
    h['cache-control'] = CACHE_CONTROL;
    h['surrogate-key'] = e.keys.surrogate;
    h['cache-tag'] = e.keys.cacheTag;
    h.vary = 'Accept-Encoding, Cookie';
    h['content-type'] = e.type;
    if (encoding === 'br' || encoding === 'gzip') {
      h['content-encoding'] = encoding;
      h['content-length'] = String(compressed(e.body, encoding).length);
    } else if (encoding === 'identity') h['content-length'] = String(e.body.bytes.length);
    return (raw[encoding] = h);
  }

  return {
    serveRaw(req, res) {
      if (!opts.enabled || req.method !== 'GET') return false;
      const c = req.headers.cookie;
      if (c !== undefined && c.includes(`${SESSION_COOKIE}=`)) return false;
      const e = entries.get(req.url ?? '');
      if (!e || now() - e.storedAt >= ttl) return false;
      if (rawIsFresh(req, e)) {
        res.writeHead(304, rawHeaders(e, 'notModified'));
        res.end();
        return true;
      }
      const ae = req.headers['accept-encoding'];
      if (ae && e.body.bytes.length > 1024) {
        const enc = BR.test(ae) ? 'br' : GZIP.test(ae) ? 'gzip' : undefined;
        if (enc) {
          res.writeHead(200, rawHeaders(e, enc));
          res.end(compressed(e.body, enc));
          return true;
        }
      }
      res.writeHead(200, rawHeaders(e, 'identity'));
      res.end(e.body.bytes);
      return true;
    },
    async serve(request, reply, render) {
      const key = request.url;
      // A signed-in visitor may see a personal page (their comment form, their name): never shared.
      const personal = hasSessionCookie(request);
      const cacheable = opts.enabled && request.method === 'GET' && !personal;
      const hit = cacheable ? entries.get(key) : undefined;
      if (hit && now() - hit.storedAt < ttl) return send(request, reply, hit);
      const page = await render();
      const rendered = utf8(page.body);
      const etag = etagOf(rendered);
      const lm = page.lastModified && !Number.isNaN(page.lastModified.getTime()) ? page.lastModified : undefined;
      const entry: Entry = {
        key,
        body: bodies.get(etag) ?? { bytes: rendered, users: 0 },
        etag,
        lastModified: lm,
        lastModifiedHeader: lm?.toUTCString(),
        type: page.type ?? 'text/html; charset=utf-8',
        status: page.status ?? 200,
        storedAt: now(),
        tags: page.tags,
        keys: keysOf(page.tags),
      };
      // An expired page was asked for twice already; its new rendering is kept at once.
      if (cacheable && entry.status === 200 && (hit !== undefined || admit(key, entry.storedAt))) keep(entry);
      return send(request, reply, entry);
    },
    invalidate(tags) {
      // A dropped page was asked for twice: its next rendering is kept, as before the change.
      const at = now();
      for (const [k, e] of entries) {
        if (!tags || e.tags?.some((t) => tags.includes(t))) {
          drop(e);
          remember(k, at);
        }
      }
    },
    size() {
      return entries.size;
    },
  };
}
