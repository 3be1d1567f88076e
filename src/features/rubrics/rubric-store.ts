// Rubrics: the sections of the site (Analysis, News, ...), each article in one.
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db.js';
import type { RubricsTable } from '../../platform/schema.js';
import type { Rubric, RubricInput } from './rubric.js';
import { prepared, type Slots } from '../../platform/prepared.js';

/** Maps a row to a Rubric. */
export function rowToRubric(r: Selectable<RubricsTable>): Rubric {
  return { id: r.id, slug: r.slug, name: r.name, description: r.description, position: r.position };
}

/** Every rubric in menu order. */
export async function listRubrics(db: Db): Promise<Rubric[]> {
  return (await db.selectFrom('rubrics').selectAll().orderBy('position').orderBy('name').execute()).map(rowToRubric);
}

// A list page's look-up on every miss: prepared (src/platform/README.md).
const bySlug = prepared((db, p: Slots<{ slug: string }>) => db.selectFrom('rubrics').selectAll().where('slug', '=', p.slug));

/** The rubric with this slug, or undefined. */
export async function findRubricBySlug(db: Db, slug: string): Promise<Rubric | undefined> {
  const r = await bySlug.first(db, { slug });
  return r && rowToRubric(r);
}

/** The rubric with this id, or undefined. */
export async function findRubricById(db: Db, id: number): Promise<Rubric | undefined> {
  const r = await db.selectFrom('rubrics').selectAll().where('id', '=', id).executeTakeFirst();
  return r && rowToRubric(r);
}

/** Inserts a rubric; returns its id. */
export async function insertRubric(db: Db, r: RubricInput): Promise<number> {
  return (await db.insertInto('rubrics').values(r).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a rubric. */
export async function updateRubric(db: Db, id: number, r: RubricInput): Promise<void> {
  await db.updateTable('rubrics').set(r).where('id', '=', id).execute();
}

/** Deletes a rubric; its articles keep existing without one. */
export async function deleteRubric(db: Db, id: number): Promise<void> {
  await db.deleteFrom('rubrics').where('id', '=', id).execute();
}

/** True when a rubric with this id exists. */
export async function rubricExists(db: Db, id: number): Promise<boolean> {
  return Boolean(await db.selectFrom('rubrics').select('id').where('id', '=', id).executeTakeFirst());
}

/** The id of the rubric with this slug, or undefined. */
export async function findRubricIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('rubrics').select('id').where('slug', '=', slug).executeTakeFirst())?.id;
}

/** The highest position of any rubric, 0 when there is none: a new rubric goes after it. */
export async function lastRubricPosition(db: Db): Promise<number> {
  const last = await db
    .selectFrom('rubrics')
    .select((eb) => eb.fn.max('position').as('p'))
    .executeTakeFirst();
  return Number(last?.p ?? 0);
}

/** Every rubric's id and slug, for matching by slug. */
export async function listRubricSlugs(db: Db): Promise<{ id: number; slug: string }[]> {
  return db.selectFrom('rubrics').select(['id', 'slug']).execute();
}
