// Phase 7: a new commenter's comments wait for a moderator until enough of them were approved.
import { isStaff, type Phase } from './phase.js';

export const newCommenterPhase: Phase = {
  name: 'new-commenter',
  run({ author, settings }) {
    if (isStaff(author.role) || settings.premoderateNew <= 0) return undefined;
    return author.approvedCount < settings.premoderateNew
      ? { action: 'hold', phase: 'new-commenter', reason: { key: 'comments.reason.new_commenter' } }
      : undefined;
  },
};
