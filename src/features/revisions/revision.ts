// A revision: an article's fields as one save left them, and what changed between two of them.
import { diffWords } from 'diff';
import type { ArticleInput } from '../articles/article.js';

export interface Revision {
  id: number;
  articleId: number;
  userId: number | null;
  /** The name of who saved it, when the account still exists. */
  userName: string | null;
  createdAt: string;
  input: ArticleInput;
}

/** One field's change: runs of text kept, added or removed. */
export interface FieldDiff {
  field: string;
  parts: { text: string; added: boolean; removed: boolean }[];
}

const FIELDS: { field: string; text: (i: ArticleInput) => string }[] = [
  { field: 'Title', text: (i) => i.title },
  { field: 'Slug', text: (i) => i.slug },
  { field: 'Lead', text: (i) => i.lead },
  { field: 'Body', text: (i) => i.bodyMd },
  { field: 'Tags', text: (i) => i.tagSlugs.join(', ') },
  { field: 'Authors', text: (i) => i.authorIds.join(', ') },
  { field: 'Cover', text: (i) => [i.coverUrl, i.coverCaption, i.coverCredit].filter(Boolean).join(' · ') },
  { field: 'Language', text: (i) => i.language },
  { field: 'Comments', text: (i) => i.commentsMode },
];

/** The fields that differ between two versions, word by word (jsdiff); unchanged fields are left out. */
export function diffRevisions(from: ArticleInput, to: ArticleInput): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const f of FIELDS) {
    const a = f.text(from);
    const b = f.text(to);
    if (a === b) continue;
    out.push({
      field: f.field,
      parts: diffWords(a, b).map((p) => ({ text: p.value, added: Boolean(p.added), removed: Boolean(p.removed) })),
    });
  }
  return out;
}

/** True when two saves hold the same fields: saving without a change keeps no new revision. */
export function sameInput(a: ArticleInput, b: ArticleInput): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
