// What every public page's shell needs: site identity and the rubric menu, read together.
import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { findSessionUser, SESSION_COOKIE } from '../../platform/session.js';
import type { NavRubric, SiteInfo } from '../../platform/ui/layout.js';
import { listRubrics } from '../rubrics/rubric-store.js';
import { findSiteInfo } from './site-store.js';

export interface Chrome {
  site: SiteInfo;
  rubrics: NavRubric[];
  account?: { name: string } | null;
}

/** Loads the page shell's data; with a request, also who is signed in (only signed-in pages pay that query). */
export async function loadChrome(ctx: Ctx, request?: FastifyRequest): Promise<Chrome> {
  const token = request?.cookies?.[SESSION_COOKIE];
  const [shell, user] = await Promise.all([
    ctx.memo.get('chrome', async () => {
      const [site, rubrics] = await Promise.all([findSiteInfo(ctx.db, ctx.config.baseUrl), listRubrics(ctx.db)]);
      return { site, rubrics: rubrics.map((r) => ({ slug: r.slug, name: r.name })) };
    }),
    token ? findSessionUser(ctx.db, token, ctx.clock()) : undefined,
  ]);
  // The shared part is never changed in place: each page gets its own object.
  return { ...shell, account: user ? { name: user.name } : null };
}
