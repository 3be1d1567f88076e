// What every public page's shell needs: site identity and the rubric menu, read together. Their content comes
// from features (site settings, rubrics); app.ts hands the reader to the context as `ctx.loadShell`.
import type { FastifyRequest } from 'fastify';
import type { Ctx } from './context.js';
import { findSessionUser, SESSION_COOKIE } from './session.js';
import type { NavRubric, SiteInfo } from './ui/layout.js';

/** The part of the shell every page shares: read once per content change through ctx.memo. */
export interface Shell {
  site: SiteInfo;
  rubrics: NavRubric[];
}

export interface Chrome extends Shell {
  account?: { name: string } | null;
}

/** Loads the page shell's data; with a request, also who is signed in (only signed-in pages pay that query). */
export async function loadChrome(ctx: Ctx, request?: FastifyRequest): Promise<Chrome> {
  const token = request?.cookies?.[SESSION_COOKIE];
  const [shell, user] = await Promise.all([
    ctx.memo.get(`chrome${ctx.edition.prefix}`, ctx.loadShell),
    token ? findSessionUser(ctx.db, token, ctx.clock()) : undefined,
  ]);
  // The shared part is never changed in place: each page gets its own object.
  return { ...shell, account: user ? { name: user.name } : null };
}
