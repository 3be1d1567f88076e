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
import { slugify } from '../tags/tag-store.js';
import { parseCorrectionForm } from '../corrections/correction.js';
import { addCorrection, removeCorrection } from '../corrections/correction-service.js';
import { listCorrections } from '../corrections/correction-store.js';
import { CorrectionsAdminBlock } from '../corrections/views/corrections-admin-block.js';
import { threadNotes } from '../review/review.js';
import { findReview, listNotes, listReviewers, reviewRequired } from '../review/review-store.js';
import { ReviewBlock } from '../review/views/review-block.js';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { idParam, queryParam, sendAdminPage } from '../../platform/admin-page.js';
import { articlePath } from '../../platform/editions.js';
import { ArticleEditorPage, type ArticleFormValues } from './views/article-editor-page.js';
import { ArticleListPage } from './views/article-list-page.js';
import { ConfirmDeletePage } from './views/confirm-page.js';

const PAGE_SIZE = 25;
const STATUSES: ArticleStatus[] = ['draft', 'scheduled', 'published'];
const NOTICES = [
  'saved',
  'published',
  'scheduled',
  'unpublished',
  'deleted',
  'linked',
  'restored',
  'corrected',
  'correction_removed',
  'review_submitted',
  'review_assigned',
  'review_noted',
  'review_sent_back',
] as const;
const ACTIONS = ['draft', 'publish', 'schedule', 'unpublish', 'preview'] as const;
const NOTICE_OF: Record<string, string> = { draft: 'saved', publish: 'published', schedule: 'scheduled', unpublish: 'unpublished' };

/**
 * The publishing actor behind a staff session (authors carry their byline profile). An author publishes their
 * own drafts only when the newsroom does not require review (the review.required setting, features/review).
 */
export async function actorOf(ctx: AppCtx, user: SessionUser): Promise<Actor> {
  if (user.role !== 'author') return { id: user.id, role: user.role };
  const [author, required] = await Promise.all([findAuthorByUserId(ctx.db, user.id), reviewRequired(ctx.db)]);
  return { id: user.id, role: user.role, authorId: author?.id, publishesOwn: !required };
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
      /** A refused correction: its errors (already said) and what was typed. */
      correction?: { errors: Record<string, string>; values: { kind: string; body: string; date: string } };
    },
  ) {
    const a = opts.article;
    const csrf = formToken(ctx, request);
    const [rubrics, authors, group, media, corrections, review, notes, reviewers, required] = await Promise.all([
      listRubrics(ctx.db),
      listAuthors(ctx.db),
      a ? listTranslationGroup(ctx.db, a.id) : Promise.resolve([]),
      listMedia(ctx.db, { limit: 50 }),
      a?.status === 'published' && canPublish(actor) ? listCorrections(ctx.db, a.id) : Promise.resolve(undefined),
      a ? findReview(ctx.db, a.id) : Promise.resolve(undefined),
      a ? listNotes(ctx.db, a.id) : Promise.resolve([]),
      canPublish(actor) ? listReviewers(ctx.db) : Promise.resolve([]),
      reviewRequired(ctx.db),
    ]);
    // Below the form: corrections of a published piece (editors), the review of a draft or one that went through it.
    const extra = a && [
      corrections &&
        CorrectionsAdminBlock({
          t,
          csrf,
          articleId: a.id,
          corrections,
          errors: opts.correction?.errors,
          values: opts.correction?.values,
          today: ctx.clock().toISOString().slice(0, 10),
        }),
      (a.status === 'draft' || review || notes.length > 0) &&
        ReviewBlock({
          t,
          csrf,
          articleId: a.id,
          draft: a.status === 'draft',
          review,
          threads: threadNotes(notes),
          editor: canPublish(actor),
          reviewers,
          required,
        }),
    ];
    const title = a ? t('admin.editor.edit_title', { title: a.title }) : t('admin.editor.new_title');
    return sendAdminPage(
      ctx,
      request,
      reply,
      { title, current: 'articles', status: opts.status, scripts: ['editor.js', 'media.js'] },
      ArticleEditorPage({
        t,
        csrf,
        values: opts.values,
        errors: sayErrors(t, opts.errors),
        rubrics,
        authors,
        preview: opts.preview,
        article: a && {
          id: a.id,
          status: a.status,
          publishedAt: a.publishedAt,
          slug: a.slug,
          updatedAt: a.updatedAt,
          href: articlePath(a.language, ctx.editions, a.slug),
        },
        canPublish: canPublish(actor) || Boolean(actor.publishesOwn),
        canDelete: a !== undefined && (canPublish(actor) || canEdit(actor, a)),
        notice: noticeOf(request),
        now: formatDateTime(ctx.clock().toISOString()),
        translations: a && group.filter((x) => x.id !== a.id),
        mediaOptions: media.map((m) => ({ value: mediaRef(m.id), label: m.alt || m.originalName })),
        extra,
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
    if (action !== 'draft' && !canPublish(actor) && !(actor.publishesOwn && action !== 'unpublish'))
      throw new AppError('forbidden', t('admin.articles.publish_forbidden'));
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
      // The save keeps a revision in its own transaction (features/revisions); "minor" keeps "Updated" as it was.
      id = await publishing.save(actor, parsed.value, {
        id: existing?.id,
        action: saveAction,
        scheduleAt,
        minor: field(form, 'minor') === '1',
      });
      if (action === 'unpublish' && existing!.status !== 'draft') await publishing.unpublish(actor, id);
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

    // A correction or update note on a published article (editors): shown on the page, in feeds and JSON-LD.
    admin.post('/articles/:id/corrections', async (request, reply) => {
      const { actor, user, article } = await editable(request);
      if (!canPublish(actor)) throw new AppError('forbidden', t('admin.articles.publish_forbidden'));
      if (article.status !== 'published') throw new AppError('conflict', t('corrections.error.not_published'));
      const form = formOf(request);
      const values = { kind: field(form, 'kind'), body: field(form, 'body'), date: field(form, 'date') };
      const parsed = parseCorrectionForm(values, ctx.clock());
      if (!parsed.ok)
        return showEditor(request, reply, actor, {
          article,
          values: valuesOfArticle(article),
          errors: parsed.errors,
          correction: { errors: sayErrors(t, parsed.errors) ?? {}, values },
          status: 422,
        });
      await addCorrection(ctx.db, {
        articleId: article.id,
        articleTitle: article.title,
        ...parsed.value,
        userId: user.id,
        at: ctx.clock(),
      });
      ctx.contentChanged();
      return reply.redirect(`/admin/articles/${article.id}/edit?notice=corrected#corrections`, 303);
    });

    admin.post('/articles/:id/corrections/:cid/delete', async (request, reply) => {
      const { actor, user, article } = await editable(request);
      if (!canPublish(actor)) throw new AppError('forbidden', t('admin.articles.publish_forbidden'));
      const removed = await removeCorrection(ctx.db, {
        articleId: article.id,
        id: idParam(request, 'cid'),
        userId: user.id,
        at: ctx.clock(),
      });
      if (!removed) throw notFound('Correction');
      ctx.contentChanged();
      return reply.redirect(`/admin/articles/${article.id}/edit?notice=correction_removed#corrections`, 303);
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
