// The information service under /api/v1: one encapsulated Fastify plugin with its own validator (unknown
// fields refused), problem documents for every error (RFC 9457), ETags, compression, keys and rate limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppCtx } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { packageRoot } from '../../platform/package-root.js';
import { createRateCounters, type RateCounters } from '../../platform/rate-counters.js';
import { etagOf, isFresh, renderDocument } from '../../platform/render.js';
import { ANONYMOUS_RATE, hashKey, prefixOf } from './api-key.js';
import { findApiKeyByPrefix, listActiveKeyOrigins, touchApiKey } from './api-key-store.js';
import { registerApiKeyAdminRoutes } from './admin-routes.js';
import { registerWebhookAdminRoutes } from './webhook-admin-routes.js';
import type { ApiRoute } from './api-route.js';
import { extractRoute } from './extract-route.js';
import { openApiDocument } from './openapi.js';
import type { CommentService } from '../comments/moderation-service.js';
import { oauthApiRoutes, registerOauthPages } from './oauth-routes.js';
import { sha256hex } from './oauth.js';
import { findLiveToken } from './oauth-store.js';
import { readRoutes, type Caller } from './read-routes.js';
import { writeRoutes } from './write-routes.js';
import { ReferencePage } from './reference-page.js';
import { SCHEMAS } from './schemas.js';

export const API_PREFIX = '/api/v1';
const VERSION = (JSON.parse(readFileSync(join(packageRoot(import.meta.url), 'package.json'), 'utf8')) as { version: string }).version;

/** The largest request body the API reads. */
export const BODY_LIMIT = 64 * 1024;
const EXPOSED = 'etag, link, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

export interface ProblemError {
  detail: string;
  pointer?: string;
  parameter?: string;
}

/**
 * Validators of one plugin: query and path values are coerced from strings; JSON bodies are taken as they
 * are. Ajv is loaded and each schema compiled on the API's first use, so a server that nobody asks for data
 * does not pay for them at start (Fastify's own validator is lazy for the same reason, see app.ts).
 */
function lazyValidators() {
  let loaded: { coercing: Ajv; strict: Ajv } | undefined;
  return {
    async load() {
      if (loaded) return;
      const [{ Ajv }, formats] = await Promise.all([import('ajv'), import('ajv-formats')]);
      const addFormats = ((formats.default as { default?: unknown }).default ?? formats.default) as unknown as (a: Ajv) => Ajv;
      const make = (coerce: boolean) => {
        const ajv = new Ajv({
          allErrors: true,
          coerceTypes: coerce ? 'array' : false,
          useDefaults: true,
          removeAdditional: false,
          strict: false,
        });
        addFormats(ajv);
        for (const s of SCHEMAS) ajv.addSchema(s);
        return ajv;
      };
      loaded = { coercing: make(true), strict: make(false) };
    },
    /** A validator that compiles its schema when first run (after load()). */
    compiler(schema: object, body: boolean) {
      let compiled: ValidateFunction | undefined;
      const validate = (data: unknown) => {
        compiled ??= (body ? loaded!.strict : loaded!.coercing).compile(schema);
        const ok = compiled(data);
        validate.errors = compiled.errors;
        return ok;
      };
      validate.errors = null as ValidateFunction['errors'];
      return validate;
    },
  };
}

