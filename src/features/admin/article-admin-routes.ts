// Staff article pages: the list, the editor (save, preview, publish, schedule, unpublish) and deletion.
import { linkTranslation, listTranslationGroup } from '../articles/translation-store.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ValidationError, notFound } from '../../platform/errors.js';
import { field, formOf } from '../../platform/forms.js';
import { formatDateTime, messageKey, sayErrors } from '../../platform/i18n/index.js';
import { renderMarkdown } from '../../platform/markdown.js';
import type { SafeHtml } from '../../platform/safe-html.js';
import type { SessionUser } from '../../platform/session.js';
import { parsePage } from '../../platform/ui/pagination.js';
import type { AppCtx } from '../../platform/app-context.js';
import { LIMITS, parseArticleForm, type Article, type ArticleStatus } from '../articles/article.js';
import { findArticleById, findArticleBySlug, listArticlesForAdmin } from '../articles/article-store.js';
import { canEdit, canPublish, type Actor, type PublishingService, type SaveAction } from '../articles/publishing-service.js';
import { findAuthorByUserId, listAuthors } from '../authors/author-store.js';
import { listRubrics } from '../rubrics/rubric-store.js';
import { mediaIdOf, mediaIdsIn, mediaRef } from '../media/media.js';
import { findMediaWithoutAlt, listMedia } from '../media/media-store.js';
import { MediaPicker } from '../media/views/media-picker-block.js';
import { recordRevision } from '../revisions/revision-store.js';
import { slugify } from '../tags/tag-store.js';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { idParam, queryParam, sendAdminPage } from '../../platform/admin-page.js';
import { ArticleEditorPage, type ArticleFormValues } from './views/article-editor-page.js';
import { ArticleListPage } from './views/article-list-page.js';
import { ConfirmDeletePage } from './views/confirm-page.js';

const PAGE_SIZE = 25;
const STATUSES: ArticleStatus[] = ['draft', 'scheduled', 'published'];
const NOTICES = ['saved', 'published', 'scheduled', 'unpublished', 'deleted', 'linked', 'restored'] as const;
const ACTIONS = ['draft', 'publish', 'schedule', 'unpublish', 'preview'] as const;
const NOTICE_OF: Record<string, string> = { draft: 'saved', publish: 'published', schedule: 'scheduled', unpublish: 'unpublished' };

/** The publishing actor behind a staff session (authors carry their byline profile). */
export async function actorOf(ctx: AppCtx, user: SessionUser): Promise<Actor> {
  const author = user.role === 'author' ? await findAuthorByUserId(ctx.db, user.id) : undefined;
  return { id: user.id, role: user.role, authorId: author?.id };
}

/** "YYYY-MM-DDTHH:MM" read as UTC; undefined when malformed or not a real date. */
export function parseUtcLocal(raw: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(raw.trim());
  if (!m) return undefined;
  const d = new Date(`${m[1]}${m[2] ?? ':00'}Z`);
  // Round-tripping rejects dates like 30 February that Date would roll over.
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 16) === m[1] ? d : undefined;
}

function valuesOfArticle(a: Article): ArticleFormValues {
  return {
    title: a.title,
    slug: a.slug,
    lead: a.lead,
    body: a.bodyMd,
    language: a.language,
    rubricId: a.rubric ? String(a.rubric.id) : '',
    authorIds: a.authors.map((x) => x.id),
    tags: a.tags.map((x) => x.slug).join(', '),
    coverUrl: a.cover?.url ?? '',
    coverCaption: a.cover?.caption ?? '',
    coverCredit: a.cover?.credit ?? '',
    commentsMode: a.commentsMode,
    publishAt: a.status === 'scheduled' && a.publishedAt ? a.publishedAt.slice(0, 16) : '',
  };
}

function valuesOfForm(form: Record<string, unknown>): ArticleFormValues {
  const raw = form.author_ids;
  const ids = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return {
    title: field(form, 'title'),
    slug: field(form, 'slug'),
    lead: field(form, 'lead'),
    body: field(form, 'body'),
    language: field(form, 'language'),
    rubricId: field(form, 'rubric_id'),
    authorIds: ids,
    tags: field(form, 'tags'),
    coverUrl: field(form, 'cover_url'),
    coverCaption: field(form, 'cover_caption'),
    coverCredit: field(form, 'cover_credit'),
    commentsMode: field(form, 'comments_mode') || 'on',
    publishAt: field(form, 'publish_at'),
  };
}

