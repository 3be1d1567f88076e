// The background jobs of registration: offer expiry, reminders, and update mails after a time change.
import type { Ctx } from '../../platform/context.js';
import type { JobHandler } from '../../platform/jobs.js';
import { loadChrome } from '../../platform/chrome.js';
import { findEventById } from './event-store.js';
import { createRegistrationService } from './registration-service.js';

/** Builds the registration service for an app's context. */
export function registrationServiceFor(ctx: Ctx) {
  return createRegistrationService({
    db: ctx.db,
    clock: ctx.clock,
    t: ctx.t,
    secret: ctx.config.sessionSecret,
    baseUrl: () => ctx.config.baseUrl,
    siteTitle: async () => (await loadChrome(ctx)).site.title,
    mailFrom: ctx.config.mailFrom,
    log: ctx.log,
    contentChanged: ctx.contentChanged,
  });
}

/** Job handlers to add to the app's runner. */
export function registrationJobs(ctx: Ctx): Record<string, JobHandler> {
  const service = () => registrationServiceFor(ctx);
  return {
    // A deleted event takes its registrations with it: nothing left to expire.
    'event-offer-expiry': async (p: { eventId: number }) => {
      if (await findEventById(ctx.db, Number(p.eventId))) await service().expireOffers(Number(p.eventId));
    },
    'event-reminder': async (p: { eventId: number }) => {
      await service().sendReminders(Number(p.eventId));
    },
    'event-update-mail': async (p: { eventId: number; sequence: number }) => {
      await service().sendUpdates(Number(p.eventId), Number(p.sequence));
    },
  };
}
