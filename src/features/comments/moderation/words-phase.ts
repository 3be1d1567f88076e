// Phase 3: banned words reject, suspect words hold; both match word forms and simple disguises.
import { compileWordList } from './words.js';
import type { Phase } from './phase.js';

export const wordsPhase: Phase = {
  name: 'words',
  run({ body, settings }) {
    const banned = compileWordList(settings.bannedWords).find(body);
    if (banned) return { action: 'reject', phase: 'words', reason: { key: 'comments.reason.banned_word' } };
    const suspect = compileWordList(settings.suspectWords).find(body);
    if (suspect) return { action: 'hold', phase: 'words', reason: { key: 'comments.reason.suspect_word' } };
    return undefined;
  },
};
