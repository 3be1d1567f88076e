import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import type { Db } from '../../platform/db.js';
import { translator } from '../../platform/i18n/index.js';
import type { Mail, Mailer } from '../../platform/mailer.js';
import { createJobRunner } from '../../platform/jobs.js';
import { SEND_MAIL_JOB, sendMailJob } from '../../platform/mail-queue.js';
import { insertEvent, type EventRow } from './event-store.js';
import { createRegistrationService, registrationToken, tokenHash } from './registration-service.js';
import { countByStatus, findRegistrationByTokenHash, listRegistrations, saveSettings } from './registration-store.js';
import { defaultSettings, type RegistrationInput } from './registration.js';
import { findCurrentTerms, listTermsVersions } from './terms-store.js';
import { createEventService } from './event-service.js';
import { valuesFromEvent, parseEventForm } from './event-form.js';
import { findEventById } from './event-store.js';
import { makeUser } from '../../../test/factories.js';

const t = translator('en');
const EVENT_ROW: EventRow = {
  slug: 'round-table',
  title: 'Round table on corridors',
  summary: 'Transit.',
  programmeMd: '',
  programmeHtml: '',
  venueName: 'Lazurnaya',
  venueAddress: '103 Kurortniy Prospekt',
  venueCity: 'Sochi',
  venueCountry: 'RU',
  lat: null,
  lon: null,
  timezone: 'Europe/Berlin',
  startsAt: '2026-10-25T08:30:00.000Z',
  endsAt: null,
  onlineUrl: '',
  language: 'en',
  status: 'published',
  statusNote: '',
  termsMd: 'Be on time.',
  termsHtml: '<p>Be on time.</p>',
};

/** A mailer that keeps what it was given. */
function memoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    sent,
    outboxDir: undefined,
    async send(m) {
      sent.push(m);
    },
    close() {},
  };
}

const person = (i: number): RegistrationInput => ({
  name: `Person ${i}`,
  email: `p${i}@example.org`,
  organisation: 'Observer',
  position: '',
  country: 'KG',
  answers: {},
});

