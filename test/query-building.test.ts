// A cache miss of a hot public page runs prepared queries only (src/platform/README.md): building and
// compiling a Kysely query costs 15 to 40 µs each, which a page pays on every miss. Pages whose queries depend
// on what the reader asks (search, filters) are not in this list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './app.js';
import { makeArticle, makeAuthor, makeRubric } from './factories.js';
import { loadDemo } from '../src/features/demo/demo-loader.js';
import { extractAll } from '../src/features/dossiers/dossier-service.js';
import type { Db } from '../src/platform/db.js';

/** Calls `seen` with the SQL of every query built on this handle (builders compile through its executor). */
function spyOnBuilding(db: Db, seen: (sql: string) => void): void {
  let proto = Object.getPrototypeOf(db.getExecutor());
  while (proto && !Object.hasOwn(proto, 'compileQuery')) proto = Object.getPrototypeOf(proto);
  const original = proto.compileQuery;
  proto.compileQuery = function (this: unknown, ...args: unknown[]) {
    const query = original.apply(this, args);
    seen(query.sql);
    return query;
  };
}

/** The queries built while `page` is asked for a second time, with a new address each time (two misses). */
async function builtOnSecondMiss(app: TestApp, page: string, log: { built?: string[] }): Promise<string[]> {
  const sep = page.includes('?') ? '&' : '?';
  expect((await app.server.inject(`${page}${sep}miss=1`)).statusCode).toBe(200);
  log.built = [];
  expect((await app.server.inject(`${page}${sep}miss=2`)).statusCode).toBe(200);
  const seen = log.built;
  log.built = undefined;
  return seen;
}

describe('queries built per cache miss on the hot pages', () => {
  let app: TestApp;
  // The SQL of each query built while a page is asked for a second time.
  const log: { built?: string[] } = {};

  beforeAll(async () => {
    app = await testApp('sqlite');
    const db = app.ctx.db;
    spyOnBuilding(db, (sql) => log.built?.push(sql));
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
      expect(await builtOnSecondMiss(app, page, log)).toEqual([]);
    });
  }
});

describe('queries built per cache miss on the dossier and events pages (the demo newsroom)', () => {
  let app: TestApp;
  const log: { built?: string[] } = {};

  beforeAll(async () => {
    app = await testApp('sqlite');
    spyOnBuilding(app.ctx.db, (sql) => log.built?.push(sql));
    await loadDemo({
      db: app.ctx.db,
      clock: () => new Date(),
      config: { adminEmail: 'admin@example.org', adminPassword: 'chancery-demo' },
    });
    await extractAll(app.ctx.db);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  for (const page of ['/dossiers/country/kz', '/dossiers/pair/cn/kz', '/ru/dossiers/country/kz', '/events', '/zh/']) {
    it(`${page}: a second miss builds no query`, async () => {
      expect(await builtOnSecondMiss(app, page, log)).toEqual([]);
    });
  }
});
