// Adding and removing a note: the note and its audit entry in one transaction.
import { inTransaction, type Db } from '../../platform/db.js';
import { insertAudit } from '../audit/audit-store.js';
import type { CorrectionKind } from './correction.js';
import { deleteCorrection, insertCorrection } from './correction-store.js';

/** Appends a correction or update note to an article and logs who did it; returns the note's id. */
export async function addCorrection(
  db: Db,
  c: { articleId: number; articleTitle: string; kind: CorrectionKind; body: string; notedAt: Date; userId: number | null; at: Date },
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const id = await insertCorrection(tx, c);
    await insertAudit(tx, {
      at: c.at,
      userId: c.userId,
      action: `article.${c.kind}`,
      subjectType: 'article',
      subjectId: c.articleId,
      detail: `${c.articleTitle}: ${c.body.slice(0, 200)}`,
    });
    return id;
  });
}

/** Removes a note (a mistaken one) and logs it; false when the article has no such note. */
export async function removeCorrection(db: Db, r: { articleId: number; id: number; userId: number | null; at: Date }): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const gone = await deleteCorrection(tx, r.articleId, r.id);
    if (!gone) return false;
    await insertAudit(tx, {
      at: r.at,
      userId: r.userId,
      action: 'article.correction_removed',
      subjectType: 'article',
      subjectId: r.articleId,
      detail: gone.body.slice(0, 200),
    });
    return true;
  });
}
