// Moderation settings kept in the settings table under comments.* keys, with defaults.
import type { Db } from '../../../platform/db.js';
import { DEFAULT_SETTINGS, type ModerationSettings } from './phase.js';
import { parseWordList } from './words.js';
import { listSettingsWithPrefix, upsertSetting } from '../../site/site-store.js';

const KEYS = {
  bannedWords: 'comments.banned_words',
  suspectWords: 'comments.suspect_words',
  maxLinks: 'comments.max_links',
  premoderateAll: 'comments.premoderate_all',
  premoderateNew: 'comments.premoderate_new',
  minIntervalMs: 'comments.min_interval_ms',
  perHour: 'comments.per_hour',
  webhookUrl: 'comments.webhook_url',
  webhookSecret: 'comments.webhook_secret',
} as const satisfies Partial<Record<keyof ModerationSettings, string>>;

const int = (v: string | undefined, d: number, min = 0, max = 1_000_000) => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : d;
};

/** How long a process trusts its copy; saves made here drop it at once, this bounds what another process's save takes to show. */
const CACHE_MS = 2000;
const cache = new WeakMap<Db, { at: number; value: Promise<ModerationSettings> }>();

/** The current moderation settings (defaults for anything unset), read once per couple of seconds: every comment posted needs them. */
export async function loadModerationSettings(db: Db): Promise<ModerationSettings> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = readModerationSettings(db);
  cache.set(db, { at: Date.now(), value });
  value.catch(() => {
    if (cache.get(db)?.value === value) cache.delete(db);
  });
  return value;
}

async function readModerationSettings(db: Db): Promise<ModerationSettings> {
  const rows = await listSettingsWithPrefix(db, 'comments.');
  const m = new Map(rows.map((r) => [r.key, r.value]));
  const d = DEFAULT_SETTINGS;
  return {
    ...d,
    bannedWords: parseWordList(m.get(KEYS.bannedWords) ?? ''),
    suspectWords: parseWordList(m.get(KEYS.suspectWords) ?? ''),
    maxLinks: int(m.get(KEYS.maxLinks), d.maxLinks, 0, 100),
    premoderateAll: m.get(KEYS.premoderateAll) === '1',
    premoderateNew: int(m.get(KEYS.premoderateNew), d.premoderateNew, 0, 1000),
    minIntervalMs: int(m.get(KEYS.minIntervalMs), d.minIntervalMs, 0, 3600_000),
    perHour: int(m.get(KEYS.perHour), d.perHour, 1, 100_000),
    webhookUrl: m.get(KEYS.webhookUrl) ?? '',
    webhookSecret: m.get(KEYS.webhookSecret) ?? '',
  };
}

/** Forgets this process's copy: another process saved new settings. */
export function forgetModerationSettings(db: Db): void {
  cache.delete(db);
}

/** Stores some settings (the rest keep their values). */
export async function saveModerationSettings(db: Db, s: Partial<ModerationSettings>): Promise<void> {
  cache.delete(db);
  for (const [k, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
    const v = s[k];
    if (v === undefined) continue;
    const value = Array.isArray(v) ? v.join('\n') : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
    await upsertSetting(db, key, value);
  }
  cache.delete(db);
}
