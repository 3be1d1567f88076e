// The README's API examples, run with curl against a live server: the documentation cannot rot unnoticed.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { hashKey, newKey } from './api-key.js';
import { insertApiKey } from './api-key-store.js';

const run = promisify(execFile);
const README = readFileSync(resolve(__dirname, '../../../README.md'), 'utf8');

/** The command lines between the README's api-examples markers. */
function exampleLines(): string[] {
  const block = /<!-- api-examples -->\s*```sh\n([\s\S]*?)```\s*<!-- \/api-examples -->/.exec(README)?.[1] ?? '';
  return block.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
}

describe.each(DIALECTS)('the README API examples on %s', (dialect) => {
  let app: TestApp;
  let base: string;
  let key: string;
  beforeEach(async () => {
    app = await testApp(dialect, { pageCache: false });
    const db = app.ctx.db;
    const author = await makeAuthor(db, { slug: 'desk' });
    const rubric = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
    await makeArticle(db, {
      title: 'Corridors',
      slug: 'corridors',
      authorIds: [author],
      rubricId: rubric,
      publishedAt: new Date('2026-01-10T00:00:00Z'),
    });
    const k = newKey();
    key = k.key;
    await insertApiKey(
      db,
      {
        name: 'Docs',
        scopes: ['read'],
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
    base = await app.server.listen({ host: '127.0.0.1', port: 0 });
  });
  afterEach(() => app.close());

  it('are there, and each succeeds', async () => {
    const lines = exampleLines();
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      expect(line).toMatch(/^curl -fsS /);
      const { stdout } = await run('bash', ['-c', line], { env: { PATH: process.env.PATH, BASE: base, KEY: key } });
      expect(stdout.length, line).toBeGreaterThan(0);
    }
  });
});
