// Site-wide settings: the newsroom's name, description and language, and how its editions are addressed.
import type { Db } from '../../platform/db.js';
import { editionsModeOf } from '../../platform/editions.js';
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

// Read by every feed's miss and on start: compiled once (the keys are written into the statement).
const siteSettings = prepared((db) =>
  db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', ['site.title', 'site.description', 'site.language', 'site.editions']),
);

/** The newsroom's public identity, with defaults for a new install. */
export async function findSiteInfo(db: Db, baseUrl: string): Promise<SiteInfo> {
  const rows = await siteSettings.all(db, {});
  const m = new Map(rows.map((r) => [r.key, r.value]));
  return {
    title: m.get('site.title') ?? 'Chancery',
    description: m.get('site.description') ?? '',
    language: m.get('site.language') ?? 'en',
    editions: editionsModeOf(m.get('site.editions')),
    baseUrl,
  };
}
