// The article editor: one plain form that works without JavaScript; editor.js adds a live preview.
import type { ComponentChildren, VNode } from 'preact';
import type { T } from '../../../platform/i18n/index.js';
import { formatDateTime, messageKey } from '../../../platform/i18n/index.js';
import { describedBy } from '../../../platform/ui/form-fields.js';
import type { SafeHtml } from '../../../platform/safe-html.js';
import { COMMENTS_MODES, LANGUAGES, LIMITS, type ArticleStatus } from '../../articles/article.js';
import type { Author } from '../../authors/author.js';
import type { Rubric } from '../../rubrics/rubric.js';
import { ErrorSummary, Field, Notice } from '../../../platform/ui/admin-layout.js';

/** The editor's fields as the person typed them (strings), so a re-rendered form keeps every value. */
export interface ArticleFormValues {
  title: string;
  slug: string;
  lead: string;
  body: string;
  language: string;
  rubricId: string;
  authorIds: number[];
  tags: string;
  coverUrl: string;
  coverCaption: string;
  coverCredit: string;
  commentsMode: string;
  publishAt: string;
}

export interface ArticleEditorProps {
  t: T;
  csrf: string;
  /** Absent for a new article. `href` is its public address, in its own edition (editions.ts articlePath). */
  article?: { id: number; status: ArticleStatus; publishedAt: string | null; slug: string; updatedAt: string; href: string };
  values: ArticleFormValues;
  errors?: Record<string, string>;
  rubrics: Rubric[];
  authors: Author[];
  canPublish: boolean;
  canDelete: boolean;
  /** Rendered Markdown shown under the form (the no-JavaScript preview) or empty for the live pane. */
  preview?: SafeHtml;
  notice?: string;
  /** Recent images of the media library, offered for the cover address. */
  mediaOptions?: { value: string; label: string }[];
  /** The media library's picker, shown under the body (see features/media/views/media-picker-block). */
  mediaPicker?: VNode;
  now: string;
  /** The other articles of this one's translation group (any status); absent for a new article. */
  translations?: { id: number; slug: string; title: string; language: string }[];
  /** Panels below the form from other features (the review and its notes, corrections). */
  extra?: ComponentChildren;
}

