// Comments: domain types and the pure rules of the thread (text clean-up, linking, nesting, editing).

export type CommentStatus = 'pending' | 'published' | 'rejected' | 'deleted' | 'hidden';
export type ThreadOrder = 'oldest' | 'newest';

export interface Comment {
  id: number;
  articleId: number;
  userId: number | null;
  /** The author's display name; empty when the account is gone. */
  authorName: string;
  authorDeleted: boolean;
  parentId: number | null;
  replyToUserId: number | null;
  replyToName: string;
  body: string;
  status: CommentStatus;
  rejectReason: string;
  featured: boolean;
  editedAt: string | null;
  createdAt: string;
  updatedAt: string;
  likesCount: number;
  reportsOpen: number;
}

/** A top-level comment with its visible replies. */
export interface ThreadItem {
  comment: Comment;
  replies: Comment[];
}

export const MAX_BODY = 5000;
/** Top-level comments per page of a thread. */
export const THREAD_PAGE = 50;
/** How long after posting a comment its writer may still edit it. */
export const EDIT_WINDOW_MS = 10 * 60_000;
export const MAX_REASON = 500;

/**
 * Cleans hostile text: NUL and other control characters removed, lone surrogates replaced,
 * bidirectional overrides dropped (they can disguise a link), line ends unified, at most one blank line in a row.
 */
export function cleanText(raw: string): string {
  let s = raw.replace(/\r\n?/g, '\n');
  // A lone surrogate cannot be encoded as UTF-8; the replacement character keeps the text honest.
  s = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  s = s.replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '');
  s = s
    .split('\n')
    .map((l) => l.replace(/\s+$/u, ''))
    .join('\n');
  return s.replace(/\n{3,}/g, '\n\n').trim();
}

export type Segment = { type: 'text'; text: string } | { type: 'link'; href: string; text: string };

// http(s) URLs and bare www. addresses; trailing punctuation belongs to the sentence.
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
// Where such an address could start: a line without one has none.
const URL_START = /\b(?:https?:\/\/|www\.)/i;

/** The safe target of a link the reader wrote, or undefined: only http and https are ever linked. */
export function safeHref(candidate: string): string | undefined {
  const href = /^www\./i.test(candidate) ? `https://${candidate}` : candidate;
  try {
    const u = new URL(href);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

/** Splits a line into text and link segments; views build elements from them, never HTML strings. */
export function linkify(line: string): Segment[] {
  // Most lines hold no address: one test settles them without matchAll's iterator and its copy of the expression.
  if (!URL_START.test(line)) return line ? [{ type: 'text', text: line }] : [];
  const out: Segment[] = [];
  let last = 0;
  for (const m of line.matchAll(URL_RE)) {
    let text = m[0];
    // "see https://x.org/a)." keeps the closing punctuation outside the link.
    while (/[.,;:!?)\]}»]$/.test(text) && !(text.endsWith(')') && text.includes('('))) text = text.slice(0, -1);
    const start = m.index!;
    const href = safeHref(text);
    if (!href) continue;
    if (start > last) out.push({ type: 'text', text: line.slice(last, start) });
    out.push({ type: 'link', href, text });
    last = start + text.length;
  }
  if (last < line.length) out.push({ type: 'text', text: line.slice(last) });
  return out;
}

/** Paragraphs (split on blank lines), each a list of lines, each a list of segments. */
export function paragraphs(body: string): Segment[][][] {
  // Most comments are one paragraph of one line.
  if (!body.includes('\n')) return body.trim() ? [[linkify(body)]] : [];
  return body
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => p.split('\n').map(linkify));
}

/** Number of links a text would show. */
export function countLinks(body: string): number {
  let n = 0;
  for (const line of body.split('\n')) n += linkify(line).filter((s) => s.type === 'link').length;
  return n;
}

/** Where a reply attaches: a reply to a reply joins the same top-level parent and names whom it answers. */
export function replyTarget(target: Pick<Comment, 'id' | 'parentId' | 'userId' | 'authorName'>): {
  parentId: number;
  replyToUserId: number | null;
  replyToName: string;
} {
  return { parentId: target.parentId ?? target.id, replyToUserId: target.userId, replyToName: target.authorName };
}

/** True while the writer may still edit: their own live comment, within ten minutes of posting. */
export function canEditComment(c: Pick<Comment, 'userId' | 'status' | 'createdAt'>, userId: number | undefined, now: Date): boolean {
  if (userId === undefined || c.userId !== userId) return false;
  if (c.status === 'deleted' || c.status === 'hidden') return false;
  return now.getTime() - Date.parse(c.createdAt) < EDIT_WINDOW_MS;
}

/** True when the writer may delete the comment (their own, not yet deleted). */
export function canDeleteComment(c: Pick<Comment, 'userId' | 'status'>, userId: number | undefined): boolean {
  return userId !== undefined && c.userId === userId && c.status !== 'deleted';
}

/** Parses ?order=: oldest first unless asked otherwise. */
export function parseOrder(v: unknown): ThreadOrder {
  return v === 'newest' ? 'newest' : 'oldest';
}

/** The body checked for the form: a message for the writer, or undefined when acceptable. */
export function bodyProblem(body: string): 'empty' | 'too_long' | undefined {
  if (!body.trim()) return 'empty';
  if ([...body].length > MAX_BODY) return 'too_long';
  return undefined;
}
