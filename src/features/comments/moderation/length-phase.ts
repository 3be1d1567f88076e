// Phase 2: empty and over-long comments are refused.
import { bodyProblem, MAX_BODY } from '../comment.js';
import type { Phase } from './phase.js';

export const lengthPhase: Phase = {
  name: 'length',
  run({ body }) {
    const problem = bodyProblem(body);
    if (problem === 'empty') return { action: 'reject', phase: 'length', store: false, reason: { key: 'comments.reason.empty' } };
    if (problem === 'too_long')
      return { action: 'reject', phase: 'length', store: false, reason: { key: 'comments.reason.too_long', vars: { max: MAX_BODY } } };
    return undefined;
  },
};
