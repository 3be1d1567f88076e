// Builds a deterministic archive of N articles straight through the stores, with a progress bar:
// articles, their search index, readers' comments and the facts of the knowledge engine.
import { existsSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Dialect, type Driver } from 'kysely';
import { inTransaction, type Db } from '../src/platform/db.js';
import type { DB } from '../src/platform/schema.js';
import { migrate } from '../src/platform/migrations/index.js';
import { renderMarkdown } from '../src/platform/markdown.js';
import { insertAuthor } from '../src/features/authors/author-store.js';
import { insertRubric } from '../src/features/rubrics/rubric-store.js';
import { insertTag } from '../src/features/tags/tag-store.js';
import { insertArticle, setArticleAuthors, setArticleTags, updateArticle } from '../src/features/articles/article-store.js';
import { indexArticle } from '../src/features/search/search-index-store.js';
import { insertEvent } from '../src/features/events/event-store.js';
import { upsertSetting } from '../src/features/site/site-store.js';
import { articleText, extractArticle } from '../src/features/dossiers/dossier-service.js';
import { extract, type ExtractResult } from '../src/nlp/index.js';

/** A small deterministic generator (mulberry32), so every run builds the same archive. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const COUNTRIES = [
  'Kazakhstan',
  'Kyrgyzstan',
  'Uzbekistan',
  'Tajikistan',
  'Turkmenistan',
  'China',
  'Russia',
  'India',
  'Iran',
  'Turkey',
  'Azerbaijan',
  'Armenia',
  'Georgia',
  'Mongolia',
  'Pakistan',
];
const TOPICS = [
  'railway',
  'pipeline',
  'summit',
  'trade',
  'investment',
  'energy',
  'security',
  'corridor',
  'agriculture',
  'water',
  'migration',
  'elections',
  'sanctions',
  'logistics',
  'diplomacy',
];
const EN = [
  'the',
  'delegations',
  'agreed',
  'to',
  'expand',
  'cooperation',
  'on',
  'transport',
  'and',
  'energy',
  'while',
  'ministers',
  'discussed',
  'tariffs',
  'border',
  'crossings',
  'investment',
  'projects',
  'signed',
  'memorandum',
  'government',
  'officials',
  'noted',
  'growth',
  'regional',
  'market',
  'talks',
  'partnership',
  'summit',
  'railway',
  'negotiations',
  'strategic',
  'corridor',
  'freight',
  'capacity',
  'reforms',
];
const RU = [
  'стороны',
  'договорились',
  'расширить',
  'сотрудничество',
  'в',
  'области',
  'транспорта',
  'и',
  'энергетики',
  'министры',
  'обсудили',
  'переговоры',
  'саммит',
  'инвестиции',
  'железной',
  'дороги',
  'торговли',
  'соглашение',
  'подписали',
  'партнёрство',
  'коридора',
  'грузов',
  'проекты',
  'правительство',
  'региона',
  'развития',
];

function sentence(r: ReturnType<typeof rng>, words: readonly string[], extra: string[]): string {
  const n = 10 + r.int(14);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.next() < 0.12 ? r.pick(extra) : r.pick(words));
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

// ---------- The knowledge engine's material: news sentences about the archive's countries ----------

/**
 * Every archive country with its adjective, capital, a leader and a foreign minister. Kyrgyzstan's
 * president is the real one; every other name is invented for the benchmark.
 */
