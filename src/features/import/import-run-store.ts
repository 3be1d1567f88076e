// Every query of import_runs: an upload's import, its progress while it runs and its report once done.
import type { Selectable } from 'kysely';
import { iso } from '../../platform/columns.js';
import type { Db } from '../../platform/db.js';
import type { ImportRunsTable } from '../../platform/schema.js';
import type { ForeignImportReport } from './foreign-import.js';

export type ImportRunState = 'running' | 'done' | 'failed';

export interface ImportRun {
  id: number;
  platform: 'wordpress' | 'ghost';
  fileName: string;
  userId: number | null;
  state: ImportRunState;
  done: number;
  /** 0 while not known yet. */
  total: number;
  label: string;
  report?: ForeignImportReport;
  error: string;
  createdAt: string;
  updatedAt: string;
}

function rowToImportRun(r: Selectable<ImportRunsTable>): ImportRun {
  return {
    id: Number(r.id),
    platform: r.platform === 'ghost' ? 'ghost' : 'wordpress',
    fileName: r.file_name,
    userId: r.user_id === null ? null : Number(r.user_id),
    state: r.state === 'done' || r.state === 'failed' ? r.state : 'running',
    done: Number(r.done),
    total: Number(r.total),
    label: r.label,
    report: r.report ? (JSON.parse(r.report) as ForeignImportReport) : undefined,
    error: r.error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Records an import about to start; returns its id. */
export async function insertImportRun(
  db: Db,
  run: { platform: 'wordpress' | 'ghost'; fileName: string; userId: number | null },
  now: Date,
): Promise<number> {
  const r = await db
    .insertInto('import_runs')
    .values({ platform: run.platform, file_name: run.fileName, user_id: run.userId, created_at: iso(now), updated_at: iso(now) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The run, or undefined. */
export async function findImportRun(db: Db, id: number): Promise<ImportRun | undefined> {
  const r = await db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
  return r && rowToImportRun(r);
}

/** How far a running import has come. */
export async function updateImportRunProgress(
  db: Db,
  id: number,
  p: { done: number; total: number; label: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ done: p.done, total: p.total, label: p.label.slice(0, 200), updated_at: iso(now) })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .execute();
}

/** Ends a run: done with its report, or failed with the reason. */
export async function finishImportRun(
  db: Db,
  id: number,
  end: { report: ForeignImportReport } | { error: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set(
      'report' in end
        ? { state: 'done', report: JSON.stringify(end.report), updated_at: iso(now) }
        : { state: 'failed', error: end.error.slice(0, 2000), updated_at: iso(now) },
    )
    .where('id', '=', id)
    .execute();
}
