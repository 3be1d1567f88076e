// The thread under an article and its form: embedded in the article page by the articles feature.
import type { VNode } from 'preact';
import { formatDateTime, formatNumber, type T } from '../../../platform/i18n/index.js';
import { canDeleteComment, canEditComment, MAX_BODY, type Comment, type ThreadItem, type ThreadOrder } from '../comment.js';
import { CommentBody } from './comment-body.js';
import { threadEntriesHtml } from './thread-html.js';

/** Who is looking at the thread, when signed in. */
export interface Viewer {
  id: number;
  name: string;
  /** False for unconfirmed or deleted accounts. */
  canPost: boolean;
  unconfirmed: boolean;
}

export interface CommentsBlockProps {
  t: T;
  lang: string;
  article: { slug: string; commentsMode: 'on' | 'off' | 'closed' };
  items: ThreadItem[];
  order: ThreadOrder;
  page: number;
  pages: number;
  now: Date;
  viewer?: Viewer;
  /** CSRF token for the viewer's forms. */
  csrf?: string;
  /** Bot-guard fields (honeypot, signed time) placed in each form. */
  guard?: VNode;
  liked?: Set<number>;
  /** The edition's address prefix ("/ru"), for the account links. */
  base?: string;
  /**
   * The article's own address (its edition's, editions.ts articlePath), for the thread's links; "/articles/slug"
   * when absent. The comment form still posts to "/articles/slug/comments": forms stay at the root (decision 021).
   */
  path?: string;
}

const threadHref = (path: string, order: ThreadOrder, page: number) => {
  const q = new URLSearchParams();
  if (order !== 'oldest') q.set('order', order);
  if (page > 1) q.set('cpage', String(page));
  const s = q.toString();
  return `${path}${s ? `?${s}` : ''}#comments`;
};

