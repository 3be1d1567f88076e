// API test helpers: every answer a test receives is checked against the OpenAPI document the server serves,
// by JSON Schema 2020-12 (OpenAPI 3.1's dialect), independently of the validator the routes use.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './app.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;
type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

export interface ApiClient {
  /** Sends a request; fails the test when the answer is not one the document describes. */
  call(opts: InjectOptions | string): Promise<LightMyRequestResponse>;
  doc: Doc;
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** A client of the app's /api/v1 that validates every answer against /api/v1/openapi.json. */
export async function apiClient(app: TestApp): Promise<ApiClient> {
  const res = await app.server.inject('/api/v1/openapi.json');
  expect(res.statusCode).toBe(200);
  const doc = res.json() as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'doc' });
  const templates = Object.keys(doc.paths).map((p) => ({
    path: p,
    re: new RegExp(`^/api/v1${p.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    specificity: p.split('{').length,
  }));
  return {
    doc,
    async call(opts) {
      const o: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
      const r = await app.server.inject(o);
      const url = new URL(String(o.url ?? o.path), 'http://x');
      const method = String(o.method ?? 'GET').toLowerCase();
      const match = templates.filter((t) => t.re.test(url.pathname)).sort((a, b) => a.specificity - b.specificity)[0];
      if (!match || !doc.paths[match.path][method === 'head' ? 'get' : method]) {
        // Not an operation of the document: only problem answers are expected there.
        if (r.statusCode >= 400) expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
        return r;
      }
      const op = doc.paths[match.path][method === 'head' ? 'get' : method];
      const response = op.responses[String(r.statusCode)];
      expect(response, `${method} ${match.path} answered ${r.statusCode}, which the document does not list`).toBeDefined();
      if (r.statusCode === 304 || method === 'head') return r;
      const type = String(r.headers['content-type'] ?? '').split(';')[0];
      const media = response.content?.[type];
      expect(media, `${method} ${match.path} ${r.statusCode} answered ${type}, which the document does not list`).toBeDefined();
      if (type.endsWith('json')) {
        const pointer = `doc#/paths/${esc(match.path)}/${method}/responses/${r.statusCode}/content/${esc(type)}/schema`;
        const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
        const ok = validate(r.json());
        expect(ok, `${method} ${url.pathname} ${r.statusCode}: ${ajv.errorsText(validate.errors)}\n${r.body.slice(0, 500)}`).toBe(true);
      }
      return r;
    },
  };
}
