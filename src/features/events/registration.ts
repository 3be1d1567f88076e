// Registration rules: statuses, who holds a place, the state of registration for an event, and the participant's form.
import type { T } from '../../platform/i18n/index.js';
import { isCountryCode } from './event-form.js';
import type { Event } from './event.js';

export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'offered' | 'rejected' | 'cancelled' | 'expired';
export const REGISTRATION_STATUSES: RegistrationStatus[] = [
  'pending',
  'confirmed',
  'waitlisted',
  'offered',
  'rejected',
  'cancelled',
  'expired',
];
/** Statuses of a registration still in play: its address cannot register again for the event. */
export const ACTIVE_STATUSES: RegistrationStatus[] = ['pending', 'confirmed', 'waitlisted', 'offered'];
/** Statuses that hold one of the event's places (an offer keeps the place until it expires). */
export const PLACE_STATUSES: RegistrationStatus[] = ['confirmed', 'offered'];

export type QuestionKind = 'text' | 'choice' | 'checkbox';
export const QUESTION_KINDS: QuestionKind[] = ['text', 'choice', 'checkbox'];

export interface Question {
  id: number;
  eventId: number;
  position: number;
  kind: QuestionKind;
  label: string;
  options: string[];
  required: boolean;
}

export interface RegistrationSettings {
  eventId: number;
  enabled: boolean;
  capacity: number | null;
  opensAt: string | null;
  closesAt: string | null;
  approvalRequired: boolean;
  offerHours: number;
  reminderHours: number;
}

export interface Registration {
  id: number;
  eventId: number;
  userId: number | null;
  name: string;
  email: string;
  organisation: string;
  position: string;
  country: string;
  answers: Record<string, string>;
  termsVersion: number | null;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  message: string;
  attendedAt: string | null;
  remindedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Settings of an event nobody configured yet: registration off. */
export function defaultSettings(eventId: number): RegistrationSettings {
  return {
    eventId,
    enabled: false,
    capacity: null,
    opensAt: null,
    closesAt: null,
    approvalRequired: false,
    offerHours: 48,
    reminderHours: 24,
  };
}

/** Where registration stands for readers of the event page. */
export type RegistrationState =
  | { kind: 'none' } // the event takes no registrations
  | { kind: 'event_closed'; reason: 'cancelled' | 'past' }
  | { kind: 'not_yet'; opensAt: string }
  | { kind: 'closed' }
  | { kind: 'open'; placesLeft: number | null } // null: no limit
  | { kind: 'waitlist' };

/** The registration state at `now` given the event, its settings and how many places are taken. */
export function registrationState(
  e: Pick<Event, 'status' | 'start' | 'end'>,
  s: RegistrationSettings,
  taken: number,
  now: Date,
  over: boolean,
): RegistrationState {
  if (!s.enabled || e.status === 'draft') return { kind: 'none' };
  if (e.status === 'cancelled') return { kind: 'event_closed', reason: 'cancelled' };
  if (over) return { kind: 'event_closed', reason: 'past' };
  const iso = now.toISOString();
  if (s.opensAt && iso < s.opensAt) return { kind: 'not_yet', opensAt: s.opensAt };
  if (s.closesAt && iso >= s.closesAt) return { kind: 'closed' };
  if (s.capacity === null) return { kind: 'open', placesLeft: null };
  const left = s.capacity - taken;
  return left > 0 ? { kind: 'open', placesLeft: left } : { kind: 'waitlist' };
}

/** schema.org availability of the event's (free) offer. */
export function availabilityOf(state: RegistrationState): string | undefined {
  switch (state.kind) {
    case 'open':
      return 'https://schema.org/InStock';
    case 'waitlist':
      return 'https://schema.org/SoldOut';
    case 'not_yet':
      return 'https://schema.org/PreOrder';
    case 'closed':
    case 'event_closed':
      return 'https://schema.org/Discontinued';
    default:
      return undefined;
  }
}

export interface RegistrationFormValues {
  name: string;
  email: string;
  organisation: string;
  position: string;
  country: string;
  terms: boolean;
  answers: Record<string, string>;
}

export interface RegistrationInput {
  name: string;
  email: string;
  organisation: string;
  position: string;
  country: string;
  answers: Record<string, string>;
}

export const REGISTRATION_LIMITS = { name: 200, email: 254, short: 200, answer: 2000 } as const;

// Deliberately plain: one @, a dot in the domain, no spaces or angle brackets.
const EMAIL_RE = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:.]{2,}$/;