/** Registers /admin/articles and the editor. */
export function registerArticleAdminRoutes(app: FastifyInstance, ctx: AppCtx, publishing: PublishingService): void {
  const t = ctx.t;

  function noticeOf(request: FastifyRequest): string | undefined {
    const n = queryParam(request, 'notice');
    return (NOTICES as readonly string[]).includes(n) ? t(messageKey(`admin.notice.${n}`)) : undefined;
  }

  async function showEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    opts: {
      article?: Article;
      values: ArticleFormValues;
      errors?: Record<string, string>;
      preview?: SafeHtml;
      status?: number;
    },
  ) {
    const a = opts.article;
    const [rubrics, authors, group, media] = await Promise.all([
      listRubrics(ctx.db),
      listAuthors(ctx.db),
      a ? listTranslationGroup(ctx.db, a.id) : Promise.resolve([]),
      listMedia(ctx.db, { limit: 50 }),
    ]);
    const title = a ? t('admin.editor.edit_title', { title: a.title }) : t('admin.editor.new_title');
    return sendAdminPage(
      ctx,
      request,
      reply,
      { title, current: 'articles', status: opts.status, scripts: ['editor.js', 'media.js'] },
      ArticleEditorPage({
        t,
        csrf: formToken(ctx, request),
        values: opts.values,
        errors: sayErrors(t, opts.errors),
        rubrics,
        authors,
        preview: opts.preview,
        article: a && { id: a.id, status: a.status, publishedAt: a.publishedAt, slug: a.slug, updatedAt: a.updatedAt },
        canPublish: canPublish(actor),
        canDelete: a !== undefined && (canPublish(actor) || canEdit(actor, a)),
        notice: noticeOf(request),
        now: formatDateTime(ctx.clock().toISOString()),
        translations: a && group.filter((x) => x.id !== a.id),
        mediaOptions: media.map((m) => ({ value: mediaRef(m.id), label: m.alt || m.originalName })),
        mediaPicker: MediaPicker({ t, images: media.slice(0, 24) }),
      }),
    );
  }

  /** Loads the article of :id and checks the actor may edit it: 404 before 403. */
  async function editable(request: FastifyRequest): Promise<{ user: SessionUser; actor: Actor; article: Article }> {
    const user = requireRole(request, AREA_ROLES.articles);
    const id = idParam(request);
    const article = await findArticleById(ctx.db, id);
    if (!article) throw notFound('Article');
    const actor = await actorOf(ctx, user);
    if (!canEdit(actor, article)) throw new AppError('forbidden', t('admin.articles.forbidden'));
    return { user, actor, article };
  }

  async function save(request: FastifyRequest, reply: FastifyReply, actor: Actor, existing: Article | undefined) {
    const form = formOf(request);
    const values = valuesOfForm(form);
    const action = field(form, 'action') || 'draft';
    if (!(ACTIONS as readonly string[]).includes(action)) throw new AppError('bad_request', t('admin.editor.bad_action'));
    if (action === 'preview') {
      const tooLong = values.body.length > LIMITS.body;
      return showEditor(request, reply, actor, {
        article: existing,
        values,
        status: tooLong ? 422 : 200,
        errors: tooLong ? { body: t('admin.editor.body_too_long', { max: LIMITS.body.toLocaleString('en') }) } : undefined,
        preview: renderMarkdown(tooLong ? '' : values.body),
      });
    }
    if (action !== 'draft' && !canPublish(actor)) throw new AppError('forbidden', t('admin.articles.publish_forbidden'));
    if (action === 'unpublish' && !existing) throw new AppError('bad_request', t('admin.editor.bad_action'));
    const parsed = parseArticleForm(form, slugify);
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    let scheduleAt: Date | undefined;
    if (action === 'schedule') {
      scheduleAt = parseUtcLocal(values.publishAt);
      if (!scheduleAt) errors.publish_at = t('admin.editor.schedule_invalid');
      else if (scheduleAt <= ctx.clock()) errors.publish_at = t('admin.editor.schedule_past');
    }
    // A library image without alt text keeps its article from going out (as cover or inline).
    if (action === 'publish' || action === 'schedule') {
      const bare = await findMediaWithoutAlt(ctx.db, mediaIdsIn(values.coverUrl, values.body));
      if (bare.length)
        errors[bare.some((m) => m.id === mediaIdOf(values.coverUrl)) ? 'cover_url' : 'body'] = t('media.alt_required', {
          ref: bare.map((m) => `${mediaRef(m.id)} (${m.originalName})`).join(', '),
        });
    }
    const invalid = (errs: Record<string, string>) =>
      showEditor(request, reply, actor, { article: existing, values, errors: errs, status: 422 });
    if (!parsed.ok || Object.keys(errors).length) return invalid(errors);
    let id: number;
    try {
      // Unpublishing keeps the edits made in the same form, then takes the piece down.
      const saveAction: SaveAction = action === 'unpublish' ? 'draft' : (action as SaveAction);
      // Embeds pasted as addresses are described now (the provider asked once, through the outbound guard).
      await ctx.resolveEmbeds(parsed.value.bodyMd);
      id = await publishing.save(actor, parsed.value, { id: existing?.id, action: saveAction, scheduleAt });
      if (action === 'unpublish' && existing!.status !== 'draft') await publishing.unpublish(actor, id);
      // Every save keeps a revision (an unchanged one is not repeated): see features/revisions.
      await recordRevision(ctx.db, { articleId: id, userId: actor.id, input: parsed.value, at: ctx.clock() });
    } catch (err) {
      if (err instanceof ValidationError) return invalid(Object.keys(err.fields).length ? err.fields : { title: err.message });
      throw err;
    }
    return reply.redirect(`/admin/articles/${id}/edit?notice=${NOTICE_OF[action]}`, 303);
  }

  adminScope(app, ctx, (admin) => {
    admin.get('/articles', async (request, reply) => {
      const user = requireRole(request, AREA_ROLES.articles);
      const actor = await actorOf(ctx, user);
      const ownOnly = actor.role === 'author';
      const q = queryParam(request, 'q').trim().slice(0, 200);
      const statusRaw = queryParam(request, 'status');
      const status = (STATUSES as string[]).includes(statusRaw) ? (statusRaw as ArticleStatus) : undefined;
      const authorRaw = queryParam(request, 'author');
      const picked = /^[1-9][0-9]{0,9}$/.test(authorRaw) ? Number(authorRaw) : undefined;
      // An author without a byline profile owns no listed piece yet: -1 matches nothing.
      const authorId = ownOnly ? (actor.authorId ?? -1) : picked;
      const page = parsePage(queryParam(request, 'page'));
      const [list, authors] = await Promise.all([
        listArticlesForAdmin(ctx.db, { status, authorId, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
        ownOnly ? Promise.resolve([]) : listAuthors(ctx.db),
      ]);
      const query: Record<string, string> = {};
      if (q) query.q = q;
      if (status) query.status = status;
      if (!ownOnly && picked) query.author = String(picked);
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: t('admin.articles.title'), current: 'articles' },
        ArticleListPage({
          t,
          items: list.items,
          total: list.total,
          authors,
          ownOnly,
          notice: noticeOf(request),
          filter: { q, status: status ?? '', authorId: picked },
          page: { page, pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)), basePath: '/admin/articles', query },
        }),
      );
    });

    admin.get('/articles/new', async (request, reply) => {
      const actor = await actorOf(ctx, requireRole(request, AREA_ROLES.articles));
      const values: ArticleFormValues = {
        title: '',
        slug: '',
        lead: '',
        body: '',
        language: 'en',
        rubricId: '',
        authorIds: actor.authorId ? [actor.authorId] : [],
        tags: '',
        coverUrl: '',
        coverCaption: '',
        coverCredit: '',
        commentsMode: 'on',
        publishAt: '',
      };
      return showEditor(request, reply, actor, { values });
    });

    admin.post('/articles/new', async (request, reply) => {
      const actor = await actorOf(ctx, requireRole(request, AREA_ROLES.articles));
      return save(request, reply, actor, undefined);
    });

    // The live preview of editor.js: Markdown in, sanitised HTML fragment out.
    admin.post('/articles/preview', async (request, reply) => {
      requireRole(request, AREA_ROLES.articles);
      const body = field(formOf(request), 'body');
      if (body.length > LIMITS.body)
        throw new AppError('validation', t('admin.editor.body_too_long', { max: LIMITS.body.toLocaleString('en') }));
      return reply.type('text/html; charset=utf-8').send(renderMarkdown(body));
    });

    admin.get('/articles/:id/edit', async (request, reply) => {
      const { actor, article } = await editable(request);
      return showEditor(request, reply, actor, { article, values: valuesOfArticle(article) });
    });

    admin.post('/articles/:id/edit', async (request, reply) => {
      const { actor, article } = await editable(request);
      return save(request, reply, actor, article);
    });

    // Links another article (by its address) into this one's translation group.
    admin.post('/articles/:id/translations', async (request, reply) => {
      const { actor, article } = await editable(request);
      const slug = String((request.body as Record<string, unknown> | undefined)?.slug ?? '')
        .trim()
        .toLowerCase()
        .replace(/^.*\/articles\//, '');
      const other = slug ? await findArticleBySlug(ctx.db, slug) : undefined;
      const problem = !other
        ? 'admin.translations.error.unknown'
        : await linkTranslation(ctx.db, article.id, other.id).then((p) => p && `admin.translations.error.${p}`);
      if (problem)
        return showEditor(request, reply, actor, {
          article,
          values: valuesOfArticle(article),
          errors: { translation: problem },
          status: 422,
        });
      ctx.contentChanged();
      return reply.redirect(`/admin/articles/${article.id}/edit?notice=linked`, 303);
    });

    admin.get('/articles/:id/delete', async (request, reply) => {
      const { article } = await editable(request);
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: t('admin.articles.delete_title', { title: article.title }), current: 'articles' },
        ConfirmDeletePage({
          t,
          csrf: formToken(ctx, request),
          action: `/admin/articles/${article.id}/delete`,
          what: article.title,
          cancel: `/admin/articles/${article.id}/edit`,
          detail: article.status === 'published' ? t('admin.articles.delete_published') : undefined,
        }),
      );
    });

    admin.post('/articles/:id/delete', async (request, reply) => {
      const { actor, article } = await editable(request);
      await publishing.remove(actor, article.id);
      return reply.redirect('/admin/articles?notice=deleted', 303);
    });
  });
}
