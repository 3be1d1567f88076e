// Translations: articles that say the same thing in other languages share a group, named by the id of the
// group's original (`articles.translation_group`; the original itself keeps null). One article per language.
import { sql } from 'kysely';
import { inTransaction, type Db } from '../../platform/db.js';
import { prepared, type Slots } from '../../platform/prepared.js';
import { unindexed } from '../../platform/columns.js';
import { LANGUAGES } from './article.js';

/** Another language's version of an article. */
export interface Translation {
  id: number;
  slug: string;
  title: string;
  language: string;
  /** True when this version is the group's original. */
  original: boolean;
}

// The article's group, then every other published member: read on each miss of an article page, so prepared.
const groupOf = prepared((db, p: Slots<{ id: number; now: string }>) =>
  db
    .selectFrom('articles as a')
    .innerJoin('articles as b', (j) =>
      j.on((eb) =>
        eb.or([
          eb('b.id', '=', eb.fn.coalesce('a.translation_group', 'a.id')),
          eb('b.translation_group', '=', eb.fn.coalesce('a.translation_group', 'a.id')),
        ]),
      ),
    )
    .select(['b.id', 'b.slug', 'b.title', 'b.language', 'b.translation_group'])
    .where('a.id', '=', p.id)
    .where('b.id', '!=', p.id)
    .where('b.status', '=', 'published')
    .where(unindexed(db, 'b.published_at'), '<=', p.now),
);

/** The published translations of an article (not the article itself), originals first, then by language. */
export async function listTranslations(db: Db, articleId: number, now: Date): Promise<Translation[]> {
  const rows = await groupOf.all(db, { id: articleId, now: now.toISOString() });
  return rows
    .map((r) => ({ id: Number(r.id), slug: r.slug, title: r.title, language: r.language, original: r.translation_group === null }))
    .sort((x, y) => Number(y.original) - Number(x.original) || x.language.localeCompare(y.language));
}

/**
 * The translation groups (each named by its original's id) that have a version in `lang` published by `now`:
 * which of a page's articles in other languages have one in the reader's. Articles in no group are left out.
 */
export async function listGroupsWithVersionIn(db: Db, lang: string, now: Date): Promise<number[]> {
  if (!(LANGUAGES as readonly string[]).includes(lang)) return [];
  const rows = await db
    .selectFrom('articles as a')
    .select((eb) => eb.fn.coalesce('a.translation_group', 'a.id').as('g'))
    // Written in, not bound: SQLite plans a bound status or language from the index's value samples and
    // compiles the statement again at each run (decision 006). The language is one of ours, checked above.
    .where('a.language', '=', sql.lit(lang))
    .where('a.status', '=', sql.lit('published'))
    .where(unindexed(db, 'a.published_at'), '<=', now.toISOString())
    .where((eb) =>
      eb.or([
        eb('a.translation_group', 'is not', null),
        eb('a.id', 'in', eb.selectFrom('articles as t').select('t.translation_group').where('t.translation_group', 'is not', null)),
      ]),
    )
    .execute();
  return rows.map((r) => Number(r.g));
}

/** Every member of an article's group in any status, the article included: for the editor. */
export async function listTranslationGroup(db: Db, articleId: number): Promise<Omit<Translation, 'original'>[]> {
  const a = await db.selectFrom('articles').select(['id', 'translation_group']).where('id', '=', articleId).executeTakeFirst();
  if (!a) return [];
  const g = a.translation_group ?? a.id;
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'slug', 'title', 'language'])
    .where((eb) => eb.or([eb('id', '=', g), eb('translation_group', '=', g)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Why two articles cannot be linked, or undefined when they were: 'same', 'language' (taken in the group). */
export async function linkTranslation(db: Db, articleId: number, otherId: number): Promise<'same' | 'language' | undefined> {
  return inTransaction(db, async (tx) => {
    const [mine, theirs] = await Promise.all([listTranslationGroup(tx, articleId), listTranslationGroup(tx, otherId)]);
    if (mine.some((m) => m.id === otherId)) return 'same';
    const languages = new Set(theirs.map((m) => m.language));
    if (mine.some((m) => languages.has(m.language))) return 'language';
    // The other's group takes this article's whole group; its original stays the original.
    const g =
      (await tx.selectFrom('articles').select(['id', 'translation_group']).where('id', '=', otherId).executeTakeFirstOrThrow())
        .translation_group ?? otherId;
    await tx
      .updateTable('articles')
      .set({ translation_group: g })
      .where(
        'id',
        'in',
        mine.map((m) => m.id),
      )
      .execute();
    return undefined;
  });
}

/** Takes an article out of its group; the others stay linked (a new original is chosen if it was the original). */
export async function unlinkTranslation(db: Db, articleId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const a = await tx.selectFrom('articles').select(['translation_group']).where('id', '=', articleId).executeTakeFirst();
    if (!a) return;
    if (a.translation_group !== null) {
      await tx.updateTable('articles').set({ translation_group: null }).where('id', '=', articleId).execute();
      return;
    }
    // The original leaves: the oldest remaining member becomes the group's original.
    const rest = await tx.selectFrom('articles').select('id').where('translation_group', '=', articleId).orderBy('id').execute();
    if (!rest.length) return;
    const next = Number(rest[0].id);
    await tx.updateTable('articles').set({ translation_group: null }).where('id', '=', next).execute();
    await tx.updateTable('articles').set({ translation_group: next }).where('translation_group', '=', articleId).execute();
  });
  void sql;
}
