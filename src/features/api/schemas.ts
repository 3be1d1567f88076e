// The API's shared JSON schemas: each is registered with the routes' validator under its $id and becomes one
// entry of the OpenAPI document's components. Routes refer to them as { $ref: 'Name#' }.
// Written in the part of JSON Schema that draft-07 (the validator) and 2020-12 (OpenAPI 3.1) read alike.

export type JsonSchema = Record<string, unknown>;

/** A reference to a shared schema by name. */
export const ref = (name: string): JsonSchema => ({ $ref: `${name}#` });
/** A schema or null. */
export const nullable = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: 'null' }] });
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const dateTime = { type: 'string', format: 'date-time', description: 'RFC 3339, UTC' } as const;
/** A page of the site: at its edition's address, so that it answers without a redirect whichever way editions are addressed. */
export const pageUrl = {
  type: 'string',
  format: 'uri',
  description:
    "The page on the site, at its edition's address: an article's in its language's edition, a rubric's, tag's or event's " +
    "beside an article in the article's, an event's in its language's, any other page in the default edition's",
} as const;
const obj = (properties: Record<string, JsonSchema>, extra: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...extra,
});

/** A page of a list: its items and the cursor of the next page (null on the last). */
export function pageOf(item: JsonSchema, extra: Record<string, JsonSchema> = {}): JsonSchema {
  return obj({ data: { type: 'array', items: item }, next_cursor: nullable({ type: 'string' }), ...extra });
}

