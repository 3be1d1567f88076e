// Entities, facts and their links: rows to domain objects, and the bounded queries dossier pages need.
// Public queries show only facts with a public status from articles that are published now.
import { sql, type Insertable, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db.js';
import { ilike, opaque, unindexed } from '../../platform/columns.js';
import { listParams, listSlots, prepared, preparedByShape, type Slots } from '../../platform/prepared.js';
import type { DB, EntitiesTable, FactEntitiesTable, FactsTable } from '../../platform/schema.js';
import {
  PUBLIC_STATUSES,
  regionName,
  entityArgs,
  parseJson,
  upcomingFacts,
  upcomingSince,
  type DossierEntity,
  type EntityRef,
  type EntityRole,
  type EntityType,
  type FactStatus,
  type PublicFact,
  type StoredFact,
  type TimelineFact,
} from './dossier.js';

/** One entities row as a domain object. */
export function rowToEntity(r: Selectable<EntitiesTable>): DossierEntity {
  return {
    id: r.id,
    type: r.type as EntityType,
    name: r.name,
    aliases: parseJson<string[]>(r.aliases, []),
    roles: parseJson<EntityRole[]>(r.roles, []),
    country: r.country,
  };
}

/** One facts row as a domain object. */
export function rowToFact(r: Selectable<FactsTable>): StoredFact {
  return {
    id: r.id,
    articleId: r.article_id,
    type: r.type,
    args: parseJson<Record<string, unknown>>(r.args, {}),
    when: r.when_value ? { value: r.when_value, precision: r.when_precision ?? 'day' } : undefined,
    sortDate: r.sort_date,
    confidence: Number(r.confidence),
    evidence: { start: r.evidence_start, end: r.evidence_end, text: r.evidence_text },
    extractorVersion: r.extractor_version,
    status: r.status,
    fingerprint: r.fingerprint,
    planned: Number(r.planned) === 1,
  };
}

const FACT_COLUMNS = [
  'facts.id',
  'facts.article_id',
  'facts.type',
  'facts.args',
  'facts.when_value',
  'facts.when_precision',
  'facts.sort_date',
  'facts.confidence',
  'facts.evidence_start',
  'facts.evidence_end',
  'facts.evidence_text',
  'facts.extractor_version',
  'facts.status',
  'facts.fingerprint',
  'facts.created_at',
  'facts.updated_at',
  'facts.planned',
] as const;
const ARTICLE_COLUMNS = [
  'articles.slug as article_slug',
  'articles.title as article_title',
  'articles.published_at as article_published_at',
  // Its language names its edition: links to it go straight to its own address.
  'articles.language as article_language',
] as const;

type PublicRow = Selectable<FactsTable> & {
  article_slug: string;
  article_title: string;
  article_published_at: string | null;
  article_language: string;
};

// What a timeline shows of each fact: a dossier page reads fifty, and turning the other columns into
// JavaScript values cost as much as finding the rows.
const TIMELINE_COLUMNS = [
  'facts.id',
  'facts.article_id',
  'facts.type',
  'facts.args',
  'facts.when_value',
  'facts.when_precision',
  'facts.sort_date',
  'facts.evidence_text',
  'facts.status',
  ...ARTICLE_COLUMNS,
  'articles.translation_group as article_group',
] as const;
type TimelineRow = { article_language: string; article_group: number | null } & Pick<
  PublicRow,
  | 'id'
  | 'article_id'
  | 'type'
  | 'args'
  | 'when_value'
  | 'when_precision'
  | 'sort_date'
  | 'evidence_text'
  | 'status'
  | 'article_slug'
  | 'article_title'
  | 'article_published_at'
>;
function rowToTimelineFact(r: TimelineRow): TimelineFact {
  return {
    id: r.id,
    articleId: r.article_id,
    type: r.type,
    args: parseJson<Record<string, unknown>>(r.args, {}),
    when: r.when_value ? { value: r.when_value, precision: r.when_precision ?? 'day' } : undefined,
    sortDate: r.sort_date,
    status: r.status as FactStatus,
    evidence: { text: r.evidence_text },
    article: {
      id: r.article_id,
      slug: r.article_slug,
      title: r.article_title,
      publishedAt: r.article_published_at ?? '',
      language: r.article_language,
      group: Number(r.article_group ?? r.article_id),
    },
  };
}
function rowToPublicFact(r: PublicRow): PublicFact {
  return {
    ...rowToFact(r),
    article: {
      id: r.article_id,
      slug: r.article_slug,
      title: r.article_title,
      publishedAt: r.article_published_at ?? '',
      language: r.article_language,
    },
  };
}

// ---------- Entities ----------

/** One entity by id. */
const entityById = prepared((db, p: Slots<{ id: string }>) => db.selectFrom('entities').selectAll().where('id', '=', p.id));

export async function findEntity(db: Db, id: string): Promise<DossierEntity | undefined> {
  const r = await entityById.first(db, { id });
  return r ? rowToEntity(r) : undefined;
}

// A pair's dossier reads its two entities on every miss: compiled once per small number of ids.
const entitiesByIds = preparedByShape((db, p: Slots<Record<string, string>>, n: number) =>
  db
    .selectFrom('entities')
    .selectAll()
    .where(
      'id',
      'in',
      listSlots(n).map((k) => p[k]),
    ),
);

/** Entities by id, in one query. */
export async function findEntities(db: Db, ids: Iterable<string>): Promise<Map<string, DossierEntity>> {
  const list = [...new Set(ids)];
  const out = new Map<string, DossierEntity>();
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const rows =
      chunk.length <= 4
        ? await entitiesByIds(chunk.length).all(db, listParams(chunk))
        : await db.selectFrom('entities').selectAll().where('id', 'in', chunk).execute();
    for (const r of rows) out.set(r.id, rowToEntity(r));
  }
  return out;
}

