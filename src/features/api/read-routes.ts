// The read side of the API: what the site shows, as JSON. Every query is a store's; this module only parses
// parameters, calls stores and shapes the answer.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppCtx } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { isPublic } from '../articles/article.js';
import { findArticleById, listArticleChanges, listPublishedAfter } from '../articles/article-store.js';
import { findAuthorById, findAuthorIdBySlug, listAuthors } from '../authors/author-store.js';
import { countPublishedByArticle, findComment, listThread } from '../comments/comment-store.js';
import { THREAD_PAGE } from '../comments/comment.js';
import { PUBLIC_STATUSES, isEntityId, type FactStatus } from '../dossiers/dossier.js';
import {
  dossierStats,
  findEntity,
  listEntitiesAfter,
  findPublicFact,
  listFactsAfter,
  listMentioningArticles,
  listRelatedEntities,
  type Scope as DossierScope,
} from '../dossiers/dossier-store.js';
import { isUpcoming, isVisible, type Event } from '../events/event.js';
import { findEventById, findEventForArticle, listVisibleEventsAfter } from '../events/event-store.js';
import { registrationState } from '../events/registration.js';
import { countTakenPlaces, findRegistration, findSettings } from '../events/registration-store.js';
import { findCurrentTerms } from '../events/terms-store.js';
import { listTranslations } from '../articles/translation-store.js';
import { findRubricIdBySlug, listRubrics } from '../rubrics/rubric-store.js';
import { articlePath, contentPath } from '../../platform/editions.js';
import { isLanguage } from '../../platform/i18n/index.js';
import { parseQuery } from '../search/search-query.js';
import { COUNT_CAP, searchArticles } from '../search/search-store.js';
import { findTagBySlug, listTags } from '../tags/tag-store.js';
import { CURSOR, DATE_OR_TIME, ID, LIMIT, params, SLUG, type ApiRoute } from './api-route.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import {
  articleJson,
  articleSummaryJson,
  authorJson,
  commentJson,
  entityJson,
  eventJson,
  factJson,
  factsCsv,
  factsJsonLines,
  rubricJson,
  tagJson,
  type Abs,
} from './representations.js';
import { nullable, pageOf, pageUrl, ref } from './schemas.js';

/** What the routes learn about the caller from the key or token (set by the plugin before the handler). */
export interface Caller {
  /** The partner key's id; undefined for anyone without one. */
  keyId?: number;
  /** The reader a reader access token acts for. */
  userId?: number;
  scopes: ReadonlySet<string>;
  /** Browser origins the key may be used from. */
  origins: string[];
  /** Requests per minute. */
  rateLimit: number;
}
export const callerOf = (request: FastifyRequest): Caller => (request as FastifyRequest & { apiCaller: Caller }).apiCaller;

const bad = (parameter: string, detail: string) => new AppError('bad_request', detail, { [parameter]: detail });

