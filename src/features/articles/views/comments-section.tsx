// The comments section under an article: its heading with the count, and what the article's comments mode allows.
import type { ComponentChildren } from 'preact';
import type { T } from '../../../platform/i18n/index.js';
import type { CommentsMode } from '../article.js';

export interface CommentsSectionProps {
  t: T;
  mode: CommentsMode;
  /** Published comments; 0 until comments exist. */
  count?: number;
  /** The thread and the form, when the comments feature renders them. */
  children?: ComponentChildren;
}

/** Renders `#comments`: only a note when comments are off; otherwise the count, the thread and the mode's message. */
export function CommentsSection({ t, mode, count = 0, children }: CommentsSectionProps) {
  if (mode === 'off') {
    return (
      <section id="comments" class="comments comments-off">
        <p class="comments-note">{t('article.comments_off')}</p>
      </section>
    );
  }
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('article.comments')} <span class="comment-count">{count}</span></h2>
      {children ?? (count === 0 && mode === 'on' ? <p class="comments-note">{t('article.comments_empty')}</p> : null)}
      {mode === 'closed' && <p class="comments-note comments-closed">{t('article.comments_closed')}</p>}
    </section>
  );
}
