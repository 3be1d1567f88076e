// The information service under /api/v1: one encapsulated Fastify plugin with its own validator (unknown
// fields refused), problem documents for every error (RFC 9457), ETags, compression, keys and rate limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import compress from '@fastify/compress';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppCtx } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { packageRoot } from '../../platform/package-root.js';
import { etagOf, isFresh, renderDocument } from '../../platform/render.js';
import type { ApiRoute } from './api-route.js';
import { openApiDocument } from './openapi.js';
import { readRoutes, type Caller } from './read-routes.js';
import { ReferencePage } from './reference-page.js';
import { SCHEMAS } from './schemas.js';

export const API_PREFIX = '/api/v1';
const VERSION = (JSON.parse(readFileSync(join(packageRoot(import.meta.url), 'package.json'), 'utf8')) as { version: string }).version;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  a: Ajv,
) => Ajv;

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

/** Validators of one plugin: query and path values are coerced from strings; JSON bodies are taken as they are. */
function validators() {
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
  return { coercing: make(true), strict: make(false) };
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

/** Registers the API under /api/v1. */
export async function registerApiRoutes(server: FastifyInstance, ctx: AppCtx): Promise<void> {
  const routes: ApiRoute[] = [...readRoutes(ctx)];
  const document = openApiDocument(routes, SCHEMAS, { serverUrl: ctx.config.baseUrl, version: VERSION });
  const documentJson = JSON.stringify(document);
  const { coercing, strict } = validators();

  const problemType = (status: number) => `${ctx.config.baseUrl}${API_PREFIX}/reference#problem-${status}`;

  function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, detail: string, errors?: ProblemError[]) {
    const body = {
      type: problemType(status),
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      instance: request.url.split('?')[0],
      ...(errors?.length ? { errors } : {}),
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
      api.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
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
          if (err.status === 429 && (err as AppError & { retryAfter?: number }).retryAfter)
            reply.header('retry-after', String((err as AppError & { retryAfter?: number }).retryAfter));
          return sendProblem(request, reply, err.status, err.message, errors);
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

      await api.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });

      api.addHook('onRequest', async (request) => {
        (request as FastifyRequest & { apiCaller: Caller }).apiCaller = { scopes: new Set(['read']) };
      });

      for (const route of routes) {
        api.route({
          method: route.method,
          url: route.url,
          schema: {
            ...(route.params ? { params: route.params } : {}),
            ...(route.querystring ? { querystring: route.querystring } : {}),
            ...(route.body ? { body: route.body } : {}),
          },
          handler: async (request, reply) => {
            const caller = (request as FastifyRequest & { apiCaller: Caller }).apiCaller;
            if (!caller.scopes.has(route.scope)) throw new AppError('forbidden', `This endpoint needs the ${route.scope} scope.`);
            const data = await route.handler(request, reply);
            if (reply.sent || data === reply) return reply;
            return sendJson(request, reply, route.status ?? 200, data);
          },
        });
      }

      api.get('/openapi.json', (request, reply) => {
        reply.header('access-control-allow-origin', '*');
        return sendJson(request, reply, 200, JSON.parse(documentJson));
      });
      const page = renderDocument(ReferencePage({ document, prefix: API_PREFIX }));
      api.get('/reference', (request, reply) => {
        const etag = etagOf(page);
        reply.header('etag', etag).header('cache-control', 'no-cache').type('text/html; charset=utf-8');
        return isFresh(request, etag) ? reply.code(304).send() : reply.send(page);
      });
    },
    { prefix: API_PREFIX },
  );
}
