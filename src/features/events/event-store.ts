// Events table: rows to Event objects; the event shown beside an article.
import { sql, type Selectable } from 'kysely';
import type { ContentMemo } from '../../platform/content-memo.js';
import type { Db } from '../../platform/db.js';
import { prepared, preparedByShape, type Slots } from '../../platform/prepared.js';
import type { EventsTable } from '../../platform/schema.js';
import type { SafeHtml } from '../../platform/safe-html.js';
import { parseEventTime, type Event, type EventStatus } from './event.js';

/** Maps a row to an Event. */
export function rowToEvent(r: Selectable<EventsTable>): Event {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    programmeMd: r.programme_md,
    programmeHtml: r.programme_html as SafeHtml,
    venue: {
      name: r.venue_name,
      address: r.venue_address,
      city: r.venue_city,
      country: r.venue_country,
      lat: r.lat === null ? null : Number(r.lat),
      lon: r.lon === null ? null : Number(r.lon),
    },
    timezone: r.timezone,
    start: parseEventTime(r.starts_at),
    end: parseEventTime(r.ends_at),
    onlineUrl: r.online_url,
    language: r.language,
    status: r.status as EventStatus,
    statusNote: r.status_note,
    termsMd: r.terms_md,
    termsHtml: r.terms_html as SafeHtml,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    icsSequence: Number(r.ics_sequence ?? 0),
  };
}

/** The event with this slug in any status, or undefined. */
export async function findEventBySlug(db: Db, slug: string): Promise<Event | undefined> {
  const r = await db.selectFrom('events').selectAll().where('slug', '=', slug).executeTakeFirst();
  return r && rowToEvent(r);
}

/** The event with this id, or undefined. */
export async function findEventById(db: Db, id: number): Promise<Event | undefined> {
  const r = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return r && rowToEvent(r);
}

const VISIBLE: EventStatus[] = ['published', 'cancelled', 'postponed'];

const upcoming = preparedByShape((db, p: Slots<{ today: string }>, limit: number) =>
  db
    .selectFrom('events')
    .selectAll()
    .where('status', 'in', VISIBLE)
    .where((eb) =>
      eb.or([
        eb('starts_at', 'is', null),
        eb('ends_at', '>=', p.today),
        eb.and([eb('ends_at', 'is', null), eb('starts_at', '>=', p.today)]),
      ]),
    )
    // Nulls sort first on SQLite and last on PostgreSQL: order "to be announced" last explicitly on both.
    .orderBy(sql`case when starts_at is null then 1 else 0 end`)
    .orderBy('starts_at')
    .orderBy('id')
    // Written into the statement: a bound LIMIT has SQLite compile it again at every run (decision 006).
    .limit(sql.lit(limit)),
);

/** Public events not yet over (and those still to be announced), soonest first, TBA last. */
export async function listUpcomingEvents(db: Db, now: Date, limit = 50): Promise<Event[]> {
  const rows = await upcoming(Math.max(0, Math.floor(limit))).all(db, { today: now.toISOString().slice(0, 10) });
  return rows.map(rowToEvent);
}

function pastQuery(db: Db, today: string) {
  return db
    .selectFrom('events')
    .where('status', 'in', VISIBLE)
    .where('starts_at', 'is not', null)
    .where((eb) => eb.or([eb('ends_at', '<', today), eb.and([eb('ends_at', 'is', null), eb('starts_at', '<', today)])]));
}

// The events page's second list and its count, on every miss of that page: compiled once per page size.
const past = preparedByShape((db, p: Slots<{ today: string; offset: number }>, limit: number) =>
  pastQuery(db, p.today).selectAll().orderBy('starts_at', 'desc').orderBy('id', 'desc').limit(sql.lit(limit)).offset(p.offset),
);
const pastCount = prepared((db, p: Slots<{ today: string }>) => pastQuery(db, p.today).select((eb) => eb.fn.countAll<number>().as('n')));

/** Public events that are over, most recent first. */
export async function listPastEvents(db: Db, now: Date, limit = 50, offset = 0): Promise<Event[]> {
  const rows = await past(Math.max(0, Math.floor(limit))).all(db, { today: now.toISOString().slice(0, 10), offset });
  return rows.map(rowToEvent);
}

/** How many public events are over. */
export async function countPastEvents(db: Db, now: Date): Promise<number> {
  const r = await pastCount.first(db, { today: now.toISOString().slice(0, 10) });
  return Number(r?.n ?? 0);
}

