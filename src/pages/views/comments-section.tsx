// The comments section under an article: its heading with the count, and what the article's comments mode allows.
import type { ComponentChildren } from 'preact';
import { formatNumber, type T } from '../../platform/i18n/index.js';
import type { CommentsMode } from '../../features/articles/article.js';

export interface CommentsSectionProps {
  t: T;
  /** The page's language: the count is grouped as it writes numbers (10,000; 10 000). */
  lang: string;
  mode: CommentsMode;
  /** Published comments; 0 until comments exist. */
  count?: number;
  /** The thread and the form, when the comments feature renders them. */
  children?: ComponentChildren;
}

/** Renders `#comments`: only a note when comments are off; otherwise the count, the thread and the mode's message. */
export function CommentsSection({ t, lang, mode, count = 0, children }: CommentsSectionProps) {
  if (mode === 'off') {
    return (
      <section id="comments" class="comments comments-off">
        <p class="comments-note">{t('article.comments_off')}</p>
      </section>
    );
  }
  return (
    <section id="comments" class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {t('article.comments')}{' '}
        <span class="comment-count" data-count={count}>
          {formatNumber(count, lang)}
        </span>
      </h2>
      {children ?? (count === 0 && mode === 'on' ? <p class="comments-note">{t('article.comments_empty')}</p> : null)}
      {mode === 'closed' && <p class="comments-note comments-closed">{t('article.comments_closed')}</p>}
    </section>
  );
}
