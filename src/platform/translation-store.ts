// Translations of rubrics, tags, an author's byline title and events: one row per field and language
// (migration 2026-12-07T0100). A page shows the translation into its language where there is one, and the
// original (the subject's own row) where there is none.
import type { Db } from './db.js';
import { prepared, type Slots } from './prepared.js';
import type { TranslationsTable } from './schema.js';

export type TranslationSubject = TranslationsTable['subject'];

/** A subject's translations: by language, each translated field's value. */
export type Translations = Record<string, Record<string, string>>;

/** Every translation of one subject, by language then field. */
export async function findTranslations(db: Db, subject: TranslationSubject, id: number): Promise<Translations> {
  const rows = await db
    .selectFrom('translations')
    .select(['language', 'field', 'value'])
    .where('subject', '=', subject)
    .where('subject_id', '=', id)
    .execute();
  const out: Translations = {};
  for (const r of rows) (out[r.language] ??= {})[r.field] = r.value;
  return out;
}

/** Every translation into one language of the small subjects (rubrics, tags, authors): "rubric:3" → fields. */
export async function listTranslationsInto(db: Db, language: string): Promise<Map<string, Record<string, string>>> {
  const rows = await db
    .selectFrom('translations')
    .select(['subject', 'subject_id', 'field', 'value'])
    .where('language', '=', language)
    .where('subject', 'in', ['rubric', 'tag', 'author'])
    .execute();
  const out = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const key = `${r.subject}:${r.subject_id}`;
    let fields = out.get(key);
    if (!fields) out.set(key, (fields = {}));
    fields[r.field] = r.value;
  }
  return out;
}

// Prepared: a page in another edition than its event's reads the event's translation on a miss.
const translationInto = prepared((db, p: Slots<{ subject: TranslationSubject; id: number; language: string }>) =>
  db
    .selectFrom('translations')
    .select(['field', 'value'])
    .where('subject', '=', p.subject)
    .where('subject_id', '=', p.id)
    .where('language', '=', p.language),
);

/** The translated fields of one subject in one language ({} when it has none). */
export async function findTranslationInto(
  db: Db,
  subject: TranslationSubject,
  id: number,
  language: string,
): Promise<Record<string, string>> {
  const rows = await translationInto.all(db, { subject, id, language });
  return Object.fromEntries(rows.map((r) => [r.field, r.value]));
}

/** Replaces a subject's translations with these; empty values are left out (the page falls back to the original). */
export async function saveTranslations(db: Db, subject: TranslationSubject, id: number, translations: Translations): Promise<void> {
  await deleteTranslations(db, subject, id);
  const rows = Object.entries(translations).flatMap(([language, fields]) =>
    Object.entries(fields)
      .filter(([, value]) => value.trim() !== '')
      .map(([field, value]) => ({ subject, subject_id: id, language, field, value })),
  );
  if (rows.length) await db.insertInto('translations').values(rows).execute();
}

/** Replaces the translations of many subjects at once (a loader's): one delete per kind of subject, one insert. */
export async function replaceManyTranslations(
  db: Db,
  entries: { subject: TranslationSubject; id: number; translations: Translations }[],
): Promise<void> {
  const bySubject = new Map<TranslationSubject, number[]>();
  for (const e of entries) bySubject.set(e.subject, [...(bySubject.get(e.subject) ?? []), e.id]);
  for (const [subject, ids] of bySubject)
    await db.deleteFrom('translations').where('subject', '=', subject).where('subject_id', 'in', ids).execute();
  const rows = entries.flatMap(({ subject, id, translations }) =>
    Object.entries(translations).flatMap(([language, fields]) =>
      Object.entries(fields)
        .filter(([, value]) => value.trim() !== '')
        .map(([field, value]) => ({ subject, subject_id: id, language, field, value })),
    ),
  );
  if (rows.length) await db.insertInto('translations').values(rows).execute();
}

/** Forgets a subject's translations (when the subject is deleted). */
export async function deleteTranslations(db: Db, subject: TranslationSubject, id: number): Promise<void> {
  await db.deleteFrom('translations').where('subject', '=', subject).where('subject_id', '=', id).execute();
}
