// Row types of every table, as Kysely sees them. Timestamps are ISO strings, booleans 0/1.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: 'admin' | 'editor' | 'author' | 'moderator' | 'reader';
  password_hash: string;
  created_at: string;
  disabled: Generated<number>;
  /** Set when the reader followed the confirmation link; staff created by hand may have none. */
  email_confirmed_at: string | null;
  /** 1: email me when someone replies to my comment. */
  notify_replies: Generated<number>;
  /** Set when the account was deleted (anonymised; the row stays for its comments). */
  deleted_at: string | null;
}
export interface UserTokensTable {
  id: string; // sha256 of the token sent by mail
  user_id: number;
  purpose: 'confirm' | 'reset';
  expires_at: string;
  used_at: string | null;
}
export interface SessionsTable {
  id: string; // sha256 of the cookie token
  user_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
  user_agent: Generated<string>;
  ip: Generated<string>;
  /** When the session was last used ('' before the first request after sign-in), to the minute. */
  last_seen_at: Generated<string>;
  /** When its owner last gave their password or second factor again ('' never). */
  reauth_at: Generated<string>;
}
export interface UserTotpTable {
  user_id: number;
  secret: string;
  confirmed_at: Generated<string>;
  last_step: Generated<number>;
  created_at: string;
}
export interface UserRecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Generated<string>;
}
export interface UserPasskeysTable {
  id: string;
  user_id: number;
  public_key: string;
  counter: Generated<number>;
  transports: Generated<string>;
  name: string;
  created_at: string;
  last_used_at: Generated<string>;
}
export interface WebauthnChallengesTable {
  id: string;
  user_id: number;
  purpose: 'register' | 'sign-in';
  challenge: string;
  expires_at: string;
}
export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: string;
  bio: string;
  photo_url: string;
  user_id: number | null;
  created_at: string;
}
export interface RubricsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
}
export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  type: 'topic' | 'country' | 'organisation' | 'person';
}
export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  lead: string;
  language: string;
  status: 'draft' | 'scheduled' | 'published';
  published_at: string | null;
  updated_at: string;
  created_at: string;
  rubric_id: number | null;
  cover_url: string;
  cover_caption: string;
  cover_credit: string;
  comments_mode: 'on' | 'off' | 'closed';
  created_by: number | null;
  /** Counted from the Markdown on save (readingMinutes). */
  reading_minutes: Generated<number>;
  /** The id of the original of this article's translations, or null (migration 2026-12-06T1100). */
  translation_group: Generated<number | null>;
  /** The last substantive change of a published article, shown as "Updated" (migration 2026-12-07T0400). */
  revised_at: Generated<string | null>;
}
/** An article's body, apart from its row: lists and status checks never read it. */
export interface ArticleBodiesTable {
  article_id: number;
  body_html: string;
  body_md: string;
}
export interface ArticleAuthorsTable {
  article_id: number;
  author_id: number;
  position: number;
}
export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}
export interface EventsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  summary: string;
  programme_md: string;
  programme_html: string;
  venue_name: string;
  venue_address: string;
  venue_city: string;
  venue_country: string;
  lat: number | null;
  lon: number | null;
  timezone: string;
  /** ISO instant, or YYYY-MM-DD when only the date is known, or null: to be announced. */
  starts_at: string | null;
  ends_at: string | null;
  online_url: string;
  language: string;
  status: 'draft' | 'published' | 'cancelled' | 'postponed';
  status_note: string;
  terms_md: string;
  terms_html: string;
  created_at: string;
  updated_at: string;
  /** RFC 5545 SEQUENCE of the event's calendar entry: raised whenever its time changes. */
  ics_sequence: Generated<number>;
}
export interface EventArticlesTable {
  event_id: number;
  article_id: number;
}
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  subject_type: string;
  subject_id: string;
  detail: string;
}
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  run_at: string;
  payload: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  last_error: string;
  created_at: string;
}
export interface AttemptLimitsTable {
  key: string;
  hits: number;
  window_start: string;
  failures: number;
  next_at: string;
  updated_at: string;
}
export interface SettingsTable {
  key: string;
  value: string;
}
export interface EntitiesTable {
  id: string;
  type: string;
  name: string;
  /** JSON array of strings. */
  aliases: string;
  /** JSON array of {title, of?}. */
  roles: string;
  country: string | null;
  first_seen: string;
  updated_at: string;
}
/** An entity's name as one language's articles write it (migration 2026-12-08T0200). */
export interface EntityNamesTable {
  entity_id: string;
  language: string;
  name: string;
  /** 1 when an article in the language gave the name; 0 for the engine's register name, until an article gives one. */
  from_article: Generated<number>;
  updated_at: string;
}
export interface ArticleEntitiesTable {
  article_id: number;
  entity_id: string;
  mentions: number;
}
export interface FactsTable {
  id: Generated<number>;
  article_id: number;
  type: string;
  /** JSON object of the fact's arguments. */
  args: string;
  when_value: string | null;
  when_precision: string | null;
  sort_date: string;
  confidence: number;
  evidence_start: number;
  evidence_end: number;
  evidence_text: string;
  extractor_version: string;
  status: 'auto' | 'confirmed' | 'corrected' | 'rejected' | 'review';
  fingerprint: string;
  created_at: string;
  updated_at: string;
  /** 1 for an event the article announces (the engine's status "planned"), 0 for one that happened. */
  planned: Generated<number>;
}
export interface FactEntitiesTable {
  fact_id: number;
  entity_id: string;
  role: string;
  sort_date: string;
  article_id: number;
  fact_type: string;
  entity_type: string;
  /** 1 when the fact's status is one readers see (the article's own state is checked by queries). */
  public: number;
}
export interface ArticleSearchPgTable {
  article_id: number;
  document: unknown;
}