/** The event an article's events block shows: one linked to the article, else the next upcoming one. */
// Asked by every article page: compiled once.
const eventOfArticle = prepared((db, p: Slots<{ articleId: number }>) =>
  db
    .selectFrom('events')
    .innerJoin('event_articles', 'event_articles.event_id', 'events.id')
    .selectAll('events')
    .where('event_articles.article_id', '=', p.articleId)
    .where('events.status', 'in', VISIBLE)
    .orderBy('events.starts_at', 'desc')
    .limit(1),
);

// Few articles are linked to an event: with a memo, the set of those that are is read once per content
// change or minute, and every other article page skips the lookup.
const linkedArticles = prepared((db, _p: Slots<Record<string, never>>) =>
  db
    .selectFrom('event_articles')
    .innerJoin('events', 'events.id', 'event_articles.event_id')
    .select('event_articles.article_id')
    .where('events.status', 'in', VISIBLE),
);

export async function findEventForArticle(
  db: Db,
  articleId: number,
  now: Date,
  nextEvent?: () => Promise<Event | undefined>,
  memo?: ContentMemo,
): Promise<Event | undefined> {
  const mayHaveOne =
    !memo ||
    (await memo.get('event-linked-articles', async () => new Set((await linkedArticles.all(db, {})).map((r) => r.article_id)))).has(
      articleId,
    );
  const linked = mayHaveOne ? await eventOfArticle.first(db, { articleId }) : undefined;
  if (linked) return rowToEvent(linked);
  return nextEvent ? nextEvent() : (await listUpcomingEvents(db, now, 1))[0];
}

/** Every event for the admin, newest first. */
export async function listEventsForAdmin(db: Db): Promise<Event[]> {
  return (await db.selectFrom('events').selectAll().orderBy('updated_at', 'desc').execute()).map(rowToEvent);
}

export interface EventRow {
  slug: string;
  title: string;
  summary: string;
  programmeMd: string;
  programmeHtml: string;
  venueName: string;
  venueAddress: string;
  venueCity: string;
  venueCountry: string;
  lat: number | null;
  lon: number | null;
  timezone: string;
  startsAt: string | null;
  endsAt: string | null;
  onlineUrl: string;
  language: string;
  status: EventStatus;
  statusNote: string;
  termsMd: string;
  termsHtml: string;
}

function cols(e: EventRow) {
  return {
    slug: e.slug,
    title: e.title,
    summary: e.summary,
    programme_md: e.programmeMd,
    programme_html: e.programmeHtml,
    venue_name: e.venueName,
    venue_address: e.venueAddress,
    venue_city: e.venueCity,
    venue_country: e.venueCountry,
    lat: e.lat,
    lon: e.lon,
    timezone: e.timezone,
    starts_at: e.startsAt,
    ends_at: e.endsAt,
    online_url: e.onlineUrl,
    language: e.language,
    status: e.status,
    status_note: e.statusNote,
    terms_md: e.termsMd,
    terms_html: e.termsHtml,
  };
}

