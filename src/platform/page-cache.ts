// Rendered public pages kept in memory with their compressed variants, dropped on any content change.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagOf, isFresh } from './render.js';
import { SESSION_COOKIE } from './session.js';

export interface RenderedPage {
  body: string;
  type?: string;
  status?: number;
  lastModified?: Date;
}

interface Entry {
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
  lastModified?: Date;
  lastModifiedHeader?: string;
  type: string;
  status: number;
  storedAt: number;
}

export interface PageCache {
  /** Serves a public page from memory, rendering it on a miss; answers 304 without rendering when current. */
  serve(request: FastifyRequest, reply: FastifyReply, render: () => Promise<RenderedPage>): Promise<FastifyReply>;
  /** Drops every cached page: called whenever published content changes. */
  invalidate(): void;
  /** Number of cached pages (for tests and metrics). */
  size(): number;
}

const CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=300';

/** True when the request carries a sign-in session (staff or reader). */
function hasSessionCookie(request: FastifyRequest): boolean {
  const c = request.headers.cookie;
  return c !== undefined && c.includes(`${SESSION_COOKIE}=`);
}

/** Creates a page cache; disabled, it still sets validators and answers 304. */
export function createPageCache(opts: { enabled: boolean; maxEntries?: number; ttlMs?: number; now?: () => number }): PageCache {
  const max = opts.maxEntries ?? 2000;
  const ttl = opts.ttlMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let entries = new Map<string, Entry>();

  function send(request: FastifyRequest, reply: FastifyReply, e: Entry) {
    reply.header('etag', e.etag);
    if (e.lastModifiedHeader) reply.header('last-modified', e.lastModifiedHeader);
    reply.header('cache-control', e.status !== 200 ? 'no-store' : hasSessionCookie(request) ? 'private, no-cache' : CACHE_CONTROL);
    reply.header('vary', 'Accept-Encoding, Cookie');
    reply.header('content-type', e.type);
    if (e.status === 200 && isFresh(request, e.etag, e.lastModified)) return reply.code(304).send();
    const ae = String(request.headers['accept-encoding'] ?? '');
    // Compress once per entry, on the first request that asks for it.
    if (e.body.length > 1024 && /\bbr\b/.test(ae)) {
      e.br ??= brotliCompressSync(e.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
      reply.header('content-encoding', 'br');
      return reply.code(e.status).send(e.br);
    }
    if (e.body.length > 1024 && /\bgzip\b/.test(ae)) {
      e.gzip ??= gzipSync(e.body, { level: 6 });
      reply.header('content-encoding', 'gzip');
      return reply.code(e.status).send(e.gzip);
    }
    return reply.code(e.status).send(e.body);
  }

  return {
    async serve(request, reply, render) {
      const key = request.url;
      // A signed-in visitor may see a personal page (their comment form, their name): never shared.
      const personal = hasSessionCookie(request);
      const cacheable = opts.enabled && request.method === 'GET' && !personal;
      const hit = cacheable ? entries.get(key) : undefined;
      if (hit && now() - hit.storedAt < ttl) return send(request, reply, hit);
      const page = await render();
      const body = Buffer.from(page.body);
      const lm = page.lastModified && !Number.isNaN(page.lastModified.getTime()) ? page.lastModified : undefined;
      const entry: Entry = {
        body, etag: etagOf(body), lastModified: lm, lastModifiedHeader: lm?.toUTCString(),
        type: page.type ?? 'text/html; charset=utf-8', status: page.status ?? 200, storedAt: now(),
      };
      if (cacheable && entry.status === 200) {
        if (entries.size >= max) entries.delete(entries.keys().next().value!);
        entries.set(key, entry);
      }
      return send(request, reply, entry);
    },
    invalidate() { entries = new Map(); },
    size() { return entries.size; },
  };
}
