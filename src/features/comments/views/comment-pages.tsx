// Small public pages of the comments feature: the form again after a refusal, editing, reporting, and a confirmation.
import type { VNode } from 'preact';
import { articlePath } from '../../../platform/editions.js';
import type { T } from '../../../platform/i18n/index.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { Chrome } from '../../../platform/chrome.js';
import { MAX_BODY, MAX_REASON, type Comment } from '../comment.js';
import { CommentBody } from './comment-body.js';
import { CommentForm } from './comments-block.js';

interface Base {
  t: T;
  chrome: Chrome;
  article: { slug: string; title: string; language: string };
}

/** The article's own address, in its edition (the page's shell says how editions are addressed). */
const articleHref = (p: Base) => articlePath(p.article.language, p.chrome.site.editions === 'prefixed', p.article.slug);

function Shell({
  t,
  chrome,
  title,
  path,
  children,
}: {
  t: T;
  chrome: Chrome;
  title: string;
  path: string;
  children: preact.ComponentChildren;
}) {
  return (
    <Layout t={t} site={chrome.site} rubrics={chrome.rubrics} account={chrome.account} meta={{ title, path, noindex: true }}>
      <section class="comment-page" aria-labelledby="comment-page-title">
        <h1 id="comment-page-title">{title}</h1>
        {children}
      </section>
    </Layout>
  );
}

/** The comment form shown again with the reason it was refused and the text kept. */
export function CommentRetryPage(p: Base & { csrf: string; guard?: VNode; body: string; error: string; parent?: Comment }) {
  return (
    <Shell t={p.t} chrome={p.chrome} title={p.t('comments.retry.title')} path={articleHref(p)}>
      <p>
        <a href={`${articleHref(p)}#comments`}>← {p.article.title}</a>
      </p>
      <CommentForm t={p.t} slug={p.article.slug} csrf={p.csrf} guard={p.guard} parent={p.parent} value={p.body} error={p.error} />
    </Shell>
  );
}

/** Editing one's comment within the edit window. */
export function CommentEditPage(p: Base & { csrf: string; guard?: VNode; comment: Comment; body: string; error?: string }) {
  const id = 'comment-edit';
  return (
    <Shell t={p.t} chrome={p.chrome} title={p.t('comments.edit.title')} path={`/comments/${p.comment.id}/edit`}>
      <p>
        <a href={`${articleHref(p)}#comment-${p.comment.id}`}>← {p.article.title}</a>
      </p>
      <form class="comment-form" method="post" action={`/comments/${p.comment.id}/edit`}>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {p.guard}
        <label for={id}>{p.t('comments.form.label')}</label>
        <textarea id={id} name="body" rows={6} maxLength={MAX_BODY} required aria-describedby={p.error ? `${id}-error` : undefined}>
          {p.body}
        </textarea>
        {p.error && (
          <p class="error" id={`${id}-error`} role="alert">
            {p.error}
          </p>
        )}
        <p class="hint">{p.t('comments.edit.hint')}</p>
        <button type="submit">{p.t('comments.edit.submit')}</button>
      </form>
    </Shell>
  );
}

/** Reporting a comment with a reason. */
export function CommentReportPage(p: Base & { csrf: string; comment: Comment; error?: string; done?: boolean }) {
  return (
    <Shell
      t={p.t}
      chrome={p.chrome}
      title={p.t(p.done ? 'comments.report.done_title' : 'comments.report.title')}
      path={`/comments/${p.comment.id}/report`}
    >
      <p>
        <a href={`${articleHref(p)}#comment-${p.comment.id}`}>← {p.article.title}</a>
      </p>
      {p.done ? (
        <p role="status">{p.t('comments.report.done')}</p>
      ) : (
        <>
          <blockquote class="comment-quoted">
            <CommentBody body={p.comment.body} />
          </blockquote>
          <form class="comment-form" method="post" action={`/comments/${p.comment.id}/report`}>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <label for="report-reason">{p.t('comments.report.reason')}</label>
            <textarea
              id="report-reason"
              name="reason"
              rows={3}
              maxLength={MAX_REASON}
              required
              aria-describedby={p.error ? 'report-reason-error' : undefined}
            ></textarea>
            {p.error && (
              <p class="error" id="report-reason-error" role="alert">
                {p.error}
              </p>
            )}
            <button type="submit">{p.t('comments.report.submit')}</button>
          </form>
        </>
      )}
    </Shell>
  );
}
