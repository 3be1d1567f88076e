// Registration: the rules that span events, settings and registrations — capacity, the waiting list and its offers,
// approval, cancellation, check-in — each in one transaction that locks the event, and the messages they send.
import { recordEvent } from '../../platform/event-outbox.js';
import { createHash, createHmac } from 'node:crypto';
import { inTransaction, type Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { T } from '../../platform/i18n/index.js';
import { enqueueJob } from '../../platform/jobs.js';
import { queueMail } from '../../platform/mail-queue.js';
import { insertAudit } from '../audit/audit-store.js';
import { findSiteInfo } from '../site/site-store.js';
import { editionPrefix } from '../../platform/editions.js';
import { isUpcoming, wallTimeToInstant, type Event } from './event.js';
import { findEventById, lockEventRow } from './event-store.js';
import { addressOf, registrationMail, type MailKind } from './registration-mail.js';
import {
  claimReminder,
  countTakenPlaces,
  countWaitlisted,
  findActiveByEmail,
  findRegistration,
  findSettings,
  insertRegistration,
  listOverdueOffers,
  listToRemind,
  listToUpdate,
  listWaitlisted,
  nextWaitlistPosition,
  saveSettings,
  setAttended,
  setRegistrationStatus,
} from './registration-store.js';
import {
  eventStartInstant,
  type Registration,
  type RegistrationInput,
  type RegistrationSettings,
  type RegistrationStatus,
  registrationState,
} from './registration.js';
import { recordTerms } from './terms-store.js';

export interface RegistrationDeps {
  db: Db;
  clock: () => Date;
  t: T;
  secret: string;
  baseUrl: () => string;
  siteTitle: () => Promise<string> | string;
  mailFrom: string;
  log: { error: (o: object, m: string) => void };
  contentChanged?: () => void;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The manage-link token of a registration: derived with the server secret, so the database alone (which holds only its hash) cannot rebuild links. */
export function registrationToken(secret: string, r: { eventId: number; email: string; createdAt: string }): string {
  return createHmac('sha256', secret).update(`registration-link:${r.eventId}:${r.email}:${r.createdAt}`).digest('base64url');
}

/** The hash stored for a token. */
export const tokenHash = sha256;

type Outgoing = { kind: MailKind; registration: Registration };

/** Builds the registration service over its dependencies. */
export function createRegistrationService(deps: RegistrationDeps) {
  const { db, clock, t } = deps;

  /** Locks the event row for the rest of the transaction (PostgreSQL); SQLite runs one transaction at a time anyway. */
  async function lockEvent(tx: Db, eventId: number): Promise<Event> {
    await lockEventRow(tx, eventId);
    const e = await findEventById(tx, eventId);
    if (!e) throw new AppError('not_found', 'Event not found');
    return e;
  }

  async function placesTaken(tx: Db, eventId: number): Promise<number> {
    return (await countTakenPlaces(tx, [eventId])).get(eventId) ?? 0;
  }

  /** Offers free places to the waiting list in order (or confirms directly when offers do not expire). */
  async function fillPlaces(tx: Db, e: Event, s: RegistrationSettings, now: Date): Promise<Outgoing[]> {
    const out: Outgoing[] = [];
    const taken = await placesTaken(tx, e.id);
    const free = s.capacity === null ? Number.MAX_SAFE_INTEGER : s.capacity - taken;
    if (free <= 0 || e.status === 'cancelled') return out;
    const next = await listWaitlisted(tx, e.id, Math.min(free, 10_000));
    for (const row of next) {
      if (s.offerHours > 0) {
        const expires = new Date(now.getTime() + s.offerHours * 3_600_000);
        out.push({
          kind: 'offered',
          registration: await setRegistrationStatus(tx, row.id, 'offered', now, { offer_expires_at: expires.toISOString() }),
        });
        await enqueueJob(tx, 'event-offer-expiry', expires, { eventId: e.id }, now);
      } else {
        out.push({
          kind: 'confirmed',
          registration: await setRegistrationStatus(tx, row.id, 'confirmed', now, { offer_expires_at: null }),
        });
      }
    }
    return out;
  }

  /** Queues the messages in the change's own transaction: the job queue sends them, a crash only delays them. */
  async function queueAll(tx: Db, e: Event, list: Outgoing[], siteTitle: string, now: Date): Promise<void> {
    // The event's page is linked where the newsroom's editions put it (see platform/editions.ts).
    const site = await findSiteInfo(tx, '');
    const editionBase = editionPrefix(site.language, { root: site.language, prefixed: site.editions === 'prefixed' });
    for (const o of list) {
      const link = `${deps.baseUrl()}/events/${e.slug}/registration/${registrationToken(deps.secret, o.registration)}`;
      await queueMail(
        tx,
        registrationMail(o.kind, e, o.registration, link, {
          t,
          baseUrl: deps.baseUrl(),
          editionBase,
          siteTitle,
          fromEmail: addressOf(deps.mailFrom),
          now,
        }),
        now,
      );
    }
  }

  async function withEvent<R>(
    eventId: number,
    fn: (tx: Db, e: Event, s: RegistrationSettings, now: Date) => Promise<{ result: R; mails: Outgoing[] }>,
  ): Promise<R> {
    const now = clock();
    const siteTitle = await deps.siteTitle();
    const result = await inTransaction(db, async (tx) => {
      const e = await lockEvent(tx, eventId);
      const s = await findSettings(tx, eventId);
      const r = await fn(tx, e, s, now);
      await queueAll(tx, e, r.mails, siteTitle, now);
      return r.result;
    });
    deps.contentChanged?.();
    return result;
  }

  return {
    /** Registers a participant: confirmed while places are free and nobody waits, else waitlisted (or pending when approval is required).
     * Throws 409 for a duplicate address or closed registration; returns the registration and its manage-link token. */
    async register(
      eventId: number,
      input: RegistrationInput,
      opts: { userId?: number | null; termsAccepted?: boolean } = {},
    ): Promise<{ registration: Registration; token: string }> {
      return withEvent(eventId, async (tx, e, s, now) => {
        const taken = await placesTaken(tx, eventId);
        const state = registrationState(e, s, taken, now, !isUpcoming(e, now));
        if (state.kind === 'none') throw new AppError('conflict', t('registration.error.not_taking'));
        if (state.kind === 'event_closed')
          throw new AppError('conflict', t(state.reason === 'cancelled' ? 'registration.error.cancelled' : 'registration.error.past'));
        if (state.kind === 'not_yet') throw new AppError('conflict', t('registration.error.not_yet'));
        if (state.kind === 'closed') throw new AppError('conflict', t('registration.error.closed'));
        if (await findActiveByEmail(tx, eventId, input.email))
          throw new AppError('conflict', t('registration.error.duplicate', { email: input.email }));
        const termsVersion = await recordTerms(tx, eventId, e.termsMd, e.termsHtml, now);
        if (termsVersion !== null && !opts.termsAccepted)
          throw new AppError('validation', t('registration.error.terms'), { terms: t('registration.error.terms') });
        const waiting = await countWaitlisted(tx, eventId);
        const placeFree = s.capacity === null || taken < s.capacity;
        let status: RegistrationStatus = s.approvalRequired ? 'pending' : placeFree && waiting === 0 ? 'confirmed' : 'waitlisted';
        const position = status === 'waitlisted' ? await nextWaitlistPosition(tx, eventId) : null;
        const createdAt = now.toISOString();
        const email = input.email.toLowerCase();
        const token = registrationToken(deps.secret, { eventId, email, createdAt });
        const registration = await insertRegistration(tx, {
          event_id: eventId,
          user_id: opts.userId ?? null,
          name: input.name,
          email,
          organisation: input.organisation,
          position: input.position,
          country: input.country,
          answers: JSON.stringify(input.answers),
          terms_version: termsVersion,
          status,
          waitlist_position: position,
          offer_expires_at: null,
          token_hash: sha256(token),
          message: '',
          attended_at: null,
          reminded_at: null,
          created_at: createdAt,
          updated_at: createdAt,
        });
        status = registration.status;
        await recordEvent(tx, { type: 'registration.created', id: registration.id, eventId }, now);
        return {
          result: { registration, token },
          mails: [{ kind: status === 'confirmed' ? 'confirmed' : status === 'pending' ? 'pending' : 'waitlisted', registration }],
        };
      });
    },

    /** Cancels a registration (participant or organiser); a place it held goes to the waiting list. False when it was not active. */
    async cancel(eventId: number, id: number, actor?: { id: number }): Promise<boolean> {
      return withEvent(eventId, async (tx, e, s, now) => {
        const r = await findRegistration(tx, eventId, id);
        if (!r || !['pending', 'confirmed', 'waitlisted', 'offered'].includes(r.status)) return { result: false, mails: [] };
        const cancelled = await setRegistrationStatus(tx, id, 'cancelled', now, { offer_expires_at: null });
        await recordEvent(tx, { type: 'registration.cancelled', id, eventId }, now);
        if (actor)
          await insertAudit(tx, {
            at: now,
            userId: actor.id,
            action: 'registration.cancel',
            subjectType: 'event',
            subjectId: eventId,
            detail: r.email,
          });
        return { result: true, mails: [{ kind: 'cancelled' as MailKind, registration: cancelled }, ...(await fillPlaces(tx, e, s, now))] };
      });
    },

    /** Approves a pending registration: confirmed when a place is free, else onto the waiting list. Returns the new status. */
    async approve(eventId: number, id: number, actor: { id: number }): Promise<RegistrationStatus> {
      return withEvent(eventId, async (tx, _e, s, now) => {
        const r = await findRegistration(tx, eventId, id);
        if (!r || r.status !== 'pending') throw new AppError('conflict', t('registration.admin.error.not_pending'));
        const taken = await placesTaken(tx, eventId);
        let out: Registration;
        if (s.capacity === null || taken < s.capacity) out = await setRegistrationStatus(tx, id, 'confirmed', now);
        else {
          out = await setRegistrationStatus(tx, id, 'waitlisted', now, { waitlist_position: await nextWaitlistPosition(tx, eventId) });
        }
        await insertAudit(tx, {
          at: now,
          userId: actor.id,
          action: 'registration.approve',
          subjectType: 'event',
          subjectId: eventId,
          detail: r.email,
        });
        return { result: out.status, mails: [{ kind: out.status === 'confirmed' ? 'approved' : 'waitlisted', registration: out }] };
      });
    },

    /** Rejects a registration with a message for the participant; a place it held goes to the waiting list. */
    async reject(eventId: number, id: number, message: string, actor: { id: number }): Promise<void> {
      return withEvent(eventId, async (tx, e, s, now) => {
        const r = await findRegistration(tx, eventId, id);
        if (!r || !['pending', 'confirmed', 'waitlisted', 'offered'].includes(r.status))
          throw new AppError('conflict', t('registration.admin.error.not_active'));
        const out = await setRegistrationStatus(tx, id, 'rejected', now, { message, offer_expires_at: null });
        await insertAudit(tx, {
          at: now,
          userId: actor.id,
          action: 'registration.reject',
          subjectType: 'event',
          subjectId: eventId,
          detail: r.email,
        });
        return { result: undefined, mails: [{ kind: 'rejected' as MailKind, registration: out }, ...(await fillPlaces(tx, e, s, now))] };
      });
    },

    /** Moves someone from the waiting list to a confirmed place, out of turn; 409 when no place is free. */
    async promote(eventId: number, id: number, actor: { id: number }): Promise<void> {
      return withEvent(eventId, async (tx, _e, s, now) => {
        const r = await findRegistration(tx, eventId, id);
        if (!r || r.status !== 'waitlisted') throw new AppError('conflict', t('registration.admin.error.not_waitlisted'));
        if (s.capacity !== null && (await placesTaken(tx, eventId)) >= s.capacity)
          throw new AppError('conflict', t('registration.admin.error.full'));
        const out = await setRegistrationStatus(tx, id, 'confirmed', now);
        await insertAudit(tx, {
          at: now,
          userId: actor.id,
          action: 'registration.promote',
          subjectType: 'event',
          subjectId: eventId,
          detail: r.email,
        });
        return { result: undefined, mails: [{ kind: 'confirmed' as MailKind, registration: out }] };
      });
    },

    /** The participant takes an offered place before the offer expires; 409 otherwise. */
    async acceptOffer(eventId: number, id: number): Promise<void> {
      return withEvent(eventId, async (tx, _e, _s, now) => {
        const r = await findRegistration(tx, eventId, id);
        if (!r || r.status !== 'offered' || !r.offerExpiresAt || r.offerExpiresAt <= now.toISOString())
          throw new AppError('conflict', t('registration.error.offer_gone'));
        const out = await setRegistrationStatus(tx, id, 'confirmed', now, { offer_expires_at: null });
        return { result: undefined, mails: [{ kind: 'confirmed' as MailKind, registration: out }] };
      });
    },

    /** Expires the event's overdue offers and offers their places to the next in line; returns how many expired. */
    async expireOffers(eventId: number): Promise<number> {
      return withEvent(eventId, async (tx, e, s, now) => {
        const due = await listOverdueOffers(tx, eventId, now);
        const mails: Outgoing[] = [];
        for (const row of due)
          mails.push({
            kind: 'expired',
            registration: await setRegistrationStatus(tx, row.id, 'expired', now, { offer_expires_at: null }),
          });
        mails.push(...(await fillPlaces(tx, e, s, now)));
        return { result: due.length, mails };
      });
    },

    /** Saves settings; raised capacity is offered to the waiting list at once; the reminder is scheduled. */
    async saveSettings(s: RegistrationSettings, actor: { id: number }): Promise<void> {
      await withEvent(s.eventId, async (tx, e, _old, now) => {
        await saveSettings(tx, s, now);
        await insertAudit(tx, {
          at: now,
          userId: actor.id,
          action: 'registration.settings',
          subjectType: 'event',
          subjectId: s.eventId,
          detail: e.title,
        });
        await scheduleReminder(tx, e, s, now);
        return { result: undefined, mails: await fillPlaces(tx, e, s, now) };
      });
    },

    /** Marks a confirmed participant as attended (or not). */
    async checkIn(eventId: number, id: number, attended: boolean): Promise<Registration> {
      const now = clock();
      const r = await findRegistration(db, eventId, id);
      if (!r || r.status !== 'confirmed') throw new AppError('conflict', t('registration.admin.error.not_confirmed'));
      await setAttended(db, id, attended ? (r.attendedAt ?? now.toISOString()) : null, now);
      return (await findRegistration(db, eventId, id))!;
    },

    /** Job: sends the reminder once to every confirmed participant, when the reminder time has come and the event has not started. */
    async sendReminders(eventId: number): Promise<number> {
      const e = await findEventById(db, eventId);
      if (!e || e.status === 'cancelled' || e.status === 'draft') return 0;
      const s = await findSettings(db, eventId);
      const start = eventStartInstant(e, wallTimeToInstant);
      const now = clock();
      if (!start || now >= start || now.getTime() < start.getTime() - s.reminderHours * 3_600_000) return 0;
      const due = await listToRemind(db, eventId);
      const siteTitle = await deps.siteTitle();
      for (const r of due) {
        // Marked and queued in one transaction: a crash leaves both or neither, so it is sent exactly once.
        await inTransaction(db, async (tx) => {
          if (await claimReminder(tx, r.id, now)) await queueAll(tx, e, [{ kind: 'reminder', registration: r }], siteTitle, now);
        });
      }
      return due.length;
    },

    /** Job: tells everyone holding or awaiting a place about the new time (or the cancellation), with the updated .ics; skipped when a newer change is queued. */
    async sendUpdates(eventId: number, sequence: number): Promise<number> {
      const e = await findEventById(db, eventId);
      if (!e || (e.icsSequence ?? 0) !== sequence) return 0;
      const rows = await listToUpdate(db, eventId);
      const kind: MailKind = e.status === 'cancelled' ? 'event_cancelled' : 'update';
      const siteTitle = await deps.siteTitle();
      const now = clock();
      await inTransaction(db, (tx) =>
        queueAll(
          tx,
          e,
          rows.map((r) => ({ kind, registration: r })),
          siteTitle,
          now,
        ),
      );
      return rows.length;
    },
  };
}

/** Queues the reminder job for the event's start minus the reminder hours (the job checks again when it runs). */
export async function scheduleReminder(tx: Db, e: Event, s: RegistrationSettings, now: Date): Promise<void> {
  const start = eventStartInstant(e, wallTimeToInstant);
  if (!start || !s.enabled) return;
  const at = new Date(Math.max(now.getTime(), start.getTime() - s.reminderHours * 3_600_000));
  if (at < start) await enqueueJob(tx, 'event-reminder', at, { eventId: e.id }, now);
}

export type RegistrationService = ReturnType<typeof createRegistrationService>;
