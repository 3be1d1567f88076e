// The next upcoming event, which the home page and every article's events block show.
import type { Ctx } from '../../platform/context.js';
import type { Event } from './event.js';
import { listUpcomingEvents } from './event-store.js';

/** Read once per minute of the clock (events start and end by the minute) and per content change. */
export function nextEvent(ctx: Ctx, now: Date): Promise<Event | undefined> {
  return ctx.memo.get(`next-event:${Math.floor(now.getTime() / 60_000)}`, async () => (await listUpcomingEvents(ctx.db, now, 1))[0]);
}
