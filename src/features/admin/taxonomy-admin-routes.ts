// Staff pages for authors, rubrics and tags: list, create, edit, delete with confirmation.
import { messageKey, sayErrors } from '../../platform/i18n/index.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { inTransaction, type Db } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { formOf } from '../../platform/forms.js';
import type { AppCtx } from '../../platform/app-context.js';
import { insertAudit } from '../audit/audit-store.js';
import { authorFormValues, parseAuthorForm, type AuthorFormValues } from '../authors/admin-author-form.js';
import type { Author } from '../authors/author.js';
import {
  deleteAuthor,
  findAuthorById,
  findAuthorBySlug,
  findAuthorByUserId,
  insertAuthor,
  listAuthors,
  updateAuthor,
  type AuthorInput,
} from '../authors/author-store.js';
import { parseRubricForm, rubricFormValues, type RubricFormValues } from '../rubrics/admin-rubric-form.js';
import { deleteRubric, findRubricById, findRubricBySlug, insertRubric, listRubrics, updateRubric } from '../rubrics/rubric-store.js';
import type { Rubric, RubricInput } from '../rubrics/rubric.js';
import { listUsers } from '../staff/user-store.js';
import { parseTagForm, tagFormValues, type TagFormValues } from '../tags/admin-tag-form.js';
import { countArticlesPerTag, findTagById } from '../tags/admin-tag-store.js';
import { deleteTag, findTagBySlug, insertTag, listTags, slugify, updateTag } from '../tags/tag-store.js';
import type { Tag, TagInput } from '../tags/tag.js';
import { adminScope, AREA_ROLES, formToken, requireRole } from '../../platform/admin-scope.js';
import { idParam, queryParam, sendAdminPage } from '../../platform/admin-page.js';
import {
  deleteTranslations,
  findTranslations,
  saveTranslations,
  type TranslationSubject,
  type Translations,
} from '../../platform/translation-store.js';
import { readTranslations, type TranslatableField } from '../../platform/ui/translation-fields.js';
import { ConfirmDeletePage } from './views/confirm-page.js';
import { AuthorForm, RubricForm, TagForm, TaxonomyList } from './views/taxonomy-pages.js';
import { findUserById } from '../staff/user-store.js';

type Parsed<I> = { ok: true; value: I } | { ok: false; errors: Record<string, string> };
type FormProps<V> = {
  csrf: string;
  action: string;
  values: V;
  errors?: Record<string, string>;
  deleteHref?: string;
  notice?: string;
  localized: { fields: TranslatableField[]; values: Translations };
};

/** One kind of taxonomy, described once; the routes below are the same for each. */
interface Kind<E extends { id: number; slug: string; name: string }, V, I extends { slug: string }> {
  path: 'authors' | 'rubrics' | 'tags';
  /** Audit subject type and action prefix, and the subject of its translations. */
  subject: TranslationSubject;
  /** The fields a newsroom translates into each language (the original stays in the subject's own row). */
  translatable: TranslatableField[];
  empty: V;
  valuesOf(e: E): V;
  valuesFromForm(form: Record<string, unknown>): V;
  parse(v: V): Parsed<I>;
  find(id: number): Promise<E | undefined>;
  findBySlug(slug: string): Promise<{ id: number } | undefined>;
  /** Extra checks that need the database, e.g. a staff account linked to two authors. */
  check?(input: I, id: number | undefined): Promise<Record<string, string>>;
  insert(tx: Db, input: I): Promise<number>;
  update(tx: Db, id: number, input: I): Promise<void>;
  remove(tx: Db, id: number): Promise<void>;
  form(p: FormProps<V>): Promise<VNode>;
  list(): Promise<{ columns: string[]; rows: { href: string; label: string; cells: string[] }[] }>;
}