/** Kept by triggers on comments (migration 2026-11-29T0100): never written by the application. */
export interface CommentTalliesTable {
  article_id: number;
  published: number;
  published_tops: number;
  changed_at: string | null;
}

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  /** The top-level comment this one answers; null for a top-level comment. */
  parent_id: number | null;
  reply_to_user_id: number | null;
  reply_to_name: Generated<string>;
  body: string;
  status: 'pending' | 'published' | 'rejected' | 'deleted' | 'hidden';
  reject_reason: Generated<string>;
  featured: Generated<number>;
  edited_at: string | null;
  created_at: string;
  updated_at: string;
  likes_count: Generated<number>;
  /** Reports not yet handled by a moderator. */
  reports_open: Generated<number>;
}
export interface CommentReportsTable {
  id: Generated<number>;
  comment_id: number;
  user_id: number;
  reason: string;
  created_at: string;
  resolved_at: string | null;
}
export interface CommentLikesTable {
  comment_id: number;
  user_id: number;
  created_at: string;
}
export interface ArticleCommentSettingsTable {
  article_id: number;
  premoderate: number;
}
export interface UserBansTable {
  id: Generated<number>;
  user_id: number;
  /** Null: banned until lifted; otherwise suspended until then. */
  until: string | null;
  reason: string;
  by_user_id: number | null;
  created_at: string;
  lifted_at: string | null;
}

export interface EventTermsTable {
  id: Generated<number>;
  event_id: number;
  version: number;
  body_md: string;
  body_html: string;
  created_at: string;
}
export interface EventRegistrationSettingsTable {
  event_id: number;
  enabled: number;
  /** Null: no limit. */
  capacity: number | null;
  opens_at: string | null;
  closes_at: string | null;
  approval_required: number;
  offer_hours: number;
  reminder_hours: number;
  updated_at: string;
}
export interface EventQuestionsTable {
  id: Generated<number>;
  event_id: number;
  position: number;
  kind: 'text' | 'choice' | 'checkbox';
  label: string;
  /** JSON array of the choices of a choice question. */
  options: string;
  required: number;
}
export interface RegistrationsTable {
  id: Generated<number>;
  event_id: number;
  user_id: number | null;
  name: string;
  email: string;
  organisation: string;
  position: string;
  country: string;
  /** JSON object: question id -> answer. */
  answers: string;
  terms_version: number | null;
  status: 'pending' | 'confirmed' | 'waitlisted' | 'offered' | 'rejected' | 'cancelled' | 'expired';
  waitlist_position: number | null;
  offer_expires_at: string | null;
  token_hash: string;
  /** The organiser's message on rejection. */
  message: string;
  attended_at: string | null;
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

/** An article readers once saw, deleted since: delta sync reports it gone. */
export interface ArticleTombstonesTable {
  article_id: number;
  slug: string;
  deleted_at: string;
}
/** A partner's key to the API: only its hash is stored. */
export interface ApiKeysTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  key_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  /** JSON array of origins allowed to call from a browser. */
  origins: Generated<string>;
  /** Requests per minute. */
  rate_limit: number;
  created_by: number | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  /** JSON array of the addresses OAuth codes may be sent to (apps that act for readers). */
  redirect_uris: Generated<string>;
}
/** A partner's webhook endpoint (features/api). */
export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  description: Generated<string>;
  /** JSON array of event types. */
  events: string;
  secret: string;
  owner_email: Generated<string>;
  enabled: Generated<number>;
  disabled_reason: Generated<string>;
  failures: Generated<number>;
  created_by: number | null;
  created_at: string;
  deleted_at: string | null;
}
/** One event sent (or to be sent) to one endpoint. */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: number;
  event_type: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed' | 'skipped';
  attempts: Generated<number>;
  created_at: string;
  last_attempt_at: string | null;
  response_status: number | null;
  response_excerpt: Generated<string>;
  latency_ms: number | null;
  error: Generated<string>;
}
/** A one-use OAuth authorisation code, by its hash. */
export interface ApiOauthCodesTable {
  id: string;
  key_id: number;
  user_id: number;
  redirect_uri: string;
  /** PKCE S256 challenge. */
  code_challenge: string;
  /** JSON array of scopes. */
  scopes: string;
  expires_at: string;
  used_at: string | null;
}
/** A reader's access or refresh token for one app, by its hash. */
export interface ApiTokensTable {
  id: string;
  kind: 'access' | 'refresh';
  key_id: number;
  user_id: number;
  scopes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** An image of the media library (features/media). */
export interface MediaImagesTable {
  id: Generated<number>;
  file_key: string;
  original_name: string;
  master_format: 'jpeg' | 'png';
  width: number;
  height: number;
  bytes: number;
  alt: Generated<string>;
  caption: Generated<string>;
  credit: Generated<string>;
  focal_x: Generated<number>;
  focal_y: Generated<number>;
  version: Generated<number>;
  uploaded_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One saved version of an article (features/revisions). */
export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  created_at: string;
  snapshot: string;
}

/** An old address of an imported page, answered with a 301 (features/redirects). */
export interface RedirectsTable {
  from_path: string;
  to_path: string;
  created_at: string;
}
/** Which record of a platform a newsroom moved from became which row here (features/import). */
export interface ImportSourcesTable {
  source: string;
  kind: string;
  external_id: string;
  local_id: number;
  fingerprint: Generated<string>;
  imported_at: string;
}

export interface ArticleCorrectionsTable {
  id: Generated<number>;
  article_id: number;
  kind: 'correction' | 'update';
  body: string;
  noted_at: string;
  user_id: number | null;
  created_at: string;
}

export interface ArticleReviewsTable {
  article_id: number;
  state: 'submitted' | 'sent_back' | 'approved';
  submitted_by: number | null;
  assignee_id: number | null;
  submitted_at: string;
  updated_at: string;
}

export interface ReviewNotesTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  user_id: number | null;
  body: string;
  created_at: string;
}

