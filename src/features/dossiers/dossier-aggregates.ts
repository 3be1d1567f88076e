// What every page of a dossier shows the same way: the summary counts, the newest mentioning articles,
// the key figures, the related entities and the upcoming events. Each grows with the dossier (a country's facts are a third
// of the archive), so they are computed once and shared by every page and URL of the dossier until the
// content changes or the minute turns (a scheduled piece appears on the minute it is published).
// Only the small results are kept, not the figure facts they come from.
import type { Ctx } from '../../platform/context.js';
import { listGroupsWithVersionIn } from '../articles/translation-store.js';
import { investmentTotals, tradeSeries, type EntityRef, type TimelineFact, type TradeSeries } from './dossier.js';
import {
  dossierStats,
  listFigureFacts,
  listMentioningArticles,
  listRelatedEntities,
  listUpcomingFacts,
  type ArticleRef,
  type DossierStats,
  type Scope,
} from './dossier-store.js';

export interface DossierAggregates {
  stats: DossierStats;
  articles: { items: ArticleRef[]; total: number };
  /** Trade series involving the dossier's subjects (for an entity, the four longest). */
  trade: TradeSeries[];
  investments: { currency: string; total: number; count: number }[];
  related: (EntityRef & { shared: number })[];
  /** Announced events still to come, soonest first. */
  upcoming: TimelineFact[];
}

/** The scope's shared aggregates; `figures` asks for trade and investments (countries and pairs). Never change the result in place. */
export function loadDossierAggregates(
  ctx: Pick<Ctx, 'db' | 'memo'>,
  scope: Scope,
  figures: boolean,
  now: Date,
): Promise<DossierAggregates> {
  const of = 'pair' in scope ? `pair:${scope.pair.join('|')}` : `entity:${scope.entity}`;
  const key = `dossier:${of}:${figures ? 'figures' : 'plain'}:${Math.floor(now.getTime() / 60_000)}`;
  return ctx.memo.get(key, async () => {
    const [stats, articles] = await Promise.all([dossierStats(ctx.db, scope, now), listMentioningArticles(ctx.db, scope, now)]);
    // An entity only an unpublished article knew about has no public dossier: nothing more to read.
    if (!stats.facts && !articles.total) return { stats, articles, trade: [], investments: [], related: [], upcoming: [] };
    const [figureFacts, related, upcoming] = await Promise.all([
      figures ? listFigureFacts(ctx.db, scope, now) : Promise.resolve([]),
      listRelatedEntities(ctx.db, scope, now),
      listUpcomingFacts(ctx.db, scope, now),
    ]);
    const selfIds = 'pair' in scope ? scope.pair : [scope.entity];
    let trade = tradeSeries(figureFacts).filter(
      (s) => selfIds.every((id) => s.a === id || s.b === id) || ('entity' in scope && (s.a === scope.entity || s.b === scope.entity)),
    );
    if ('entity' in scope) trade = trade.filter((s) => s.points.length > 0).slice(0, 4);
    return { stats, articles, trade, investments: investmentTotals(figureFacts, selfIds), related, upcoming };
  });
}

/**
 * The translation groups with a version in `lang` readers see now, shared by every dossier page of that language
 * until the content changes or the minute turns: a page asks for its facts in the reader's language only for the
 * articles in other languages that have such a version (most have none).
 */
export function loadGroupsWithVersionIn(ctx: Pick<Ctx, 'db' | 'memo'>, lang: string, now: Date): Promise<Set<number>> {
  const key = `version-groups:${lang}:${Math.floor(now.getTime() / 60_000)}`;
  return ctx.memo.get(key, async () => new Set(await listGroupsWithVersionIn(ctx.db, lang, now)));
}
