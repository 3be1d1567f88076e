// The list of migrations, by hand and in order: timestamped names, never edited once landed.
import { DEFAULT_MIGRATION_TABLE, Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { trimHistogramsOf, type Db } from '../db.js';
import * as core from './2026-11-28T1200-core.js';
import * as entityNames from './2026-12-08T0200-entity-names.js';
import * as entityNamesBackfill from './2026-12-08T0210-entity-names-backfill.js';
import * as dossiers from './2026-11-28T1300-dossiers.js';
import * as readers from './2026-11-28T1400-readers.js';
import * as comments from './2026-11-28T1410-comments.js';
import * as registrations from './2026-11-28T1420-registrations.js';
import * as indexes from './2026-11-28T1430-indexes.js';
import * as commentIndex from './2026-11-28T1435-comment-index.js';
import * as articleStateIndex from './2026-11-28T1440-article-state-index.js';
import * as commentThreadIndex from './2026-11-28T1450-comment-thread-index.js';
import * as threadOrderIndex from './2026-11-28T1500-thread-order-index.js';
import * as articleBodies from './2026-11-28T1510-article-bodies.js';
import * as commentTallies from './2026-11-29T0100-comment-tallies.js';
import * as plannedFacts from './2026-12-06T0200-planned-facts.js';
import * as attemptLimits from './2026-12-06T1000-attempt-limits.js';
import * as articleTranslations from './2026-12-06T1100-article-translations.js';
import * as api from './2026-12-06T1300-api.js';
import * as apiOauth from './2026-12-06T1310-api-oauth.js';
import * as media from './2026-12-06T1400-media.js';
import * as embeds from './2026-12-07T0500-embeds.js';
import * as articleRevisions from './2026-12-06T1410-article-revisions.js';
import * as moving from './2026-12-07T0600-moving.js';
import * as editorialWorkflow from './2026-12-07T0400-editorial-workflow.js';
import * as webhooks from './2026-12-07T0300-webhooks.js';
import * as secondFactor from './2026-12-07T0200-second-factor.js';
import * as passkeys from './2026-12-07T0210-passkeys.js';
import * as changeSignals from './2026-12-07T0700-change-signals.js';
import * as translationGroupIndex from './2026-12-07T0710-translation-group-partial-index.js';
import * as listLanguageIndexes from './2026-12-07T0720-article-list-language-indexes.js';
import * as listCoveringIndexes from './2026-12-08T0400-article-list-covering-indexes.js';
import * as stateLanguageIndex from './2026-12-09T1400-article-state-language-index.js';
import * as searchVocabulary from './2026-12-09T1410-search-vocabulary.js';
import * as searchLanguage from './2026-12-10T1000-search-language.js';
import * as translations from './2026-12-07T0100-translations.js';
import * as reindexHan from './2026-12-07T0110-reindex-han.js';
import * as importRuns from './2026-12-08T0300-import-runs.js';

const MIGRATIONS: Record<string, Migration> = {
  '2026-11-28T1200-core': core,
  '2026-11-28T1300-dossiers': dossiers,
  '2026-11-28T1400-readers': readers,
  '2026-11-28T1410-comments': comments,
  '2026-11-28T1420-registrations': registrations,
  '2026-11-28T1430-indexes': indexes,
  '2026-11-28T1435-comment-index': commentIndex,
  '2026-11-28T1440-article-state-index': articleStateIndex,
  '2026-11-28T1450-comment-thread-index': commentThreadIndex,
  '2026-11-28T1500-thread-order-index': threadOrderIndex,
  '2026-11-28T1510-article-bodies': articleBodies,
  '2026-11-29T0100-comment-tallies': commentTallies,
  '2026-12-06T0200-planned-facts': plannedFacts,
  '2026-12-06T1000-attempt-limits': attemptLimits,
  '2026-12-06T1100-article-translations': articleTranslations,
  '2026-12-06T1300-api': api,
  '2026-12-06T1310-api-oauth': apiOauth,
  '2026-12-06T1400-media': media,
  '2026-12-06T1410-article-revisions': articleRevisions,
  '2026-12-07T0600-moving': moving,
  '2026-12-07T0400-editorial-workflow': editorialWorkflow,
  '2026-12-07T0300-webhooks': webhooks,
  '2026-12-07T0200-second-factor': secondFactor,
  '2026-12-07T0210-passkeys': passkeys,
  '2026-12-07T0500-embeds': embeds,
  '2026-12-07T0700-change-signals': changeSignals,
  '2026-12-07T0710-translation-group-partial-index': translationGroupIndex,
  '2026-12-07T0720-article-list-language-indexes': listLanguageIndexes,
  '2026-12-07T0100-translations': translations,
  '2026-12-07T0110-reindex-han': reindexHan,
  '2026-12-08T0300-import-runs': importRuns,
  '2026-12-08T0200-entity-names': entityNames,
  '2026-12-08T0210-entity-names-backfill': entityNamesBackfill,
  '2026-12-08T0400-article-list-covering-indexes': listCoveringIndexes,
  '2026-12-09T1400-article-state-language-index': stateLanguageIndex,
  '2026-12-09T1410-search-vocabulary': searchVocabulary,
  '2026-12-10T1000-search-language': searchLanguage,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return MIGRATIONS;
  }
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrate(db: Db): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  // A new index has no planner statistics until analysed; without them SQLite may keep walking an older one.
  if (applied.length && db.dialect === 'sqlite') {
    await sql`pragma optimize = 0x10002`.execute(db);
    await trimHistogramsOf(db);
  }
  return applied;
}

/** Applies the migrations up to and including `name`: for tests of what a migration does to existing rows. */
export async function migrateTo(db: Db, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: new StaticProvider() }).migrateTo(name);
  if (error) throw error;
}

/**
 * True when exactly the known migrations are applied, as on almost every start: one query, where the
 * migrator first introspects every table of the schema and takes its lock (a tenth of start-up).
 * Anything else (a new database, a pending or an unknown migration) is left to the migrator.
 */
async function isUpToDate(db: Db): Promise<boolean> {
  let applied: string[];
  try {
    applied = (
      (await db
        .selectFrom(DEFAULT_MIGRATION_TABLE as never)
        .select('name' as never)
        .execute()) as { name: string }[]
    ).map((r) => r.name);
  } catch {
    return false;
  }
  const known = Object.keys(MIGRATIONS);
  return applied.length === known.length && known.every((name) => applied.includes(name));
}
