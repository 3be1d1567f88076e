// Builds a deterministic archive of N articles straight through the stores, with a progress bar.
import { existsSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDb, inTransaction, type Db } from '../src/platform/db.js';
import { migrate } from '../src/platform/migrations/index.js';
import { renderMarkdown } from '../src/platform/markdown.js';
import { insertAuthor } from '../src/features/authors/author-store.js';
import { insertRubric } from '../src/features/rubrics/rubric-store.js';
import { insertTag } from '../src/features/tags/tag-store.js';
import { insertArticle, setArticleAuthors, setArticleTags } from '../src/features/articles/article-store.js';
import { indexArticle } from '../src/features/search/search-index.js';
import { insertEvent } from '../src/features/events/event-store.js';
import { upsertSetting } from '../src/features/site/site-store.js';
import { insertComment } from '../src/features/comments/comment-store.js';
import { sql } from 'kysely';

/** A small deterministic generator (mulberry32), so every run builds the same archive. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const COUNTRIES = ['Kazakhstan', 'Kyrgyzstan', 'Uzbekistan', 'Tajikistan', 'Turkmenistan', 'China', 'Russia', 'India', 'Iran', 'Turkey', 'Azerbaijan', 'Armenia', 'Georgia', 'Mongolia', 'Pakistan'];
const TOPICS = ['railway', 'pipeline', 'summit', 'trade', 'investment', 'energy', 'security', 'corridor', 'agriculture', 'water', 'migration', 'elections', 'sanctions', 'logistics', 'diplomacy'];
const EN = ['the', 'delegations', 'agreed', 'to', 'expand', 'cooperation', 'on', 'transport', 'and', 'energy', 'while', 'ministers', 'discussed', 'tariffs', 'border', 'crossings', 'investment', 'projects', 'signed', 'memorandum', 'government', 'officials', 'noted', 'growth', 'regional', 'market', 'talks', 'partnership', 'summit', 'railway', 'negotiations', 'strategic', 'corridor', 'freight', 'capacity', 'reforms'];
const RU = ['стороны', 'договорились', 'расширить', 'сотрудничество', 'в', 'области', 'транспорта', 'и', 'энергетики', 'министры', 'обсудили', 'переговоры', 'саммит', 'инвестиции', 'железной', 'дороги', 'торговли', 'соглашение', 'подписали', 'партнёрство', 'коридора', 'грузов', 'проекты', 'правительство', 'региона', 'развития'];

function sentence(r: ReturnType<typeof rng>, words: readonly string[], extra: string[]): string {
  const n = 10 + r.int(14);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(r.next() < 0.12 ? r.pick(extra) : r.pick(words));
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}

export interface ArchiveInfo { path: string; articles: number; slugs: string[]; rubricSlugs: string[] }

/** Slug of the i-th generated article. */
export const benchSlug = (i: number) => `bench-article-${i}`;

