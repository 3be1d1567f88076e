// The front page: the lead story, the latest articles, a section per rubric and the next event, with comment
// counts. It gathers several features, so it is composed here, above them.
import type { FastifyInstance } from 'fastify';
import type { ArticleSummary } from '../features/articles/article.js';
import { listLatestPerRubric, listPublishedArticles } from '../features/articles/article-store.js';
import { commentCountsBySlug } from '../features/comments/comment-store.js';
import { eventIn } from '../features/events/event-translation.js';
import { nextEvent } from '../features/events/next-event.js';
import { loadCoverPicture } from '../features/media/cover-loader.js';
import type { AppCtx } from '../platform/app-context.js';
import { loadChrome } from '../platform/chrome.js';
import { loadLocalizer } from '../platform/localize.js';
import { renderDocument } from '../platform/render.js';
import { newestOf } from '../platform/ui/article-list.js';
import { HomePage, type HomeSection } from './views/home-page.js';

const LATEST = 8;
const PER_RUBRIC = 4;
/** The lead's cover spans the main column: about two thirds of a wide page, the whole width of a narrow one. */
const LEAD_SIZES = '(min-width: 60rem) 44rem, 100vw';

/** The lead story: the newest piece with a cover among the latest, else simply the newest. */
export function pickLead(recent: ArticleSummary[]): { lead: ArticleSummary | undefined; latest: ArticleSummary[] } {
  const lead = recent.find((a) => a.cover) ?? recent[0];
  return { lead, latest: recent.filter((a) => a !== lead).slice(0, LATEST) };
}

/** Registers the front page, /. */
export function registerHomePage(app: FastifyInstance, ctx: AppCtx): void {
  // A fixed number of queries whatever the number of articles: rubric sections come from one windowed query.
  app.get('/', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      // The shell (memoized) says the edition's language, which may be the newsroom's setting of a moment ago.
      const chrome = await loadChrome(ctx, request);
      const language = chrome.site.language;
      const [found, event, local] = await Promise.all([
        listPublishedArticles(ctx.db, { now, language, limit: LATEST + 1 }),
        nextEvent(ctx, now).then((e) => e && eventIn(ctx.db, e, language, ctx.memo)),
        loadLocalizer(ctx, language),
      ]);
      const { lead, latest } = pickLead(found.map(local.article));
      const byRubric = new Map(
        [
          ...(
            await listLatestPerRubric(ctx.db, {
              now,
              language,
              perRubric: PER_RUBRIC,
              excludeIds: lead ? [lead.id] : [],
            })
          ).entries(),
        ].map(([k, items]) => [k, items.map(local.article)]),
      );
      const bySlug = new Map([...byRubric.values()].map((items) => [items[0].rubric!.slug, items]));
      const sections: HomeSection[] = [];
      for (const r of chrome.rubrics) {
        const items = bySlug.get(r.slug);
        if (items?.length) sections.push({ rubric: { ...items[0].rubric! }, items });
      }
      // One count query for every teaser on the page.
      const shownItems = [...(lead ? [lead] : []), ...latest, ...sections.flatMap((x) => x.items)];
      const [commentCounts, leadPicture] = await Promise.all([
        commentCountsBySlug(ctx.db, shownItems),
        // The lead's cover in every size when it comes from the media library; decorative (the title follows).
        loadCoverPicture(ctx.db, lead?.cover?.url, { sizes: LEAD_SIZES, decorative: true }),
      ]);
      const body = renderDocument(HomePage({ t: ctx.t, chrome, lead, leadPicture, latest, sections, event, commentCounts }));
      const shown = [lead, ...latest, ...sections.flatMap((s) => s.items)].map((a) => a?.updatedAt);
      return { body, lastModified: newestOf([...shown, event?.updatedAt]), tags: ['comment-counts'] };
    }),
  );
}
