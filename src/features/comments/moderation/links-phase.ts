// Phase 4: too many links hold the comment for a moderator.
import { countLinks } from '../comment.js';
import type { Phase } from './phase.js';

export const linksPhase: Phase = {
  name: 'links',
  run({ body, settings }) {
    const n = countLinks(body);
    return n > settings.maxLinks
      ? { action: 'hold', phase: 'links', reason: { key: 'comments.reason.links', vars: { max: settings.maxLinks } } }
      : undefined;
  },
};
