// The review of a draft before it goes out: where it stands, whose turn it is, and the notes left on it.

/** 'submitted': waiting for an editor; 'sent_back': waiting for its author; 'approved': published or scheduled. */
export type ReviewState = 'submitted' | 'sent_back' | 'approved';

/** The setting (settings table) that makes review required: '1' (the default) or '0'. */
export const REVIEW_REQUIRED_SETTING = 'review.required';
export const NOTE_MAX = 4000;

export interface Review {
  articleId: number;
  state: ReviewState;
  submittedBy: number | null;
  submittedByName: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  submittedAt: string;
  updatedAt: string;
}

/** A review in a list (the queue, the dashboard), with its article's title. */
export interface ListedReview extends Review {
  title: string;
}

export interface ReviewNote {
  id: number;
  articleId: number;
  parentId: number | null;
  userId: number | null;
  userName: string | null;
  body: string;
  createdAt: string;
}

export interface NoteThread {
  note: ReviewNote;
  replies: NoteThread[];
}

/** Notes as threads: each note under the one it answers, in the order they were written. */
export function threadNotes(notes: ReviewNote[]): NoteThread[] {
  const byId = new Map<number, NoteThread>();
  const roots: NoteThread[] = [];
  for (const n of [...notes].sort((a, b) => a.id - b.id)) {
    const node = { note: n, replies: [] };
    byId.set(n.id, node);
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  return roots;
}

/** A note's text from a form: trimmed, line breaks kept; an error key when empty or too long. */
export function parseNote(raw: string): { ok: true; value: string } | { ok: false; error: string } {
  const body = raw.replace(/\r\n?/g, '\n').trim();
  if (!body) return { ok: false, error: 'review.error.note_required' };
  if (body.length > NOTE_MAX) return { ok: false, error: 'review.error.note_long' };
  return { ok: true, value: body };
}