const LANDS: Record<string, { adj: string; capital: string; leader: [title: string, name: string]; minister: string }> = {
  Kazakhstan: { adj: 'Kazakh', capital: 'Astana', leader: ['President', 'Arman Seitkali'], minister: 'Daniyar Omarov' },
  Kyrgyzstan: { adj: 'Kyrgyz', capital: 'Bishkek', leader: ['President', 'Sadyr Japarov'], minister: 'Azamat Toktosunov' },
  Uzbekistan: { adj: 'Uzbek', capital: 'Tashkent', leader: ['President', 'Dilshod Rakhimov'], minister: 'Jasur Yusupov' },
  Tajikistan: { adj: 'Tajik', capital: 'Dushanbe', leader: ['President', 'Farrukh Nazarov'], minister: 'Sherali Davlatov' },
  Turkmenistan: { adj: 'Turkmen', capital: 'Ashgabat', leader: ['President', 'Batyr Orazov'], minister: 'Merdan Annayev' },
  China: { adj: 'Chinese', capital: 'Beijing', leader: ['Premier', 'Zhao Mingde'], minister: 'Liang Wenhao' },
  Russia: { adj: 'Russian', capital: 'Moscow', leader: ['Prime Minister', 'Pavel Voronin'], minister: 'Gleb Sokolov' },
  India: { adj: 'Indian', capital: 'New Delhi', leader: ['Prime Minister', 'Arjun Mehra'], minister: 'Vikram Rao' },
  Iran: { adj: 'Iranian', capital: 'Tehran', leader: ['President', 'Dariush Farahani'], minister: 'Kaveh Rostami' },
  Turkey: { adj: 'Turkish', capital: 'Ankara', leader: ['Vice President', 'Kemal Aydin'], minister: 'Selim Ozturk' },
  Azerbaijan: { adj: 'Azerbaijani', capital: 'Baku', leader: ['President', 'Elchin Mammadli'], minister: 'Rauf Huseynli' },
  Armenia: { adj: 'Armenian', capital: 'Yerevan', leader: ['Prime Minister', 'Aram Petrosyan'], minister: 'Ani Sargsyan' },
  Georgia: { adj: 'Georgian', capital: 'Tbilisi', leader: ['Prime Minister', 'Levan Beridze'], minister: 'Nino Kapanadze' },
  Mongolia: { adj: 'Mongolian', capital: 'Ulaanbaatar', leader: ['President', 'Temuulen Ganbold'], minister: 'Oyun Batbayar' },
  Pakistan: { adj: 'Pakistani', capital: 'Islamabad', leader: ['Prime Minister', 'Faisal Qureshi'], minister: 'Hamza Siddiqui' },
};
const COMPANIES = [
  'Steppe Energy Group',
  'Altyn Tau Holding',
  'Great Wall Construction Corporation',
  'Silk Road Mining Group',
  'Caspian Logistics Holding',
  'Pamir Hydro Corporation',
  'Anatolia Cement Holding',
  'Himalaya Infrastructure Group',
];
const PLANTS = ['cement plant', 'copper smelter', 'logistics hub', 'fertiliser plant', 'textile park', 'grain terminal'];
const POWER = ['solar power plant', 'wind farm', 'hydropower plant'];
const LINKS = ['railway', 'gas pipeline', 'power line', 'highway', 'fibre-optic cable'];
const SUBJECTS = [
  'transport cooperation',
  'water management',
  'energy transit',
  'customs procedures',
  'grain exports',
  'digital trade',
  'visa-free travel',
  'cargo transit',
];
const SUMMITS = ['Shanghai Cooperation Organisation', 'CIS', 'Organization of Turkic States', 'Central Asia-China'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Every fourth article (all of them English) reports on relations between two countries. */
export const hasFacts = (i: number) => i % 4 === 2;

/**
 * The news paragraph of a fact article: four to six sentences on a visit or meeting, agreements, trade,
 * investment, summits and projects between the article's country and a partner, dated just before
 * `publishedAt`. A function of the article alone, so a cached archive gains exactly what a fresh one has.
 */
export function factParagraph(i: number, country: string, publishedAt: string): string {
  const r = rng(0x5eed0000 + i);
  const a = country,
    b = COUNTRIES.filter((c) => c !== a)[r.int(COUNTRIES.length - 1)];
  const A = LANDS[a],
    B = LANDS[b];
  const pub = new Date(publishedAt.slice(0, 10) + 'T00:00:00Z');
  const day = new Date(pub.getTime() - (1 + r.int(6)) * 864e5);
  const year = pub.getUTCFullYear() - 1;
  const on = () =>
    [
      `on ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`,
      `on ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`,
      `on ${WEEKDAYS[day.getUTCDay()]}`,
    ][r.int(3)];
  const leader = (l: typeof A, land: string) =>
    r.next() < 0.7 ? `${l.adj} ${l.leader[0]} ${l.leader[1]}` : `${l.leader[0]} of ${land} ${l.leader[1]}`;
  // Chinese family names come first.
  const surname = (l: typeof A) => (l === LANDS.China ? l.leader[1].split(' ')[0] : l.leader[1].split(' ').pop()!);
  const kind = r.pick(['state', 'official', 'working']);
  const city = r.next() < 0.5 ? B.capital : A.capital;
  // Trade figures follow one curve per pair of countries, so a pair's chart has a shape.
  const [lo, hi] = [COUNTRIES.indexOf(a), COUNTRIES.indexOf(b)].sort((x, y) => x - y);
  const base = 0.2 + ((lo * 7 + hi * 13) % 40) / 5;
  const billions = (base * (1 + 0.09 * (year - 2018))).toFixed(1);
  const out: string[] = [];
  // A visit (and the talks it brought), or a meeting.
  if (r.next() < 0.6) {
    const v = r.int(3);
    if (v === 0)
      out.push(
        `${leader(A, a)} arrived in ${B.capital} ${on()} for ${kind === 'official' ? 'an' : 'a'} ${kind} visit at the invitation of ${B.adj} ${B.leader[0]} ${B.leader[1]}.`,
      );
    else if (v === 1) out.push(`${leader(A, a)} paid ${kind === 'official' ? 'an' : 'a'} ${kind} visit to ${b} ${on()}.`);
    else
      out.push(
        `${A.leader[0]} of ${a} ${A.leader[1]} travelled to ${B.capital} ${on()} on ${kind === 'official' ? 'an' : 'a'} ${kind} visit.`,
      );
    if (v === 0) out.push(`${surname(A)} held talks with ${surname(B)} in narrow and expanded formats.`);
    else if (r.next() < 0.5)
      out.push(`${A.adj} Foreign Minister ${A.minister} met ${B.adj} Foreign Minister ${B.minister} in ${B.capital} ${on()}.`);
  } else {
    out.push(
      r.next() < 0.5
        ? `${leader(A, a)} held talks with ${B.adj} ${B.leader[0]} ${B.leader[1]} in ${city} ${on()}.`
        : `${A.adj} ${A.leader[0]} ${A.leader[1]} and ${B.adj} ${B.leader[0]} ${B.leader[1]} met in ${city} ${on()}.`,
    );
  }
  // What was signed.
  const s = r.int(3);
  if (s === 0) out.push(`Following the talks, ${a} and ${b} signed an agreement on ${r.pick(SUBJECTS)}.`);
  else if (s === 1)
    out.push(`${a} and ${b} signed ${3 + r.int(20)} documents covering ${r.pick(TOPICS.slice(4, 10))} and ${r.pick(TOPICS.slice(10))}.`);
  else out.push(`${a} and ${b} signed a memorandum of understanding on ${r.pick(SUBJECTS)} in ${city} ${on()}.`);
  // Trade.
  const t = r.int(4);
  if (t === 0) out.push(`Trade between ${a} and ${b} reached $${billions} billion in ${year}.`);
  else if (t === 1) out.push(`Bilateral trade between ${a} and ${b} totaled $${billions} billion last year.`);
  else if (t === 2) out.push(`${a} and ${b} reported trade of $${billions} billion in ${year}.`);
  else out.push(`${A.adj} exports to ${b} rose to $${50 + 10 * r.int(90)} million in ${year}.`);
  // One or two of: an investment, a summit, a project's milestone.
  const extras = [0, 1, 2];
  for (let k = 2; k > 0; k--) {
    const j = r.int(k + 1);
    [extras[k], extras[j]] = [extras[j], extras[k]];
  }
  extras.length = 1 + r.int(2);
  for (const x of extras) {
    if (x === 0) {
      const v = r.int(3);
      if (v === 0) out.push(`${r.pick(COMPANIES)} will invest $${20 + 10 * r.int(80)} million in a ${r.pick(PLANTS)} in ${a}.`);
      else if (v === 1)
        out.push(`${r.pick(COMPANIES)} invested $${20 + 5 * r.int(60)} million in a ${50 + 10 * r.int(50)} MW ${r.pick(POWER)} in ${a}.`);
      else out.push(`${b} pledged $${(0.5 + r.int(30) / 10).toFixed(1)} billion in investment in ${a}.`);
    } else if (x === 1) {
      out.push(
        r.next() < 0.5
          ? `The ${a}-${b} summit was held in ${city} ${on()}.`
          : `The ${r.pick(SUMMITS)} summit was held in ${r.pick([A.capital, B.capital])} ${on()}.`,
      );
    } else {
      const link = `${a}-${b} ${r.pick(LINKS)}`;
      const when = r.next() < 0.5 ? `${year - r.int(4)}` : `${MONTHS[r.int(12)]} ${year - r.int(4)}`;
      const v = r.int(4);
      if (v === 0) out.push(`Construction of the ${link} began in ${when}.`);
      else if (v === 1) out.push(`Work on the ${link} started in ${when}.`);
      else if (v === 2) out.push(`The ${link} was completed in ${when}.`);
      else out.push(`The ${link} was commissioned in ${when}.`);
    }
  }
  return out.join(' ');
}

// ---------- The archive ----------

export interface ArchiveInfo {
  path: string;
  articles: number;
  slugs: string[];
  rubricSlugs: string[];
}

/** Slug of the i-th generated article. */
export const benchSlug = (i: number) => `bench-article-${i}`;

type BuildDb = Db & { sqlite: Database.Database; batch: <T>(fn: () => Promise<T>) => Promise<T> };

/**
 * A connection for building only: no fsync, a large page cache and, on a fresh file that is renamed
 * into place when done, no journal at all. Statements are reused by SQL text, as openDb does.
 * `batch` runs many store calls that each open a transaction (extractArticle) in one transaction.
 */
function openBuildDb(path: string, fresh: boolean): BuildDb {
  const sqlite = new Database(path);
  if (fresh) {
    sqlite.pragma('journal_mode = OFF');
    sqlite.pragma('locking_mode = EXCLUSIVE');
  } else {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
  }
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = ON');
  // 1 GB: the indexes of a 100,000-article archive stay in memory (with openDb's 16 MB the build slowed as it grew).
  sqlite.pragma('cache_size = -1000000');
  sqlite.pragma('temp_store = MEMORY');
  const statements = new Map<string, Database.Statement>();
  const database = {
    prepare(text: string) {
      let s = statements.get(text);
      if (!s) {
        s = sqlite.prepare(text);
        if (statements.size >= 500) statements.delete(statements.keys().next().value!);
        statements.set(text, s);
      }
      return s;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
  // Inside a batch the stores' own transactions are part of the batch's: one commit per batch, not per call.
  let batching = false;
  const sqliteDialect = new SqliteDialect({ database });
  const dialect: Dialect = {
    createAdapter: () => sqliteDialect.createAdapter(),
    createIntrospector: (db) => sqliteDialect.createIntrospector(db),
    createQueryCompiler: () => sqliteDialect.createQueryCompiler(),
    createDriver: (): Driver => {
      const d = sqliteDialect.createDriver();
      return {
        init: () => d.init(),
        acquireConnection: () => d.acquireConnection(),
        releaseConnection: (c) => d.releaseConnection(c),
        destroy: () => d.destroy(),
        beginTransaction: (c, settings) => (batching ? Promise.resolve() : d.beginTransaction(c, settings)),
        commitTransaction: (c) => (batching ? Promise.resolve() : d.commitTransaction(c)),
        // A failure inside a batch fails the build; the batch is rolled back below.
        rollbackTransaction: (c) => (batching ? Promise.resolve() : d.rollbackTransaction(c)),
      };
    },
  };
  const batch = async <T>(fn: () => Promise<T>): Promise<T> => {
    sqlite.exec('begin');
    batching = true;
    try {
      const out = await fn();
      sqlite.exec('commit');
      return out;
    } finally {
      batching = false;
      if (sqlite.inTransaction) sqlite.exec('rollback');
    }
  };
  return Object.assign(new Kysely<DB>({ dialect }), { dialect: 'sqlite' as const, sqlite, batch });
}

// ---------- A second thread for the pure work: Markdown rendering and the knowledge engine ----------

/** An article as extractArticle reads it. */
type Readable = { title: string; lead: string; body_md: string; published: string; lang: string };
/** The engine's result for exactly this text and these options. */
type Extracted = { text: string; published: string; lang: string; result: ExtractResult };
type Job = { kind: 'render'; items: string[] } | { kind: 'extract'; items: Readable[] };
const compute = (job: Job): unknown[] =>
  job.kind === 'render'
    ? job.items.map((md) => renderMarkdown(md))
    : job.items.map((a): Extracted => {
        const text = articleText(a);
        return { text, published: a.published, lang: a.lang, result: extract(text, { published: a.published, lang: a.lang }) };
      });

if (!isMainThread && workerData?.benchArchiveHelper) {
  parentPort!.on('message', (m: { id: number; job: Job }) => parentPort!.postMessage({ id: m.id, out: compute(m.job) }));
}

/**
 * Runs jobs on a worker thread (this module again) so that they overlap with this thread's writes;
 * results are the same as in this thread, which takes over if the worker cannot start.
 */
function helper() {
  const pending = new Map<number, { job: Job; done: (out: unknown[]) => void }>();
  let seq = 0;
  let worker: Worker | undefined,
    started = false;
  const fallBack = () => {
    worker = undefined;
    for (const [id, p] of pending) {
      pending.delete(id);
      p.done(compute(p.job));
    }
  };
  const start = () => {
    started = true;
    try {
      // This module again, through tsx's loader (a worker does not inherit the loader hooks on Node 20).
      const code = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;
      worker = new Worker(code, { eval: true, workerData: { benchArchiveHelper: true } });
      worker.on('message', (m: { id: number; out: unknown[] }) => {
        const p = pending.get(m.id);
        pending.delete(m.id);
        p?.done(m.out);
      });
      worker.on('error', fallBack);
      worker.on('exit', () => {
        if (pending.size) fallBack();
      });
    } catch {
      worker = undefined;
    }
  };
  const run = (job: Job) =>
    new Promise<unknown[]>((done) => {
      if (!started) start();
      if (!worker) return done(compute(job));
      const id = seq++;
      pending.set(id, { job, done });
      worker.postMessage({ id, job });
    });
  return {
    render: (items: string[]) => run({ kind: 'render', items }) as Promise<string[]>,
    extract: (items: Readable[]) => run({ kind: 'extract', items }) as Promise<Extracted[]>,
    close: async () => {
      await worker?.terminate();
    },
  };
}

/** Creates (or reuses) a SQLite archive of `n` published articles at `path`. */
export async function buildArchive(
  path: string,
  n: number,
  opts: { log?: (s: string) => void; force?: boolean } = {},
): Promise<ArchiveInfo> {
  const rubricSlugs = ['analysis', 'news', 'economy', 'opinion'];
  const info = { path, articles: n, slugs: Array.from({ length: n }, (_, i) => benchSlug(i)), rubricSlugs };
  if (existsSync(path) && !opts.force) {
    // A cached archive gets the migrations (comments and facts) added since it was built.
    const db = openBuildDb(path, false);
    try {
      await migrate(db);
      await addComments(db, n, opts.log);
      const help = helper();
      try {
        await addFacts(db, n, help, opts.log);
      } finally {
        await help.close();
      }
      await sql`pragma optimize = 0x10002`.execute(db);
    } finally {
      await db.destroy();
    }
    return info;
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
  const db = openBuildDb(tmp, true);
  await migrate(db);
  const r = rng(42);
  const epoch = new Date('2020-01-01T00:00:00Z');
  await upsertSetting(db, 'site.title', 'The Bench Desk');
  const authorIds: number[] = [];
  for (let i = 0; i < 40; i++)
    authorIds.push(
      await insertAuthor(
        db,
        {
          slug: `author-${i}`,
          name: `Author ${i}`,
          title: i === 0 ? 'International Observer' : 'Correspondent',
          bio: 'Writes for the desk.',
          photoUrl: '',
        },
        epoch,
      ),
    );
  const rubricIds: number[] = [];
  for (const [i, s] of rubricSlugs.entries())
    rubricIds.push(await insertRubric(db, { slug: s, name: s[0].toUpperCase() + s.slice(1), description: '', position: i }));
  const tagIds: number[] = [];
  for (const c of COUNTRIES) tagIds.push(await insertTag(db, { slug: c.toLowerCase(), name: c, type: 'country' }));
  for (const t of TOPICS) tagIds.push(await insertTag(db, { slug: t, name: t, type: 'topic' }));
  await insertEvent(
    db,
    {
      slug: 'bench-conference',
      title: 'Bench Conference',
      summary: 'A conference.',
      programmeMd: '',
      programmeHtml: '',
      venueName: 'The Radisson Lazurnaya Hotel',
      venueAddress: '103 Kurortniy Prospekt',
      venueCity: 'Sochi',
      venueCountry: 'RU',
      lat: null,
      lon: null,
      timezone: 'Europe/Moscow',
      startsAt: null,
      endsAt: null,
      onlineUrl: '',
      language: 'en',
      status: 'published',
      statusNote: '',
      termsMd: 'Terms.',
      termsHtml: '<p>Terms.</p>',
    },
    epoch,
  );

  // Articles are generated here in order (one random stream); the helper thread renders them and runs the
  // engine over the fact articles while the previous batch is written. Each batch is written through the
  // stores, then extractArticle stores its facts, as the extraction job does after publishing.
  const help = helper();
  const BATCH = 500;
  const generate = (start: number) => {
    const items = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) {
      const ru = i % 10 === 9;
      const words = ru ? RU : EN;
      const country = r.pick(COUNTRIES);
      const paras: string[] = [];
      const pn = 4 + r.int(6);
      for (let p = 0; p < pn; p++)
        paras.push(Array.from({ length: 3 + r.int(3) }, () => sentence(r, words, [country, r.pick(COUNTRIES), r.pick(TOPICS)])).join(' '));
      const when = new Date(epoch.getTime() + Math.floor((i / n) * 6 * 365 * 864e5) + r.int(3600_000)).toISOString();
      if (hasFacts(i)) paras.push(factParagraph(i, country, when));
      const body = paras.join('\n\n');
      const title = `${country}: ${sentence(r, words, TOPICS).slice(0, 70).replace(/\.$/, '')}`;
      const lead = sentence(r, words, [country]);
      const tags = [...new Set([tagIds[COUNTRIES.indexOf(country)], tagIds[r.int(tagIds.length)], tagIds[r.int(tagIds.length)]])];
      items.push({ i, language: ru ? 'ru' : 'en', title, lead, body, when, tags });
    }
    const readable = items
      .filter((a) => hasFacts(a.i))
      .map((a) => ({ title: a.title, lead: a.lead, body_md: a.body, published: a.when.slice(0, 10), lang: a.language }));
    return { items, html: help.render(items.map((a) => a.body)), extracted: help.extract(readable) };
  };
  const started = Date.now();
  let facts = 0;
  try {
    let next = generate(0);
    for (let start = 0; start < n; start += BATCH) {
      const { items, html, extracted } = next;
      const rendered = await html;
      if (start + BATCH < n) next = generate(start + BATCH);
      await db.batch(async () => {
        const published: { id: number; publishedAt: string }[] = [];
        for (const [k, a] of items.entries()) {
          const id = await insertArticle(
            db,
            {
              slug: benchSlug(a.i),
              title: a.title,
              lead: a.lead,
              bodyMd: a.body,
              bodyHtml: rendered[k],
              language: a.language,
              status: 'published',
              publishedAt: a.when,
              rubricId: rubricIds[a.i % rubricIds.length],
              coverUrl: '',
              coverCaption: '',
              coverCredit: '',
              commentsMode: 'on',
            },
            new Date(a.when),
            null,
          );
          await setArticleAuthors(db, id, a.i % 17 === 0 ? [authorIds[a.i % 40], authorIds[(a.i + 1) % 40]] : [authorIds[a.i % 40]]);
          await setArticleTags(db, id, a.tags);
          await indexArticle(db, id);
          if (hasFacts(a.i)) published.push({ id, publishedAt: a.when });
        }
        facts += await storeFacts(db, published, await extracted);
      });
      const done = Math.min(n, start + BATCH);
      const secs = (Date.now() - started) / 1000;
      opts.log?.(
        `  archive ${bar(done / n)} ${done}/${n} articles, ${facts} facts, ${secs.toFixed(0)} s, ~${Math.round(((n - done) / Math.max(1, done)) * secs)} s left`,
      );
    }
  } finally {
    await help.close();
  }
  await addComments(db, n, opts.log);
  // Planner statistics, as a running install has them (openDb refreshes them when tables change a lot).
  await sql`pragma optimize = 0x10002`.execute(db);
  await db.destroy();
  renameSync(tmp, path);
  return info;
}

/** Slug of the article that carries 10,000 comments. */
export const busySlug = (n: number) => benchSlug(Math.min(1, n - 1));

/**
 * Readers' comments, 10 per article on average (0 to 20) and 10,000 on one article; skipped when already there.
 * A million rows through Kysely cost most of a large build, so they are written with one prepared statement
 * that fills exactly the columns insertComment (comment-store.ts) fills; the rest keep their defaults.
 */
async function addComments(db: BuildDb, n: number, log?: (s: string) => void): Promise<void> {
  const have = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number>().as('c'))
    .executeTakeFirstOrThrow();
  if (Number(have.c) > 0) return;
  const epoch = new Date('2020-01-01T00:00:00Z');
  const readers: number[] = [];
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < 200; i++) {
      const r = await tx
        .insertInto('users')
        .values({
          email: `reader-${i}@bench.test`,
          name: `Reader ${i}`,
          role: 'reader',
          password_hash: 'x',
          created_at: epoch.toISOString(),
          email_confirmed_at: epoch.toISOString(),
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      readers.push(r.id);
    }
  });
  const ids = await db.selectFrom('articles').select(['id', 'slug', 'published_at']).orderBy('id').execute();
  const insert =
    db.sqlite.prepare(`insert into comments (article_id, user_id, parent_id, reply_to_user_id, reply_to_name, body, status, reject_reason, created_at, updated_at)
    values (?, ?, null, null, '', ?, 'published', '', ?, ?)`);
  const r = rng(7);
  const started = Date.now();
  const BATCH = 1000;
  const busy = busySlug(n);
  for (let start = 0; start < ids.length; start += BATCH) {
    db.sqlite.transaction(() => {
      for (const a of ids.slice(start, start + BATCH)) {
        const count = a.slug === busy ? 10_000 : r.int(21);
        const base = Date.parse(a.published_at ?? epoch.toISOString());
        for (let c = 0; c < count; c++) {
          const user = readers[r.int(readers.length)];
          const at = new Date(base + (c + 1) * 60_000).toISOString();
          insert.run(a.id, user, sentence(r, EN, TOPICS), at, at);
        }
      }
    })();
    const done = Math.min(ids.length, start + BATCH);
    log?.(`  comments ${bar(done / ids.length)} ${done}/${ids.length} articles, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

/**
 * The knowledge engine's entities and facts: extractArticle (as publishing does) over every fact article,
 * oldest first, dated at its publication; skipped when the archive has facts. The engine reads each batch
 * on the helper thread while the previous batch is stored, one transaction per batch. An archive built
 * before the articles carried their news paragraph gets it first (article row and search index, through the stores).
 */
async function addFacts(db: BuildDb, n: number, help: ReturnType<typeof helper>, log?: (s: string) => void): Promise<void> {
  const have = await db
    .selectFrom('facts')
    .select((eb) => eb.fn.countAll<number>().as('c'))
    .executeTakeFirstOrThrow();
  if (Number(have.c) > 0) return;
  const wanted = Array.from({ length: n }, (_, i) => i).filter(hasFacts);
  if (!wanted.length) return;
  const BATCH = 500;
  const load = async (start: number) => {
    const slice = wanted.slice(start, start + BATCH);
    const bySlug = new Map(
      (
        await db
          .selectFrom('articles')
          .innerJoin('article_bodies', 'article_bodies.article_id', 'articles.id')
          .selectAll('articles')
          .select('article_bodies.body_md')
          .where('articles.slug', 'in', slice.map(benchSlug))
          .execute()
      ).map((a) => [a.slug, a]),
    );
    const rows = slice.flatMap((i) => {
      const a = bySlug.get(benchSlug(i));
      return a?.published_at ? [{ ...a, i, published_at: a.published_at }] : [];
    });
    const stale = rows.filter((a) => !a.body_md.includes(factParagraph(a.i, a.title.split(':')[0], a.published_at)));
    if (stale.length) {
      await inTransaction(db, async (tx) => {
        for (const a of stale) {
          a.body_md = `${a.body_md}\n\n${factParagraph(a.i, a.title.split(':')[0], a.published_at)}`;
          await updateArticle(
            tx,
            a.id,
            {
              slug: a.slug,
              title: a.title,
              lead: a.lead,
              bodyMd: a.body_md,
              bodyHtml: renderMarkdown(a.body_md),
              language: a.language,
              status: a.status,
              publishedAt: a.published_at,
              rubricId: a.rubric_id,
              coverUrl: a.cover_url,
              coverCaption: a.cover_caption,
              coverCredit: a.cover_credit,
              commentsMode: a.comments_mode,
            },
            new Date(a.updated_at),
          );
          await indexArticle(tx, a.id);
        }
      });
    }
    const extracted = help.extract(
      rows.map((a) => ({ title: a.title, lead: a.lead, body_md: a.body_md, published: a.published_at.slice(0, 10), lang: a.language })),
    );
    return { count: slice.length, rows, extracted };
  };
  const started = Date.now();
  let facts = 0,
    done = 0;
  let next = await load(0);
  for (let start = 0; start < wanted.length; start += BATCH) {
    const { count, rows, extracted } = next;
    const results = await extracted;
    if (start + BATCH < wanted.length) next = await load(start + BATCH);
    facts += await db.batch(() =>
      storeFacts(
        db,
        rows.map((a) => ({ id: a.id, publishedAt: a.published_at })),
        results,
      ),
    );
    done += count;
    const secs = (Date.now() - started) / 1000;
    log?.(
      `  facts ${bar(done / wanted.length)} ${done}/${wanted.length} articles, ${facts} facts, ${secs.toFixed(0)} s, ~${Math.round(((wanted.length - done) / Math.max(1, done)) * secs)} s left`,
    );
  }
}

/**
 * extractArticle over published articles, dated at their publication, with the engine's results from the
 * helper thread; a result is used only for exactly the text and options extractArticle passes. Returns the facts stored.
 */
async function storeFacts(db: Db, articles: { id: number; publishedAt: string }[], extracted: Extracted[]): Promise<number> {
  let facts = 0;
  for (const [k, a] of articles.entries()) {
    const x = extracted[k];
    const out = await extractArticle(db, a.id, {
      now: new Date(a.publishedAt),
      extract: (text, o) => (text === x.text && o.published === x.published && o.lang === x.lang ? x.result : extract(text, o)),
    });
    facts += out?.facts ?? 0;
  }
  return facts;
}

/** A text progress bar. */
export function bar(fraction: number, width = 24): string {
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

export type { Db };
