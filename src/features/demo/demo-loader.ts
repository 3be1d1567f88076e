// The demo newsroom: site settings, authors, rubrics, tags, events, two staff accounts and the demo articles.
// Everything is written by slug or email with "insert or update", so loading twice changes nothing.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config.js';
import { inTransaction, type Db } from '../../platform/db.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { isLanguage, type Language } from '../../platform/i18n/index.js';
import { packageRoot } from '../../platform/package-root.js';
import { hashPassword } from '../../platform/passwords.js';
import type { PublishingService } from '../articles/publishing-service.js';
import { listArticleIdsBySlug } from '../articles/article-store.js';
import { insertAuthor, listAuthorSlugs, updateAuthor } from '../authors/author-store.js';
import { isValidTimeZone } from '../events/event.js';
import { replaceManyTranslations, type TranslationSubject, type Translations } from '../../platform/translation-store.js';
import { insertEvent, listEventSlugs, setEventArticles, updateEvent, type EventRow } from '../events/event-store.js';
import { replaceQuestions, saveSettings } from '../events/registration-store.js';
import type { QuestionKind } from '../events/registration.js';
import { storeDescribedEmbed } from '../embeds/embed-service.js';
import { createImporter, type ImportResult } from '../import/import-service.js';
import type { MediaLibrary } from '../media/media-library.js';
import { prepareDemoArticles } from './demo-images.js';
import { insertRubric, listRubricSlugs, updateRubric } from '../rubrics/rubric-store.js';
import { type SiteWording, upsertSetting, wordingKey } from '../site/site-store.js';
import { findUserByEmail, insertUser } from '../staff/user-store.js';
import { insertTag, listTagSlugs, updateTag } from '../tags/tag-store.js';
import { TAG_TYPES, type TagType } from '../tags/tag.js';
import type { CorrectionKind } from '../corrections/correction.js';
import { insertCorrection, listCorrections } from '../corrections/correction-store.js';
import { insertComment, listRecentByUser } from '../comments/comment-store.js';
import { confirmEmail, findAccountByEmail, insertReader } from '../readers/reader-store.js';

/** The folder holding newsroom.json and articles/. */
export const DEMO_DIR = join(packageRoot(import.meta.url), 'demo');

/** The settings key recording that the demo was loaded once (it is never loaded again on start). */
export const DEMO_LOADED_KEY = 'demo.loaded';

interface NewsroomJson {
  /** `translations`: an edition's own name and description ({ "ru": { "description": "…" } }). */
  site: { title: string; description: string; language?: string; translations?: Partial<Record<Language, SiteWording>> };
  authors: { slug: string; name: string; title?: string; bio?: string; photo_url?: string; translations?: Translations }[];
  rubrics: { slug: string; name: string; description?: string; position?: number; translations?: Translations }[];
  tags: { slug: string; name: string; type?: string; translations?: Translations }[];
  events: {
    slug: string;
    /** The title, summary, venue_name, venue_address, venue_city and terms_md in other languages. */
    translations?: Translations;
    title: string;
    summary?: string;
    programme?: string;
    terms?: string;
    timezone: string;
    language?: string;
    venue?: { name?: string; address?: string; city?: string; country?: string; lat?: number | null; lon?: number | null };
    starts_at: string | null;
    ends_at?: string | null;
    date_only?: string | null;
    online_url?: string;
    linked_articles?: string[];
    registration?: {
      capacity?: number | null;
      approval_required?: boolean;
      questions?: { kind: QuestionKind; label: string; options?: string[]; required?: boolean }[];
    };
  }[];
  /**
   * Videos embedded in demo articles, described here as the provider's oEmbed answer would (a fresh install
   * may have no network): the article names the address alone in a paragraph; the thumbnail is a drawing in
   * demo/images. Stored once each through features/embeds.
   */
  embeds?: { article: string; url: string; provider: string; title: string; author: string; thumbnail: string }[];
  /** Corrections and update notes on demo articles (features/corrections), added once each. */
  corrections?: { article: string; kind: CorrectionKind; date: string; body: string }[];
  /** Readers' threads on demo articles: a comment and its replies, each by a reader with no known password. */
  comments?: (DemoComment & { article: string; replies?: DemoComment[] })[];
}