/** Names of entities by id, in one query (pages show names: aliases and roles are neither read nor parsed). */
// A dossier page names the entities of its fifty facts, an article page those of its facts: compiled once per
// number of names (and language) up to MAX_PREPARED_REFS, built each time past it.
const MAX_PREPARED_REFS = 100;
const refsOf = preparedByShape((db, p: Slots<Record<string, string>>, n: number) =>
  db
    .selectFrom('entities')
    .select(['id', 'type', 'name'])
    .where(
      'id',
      'in',
      listSlots(n).map((k) => p[k]),
    ),
);
// The language is part of the statement's text, never a bound value: SQLite plans with it once.
const localRefsOf = preparedByShape((db, p: Slots<Record<string, string>>, shape: string) => {
  const [n, lang] = shape.split('|');
  return localRefs(db, lang).where(
    'entities.id',
    'in',
    listSlots(Number(n)).map((k) => p[k]),
  );
});
function localRefs(db: Db, lang: string) {
  return db
    .selectFrom('entities')
    .leftJoin('entity_names', (j) => j.onRef('entity_names.entity_id', '=', 'entities.id').on('entity_names.language', '=', lang))
    .select(['entities.id', 'entities.type', 'entities.name', 'entity_names.name as local']);
}

/**
 * Names of entities by id, in one query; with `lang` (other than English), the name that language's articles
 * use where one of them names the entity, else the entity's own name.
 */
export async function findEntityRefs(db: Db, ids: Iterable<string>, lang = 'en'): Promise<Map<string, EntityRef>> {
  const list = [...new Set(ids)];
  const out = new Map<string, EntityRef>();
  const local = lang !== 'en' && /^[a-z]{2,3}$/.test(lang);
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const small = chunk.length <= MAX_PREPARED_REFS;
    const rows: { id: string; type: string; name: string; local?: string | null }[] = local
      ? small
        ? await localRefsOf(`${chunk.length}|${lang}`).all(db, listParams(chunk))
        : await localRefs(db, lang).where('entities.id', 'in', chunk).execute()
      : small
        ? await refsOf(chunk.length).all(db, listParams(chunk))
        : await db.selectFrom('entities').select(['id', 'type', 'name']).where('id', 'in', chunk).execute();
    for (const r of rows) out.set(r.id, { id: r.id, type: r.type as EntityType, name: localName(r, lang) });
  }
  return out;
}

/** The name a reader of `lang` sees: the one that language's articles use, else a country's name in it, else the entity's own. */
function localName(r: { id: string; type: string; name: string; local?: string | null }, lang: string): string {
  if (r.local) return r.local;
  if (lang === 'en' || r.type !== 'country') return r.name;
  return regionName(r.id.slice(8), lang) ?? r.name;
}

/**
 * Records the names one language gives entities (entities must exist): an article's names replace what is known
 * (the latest article's name wins); `fromArticle` false adds names (a register's) only where none is known.
 */
export async function setEntityNames(db: Db, language: string, names: Map<string, string>, now: Date, fromArticle = true): Promise<void> {
  const at = now.toISOString();
  const rows = [...names]
    .filter(([, name]) => name.trim())
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([entity_id, name]) => ({
      entity_id,
      language,
      name: name.trim().slice(0, 300),
      from_article: fromArticle ? 1 : 0,
      updated_at: at,
    }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('entity_names')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) =>
        fromArticle
          ? oc.columns(['entity_id', 'language']).doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              from_article: eb.ref('excluded.from_article'),
              updated_at: eb.ref('excluded.updated_at'),
            }))
          : oc.columns(['entity_id', 'language']).doNothing(),
      )
      .execute();
}

