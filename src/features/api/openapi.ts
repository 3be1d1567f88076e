// The OpenAPI 3.1 document, built from the routes' own descriptions and schemas: what validates a request
// is what the document says, and nothing is written twice.
import type { EventType } from '../../platform/event-outbox.js';
import type { ApiRoute } from './api-route.js';
import { ERROR_STATUSES, type JsonSchema } from './schemas.js';

const ERROR_TEXT: Record<number, string> = {
  400: 'A parameter or the body is wrong (each in `errors`)',
  401: 'The key or token is unknown, expired or revoked',
  403: 'The key or token lacks the scope, or the origin is not allowed',
  404: 'Not found',
  406: 'No representation in the formats asked for',
  409: 'The state of things does not allow it (registration closed, already registered)',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'The request is well formed but breaks a rule (each field in `errors`)',
  429: 'Over the rate limit: wait for Retry-After seconds',
};

/** What each webhook event carries in `data`: a schema of the read routes. */
const WEBHOOKS: Record<EventType, { summary: string; data: string }> = {
  'article.published': { summary: 'An article was published (now, or at its scheduled time)', data: 'Article' },
  'article.updated': { summary: 'A published article was edited', data: 'Article' },
  'article.unpublished': { summary: 'An article was taken back to draft or deleted: drop it', data: 'Tombstone' },
  'comment.approved': { summary: 'A comment was published (at once, or approved by a moderator)', data: 'Comment' },
  'event.created': { summary: 'An event was created (not as a draft)', data: 'Event' },
  'event.updated': { summary: 'An event was edited, postponed or cancelled', data: 'Event' },
  'registration.created': { summary: 'Someone registered for an event', data: 'RegistrationChange' },
  'registration.cancelled': { summary: 'A registration was cancelled', data: 'RegistrationChange' },
  'fact.added': { summary: 'The knowledge engine found a new fact in a published article', data: 'Fact' },
};

/** The Standard Webhooks headers on every delivery. */
const WEBHOOK_HEADERS = [
  {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description: 'The message id: the same on every attempt of one delivery; drop one already handled.',
    schema: { type: 'string' },
  },
  {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description: 'Seconds since 1970 of this attempt',
    schema: { type: 'string' },
  },
  {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      '`v1,` and the base64 HMAC-SHA256, keyed with the base64-decoded part of the secret after `whsec_`, of `{webhook-id}.{webhook-timestamp}.{body}`',
    schema: { type: 'string' },
  },
];

/** Turns a route schema into the document's form: shared schemas referenced under components. */
export function toDocumentSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toDocumentSchema);
  if (!s || typeof s !== 'object') return s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === '$id') continue;
    if (k === '$ref' && typeof v === 'string' && v.endsWith('#')) out.$ref = `#/components/schemas/${v.slice(0, -1)}`;
    else out[k] = toDocumentSchema(v);
  }
  return out;
}

const openApiPath = (url: string) => url.replace(/:([A-Za-z_]+)/g, '{$1}');

function parameters(route: ApiRoute) {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.querystring],
  ] as const) {
    if (!schema) continue;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, s] of Object.entries(props)) {
      const { description, ...rest } = s as { description?: string };
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(description ? { description } : {}),
        schema: toDocumentSchema(rest),
      });
    }
  }
  return out;
}

const RATE_HEADERS = {
  'RateLimit-Limit': { description: 'Requests allowed in the window', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'Requests left in the window', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'Seconds until the window starts again', schema: { type: 'integer' } },
};

/** The whole document for these routes and shared schemas. */
export function openApiDocument(routes: ApiRoute[], schemas: JsonSchema[], opts: { serverUrl: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.url);
    const status = String(route.status ?? 200);
    const content: Record<string, unknown> = { 'application/json': { schema: toDocumentSchema(route.response) } };
    for (const [type, alt] of Object.entries(route.alternatives ?? {})) content[type] = { schema: alt.schema };
    const responses: Record<string, unknown> = {
      [status]: {
        description: route.alternatives
          ? `Success. ${Object.entries(route.alternatives)
              .map(([t, a]) => `${t}: ${a.description}.`)
              .join(' ')}`
          : 'Success',
        headers: {
          ...RATE_HEADERS,
          ...(route.method === 'GET' ? { ETag: { description: 'Send it back in If-None-Match', schema: { type: 'string' } } } : {}),
        },
        content,
      },
    };
    if (route.method === 'GET') responses['304'] = { description: 'Not modified since the ETag sent in If-None-Match' };
    for (const code of ERROR_STATUSES)
      responses[String(code)] = {
        description: ERROR_TEXT[code],
        ...(code === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      ...(route.scope === 'read'
        ? { security: [{}, { apiKey: [] }, { readerToken: [] }] }
        : { security: [{ readerToken: [route.scope] }], 'x-scope': route.scope }),
      parameters: parameters(route),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: toDocumentSchema(route.body) } } } } : {}),
      responses,
    };
  }
  const components: Record<string, unknown> = {};
  for (const s of schemas) components[String(s.$id)] = toDocumentSchema(s);
  const webhooks: Record<string, unknown> = {};
  for (const [type, hook] of Object.entries(WEBHOOKS)) {
    webhooks[type] = {
      post: {
        operationId: `on_${type.replace('.', '_')}`,
        summary: hook.summary,
        tags: ['Webhooks'],
        parameters: WEBHOOK_HEADERS,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  type: { const: type },
                  timestamp: { type: 'string', format: 'date-time', description: 'When the change was committed' },
                  data: { $ref: `#/components/schemas/${hook.data}` },
                },
                required: ['type', 'timestamp', 'data'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '2XX': { description: 'Received. Any other answer, or none within 10 seconds, is a failure and is retried.' },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chancery information service',
      version: opts.version,
      description:
        'Read what the site publishes (articles, events, comments, dossiers, entities and facts) and act for a signed-in reader. ' +
        'Public content is readable without a key at a lower rate; partner keys come from the newsroom admin. ' +
        'Errors are RFC 9457 problem documents; dates are RFC 3339; lists are paged with opaque cursors.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: `${opts.serverUrl}/api/v1` }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    webhooks,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'A partner key from the admin: `Authorization: Bearer chk_…`' },
        readerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A reader access token obtained with OAuth 2.0 (authorisation code with PKCE)',
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
