// Site-wide settings: the newsroom's name and description (with each language's own), its language, and how its
// editions are addressed.
import type { Db } from '../../platform/db.js';
import { editionsModeOf } from '../../platform/editions.js';
import { isLanguage, LANGUAGES, type Language } from '../../platform/i18n/index.js';
import { prepared } from '../../platform/prepared.js';
import type { SiteInfo } from '../../platform/ui/layout.js';

/** Reads one setting, or undefined. */
export async function findSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Every setting whose key starts with `prefix` (a feature's own settings: 'comments.'). */
export async function listSettingsWithPrefix(db: Db, prefix: string): Promise<{ key: string; value: string }[]> {
  return db.selectFrom('settings').select(['key', 'value']).where('key', 'like', `${prefix}%`).execute();
}

/** Writes one setting. */
export async function upsertSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** What a newsroom may call itself in one language, where it differs from its default name and description. */
export interface SiteWording {
  title?: string;
  description?: string;
}

/** The site's settings: its default identity, and each language's own name and description where it has one. */
export interface SiteSettings extends SiteInfo {
  byLanguage: Partial<Record<Language, SiteWording>>;
}

/** The setting that holds a language's own title or description ("site.title.ru"). */
export const wordingKey = (field: keyof SiteWording, lang: Language) => `site.${field}.${lang}`;

const SITE_KEYS = [
  'site.title',
  'site.description',
  'site.language',
  'site.editions',
  ...LANGUAGES.flatMap((l) => [wordingKey('title', l), wordingKey('description', l)]),
];

// Read by every feed's miss and on start: compiled once (the keys are written into the statement).
const siteSettings = prepared((db) => db.selectFrom('settings').select(['key', 'value']).where('key', 'in', SITE_KEYS));

/** The newsroom's public identity, with defaults for a new install. */
export async function findSiteInfo(db: Db, baseUrl: string): Promise<SiteSettings> {
  const rows = await siteSettings.all(db, {});
  const m = new Map(rows.map((r) => [r.key, r.value]));
  const byLanguage: SiteSettings['byLanguage'] = {};
  for (const l of LANGUAGES) {
    const title = m.get(wordingKey('title', l)) || undefined;
    const description = m.get(wordingKey('description', l)) || undefined;
    if (title || description) byLanguage[l] = { title, description };
  }
  return {
    title: m.get('site.title') ?? 'Chancery',
    description: m.get('site.description') ?? '',
    language: m.get('site.language') ?? 'en',
    editions: editionsModeOf(m.get('site.editions')),
    baseUrl,
    byLanguage,
  };
}

/** The site as one language's readers see it: that language's own name and description, else the default ones. */
export function siteIn(site: SiteSettings, lang: string): SiteInfo {
  const { byLanguage, ...info } = site;
  const own = isLanguage(lang) ? byLanguage[lang] : undefined;
  return own ? { ...info, title: own.title ?? info.title, description: own.description ?? info.description } : info;
}