/** Inserts or updates entities, merging aliases and roles with what is already known. */
export async function upsertEntities(db: Db, entities: Omit<DossierEntity, never>[], now: Date): Promise<void> {
  if (!entities.length) return;
  const known = await findEntities(
    db,
    entities.map((e) => e.id),
  );
  const at = now.toISOString();
  // Always in id order: two instances extracting articles that share entities then lock their rows in the same
  // order, and one waits for the other instead of each holding a row the other needs (a deadlock on PostgreSQL).
  const ordered = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of ordered) {
    const old = known.get(e.id);
    const aliases = [...new Set([...(old?.aliases ?? []), ...e.aliases])].filter((a) => a !== e.name).slice(0, 50);
    const roles = [...(old?.roles ?? [])];
    for (const r of e.roles) if (!roles.some((o) => o.title === r.title && o.of === r.of)) roles.push(r);
    const values = {
      type: e.type,
      name: e.name,
      aliases: JSON.stringify(aliases),
      roles: JSON.stringify(roles.slice(0, 20)),
      country: e.country ?? old?.country ?? null,
      updated_at: at,
    };
    if (old) {
      if (
        old.name === values.name &&
        JSON.stringify(old.aliases) === values.aliases &&
        JSON.stringify(old.roles) === values.roles &&
        old.country === values.country &&
        old.type === e.type
      )
        continue;
      await db.updateTable('entities').set(values).where('id', '=', e.id).execute();
    } else {
      await db
        .insertInto('entities')
        .values({ id: e.id, ...values, first_seen: at })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
    }
  }
}