/** Creates (or reuses) a SQLite archive of `n` published articles at `path`. */
export async function buildArchive(path: string, n: number, opts: { log?: (s: string) => void; force?: boolean } = {}): Promise<ArchiveInfo> {
  const rubricSlugs = ['analysis', 'news', 'economy', 'opinion'];
  const info = { path, articles: n, slugs: Array.from({ length: n }, (_, i) => benchSlug(i)), rubricSlugs };
  if (existsSync(path) && !opts.force) {
    // A cached archive gets the migrations (and comments) added since it was built.
    const db = openDb(`sqlite:${path}`);
    try { await migrate(db); await addComments(db, n, opts.log); await sql`pragma optimize = 0x10002`.execute(db); } finally { await db.destroy(); }
    return info;
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.building`;
  rmSync(tmp, { force: true }); rmSync(`${tmp}-wal`, { force: true }); rmSync(`${tmp}-shm`, { force: true });
  const db = openDb(`sqlite:${tmp}`);
  await migrate(db);
  const r = rng(42);
  const epoch = new Date('2020-01-01T00:00:00Z');
  await upsertSetting(db, 'site.title', 'The Bench Desk');
  const authorIds: number[] = [];
  for (let i = 0; i < 40; i++) authorIds.push(await insertAuthor(db, { slug: `author-${i}`, name: `Author ${i}`, title: i === 0 ? 'International Observer' : 'Correspondent', bio: 'Writes for the desk.', photoUrl: '' }, epoch));
  const rubricIds: number[] = [];
  for (const [i, s] of rubricSlugs.entries()) rubricIds.push(await insertRubric(db, { slug: s, name: s[0].toUpperCase() + s.slice(1), description: '', position: i }));
  const tagIds: number[] = [];
  for (const c of COUNTRIES) tagIds.push(await insertTag(db, { slug: c.toLowerCase(), name: c, type: 'country' }));
  for (const t of TOPICS) tagIds.push(await insertTag(db, { slug: t, name: t, type: 'topic' }));
  await insertEvent(db, {
    slug: 'bench-conference', title: 'Bench Conference', summary: 'A conference.', programmeMd: '', programmeHtml: '', venueName: 'The Radisson Lazurnaya Hotel',
    venueAddress: '103 Kurortniy Prospekt', venueCity: 'Sochi', venueCountry: 'RU', lat: null, lon: null, timezone: 'Europe/Moscow', startsAt: null, endsAt: null,
    onlineUrl: '', language: 'en', status: 'published', statusNote: '', termsMd: 'Terms.', termsHtml: '<p>Terms.</p>',
  }, epoch);

  const started = Date.now();
  const BATCH = 500;
  for (let start = 0; start < n; start += BATCH) {
    await inTransaction(db, async (tx) => {
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const ru = i % 10 === 9;
        const words = ru ? RU : EN;
        const country = r.pick(COUNTRIES);
        const paras: string[] = [];
        const pn = 4 + r.int(6);
        for (let p = 0; p < pn; p++) paras.push(Array.from({ length: 3 + r.int(3) }, () => sentence(r, words, [country, r.pick(COUNTRIES), r.pick(TOPICS)])).join(' '));
        const body = paras.join('\n\n');
        const when = new Date(epoch.getTime() + Math.floor((i / n) * 6 * 365 * 864e5) + r.int(3600_000)).toISOString();
        const title = `${country}: ${sentence(r, words, TOPICS).slice(0, 70).replace(/\.$/, '')}`;
        const id = await insertArticle(tx, {
          slug: benchSlug(i), title, lead: sentence(r, words, [country]), bodyMd: body, bodyHtml: renderMarkdown(body), language: ru ? 'ru' : 'en',
          status: 'published', publishedAt: when, rubricId: rubricIds[i % rubricIds.length], coverUrl: '', coverCaption: '', coverCredit: '', commentsMode: 'on',
        }, new Date(when), null);
        await setArticleAuthors(tx, id, i % 17 === 0 ? [authorIds[i % 40], authorIds[(i + 1) % 40]] : [authorIds[i % 40]]);
        await setArticleTags(tx, id, [...new Set([tagIds[COUNTRIES.indexOf(country)], tagIds[r.int(tagIds.length)], tagIds[r.int(tagIds.length)]])]);
        await indexArticle(tx, id);
      }
    });
    const done = Math.min(n, start + BATCH);
    const secs = (Date.now() - started) / 1000;
    opts.log?.(`  archive ${bar(done / n)} ${done}/${n} articles, ${secs.toFixed(0)} s, ~${Math.round(((n - done) / Math.max(1, done)) * secs)} s left`);
  }
  await addComments(db, n, opts.log);
  // Planner statistics, as a running install has them (openDb refreshes them when tables change a lot).
  await sql`pragma optimize = 0x10002`.execute(db);
  await db.destroy();
  renameSync(tmp, path);
  rmSync(`${tmp}-wal`, { force: true }); rmSync(`${tmp}-shm`, { force: true });
  return info;
}

/** Slug of the article that carries 10,000 comments. */
export const busySlug = (n: number) => benchSlug(Math.min(1, n - 1));

/** Readers' comments, 10 per article on average (0 to 20) and 10,000 on one article; skipped when already there. */
async function addComments(db: Db, n: number, log?: (s: string) => void): Promise<void> {
  const have = await db.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow();
  if (Number(have.c) > 0) return;
  const epoch = new Date('2020-01-01T00:00:00Z');
  const readers: number[] = [];
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < 200; i++) {
      const r = await tx.insertInto('users').values({ email: `reader-${i}@bench.test`, name: `Reader ${i}`, role: 'reader', password_hash: 'x', created_at: epoch.toISOString(), email_confirmed_at: epoch.toISOString() } as never).returning('id').executeTakeFirstOrThrow();
      readers.push(r.id);
    }
  });
  const ids = (await db.selectFrom('articles').select(['id', 'slug', 'published_at']).orderBy('id').execute());
  const r = rng(7);
  const started = Date.now();
  const BATCH = 1000;
  const busy = busySlug(n);
  for (let start = 0; start < ids.length; start += BATCH) {
    await inTransaction(db, async (tx) => {
      for (const a of ids.slice(start, start + BATCH)) {
        const count = a.slug === busy ? 10_000 : r.int(21);
        const base = Date.parse(a.published_at ?? epoch.toISOString());
        for (let c = 0; c < count; c++) {
          await insertComment(tx, {
            articleId: a.id, userId: readers[r.int(readers.length)], parentId: null, replyToUserId: null, replyToName: '',
            body: sentence(r, EN, TOPICS), status: 'published', rejectReason: '', now: new Date(base + (c + 1) * 60_000),
          });
        }
      }
    });
    const done = Math.min(ids.length, start + BATCH);
    log?.(`  comments ${bar(done / ids.length)} ${done}/${ids.length} articles, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
}

/** A text progress bar. */
export function bar(fraction: number, width = 24): string {
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}]`;
}

export type { Db };
