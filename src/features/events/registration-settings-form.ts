// The organiser's registration settings form: values as typed, validated into settings and questions.
import type { T } from '../../platform/i18n/index.js';
import { instantToWallTime, wallTimeToInstant } from './event.js';
import { QUESTION_KINDS, type Question, type QuestionKind, type RegistrationSettings } from './registration.js';

export interface QuestionValues {
  id: string;
  label: string;
  kind: string;
  options: string;
  required: boolean;
}
export interface SettingsFormValues {
  enabled: boolean;
  capacity: string;
  opensAt: string;
  closesAt: string;
  approvalRequired: boolean;
  offerHours: string;
  reminderHours: string;
  questions: QuestionValues[];
}

const MAX_QUESTIONS = 30;
const DT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Reads the posted form. */
export function settingsValuesOf(form: Record<string, unknown>): SettingsFormValues {
  const f = (name: string, max = 300) => {
    const v = form[name];
    const s = typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
    return s.replace(/\r\n/g, '\n').trim().slice(0, max);
  };
  const questions: QuestionValues[] = [];
  for (let i = 0; i < MAX_QUESTIONS + 5; i++) {
    if (!(`q_label_${i}` in form)) continue;
    questions.push({
      id: f(`q_id_${i}`, 12),
      label: f(`q_label_${i}`, 300),
      kind: f(`q_kind_${i}`, 12),
      options: f(`q_options_${i}`, 4000),
      required: f(`q_required_${i}`) !== '',
    });
  }
  return {
    enabled: f('enabled') !== '',
    capacity: f('capacity', 12),
    opensAt: f('opens_at', 30).replace(' ', 'T').slice(0, 16),
    closesAt: f('closes_at', 30).replace(' ', 'T').slice(0, 16),
    approvalRequired: f('approval_required') !== '',
    offerHours: f('offer_hours', 6),
    reminderHours: f('reminder_hours', 6),
    questions,
  };
}

/** The form of stored settings; times shown in the event's zone. */
export function settingsValuesFrom(s: RegistrationSettings, questions: Question[], zone: string): SettingsFormValues {
  return {
    enabled: s.enabled,
    capacity: s.capacity === null ? '' : String(s.capacity),
    opensAt: s.opensAt ? instantToWallTime(s.opensAt, zone) : '',
    closesAt: s.closesAt ? instantToWallTime(s.closesAt, zone) : '',
    approvalRequired: s.approvalRequired,
    offerHours: String(s.offerHours),
    reminderHours: String(s.reminderHours),
    questions: questions.map((q) => ({
      id: String(q.id),
      label: q.label,
      kind: q.kind,
      options: q.options.join('\n'),
      required: q.required,
    })),
  };
}

const int = (s: string, min: number, max: number): number | undefined => (/^\d{1,6}$/.test(s) && +s >= min && +s <= max ? +s : undefined);

/** Validates: settings and questions when right, else messages by field id. Questions with an empty label are dropped. */
export function parseSettingsForm(
  v: SettingsFormValues,
  eventId: number,
  zone: string,
  t: T,
): { settings?: RegistrationSettings; questions?: Omit<Question, 'eventId'>[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const capacity = v.capacity === '' ? null : int(v.capacity, 1, 100_000);
  if (capacity === undefined) errors.capacity = t('registration.admin.error.capacity');
  const time = (raw: string, id: string) => {
    if (raw === '') return null;
    const d = DT_RE.test(raw) ? wallTimeToInstant(raw, zone) : undefined;
    if (!d) {
      errors[id] = t('registration.admin.error.datetime');
      return undefined;
    }
    return d.toISOString();
  };
  const opensAt = time(v.opensAt, 'opens_at');
  const closesAt = time(v.closesAt, 'closes_at');
  if (opensAt && closesAt && closesAt <= opensAt) errors.closes_at = t('registration.admin.error.closes_before_opens');
  const offerHours = int(v.offerHours, 0, 24 * 30);
  if (offerHours === undefined) errors.offer_hours = t('registration.admin.error.hours');
  const reminderHours = int(v.reminderHours, 0, 24 * 60);
  if (reminderHours === undefined) errors.reminder_hours = t('registration.admin.error.hours');
  const questions: Omit<Question, 'eventId'>[] = [];
  v.questions.forEach((q, i) => {
    if (!q.label) return;
    if (!(QUESTION_KINDS as string[]).includes(q.kind)) {
      errors[`q_kind_${i}`] = t('registration.admin.error.kind');
      return;
    }
    const options =
      q.kind === 'choice'
        ? [
            ...new Set(
              q.options
                .split('\n')
                .map((o) => o.trim())
                .filter(Boolean),
            ),
          ]
        : [];
    if (q.kind === 'choice' && options.length < 2) errors[`q_options_${i}`] = t('registration.admin.error.options');
    questions.push({
      id: /^\d+$/.test(q.id) ? Number(q.id) : 0,
      position: questions.length + 1,
      kind: q.kind as QuestionKind,
      label: q.label,
      options,
      required: q.required,
    });
  });
  if (questions.length > MAX_QUESTIONS) errors.questions = t('registration.admin.error.too_many', { max: MAX_QUESTIONS });
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    settings: {
      eventId,
      enabled: v.enabled,
      capacity: capacity!,
      opensAt: opensAt!,
      closesAt: closesAt!,
      approvalRequired: v.approvalRequired,
      offerHours: offerHours!,
      reminderHours: reminderHours!,
    },
    questions,
  };
}
