// One route of the API, described once: the plugin registers it with Fastify (its schemas validate the
// request) and the OpenAPI document is built from the same description.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JsonSchema } from './schemas.js';

export const SCOPES = ['read', 'facts:read', 'comments:write', 'registrations:write'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Fastify's form, under /api/v1: '/articles/:id'. */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The scope a key or token needs; public routes (scope 'read') also answer without one. */
  scope: Scope;
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
  /** The JSON body of the success response. */
  response: JsonSchema;
  /** Other representations of the success response, by media type. */
  alternatives?: Record<string, { schema: JsonSchema; description: string }>;
  /** 200 unless given. */
  status?: number;
  /** The largest body taken, in bytes, when not the API's usual 64 KB. */
  bodyLimit?: number;
  /** Returns the JSON body to send, or the reply when it sent another representation itself. */
  handler(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

/** An object schema of query or path parameters: every one optional unless listed, none unknown. */
export function params(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

export const LIMIT = { type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Items per page' } as const;
export const CURSOR = { type: 'string', maxLength: 400, description: 'The next_cursor of the previous page' } as const;
export const ID = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
export const SLUG = { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 } as const;
export const DATE_OR_TIME = {
  type: 'string',
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  description: 'RFC 3339 date-time or full-date',
} as const;