interface DemoComment {
  name: string;
  email: string;
  at: string;
  body: string;
}

export interface DemoDeps {
  db: Db;
  clock: () => Date;
  config: Pick<Config, 'adminEmail' | 'adminPassword'>;
  /** The app's publishing service when there is one, so its listeners hear of the demo's publications. */
  publishing?: PublishingService;
  /** The media library: the demo's drawings go into it as covers and inline images (left out without it). */
  media?: MediaLibrary;
}

export interface DemoResult {
  articles: ImportResult;
  adminCreated: boolean;
  editorEmail: string;
  counts: { authors: number; rubrics: number; tags: number; events: number };
}

/** The demo editor's email: "editor@" at the demo admin's domain. */
export function demoEditorEmail(adminEmail: string): string {
  return `editor@${adminEmail.split('@')[1] ?? 'example.org'}`;
}

/** Loads (or refreshes) the demo newsroom from a folder; throws on a malformed newsroom.json. */
export async function loadDemo(deps: DemoDeps, dir: string = DEMO_DIR): Promise<DemoResult> {
  const { db, clock, config } = deps;
  const now = clock();
  const data = JSON.parse(await readFile(join(dir, 'newsroom.json'), 'utf8')) as NewsroomJson;
  if (
    !data.site ||
    !Array.isArray(data.authors) ||
    !Array.isArray(data.rubrics) ||
    !Array.isArray(data.tags) ||
    !Array.isArray(data.events)
  ) {
    throw new Error(`${join(dir, 'newsroom.json')}: expected site, authors, rubrics, tags and events`);
  }

  // Hashed before the transaction, which it would otherwise hold open for a tenth of a second.
  const hash = await hashPassword(config.adminPassword);
  // One transaction per step: on PostgreSQL a commit per row would be most of the time spent.
  const { adminId, adminCreated, editorEmail } = await inTransaction(db, async (tx) => {
    await upsertSetting(tx, 'site.title', data.site.title);
    await upsertSetting(tx, 'site.description', data.site.description ?? '');
    await upsertSetting(tx, 'site.language', data.site.language ?? 'en');
    for (const [lang, own] of Object.entries(data.site.translations ?? {})) {
      if (!isLanguage(lang)) throw new Error(`${join(dir, 'newsroom.json')}: site translations: unknown language "${lang}"`);
      if (own.title) await upsertSetting(tx, wordingKey('title', lang), own.title);
      if (own.description) await upsertSetting(tx, wordingKey('description', lang), own.description);
    }

    // Rubrics', tags' and byline titles' translations, saved together once their ids are known.
    const localized: { subject: TranslationSubject; id: number; translations: Translations }[] = [];
    const existingAuthors = new Map((await listAuthorSlugs(tx)).map((r) => [r.slug, r]));
    for (const a of data.authors) {
      const input = { slug: a.slug, name: a.name, title: a.title ?? '', bio: a.bio ?? '', photoUrl: a.photo_url ?? '' };
      const found = existingAuthors.get(a.slug);
      if (found) await updateAuthor(tx, found.id, { ...input, userId: found.user_id });
      const id = found ? found.id : await insertAuthor(tx, input, now);
      if (a.translations) localized.push({ subject: 'author', id, translations: a.translations });
    }

    const existingRubrics = new Map((await listRubricSlugs(tx)).map((r) => [r.slug, r.id]));
    for (const [i, r] of data.rubrics.entries()) {
      const input = { slug: r.slug, name: r.name, description: r.description ?? '', position: r.position ?? i + 1 };
      const found = existingRubrics.get(r.slug);
      if (found !== undefined) await updateRubric(tx, found, input);
      const id = found ?? (await insertRubric(tx, input));
      if (r.translations) localized.push({ subject: 'rubric', id, translations: r.translations });
    }

    const existingTags = new Map((await listTagSlugs(tx)).map((r) => [r.slug, r.id]));
    for (const t of data.tags) {
      const type: TagType = TAG_TYPES.includes(t.type as TagType) ? (t.type as TagType) : 'topic';
      const found = existingTags.get(t.slug);
      if (found !== undefined) await updateTag(tx, found, { slug: t.slug, name: t.name, type });
      const id = found ?? (await insertTag(tx, { slug: t.slug, name: t.name, type }));
      if (t.translations) localized.push({ subject: 'tag', id, translations: t.translations });
    }

    await replaceManyTranslations(tx, localized);

    // Staff: the admin from the configuration, and an editor to try roles with (same password).
    let adminCreated = false;
    let admin = await findUserByEmail(tx, config.adminEmail);
    if (!admin) {
      await insertUser(tx, { email: config.adminEmail, name: 'Demo Admin', role: 'admin', passwordHash: hash }, now);
      admin = await findUserByEmail(tx, config.adminEmail);
      adminCreated = true;
    }
    const editorEmail = demoEditorEmail(config.adminEmail);
    if (!(await findUserByEmail(tx, editorEmail))) {
      await insertUser(tx, { email: editorEmail, name: 'Demo Editor', role: 'editor', passwordHash: hash }, now);
    }
    return { adminId: admin?.id ?? null, adminCreated, editorEmail };
  });

  // Before the articles, so that their first rendering already finds the facade.
  for (const e of data.embeds ?? []) {
    if (!/\.(svg|png|jpe?g|webp)$/.test(e.thumbnail)) throw new Error(`newsroom.json: embed thumbnail "${e.thumbnail}" is not an image`);
    const image = await readFile(join(dir, 'images', e.thumbnail));
    const ext = e.thumbnail.split('.').pop()!;
    await storeDescribedEmbed({ db, clock, library: deps.media }, { ...e, thumbnail: { data: image, ext } });
  }

  const importer = createImporter({ db, clock, publishing: deps.publishing, actor: { id: adminId, role: 'admin' } });
  // The demo's drawings go into the library first; covers.json and <!-- demo-image:NAME --> say where.
  const prepared = await prepareDemoArticles({ db, media: deps.media, now }, dir);
  const articles = await importer.importFolder(prepared.folder).finally(prepared.done);
  if (articles.errors.length) {
    throw new Error(
      `demo articles could not be imported:\n  ${articles.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n  ')}`,
    );
  }

  await inTransaction(db, async (tx) => {
    const slugs = [...new Set(data.events.flatMap((e) => e.linked_articles ?? []))];
    const articleIds = new Map((await listArticleIdsBySlug(tx, slugs)).map((r) => [r.slug, r.id]));
    const existingEvents = new Map((await listEventSlugs(tx)).map((r) => [r.slug, r.id]));
    const localizedEvents: { subject: TranslationSubject; id: number; translations: Translations }[] = [];
    for (const e of data.events) {
      const row = eventRow(e);
      let id = existingEvents.get(e.slug);
      if (id !== undefined) await updateEvent(tx, id, row, now);
      else id = await insertEvent(tx, row, now);
      if (e.translations) localizedEvents.push({ subject: 'event', id, translations: e.translations });
      await setEventArticles(
        tx,
        id,
        (e.linked_articles ?? []).map((s) => articleIds.get(s)).filter((x): x is number => x !== undefined),
      );
      if (e.registration) {
        const r = e.registration;
        await saveSettings(
          tx,
          {
            eventId: id,
            enabled: true,
            capacity: r.capacity ?? null,
            opensAt: null,
            closesAt: null,
            approvalRequired: !!r.approval_required,
            offerHours: 48,
            reminderHours: 24,
          },
          now,
        );
        await replaceQuestions(
          tx,
          id,
          (r.questions ?? []).map((q, i) => ({
            id: 0,
            position: i,
            kind: q.kind,
            label: q.label,
            options: q.options ?? [],
            required: !!q.required,
          })),
        );
      }
    }
    const noted = data.corrections ?? [];
    const noteIds = new Map((await listArticleIdsBySlug(tx, [...new Set(noted.map((c) => c.article))])).map((r) => [r.slug, r.id]));
    for (const c of noted) {
      const articleId = noteIds.get(c.article);
      if (articleId === undefined) throw new Error(`newsroom.json: correction on unknown article "${c.article}"`);
      if ((await listCorrections(tx, articleId)).some((x) => x.body === c.body)) continue;
      await insertCorrection(tx, {
        articleId,
        kind: c.kind,
        body: c.body,
        notedAt: new Date(`${c.date}T12:00:00Z`),
        userId: null,
        at: now,
      });
    }
    await loadComments(tx, data.comments ?? []);
    await replaceManyTranslations(tx, localizedEvents);
    await upsertSetting(tx, DEMO_LOADED_KEY, now.toISOString());
  });
  return {
    articles,
    adminCreated,
    editorEmail,
    counts: { authors: data.authors.length, rubrics: data.rubrics.length, tags: data.tags.length, events: data.events.length },
  };
}

