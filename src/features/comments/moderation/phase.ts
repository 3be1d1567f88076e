// The contract shared by every moderation phase: what it sees, and the verdict it may give.
import type { Role } from '../../../platform/session.js';

export type ModerationAction = 'approve' | 'hold' | 'reject';

/** A reason shown to the commenter: an i18n key and its variables. */
export interface Reason {
  key: string;
  vars?: Record<string, string | number>;
}

export interface Verdict {
  action: ModerationAction;
  reason: Reason;
  /** Name of the phase that decided. */
  phase: string;
  /** False when the comment is refused outright and not stored (empty, too long, rate, duplicate, banned). */
  store?: boolean;
}

export interface ModerationSettings {
  bannedWords: string[];
  suspectWords: string[];
  /** More links than this hold the comment. */
  maxLinks: number;
  premoderateAll: boolean;
  /** Hold comments of accounts with fewer approved comments than this; 0 turns it off. */
  premoderateNew: number;
  minIntervalMs: number;
  perHour: number;
  webhookUrl: string;
  webhookSecret: string;
  webhookTimeoutMs: number;
}

export const DEFAULT_SETTINGS: ModerationSettings = {
  bannedWords: [],
  suspectWords: [],
  maxLinks: 2,
  premoderateAll: false,
  premoderateNew: 0,
  minIntervalMs: 3000,
  perHour: 30,
  webhookUrl: '',
  webhookSecret: '',
  webhookTimeoutMs: 2000,
};

export interface ModerationInput {
  body: string;
  now: Date;
  /** Set when an existing comment was edited: duplicate and rate checks do not apply. */
  editingId?: number;
  author: {
    id: number;
    name: string;
    role: Role;
    createdAt: string;
    /** The active ban or suspension, if any. */
    ban?: { until: string | null; reason: string };
    approvedCount: number;
  };
  article: { id: number; slug: string; title: string; premoderate: boolean };
  /** The author's comments of the last 24 hours, newest first. */
  recent: { id: number; body: string; createdAt: string }[];
  settings: ModerationSettings;
}

/** One step of the pipeline: a verdict, or undefined when it has no objection. */
export type Phase = { name: string; run(input: ModerationInput): Verdict | undefined | Promise<Verdict | undefined> };

/** Staff write under their own name and are trusted past the pre-moderation phases. */
export function isStaff(role: Role): boolean {
  return role === 'admin' || role === 'editor' || role === 'moderator' || role === 'author';
}
