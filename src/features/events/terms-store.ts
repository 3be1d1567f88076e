// Versions of an event's terms of participation: every edit adds one; registrations keep the version they accepted.
import type { Db } from '../../platform/db.js';
import type { SafeHtml } from '../../platform/safe-html.js';

export interface TermsVersion {
  eventId: number;
  version: number;
  bodyMd: string;
  bodyHtml: SafeHtml;
  createdAt: string;
}

/** The newest terms version of an event, or undefined when it has none. */
export async function findCurrentTerms(db: Db, eventId: number): Promise<TermsVersion | undefined> {
  const r = await db.selectFrom('event_terms').selectAll().where('event_id', '=', eventId).orderBy('version', 'desc').executeTakeFirst();
  return r && { eventId: r.event_id, version: r.version, bodyMd: r.body_md, bodyHtml: r.body_html as SafeHtml, createdAt: r.created_at };
}

/** One version of an event's terms, or undefined. */
export async function findTermsVersion(db: Db, eventId: number, version: number): Promise<TermsVersion | undefined> {
  const r = await db
    .selectFrom('event_terms')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('version', '=', version)
    .executeTakeFirst();
  return r && { eventId: r.event_id, version: r.version, bodyMd: r.body_md, bodyHtml: r.body_html as SafeHtml, createdAt: r.created_at };
}

/** Every version of an event's terms, newest first. */
export async function listTermsVersions(db: Db, eventId: number): Promise<TermsVersion[]> {
  const rows = await db.selectFrom('event_terms').selectAll().where('event_id', '=', eventId).orderBy('version', 'desc').execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    version: r.version,
    bodyMd: r.body_md,
    bodyHtml: r.body_html as SafeHtml,
    createdAt: r.created_at,
  }));
}

/** Records the terms as a new version when they differ from the newest one; returns the current version number (null: no terms). */
export async function recordTerms(db: Db, eventId: number, bodyMd: string, bodyHtml: string, now: Date): Promise<number | null> {
  const current = await findCurrentTerms(db, eventId);
  if (current && current.bodyMd === bodyMd) return current.version;
  if (!current && !bodyMd.trim()) return null;
  const version = (current?.version ?? 0) + 1;
  await db
    .insertInto('event_terms')
    .values({ event_id: eventId, version, body_md: bodyMd, body_html: bodyHtml, created_at: now.toISOString() })
    .execute();
  return version;
}