/** An embed's oEmbed answer, kept when an article naming its URL is saved (features/media). */
export interface EmbedsTable {
  id: Generated<number>;
  url: string;
  provider: string;
  title: Generated<string>;
  author: Generated<string>;
  thumbnail_id: number | null;
  frame_src: Generated<string>;
  fetched_at: string;
}

/** An import of a WordPress or Ghost export run from /admin/import, with its progress and report. */
export interface ImportRunsTable {
  id: Generated<number>;
  platform: string;
  file_name: Generated<string>;
  user_id: number | null;
  state: Generated<string>;
  done: Generated<number>;
  total: Generated<number>;
  label: Generated<string>;
  report: Generated<string>;
  error: Generated<string>;
  created_at: string;
  updated_at: string;
}

/** A change told to the other processes on one SQLite file (platform/change-bus.ts). */
export interface ChangeSignalsTable {
  id: Generated<number>;
  origin: string;
  change: string;
  created_at: string;
}

/** One translated field of a rubric, tag, author or event in one language (the original is in its own table). */
export interface TranslationsTable {
  subject: 'rubric' | 'tag' | 'author' | 'event';
  subject_id: number;
  language: string;
  field: string;
  value: string;
}

export interface DB {
  users: UsersTable;
  user_tokens: UserTokensTable;
  sessions: SessionsTable;
  user_totp: UserTotpTable;
  user_recovery_codes: UserRecoveryCodesTable;
  user_passkeys: UserPasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  authors: AuthorsTable;
  rubrics: RubricsTable;
  tags: TagsTable;
  articles: ArticlesTable;
  article_bodies: ArticleBodiesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  events: EventsTable;
  event_articles: EventArticlesTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  attempt_limits: AttemptLimitsTable;
  settings: SettingsTable;
  entities: EntitiesTable;
  article_entities: ArticleEntitiesTable;
  entity_names: EntityNamesTable;
  facts: FactsTable;
  fact_entities: FactEntitiesTable;
  event_terms: EventTermsTable;
  event_registration_settings: EventRegistrationSettingsTable;
  event_questions: EventQuestionsTable;
  registrations: RegistrationsTable;
  comments: CommentsTable;
  comment_tallies: CommentTalliesTable;
  comment_reports: CommentReportsTable;
  comment_likes: CommentLikesTable;
  article_comment_settings: ArticleCommentSettingsTable;
  user_bans: UserBansTable;
  article_tombstones: ArticleTombstonesTable;
  api_keys: ApiKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  api_oauth_codes: ApiOauthCodesTable;
  api_tokens: ApiTokensTable;
  media_images: MediaImagesTable;
  article_revisions: ArticleRevisionsTable;
  redirects: RedirectsTable;
  import_sources: ImportSourcesTable;
  article_corrections: ArticleCorrectionsTable;
  article_reviews: ArticleReviewsTable;
  review_notes: ReviewNotesTable;
  embeds: EmbedsTable;
  import_runs: ImportRunsTable;
  change_signals: ChangeSignalsTable;
  translations: TranslationsTable;
}
