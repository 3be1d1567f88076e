// CSV export of registrations: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are neutralised.
import type { Question, Registration } from './registration.js';

/** One CSV cell: quoted when needed; a leading = + - @ (or tab/CR) gets a quote prefix so spreadsheets show it as text. */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The whole export: a header row, then one row per registration, CRLF line ends. */
export function registrationsCsv(regs: Registration[], questions: Question[], headers: string[]): string {
  const rows = [[...headers, ...questions.map((q) => q.label)]];
  for (const r of regs) {
    rows.push([
      String(r.id),
      r.status,
      r.name,
      r.email,
      r.organisation,
      r.position,
      r.country,
      r.waitlistPosition === null ? '' : String(r.waitlistPosition),
      r.termsVersion === null ? '' : String(r.termsVersion),
      r.createdAt,
      r.attendedAt ?? '',
      ...questions.map((q) => r.answers[String(q.id)] ?? ''),
    ]);
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Header labels of the fixed columns, in registrationsCsv's order. */
export const CSV_COLUMNS = [
  'id',
  'status',
  'name',
  'email',
  'organisation',
  'position',
  'country',
  'waitlist_position',
  'terms_version',
  'registered_at',
  'attended_at',
];