export const SCHEMAS: JsonSchema[] = [
  {
    $id: 'Problem',
    description: 'An error, as RFC 9457 describes: `errors` names each field or parameter that was wrong.',
    type: 'object',
    properties: {
      type: { type: 'string', format: 'uri-reference' },
      title: str,
      status: int,
      detail: str,
      instance: str,
      errors: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            detail: str,
            pointer: { type: 'string', description: 'JSON Pointer into the request body' },
            parameter: { type: 'string', description: 'Name of the query, path or header parameter' },
          },
          required: ['detail'],
          additionalProperties: false,
        },
      },
      error: { type: 'string', description: 'OAuth endpoints only: the RFC 6749 error code' },
      error_description: { type: 'string', description: 'OAuth endpoints only' },
    },
    required: ['type', 'title', 'status'],
    additionalProperties: false,
  },
  { $id: 'Rubric', ...obj({ id: int, slug: str, name: str, description: str, url: pageUrl }) },
  { $id: 'Tag', ...obj({ id: int, slug: str, name: str, type: { enum: ['topic', 'country', 'organisation', 'person'] }, url: pageUrl }) },
  { $id: 'AuthorRef', ...obj({ id: int, slug: str, name: str, title: str }) },
  { $id: 'Author', ...obj({ id: int, slug: str, name: str, title: str, bio: str, photo_url: str, url: pageUrl }) },
  { $id: 'Cover', ...obj({ url: str, caption: str, credit: str }) },
  {
    $id: 'ArticleSummary',
    ...obj({
      id: int,
      slug: str,
      url: pageUrl,
      title: str,
      lead: str,
      language: str,
      published_at: dateTime,
      updated_at: dateTime,
      rubric: nullable(ref('Rubric')),
      authors: { type: 'array', items: ref('AuthorRef') },
      cover: nullable(ref('Cover')),
      reading_minutes: int,
      comment_count: int,
    }),
  },
  {
    $id: 'Article',
    ...obj({
      id: int,
      slug: str,
      url: pageUrl,
      title: str,
      lead: str,
      language: str,
      published_at: dateTime,
      updated_at: dateTime,
      rubric: nullable(ref('Rubric')),
      authors: { type: 'array', items: ref('AuthorRef') },
      cover: nullable(ref('Cover')),
      reading_minutes: int,
      comment_count: int,
      body_html: { type: 'string', description: 'Sanitised HTML' },
      tags: { type: 'array', items: ref('Tag') },
      comments: { enum: ['on', 'off', 'closed'] },
      event: nullable(obj({ id: int, slug: str, title: str, url: pageUrl })),
      translations: {
        type: 'array',
        description: 'The same article in other editions, where the newsroom linked them',
        items: obj({ id: int, language: str, slug: str, url: pageUrl }),
      },
    }),
  },
  {
    $id: 'Tombstone',
    description: 'An article readers no longer see: drop it.',
    ...obj({ id: int, slug: str, reason: { enum: ['unpublished', 'deleted'] }, at: dateTime }),
  },
  {
    $id: 'RegistrationChange',
    description: "A registration for an event, without the participant's personal data.",
    ...obj({
      id: int,
      event_id: int,
      status: { enum: ['pending', 'confirmed', 'waitlisted', 'offered', 'rejected', 'cancelled', 'expired'] },
      created_at: dateTime,
      updated_at: dateTime,
    }),
  },
  {
    $id: 'Event',
    ...obj({
      id: int,
      slug: str,
      url: pageUrl,
      title: str,
      summary: str,
      programme_html: str,
      status: { enum: ['published', 'cancelled', 'postponed'] },
      status_note: str,
      language: str,
      timezone: { type: 'string', description: 'IANA time zone of the venue' },
      starts_at: nullable({
        type: 'string',
        description: 'RFC 3339 date-time, or a full-date when only the day is known; null: to be announced',
      }),
      ends_at: nullable({ type: 'string', description: 'As starts_at' }),
      online_url: str,
      venue: obj({
        name: str,
        address: str,
        city: str,
        country: str,
        lat: nullable({ type: 'number' }),
        lon: nullable({ type: 'number' }),
      }),
      terms: nullable(obj({ version: int, html: str, updated_at: dateTime })),
      registration: obj({
        state: { enum: ['none', 'open', 'waitlist', 'not_yet', 'closed', 'cancelled', 'past'] },
        capacity: nullable(int),
        places_left: nullable({ type: 'integer', description: 'null: no limit, or registration not open' }),
        opens_at: nullable(dateTime),
        closes_at: nullable(dateTime),
        approval_required: { type: 'boolean' },
      }),
      updated_at: dateTime,
    }),
  },
  {
    $id: 'Comment',
    ...obj({
      id: int,
      article_id: int,
      parent_id: nullable(int),
      author_name: { type: 'string', description: 'Empty when the comment or its account was deleted' },
      reply_to_name: str,
      body: { type: 'string', description: 'Plain text; empty when deleted' },
      deleted: { type: 'boolean' },
      featured: { type: 'boolean' },
      likes: int,
      created_at: dateTime,
      edited_at: nullable(dateTime),
    }),
  },
  {
    $id: 'Entity',
    ...obj({
      id: { type: 'string', description: 'Stable id, e.g. country:KZ' },
      type: { enum: ['country', 'person', 'organization', 'place', 'project'] },
      name: str,
      names: { type: 'array', items: str, description: 'Every name the entity is known by, the main one first' },
      roles: { type: 'array', items: obj({ title: str, of: str }, { required: ['title'] }) },
      country: nullable(str),
      url: pageUrl,
    }),
  },
  {
    $id: 'Fact',
    ...obj({
      id: int,
      type: str,
      args: { type: 'object', description: 'The arguments of the fact, by its type (see the knowledge contract)' },
      when: nullable(obj({ value: str, precision: str })),
      sort_date: { type: 'string', description: 'YYYY-MM-DD' },
      planned: { type: 'boolean', description: 'Announced for later rather than reported as happened' },
      status: { enum: ['auto', 'confirmed', 'corrected', 'review', 'rejected'] },
      confidence: { type: 'number' },
      evidence: obj({ text: { type: 'string', description: 'The sentence the fact was read from' }, start: int, end: int }),
      article: obj({ id: int, slug: str, title: str, url: pageUrl, published_at: dateTime }),
      extractor_version: str,
    }),
  },
  {
    $id: 'SearchHit',
    ...obj({
      article: ref('ArticleSummary'),
      title_html: { type: 'string', description: 'The title, matched words in <mark>' },
      snippet_html: { type: 'string', description: 'A passage, matched words in <mark>' },
    }),
  },
];

/** The common error responses every route may give. */
export const ERROR_STATUSES = [400, 401, 403, 404, 406, 409, 413, 415, 422, 429] as const;
