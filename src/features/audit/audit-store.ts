// The audit log: who published, unpublished, deleted or changed roles, and when.
import type { Db } from '../../platform/db.js';

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  detail: string;
}

/** Appends one entry. */
export async function insertAudit(
  db: Db,
  e: { at: Date; userId: number | null; action: string; subjectType: string; subjectId: string | number; detail?: string },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at.toISOString(),
      user_id: e.userId,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: String(e.subjectId),
      detail: e.detail ?? '',
    })
    .execute();
}

/** Newest entries first, one page. */
export async function listAudit(
  db: Db,
  opts: { limit: number; offset?: number; action?: string },
): Promise<{ items: AuditEntry[]; total: number }> {
  let q = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.user_id');
  if (opts.action) q = q.where('audit_log.action', '=', opts.action);
  const [rows, count] = await Promise.all([
    q
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.user_id',
        'users.name',
        'audit_log.action',
        'audit_log.subject_type',
        'audit_log.subject_id',
        'audit_log.detail',
      ])
      .orderBy('audit_log.id', 'desc')
      .limit(opts.limit)
      .offset(opts.offset ?? 0)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userName: r.name,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      detail: r.detail,
    })),
    total: Number(count.n),
  };
}