/** An event of newsroom.json as a row: offsets become UTC instants, a missing time stays "to be announced". */
function eventRow(e: NewsroomJson['events'][number]): EventRow {
  if (!isValidTimeZone(e.timezone)) throw new Error(`event ${e.slug}: unknown time zone "${e.timezone}"`);
  const time = (v: string | null | undefined): string | null => {
    if (!v) return null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw new Error(`event ${e.slug}: bad time "${v}"`);
    return d.toISOString();
  };
  const v = e.venue ?? {};
  const programme = e.programme ?? '';
  const terms = e.terms ?? '';
  return {
    slug: e.slug,
    title: e.title,
    summary: e.summary ?? '',
    programmeMd: programme,
    programmeHtml: renderMarkdown(programme),
    venueName: v.name ?? '',
    venueAddress: v.address ?? '',
    venueCity: v.city ?? '',
    venueCountry: v.country ?? '',
    lat: typeof v.lat === 'number' ? v.lat : null,
    lon: typeof v.lon === 'number' ? v.lon : null,
    timezone: e.timezone,
    startsAt: time(e.starts_at) ?? time(e.date_only),
    endsAt: time(e.ends_at),
    onlineUrl: e.online_url ?? '',
    language: e.language ?? 'en',
    status: 'published',
    statusNote: '',
    termsMd: terms,
    termsHtml: renderMarkdown(terms),
  };
}