/** The form for a new comment or a reply. */
export function CommentForm({
  t,
  slug,
  csrf,
  guard,
  parent,
  idSuffix = '',
  value = '',
  error,
}: {
  t: T;
  slug: string;
  csrf: string;
  guard?: VNode;
  parent?: Comment;
  idSuffix?: string;
  value?: string;
  error?: string;
}) {
  const id = `comment-text${idSuffix}`;
  return (
    <form class="comment-form" method="post" action={`/articles/${slug}/comments`} data-comment-form="">
      <input type="hidden" name="_csrf" value={csrf} />
      {parent && <input type="hidden" name="parent_id" value={String(parent.id)} />}
      {guard}
      <label for={id}>
        {parent ? t('comments.form.reply_label', { name: parent.authorName || t('comments.deleted_user') }) : t('comments.form.label')}
      </label>
      <textarea
        id={id}
        name="body"
        rows={parent ? 3 : 5}
        maxLength={MAX_BODY}
        required
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      >
        {value}
      </textarea>
      <p class="hint" id={`${id}-hint`}>
        {t('comments.form.hint', { max: formatNumber(MAX_BODY) })}
      </p>
      {error && (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <p class="comment-form-status" role="status" aria-live="polite"></p>
      <button type="submit">{parent ? t('comments.form.reply_submit') : t('comments.form.submit')}</button>
    </form>
  );
}

/** One comment with its byline, text, state and the actions the viewer may take. */
export function CommentItem(p: {
  t: T;
  lang: string;
  slug: string;
  comment: Comment;
  now: Date;
  viewer?: Viewer;
  csrf?: string;
  guard?: VNode;
  liked?: boolean;
  replyable?: boolean;
  hasReplies?: boolean;
}) {
  const { t, comment: c, viewer, csrf } = p;
  const mine = viewer && c.userId === viewer.id;
  const deleted = c.status === 'deleted';
  const name = c.authorDeleted ? t('comments.deleted_user') : c.authorName;
  return (
    <article
      id={`comment-${c.id}`}
      class={`comment comment-${c.status}${c.featured ? ' comment-featured' : ''}${c.parentId ? ' comment-reply' : ''}`}
      aria-label={t('comments.by', { name })}
    >
      <header class="comment-meta">
        <span class="comment-author">{name}</span>
        {c.parentId !== null && c.replyToName && <span class="comment-reply-to">{t('comments.in_reply_to', { name: c.replyToName })}</span>}
        <a class="comment-time" href={`#comment-${c.id}`}>
          <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, p.lang)}</time>
        </a>
        {c.editedAt && !deleted && <span class="comment-edited">{t('comments.edited')}</span>}
        {c.featured && !deleted && <span class="comment-badge">{t('comments.featured')}</span>}
      </header>
      {mine && c.status === 'pending' && (
        <p class="comment-state" role="status">
          {t('comments.state.pending')}
        </p>
      )}
      {mine && c.status === 'rejected' && (
        <p class="comment-state comment-state-rejected" role="status">
          {t('comments.state.rejected', { reason: c.rejectReason })}
        </p>
      )}
      {deleted ? <p class="comment-deleted">{t('comments.deleted')}</p> : <CommentBody body={c.body} />}
      {!deleted && c.status === 'published' && (
        <footer class="comment-actions">
          {viewer && csrf && !mine ? (
            <form method="post" action={`/comments/${c.id}/like`} class="comment-like" data-comment-like="">
              <input type="hidden" name="_csrf" value={csrf} />
              <button type="submit" aria-pressed={p.liked ? 'true' : 'false'}>
                {t('comments.like')} <span class="comment-likes">{c.likesCount}</span>
              </button>
            </form>
          ) : c.likesCount > 0 ? (
            <span class="comment-likes-static">{t('comments.likes', { count: c.likesCount })}</span>
          ) : null}
          {viewer && !mine && (
            <a href={`/comments/${c.id}/report`} rel="nofollow">
              {t('comments.report')}
            </a>
          )}
          {mine && canEditComment(c, viewer.id, p.now) && (
            <a href={`/comments/${c.id}/edit`} rel="nofollow">
              {t('comments.edit')}
            </a>
          )}
          {mine && canDeleteComment(c, viewer.id) && csrf && (
            <form method="post" action={`/comments/${c.id}/delete`} class="comment-delete">
              <input type="hidden" name="_csrf" value={csrf} />
              <button type="submit" class="link-button">
                {t('comments.delete')}
              </button>
            </form>
          )}
          {p.replyable && viewer?.canPost && csrf && (
            <details class="comment-reply-box">
              <summary>{t('comments.reply')}</summary>
              <CommentForm t={t} slug={p.slug} csrf={csrf} guard={p.guard} parent={c} idSuffix={`-${c.id}`} />
            </details>
          )}
        </footer>
      )}
      {mine && (c.status === 'pending' || c.status === 'rejected') && canEditComment(c, viewer.id, p.now) && (
        <footer class="comment-actions">
          <a href={`/comments/${c.id}/edit`} rel="nofollow">
            {t('comments.edit')}
          </a>
        </footer>
      )}
    </article>
  );
}

/** A top-level comment and its replies, as one list item. */
export function ThreadEntry(
  p: Omit<CommentsBlockProps, 'items' | 'order' | 'page' | 'pages' | 'article'> & { slug: string; item: ThreadItem; open: boolean },
) {
  const { item } = p;
  return (
    <li class="thread-item">
      <CommentItem
        t={p.t}
        lang={p.lang}
        slug={p.slug}
        comment={item.comment}
        now={p.now}
        viewer={p.viewer}
        csrf={p.csrf}
        guard={p.guard}
        liked={p.liked?.has(item.comment.id)}
        replyable={p.open}
      />
      <ol class="comment-replies" role="list" data-replies-of={String(item.comment.id)}>
        {item.replies.map((r) => (
          <li>
            <CommentItem
              t={p.t}
              lang={p.lang}
              slug={p.slug}
              comment={r}
              now={p.now}
              viewer={p.viewer}
              csrf={p.csrf}
              guard={p.guard}
              liked={p.liked?.has(r.id)}
              replyable={p.open}
            />
          </li>
        ))}
      </ol>
    </li>
  );
}