/** Replaces the entity mention counts of an article. */
export async function setArticleEntities(db: Db, articleId: number, counts: Map<string, number>): Promise<void> {
  await db.deleteFrom('article_entities').where('article_id', '=', articleId).execute();
  const rows = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([entity_id, mentions]) => ({ article_id: articleId, entity_id, mentions }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('article_entities')
      .values(rows.slice(i, i + 200))
      .execute();
}

// ---------- Facts (all statuses: the extraction service and the review screen) ----------

/** Every fact of an article, whatever its status. */
export async function listFactsOfArticle(db: Db, articleId: number): Promise<StoredFact[]> {
  const rows = await db
    .selectFrom('facts')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('evidence_start')
    .orderBy('id')
    .execute();
  return rows.map(rowToFact);
}

/** One fact by id. */
export async function findFact(db: Db, id: number): Promise<StoredFact | undefined> {
  const r = await db.selectFrom('facts').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToFact(r) : undefined;
}

export interface FactRow {
  articleId: number;
  type: string;
  args: Record<string, unknown>;
  when?: { value: string; precision: string };
  sortDate: string;
  confidence: number;
  evidence: { start: number; end: number; text: string };
  extractorVersion: string;
  status: FactStatus;
  fingerprint: string;
  planned: boolean;
}

/** Inserts a fact; returns its id. */
export async function insertFact(db: Db, f: FactRow, now: Date): Promise<number> {
  const at = now.toISOString();
  const r = await db
    .insertInto('facts')
    .values({
      article_id: f.articleId,
      type: f.type,
      args: JSON.stringify(f.args),
      when_value: f.when?.value ?? null,
      when_precision: f.when?.precision ?? null,
      sort_date: f.sortDate,
      confidence: f.confidence,
      evidence_start: f.evidence.start,
      evidence_end: f.evidence.end,
      evidence_text: f.evidence.text,
      extractor_version: f.extractorVersion,
      status: f.status,
      fingerprint: f.fingerprint,
      planned: f.planned ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a fact's extracted fields (evidence, date, version, whether it is planned), keeping its id. */
export async function refreshFact(db: Db, id: number, f: Omit<FactRow, 'articleId' | 'fingerprint'>, now: Date): Promise<void> {
  await db
    .updateTable('facts')
    .set({
      type: f.type,
      args: JSON.stringify(f.args),
      when_value: f.when?.value ?? null,
      when_precision: f.when?.precision ?? null,
      sort_date: f.sortDate,
      confidence: f.confidence,
      evidence_start: f.evidence.start,
      evidence_end: f.evidence.end,
      evidence_text: f.evidence.text,
      extractor_version: f.extractorVersion,
      status: f.status,
      planned: f.planned ? 1 : 0,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/** Sets a fact's status (and, for a correction, its arguments). */
export async function updateFactDecision(
  db: Db,
  id: number,
  status: FactStatus,
  args: Record<string, unknown> | undefined,
  now: Date,
): Promise<void> {
  await db
    .updateTable('facts')
    .set({ status, updated_at: now.toISOString(), ...(args ? { args: JSON.stringify(args) } : {}) })
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('fact_entities')
    .set({ public: PUBLIC_STATUSES.includes(status) ? 1 : 0 })
    .where('fact_id', '=', id)
    .execute();
}

/** Deletes facts by id. */
export async function deleteFacts(db: Db, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .deleteFrom('facts')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
}

export type LinkableFact = Pick<StoredFact, 'id' | 'articleId' | 'type' | 'args' | 'sortDate' | 'status'>;

/**
 * Rebuilds the entity links of these facts: each entity argument, plus the country of a person
 * (by their roles), company, place or project, so that country and pair pages see those facts.
 */
export async function linkFactEntities(db: Db, facts: LinkableFact[]): Promise<void> {
  if (!facts.length) return;
  const ids = facts.map((f) => f.id);
  for (let i = 0; i < ids.length; i += 500)
    await db
      .deleteFrom('fact_entities')
      .where('fact_id', 'in', ids.slice(i, i + 500))
      .execute();
  const direct = new Map(facts.map((f) => [f.id, entityArgs(f.args)]));
  const known = await findEntities(
    db,
    [...direct.values()].flat().map((a) => a.id),
  );
  const derived = new Set<string>();
  for (const e of known.values()) for (const c of countriesOf(e)) if (!known.has(c)) derived.add(c);
  // A derived country may not be an entity yet (a role naming a country no article has mentioned).
  for (const [id, e] of await findEntities(db, derived)) known.set(id, e);
  const rows: Insertable<FactEntitiesTable>[] = [];
  for (const f of facts) {
    const seen = new Set<string>();
    const base = {
      fact_id: f.id,
      sort_date: f.sortDate,
      article_id: f.articleId,
      fact_type: f.type,
      public: PUBLIC_STATUSES.includes(f.status) ? 1 : 0,
    };
    const add = (id: string, role: string) => {
      const e = known.get(id);
      if (!e || seen.has(id)) return;
      seen.add(id);
      rows.push({ ...base, entity_id: id, role, entity_type: e.type });
    };
    const args = direct.get(f.id)!;
    for (const a of args) add(a.id, a.role);
    for (const a of args) {
      const e = known.get(a.id);
      if (e) for (const c of countriesOf(e)) add(c, `via:${a.role}`);
    }
  }
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('fact_entities')
      .values(rows.slice(i, i + 200))
      .execute();
}

function countriesOf(e: DossierEntity): string[] {
  if (e.type === 'country') return [];
  if (e.type === 'person') return e.roles.map((r) => r.of).filter((x): x is string => !!x && x.startsWith('country:'));
  return e.country ? [e.country] : [];
}

// ---------- Public queries ----------

/** The public facts of an article with the names of the entities they involve (for the article page). */
// Every article page asks for its facts: compiled once.
const publicFactsOfArticle = prepared((db, p: Slots<{ articleId: number }>) =>
  db
    .selectFrom('facts')
    .innerJoin('articles', 'articles.id', 'facts.article_id')
    .select([...FACT_COLUMNS])
    .where('facts.article_id', '=', p.articleId)
    .where('facts.status', 'in', PUBLIC_STATUSES)
    .where('articles.status', '=', 'published')
    .orderBy('facts.evidence_start')
    .orderBy('facts.id')
    .limit(200),
);

export async function listPublicFactsForArticle(
  db: Db,
  articleId: number,
  lang = 'en',
): Promise<{ facts: StoredFact[]; entities: Map<string, EntityRef> }> {
  const facts = (await publicFactsOfArticle.all(db, { articleId })).map(rowToFact);
  return { facts, entities: await entityRefs(db, facts, lang) };
}

/** Names of every entity the facts mention, in one query; as `lang`'s articles name them. */
export async function entityRefs(db: Db, facts: Pick<StoredFact, 'args'>[], lang = 'en'): Promise<Map<string, EntityRef>> {
  return findEntityRefs(
    db,
    facts.flatMap((f) => entityArgs(f.args).map((a) => a.id)),
    lang,
  );
}

/** Which entities a dossier covers: one entity, or the facts two countries share. */
export type Scope = { entity: string } | { pair: [string, string] };

// Articles readers cannot see now: drafts, scheduled pieces, and any dated in the future. Few, and
// found through the articles status index, so excluding them costs one small lookup per query.
// `now` is an ISO string, or a prepared statement's slot.
function hiddenArticles(db: Db, now: string) {
  return db
    .selectFrom('articles')
    .select('articles.id')
    .where((eb) =>
      eb.or([
        eb('articles.status', 'in', [sql.lit('draft' as const), sql.lit('scheduled' as const)]),
        eb.and([eb('articles.status', '=', sql.lit('published' as const)), eb('articles.published_at', '>', opaque(db, now))]),
      ]),
    );
}

// Public fact_entities rows (fe) of the scope; for a pair, facts linked to both countries.
function scoped(db: Db, scope: Scope, now: string) {
  let q = db.selectFrom('fact_entities as fe');
  if ('pair' in scope) {
    q = q.innerJoin('fact_entities as fe2', (j) => j.onRef('fe2.fact_id', '=', 'fe.fact_id').on('fe2.entity_id', '=', scope.pair[1]));
  }
  return q
    .where('fe.entity_id', '=', 'pair' in scope ? scope.pair[0] : scope.entity)
    .where('fe.public', '=', sql.lit(1))
    .where('fe.article_id', 'not in', hiddenArticles(db, now));
}

export interface DossierStats {
  facts: number;
  articles: number;
  firstYear: string | undefined;
  lastYear: string | undefined;
}

// Facts announced for later: few, found through facts_planned_idx, so leaving them out of the counts costs
// one small lookup (joining every fact of a country to read its flag would read a third of the facts table).
// The 1 is written into the statement: a bound value would make SQLite weigh the index's samples at each run.
function plannedFacts(db: Db) {
  return db.selectFrom('facts').select('facts.id').where('facts.planned', '=', sql.lit(1));
}

/** Counts for the summary line over the facts that happened: facts, articles, the years they span. */
export async function dossierStats(db: Db, scope: Scope, now: Date): Promise<DossierStats> {
  const r = await scoped(db, scope, now.toISOString())
    .where('fe.fact_id', 'not in', plannedFacts(db))
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('fe.article_id').distinct().as('articles'),
      eb.fn.min('fe.sort_date').as('first'),
      eb.fn.max('fe.sort_date').as('last'),
    ])
    .executeTakeFirst();
  return {
    facts: Number(r?.n ?? 0),
    articles: Number(r?.articles ?? 0),
    firstYear: r?.first ? String(r.first).slice(0, 4) : undefined,
    lastYear: r?.last ? String(r.last).slice(0, 4) : undefined,
  };
}

/** One page of the timeline (facts that happened), newest first. */
export async function listTimeline(db: Db, scope: Scope, now: Date, page: { limit: number; offset: number }): Promise<TimelineFact[]> {
  const pair = 'pair' in scope;
  const rows = await timelinePage(`${pair ? 'pair' : 'one'}:${page.limit}`).all(db, {
    entity: pair ? scope.pair[0] : scope.entity,
    other: pair ? scope.pair[1] : '',
    now: now.toISOString(),
    offset: page.offset,
  });
  return rows.map((r) => rowToTimelineFact(r as TimelineRow));
}

// Every dossier page reads one page of its timeline: built and compiled once per kind of scope (one entity or
// a pair) and page size, which is written into the statement (a bound LIMIT makes SQLite compile it again).
// Plans are rare, so they are dropped from the fact row the page reads anyway: the walk of the entity's
// index newest first stays as it was.
const timelinePage = preparedByShape((db, p: Slots<{ entity: string; other: string; now: string; offset: number }>, shape: string) =>
  scoped(db, shape.startsWith('pair') ? { pair: [p.entity, p.other] } : { entity: p.entity }, p.now)
    .innerJoin('facts', 'facts.id', 'fe.fact_id')
    .innerJoin('articles', 'articles.id', 'fe.article_id')
    .where('facts.planned', '=', 0)
    .select(TIMELINE_COLUMNS)
    .orderBy('fe.sort_date', 'desc')
    .orderBy('fe.fact_id', 'desc')
    .limit(Number(shape.split(':')[1]))
    .offset(p.offset),
);

// The facts of the versions in one language of a page's articles: read on a dossier page's miss in an edition
// whose language some of its facts' articles are not in. The language is written into the statement.
const versionFacts = preparedByShape((db, p: Slots<Record<string, number | string>>, shape: string) => {
  const [n, lang] = shape.split('|');
  const groups = listSlots(Number(n)).map((k) => p[k] as number);
  return db
    .selectFrom('articles')
    .innerJoin('facts', 'facts.article_id', 'articles.id')
    .where((eb) => eb.or([eb('articles.translation_group', 'in', groups), eb('articles.id', 'in', groups)]))
    .where('articles.language', '=', lang)
    .where('articles.status', '=', 'published')
    .where(unindexed(db, 'articles.published_at'), '<=', p.now as string)
    .where('facts.status', 'in', PUBLIC_STATUSES)
    .select(TIMELINE_COLUMNS)
    .orderBy('facts.id')
    .limit(500);
});

/**
 * The public facts of the `lang` versions of the translation groups `groups` (an article's group is its
 * original's id): what inReaderLanguage matches a page's facts against. Empty when no group has such a version.
 */
export async function listVersionFacts(db: Db, groups: Iterable<number>, lang: string, now: Date): Promise<TimelineFact[]> {
  const list = [...new Set(groups)].slice(0, MAX_PREPARED_REFS);
  if (!list.length || !/^[a-z]{2,3}$/.test(lang)) return [];
  const rows = await versionFacts(`${list.length}|${lang}`).all(db, { ...listParams(list), now: now.toISOString() });
  return rows.map((r) => rowToTimelineFact(r as TimelineRow));
}

/** Trade and investment facts that happened in the scope, newest first, bounded: the key figures' input. */
export async function listFigureFacts(db: Db, scope: Scope, now: Date, limit = 500): Promise<PublicFact[]> {
  const rows = await scoped(db, scope, now.toISOString())
    .where('fe.fact_type', 'in', ['trade', 'investment'])
    .innerJoin('facts', 'facts.id', 'fe.fact_id')
    .innerJoin('articles', 'articles.id', 'fe.article_id')
    .where('facts.planned', '=', sql.lit(0))
    .select([...FACT_COLUMNS, ...ARTICLE_COLUMNS])
    .orderBy('fe.sort_date', 'desc')
    .orderBy('fe.fact_id', 'desc')
    .limit(sql.lit(limit))
    .execute();
  return rows.map((r) => rowToPublicFact(r as PublicRow));
}

/**
 * The scope's upcoming events, soonest first, at most `limit`: its public plans from published articles that
 * are not stale, less those a fact that happened reports as having taken place (upcomingFacts).
 */
export async function listUpcomingFacts(db: Db, scope: Scope, now: Date, limit = 10): Promise<TimelineFact[]> {
  const at = now.toISOString();
  const since = upcomingSince(now);
  // A few more than shown: some of the soonest may be stale or have happened already.
  const planned = (
    await scoped(db, scope, at)
      .innerJoin('facts', 'facts.id', 'fe.fact_id')
      .innerJoin('articles', 'articles.id', 'fe.article_id')
      .where('fe.sort_date', '>=', since)
      .where('facts.planned', '=', sql.lit(1))
      .select(TIMELINE_COLUMNS)
      .orderBy('fe.sort_date')
      .orderBy('fe.fact_id')
      .limit(sql.lit(limit * 3))
      .execute()
  ).map((r) => rowToTimelineFact(r as TimelineRow));
  if (!planned.length) return [];
  // What happened since the earliest of them, of the same types: a plan is fulfilled by a fact dated in its
  // first month or later, and a plan that is not stale starts no earlier than `since`'s month.
  const happened = await scoped(db, scope, at)
    .where('fe.fact_type', 'in', [...new Set(planned.map((f) => f.type))])
    .where('fe.sort_date', '>=', `${since.slice(0, 4)}-01-01`)
    .innerJoin('facts', 'facts.id', 'fe.fact_id')
    .where('facts.planned', '=', sql.lit(0))
    .select(['facts.type', 'facts.args', 'facts.when_value', 'facts.when_precision', 'facts.sort_date'])
    .orderBy('fe.sort_date', 'desc')
    .orderBy('fe.fact_id', 'desc')
    .limit(sql.lit(500))
    .execute();
  return upcomingFacts(
    planned,
    happened.map((r) => ({
      type: r.type,
      args: parseJson<Record<string, unknown>>(r.args, {}),
      sortDate: r.sort_date,
      when: r.when_value ? { value: r.when_value, precision: r.when_precision ?? 'day' } : undefined,
    })),
    now,
    limit,
  );
}

/** Entities that share the most of the scope's latest 1,000 facts that happened (bounded however big the dossier). */
export async function listRelatedEntities(db: Db, scope: Scope, now: Date, limit = 20): Promise<(EntityRef & { shared: number })[]> {
  const self = 'pair' in scope ? scope.pair : [scope.entity];
  // Counted as the summary counts, so "3 facts" beside a name means three in the timeline.
  const recent = scoped(db, scope, now.toISOString())
    .where('fe.fact_id', 'not in', plannedFacts(db))
    .select('fe.fact_id')
    .orderBy('fe.sort_date', 'desc')
    .orderBy('fe.fact_id', 'desc')
    .limit(sql.lit(1000));
  const rows = await db
    .selectFrom(recent.as('recent'))
    .innerJoin('fact_entities as other', 'other.fact_id', 'recent.fact_id')
    .innerJoin('entities', 'entities.id', 'other.entity_id')
    .where('other.entity_id', 'not in', self)
    .where('other.entity_type', '!=', sql.lit('place'))
    .select((eb) => ['entities.id', 'entities.type', 'entities.name', eb.fn.countAll<number>().as('n')])
    .groupBy(['entities.id', 'entities.type', 'entities.name'])
    .orderBy('n', 'desc')
    .orderBy('entities.name')
    .limit(sql.lit(limit))
    .execute();
  return rows.map((r) => ({ id: r.id, type: r.type as EntityType, name: r.name, shared: Number(r.n) }));
}

export interface ArticleRef {
  id: number;
  slug: string;
  title: string;
  publishedAt: string;
  /** Names the article's edition, for its address. */
  language: string;
}

/** Published articles that mention the entity (or, for a pair, both), newest first. */
export async function listMentioningArticles(db: Db, scope: Scope, now: Date, limit = 20): Promise<{ items: ArticleRef[]; total: number }> {
  let q = db.selectFrom('article_entities as ae').innerJoin('articles', 'articles.id', 'ae.article_id');
  if ('pair' in scope)
    q = q.innerJoin('article_entities as ae2', (j) =>
      j.onRef('ae2.article_id', '=', 'ae.article_id').on('ae2.entity_id', '=', scope.pair[1]),
    );
  q = q
    .where('ae.entity_id', '=', 'pair' in scope ? scope.pair[0] : scope.entity)
    .where('articles.status', '=', sql.lit('published' as const))
    .where('articles.published_at', '<=', opaque(db, now.toISOString()));
  // The newest few are picked from ids and dates alone (the article state index), then only those rows
  // are read: a country is mentioned in a third of the archive, and reading every row to sort was most of the page.
  const newest = q.select('articles.id').orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(sql.lit(limit));
  const [rows, count] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['articles.id', 'articles.slug', 'articles.title', 'articles.published_at', 'articles.language'])
      .where('articles.id', 'in', newest)
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, slug: r.slug, title: r.title, publishedAt: r.published_at ?? '', language: r.language })),
    total: Number(count.n),
  };
}