/** Readers' threads, published as a moderator would have left them; each comment is added once. */
async function loadComments(tx: Db, threads: NonNullable<NewsroomJson['comments']>): Promise<void> {
  if (!threads.length) return;
  const ids = new Map((await listArticleIdsBySlug(tx, [...new Set(threads.map((c) => c.article))])).map((r) => [r.slug, r.id]));
  // Demo readers sign in with nobody's password: one hash of random bytes serves them all.
  let passwordHash: string | undefined;
  const reader = async (c: DemoComment): Promise<number> => {
    const found = await findAccountByEmail(tx, c.email);
    if (found) return found.id;
    passwordHash ??= await hashPassword(randomBytes(24).toString('base64url'));
    const id = await insertReader(tx, { email: c.email, name: c.name, passwordHash }, new Date(c.at));
    await confirmEmail(tx, id, new Date(c.at));
    return id;
  };
  const add = async (articleId: number, c: DemoComment, parent?: { id: number; userId: number; name: string }) => {
    const userId = await reader(c);
    const at = new Date(c.at);
    const known = await listRecentByUser(tx, userId, new Date(0));
    const same = known.find((k) => k.body === c.body);
    if (same) return { id: same.id, userId, name: c.name };
    const id = await insertComment(tx, {
      articleId,
      userId,
      parentId: parent?.id ?? null,
      replyToUserId: parent?.userId ?? null,
      replyToName: parent?.name ?? '',
      body: c.body,
      status: 'published',
      rejectReason: '',
      now: at,
    });
    return { id, userId, name: c.name };
  };
  for (const t of threads) {
    const articleId = ids.get(t.article);
    if (articleId === undefined) throw new Error(`newsroom.json: comments on unknown article "${t.article}"`);
    const top = await add(articleId, t);
    for (const r of t.replies ?? []) await add(articleId, r, top);
  }
}
