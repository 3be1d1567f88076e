// The context every feature's routes receive: the platform's dependencies plus what the staff pages' shell
// needs from features, handed over by app.ts so that no shell imports a feature.
import type { Ctx } from './context.js';
import type { JobRunner } from './jobs.js';
import type { SessionUser } from './session.js';
import type { AdminBadge } from './ui/admin-layout.js';

export interface AppCtx extends Ctx {
  jobs: JobRunner;
  /** The context of the edition of this language (the root's when it is the newsroom's language). */
  inEdition(lang: string): AppCtx;
  /** Counters for the staff header (the comment queues), or undefined when this staff member sees none. */
  adminBadges(staff: SessionUser): Promise<AdminBadge[] | undefined>;
  /** Reads the site's settings again (its language, its editions' addresses) and drops every page: after they changed. */
  reloadSite(): Promise<void>;
  /** Fetches and keeps the embeds (features/embeds) that an article's Markdown names; called before a save. */
  resolveEmbeds(markdown: string): Promise<void>;
}