/** Registers /admin/authors, /admin/rubrics and /admin/tags. */
export function registerTaxonomyAdminRoutes(app: FastifyInstance, ctx: AppCtx): void {
  const { t, db } = ctx;
  const now = () => ctx.clock();

  const authors: Kind<Author, AuthorFormValues, AuthorInput> = {
    path: 'authors',
    subject: 'author',
    translatable: [{ field: 'title', label: 'admin.authors.byline_title', max: 200 }],
    empty: { name: '', slug: '', title: '', bio: '', photoUrl: '', userId: '' },
    valuesOf: (a) => ({
      name: a.name,
      slug: a.slug,
      title: a.title,
      bio: a.bio,
      photoUrl: a.photoUrl,
      userId: a.userId ? String(a.userId) : '',
    }),
    valuesFromForm: authorFormValues,
    parse: (v) => parseAuthorForm(v, slugify),
    find: (id) => findAuthorById(db, id),
    findBySlug: (slug) => findAuthorBySlug(db, slug),
    async check(input, id): Promise<Record<string, string>> {
      if (input.userId == null) return {};
      const user = await findUserById(db, input.userId);
      if (!user || user.role === 'reader') return { user_id: t('admin.authors.account_missing') };
      const other = await findAuthorByUserId(db, input.userId);
      return other && other.id !== id ? { user_id: t('admin.authors.account_taken', { name: other.name }) } : {};
    },
    insert: (tx, input) => insertAuthor(tx, input, now()),
    update: (tx, id, input) => updateAuthor(tx, id, input),
    remove: (tx, id) => deleteAuthor(tx, id),
    async form(p) {
      const staff = await listUsers(db);
      return AuthorForm({ t, ...p, staff: staff.map((u) => ({ id: u.id, name: u.name, email: u.email })) });
    },
    async list() {
      const rows = await listAuthors(db);
      return {
        columns: [t('admin.field.name'), t('admin.field.slug'), t('admin.authors.byline_title')],
        rows: rows.map((a) => ({ href: `/admin/authors/${a.id}/edit`, label: a.name, cells: [a.slug, a.title] })),
      };
    },
  };

  const rubrics: Kind<Rubric, RubricFormValues, RubricInput> = {
    path: 'rubrics',
    subject: 'rubric',
    translatable: [
      { field: 'name', label: 'admin.field.name', max: 100 },
      { field: 'description', label: 'admin.rubrics.description', max: 1000, multiline: true },
    ],
    empty: { name: '', slug: '', description: '', position: '0' },
    valuesOf: (r) => ({ name: r.name, slug: r.slug, description: r.description, position: String(r.position) }),
    valuesFromForm: rubricFormValues,
    parse: (v) => parseRubricForm(v, slugify),
    find: (id) => findRubricById(db, id),
    findBySlug: (slug) => findRubricBySlug(db, slug),
    insert: (tx, input) => insertRubric(tx, input),
    update: (tx, id, input) => updateRubric(tx, id, input),
    remove: (tx, id) => deleteRubric(tx, id),
    form: async (p) => RubricForm({ t, ...p }),
    async list() {
      const rows = await listRubrics(db);
      return {
        columns: [t('admin.field.name'), t('admin.field.slug'), t('admin.rubrics.position')],
        rows: rows.map((r) => ({ href: `/admin/rubrics/${r.id}/edit`, label: r.name, cells: [r.slug, String(r.position)] })),
      };
    },
  };

  const tags: Kind<Tag, TagFormValues, TagInput> = {
    path: 'tags',
    subject: 'tag',
    translatable: [{ field: 'name', label: 'admin.field.name', max: 200 }],
    empty: { name: '', slug: '', type: 'topic' },
    valuesOf: (x) => ({ name: x.name, slug: x.slug, type: x.type }),
    valuesFromForm: tagFormValues,
    parse: (v) => parseTagForm(v, slugify),
    find: (id) => findTagById(db, id),
    findBySlug: (slug) => findTagBySlug(db, slug),
    insert: (tx, input) => insertTag(tx, input),
    update: (tx, id, input) => updateTag(tx, id, input),
    remove: (tx, id) => deleteTag(tx, id),
    form: async (p) => TagForm({ t, ...p }),
    async list() {
      const [rows, counts] = await Promise.all([listTags(db), countArticlesPerTag(db)]);
      return {
        columns: [t('admin.field.name'), t('admin.field.slug'), t('admin.tags.type'), t('admin.tags.articles')],
        rows: rows.map((x) => ({
          href: `/admin/tags/${x.id}/edit`,
          label: x.name,
          cells: [x.slug, t(`tag.type.${x.type}`), String(counts.get(x.id) ?? 0)],
        })),
      };
    },
  };

  adminScope(app, ctx, (admin) => {
    for (const kind of [authors, rubrics, tags] as Kind<{ id: number; slug: string; name: string }, unknown, { slug: string }>[])
      register(admin, kind);
  });

  function register<E extends { id: number; slug: string; name: string }, V, I extends { slug: string }>(
    admin: FastifyInstance,
    k: Kind<E, V, I>,
  ) {
    const base = `/admin/${k.path}`;
    const title = (key: string, vars?: Record<string, string>) => t(messageKey(`admin.${k.path}.${key}`), vars);
    const notice = (request: FastifyRequest) => {
      const n = queryParam(request, 'notice');
      return ['saved', 'created', 'deleted'].includes(n) ? t(messageKey(`admin.notice.${n}`)) : undefined;
    };
    const guard = (request: FastifyRequest) => requireRole(request, AREA_ROLES.taxonomy);
    const load = async (request: FastifyRequest) => {
      const e = await k.find(idParam(request));
      if (!e) throw notFound();
      return e;
    };

    async function showForm(
      request: FastifyRequest,
      reply: FastifyReply,
      e: E | undefined,
      values: V,
      translations: Translations,
      errors?: Record<string, string>,
    ) {
      const action = e ? `${base}/${e.id}/edit` : `${base}/new`;
      const body = await k.form({
        localized: { fields: k.translatable, values: translations },
        csrf: formToken(ctx, request),
        action,
        values,
        errors: sayErrors(t, errors),
        deleteHref: e && `${base}/${e.id}/delete`,
        notice: notice(request),
      });
      const heading = e ? title('edit', { name: e.name }) : title('new');
      return sendAdminPage(ctx, request, reply, { title: heading, current: k.path, status: errors ? 422 : 200 }, body);
    }

    async function save(request: FastifyRequest, reply: FastifyReply, e: E | undefined) {
      const form = formOf(request);
      const values = k.valuesFromForm(form);
      const localized = readTranslations(t, form, k.translatable);
      const parsed = k.parse(values);
      if (!parsed.ok) return showForm(request, reply, e, values, localized.values, { ...parsed.errors, ...localized.errors });
      const input = parsed.value;
      const owner = await k.findBySlug(input.slug);
      const errors: Record<string, string> = owner && owner.id !== e?.id ? { slug: t('admin.taxonomy.slug_taken') } : {};
      Object.assign(errors, (await k.check?.(input, e?.id)) ?? {}, localized.errors);
      if (Object.keys(errors).length) return showForm(request, reply, e, values, localized.values, errors);
      const user = request.staff!;
      let id: number;
      try {
        id = await inTransaction(db, async (tx) => {
          const id = e ? e.id : await k.insert(tx, input);
          if (e) await k.update(tx, e.id, input);
          await saveTranslations(tx, k.subject, id, localized.values);
          await insertAudit(tx, {
            at: now(),
            userId: user.id,
            action: `${k.subject}.${e ? 'update' : 'create'}`,
            subjectType: k.subject,
            subjectId: id,
            detail: input.slug,
          });
          return id;
        });
      } catch (err) {
        // Two editors saving the same slug at once: the unique index decides, the form explains.
        if (await k.findBySlug(input.slug).then((o) => o && o.id !== e?.id))
          return showForm(request, reply, e, values, localized.values, { slug: t('admin.taxonomy.slug_taken') });
        throw err;
      }
      ctx.contentChanged();
      return reply.redirect(`${base}/${id}/edit?notice=${e ? 'saved' : 'created'}`, 303);
    }

    admin.get(`/${k.path}`, async (request, reply) => {
      guard(request);
      const list = await k.list();
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: title('title'), current: k.path },
        TaxonomyList({
          t,
          ...list,
          newHref: `${base}/new`,
          newLabel: title('new'),
          empty: title('empty'),
          notice: notice(request),
        }),
      );
    });
    admin.get(`/${k.path}/new`, async (request, reply) => {
      guard(request);
      return showForm(request, reply, undefined, k.empty, {});
    });
    admin.post(`/${k.path}/new`, async (request, reply) => {
      guard(request);
      return save(request, reply, undefined);
    });
    admin.get(`/${k.path}/:id/edit`, async (request, reply) => {
      guard(request);
      const e = await load(request);
      return showForm(request, reply, e, k.valuesOf(e), await findTranslations(db, k.subject, e.id));
    });
    admin.post(`/${k.path}/:id/edit`, async (request, reply) => {
      guard(request);
      return save(request, reply, await load(request));
    });
    admin.get(`/${k.path}/:id/delete`, async (request, reply) => {
      guard(request);
      const e = await load(request);
      return sendAdminPage(
        ctx,
        request,
        reply,
        { title: title('delete', { name: e.name }), current: k.path },
        ConfirmDeletePage({
          t,
          csrf: formToken(ctx, request),
          action: `${base}/${e.id}/delete`,
          what: e.name,
          cancel: `${base}/${e.id}/edit`,
          detail: title('delete_detail'),
        }),
      );
    });
    admin.post(`/${k.path}/:id/delete`, async (request, reply) => {
      const user = guard(request);
      const e = await load(request);
      await inTransaction(db, async (tx) => {
        await k.remove(tx, e.id);
        await deleteTranslations(tx, k.subject, e.id);
        await insertAudit(tx, {
          at: now(),
          userId: user.id,
          action: `${k.subject}.delete`,
          subjectType: k.subject,
          subjectId: e.id,
          detail: `${e.name} (${e.slug})`,
        });
      });
      ctx.contentChanged();
      return reply.redirect(`${base}?notice=deleted`, 303);
    });
  }
}
