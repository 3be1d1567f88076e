// The hot public pages compile each SQLite statement once (decision 006). A statement is compiled again
// when its text changes from one request to the next (a value written into the text), and SQLite itself
// recompiles a prepared statement before a run when the planner looked at a bound value: a bound LIMIT, or
// a bound value compared with a column whose index keeps value samples (sqlite_stat4). Either one put back
// on a cache miss costs more CPU than running the page's queries; this test fails on both.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trimHistogramsOf } from '../src/platform/db.js';
import { testApp, type TestApp } from './app.js';
import { makeArticle, makeAuthor, makeRubric } from './factories.js';
import { linkTranslation } from '../src/features/articles/translation-store.js';
import { insertFact, linkFactEntities, setEntityNames, upsertEntities, type LinkableFact } from '../src/features/dossiers/dossier-store.js';

/** The columns, in order, of each index that still has value samples, by table (lowercase names). */
type Sampled = Map<string, string[][]>;

/**
 * Why SQLite would compile `text` again on each run with new values, or undefined when it will not: a
 * bound LIMIT, or a bound value the planner weighs against a sampled index, that is compared with (or
 * listed for) a column of such an index whose earlier columns the statement also constrains.
 */
function recompileReason(text: string, sampled: Sampled): string | undefined {
  const lo = text.toLowerCase();
  if (/\blimit\s+\?/.test(lo)) return 'a bound LIMIT';
  // The statement's tables, by name and by alias.
  const tables = new Map<string, string>();
  for (const m of lo.matchAll(/\b(?:from|join)\s+"(\w+)"(?:\s+as\s+"(\w+)")?/g)) {
    tables.set(m[1], m[1]);
    if (m[2]) tables.set(m[2], m[1]);
  }
  const constrained = (col: string) => new RegExp(`"${col}"\\s*(?:=|\\bin\\b|\\bis\\b)`).test(lo);
  const compare = /(\+)?\s*(?:"(\w+)"\.)?"(\w+)"\s*(?:=|==|<>|!=|<=|>=|<|>|\bis\b|\blike\b|\bglob\b|\bin\b|\bbetween\b)\s*\(?\s*\?/g;
  for (const m of lo.matchAll(compare)) {
    // "+column" asks SQLite not to weigh an index for this term, so its samples are never read.
    if (m[1]) continue;
    const col = m[3];
    const owners = m[2] ? [tables.get(m[2]) ?? m[2]] : [...new Set(tables.values())];
    for (const table of owners) {
      for (const columns of sampled.get(table) ?? []) {
        const at = columns.indexOf(col);
        if (at >= 0 && columns.slice(0, at).every(constrained))
          return `a bound value compared with ${table}.${col}, column ${at + 1} of an index with value samples (${columns.join(', ')})`;
      }
    }
  }
  return undefined;
}

/** A statement's shape: lists of bound values of any length count as one ("in (?, ?)" and "in (?)"). */
const shape = (text: string) => text.replace(/\(\?(?:, \?)*\)/g, '(?…)');

describe('statement reuse on the hot pages (SQLite)', () => {
  let app: TestApp;
  let now = new Date('2026-03-01T10:00:00Z');
  let recording: { sql: string; parameters: readonly unknown[] }[] | undefined;
  let sampled: Sampled;

  // Two requests of each page shape with different values: the second set must compile nothing new.
  const FIRST = [
    '/articles/piece-3',
    '/',
    '/rubric/analysis',
    '/rubric/analysis?page=2',
    '/tags/kazakhstan',
    '/tags/kazakhstan?page=2',
    '/authors/writer-1',
    '/archive?page=2',
    '/ru/',
    '/ru/rubric/analysis?page=2',
    '/dossiers/country/kz',
    '/ru/dossiers/country/kz',
    '/zh/dossiers/country/kz',
    '/ru/dossiers/pair/kz/uz',
  ];
  const SECOND = [
    '/articles/piece-7',
    '/',
    '/rubric/politics',
    '/rubric/politics?page=2',
    '/tags/railway',
    '/tags/railway?page=2',
    '/authors/writer-2',
    '/archive?page=3',
    '/ru/',
    '/ru/rubric/politics?page=2',
    '/dossiers/country/kg',
    '/ru/dossiers/country/kg',
    '/zh/dossiers/country/kg',
    '/ru/dossiers/pair/kg/uz',
  ];

  beforeAll(async () => {
    app = await testApp(
      'sqlite',
      { pageCache: false },
      {
        clock: () => now,
        onQuery: (text, parameters) => {
          recording?.push({ sql: text, parameters });
        },
      },
    );
    const db = app.ctx.db;
    const rubrics = [
      await makeRubric(db, { slug: 'analysis', name: 'Analysis' }),
      await makeRubric(db, { slug: 'politics', name: 'Politics' }),
    ];
    const authors = [
      await makeAuthor(db, { slug: 'writer-1', name: 'Writer One' }),
      await makeAuthor(db, { slug: 'writer-2', name: 'Writer Two' }),
    ];
    const ids: number[] = [];
    for (let i = 0; i < 120; i++) {
      const id = await makeArticle(db, {
        title: `Piece ${i}`,
        slug: `piece-${i}`,
        authorIds: [authors[i % 2]],
        rubricId: rubrics[i % 2],
        tagSlugs: i % 3 ? ['kazakhstan', 'railway'] : ['railway'],
        lead: 'A railway summit.',
        bodyMd: i % 4 < 2 ? 'The railway summit.' : 'Стороны обсудили саммит.',
        language: i % 4 < 2 ? 'en' : 'ru',
        // A few drafts and scheduled pieces, so that statuses and dates are skewed as on a real site.
        status: i % 10 === 9 ? 'draft' : 'published',
        publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000 + (i % 17 === 16 ? 400 * 86_400_000 : 0)),
      });
      ids.push(id);
    }
    // Dossiers: visits of Uzbekistan to Kazakhstan and Kyrgyzstan, stated by English pieces and by their Russian
    // versions (the piece two after an English one), with the Russian articles' names of the countries.
    const seen = new Date('2025-01-01T00:00:00Z');
    // Envoys, one per five pieces: a knowledge base names many entities, so none of their ids is a "few-valued" one.
    await upsertEntities(
      db,
      [
        ['country:KZ', 'Kazakhstan'],
        ['country:KG', 'Kyrgyzstan'],
        ['country:UZ', 'Uzbekistan'],
        ...Array.from({ length: 24 }, (_, n) => [`person:envoy-${n}`, `Envoy ${n}`]),
      ].map(([id, name]) => ({
        id,
        type: id.startsWith('person') ? ('person' as const) : ('country' as const),
        name,
        aliases: [],
        roles: [],
        country: null,
      })),
      seen,
    );
    await setEntityNames(
      db,
      'ru',
      new Map([
        ['country:KZ', 'Казахстан'],
        ['country:UZ', 'Узбекистан'],
      ]),
      seen,
    );
    const linked: LinkableFact[] = [];
    for (const [i, articleId] of ids.entries()) {
      if (i % 4 === 0 && ids[i + 2]) await linkTranslation(db, ids[i + 2], articleId);
      const args = { visitor: 'country:UZ', host: i % 3 ? 'country:KZ' : 'country:KG', envoy: `person:envoy-${Math.floor(i / 5)}` };
      const sortDate = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const text = i % 4 < 2 ? 'Uzbekistan paid a visit.' : 'Узбекистан нанёс визит.';
      const id = await insertFact(
        db,
        {
          articleId,
          type: 'visit',
          args,
          sortDate,
          confidence: 0.9,
          evidence: { start: 0, end: text.length, text },
          extractorVersion: 'test',
          status: 'auto',
          fingerprint: `visit-${i}`,
          planned: false,
        },
        seen,
      );
      linked.push({ id, articleId, type: 'visit', args, sortDate, status: 'auto' });
    }
    await linkFactEntities(db, linked);
    // A database that has been running: statistics with value samples, trimmed as on every open.
    await sql`analyze`.execute(db);
    await trimHistogramsOf(db);
    const rows = (
      await sql<{ tbl: string; idx: string; name: string }>`select s.tbl, s.idx, i.name from (select distinct tbl, idx from sqlite_stat4) s,
        pragma_index_info(s.idx) i order by s.idx, i.seqno`.execute(db)
    ).rows;
    sampled = new Map();
    const byIndex = new Map<string, { tbl: string; columns: string[] }>();
    for (const r of rows) {
      const entry = byIndex.get(r.idx) ?? { tbl: r.tbl.toLowerCase(), columns: [] };
      entry.columns.push(r.name.toLowerCase());
      byIndex.set(r.idx, entry);
    }
    for (const { tbl, columns } of byIndex.values()) sampled.set(tbl, [...(sampled.get(tbl) ?? []), columns]);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  async function visit(pages: string[]): Promise<{ sql: string; parameters: readonly unknown[] }[]> {
    recording = [];
    for (const p of pages) expect((await app.server.inject(p)).statusCode, p).toBe(200);
    const seen = recording;
    recording = undefined;
    return seen.filter((q) => /^\s*(select|with)\b/i.test(q.sql));
  }

  it('keeps value samples for the few-valued columns, so the check below can fail', () => {
    // The status of articles is NOT NULL with a handful of values: its samples stay (decision 006).
    expect(sampled.get('articles')?.some((columns) => columns[0] === 'status')).toBe(true);
  });

  it('runs the same statement texts for other values and a later clock', async () => {
    const first = new Set((await visit(FIRST)).map((q) => shape(q.sql)));
    now = new Date(now.getTime() + 61 * 60_000);
    const second = await visit(SECOND);
    expect(second.length).toBeGreaterThan(20);
    const fresh = [...new Set(second.map((q) => shape(q.sql)).filter((s) => !first.has(s)))];
    expect(fresh).toEqual([]);
  });

  it('binds no value that SQLite would plan with', async () => {
    const reasons = new Map<string, string>();
    for (const q of await visit([...FIRST, ...SECOND])) {
      if (!q.parameters.length) continue;
      const why = recompileReason(q.sql, sampled);
      if (why) reasons.set(q.sql, why);
    }
    expect(Object.fromEntries(reasons)).toEqual({});
  });

  it('tells a statement SQLite recompiles from one it does not (a deliberate violation)', () => {
    const s: Sampled = new Map([['articles', [['status', 'published_at']]]]);
    const reason = (text: string) => recompileReason(text, s);
    expect(reason('select "id" from "articles" where "status" = ? order by "published_at" desc limit 20')).toMatch(/articles.status/);
    expect(reason('select "id" from "articles" where "status" = \'published\' limit ?')).toMatch(/LIMIT/);
    expect(reason('select "id" from "articles" as "a" where "a"."status" = \'published\' and "a"."published_at" <= ?')).toMatch(
      /published_at/,
    );
    expect(reason('select "id" from "articles" where "status" in (?, ?)')).toMatch(/status/);
    expect(reason('select "id" from "articles" where "status" = \'published\' and +"published_at" <= ? limit 20')).toBeUndefined();
    // Not the leading column and its index's first column unconstrained: the samples are not read.
    expect(reason('select "id" from "articles" where "published_at" <= ? limit 20')).toBeUndefined();
    expect(reason('select "id" from "articles" where "slug" = ? limit 1')).toBeUndefined();
    expect(reason('select "id" from "comments" where "status" = ?')).toBeUndefined();
  });
});