export interface IndexEntry extends EntityRef {
  facts: number;
}

/** The dossiers with the most public facts, per type (read from one covering index). */
export async function listTopEntities(db: Db, type: EntityType, now: Date, limit = 60, lang = 'en'): Promise<IndexEntry[]> {
  const top = db
    .selectFrom('fact_entities as fe')
    .where('fe.entity_type', '=', type)
    .where('fe.public', '=', 1)
    .where('fe.article_id', 'not in', hiddenArticles(db, now.toISOString()))
    .select((eb) => ['fe.entity_id', eb.fn.countAll<number>().as('n')])
    .groupBy('fe.entity_id')
    .orderBy('n', 'desc')
    .orderBy('fe.entity_id')
    .limit(limit);
  const rows = await db
    .selectFrom(top.as('top'))
    .innerJoin('entities', 'entities.id', 'top.entity_id')
    .leftJoin('entity_names', (j) => j.onRef('entity_names.entity_id', '=', 'entities.id').on('entity_names.language', '=', lang))
    .select(['entities.id', 'entities.type', 'entities.name', 'entity_names.name as local', 'top.n'])
    .orderBy('top.n', 'desc')
    .orderBy('entities.name')
    .execute();
  return rows.map((r) => ({ id: r.id, type: r.type as EntityType, name: localName(r, lang), facts: Number(r.n) }));
}

