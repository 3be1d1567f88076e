// The API's reference, read by people: rendered on the server from the OpenAPI document itself, so it never
// disagrees with it, and with no script (the site's CSP allows none from elsewhere).
import type { OpenApiDocument } from './openapi.js';

type Schema = Record<string, unknown>;

/** A schema in one short line: "string", "integer | null", "array of Article". */
function typeOf(s: Schema | undefined): string {
  if (!s) return '';
  if (typeof s.$ref === 'string') return s.$ref.split('/').pop()!;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).map(typeOf).join(' | ');
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (s.type === 'array') return `array of ${typeOf(s.items as Schema)}`;
  const base = String(s.type ?? 'any');
  const limits = [
    s.format ? `${s.format}` : '',
    s.minimum !== undefined ? `≥ ${s.minimum}` : '',
    s.maximum !== undefined ? `≤ ${s.maximum}` : '',
    s.maxLength !== undefined ? `≤ ${s.maxLength} chars` : '',
    s.default !== undefined ? `default ${JSON.stringify(s.default)}` : '',
  ].filter(Boolean);
  return limits.length ? `${base} (${limits.join(', ')})` : base;
}

function Properties({ schema }: { schema: Schema }) {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  return (
    <table>
      <thead>
        <tr>
          <th>Field</th>
          <th>Type</th>
          <th>Notes</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(props).map(([name, s]) => (
          <tr key={name}>
            <td>
              <code>{name}</code>
              {required.has(name) ? '' : ' (optional)'}
            </td>
            <td>{typeOf(s)}</td>
            <td>{String(s.description ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const PROBLEMS: [number, string][] = [
  [400, 'A parameter or the body is wrong; `errors` names each (parameter for query and path, pointer for the body).'],
  [401, 'No valid credentials where they are needed: the key or token is unknown, expired or revoked.'],
  [403, 'The key lacks the scope the endpoint needs, or the browser origin is not one of the key’s.'],
  [404, 'Nothing public has this id, or the endpoint does not exist.'],
  [406, 'None of the formats the Accept header asks for.'],
  [413, 'The body is larger than the endpoint takes.'],
  [415, 'The body is not application/json.'],
  [422, 'The request is well formed but breaks a rule of the newsroom (a closed thread, a full event).'],
  [429, 'Over the rate limit; wait for the seconds in Retry-After.'],
  [500, 'Our fault; it is logged.'],
];

/** The whole reference page. */
export function ReferencePage({ document, prefix }: { document: OpenApiDocument; prefix: string }) {
  const byTag = new Map<string, [string, string, Record<string, unknown>][]>();
  for (const [path, methods] of Object.entries(document.paths))
    for (const [method, op] of Object.entries(methods as Record<string, Record<string, unknown>>)) {
      const tag = (op.tags as string[])[0];
      byTag.set(tag, [...(byTag.get(tag) ?? []), [method, path, op]]);
    }
  const schemas = document.components.schemas as Record<string, Schema>;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{document.info.title} — reference</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <main class="api-reference">
          <h1>{document.info.title}</h1>
          <p>
            Version {document.info.version}. Base address <code>{document.servers[0].url}</code>. Machine-readable:{' '}
            <a href={`${prefix}/openapi.json`}>OpenAPI 3.1 document</a>.
          </p>
          <p>{document.info.description}</p>
          <nav aria-label="Contents">
            <ul>
              {[...byTag.keys()].map((tag) => (
                <li key={tag}>
                  <a href={`#tag-${tag.toLowerCase()}`}>{tag}</a>
                </li>
              ))}
              <li>
                <a href="#webhooks">Webhooks</a>
              </li>
              <li>
                <a href="#schemas">Schemas</a>
              </li>
              <li>
                <a href="#problems">Errors</a>
              </li>
            </ul>
          </nav>
          <h2>Conventions</h2>
          <ul>
            <li>
              Send a partner key as <code>Authorization: Bearer chk_…</code>. Without one, public content is readable at a lower rate. Every
              answer carries <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code>; over the limit
              the answer is 429 with <code>Retry-After</code>.
            </li>
            <li>
              Lists answer <code>{'{ "data": [...], "next_cursor": "..." }'}</code>: pass <code>cursor</code> to get the next page; a null
              cursor is the last page.
            </li>
            <li>
              <code>GET /articles?updated_since=…</code> walks every change since an instant, with <code>deleted</code> tombstones for
              articles unpublished or deleted.
            </li>
            <li>
              Answers carry an <code>ETag</code>; send it back in <code>If-None-Match</code> to get 304 when nothing changed. Ask for{' '}
              <code>Accept-Encoding: br, gzip</code> to get them compressed.
            </li>
            <li>Dates and instants are RFC 3339 (UTC). Ids never change.</li>
          </ul>
          {[...byTag.entries()].map(([tag, ops]) => (
            <section key={tag}>
              <h2 id={`tag-${tag.toLowerCase()}`}>{tag}</h2>
              {ops.map(([method, path, op]) => {
                const parameters = (op.parameters ?? []) as {
                  name: string;
                  in: string;
                  required: boolean;
                  description?: string;
                  schema: Schema;
                }[];
                const responses = op.responses as Record<string, { content?: Record<string, { schema: Schema }> }>;
                const ok = Object.entries(responses).find(([code]) => code.startsWith('2'));
                return (
                  <article key={`${method} ${path}`} id={String(op.operationId)}>
                    <h3>
                      <code>
                        {method.toUpperCase()} {path}
                      </code>
                    </h3>
                    <p>{String(op.summary)}</p>
                    {op.description ? <p>{String(op.description)}</p> : null}
                    {op['x-scope'] ? (
                      <p>
                        Needs the <code>{String(op['x-scope'])}</code> scope.
                      </p>
                    ) : null}
                    {parameters.length > 0 && (
                      <table>
                        <thead>
                          <tr>
                            <th>Parameter</th>
                            <th>In</th>
                            <th>Type</th>
                            <th>Notes</th>
                          </tr>
                        </thead>
                        <tbody>
                          {parameters.map((p) => (
                            <tr key={p.name}>
                              <td>
                                <code>{p.name}</code>
                                {p.required ? ' (required)' : ''}
                              </td>
                              <td>{p.in}</td>
                              <td>{typeOf(p.schema)}</td>
                              <td>{p.description ?? ''}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                    {ok && (
                      <p>
                        {ok[0]}:{' '}
                        {Object.entries(ok[1].content ?? {})
                          .map(([type, c]) => `${type} (${typeOf(c.schema)})`)
                          .join('; ')}
                      </p>
                    )}
                  </article>
                );
              })}
            </section>
          ))}
          <h2 id="webhooks">Webhooks</h2>
          <p>
            Partners registered by the newsroom receive a <code>POST</code> of{' '}
            <code>{'{ "type": "…", "timestamp": "…", "data": { … } }'}</code> for each event they subscribe to, with the headers{' '}
            <code>webhook-id</code> (the same on every attempt: drop repeats), <code>webhook-timestamp</code> (seconds) and{' '}
            <code>webhook-signature</code>: <code>v1,</code> and the base64 HMAC-SHA256 of <code>{'{id}.{timestamp}.{body}'}</code>, keyed
            with the base64-decoded part of the secret after <code>whsec_</code>. Answer 2xx within ten seconds; anything else is retried
            with growing pauses, and an endpoint that keeps failing is paused.
          </p>
          <table>
            <thead>
              <tr>
                <th>Event</th>
                <th>When</th>
                <th>data</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(document.webhooks as Record<string, { post: Record<string, unknown> }>).map(([type, hook]) => {
                const body = (hook.post.requestBody as { content: Record<string, { schema: { properties: { data: Schema } } }> }).content[
                  'application/json'
                ].schema.properties.data;
                return (
                  <tr key={type} id={`webhook-${type}`}>
                    <td>
                      <code>{type}</code>
                    </td>
                    <td>{String(hook.post.summary)}</td>
                    <td>{typeOf(body)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h2 id="schemas">Schemas</h2>
          {Object.entries(schemas).map(([name, s]) => (
            <section key={name} id={`schema-${name}`}>
              <h3>{name}</h3>
              {s.description ? <p>{String(s.description)}</p> : null}
              <Properties schema={s} />
            </section>
          ))}
          <h2 id="problems">Errors</h2>
          <p>
            Every error is an <code>application/problem+json</code> document (RFC 9457) with <code>type</code>, <code>title</code>,{' '}
            <code>status</code>, <code>detail</code> and, when fields or parameters were wrong, <code>errors</code>.
          </p>
          <dl>
            {PROBLEMS.map(([status, text]) => (
              <div key={status} id={`problem-${status}`}>
                <dt>{status}</dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
        </main>
      </body>
    </html>
  );
}
