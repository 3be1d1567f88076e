// Form helpers shared by every feature: reading fields, checking CSRF.
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { AppError } from './errors.js';
import { csrfValid, SESSION_COOKIE, VISITOR_COOKIE } from './session.js';
import { createHash } from 'node:crypto';

/** The form body as a plain record (empty when the body was not a form). */
export function formOf(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/** One text field; arrays take their first value; missing is ''. */
export function field(form: Record<string, unknown>, name: string): string {
  const v = form[name];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return '';
}

/** What CSRF tokens are bound to for this request: the session (hashed) or the visitor cookie. */
export function csrfBinding(request: FastifyRequest): string | undefined {
  const s = request.cookies[SESSION_COOKIE];
  if (s) return createHash('sha256').update(s).digest('hex');
  return request.cookies[VISITOR_COOKIE];
}

/** Throws a 403 with a clear message unless the form carries a valid CSRF token. */
export function requireCsrf(secret: string, request: FastifyRequest): void {
  const token = formOf(request)._csrf ?? request.headers['x-csrf-token'];
  if (!csrfValid(secret, csrfBinding(request), token)) throw new AppError('csrf', 'error.csrf');
}
