// The thread's entries as a reader who is not signed in sees them, written straight to HTML. An article page
// that misses the cache draws every comment of its thread's page, and drawing each as Preact elements and
// walking them was the largest part of drawing the page (about ten elements a comment, half the page's text).
// This writes the bytes ThreadEntry, CommentItem and CommentBody write for such a reader, with the renderer's
// own escaping; thread-html.test.ts holds the two equal. A signed-in reader's thread (forms, likes, their
// own held comments) is still drawn from the elements.
import { formatDateTime, type T } from '../../../platform/i18n/index.js';
import { escapeHtml } from '../../../platform/html-renderer.js';
import { type Comment, paragraphs, type ThreadItem } from '../comment.js';

/** An attribute as the renderer writes a string value: bare when empty, else quoted and escaped. */
const attr = (name: string, value: string) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`);

/** A comment's text: paragraphs, line breaks and links, as CommentBody draws it. */
export function commentBodyHtml(body: string): string {
  let s = '<div class="comment-body">';
  for (const lines of paragraphs(body)) {
    s += '<p>';
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) s += '<br/>';
      for (const seg of lines[i]) {
        s +=
          seg.type === 'link'
            ? `<a${attr('href', seg.href)} rel="nofollow ugc noopener" target="_blank">${escapeHtml(seg.text)}</a>`
            : escapeHtml(seg.text);
      }
    }
    s += '</p>';
  }
  return `${s}</div>`;
}

/** One comment as CommentItem draws it for a reader who is not signed in. */
function commentHtml(t: T, lang: string, c: Comment): string {
  const deleted = c.status === 'deleted';
  const name = c.authorDeleted ? t('comments.deleted_user') : c.authorName;
  const cls = `comment comment-${c.status}${c.featured ? ' comment-featured' : ''}${c.parentId ? ' comment-reply' : ''}`;
  // Ids are numbers: attributes made of them need no escaping.
  let s = `<article id="comment-${c.id}"${attr('class', cls)}${attr('aria-label', t('comments.by', { name }))}>`;
  s += `<header class="comment-meta"><span class="comment-author">${escapeHtml(name)}</span>`;
  if (c.parentId !== null && c.replyToName)
    s += `<span class="comment-reply-to">${escapeHtml(t('comments.in_reply_to', { name: c.replyToName }))}</span>`;
  s += `<a class="comment-time" href="#comment-${c.id}"><time${attr('datetime', c.createdAt)}>${escapeHtml(formatDateTime(c.createdAt, lang))}</time></a>`;
  if (c.editedAt && !deleted) s += `<span class="comment-edited">${escapeHtml(t('comments.edited'))}</span>`;
  if (c.featured && !deleted) s += `<span class="comment-badge">${escapeHtml(t('comments.featured'))}</span>`;
  s += '</header>';
  s += deleted ? `<p class="comment-deleted">${escapeHtml(t('comments.deleted'))}</p>` : commentBodyHtml(c.body);
  if (!deleted && c.status === 'published') {
    s += '<footer class="comment-actions">';
    if (c.likesCount > 0) s += `<span class="comment-likes-static">${escapeHtml(t('comments.likes', { count: c.likesCount }))}</span>`;
    s += '</footer>';
  }
  return `${s}</article>`;
}

/** The entries of a thread's page (each top-level comment with its replies), as ThreadEntry draws them without a viewer. */
export function threadEntriesHtml(t: T, lang: string, items: readonly ThreadItem[]): string {
  let s = '';
  for (const item of items) {
    s += `<li class="thread-item">${commentHtml(t, lang, item.comment)}`;
    s += `<ol class="comment-replies" role="list" data-replies-of="${item.comment.id}">`;
    for (const r of item.replies) s += `<li>${commentHtml(t, lang, r)}</li>`;
    s += '</ol></li>';
  }
  return s;
}