/** Ajv's findings as problem entries a person can act on. */
function problemErrors(errors: ErrorObject[], context: string): ProblemError[] {
  return errors.map((e) => {
    const p = e.params as { additionalProperty?: string; missingProperty?: string; allowedValues?: unknown[] };
    const at = p.additionalProperty ?? p.missingProperty;
    const path = at ? `${e.instancePath}/${at}` : e.instancePath;
    const detail =
      e.keyword === 'additionalProperties'
        ? context === 'body'
          ? 'Unknown field.'
          : 'Unknown parameter.'
        : e.keyword === 'required'
          ? 'Required.'
          : e.keyword === 'enum'
            ? `Must be one of: ${(p.allowedValues ?? []).join(', ')}.`
            : `${(e.message ?? 'is not valid').replace(/^must/, 'Must')}.`;
    return context === 'body' ? { detail, pointer: path || '/' } : { detail, parameter: path.replace(/^\//, '').split('/')[0] || context };
  });
}

const RATE_WINDOW_MS = 60_000;

/** A store for @fastify/rate-limit over shared counters (the plugin builds it with `new`, and a child per route). */
function rateStoreOver(counters: RateCounters) {
  return class SharedRateStore {
    incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number) {
      counters.hit(key, timeWindow || RATE_WINDOW_MS).then(
        (r) => cb(null, { current: r.count, ttl: r.resetMs }),
        (err: Error) => cb(err),
      );
    }
    child() {
      return this;
    }
  };
}

/** Registers the API under /api/v1. */
export async function registerApiRoutes(server: FastifyInstance, ctx: AppCtx, services: { comments: CommentService }): Promise<void> {
  const routes: ApiRoute[] = [...readRoutes(ctx), ...writeRoutes(ctx, services.comments), ...oauthApiRoutes(ctx), extractRoute()];
  // The document and its page are built when first asked for.
  let built: { json: string; page: string } | undefined;
  const documentOnce = () => {
    if (!built) {
      const document = openApiDocument(routes, SCHEMAS, { serverUrl: ctx.config.baseUrl, version: VERSION });
      built = { json: JSON.stringify(document), page: renderDocument(ReferencePage({ document, prefix: API_PREFIX })) };
    }
    return built;
  };
  const validators = lazyValidators();
  const counters = createRateCounters({
    db: ctx.db,
    clock: ctx.clock,
    redisUrl: ctx.config.redisUrl || undefined,
    site: ctx.config.baseUrl,
    log: server.log,
  });
  server.addHook('onClose', () => counters.close());

  const lastTouched = new Map<number, number>();
  /** The caller behind the Authorization header: a partner key, or anyone (no header). */
  async function callerFor(request: FastifyRequest): Promise<Caller> {
    const header = request.headers.authorization;
    if (header === undefined) return { scopes: new Set(), origins: [], rateLimit: ANONYMOUS_RATE };
    const token = /^Bearer ([^\s]{1,200})$/i.exec(header)?.[1] ?? '';
    if (token.startsWith('cht_')) {
      // A reader's access token: the reader, the scopes they granted, and their app's key for limits and origins.
      const live = await findLiveToken(ctx.db, sha256hex(token), 'access', ctx.clock());
      if (!live) throw unauthorized('The access token is unknown, expired or revoked.');
      return { keyId: live.keyId, userId: live.userId, scopes: new Set(live.scopes), origins: live.origins, rateLimit: live.rateLimit };
    }
    const prefix = prefixOf(token);
    const key = prefix ? await findApiKeyByPrefix(ctx.db, prefix) : undefined;
    const given = Buffer.from(hashKey(token));
    if (!key || !timingSafeEqual(given, Buffer.from(key.hash))) throw unauthorized('The key is not one this service issued.');
    const now = ctx.clock();
    if (key.revokedAt) throw unauthorized('The key has been revoked.');
    if (key.expiresAt && key.expiresAt <= now.toISOString()) throw unauthorized('The key has expired.');
    // Noted at most once a minute per key: a busy partner should not write on every request.
    if ((lastTouched.get(key.id) ?? 0) < now.getTime() - 60_000) {
      lastTouched.set(key.id, now.getTime());
      await touchApiKey(ctx.db, key.id, now);
    }
    return { keyId: key.id, scopes: new Set(key.scopes), origins: key.origins, rateLimit: key.rateLimit };
  }
  const unauthorized = (detail: string) =>
    Object.assign(new AppError('unauthorized', detail), { challenge: 'Bearer error="invalid_token"' });

  const problemType = (status: number) => `${ctx.config.baseUrl}${API_PREFIX}/reference#problem-${status}`;

  function sendProblem(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    detail: string,
    errors?: ProblemError[],
    extra: Record<string, string> = {},
  ) {
    const body = {
      type: problemType(status),
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      instance: request.url.split('?')[0],
      ...(errors?.length ? { errors } : {}),
      ...extra,
    };
    return reply
      .code(status)
      .header('cache-control', 'no-store')
      .type('application/problem+json; charset=utf-8')
      .send(JSON.stringify(body));
  }

  /** JSON with an ETag; 304 when the client's copy is current. */
  function sendJson(request: FastifyRequest, reply: FastifyReply, status: number, data: unknown) {
    const body = JSON.stringify(data);
    reply.type('application/json; charset=utf-8');
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply.code(status).header('cache-control', 'no-store').send(body);
    const etag = `W/${etagOf(body)}`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (isFresh(request, etag.slice(2))) return reply.code(304).send();
    return reply.code(status).send(body);
  }

  await server.register(
    async (api) => {
      api.setValidatorCompiler(({ schema, httpPart }) => validators.compiler(schema, httpPart === 'body'));
      // Bodies and answers are serialised by sendJson; the response schemas document and test, they do not filter.
      api.setSerializerCompiler(() => (data) => JSON.stringify(data));
      api.setSchemaErrorFormatter((errors, context) => {
        const e = new AppError('bad_request', context === 'body' ? 'The body does not match the schema.' : 'A parameter is not valid.');
        (e as AppError & { problems: ProblemError[] }).problems = problemErrors(errors as ErrorObject[], context);
        return e;
      });
      api.setErrorHandler((err: FastifyError | AppError, request, reply) => {
        const problems = (err as { problems?: ProblemError[] }).problems;
        if (problems) return sendProblem(request, reply, 400, err.message, problems);
        if (err instanceof AppError) {
          const errors = Object.entries(err.fields).map(([k, detail]) =>
            request.method === 'GET' || request.method === 'HEAD' || request.method === 'DELETE'
              ? { parameter: k, detail }
              : { pointer: `/${k}`, detail },
          );
          const challenge = (err as AppError & { challenge?: string }).challenge;
          if (err.status === 401) reply.header('www-authenticate', challenge ?? 'Bearer');
          if (err.status === 429 && (err as AppError & { retryAfter?: number }).retryAfter)
            reply.header('retry-after', String((err as AppError & { retryAfter?: number }).retryAfter));
          return sendProblem(
            request,
            reply,
            err.status,
            err.message,
            errors,
            (err as AppError & { problemExtra?: Record<string, string> }).problemExtra,
          );
        }
        const status = (err as FastifyError).statusCode ?? 500;
        if (status >= 500 || status < 400) {
          request.log.error({ err }, 'api request failed');
          return sendProblem(request, reply, 500, 'Something went wrong on our side; it has been logged.');
        }
        const code = (err as FastifyError).code;
        const detail =
          code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'Send the body as application/json.'
            : code === 'FST_ERR_CTP_BODY_TOO_LARGE'
              ? 'The body is larger than this endpoint takes.'
              : code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
                ? 'The body is empty; send a JSON object.'
                : status === 400
                  ? 'The body is not valid JSON.'
                  : err.message;
        return sendProblem(request, reply, status, detail);
      });
      api.setNotFoundHandler((request, reply) => sendProblem(request, reply, 404, 'No such endpoint; see /api/v1/openapi.json.'));

      // Bodies are JSON (and forms, for the OAuth token endpoint): plain text is refused with 415.
      api.removeContentTypeParser('text/plain');
      await api.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });

      // Who is calling (a partner key, or anyone), then whether their browser origin may: before the rate limit,
      // which counts per key.
      api.addHook('onRequest', async (request, reply) => {
        await validators.load();
        const caller = await callerFor(request);
        (request as FastifyRequest & { apiCaller: Caller }).apiCaller = caller;
        const origin = request.headers.origin;
        if (!origin || request.method === 'OPTIONS') return;
        reply.header('vary', 'origin');
        if (caller.keyId === undefined) {
          // Public content without credentials: any page may read it, at the anonymous rate.
          reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', EXPOSED);
          return;
        }
        if (!caller.origins.includes(origin)) throw new AppError('forbidden', `This key may not be used from ${origin.slice(0, 100)}.`);
        reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', EXPOSED);
      });

      await api.register(rateLimit, {
        global: true,
        timeWindow: RATE_WINDOW_MS,
        enableDraftSpec: true,
        // Counted where every instance and worker sees the same figures (platform/rate-counters.ts); should
        // Redis or the database fail to count, requests are answered rather than refused.
        store: rateStoreOver(counters),
        skipOnError: true,
        keyGenerator: (request) => {
          const c = (request as FastifyRequest & { apiCaller?: Caller }).apiCaller;
          return c?.keyId !== undefined ? `key:${c.keyId}` : `ip:${request.ip}`;
        },
        max: async (request) => (request as FastifyRequest & { apiCaller?: Caller }).apiCaller?.rateLimit ?? ANONYMOUS_RATE,
        errorResponseBuilder: (_request, context) =>
          Object.assign(new AppError('rate_limited', `Over the limit of ${context.max} requests a minute; retry in ${context.after}.`), {
            retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)),
          }),
      });

      // A browser asks before sending a key: answered for the origins of any active key.
      api.options('/*', async (request, reply) => {
        const origin = request.headers.origin;
        reply.header('vary', 'origin').header('cache-control', 'no-store');
        if (origin && (await listActiveKeyOrigins(ctx.db, ctx.clock())).has(origin))
          reply
            .header('access-control-allow-origin', origin)
            .header('access-control-allow-methods', 'GET, POST, DELETE')
            .header('access-control-allow-headers', 'authorization, content-type, if-none-match')
            .header('access-control-max-age', '600');
        return reply.code(204).send();
      });

      for (const route of routes) {
        api.route({
          method: route.method,
          url: route.url,
          // Comments and registrations are small: a large body is refused before it is read.
          bodyLimit: route.bodyLimit ?? BODY_LIMIT,
          schema: {
            ...(route.params ? { params: route.params } : {}),
            ...(route.querystring ? { querystring: route.querystring } : {}),
            ...(route.body ? { body: route.body } : {}),
          },
          handler: async (request, reply) => {
            const caller = (request as FastifyRequest & { apiCaller: Caller }).apiCaller;
            // Public reading needs no scope; everything else needs the scope on the key or token.
            if (route.scope !== 'read' && !caller.scopes.has(route.scope)) {
              if (caller.keyId === undefined)
                throw new AppError('unauthorized', `This endpoint needs a key or token with the ${route.scope} scope.`);
              throw new AppError('forbidden', `This endpoint needs the ${route.scope} scope.`);
            }
            const data = await route.handler(request, reply);
            if (reply.sent || data === reply) return reply;
            return sendJson(request, reply, route.status ?? 200, data);
          },
        });
      }

      api.get('/openapi.json', (request, reply) => {
        reply.header('access-control-allow-origin', '*');
        return sendJson(request, reply, 200, JSON.parse(documentOnce().json));
      });
      api.get('/reference', (request, reply) => {
        const { page } = documentOnce();
        const etag = etagOf(page);
        reply.header('etag', etag).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
        return isFresh(request, etag) ? reply.code(304).send() : reply.send(page);
      });
    },
    { prefix: API_PREFIX },
  );
  registerApiKeyAdminRoutes(server, ctx);
  registerWebhookAdminRoutes(server, ctx);
  registerOauthPages(server, ctx);
}
