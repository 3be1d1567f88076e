// The moderation pipeline: phases in a fixed order; a rejection ends it, a hold is kept while later phases may still reject.
import { accountPhase } from './account-phase.js';
import { duplicatePhase } from './duplicate-phase.js';
import { lengthPhase } from './length-phase.js';
import { linksPhase } from './links-phase.js';
import { newCommenterPhase } from './new-commenter-phase.js';
import { premoderationPhase } from './premoderation-phase.js';
import { ratePhase } from './rate-phase.js';
import { webhookPhase } from './webhook-phase.js';
import { wordsPhase } from './words-phase.js';
import type { ModerationInput, Phase, Verdict } from './phase.js';
import type { OutboundPost } from '../../../platform/outbound.js';

/** The phases in the order they run; `post` is how the webhook is called (public addresses only by default). */
export function defaultPhases(post?: OutboundPost): Phase[] {
  return [
    accountPhase,
    lengthPhase,
    wordsPhase,
    linksPhase,
    duplicatePhase,
    ratePhase,
    newCommenterPhase,
    premoderationPhase,
    webhookPhase(post),
  ];
}

/** Runs the phases; the outcome is the first rejection, else the first hold, else approval. */
export async function moderate(input: ModerationInput, phases: Phase[]): Promise<Verdict> {
  let hold: Verdict | undefined;
  for (const phase of phases) {
    const v = await phase.run(input);
    if (!v) continue;
    if (v.action === 'reject') return v;
    if (v.action === 'hold') hold ??= v;
  }
  return hold ?? { action: 'approve', phase: 'pipeline', reason: { key: 'comments.reason.approved' } };
}