/** The body of /admin/articles/new and /admin/articles/:id/edit (inside AdminLayout). */
export function ArticleEditorPage(p: ArticleEditorProps) {
  const { t, values: v, errors = {}, article } = p;
  const action = article ? `/admin/articles/${article.id}/edit` : '/admin/articles/new';
  const described = (id: string, hint = false) =>
    [hint ? `${id}-hint` : '', errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const live = article?.status === 'published' || article?.status === 'scheduled';
  return (
    <>
      <Notice text={p.notice} />
      <ErrorSummary t={t} errors={errors} />
      {article && (
        <p class="article-state">
          <span class={`status status-${article.status}`}>{t(`admin.status.${article.status}`)}</span>{' '}
          {article.status === 'published' && article.publishedAt && (
            <>
              {t('admin.editor.published_at', { when: formatDateTime(article.publishedAt) })} ·{' '}
              <a href={article.href}>{t('admin.editor.view')}</a>
            </>
          )}
          {article.status === 'scheduled' &&
            article.publishedAt &&
            t('admin.editor.scheduled_for', { when: formatDateTime(article.publishedAt) })}{' '}
          <span class="meta">{t('admin.editor.updated', { when: formatDateTime(article.updatedAt) })}</span> ·{' '}
          <a href={`/admin/articles/${article.id}/revisions`}>{t('revisions.link')}</a>
        </p>
      )}
      <form method="post" action={action} class="editor" novalidate data-preview-url="/admin/articles/preview">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="editor-main">
          <Field id="title" label={t('admin.editor.title')} error={errors.title}>
            <input
              id="title"
              name="title"
              type="text"
              required
              maxLength={LIMITS.title}
              value={v.title}
              aria-invalid={errors.title ? 'true' : undefined}
              aria-describedby={described('title')}
            />
          </Field>
          <Field id="slug" label={t('admin.editor.slug')} hint={t('admin.editor.slug_hint')} error={errors.slug}>
            <input
              id="slug"
              name="slug"
              type="text"
              maxLength={LIMITS.slug}
              value={v.slug}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              autocapitalize="off"
              spellcheck={false}
              aria-invalid={errors.slug ? 'true' : undefined}
              aria-describedby={described('slug', true)}
            />
          </Field>
          <Field id="lead" label={t('admin.editor.lead')} error={errors.lead}>
            <textarea
              id="lead"
              name="lead"
              rows={3}
              maxLength={LIMITS.lead}
              aria-invalid={errors.lead ? 'true' : undefined}
              aria-describedby={described('lead')}
            >
              {v.lead}
            </textarea>
          </Field>
          <Field id="body" label={t('admin.editor.body')} hint={t('admin.editor.body_hint')} error={errors.body}>
            <textarea
              id="body"
              name="body"
              rows={22}
              class="markdown"
              aria-invalid={errors.body ? 'true' : undefined}
              aria-describedby={described('body', true)}
            >
              {v.body}
            </textarea>
          </Field>
          {p.mediaPicker}
          <section class="preview" aria-labelledby="preview-title" data-preview hidden={p.preview === undefined ? true : undefined}>
            <h2 id="preview-title">{t('admin.editor.preview')}</h2>
            <div class="preview-body article-body" aria-live="polite" dangerouslySetInnerHTML={{ __html: p.preview ?? '' }} />
          </section>
        </div>
        <div class="editor-side">
          <fieldset class="panel actions-panel">
            <legend>{t('admin.editor.publishing')}</legend>
            <div class="button-row">
              <button type="submit" name="action" value="draft">
                {article && article.status !== 'draft' ? t('admin.editor.save') : t('admin.editor.save_draft')}
              </button>
              <button type="submit" name="action" value="preview" class="secondary">
                {t('admin.editor.preview')}
              </button>
              {p.canPublish && (
                <button type="submit" name="action" value="publish" class="primary">
                  {article?.status === 'published' ? t('admin.editor.update') : t('admin.editor.publish')}
                </button>
              )}
            </div>
            {p.canPublish && article?.status === 'published' && (
              <div class="field minor-edit">
                <label class="check">
                  <input type="checkbox" name="minor" value="1" aria-describedby="minor-hint" /> {t('editorial.minor')}
                </label>
                <p class="hint" id="minor-hint">
                  {t('editorial.minor_hint')}
                </p>
              </div>
            )}
            {p.canPublish && (
              <div class={errors.publish_at ? 'field field-error schedule' : 'field schedule'}>
                <label for="publish_at">{t('admin.editor.schedule_at')}</label>
                <p class="hint" id="publish_at-hint">
                  {t('admin.editor.schedule_hint', { now: p.now })}
                </p>
                <div class="inline">
                  <input
                    id="publish_at"
                    name="publish_at"
                    type="datetime-local"
                    value={v.publishAt}
                    aria-describedby={described('publish_at', true)}
                    aria-invalid={errors.publish_at ? 'true' : undefined}
                  />
                  <span class="tz" aria-hidden="true">
                    UTC
                  </span>
                  <button type="submit" name="action" value="schedule" class="secondary">
                    {t('admin.editor.schedule')}
                  </button>
                </div>
                {errors.publish_at && (
                  <p class="error" id="publish_at-error" role="alert">
                    {errors.publish_at}
                  </p>
                )}
              </div>
            )}
            {(p.canPublish && live) || (article && p.canDelete) ? (
              <div class="button-row danger-row">
                {p.canPublish && live && (
                  <button type="submit" name="action" value="unpublish" class="secondary">
                    {t('admin.editor.unpublish')}
                  </button>
                )}
                {article && p.canDelete && (
                  <a class="button danger" href={`/admin/articles/${article.id}/delete`}>
                    {t('admin.editor.delete')}
                  </a>
                )}
              </div>
            ) : null}
          </fieldset>
          <Field id="language" label={t('admin.editor.language')} error={errors.language}>
            <select id="language" name="language">
              {LANGUAGES.map((l) => (
                <option value={l} selected={v.language === l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="rubric_id" label={t('admin.editor.rubric')} error={errors.rubric_id}>
            <select id="rubric_id" name="rubric_id">
              <option value="">{t('admin.none')}</option>
              {p.rubrics.map((r) => (
                <option value={String(r.id)} selected={v.rubricId === String(r.id)}>
                  {r.name}
                </option>
              ))}
            </select>
          </Field>
          <fieldset
            id="author_ids"
            class={errors.author_ids ? 'field field-error checks' : 'field checks'}
            aria-describedby={errors.author_ids ? 'author_ids-error' : undefined}
          >
            <legend>{t('admin.editor.authors')}</legend>
            {p.authors.length === 0 && <p class="hint">{t('admin.editor.no_authors')}</p>}
            <div class="check-list">
              {p.authors.map((a) => (
                <label class="check">
                  <input type="checkbox" name="author_ids" value={String(a.id)} checked={v.authorIds.includes(a.id)} /> {a.name}
                </label>
              ))}
            </div>
            {errors.author_ids && (
              <p class="error" id="author_ids-error" role="alert">
                {errors.author_ids}
              </p>
            )}
          </fieldset>
          <Field id="tags" label={t('admin.editor.tags')} hint={t('admin.editor.tags_hint')} error={errors.tags}>
            <input id="tags" name="tags" type="text" value={v.tags} aria-describedby={described('tags', true)} />
          </Field>
          <fieldset class="panel">
            <legend>{t('admin.editor.cover')}</legend>
            <Field id="cover_url" label={t('admin.editor.cover_url')} hint={t('media.cover_hint')} error={errors.cover_url}>
              {/* type=text: a library image's address (/media/12) is a path, which type=url refuses. */}
              <input
                id="cover_url"
                name="cover_url"
                type="text"
                inputMode="url"
                list="media-library"
                maxLength={LIMITS.cover}
                value={v.coverUrl}
                aria-invalid={errors.cover_url ? 'true' : undefined}
                aria-describedby={described('cover_url', true)}
              />
              <datalist id="media-library">
                {(p.mediaOptions ?? []).map((o) => (
                  <option value={o.value}>{o.label}</option>
                ))}
              </datalist>
            </Field>
            <Field id="cover_caption" label={t('admin.editor.cover_caption')}>
              <input id="cover_caption" name="cover_caption" type="text" maxLength={500} value={v.coverCaption} />
            </Field>
            <Field id="cover_credit" label={t('admin.editor.cover_credit')}>
              <input id="cover_credit" name="cover_credit" type="text" maxLength={200} value={v.coverCredit} />
            </Field>
          </fieldset>
          <fieldset id="comments_mode" class={errors.comments_mode ? 'field field-error radios' : 'field radios'}>
            <legend>{t('admin.editor.comments')}</legend>
            {COMMENTS_MODES.map((m) => (
              <label class="check">
                <input type="radio" name="comments_mode" value={m} checked={v.commentsMode === m} /> {t(`admin.comments.${m}`)}
              </label>
            ))}
            {errors.comments_mode && (
              <p class="error" role="alert">
                {errors.comments_mode}
              </p>
            )}
          </fieldset>
        </div>
      </form>
      {article && p.translations && (
        <section class="editor-translations" aria-labelledby="translations-title">
          <h2 id="translations-title">{t('admin.translations.title')}</h2>
          {p.translations.length ? (
            <ul class="plain-list">
              {p.translations.map((x) => (
                <li>
                  <span class="badge-lang">{t(messageKey(`lang.${x.language}`))}</span>{' '}
                  <a href={`/admin/articles/${x.id}/edit`} lang={x.language}>
                    {x.title}
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">{t('admin.translations.none')}</p>
          )}
          <form method="post" action={`/admin/articles/${article.id}/translations`} novalidate>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <Field
              id="translation_slug"
              label={t('admin.translations.link_label')}
              hint={t('admin.translations.link_hint')}
              error={errors.translation}
            >
              <input
                id="translation_slug"
                name="slug"
                type="text"
                autocomplete="off"
                aria-describedby={describedBy('translation_slug', true, errors.translation)}
                aria-invalid={errors.translation ? 'true' : undefined}
              />
            </Field>
            <button type="submit">{t('admin.translations.link')}</button>
          </form>
        </section>
      )}
      {p.extra}
    </>
  );
}
