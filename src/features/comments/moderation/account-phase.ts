// Phase 1: a banned or suspended account may not comment.
import type { Phase } from './phase.js';

export const accountPhase: Phase = {
  name: 'account',
  run({ author, now }) {
    const ban = author.ban;
    if (!ban) return undefined;
    if (ban.until === null) return { action: 'reject', phase: 'account', store: false, reason: { key: 'comments.reason.banned' } };
    if (ban.until > now.toISOString())
      return {
        action: 'reject',
        phase: 'account',
        store: false,
        reason: { key: 'comments.reason.suspended', vars: { until: ban.until.slice(0, 16).replace('T', ' ') + ' UTC' } },
      };
    return undefined;
  },
};
