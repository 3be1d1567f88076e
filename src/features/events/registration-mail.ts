// The messages registration sends: what happened, the event's time and place, the manage link, and an .ics when the time is known.
import type { Mail } from '../../platform/mailer.js';
import type { T } from '../../platform/i18n/index.js';
import type { Event } from './event.js';
import { eventIcs } from './ics.js';
import type { Registration } from './registration.js';
import { eventTimeText } from './views/event-time.js';

export type MailKind =
  | 'confirmed'
  | 'pending'
  | 'waitlisted'
  | 'offered'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'expired'
  | 'update'
  | 'reminder'
  | 'event_cancelled';

export interface MailContext {
  t: T;
  baseUrl: string;
  /** The prefix of the edition the event page is linked in ("" at the root, "/en" when every edition is prefixed). */
  editionBase?: string;
  siteTitle: string;
  fromEmail: string;
  now: Date;
}

/** Kinds of message that carry the calendar invitation (when the time is known). */
const WITH_ICS = new Set<MailKind>(['confirmed', 'approved', 'update', 'reminder', 'event_cancelled']);

/** The bare address in a From header ("Site <a@b>" -> "a@b"). */
export function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1] : from).trim();
}

/** Builds one registration message; `link` is the participant's manage link. */
export function registrationMail(kind: MailKind, e: Event, r: Registration, link: string, c: MailContext): Mail {
  const { t } = c;
  const when = eventTimeText(t, e.start, e.end, e.timezone);
  const zone = e.start.kind === 'datetime' ? ` (${e.timezone})` : '';
  const place = [e.venue.name, e.venue.address, e.venue.city].filter(Boolean).join(', ');
  const vars = {
    name: r.name,
    event: e.title,
    when: when + zone,
    place,
    link,
    position: r.waitlistPosition ?? '',
    message: r.message,
    expires: r.offerExpiresAt ? `${r.offerExpiresAt.slice(0, 16).replace('T', ' ')} UTC` : '',
  };
  const lines = [
    t('registration.mail.greeting', vars),
    '',
    t(`registration.mail.${kind}.body`, vars),
    '',
    ...(kind === 'rejected' && r.message ? [r.message, ''] : []),
    ...(kind === 'event_cancelled' && e.statusNote ? [e.statusNote, ''] : []),
    `${t('events.time')}: ${vars.when}`,
    ...(place ? [`${t('events.location')}: ${place}`] : []),
    ...(e.onlineUrl ? [`${t('events.online')}: ${e.onlineUrl}`] : []),
    `${c.baseUrl}${c.editionBase ?? ''}/events/${e.slug}`,
    '',
    t(kind === 'offered' ? 'registration.mail.accept_link' : 'registration.mail.manage_link', vars),
    link,
    '',
    c.siteTitle,
  ];
  // A cancelled event's file is a CANCEL: calendars remove the entry.
  const cancel = kind === 'event_cancelled';
  const ics = WITH_ICS.has(kind)
    ? eventIcs(e, {
        baseUrl: c.baseUrl,
        editionBase: c.editionBase,
        now: c.now,
        sequence: e.icsSequence ?? 0,
        siteTitle: c.siteTitle,
        organiserEmail: c.fromEmail,
        ...(cancel ? { status: 'CANCELLED' as const } : {}),
      })
    : undefined;
  return {
    to: r.email,
    subject: t(`registration.mail.${kind}.subject`, vars),
    text: lines.join('\n'),
    ...(ics
      ? {
          attachments: [
            {
              filename: `${e.slug}.ics`,
              content: ics,
              contentType: `text/calendar; charset=utf-8; method=${cancel ? 'CANCEL' : 'REQUEST'}`,
            },
          ],
        }
      : {}),
  };
}
