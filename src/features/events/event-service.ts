// Saving and deleting events: the event, its linked articles and the audit log change together.
import { inTransaction, type Db } from '../../platform/db.js';
import { recordEvent } from '../../platform/event-outbox.js';
import { ValidationError } from '../../platform/errors.js';
import type { T } from '../../platform/i18n/index.js';
import { insertAudit } from '../audit/audit-store.js';
import type { EventStatus } from './event.js';
import { eventRowOf, type EventInput } from './event-form.js';
import { enqueueJob } from '../../platform/jobs.js';
import { deleteTranslations, saveTranslations, type Translations } from '../../platform/translation-store.js';
import { findSettings } from './registration-store.js';
import { scheduleReminder } from './registration-service.js';
import { recordTerms } from './terms-store.js';
import { storeEventTime } from './event.js';
import {
  deleteEvent,
  eventSlugTaken,
  findArticleIdsBySlugs,
  findEventById,
  insertEvent,
  setEventArticles,
  updateEvent,
  updateEventIcsSequence,
} from './event-store.js';

export interface EventServiceDeps {
  db: Db;
  clock: () => Date;
  t: T;
  contentChanged: () => void;
}

/** Audit actions written when an event's status changes to one readers notice. */
const STATUS_ACTIONS: Partial<Record<EventStatus, string>> = {
  published: 'event.publish',
  cancelled: 'event.cancel',
  postponed: 'event.postpone',
};

/** Builds the event service over its dependencies. */
export function createEventService(deps: EventServiceDeps) {
  const { db, clock, t } = deps;
  return {
    /** Creates (id null) or updates an event; throws ValidationError for a taken slug or unknown article slugs; returns the id. */
    async save(actor: { id: number }, id: number | null, input: EventInput, translations: Translations = {}): Promise<number> {
      const now = clock();
      const saved = await inTransaction(db, async (tx) => {
        const before = id === null ? undefined : await findEventById(tx, id);
        if (id !== null && !before) throw new ValidationError({}, t('events.admin.gone'));
        const errors: Record<string, string> = {};
        if (await eventSlugTaken(tx, input.slug, id ?? undefined)) errors.slug = t('events.error.slug_taken', { slug: input.slug });
        const articleIds = await findArticleIdsBySlugs(tx, input.articleSlugs);
        const unknown = input.articleSlugs.filter((s) => !articleIds.has(s));
        if (unknown.length) errors.articles = t('events.error.unknown_articles', { slugs: unknown.join(', ') });
        if (Object.keys(errors).length) throw new ValidationError(errors);
        const row = eventRowOf(input);
        const eventId = id ?? (await insertEvent(tx, row, now));
        if (id !== null) await updateEvent(tx, id, row, now);
        await setEventArticles(tx, eventId, [...articleIds.values()]);
        // Partners subscribed to events hear of it once the change is committed (platform/event-outbox.ts).
        if (row.status !== 'draft' || (before && before.status !== 'draft'))
          await recordEvent(tx, { type: id === null ? 'event.created' : 'event.updated', id: eventId }, now);
        await saveTranslations(tx, 'event', eventId, translations);
        // Every edit of the terms is a new version; registrations keep the one they accepted.
        await recordTerms(tx, eventId, row.termsMd, row.termsHtml, now);
        const timeChanged =
          before !== undefined &&
          (storeEventTime(before.start) !== row.startsAt || storeEventTime(before.end) !== row.endsAt || before.timezone !== row.timezone);
        const cancelledNow = before !== undefined && before.status !== 'cancelled' && input.status === 'cancelled';
        if (timeChanged || cancelledNow) {
          // A new SEQUENCE makes calendars replace (or, once cancelled, remove) the entry; participants get the new .ics by mail once the time is known.
          const seq = (before.icsSequence ?? 0) + 1;
          await updateEventIcsSequence(tx, eventId, seq);
          if (row.startsAt !== null || cancelledNow) await enqueueJob(tx, 'event-update-mail', now, { eventId, sequence: seq }, now);
        }
        if (timeChanged || id === null) {
          const saved = await findEventById(tx, eventId);
          if (saved) await scheduleReminder(tx, saved, await findSettings(tx, eventId), now);
        }
        const action = before?.status !== input.status ? STATUS_ACTIONS[input.status] : undefined;
        if (action)
          await insertAudit(tx, {
            at: now,
            userId: actor.id,
            action,
            subjectType: 'event',
            subjectId: eventId,
            detail: input.statusNote ? `${input.title}: ${input.statusNote}` : input.title,
          });
        return eventId;
      });
      deps.contentChanged();
      return saved;
    },

    /** Deletes an event and its article links; false when it did not exist. */
    async remove(actor: { id: number }, id: number): Promise<boolean> {
      const now = clock();
      const done = await inTransaction(db, async (tx) => {
        const e = await findEventById(tx, id);
        if (!e) return false;
        await setEventArticles(tx, id, []);
        await deleteEvent(tx, id);
        await deleteTranslations(tx, 'event', id);
        await insertAudit(tx, { at: now, userId: actor.id, action: 'event.delete', subjectType: 'event', subjectId: id, detail: e.title });
        return true;
      });
      if (done) deps.contentChanged();
      return done;
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
