import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, type ApiClient } from '../../../test/api.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { VISIT_BODY } from '../dossiers/test-fixtures.js';
import { hashKey, newKey } from './api-key.js';
import { insertApiKey } from './api-key-store.js';
import type { Scope } from './api-route.js';

describe.each(DIALECTS)('extraction as a service on %s', (dialect) => {
  let app: TestApp;
  let api: ApiClient;
  beforeEach(async () => {
    app = await testApp(dialect, { pageCache: false });
    api = await apiClient(app);
  });
  afterEach(() => app.close());

  async function key(scopes: Scope[]): Promise<string> {
    const k = newKey();
    await insertApiKey(
      app.ctx.db,
      {
        name: 'Analysts',
        scopes,
        origins: [],
        redirectUris: [],
        rateLimit: 100,
        expiresAt: null,
        prefix: k.prefix,
        hash: hashKey(k.key),
        createdBy: null,
      },
      new Date(),
    );
    return k.key;
  }
  const post = (token: string | undefined, body: unknown) =>
    api.call({
      method: 'POST',
      url: '/api/v1/extract',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify(body),
    });

  it("answers the engine's entities and facts to a facts:read key", async () => {
    const analyst = await key(['read', 'facts:read']);
    const r = await post(analyst, { text: `State visit to Astana\n\n${VISIT_BODY}`, published: '2024-05-15' });
    expect(r.statusCode).toBe(200);
    const out = r.json();
    expect(out.lang).toBe('en');
    expect(out.entities.map((e: { id: string }) => e.id)).toContain('country:KZ');
    const visit = out.facts.find((f: { type: string }) => f.type === 'visit');
    expect(visit.evidence.text).toContain('arrived in Astana');
  });

  it('refuses callers without the scope, other languages, and oversized texts', async () => {
    expect((await post(undefined, { text: 'Hello' })).statusCode).toBe(401);
    expect((await post(await key(['read']), { text: 'Hello' })).statusCode).toBe(403);
    const analyst = await key(['facts:read']);
    const german = await post(analyst, {
      text: 'Der Präsident besuchte gestern die Hauptstadt und traf dort den Ministerpräsidenten zu Gesprächen über die Zusammenarbeit.',
    });
    expect(german.statusCode).toBe(422);
    expect(german.json().errors[0].pointer).toBe('/text');
    expect((await post(analyst, { text: 'x', lang: 'de' })).statusCode).toBe(400);
    expect((await post(analyst, { text: 'x'.repeat(50_001) })).statusCode).toBe(400);
    expect((await post(analyst, { text: 'x'.repeat(300_000) })).statusCode).toBe(413);
  });
});