/** An instant from an RFC 3339 date-time or full-date parameter, as a stored ISO string. */
function instant(parameter: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const d = new Date(/T/.test(value) ? value : `${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw bad(parameter, `"${value}" is not a date (use RFC 3339, e.g. 2026-03-01 or 2026-03-01T12:00:00Z).`);
  return d.toISOString();
}

const ENTITY_ID = {
  type: 'string',
  pattern: '^(country|person|org|place|project):[A-Za-z0-9][A-Za-z0-9-]{0,150}$',
  description: 'e.g. country:KZ',
} as const;
const FACT_FORMATS = { json: 'application/json', csv: 'text/csv', jsonl: 'application/jsonl' } as const;
type FactFormat = keyof typeof FACT_FORMATS;

/** The representation of facts asked for: the format parameter first, then the Accept header. */
function factFormat(request: FastifyRequest, format: string | undefined): FactFormat {
  if (format) return format as FactFormat;
  const accept = request.headers.accept ?? '';
  if (/\btext\/csv\b/.test(accept)) return 'csv';
  if (/\bapplication\/(jsonl|x-ndjson|jsonlines)\b/.test(accept)) return 'jsonl';
  return 'json';
}

/** Absolute addresses; pages of content at their edition's address, as the newsroom's settings have it now. */
function absOf(ctx: AppCtx): Abs {
  return Object.assign((path: string) => `${ctx.config.baseUrl}${path}`, {
    article: (language: string, slug: string) => `${ctx.config.baseUrl}${articlePath(language, ctx.editions, slug)}`,
    // A language no edition has (an old row) falls back to the default edition rather than to an address that is not there.
    page: (path: string, language?: string) =>
      `${ctx.config.baseUrl}${contentPath(language !== undefined && isLanguage(language) ? language : ctx.editions.root, ctx.editions, path)}`,
  });
}

/** An event as the API shows it, with its terms and what registration is open. */
async function eventWithRegistration(ctx: AppCtx, e: Event, now: Date) {
  const { db } = ctx;
  const [settings, taken, terms] = await Promise.all([findSettings(db, e.id), countTakenPlaces(db, [e.id]), findCurrentTerms(db, e.id)]);
  const state = registrationState(e, settings, taken.get(e.id) ?? 0, now, !isUpcoming(e, now));
  return eventJson(e, { settings, state, terms }, absOf(ctx));
}

/** A published article as the API shows it, with its comment count and event. */
async function articleWithContext(ctx: AppCtx, a: NonNullable<Awaited<ReturnType<typeof findArticleById>>>) {
  const [counts, event, translations] = await Promise.all([
    countPublishedByArticle(ctx.db, [a.id]),
    findEventForArticle(ctx.db, a.id, ctx.clock(), async () => undefined),
    listTranslations(ctx.db, a.id, ctx.clock()),
  ]);
  const { bodyMd: _markdown, ...readable } = a;
  return articleJson(
    readable,
    {
      commentCount: counts.get(a.id) ?? 0,
      event: event && isVisible(event) ? event : undefined,
      translations: translations.map((x) => ({ id: x.id, language: x.language, slug: x.slug })),
    },
    absOf(ctx),
  );
}

/**
 * The resources webhooks carry, in the same representations as the read routes; undefined for one that is
 * no longer public (the event that made it so follows).
 */
export function webhookResources(ctx: AppCtx) {
  const { db } = ctx;
  return {
    async article(id: number) {
      const a = await findArticleById(db, id);
      return a && isPublic(a, ctx.clock()) ? articleWithContext(ctx, a) : undefined;
    },
    async event(id: number) {
      const e = await findEventById(db, id);
      return e && isVisible(e) ? eventWithRegistration(ctx, e, ctx.clock()) : undefined;
    },
    async comment(id: number) {
      const c = await findComment(db, id);
      return c && c.status === 'published' ? commentJson(c) : undefined;
    },
    async fact(id: number) {
      const f = await findPublicFact(db, id, ctx.clock());
      return f && factJson(f, absOf(ctx));
    },
    async registration(eventId: number, id: number) {
      const r = await findRegistration(db, eventId, id);
      return r && { id: r.id, event_id: r.eventId, status: r.status, created_at: r.createdAt, updated_at: r.updatedAt };
    },
  };
}

/** Builds the read routes. */
export function readRoutes(ctx: AppCtx): ApiRoute[] {
  const { db } = ctx;
  const abs = absOf(ctx);

  const eventOut = (e: Event, now: Date) => eventWithRegistration(ctx, e, now);

  async function idOfSlug(parameter: string, slug: string | undefined, find: (slug: string) => Promise<number | undefined>) {
    if (slug === undefined) return undefined;
    const id = await find(slug);
    // An unknown rubric, tag or author matches nothing: say so rather than answer an empty list.
    if (id === undefined) throw new AppError('not_found', `No ${parameter} has the slug "${slug}".`, { [parameter]: 'Unknown slug' });
    return id;
  }

  const articles: ApiRoute = {
    method: 'GET',
    url: '/articles',
    operationId: 'listArticles',
    tag: 'Articles',
    scope: 'read',
    summary: 'Published articles, newest first; or, with updated_since, every change since then',
    description:
      'Pages are cursor-based and stable while articles are published (new ones only add to the front). ' +
      'With `updated_since`, the list walks changes oldest first instead, and `deleted` lists articles readers no longer see ' +
      '(unpublished or deleted); when `next_cursor` is null, pass `next_since` as `updated_since` next time. ' +
      '`updated_since` is not combined with the other filters.',
    querystring: params({
      language: { type: 'string', pattern: '^[a-z]{2,3}$', description: 'Edition (language code)' },
      rubric: SLUG,
      tag: SLUG,
      author: SLUG,
      from: { ...DATE_OR_TIME, description: 'Published at or after (RFC 3339)' },
      to: { ...DATE_OR_TIME, description: 'Published before (RFC 3339)' },
      updated_since: { ...DATE_OR_TIME, description: 'Delta sync: changes at or after this instant' },
      cursor: CURSOR,
      limit: LIMIT,
    }),
    response: {
      type: 'object',
      properties: {
        data: { type: 'array', items: ref('ArticleSummary') },
        deleted: { type: 'array', items: ref('Tombstone') },
        next_cursor: nullable({ type: 'string' }),
        next_since: {
          ...nullable({ type: 'string', format: 'date-time' }),
          description: 'Delta sync only: updated_since for the next sync',
        },
      },
      required: ['data', 'deleted', 'next_cursor'],
      additionalProperties: false,
    },
    async handler(request) {
      const q = request.query as Record<string, string | number | undefined>;
      const now = ctx.clock();
      const limit = Number(q.limit ?? 20);
      const since = instant('updated_since', q.updated_since as string | undefined);
      if (since !== undefined) {
        const others = ['language', 'rubric', 'tag', 'author', 'from', 'to'].filter((k) => q[k] !== undefined);
        if (others.length) throw bad(others[0], 'updated_since lists every change and takes no other filter.');
        const after = q.cursor ? decodeCursor<[string, number]>('changes', String(q.cursor), ['string', 'number']) : undefined;
        const changes = await listArticleChanges(db, { since, now, limit, after: after && { at: after[0], id: after[1] } });
        const live = changes.flatMap((c) => (c.kind === 'article' ? [c.article] : []));
        const counts = await countPublishedByArticle(
          db,
          live.map((a) => a.id),
        );
        const last = changes.at(-1);
        const full = changes.length === limit && last;
        return {
          data: live.map((a) => articleSummaryJson(a, counts.get(a.id) ?? 0, abs)),
          deleted: changes.flatMap((c) => (c.kind === 'gone' ? [{ id: c.id, slug: c.slug, reason: c.reason, at: c.at }] : [])),
          next_cursor: full ? encodeCursor('changes', [last.at, last.kind === 'article' ? last.article.id : last.id]) : null,
          next_since: full ? null : now.toISOString(),
        };
      }
      const after = q.cursor ? decodeCursor<[string, number]>('articles', String(q.cursor), ['string', 'number']) : undefined;
      const [rubricId, tagId, authorId] = await Promise.all([
        idOfSlug('rubric', q.rubric as string | undefined, (s) => findRubricIdBySlug(db, s)),
        idOfSlug('tag', q.tag as string | undefined, async (s) => (await findTagBySlug(db, s))?.id),
        idOfSlug('author', q.author as string | undefined, (s) => findAuthorIdBySlug(db, s)),
      ]);
      const list = await listPublishedAfter(db, {
        now,
        rubricId,
        tagId,
        authorId,
        language: q.language as string | undefined,
        from: instant('from', q.from as string | undefined),
        before: instant('to', q.to as string | undefined),
        after: after && { publishedAt: after[0], id: after[1] },
        limit,
      });
      const counts = await countPublishedByArticle(
        db,
        list.map((a) => a.id),
      );
      const last = list.at(-1);
      return {
        data: list.map((a) => articleSummaryJson(a, counts.get(a.id) ?? 0, abs)),
        deleted: [],
        next_cursor: list.length === limit && last ? encodeCursor('articles', [last.publishedAt ?? '', last.id]) : null,
      };
    },
  };

  async function publicArticle(id: number) {
    const a = await findArticleById(db, id);
    if (!a || !isPublic(a, ctx.clock())) throw new AppError('not_found', 'No published article has this id.');
    return a;
  }

  const article: ApiRoute = {
    method: 'GET',
    url: '/articles/:id',
    operationId: 'getArticle',
    tag: 'Articles',
    scope: 'read',
    summary: 'One published article with its body, authors, tags, cover, event and comment count',
    params: params({ id: ID }, ['id']),
    response: ref('Article'),
    async handler(request) {
      const { id } = request.params as { id: number };
      const a = await publicArticle(id);
      return articleWithContext(ctx, a);
    },
  };

  const comments: ApiRoute = {
    method: 'GET',
    url: '/articles/:id/comments',
    operationId: 'listComments',
    tag: 'Comments',
    scope: 'read',
    summary: "An article's comment thread: top-level comments with their replies",
    description: `Pages of ${THREAD_PAGE} top-level comments. Deleted comments that have published replies keep their place, without text.`,
    params: params({ id: ID }, ['id']),
    querystring: params({ order: { enum: ['oldest', 'newest'], default: 'oldest' }, cursor: CURSOR }),
    response: pageOf(
      {
        type: 'object',
        properties: { comment: ref('Comment'), replies: { type: 'array', items: ref('Comment') } },
        required: ['comment', 'replies'],
        additionalProperties: false,
      },
      { count: { type: 'integer', description: 'Published comments of the article' } },
    ),
    async handler(request) {
      const { id } = request.params as { id: number };
      const q = request.query as { order: 'oldest' | 'newest'; cursor?: string };
      const a = await publicArticle(id);
      const page = q.cursor ? decodeCursor<[string, number]>('thread', q.cursor, ['string', 'number']) : undefined;
      if (page && page[0] !== q.order) throw bad('cursor', 'This cursor belongs to the thread in the other order.');
      const [thread, counts] = await Promise.all([
        listThread(db, { articleId: a.id, order: q.order, page: page?.[1] ?? 1 }),
        countPublishedByArticle(db, [a.id]),
      ]);
      return {
        data: thread.items.map((i) => ({ comment: commentJson(i.comment), replies: i.replies.map(commentJson) })),
        count: counts.get(a.id) ?? 0,
        next_cursor: thread.page < thread.pages ? encodeCursor('thread', [q.order, thread.page + 1]) : null,
      };
    },
  };

  const authors: ApiRoute = {
    method: 'GET',
    url: '/authors',
    operationId: 'listAuthors',
    tag: 'Newsroom',
    scope: 'read',
    summary: 'Every author',
    response: pageOf(ref('Author')),
    async handler() {
      return { data: (await listAuthors(db)).map((a) => authorJson(a, abs)), next_cursor: null };
    },
  };
  const author: ApiRoute = {
    method: 'GET',
    url: '/authors/:id',
    operationId: 'getAuthor',
    tag: 'Newsroom',
    scope: 'read',
    summary: 'One author',
    params: params({ id: ID }, ['id']),
    response: ref('Author'),
    async handler(request) {
      const a = await findAuthorById(db, (request.params as { id: number }).id);
      if (!a) throw new AppError('not_found', 'No author has this id.');
      return authorJson(a, abs);
    },
  };
  const rubrics: ApiRoute = {
    method: 'GET',
    url: '/rubrics',
    operationId: 'listRubrics',
    tag: 'Newsroom',
    scope: 'read',
    summary: 'Every rubric, in menu order',
    response: pageOf(ref('Rubric')),
    async handler() {
      return { data: (await listRubrics(db)).map((r) => rubricJson(r, abs)), next_cursor: null };
    },
  };
  const tags: ApiRoute = {
    method: 'GET',
    url: '/tags',
    operationId: 'listTags',
    tag: 'Newsroom',
    scope: 'read',
    summary: 'Every tag',
    response: pageOf(ref('Tag')),
    async handler() {
      return { data: (await listTags(db)).map((t) => tagJson(t, abs)), next_cursor: null };
    },
  };

  const events: ApiRoute = {
    method: 'GET',
    url: '/events',
    operationId: 'listEvents',
    tag: 'Events',
    scope: 'read',
    summary: 'Public events, newest first, with their terms and the places left',
    querystring: params({ upcoming: { type: 'boolean', description: 'Only events not over yet' }, cursor: CURSOR, limit: LIMIT }),
    response: pageOf(ref('Event')),
    async handler(request) {
      const q = request.query as { upcoming?: boolean; cursor?: string; limit: number };
      const now = ctx.clock();
      const after = q.cursor ? decodeCursor<[number]>('events', q.cursor, ['number'])[0] : undefined;
      const list = await listVisibleEventsAfter(db, { after, limit: q.limit, upcomingFrom: q.upcoming ? now : undefined });
      const data = [];
      for (const e of list) data.push(await eventOut(e, now));
      return { data, next_cursor: list.length === q.limit ? encodeCursor('events', [list.at(-1)!.id]) : null };
    },
  };
  const event: ApiRoute = {
    method: 'GET',
    url: '/events/:id',
    operationId: 'getEvent',
    tag: 'Events',
    scope: 'read',
    summary: 'One event with its terms of participation and the places left',
    params: params({ id: ID }, ['id']),
    response: ref('Event'),
    async handler(request) {
      const e = await findEventById(db, (request.params as { id: number }).id);
      if (!e || !isVisible(e)) throw new AppError('not_found', 'No public event has this id.');
      return eventOut(e, ctx.clock());
    },
  };

  const entities: ApiRoute = {
    method: 'GET',
    url: '/entities',
    operationId: 'listEntities',
    tag: 'Knowledge',
    scope: 'read',
    summary: 'Countries, people, organisations, places and projects the articles mention, with all their names',
    querystring: params({
      type: { enum: ['country', 'person', 'organization', 'place', 'project'] },
      q: { type: 'string', minLength: 2, maxLength: 100, description: 'Part of a name or alias' },
      cursor: CURSOR,
      limit: LIMIT,
    }),
    response: pageOf(ref('Entity')),
    async handler(request) {
      const q = request.query as { type?: 'country'; q?: string; cursor?: string; limit: number };
      const after = q.cursor ? decodeCursor<[string]>('entities', q.cursor, ['string'])[0] : undefined;
      const list = await listEntitiesAfter(db, { type: q.type, q: q.q, after, limit: q.limit });
      return {
        data: list.map((e) => entityJson(e, abs)),
        next_cursor: list.length === q.limit ? encodeCursor('entities', [list.at(-1)!.id]) : null,
      };
    },
  };
  const entity: ApiRoute = {
    method: 'GET',
    url: '/entities/:id',
    operationId: 'getEntity',
    tag: 'Knowledge',
    scope: 'read',
    summary: 'One entity with all its names',
    params: params({ id: ENTITY_ID }, ['id']),
    response: ref('Entity'),
    async handler(request) {
      const e = await findEntity(db, (request.params as { id: string }).id);
      if (!e) throw new AppError('not_found', 'No entity has this id.');
      return entityJson(e, abs);
    },
  };

  const DOSSIER = {
    type: 'object',
    properties: {
      entities: { type: 'array', items: ref('Entity'), minItems: 1, maxItems: 2 },
      url: pageUrl,
      facts: { type: 'integer', description: 'Facts that happened' },
      articles: { type: 'integer' },
      first_year: nullable({ type: 'string' }),
      last_year: nullable({ type: 'string' }),
      related: {
        type: 'array',
        items: {
          type: 'object',
          properties: { id: { type: 'string' }, type: { type: 'string' }, name: { type: 'string' }, shared: { type: 'integer' } },
          required: ['id', 'type', 'name', 'shared'],
          additionalProperties: false,
        },
      },
      latest_articles: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            slug: { type: 'string' },
            title: { type: 'string' },
            url: pageUrl,
            published_at: { type: 'string', format: 'date-time' },
          },
          required: ['id', 'slug', 'title', 'url', 'published_at'],
          additionalProperties: false,
        },
      },
    },
    required: ['entities', 'url', 'facts', 'articles', 'first_year', 'last_year', 'related', 'latest_articles'],
    additionalProperties: false,
  };
  async function dossier(ids: string[]) {
    const found = await Promise.all(ids.map((id) => findEntity(db, id)));
    if (found.some((e) => !e)) throw new AppError('not_found', 'No entity has this id.');
    const scope: DossierScope = ids.length === 2 ? { pair: [ids[0], ids[1]] } : { entity: ids[0] };
    const now = ctx.clock();
    const [stats, related, mentioning] = await Promise.all([
      dossierStats(db, scope, now),
      listRelatedEntities(db, scope, now, 20),
      listMentioningArticles(db, scope, now, 10),
    ]);
    return {
      entities: found.map((e) => entityJson(e!, abs)),
      url:
        ids.length === 2
          ? abs.page(`/dossiers/pair/${ids[0].split(':')[1].toLowerCase()}/${ids[1].split(':')[1].toLowerCase()}`)
          : entityJson(found[0]!, abs).url,
      facts: stats.facts,
      articles: stats.articles,
      first_year: stats.firstYear ?? null,
      last_year: stats.lastYear ?? null,
      related: related.map((r) => ({ id: r.id, type: r.type, name: r.name, shared: r.shared })),
      latest_articles: mentioning.items.map((a) => ({
        id: a.id,
        slug: a.slug,
        title: a.title,
        url: abs.article(a.language, a.slug),
        published_at: a.publishedAt,
      })),
    };
  }
  const dossierOne: ApiRoute = {
    method: 'GET',
    url: '/dossiers/:id',
    operationId: 'getDossier',
    tag: 'Knowledge',
    scope: 'read',
    summary: "An entity's dossier: counts, related entities and the latest articles (its facts: /facts?entity=)",
    params: params({ id: ENTITY_ID }, ['id']),
    response: DOSSIER,
    handler: (request) => dossier([(request.params as { id: string }).id]),
  };
  const dossierPair: ApiRoute = {
    method: 'GET',
    url: '/dossiers/:a/:b',
    operationId: 'getPairDossier',
    tag: 'Knowledge',
    scope: 'read',
    summary: 'What two entities share (two countries, usually): the facts of both (its facts: /facts?pair=)',
    params: params({ a: ENTITY_ID, b: ENTITY_ID }, ['a', 'b']),
    response: DOSSIER,
    handler: (request) => {
      const p = request.params as { a: string; b: string };
      if (p.a === p.b) throw bad('b', 'A pair needs two different entities.');
      return dossier([p.a, p.b]);
    },
  };

  const FACT_STATUS_PARAM = {
    type: 'string',
    pattern: '^(auto|confirmed|corrected|review|rejected)(,(auto|confirmed|corrected|review|rejected))*$',
    description:
      'Comma-separated statuses; by default those readers see (auto, confirmed, corrected). review and rejected need the facts:read scope.',
  };
  const facts: ApiRoute = {
    method: 'GET',
    url: '/facts',
    operationId: 'listFacts',
    tag: 'Knowledge',
    scope: 'read',
    summary: 'Facts read from published articles, newest first, each with its evidence sentence and article',
    description:
      'Also as CSV (`format=csv` or `Accept: text/csv`) and JSON Lines (`format=jsonl` or `Accept: application/jsonl`), ' +
      'where `limit` goes up to 5,000 and the next page is given in a `Link: <…>; rel="next"` header.',
    querystring: params({
      entity: ENTITY_ID,
      pair: {
        type: 'string',
        pattern: `^${ENTITY_ID.pattern.slice(1, -1)},${ENTITY_ID.pattern.slice(1, -1)}$`,
        description: 'Two entity ids, comma-separated: facts linked to both',
      },
      type: {
        type: 'string',
        pattern: '^[a-z_]{2,40}$',
        description: 'visit, meeting, agreement, investment, trade, summit, project_milestone…',
      },
      from: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'Dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)' },
      to: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'Dated before' },
      status: FACT_STATUS_PARAM,
      planned: { type: 'boolean', description: 'true: only announced; false: only happened' },
      format: { enum: ['json', 'csv', 'jsonl'] },
      cursor: CURSOR,
      limit: {
        type: 'integer',
        minimum: 1,
        maximum: 5000,
        default: 20,
        description: 'Items per page: at most 100 as JSON, 5,000 as CSV or JSON Lines',
      },
    }),
    response: pageOf(ref('Fact')),
    alternatives: {
      'text/csv': { schema: { type: 'string' }, description: 'One fact a row, a header row first (RFC 4180)' },
      'application/jsonl': { schema: { type: 'string' }, description: 'One Fact object a line' },
    },
    async handler(request, reply) {
      const q = request.query as Record<string, string | number | boolean | undefined>;
      const format = factFormat(request, q.format as string | undefined);
      const limit = Number(q.limit);
      if (format === 'json' && limit > 100) throw bad('limit', 'At most 100 facts a page as JSON; CSV and JSON Lines take up to 5,000.');
      const statuses = q.status ? ([...new Set(String(q.status).split(','))] as FactStatus[]) : PUBLIC_STATUSES;
      if (statuses.some((s) => !PUBLIC_STATUSES.includes(s)) && !callerOf(request).scopes.has('facts:read'))
        throw new AppError('forbidden', 'Facts under review or rejected need a key with the facts:read scope.', {
          status: 'Needs the facts:read scope',
        });
      const pair = q.pair ? (String(q.pair).split(',') as [string, string]) : undefined;
      if (pair && q.entity) throw bad('pair', 'Give entity or pair, not both.');
      if (pair && pair[0] === pair[1]) throw bad('pair', 'A pair needs two different entities.');
      for (const id of pair ?? (q.entity ? [String(q.entity)] : []))
        if (!isEntityId(id)) throw bad('entity', `"${id}" is not an entity id.`);
      const after = q.cursor ? decodeCursor<[string, number]>('facts', String(q.cursor), ['string', 'number']) : undefined;
      const list = await listFactsAfter(db, {
        entity: q.entity as string | undefined,
        pair,
        type: q.type as string | undefined,
        from: q.from as string | undefined,
        before: q.to as string | undefined,
        planned: q.planned as boolean | undefined,
        statuses,
        now: ctx.clock(),
        after: after && { sortDate: after[0], id: after[1] },
        limit,
      });
      const data = list.map((f) => factJson(f, abs));
      const last = list.at(-1);
      const next = list.length === limit && last ? encodeCursor('facts', [last.sortDate, last.id]) : null;
      if (format === 'json') return { data, next_cursor: next };
      if (next) {
        const url = new URL(request.url, ctx.config.baseUrl);
        url.searchParams.set('cursor', next);
        reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
      }
      reply.header('vary', 'accept');
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8')
        .send(format === 'csv' ? factsCsv(data) : factsJsonLines(data));
    },
  };

  const search: ApiRoute = {
    method: 'GET',
    url: '/search',
    operationId: 'search',
    tag: 'Articles',
    scope: 'read',
    summary: 'Published articles matching words, best first, with highlighted titles and passages',
    querystring: params(
      {
        q: { type: 'string', minLength: 1, maxLength: 200 },
        language: { type: 'string', pattern: '^[a-z]{2,3}$' },
        rubric: SLUG,
        author: SLUG,
        from: DATE_OR_TIME,
        to: DATE_OR_TIME,
        cursor: CURSOR,
        limit: LIMIT,
      },
      ['q'],
    ),
    response: pageOf(ref('SearchHit'), { total: { type: 'integer', description: `Matches, counted up to ${COUNT_CAP + 1}` } }),
    async handler(request) {
      const q = request.query as Record<string, string | number | undefined>;
      const limit = Number(q.limit);
      const parsed = parseQuery(q.q);
      const offset = q.cursor ? decodeCursor<[string, number]>('search', String(q.cursor), ['string', 'number']) : undefined;
      if (offset && offset[0] !== parsed.text) throw bad('cursor', 'This cursor belongs to another query.');
      const [rubricId, authorId] = await Promise.all([
        idOfSlug('rubric', q.rubric as string | undefined, (s) => findRubricIdBySlug(db, s)),
        idOfSlug('author', q.author as string | undefined, (s) => findAuthorIdBySlug(db, s)),
      ]);
      const start = offset?.[1] ?? 0;
      const result = await searchArticles(db, {
        terms: parsed.terms,
        filters: {
          rubricId,
          authorId,
          language: q.language as string | undefined,
          from: instant('from', q.from as string | undefined),
          before: instant('to', q.to as string | undefined),
        },
        now: ctx.clock(),
        limit,
        offset: start,
      });
      const counts = await countPublishedByArticle(
        db,
        result.hits.map((h) => h.article.id),
      );
      const more = start + result.hits.length < Math.min(result.total, COUNT_CAP) && result.hits.length === limit;
      return {
        data: result.hits.map((h) => ({
          article: articleSummaryJson(h.article, counts.get(h.article.id) ?? 0, abs),
          title_html: String(h.titleHtml),
          snippet_html: String(h.snippetHtml),
        })),
        total: result.total,
        next_cursor: more ? encodeCursor('search', [parsed.text, start + limit]) : null,
      };
    },
  };

  return [
    articles,
    article,
    comments,
    search,
    authors,
    author,
    rubrics,
    tags,
    events,
    event,
    entities,
    entity,
    dossierOne,
    dossierPair,
    facts,
  ];
}

export type { FastifyReply };
