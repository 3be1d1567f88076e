// Extraction: runs the knowledge engine over a published article and stores what it finds, keeping
// editors' decisions (rejections, confirmations, corrections) across re-extraction.
import { inTransaction, type Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/event-outbox.js';
import { markdownToText } from '../../platform/markdown.js';
import type { ExtractOptions, ExtractResult } from '../../nlp/index.js';
import { factFingerprint, isEntityId, type DossierEntity, type EntityType, type FactStatus } from './dossier.js';
import {
  deleteFacts,
  insertFact,
  linkFactEntities,
  listFactsOfArticle,
  refreshFact,
  setArticleEntities,
  setEntityNames,
  upsertEntities,
  type LinkableFact,
} from './dossier-store.js';
import { countPublishedStatus, findArticleForExtraction, listPublishedIdsAfter } from '../articles/article-store.js';

export type Extractor = (text: string, opts: ExtractOptions) => ExtractResult;

export interface ExtractDeps {
  extract?: Extractor;
  /** Facts below this confidence wait for review instead of being shown. */
  threshold?: number;
  version?: string;
  now?: Date;
}

export interface ExtractOutcome {
  articleId: number;
  facts: number;
  review: number;
  rejected: number;
  entities: number;
}

/** The text the engine reads for an article; fact offsets point into it. */
export function articleText(a: { title: string; lead: string; body_md: string }): string {
  return `${a.title}\n${a.lead}\n${markdownToText(a.body_md)}`;
}

/** Where a date sorts in a timeline: a year or month counts from its end ("2024" after "2024-05-14"). */
export function sortKey(value: string): string {
  if (/^\d{4}$/.test(value)) return `${value}-12-31`;
  if (/^\d{4}-\d{2}$/.test(value)) return `${value}-31`;
  return value.slice(0, 10);
}

const ENTITY_TYPES = new Set<EntityType>(['country', 'person', 'organization', 'place', 'project']);

/**
 * Extracts an article's entities and facts and replaces its stored facts in one transaction.
 * Rejected facts stay rejected (and hidden); confirmed and corrected ones keep their arguments
 * while their sentence is still in the text; new facts under the threshold wait for review.
 * Returns undefined when the article does not exist or is not published.
 */
export async function extractArticle(db: Db, articleId: number, deps: ExtractDeps = {}): Promise<ExtractOutcome | undefined> {
  const article = await findArticleForExtraction(db, articleId);
  if (!article || article.status !== 'published') return undefined;
  const now = deps.now ?? new Date();
  // The engine builds its gazetteer when loaded: a server that extracts nothing yet does not pay for it at start.
  const engine = await import('../../nlp/index.js');
  const threshold = deps.threshold ?? engine.REVIEW_THRESHOLD ?? 0.6;
  const version = deps.version ?? engine.EXTRACTOR_VERSION;
  const text = articleText(article);
  const published = article.published_at ? article.published_at.slice(0, 10) : undefined;
  const lang = ['en', 'ru', 'zh'].includes(article.language) ? article.language : 'auto';
  let result: ReturnType<typeof engine.extract>;
  try {
    result = (deps.extract ?? engine.extract)(text, { published, lang });
  } catch (e) {
    // An article in a language the engine cannot read has no facts; anything else is a bug to report.
    if (!(e instanceof engine.UnreadableLanguageError)) throw e;
    result = { entities: [], facts: [] };
  }
  const day = published ?? now.toISOString().slice(0, 10);

  const entities: DossierEntity[] = [];
  const mentions = new Map<string, number>();
  for (const e of result.entities) {
    if (!isEntityId(e.id) || !ENTITY_TYPES.has(e.type as EntityType) || !e.name) continue;
    entities.push({
      id: e.id,
      type: e.type as EntityType,
      name: e.name.slice(0, 300),
      aliases: (e.aliases ?? []).filter((a) => typeof a === 'string'),
      roles: (e.roles ?? [])
        .filter((r) => r && typeof r.title === 'string')
        .map((r) => (r.of ? { title: r.title, of: r.of } : { title: r.title })),
      country: typeof e.country === 'string' && isEntityId(e.country) ? e.country : null,
    });
    if (e.mentions.length) mentions.set(e.id, e.mentions.length);
  }
  // The names a Russian or Chinese article gives its entities, for that edition's readers ("Казахстан", "习近平").
  const read = result.lang ?? (lang === 'auto' ? undefined : lang);
  const localNames = new Map<string, string>();
  if (read === 'ru' || read === 'zh')
    for (const e of result.entities) {
      if (!entities.some((x) => x.id === e.id)) continue;
      const name = engine.nameIn(
        e.id,
        read,
        (e.mentions ?? []).map((m) => m.text),
      );
      if (name) localNames.set(e.id, name);
    }
  // A known person, organisation or project keeps the engine's listed name in the other languages until an
  // article in one of them names it: a Chinese reader sees 上海合作组织 before any Chinese article mentions it.
  const registerNames = new Map<'ru' | 'zh', Map<string, string>>();
  for (const lang of ['ru', 'zh'] as const) {
    if (lang === read) continue;
    const names = new Map<string, string>();
    for (const e of entities) {
      const name = engine.registerName(e.id, lang);
      if (name) names.set(e.id, name);
    }
    registerNames.set(lang, names);
  }

  // Fingerprints of the new facts; a second fact with the same key in one article gets a suffix.
  const seen = new Map<string, number>();
  const fresh = result.facts
    .filter((f) => f.evidence && typeof f.type === 'string' && f.args && typeof f.args === 'object')
    .map((f) => {
      let fp = factFingerprint(articleId, f.type, f.args);
      const n = seen.get(fp) ?? 0;
      seen.set(fp, n + 1);
      if (n) fp = `${fp}-${n + 1}`;
      const evidence = {
        start: f.evidence.start,
        end: f.evidence.end,
        text: f.evidence.text ?? text.slice(f.evidence.start, f.evidence.end),
      };
      return { f, fp, evidence, confidence: Math.max(0, Math.min(1, Number(f.confidence) || 0)) };
    });

  return inTransaction(db, async (tx) => {
    await upsertEntities(tx, entities, now);
    if (read && localNames.size) await setEntityNames(tx, read, localNames, now);
    for (const [lang, names] of registerNames) if (names.size) await setEntityNames(tx, lang, names, now, false);
    for (const id of mentions.keys()) if (!entities.some((e) => e.id === id)) mentions.delete(id);
    for (const e of entities) if (!mentions.has(e.id)) mentions.set(e.id, 0);
    await setArticleEntities(tx, articleId, mentions);

    const existing = await listFactsOfArticle(tx, articleId);
    const byFp = new Map(existing.map((x) => [x.fingerprint, x]));
    const keep = new Set<number>();
    const current: LinkableFact[] = [];
    let review = 0;
    for (const { f, fp, evidence, confidence } of fresh) {
      const old = byFp.get(fp);
      const when = f.when && typeof f.when.value === 'string' ? { value: f.when.value, precision: f.when.precision } : undefined;
      const sortDate = when ? sortKey(when.value) : day;
      const decided = old && (old.status === 'rejected' || old.status === 'confirmed' || old.status === 'corrected');
      const status: FactStatus = decided ? old.status : confidence < threshold ? 'review' : 'auto';
      // Editors' corrected arguments win over what the engine says now.
      const args = decided && old.status !== 'rejected' ? old.args : f.args;
      // An announced event ("will pay a state visit next month") is stored as planned: upcoming, not history.
      const row = {
        type: f.type,
        args,
        when,
        sortDate,
        confidence,
        evidence,
        extractorVersion: version,
        status,
        planned: f.status === 'planned',
      };
      let id: number;
      if (old) {
        id = old.id;
        await refreshFact(tx, id, row, now);
      } else {
        id = await insertFact(tx, { ...row, articleId, fingerprint: fp }, now);
        // Partners subscribed to facts hear of each new one readers can see (platform/event-outbox.ts).
        if (status === 'auto') await recordEvent(tx, { type: 'fact.added', id }, now);
      }
      keep.add(id);
      if (status === 'review') review++;
      current.push({ id, articleId, type: f.type, args, sortDate, status });
    }
    // Decisions on facts the engine no longer finds: rejections are kept (so they stay rejected if
    // the fact comes back); confirmations and corrections stay while their sentence is in the text.
    const drop: number[] = [];
    for (const x of existing) {
      if (keep.has(x.id)) continue;
      if (x.status === 'rejected') continue;
      if ((x.status === 'confirmed' || x.status === 'corrected') && text.includes(x.evidence.text)) {
        current.push(x);
        continue;
      }
      drop.push(x.id);
    }
    await deleteFacts(tx, drop);
    await linkFactEntities(tx, current);
    const rejected = existing.filter((x) => x.status === 'rejected').length;
    return { articleId, facts: current.length, review, rejected, entities: entities.length };
  });
}

/** Re-extracts every published article, oldest first, in batches; for `chancery extract --all`. */
export async function extractAll(
  db: Db,
  opts: { onProgress?: (done: number, total: number) => void } & ExtractDeps = {},
): Promise<{ articles: number; facts: number; review: number }> {
  const { onProgress, ...deps } = opts;
  const total = await countPublishedStatus(db);
  let done = 0,
    facts = 0,
    review = 0,
    after = 0;
  for (;;) {
    const batch = await listPublishedIdsAfter(db, after, 100);
    if (!batch.length) break;
    for (const { id } of batch) {
      const r = await extractArticle(db, id, deps);
      if (r) {
        facts += r.facts;
        review += r.review;
      }
      done++;
      onProgress?.(done, total);
    }
    after = batch[batch.length - 1].id;
  }
  return { articles: done, facts, review };
}

/** The job handler for 'extract-article' {articleId}: extracts, then lets cached pages refresh. */
export function extractArticleJob(db: Db, clock: () => Date, contentChanged: () => void, deps: ExtractDeps = {}) {
  return async (payload: { articleId?: unknown }) => {
    const id = Number(payload?.articleId);
    if (!Number.isInteger(id) || id <= 0) return;
    const r = await extractArticle(db, id, { ...deps, now: clock() });
    if (r) contentChanged();
  };
}
