// Corrections and update notes: what an editor appends to a published article, in the open.
import { escapeHtml } from '../../platform/safe-html.js';
import { formatDate, type T } from '../../platform/i18n/index.js';

/** 'correction': the article was wrong and now says so; 'update': news moved on after publication. */
export type CorrectionKind = 'correction' | 'update';
export const CORRECTION_KINDS: CorrectionKind[] = ['correction', 'update'];
export const CORRECTION_MAX = 2000;

export interface Correction {
  id: number;
  articleId: number;
  kind: CorrectionKind;
  /** Plain text, as the editor wrote it. */
  body: string;
  /** The date the note carries. */
  notedAt: string;
  createdAt: string;
}

/** A correction with the article it belongs to: a line of the public corrections page. */
export interface ListedCorrection extends Correction {
  article: { slug: string; title: string; language: string };
}

/** Reads the editor's form: kind, text and an optional date (YYYY-MM-DD, not in the future; today by default). */
export function parseCorrectionForm(
  form: { kind: string; body: string; date: string },
  now: Date,
): { ok: true; value: { kind: CorrectionKind; body: string; notedAt: Date } } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kind = form.kind as CorrectionKind;
  if (!CORRECTION_KINDS.includes(kind)) errors.correction_kind = 'corrections.error.kind';
  const body = form.body.replace(/\r\n?/g, '\n').trim();
  if (!body) errors.correction_body = 'corrections.error.body_required';
  else if (body.length > CORRECTION_MAX) errors.correction_body = 'corrections.error.body_long';
  let notedAt = now;
  const date = form.date.trim();
  if (date) {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : undefined;
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) errors.correction_date = 'corrections.error.date';
    else if (d > now) errors.correction_date = 'corrections.error.date_future';
    // A date of today keeps the time of writing; an earlier day is noted at its midnight UTC.
    else if (date !== now.toISOString().slice(0, 10)) notedAt = d;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: { kind, body, notedAt } };
}

/** schema.org CorrectionComment of each note, for the article's `correction` property. */
export function correctionsJsonLd(list: Correction[]): object[] | undefined {
  return list.length ? list.map((c) => ({ '@type': 'CorrectionComment', text: c.body, datePublished: c.notedAt })) : undefined;
}

/** The notes as an HTML section, appended to the article's entry in feeds (escaped text, no markup from editors). */
export function correctionsHtml(t: T, list: Correction[], lang: string): string {
  if (!list.length) return '';
  const items = list
    .map(
      (c) =>
        `<p><strong>${escapeHtml(t(c.kind === 'correction' ? 'corrections.kind.correction' : 'corrections.kind.update'))}, ${escapeHtml(
          formatDate(c.notedAt, lang),
        )}:</strong> ${escapeHtml(c.body)}</p>`,
    )
    .join('');
  return `<aside class="corrections"><h2>${escapeHtml(t('corrections.heading'))}</h2>${items}</aside>`;
}

/** The newest date among the notes, or undefined. */
export function latestNote(list: Correction[]): string | undefined {
  return list.reduce<string | undefined>((m, c) => (!m || c.notedAt > m ? c.notedAt : m), undefined);
}
