// A cache miss of a hot public page runs prepared queries only (src/platform/README.md): building and
// compiling a Kysely query costs 15 to 40 µs each, which a page pays on every miss. Pages whose queries depend
// on what the reader asks (search, filters) are not in this list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './app.js';
import { makeArticle, makeAuthor, makeRubric } from './factories.js';

describe('queries built per cache miss on the hot pages', () => {
  let app: TestApp;
  // The SQL of each query built while a page is asked for a second time.
  let built: string[] | undefined;

  beforeAll(async () => {
    app = await testApp('sqlite');
    const db = app.ctx.db;
    // Every builder compiles through its executor's compileQuery, defined once along the prototype chain.
    let proto = Object.getPrototypeOf(db.getExecutor());
    while (proto && !Object.hasOwn(proto, 'compileQuery')) proto = Object.getPrototypeOf(proto);
    const original = proto.compileQuery;
    proto.compileQuery = function (this: unknown, ...args: unknown[]) {
      const query = original.apply(this, args);
      built?.push(query.sql);
      return query;
    };
    const rubrics = [
      await makeRubric(db, { slug: 'analysis', name: 'Analysis' }),
      await makeRubric(db, { slug: 'politics', name: 'Politics' }),
    ];
    const author = await makeAuthor(db, { slug: 'writer', name: 'Writer' });
    for (let i = 0; i < 50; i++)
      await makeArticle(db, {
        title: `Piece ${i}`,
        slug: `piece-${i}`,
        authorIds: [author],
        rubricId: rubrics[i % 2],
        tagSlugs: ['railway'],
        lead: 'A railway summit.',
        bodyMd: 'The railway summit.',
        publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000),
      });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const PAGES = [
    '/',
    '/articles/piece-3',
    '/rubric/analysis',
    '/rubric/analysis?page=2',
    '/tags/railway',
    '/authors/writer',
    '/archive?page=2',
    '/events',
    '/ru/',
    '/feed.xml',
    '/rubric/analysis/feed.xml',
  ];
  for (const page of PAGES) {
    it(`${page}: a second miss builds no query`, async () => {
      const sep = page.includes('?') ? '&' : '?';
      expect((await app.server.inject(`${page}${sep}miss=1`)).statusCode).toBe(200);
      built = [];
      expect((await app.server.inject(`${page}${sep}miss=2`)).statusCode).toBe(200);
      const seen = built;
      built = undefined;
      expect(seen).toEqual([]);
    });
  }
});
