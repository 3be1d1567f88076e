// Routes of the events feature: the public events pages; the staff pages live in admin-routes.ts.
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../platform/errors.js';
import { renderDocument } from '../../platform/render.js';
import { parsePage } from '../../platform/ui/pagination.js';
import type { AppCtx } from '../../platform/app-context.js';
import { loadChrome } from '../../platform/chrome.js';
import { registerEventAdminRoutes } from './admin-routes.js';
import { isVisible, type Event } from './event.js';
import { eventIn } from './event-translation.js';
import { countPastEvents, findEventBySlug, listEventArticles, listPastEvents, listUpcomingEvents } from './event-store.js';
import { EventPage } from './views/event-page.js';
import { EventsPage } from './views/events-page.js';
import { TermsPage } from './views/terms-page.js';
import { eventsFeedIcs, hasCalendarTime } from './ics.js';
import { registerRegistrationAdminRoutes } from './registration-admin-routes.js';
import { registerRegistrationRoutes, sendEventPageWithRegistration } from './registration-routes.js';
import { findSettings } from './registration-store.js';
import { findCurrentTerms, findTermsVersion } from './terms-store.js';

/** Past events per page of /events. */
export const PAST_PER_PAGE = 20;
const UPCOMING_MAX = 100;

function newest(times: (string | undefined)[]): Date | undefined {
  const best = times.filter(Boolean).sort().pop();
  return best ? new Date(best) : undefined;
}

/** The event readers may see under this slug, else a 404: in the edition's language where it is translated. */
async function publicEvent(ctx: AppCtx, slug: string): Promise<Event> {
  const event = await findEventBySlug(ctx.db, slug);
  if (!event || !isVisible(event)) throw notFound('Event');
  return eventIn(ctx.db, event, ctx.edition.lang, ctx.memo);
}

/** Every events page readers see (list, event, terms, calendars): at the root, and again in every edition. */
export function registerEventPages(app: FastifyInstance, ctx: AppCtx): void {
  app.get<{ Querystring: { page?: string } }>('/events', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const page = parsePage(request.query.page);
      const total = await countPastEvents(ctx.db, now);
      const pages = Math.max(1, Math.ceil(total / PAST_PER_PAGE));
      if (page > pages) throw notFound('Page');
      const [chrome, upcoming, past] = await Promise.all([
        loadChrome(ctx, request),
        (page === 1 ? listUpcomingEvents(ctx.db, now, UPCOMING_MAX) : Promise.resolve([])).then((es) => inEdition(ctx, es)),
        listPastEvents(ctx.db, now, PAST_PER_PAGE, (page - 1) * PAST_PER_PAGE).then((es) => inEdition(ctx, es)),
      ]);
      const body = renderDocument(
        EventsPage({ t: ctx.t, chrome, upcoming, past, pastInfo: { page, pages, basePath: `${ctx.edition.prefix}/events` } }),
      );
      return { body, lastModified: newest([...upcoming, ...past].map((e) => e.updatedAt)) };
    }),
  );

  app.get('/events.ics', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const now = ctx.clock();
      const [chrome, upcoming, past] = await Promise.all([
        loadChrome(ctx, request),
        listUpcomingEvents(ctx.db, now, 500),
        listPastEvents(ctx.db, now, 200),
      ]);
      const events = [...upcoming, ...past];
      const body = eventsFeedIcs(events, {
        baseUrl: ctx.config.baseUrl,
        editionBase: ctx.edition.prefix,
        now,
        name: ctx.t('events.feed_name', { site: chrome.site.title }),
      });
      return { body, type: 'text/calendar; charset=utf-8', lastModified: newest(events.map((e) => e.updatedAt)) };
    }),
  );

  app.get<{ Params: { slug: string } }>('/events/:slug/calendar.ics', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const event = await publicEvent(ctx, request.params.slug);
      if (!hasCalendarTime(event)) throw notFound('Calendar entry');
      const body = eventsFeedIcs([event], {
        baseUrl: ctx.config.baseUrl,
        editionBase: ctx.edition.prefix,
        now: ctx.clock(),
        name: event.title,
      });
      return { body, type: 'text/calendar; charset=utf-8', lastModified: new Date(event.updatedAt) };
    }),
  );

  app.get<{ Params: { slug: string } }>('/events/:slug', async (request, reply) => {
    const event = await publicEvent(ctx, request.params.slug);
    // A page with a registration form carries a per-visitor token and live counts: never shared.
    if ((await findSettings(ctx.db, event.id)).enabled) return sendEventPageWithRegistration(ctx, request, reply, event);
    return ctx.cache.serve(request, reply, async () => {
      const chrome = await loadChrome(ctx, request);
      const articles = await listEventArticles(ctx.db, event.id, ctx.clock(), chrome.site.language);
      const body = renderDocument(EventPage({ t: ctx.t, chrome, event, articles }));
      return { body, lastModified: newest([event.updatedAt, ...articles.map((a) => a.publishedAt)]) };
    });
  });

  app.get<{ Params: { slug: string }; Querystring: { version?: string } }>('/events/:slug/terms', (request, reply) =>
    ctx.cache.serve(request, reply, async () => {
      const event = await publicEvent(ctx, request.params.slug);
      const raw = request.query.version;
      // ?version=N shows the text a participant accepted; without it, the current terms.
      if (raw !== undefined) {
        if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) throw notFound('Terms');
        const [terms, current] = await Promise.all([findTermsVersion(ctx.db, event.id, Number(raw)), findCurrentTerms(ctx.db, event.id)]);
        if (!terms) throw notFound('Terms');
        const chrome = await loadChrome(ctx, request);
        return {
          body: renderDocument(TermsPage({ t: ctx.t, chrome, event, terms, current: current?.version })),
          lastModified: new Date(terms.createdAt),
        };
      }
      if (!event.termsMd.trim()) throw notFound('Terms');
      const [chrome, current] = await Promise.all([loadChrome(ctx, request), findCurrentTerms(ctx.db, event.id)]);
      return {
        body: renderDocument(TermsPage({ t: ctx.t, chrome, event, current: current?.version })),
        lastModified: new Date(event.updatedAt),
      };
    }),
  );
}

/** The events in the edition's language, where translated. */
function inEdition(ctx: AppCtx, events: Event[]): Promise<Event[]> {
  return Promise.all(events.map((e) => eventIn(ctx.db, e, ctx.edition.lang, ctx.memo)));
}

/** Registers every URL of the events feature. */
export function registerEventRoutes(app: FastifyInstance, ctx: AppCtx): void {
  registerEventPages(app, ctx);
  registerRegistrationRoutes(app, ctx);
  registerRegistrationAdminRoutes(app, ctx);

  registerEventAdminRoutes(app, ctx);
}
