// Reindexes the published articles that hold Chinese text, so that those indexed before Chinese was segmented
// into words are found by a word inside a sentence. Queued by migration 2026-12-07T0110 on an existing
// database; each run takes one batch and queues the next, so a large archive never holds the queue long.
import type { Db } from '../../platform/db.js';
import { enqueueJob } from '../../platform/jobs.js';
import { indexArticle, listPublishedTextAfter } from './search-index-store.js';
import { hasHan } from './segment.js';

export const REINDEX_HAN_JOB = 'search-reindex-han';
const BATCH = 200;

/** The job's handler: one batch of articles after `after`, then the next batch queued. */
export function reindexHanJob(db: Db, clock: () => Date, batch = BATCH) {
  return async (payload: { after?: unknown }): Promise<void> => {
    const after = typeof payload?.after === 'number' && payload.after >= 0 ? payload.after : 0;
    const rows = await listPublishedTextAfter(db, after, batch);
    for (const a of rows) if (a.language === 'zh' || hasHan(`${a.title} ${a.lead} ${a.body_html}`)) await indexArticle(db, a.id);
    if (rows.length === batch) {
      const now = clock();
      await enqueueJob(db, REINDEX_HAN_JOB, now, { after: rows[rows.length - 1].id }, now);
    }
  };
}
