// Phase 6: at most one comment every few seconds and a number per hour from one account.
import type { Phase, Verdict } from './phase.js';

export const ratePhase: Phase = {
  name: 'rate',
  run({ recent, now, editingId, settings }): Verdict | undefined {
    if (editingId !== undefined) return undefined;
    const t = now.getTime();
    const latest = recent[0] ? Date.parse(recent[0].createdAt) : -Infinity;
    if (t - latest < settings.minIntervalMs) {
      return {
        action: 'reject',
        phase: 'rate',
        store: false,
        reason: { key: 'comments.reason.too_fast', vars: { seconds: Math.ceil(settings.minIntervalMs / 1000) } },
      };
    }
    const lastHour = recent.filter((r) => t - Date.parse(r.createdAt) < 3600_000).length;
    if (lastHour >= settings.perHour) {
      return {
        action: 'reject',
        phase: 'rate',
        store: false,
        reason: { key: 'comments.reason.too_many', vars: { max: settings.perHour } },
      };
    }
    return undefined;
  },
};
