// The review panel under the editor: where the draft stands, the threaded notes, and the steps the viewer may take.
import { formatDateTime, type T } from '../../../platform/i18n/index.js';
import { NOTE_MAX, type NoteThread, type Review } from '../review.js';

export interface ReviewBlockProps {
  t: T;
  csrf: string;
  articleId: number;
  /** The article is a draft: only drafts are submitted, sent back or approved. */
  draft: boolean;
  review?: Review;
  threads: NoteThread[];
  /** The viewer is an editor or admin (assigns, sends back, approves). */
  editor: boolean;
  reviewers: { id: number; name: string }[];
  /** Review is required before an author's draft goes out (the newsroom's setting). */
  required: boolean;
}

function Thread({ t, csrf, articleId, thread }: { t: T; csrf: string; articleId: number; thread: NoteThread }) {
  const n = thread.note;
  return (
    <li class="review-note" id={`note-${n.id}`}>
      <p class="meta">
        <strong>{n.userName ?? t('review.someone')}</strong> · <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
      </p>
      <p class="review-note-body">{n.body}</p>
      <details class="review-reply">
        <summary>{t('review.reply')}</summary>
        <form method="post" action={`/admin/articles/${articleId}/review/notes`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="parent_id" value={String(n.id)} />
          <label for={`reply-${n.id}`}>{t('review.reply_label')}</label>
          <textarea id={`reply-${n.id}`} name="body" rows={2} maxLength={NOTE_MAX} required />
          <button type="submit" class="secondary">
            {t('review.reply')}
          </button>
        </form>
      </details>
      {thread.replies.length > 0 && (
        <ul class="review-thread" role="list">
          {thread.replies.map((r) => (
            <Thread t={t} csrf={csrf} articleId={articleId} thread={r} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Shown under the editor of a draft or of an article that went through review. */
export function ReviewBlock({ t, csrf, articleId, draft, review, threads, editor, reviewers, required }: ReviewBlockProps) {
  const state = review?.state;
  const waiting = draft && state === 'submitted';
  return (
    <section class="panel editor-review" id="review" aria-labelledby="review-title">
      <h2 id="review-title">{t('review.title')}</h2>
      <p class="review-state">
        {!review
          ? t(required ? 'review.state.none_required' : 'review.state.none')
          : state === 'submitted'
            ? review.assigneeName
              ? t('review.state.submitted_to', { name: review.assigneeName })
              : t('review.state.submitted')
            : state === 'sent_back'
              ? t('review.state.sent_back')
              : t('review.state.approved')}
      </p>
      {draft && state !== 'submitted' && (
        <form method="post" action={`/admin/articles/${articleId}/review/submit`}>
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="primary">
            {state === 'sent_back' ? t('review.resubmit') : t('review.submit')}
          </button>
        </form>
      )}
      {editor && waiting && (
        <div class="review-actions">
          <form method="post" action={`/admin/articles/${articleId}/review/assign`} class="inline">
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="assignee_id">{t('review.assignee')}</label>
            <select id="assignee_id" name="assignee_id">
              {reviewers.map((r) => (
                <option value={String(r.id)} selected={review?.assigneeId === r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <button type="submit" class="secondary">
              {t('review.assign')}
            </button>
          </form>
          <form method="post" action={`/admin/articles/${articleId}/review/send-back`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="send_back_note">{t('review.send_back_note')}</label>
            <textarea id="send_back_note" name="body" rows={3} maxLength={NOTE_MAX} required />
            <button type="submit" class="secondary">
              {t('review.send_back')}
            </button>
          </form>
          <form method="post" action={`/admin/articles/${articleId}/review/approve`}>
            <input type="hidden" name="_csrf" value={csrf} />
            <label for="approve_at">{t('review.approve_at')}</label>
            <p class="hint" id="approve_at-hint">
              {t('review.approve_hint')}
            </p>
            <div class="inline">
              <input id="approve_at" name="publish_at" type="datetime-local" aria-describedby="approve_at-hint" />
              <span class="tz" aria-hidden="true">
                UTC
              </span>
              <button type="submit" class="primary">
                {t('review.approve')}
              </button>
            </div>
          </form>
        </div>
      )}
      <h3>{t('review.notes')}</h3>
      {threads.length ? (
        <ul class="review-thread" role="list">
          {threads.map((th) => (
            <Thread t={t} csrf={csrf} articleId={articleId} thread={th} />
          ))}
        </ul>
      ) : (
        <p class="hint">{t('review.no_notes')}</p>
      )}
      <form method="post" action={`/admin/articles/${articleId}/review/notes`}>
        <input type="hidden" name="_csrf" value={csrf} />
        <label for="review_note">{t('review.note_label')}</label>
        <textarea id="review_note" name="body" rows={3} maxLength={NOTE_MAX} required />
        <button type="submit" class="secondary">
          {t('review.add_note')}
        </button>
      </form>
    </section>
  );
}