/** Inserts an event; returns its id. */
export async function insertEvent(db: Db, e: EventRow, now: Date): Promise<number> {
  return (
    await db
      .insertInto('events')
      .values({ ...cols(e), created_at: now.toISOString(), updated_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Updates an event. */
export async function updateEvent(db: Db, id: number, e: EventRow, now: Date): Promise<void> {
  await db
    .updateTable('events')
    .set({ ...cols(e), updated_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Deletes an event. */
export async function deleteEvent(db: Db, id: number): Promise<void> {
  await db.deleteFrom('events').where('id', '=', id).execute();
}

/** Replaces the articles linked to an event. */
export async function setEventArticles(db: Db, eventId: number, articleIds: number[]): Promise<void> {
  await db.deleteFrom('event_articles').where('event_id', '=', eventId).execute();
  if (articleIds.length)
    await db
      .insertInto('event_articles')
      .values([...new Set(articleIds)].map((article_id) => ({ event_id: eventId, article_id })))
      .execute();
}

/** Ids of the articles linked to an event. */
export async function listEventArticleIds(db: Db, eventId: number): Promise<number[]> {
  return (await db.selectFrom('event_articles').select('article_id').where('event_id', '=', eventId).execute()).map((r) => r.article_id);
}

/** An article linked to an event, as the event page lists it. */
export interface LinkedArticle {
  id: number;
  slug: string;
  title: string;
  lead: string;
  language: string;
  publishedAt: string;
}

/**
 * The published articles linked to an event, newest first. With `lang`, an article in another language gives way
 * to its published version in `lang` where its translation group has one (each group listed once), so an edition's
 * readers see the coverage in their language wherever it exists.
 */
export async function listEventArticles(db: Db, eventId: number, now: Date, lang?: string): Promise<LinkedArticle[]> {
  const at = now.toISOString();
  const rows = await db
    .selectFrom('event_articles')
    .innerJoin('articles', 'articles.id', 'event_articles.article_id')
    .leftJoin('articles as v', (j) =>
      j
        .on('v.language', '=', lang ?? '')
        .on('v.status', '=', 'published')
        .on('v.published_at', '<=', at)
        .on((eb) =>
          eb.or([
            eb('v.id', '=', eb.fn.coalesce('articles.translation_group', 'articles.id')),
            eb('v.translation_group', '=', eb.fn.coalesce('articles.translation_group', 'articles.id')),
          ]),
        ),
    )
    .select([
      'articles.id',
      'articles.slug',
      'articles.title',
      'articles.lead',
      'articles.language',
      'articles.published_at',
      'v.id as v_id',
      'v.slug as v_slug',
      'v.title as v_title',
      'v.lead as v_lead',
      'v.published_at as v_published_at',
    ])
    .where('event_articles.event_id', '=', eventId)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', at)
    .execute();
  const byId = new Map<number, LinkedArticle>();
  for (const r of rows) {
    const own = r.language === lang || r.v_id == null;
    const a: LinkedArticle = own
      ? { id: r.id, slug: r.slug, title: r.title, lead: r.lead, language: r.language, publishedAt: r.published_at! }
      : { id: r.v_id!, slug: r.v_slug!, title: r.v_title!, lead: r.v_lead!, language: lang!, publishedAt: r.v_published_at! };
    byId.set(a.id, a);
  }
  return [...byId.values()].sort((x, y) => (x.publishedAt === y.publishedAt ? y.id - x.id : x.publishedAt < y.publishedAt ? 1 : -1));
}

/** Slugs of the articles linked to an event (any status), for the staff form. */
export async function listEventArticleSlugs(db: Db, eventId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('event_articles')
    .innerJoin('articles', 'articles.id', 'event_articles.article_id')
    .select('articles.slug')
    .where('event_articles.event_id', '=', eventId)
    .orderBy('articles.slug')
    .execute();
  return rows.map((r) => r.slug);
}

/** Ids of the articles with these slugs, in one query; a slug with no article is absent from the map. */
export async function findArticleIdsBySlugs(db: Db, slugs: string[]): Promise<Map<string, number>> {
  if (!slugs.length) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'slug']).where('slug', 'in', slugs).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** True when another event already uses the slug. */
export async function eventSlugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('events').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Sets the calendar SEQUENCE of an event's .ics files (raised on every change participants must see). */
export async function updateEventIcsSequence(db: Db, id: number, sequence: number): Promise<void> {
  await db.updateTable('events').set({ ics_sequence: sequence }).where('id', '=', id).execute();
}

/** Every event's id and slug, for matching by slug. */
export async function listEventSlugs(db: Db): Promise<{ id: number; slug: string }[]> {
  return db.selectFrom('events').select(['id', 'slug']).execute();
}

/** Public events (never drafts) in id order, newest first after an id, optionally only those not over yet. */
export async function listVisibleEventsAfter(db: Db, f: { after?: number; upcomingFrom?: Date; limit: number }): Promise<Event[]> {
  let q = db.selectFrom('events').selectAll().where('status', 'in', VISIBLE);
  if (f.after !== undefined) q = q.where('id', '<', f.after);
  if (f.upcomingFrom) {
    const today = f.upcomingFrom.toISOString().slice(0, 10);
    q = q.where((eb) =>
      eb.or([eb('starts_at', 'is', null), eb('ends_at', '>=', today), eb.and([eb('ends_at', 'is', null), eb('starts_at', '>=', today)])]),
    );
  }
  const rows = await q.orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map(rowToEvent);
}

/** Locks the event's row until the transaction ends (PostgreSQL; SQLite runs one writing transaction at a time). */
export async function lockEventRow(db: Db, id: number): Promise<void> {
  if (db.dialect === 'postgres') await sql`select id from events where id = ${id} for update`.execute(db);
}
