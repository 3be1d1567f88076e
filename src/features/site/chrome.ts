// What every public page's shell needs: site identity and the rubric menu, read together.
import type { Ctx } from '../../platform/context.js';
import type { NavRubric, SiteInfo } from '../../platform/ui/layout.js';
import { listRubrics } from '../rubrics/rubric-store.js';
import { findSiteInfo } from './site-store.js';

export interface Chrome { site: SiteInfo; rubrics: NavRubric[] }

/** Loads the page shell's data. */
export async function loadChrome(ctx: Ctx): Promise<Chrome> {
  const [site, rubrics] = await Promise.all([findSiteInfo(ctx.db, ctx.config.baseUrl), listRubrics(ctx.db)]);
  return { site, rubrics: rubrics.map((r) => ({ slug: r.slug, name: r.name })) };
}
