// Registration settings, custom questions and registrations: rows to domain objects.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { EventQuestionsTable, RegistrationsTable } from '../../platform/schema.js';
import {
  ACTIVE_STATUSES,
  defaultSettings,
  PLACE_STATUSES,
  type Question,
  type QuestionKind,
  type Registration,
  type RegistrationSettings,
  type RegistrationStatus,
} from './registration.js';

function parseJson<T>(s: string, fallback: T): T {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

/** Maps a row to a Registration. */
export function rowToRegistration(r: Selectable<RegistrationsTable>): Registration {
  return {
    id: r.id,
    eventId: r.event_id,
    userId: r.user_id,
    name: r.name,
    email: r.email,
    organisation: r.organisation,
    position: r.position,
    country: r.country,
    answers: parseJson<Record<string, string>>(r.answers, {}),
    termsVersion: r.terms_version,
    status: r.status,
    waitlistPosition: r.waitlist_position,
    offerExpiresAt: r.offer_expires_at,
    message: r.message,
    attendedAt: r.attended_at,
    remindedAt: r.reminded_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function rowToQuestion(r: Selectable<EventQuestionsTable>): Question {
  return {
    id: r.id,
    eventId: r.event_id,
    position: r.position,
    kind: r.kind as QuestionKind,
    label: r.label,
    options: parseJson<string[]>(r.options, []),
    required: Boolean(Number(r.required)),
  };
}

/** The registration settings of an event (defaults, registration off, when never saved). */
export async function findSettings(db: Db, eventId: number): Promise<RegistrationSettings> {
  const r = await db.selectFrom('event_registration_settings').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  if (!r) return defaultSettings(eventId);
  return {
    eventId,
    enabled: Boolean(Number(r.enabled)),
    capacity: r.capacity === null ? null : Number(r.capacity),
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    approvalRequired: Boolean(Number(r.approval_required)),
    offerHours: Number(r.offer_hours),
    reminderHours: Number(r.reminder_hours),
  };
}

/** Inserts or replaces the settings of an event. */
export async function saveSettings(db: Db, s: RegistrationSettings, now: Date): Promise<void> {
  const values = {
    enabled: s.enabled ? 1 : 0,
    capacity: s.capacity,
    opens_at: s.opensAt,
    closes_at: s.closesAt,
    approval_required: s.approvalRequired ? 1 : 0,
    offer_hours: s.offerHours,
    reminder_hours: s.reminderHours,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('event_registration_settings')
    .values({ event_id: s.eventId, ...values })
    .onConflict((oc) => oc.column('event_id').doUpdateSet(values))
    .execute();
}

/** The custom questions of an event, in order. */
export async function listQuestions(db: Db, eventId: number): Promise<Question[]> {
  return (
    await db.selectFrom('event_questions').selectAll().where('event_id', '=', eventId).orderBy('position').orderBy('id').execute()
  ).map(rowToQuestion);
}

/** Replaces an event's questions: kept ids are updated, missing ones deleted, new ones (id 0) inserted. */
export async function replaceQuestions(db: Db, eventId: number, questions: Omit<Question, 'eventId'>[]): Promise<void> {
  const keep = questions.filter((q) => q.id > 0).map((q) => q.id);
  let del = db.deleteFrom('event_questions').where('event_id', '=', eventId);
  if (keep.length) del = del.where('id', 'not in', keep);
  await del.execute();
  for (const q of questions) {
    const values = { position: q.position, kind: q.kind, label: q.label, options: JSON.stringify(q.options), required: q.required ? 1 : 0 };
    if (q.id > 0) await db.updateTable('event_questions').set(values).where('id', '=', q.id).where('event_id', '=', eventId).execute();
    else
      await db
        .insertInto('event_questions')
        .values({ event_id: eventId, ...values })
        .execute();
  }
}

/** Places held (confirmed registrations and open offers) per event, for many events in one query. */
export async function countTakenPlaces(db: Db, eventIds: number[]): Promise<Map<number, number>> {
  if (!eventIds.length) return new Map();
  const rows = await db
    .selectFrom('registrations')
    .select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', 'in', eventIds)
    .where('status', 'in', PLACE_STATUSES)
    .groupBy('event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

/** Number of registrations per status for an event. */
export async function countByStatus(db: Db, eventId: number): Promise<Record<RegistrationStatus, number>> {
  const rows = await db
    .selectFrom('registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('status')
    .execute();
  const out = { pending: 0, confirmed: 0, waitlisted: 0, offered: 0, rejected: 0, cancelled: 0, expired: 0 } as Record<
    RegistrationStatus,
    number
  >;
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** The active registration of an address for an event, or undefined. */
export async function findActiveByEmail(db: Db, eventId: number, email: string): Promise<Registration | undefined> {
  const r = await db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('email', '=', email.toLowerCase())
    .where('status', 'in', ACTIVE_STATUSES)
    .executeTakeFirst();
  return r && rowToRegistration(r);
}

/** The registration behind a manage-link token hash, or undefined. */
export async function findRegistrationByTokenHash(db: Db, tokenHash: string): Promise<Registration | undefined> {
  const r = await db.selectFrom('registrations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  return r && rowToRegistration(r);
}

/** One registration of an event, or undefined. */
export async function findRegistration(db: Db, eventId: number, id: number): Promise<Registration | undefined> {
  const r = await db.selectFrom('registrations').selectAll().where('event_id', '=', eventId).where('id', '=', id).executeTakeFirst();
  return r && rowToRegistration(r);
}

export interface RegistrationFilter {
  status?: RegistrationStatus;
  q?: string;
  attended?: boolean;
}

/** An event's registrations, filtered, in the order they came (the waiting list alone: in its order). */
export async function listRegistrations(db: Db, eventId: number, f: RegistrationFilter = {}): Promise<Registration[]> {
  let q = db.selectFrom('registrations').selectAll().where('event_id', '=', eventId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.attended !== undefined) q = q.where('attended_at', f.attended ? 'is not' : 'is', null);
  if (f.q) {
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(name)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(email)`, 'like', sql`${like} escape '\\'`),
        eb(sql`lower(organisation)`, 'like', sql`${like} escape '\\'`),
      ]),
    );
  }
  if (f.status === 'waitlisted') q = q.orderBy('waitlist_position');
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(rowToRegistration);
}

/** The event ids and registration ids that must not be reminded twice: confirmed and not reminded yet. */
export async function listToRemind(db: Db, eventId: number): Promise<Registration[]> {
  const rows = await db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .where('reminded_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(rowToRegistration);
}

// ---- Writes of the registration service, each inside the transaction that locks the event. ----

/** Sets a registration's status (and any other columns given) and returns it as stored. */
export async function setRegistrationStatus(
  db: Db,
  id: number,
  status: RegistrationStatus,
  now: Date,
  extra: Partial<Pick<Selectable<RegistrationsTable>, 'offer_expires_at' | 'waitlist_position' | 'message'>> = {},
): Promise<Registration> {
  await db
    .updateTable('registrations')
    .set({ status, updated_at: now.toISOString(), ...extra })
    .where('id', '=', id)
    .execute();
  return rowToRegistration(await db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

/** The waiting list in its order, at most `limit`. */
export async function listWaitlisted(db: Db, eventId: number, limit: number): Promise<Registration[]> {
  const rows = await db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_position')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(rowToRegistration);
}

/** How many wait for a place. */
export async function countWaitlisted(db: Db, eventId: number): Promise<number> {
  const r = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next free place at the end of the waiting list. */
export async function nextWaitlistPosition(db: Db, eventId: number): Promise<number> {
  const max = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.max('waitlist_position').as('m'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return Number(max?.m ?? 0) + 1;
}

export type NewRegistration = Omit<Insertable<RegistrationsTable>, 'id'>;

/** Stores a new registration and returns it. */
export async function insertRegistration(db: Db, values: NewRegistration): Promise<Registration> {
  return rowToRegistration(await db.insertInto('registrations').values(values).returningAll().executeTakeFirstOrThrow());
}

/** Offers whose time has run out, in waiting-list order. */
export async function listOverdueOffers(db: Db, eventId: number, now: Date): Promise<Registration[]> {
  const rows = await db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now.toISOString())
    .orderBy('waitlist_position')
    .execute();
  return rows.map(rowToRegistration);
}

/** Records attendance (or clears it). */
export async function setAttended(db: Db, id: number, attendedAt: string | null, now: Date): Promise<void> {
  await db.updateTable('registrations').set({ attended_at: attendedAt, updated_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Marks the reminder as sent unless it already was; true for the one caller that marked it. */
export async function claimReminder(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('registrations')
    .set({ reminded_at: now.toISOString() })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Everyone holding or awaiting a place, told of a change to the event. */
export async function listToUpdate(db: Db, eventId: number): Promise<Registration[]> {
  const rows = await db
    .selectFrom('registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', 'in', ['confirmed', 'offered', 'pending'])
    .orderBy('id')
    .execute();
  return rows.map(rowToRegistration);
}
