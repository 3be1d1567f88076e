// Phase 8: pre-moderation of the whole site or of one article.
import { isStaff, type Phase } from './phase.js';

export const premoderationPhase: Phase = {
  name: 'premoderation',
  run({ author, article, settings }) {
    if (isStaff(author.role)) return undefined;
    if (settings.premoderateAll || article.premoderate)
      return { action: 'hold', phase: 'premoderation', reason: { key: 'comments.reason.premoderation' } };
    return undefined;
  },
};