/**
 * Entities any of whose names (their own, an alias, or a name some language's articles give them) contains
 * the query, with their public fact counts (zero included); named as `lang`'s articles name them.
 */
export async function searchEntities(db: Db, q: string, now: Date, limit = 50, lang = 'en'): Promise<IndexEntry[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  const like = ilike(db.dialect);
  const rows = await db
    .selectFrom('entities')
    .leftJoin('entity_names', (j) => j.onRef('entity_names.entity_id', '=', 'entities.id').on('entity_names.language', '=', lang))
    .select(['entities.id', 'entities.type', 'entities.name', 'entity_names.name as local'])
    .where((eb) =>
      eb.or([
        eb(sql`entities.name`, like, sql`${pattern} escape '\\'`),
        eb(sql`entities.aliases`, like, sql`${pattern} escape '\\'`),
        eb.exists(
          eb
            .selectFrom('entity_names as any_name')
            .select('any_name.entity_id')
            .whereRef('any_name.entity_id', '=', 'entities.id')
            .where(sql`any_name.name`, like, sql`${pattern} escape '\\'`),
        ),
      ]),
    )
    .where('entities.type', '!=', 'place')
    .orderBy('entities.name')
    .limit(limit)
    .execute();
  if (!rows.length) return [];
  const counts = await db
    .selectFrom('fact_entities as fe')
    .where(
      'fe.entity_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('fe.public', '=', 1)
    .where('fe.article_id', 'not in', hiddenArticles(db, now.toISOString()))
    .select((eb) => ['fe.entity_id', eb.fn.countAll<number>().as('n')])
    .groupBy('fe.entity_id')
    .execute();
  const n = new Map(counts.map((c) => [c.entity_id, Number(c.n)]));
  return rows
    .map((r) => ({ id: r.id, type: r.type as EntityType, name: localName(r, lang), facts: n.get(r.id) ?? 0 }))
    .sort((a, b) => b.facts - a.facts || a.name.localeCompare(b.name, lang));
}

// ---------- Review screen ----------

export interface FactFilter {
  status?: FactStatus;
  type?: string;
  articleId?: number;
  limit: number;
  offset: number;
}

/** Facts for the review screen, newest first, with their article. */
export async function listFactsForReview(db: Db, f: FactFilter): Promise<{ items: PublicFact[]; total: number }> {
  let q = db.selectFrom('facts').innerJoin('articles', 'articles.id', 'facts.article_id');
  if (f.status) q = q.where('facts.status', '=', f.status);
  if (f.type) q = q.where('facts.type', '=', f.type);
  if (f.articleId !== undefined) q = q.where('facts.article_id', '=', f.articleId);
  const [rows, count] = await Promise.all([
    q
      .select([...FACT_COLUMNS, ...ARTICLE_COLUMNS])
      .orderBy('facts.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => rowToPublicFact(r as PublicRow)), total: Number(count.n) };
}

/** How many facts wait for review (the admin badge). */
export async function countFactsForReview(db: Db): Promise<number> {
  const r = await db
    .selectFrom('facts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'review')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---------- The information service ----------

/** A position in a list of facts newest first: the last one a page showed. */
export interface FactPosition {
  sortDate: string;
  id: number;
}

export interface FactQuery {
  entity?: string;
  /** Facts linked to both entities. */
  pair?: [string, string];
  type?: string;
  /** Inclusive lower bound of the fact's date (YYYY-MM-DD or a prefix of it). */
  from?: string;
  /** Exclusive upper bound of the fact's date. */
  before?: string;
  statuses: FactStatus[];
  planned?: boolean;
  now: Date;
  after?: FactPosition;
  limit: number;
}

/** Facts of published articles matching the query, newest first after a position, with their article. */
export async function listFactsAfter(db: Db, f: FactQuery): Promise<PublicFact[]> {
  const anchor = f.pair?.[0] ?? f.entity;
  // With an entity, the walk starts from its part of fact_entities (newest first, public ones together);
  // otherwise from the facts themselves.
  const rows = anchor
    ? await (() => {
        let q = db
          .selectFrom('fact_entities as fe')
          .innerJoin('facts', 'facts.id', 'fe.fact_id')
          .innerJoin('articles', 'articles.id', 'fe.article_id')
          .where('fe.entity_id', '=', anchor);
        if (f.statuses.every((st) => PUBLIC_STATUSES.includes(st))) q = q.where('fe.public', '=', 1);
        if (f.pair) {
          const other = f.pair[1];
          q = q.innerJoin('fact_entities as fe2', (j) => j.onRef('fe2.fact_id', '=', 'fe.fact_id').on('fe2.entity_id', '=', other));
        }
        if (f.from) q = q.where('fe.sort_date', '>=', f.from);
        if (f.before) q = q.where('fe.sort_date', '<', f.before);
        if (f.after) {
          const { sortDate, id } = f.after;
          q = q.where((eb) =>
            eb.or([eb('fe.sort_date', '<', sortDate), eb.and([eb('fe.sort_date', '=', sortDate), eb('fe.fact_id', '<', id)])]),
          );
        }
        return factFilters(q.orderBy('fe.sort_date', 'desc').orderBy('fe.fact_id', 'desc').limit(f.limit), f).execute();
      })()
    : await (() => {
        let q = db.selectFrom('facts').innerJoin('articles', 'articles.id', 'facts.article_id');
        if (f.from) q = q.where('facts.sort_date', '>=', f.from);
        if (f.before) q = q.where('facts.sort_date', '<', f.before);
        if (f.after) {
          const { sortDate, id } = f.after;
          q = q.where((eb) =>
            eb.or([eb('facts.sort_date', '<', sortDate), eb.and([eb('facts.sort_date', '=', sortDate), eb('facts.id', '<', id)])]),
          );
        }
        return factFilters(q.orderBy('facts.sort_date', 'desc').orderBy('facts.id', 'desc').limit(f.limit), f).execute();
      })();
  return rows.map((r) => rowToPublicFact(r as PublicRow));
}

/** One public fact of a published article, with its article (a webhook's payload), or undefined. */
export async function findPublicFact(db: Db, id: number, now: Date): Promise<PublicFact | undefined> {
  const q = db.selectFrom('facts').innerJoin('articles', 'articles.id', 'facts.article_id').where('facts.id', '=', id);
  const row = await factFilters(q, { statuses: PUBLIC_STATUSES, now, limit: 1 }).executeTakeFirst();
  return row && rowToPublicFact(row as PublicRow);
}

// What both walks check of each fact: its status, type and plan, and that readers see its article now.
function factFilters<Q extends SelectQueryBuilder<DB, 'facts' | 'articles', object>>(q: Q, f: FactQuery) {
  let out = q
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', f.now.toISOString())
    .where('facts.status', 'in', f.statuses);
  if (f.type) out = out.where('facts.type', '=', f.type);
  if (f.planned !== undefined) out = out.where('facts.planned', '=', f.planned ? 1 : 0);
  return out.select([...FACT_COLUMNS, ...ARTICLE_COLUMNS]);
}

/** Entities in id order after an id, optionally of one type or whose name or aliases contain a text. */
export async function listEntitiesAfter(
  db: Db,
  f: { type?: EntityType; q?: string; after?: string; limit: number },
): Promise<DossierEntity[]> {
  let q = db.selectFrom('entities').selectAll();
  if (f.type) q = q.where('type', '=', f.type);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    const like = ilike(db.dialect);
    q = q.where((eb) => eb.or([eb(sql`name`, like, sql`${pattern} escape '\\'`), eb(sql`aliases`, like, sql`${pattern} escape '\\'`)]));
  }
  if (f.after) q = q.where('id', '>', f.after);
  const rows = await q.orderBy('id').limit(f.limit).execute();
  return rows.map(rowToEntity);
}