/** The whole block: ordering, the thread page, the pager and the form (or why there is none). */
export function CommentsBlock(p: CommentsBlockProps) {
  const { t, article, order } = p;
  const path = p.path ?? `/articles/${article.slug}`;
  const open = article.commentsMode === 'on';
  if (article.commentsMode === 'off') return null;
  return (
    <div class="comments-block" data-comments="" data-article={article.slug}>
      {p.items.length > 0 && (
        <p class="comments-order">
          <span>{t('comments.order.label')}</span>{' '}
          {order === 'oldest' ? (
            <strong aria-current="true">{t('comments.order.oldest')}</strong>
          ) : (
            <a href={threadHref(path, 'oldest', 1)}>{t('comments.order.oldest')}</a>
          )}
          {' · '}
          {order === 'newest' ? (
            <strong aria-current="true">{t('comments.order.newest')}</strong>
          ) : (
            <a href={threadHref(path, 'newest', 1)}>{t('comments.order.newest')}</a>
          )}
        </p>
      )}
      {!p.viewer ? (
        // A reader who is not signed in: the entries written straight to HTML (thread-html.ts), the same bytes.
        <ol class="comment-thread" role="list" dangerouslySetInnerHTML={{ __html: threadEntriesHtml(t, p.lang, p.items) }} />
      ) : (
        <ol class="comment-thread" role="list">
          {p.items.map((item) => (
            // Props named one by one: spreading the block's props into each entry copied them for every comment.
            <ThreadEntry
              t={p.t}
              lang={p.lang}
              now={p.now}
              viewer={p.viewer}
              csrf={p.csrf}
              guard={p.guard}
              liked={p.liked}
              slug={article.slug}
              item={item}
              open={open}
            />
          ))}
        </ol>
      )}
      {p.items.length === 0 && open && <p class="comments-note">{t('article.comments_empty')}</p>}
      {p.pages > 1 && (
        <nav class="pagination comments-pagination" aria-label={t('comments.pages')}>
          {p.page > 1 ? (
            <a rel="prev" href={threadHref(path, order, p.page - 1)}>
              ← {t('comments.earlier_page')}
            </a>
          ) : (
            <span />
          )}
          <span class="pagination-status">{t('pagination.page', { page: p.page, pages: p.pages })}</span>
          {p.page < p.pages ? (
            <a rel="next" href={threadHref(path, order, p.page + 1)}>
              {t('comments.later_page')} →
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
      {open &&
        (p.viewer?.canPost && p.csrf ? (
          <section class="comment-new" aria-labelledby="comment-new-title">
            <h3 id="comment-new-title">{t('comments.form.title')}</h3>
            <CommentForm t={t} slug={article.slug} csrf={p.csrf} guard={p.guard} />
          </section>
        ) : p.viewer?.unconfirmed ? (
          <p class="comments-note comments-unconfirmed">
            {t('comments.unconfirmed_note')} <a href={`${p.base ?? ''}/account`}>{t('comments.resend_link')}</a>
          </p>
        ) : p.viewer ? (
          <p class="comments-note">{t('comments.error.cannot_post')}</p>
        ) : (
          <p class="comments-note comments-signin">
            <a href={`${p.base ?? ''}/account/login?next=${encodeURIComponent(`${path}#comments`)}`}>{t('comments.sign_in')}</a>
            {/* The rest carries its own space where the language wants one: none before a Russian comma or in Chinese. */}
            {t('comments.sign_in_rest')}
          </p>
        ))}
      <script type="module" src="/assets/js/comments.js"></script>
    </div>
  );
}
