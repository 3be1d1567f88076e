// Phase 5: the same text from the same account within a day is refused.
import { collapseRepeats } from './words.js';
import type { Phase } from './phase.js';

const DAY = 24 * 3600_000;
const norm = (s: string) => collapseRepeats(s.toLowerCase().replace(/\s+/g, ' ').trim());

export const duplicatePhase: Phase = {
  name: 'duplicate',
  run({ body, recent, now, editingId }) {
    if (editingId !== undefined) return undefined;
    const mine = norm(body);
    const since = now.getTime() - DAY;
    const dup = recent.some((r) => Date.parse(r.createdAt) >= since && norm(r.body) === mine);
    return dup ? { action: 'reject', phase: 'duplicate', store: false, reason: { key: 'comments.reason.duplicate' } } : undefined;
  },
};