/** True when the address looks deliverable enough to send a confirmation to. */
export function isEmail(s: string): boolean {
  return s.length <= REGISTRATION_LIMITS.email && EMAIL_RE.test(s) && !s.includes('..');
}

/** Reads the participant's form as typed (trimmed, cut to sane lengths). */
export function registrationValuesOf(form: Record<string, unknown>, questions: Question[]): RegistrationFormValues {
  const f = (name: string, max: number) => {
    const v = form[name];
    const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
    return s.replace(/\r\n/g, '\n').trim().slice(0, max);
  };
  const answers: Record<string, string> = {};
  for (const q of questions) answers[String(q.id)] = f(`q_${q.id}`, REGISTRATION_LIMITS.answer);
  return {
    name: f('name', REGISTRATION_LIMITS.name),
    email: f('email', REGISTRATION_LIMITS.email + 1),
    organisation: f('organisation', REGISTRATION_LIMITS.short),
    position: f('position', REGISTRATION_LIMITS.short),
    country: f('country', 10).toUpperCase(),
    terms: f('terms', 10) !== '',
    answers,
  };
}

/** Validates the participant's form: an input when right, else messages by field id. */
export function parseRegistration(
  v: RegistrationFormValues,
  questions: Question[],
  termsRequired: boolean,
  t: T,
): { input?: RegistrationInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!v.name) errors.name = t('registration.error.name');
  if (!isEmail(v.email)) errors.email = t('registration.error.email');
  if (v.country && !isCountryCode(v.country)) errors.country = t('registration.error.country');
  if (termsRequired && !v.terms) errors.terms = t('registration.error.terms');
  const answers: Record<string, string> = {};
  for (const q of questions) {
    const a = v.answers[String(q.id)] ?? '';
    const id = `q_${q.id}`;
    if (q.kind === 'checkbox') {
      if (a !== '' && a !== 'yes') errors[id] = t('registration.error.answer_unknown', { question: q.label });
      else if (q.required && a !== 'yes') errors[id] = t('registration.error.answer_required', { question: q.label });
      else answers[String(q.id)] = a === 'yes' ? 'yes' : 'no';
    } else if (q.kind === 'choice') {
      if (a === '') {
        if (q.required) errors[id] = t('registration.error.answer_required', { question: q.label });
        else answers[String(q.id)] = '';
      } else if (!q.options.includes(a)) errors[id] = t('registration.error.answer_unknown', { question: q.label });
      else answers[String(q.id)] = a;
    } else {
      if (q.required && !a) errors[id] = t('registration.error.answer_required', { question: q.label });
      else answers[String(q.id)] = a;
    }
  }
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: { name: v.name, email: v.email.toLowerCase(), organisation: v.organisation, position: v.position, country: v.country, answers },
  };
}

/** An empty participant form, prefilled from a signed-in reader when there is one. */
export function emptyRegistrationValues(user?: { name: string; email: string }): RegistrationFormValues {
  return { name: user?.name ?? '', email: user?.email ?? '', organisation: '', position: '', country: '', terms: false, answers: {} };
}

/** The first instant of an event (a date-only event starts at midnight in its zone); undefined when TBA. */
export function eventStartInstant(
  e: Pick<Event, 'start' | 'timezone'>,
  wallToInstant: (local: string, zone: string) => Date | undefined,
): Date | undefined {
  if (e.start.kind === 'tba') return undefined;
  if (e.start.kind === 'datetime') return new Date(e.start.instant);
  return wallToInstant(`${e.start.date}T00:00`, e.timezone);
}
