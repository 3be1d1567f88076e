// The comment queues as counters in the staff header; app.ts hands this to the staff pages' shell.
import type { Db } from '../../platform/db.js';
import type { T } from '../../platform/i18n/index.js';
import type { SessionUser } from '../../platform/session.js';
import type { AdminBadge } from '../../platform/ui/admin-layout.js';
import { queueCounts } from './comment-store.js';

/** Roles who see the comment queues in the header. */
const QUEUE_ROLES = ['admin', 'editor', 'moderator'];

/** The pending and reported queues for staff who moderate; undefined (and no query) for other roles. */
export async function commentQueueBadges(db: Db, t: T, staff: SessionUser): Promise<AdminBadge[] | undefined> {
  if (!QUEUE_ROLES.includes(staff.role)) return undefined;
  const counts = await queueCounts(db);
  return [
    { label: t('comments.admin.queue.pending'), href: '/admin/comments?queue=pending', count: counts.pending },
    { label: t('comments.admin.queue.reported'), href: '/admin/comments?queue=reported', count: counts.reported },
  ];
}