describe.each(DIALECTS)('registration rules on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let now: Date;
  let mailer: ReturnType<typeof memoryMailer>;
  const clock = () => now;
  const service = () =>
    createRegistrationService({
      db,
      clock,
      t,
      secret: 'secret-secret-secret',
      baseUrl: () => 'http://chancery.test',
      siteTitle: () => 'Observer',
      mailFrom: 'Observer <events@example.org>',
      log: { error: () => undefined },
    });

  /** What the job queue sent of the mail queued so far. */
  const sent = async () => {
    const runner = createJobRunner(db, { [SEND_MAIL_JOB]: sendMailJob(mailer) }, clock, { error: () => undefined });
    while ((await runner.runDue([SEND_MAIL_JOB])) > 0);
    return mailer.sent;
  };

  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
    now = new Date('2026-06-01T10:00:00Z');
    mailer = memoryMailer();
  });
  afterEach(() => close());

  async function eventWith(settings: Partial<ReturnType<typeof defaultSettings>>, row: Partial<EventRow> = {}) {
    const id = await insertEvent(db, { ...EVENT_ROW, ...row }, now);
    await saveSettings(db, { ...defaultSettings(id), enabled: true, ...settings }, now);
    return id;
  }

  it('200 simultaneous registrations for 50 places: exactly 50 confirmed and 150 waiting, in order, none lost', async () => {
    const id = await eventWith({ capacity: 50 });
    const s = service();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => s.register(id, person(i), { termsAccepted: true })));
    expect(results).toHaveLength(200);
    const counts = await countByStatus(db, id);
    expect(counts.confirmed).toBe(50);
    expect(counts.waitlisted).toBe(150);
    const waiting = await listRegistrations(db, id, { status: 'waitlisted' });
    expect(waiting.map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    // The order of the list is the order in which registrations were accepted.
    const all = await listRegistrations(db, id);
    expect(new Set(all.map((r) => r.email)).size).toBe(200);
    expect((await sent()).filter((m) => m.subject.startsWith('Registration confirmed'))).toHaveLength(50);
    expect((await sent()).filter((m) => m.subject.startsWith('Waiting list'))).toHaveLength(150);
  }, 60_000);

  it('the same address twice at once gives one registration and a clear conflict', async () => {
    const id = await eventWith({ capacity: 10 });
    const s = service();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => s.register(id, person(1), { termsAccepted: true })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.every((r) => r.reason.status === 409 && /already registered/.test(r.reason.message))).toBe(true);
    expect(await listRegistrations(db, id)).toHaveLength(1);
  });

  it('a cancelled place is offered to the first on the list; the offer expires and passes on (injected clock, job runner)', async () => {
    const id = await eventWith({ capacity: 1, offerHours: 24 });
    const s = service();
    const first = await s.register(id, person(1), { termsAccepted: true });
    await s.register(id, person(2), { termsAccepted: true });
    await s.register(id, person(3), { termsAccepted: true });
    expect(first.registration.status).toBe('confirmed');
    await s.cancel(id, first.registration.id);
    let regs = await listRegistrations(db, id);
    const p2 = regs.find((r) => r.email === 'p2@example.org')!;
    expect(p2.status).toBe('offered');
    expect(p2.offerExpiresAt).toBe('2026-06-02T10:00:00.000Z');
    const offerMail = (await sent()).find((m) => m.to === 'p2@example.org' && m.subject.startsWith('A place is free'))!;
    const link = /http:\/\/chancery\.test\/events\/round-table\/registration\/(\S+)/.exec(offerMail.text)![1];
    expect((await findRegistrationByTokenHash(db, tokenHash(link)))!.id).toBe(p2.id);
    // A new registrant does not jump the queue while the place is offered.
    expect((await s.register(id, person(4), { termsAccepted: true })).registration.status).toBe('waitlisted');

    const runner = createJobRunner(
      db,
      {
        'event-offer-expiry': async (p) => {
          await s.expireOffers(p.eventId);
        },
      },
      clock,
      { error: () => undefined },
    );
    now = new Date('2026-06-02T09:59:00Z');
    await runner.runDue();
    expect((await listRegistrations(db, id, { status: 'offered' }))[0].email).toBe('p2@example.org');
    now = new Date('2026-06-02T10:00:00Z');
    await runner.runDue();
    regs = await listRegistrations(db, id);
    expect(regs.find((r) => r.email === 'p2@example.org')!.status).toBe('expired');
    expect(regs.find((r) => r.email === 'p3@example.org')!.status).toBe('offered');
    expect(regs.find((r) => r.email === 'p4@example.org')!.status).toBe('waitlisted');
    expect((await sent()).some((m) => m.to === 'p2@example.org' && m.subject.startsWith('Offer expired'))).toBe(true);

    // p3 accepts in time; an expired offer can no longer be accepted.
    const p3 = regs.find((r) => r.email === 'p3@example.org')!;
    await s.acceptOffer(id, p3.id);
    await expect(s.acceptOffer(id, p2.id)).rejects.toMatchObject({ status: 409 });
    const counts = await countByStatus(db, id);
    expect(counts.confirmed).toBe(1);
  });

  it('approval: pending until approved; approval over capacity goes to the waiting list; rejection carries the message', async () => {
    const id = await eventWith({ capacity: 1, approvalRequired: true });
    const admin = { id: await makeUser(db, { role: 'editor', email: 'editor@example.org' }) };
    const s = service();
    const a = await s.register(id, person(1), { termsAccepted: true });
    const b = await s.register(id, person(2), { termsAccepted: true });
    const c = await s.register(id, person(3), { termsAccepted: true });
    expect([a, b, c].map((r) => r.registration.status)).toEqual(['pending', 'pending', 'pending']);
    expect(await s.approve(id, a.registration.id, admin)).toBe('confirmed');
    expect(await s.approve(id, b.registration.id, admin)).toBe('waitlisted');
    await s.reject(id, c.registration.id, 'The hall is for accredited press only.', admin);
    const rejectMail = (await sent()).find((m) => m.to === 'p3@example.org' && m.subject.startsWith('Your registration'))!;
    expect(rejectMail.text).toContain('The hall is for accredited press only.');
    await expect(s.promote(id, b.registration.id, admin)).rejects.toMatchObject({ status: 409 });
  });

  it('closed, not yet open, cancelled and unconfigured events refuse registrations with 409', async () => {
    const s = service();
    const closed = await eventWith({ closesAt: '2026-05-01T00:00:00.000Z' }, { slug: 'closed' });
    const later = await eventWith({ opensAt: '2026-07-01T00:00:00.000Z' }, { slug: 'later' });
    const cancelled = await eventWith({}, { slug: 'cancelled', status: 'cancelled' });
    const none = await insertEvent(db, { ...EVENT_ROW, slug: 'none' }, now);
    for (const [id, msg] of [
      [closed, /closed/],
      [later, /not opened/],
      [cancelled, /cancelled/],
      [none, /does not take/],
    ] as const) {
      await expect(s.register(id, person(1), { termsAccepted: true })).rejects.toMatchObject({
        status: 409,
        message: expect.stringMatching(msg),
      });
    }
  });

  it('terms: a registrant keeps the version current when they registered; editing creates a new version', async () => {
    const id = await eventWith({});
    const s = service();
    const admin = { id: await makeUser(db, { role: 'editor', email: 'editor@example.org' }) };
    const r1 = await s.register(id, person(1), { termsAccepted: true });
    expect(r1.registration.termsVersion).toBe(1);
    await expect(s.register(id, person(2), { termsAccepted: false })).rejects.toMatchObject({ status: 422 });
    const events = createEventService({ db, clock, t, contentChanged: () => undefined });
    const e = (await findEventById(db, id))!;
    const values = { ...valuesFromEvent(e, []), termsMd: 'Be on time. Photography is allowed.' };
    await events.save(admin, id, parseEventForm(values, t).input!);
    // Saving again without changing the terms adds no version.
    await events.save(admin, id, parseEventForm(values, t).input!);
    expect((await listTermsVersions(db, id)).map((v) => v.version)).toEqual([2, 1]);
    expect((await findCurrentTerms(db, id))!.bodyMd).toBe('Be on time. Photography is allowed.');
    const r2 = await s.register(id, person(2), { termsAccepted: true });
    expect(r2.registration.termsVersion).toBe(2);
    const again = (await listRegistrations(db, id)).find((r) => r.id === r1.registration.id)!;
    expect(again.termsVersion).toBe(1);
  });

  it('a TBA event sends no .ics; setting the time raises the sequence and queues an update mail with the .ics; the reminder goes once', async () => {
    const id = await eventWith({ reminderHours: 24 }, { startsAt: null });
    const s = service();
    const admin = { id: await makeUser(db, { role: 'editor', email: 'editor@example.org' }) };
    await s.register(id, person(1), { termsAccepted: true });
    expect((await sent())[0].subject).toBe('Registration confirmed: Round table on corridors');
    expect((await sent())[0].attachments ?? []).toHaveLength(0);
    expect((await sent())[0].text).toContain('Time to be announced');

    const events = createEventService({ db, clock, t, contentChanged: () => undefined });
    const e = (await findEventById(db, id))!;
    await events.save(
      admin,
      id,
      parseEventForm({ ...valuesFromEvent(e, []), startKind: 'datetime', startDateTime: '2026-10-25T10:30' }, t).input!,
    );
    expect((await findEventById(db, id))!.icsSequence).toBe(1);
    const runner = createJobRunner(
      db,
      {
        'event-update-mail': async (p) => {
          await s.sendUpdates(p.eventId, p.sequence);
        },
        'event-reminder': async (p) => {
          await s.sendReminders(p.eventId);
        },
      },
      clock,
      {
        error: (o) => {
          throw (o as { err: Error }).err;
        },
      },
    );
    await runner.runDue();
    const update = (await sent()).find((m) => m.subject.startsWith('New time'))!;
    const ics = String(update.attachments![0].content);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261025T103000');
    expect(ics).toContain('SEQUENCE:1');
    expect(update.attachments![0].contentType).toContain('method=REQUEST');

    // The reminder is due 24 hours before the start: 08:30 UTC on the 24th.
    now = new Date('2026-10-24T08:00:00Z');
    await runner.runDue();
    await s.sendReminders(id);
    expect((await sent()).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(0);
    now = new Date('2026-10-24T12:00:00Z');
    await runner.runDue();
    await s.sendReminders(id);
    expect((await sent()).filter((m) => m.subject.startsWith('Reminder'))).toHaveLength(1);
  });

  it('cancelling the event tells participants with a CANCEL calendar file', async () => {
    const id = await eventWith({});
    const s = service();
    const admin = { id: await makeUser(db, { role: 'editor', email: 'editor@example.org' }) };
    await s.register(id, person(1), { termsAccepted: true });
    const events = createEventService({ db, clock, t, contentChanged: () => undefined });
    const e = (await findEventById(db, id))!;
    await events.save(
      admin,
      id,
      parseEventForm({ ...valuesFromEvent(e, []), status: 'cancelled', statusNote: 'The venue is closed.' }, t).input!,
    );
    const runner = createJobRunner(
      db,
      {
        'event-update-mail': async (p) => {
          await s.sendUpdates(p.eventId, p.sequence);
        },
      },
      clock,
      { error: () => undefined },
    );
    await runner.runDue();
    const mail = (await sent()).find((m) => m.subject === 'Cancelled: Round table on corridors')!;
    expect(mail.text).toContain('The venue is closed.');
    const ics = String(mail.attachments![0].content);
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:1');
    expect(mail.attachments![0].contentType).toContain('method=CANCEL');
  });

  it('manage tokens are derived with the secret and only their hash is stored', async () => {
    const id = await eventWith({});
    const { registration, token } = await service().register(id, person(1), { termsAccepted: true });
    expect(token).toBe(registrationToken('secret-secret-secret', registration));
    const row = await db.selectFrom('registrations').select('token_hash').where('id', '=', registration.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(tokenHash(token));
    expect(row.token_hash).not.toContain(token);
  });
});
