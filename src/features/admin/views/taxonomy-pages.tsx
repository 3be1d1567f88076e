// Staff pages for authors, rubrics and tags: a list table and one form each.
import type { ComponentChildren } from 'preact';
import type { T } from '../../../platform/i18n/index.js';
import type { AuthorFormValues } from '../../authors/admin-author-form.js';
import type { RubricFormValues } from '../../rubrics/admin-rubric-form.js';
import type { TagFormValues } from '../../tags/admin-tag-form.js';
import { TAG_TYPES } from '../../tags/tag.js';
import { ErrorSummary, Field, Notice } from '../../../platform/ui/admin-layout.js';
import type { Translations } from '../../../platform/translation-store.js';
import { TranslationFields, type TranslatableField } from '../../../platform/ui/translation-fields.js';

export interface TaxonomyListProps {
  t: T;
  newHref: string;
  newLabel: string;
  columns: string[];
  rows: { href: string; label: string; cells: string[] }[];
  empty: string;
  notice?: string;
}

/** A list of authors, rubrics or tags with a link to each edit form. */
export function TaxonomyList({ t, newHref, newLabel, columns, rows, empty, notice }: TaxonomyListProps) {
  return (
    <>
      <Notice text={notice} />
      <p class="toolbar">
        <a class="button" href={newHref}>
          {newLabel}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row" data-label={columns[0]}>
                    <a href={r.href}>{r.label}</a>
                  </th>
                  {r.cells.map((c, i) => (
                    <td data-label={columns[i + 1]}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="meta">{t('admin.taxonomy.count', { count: rows.length })}</p>
    </>
  );
}

interface FormShell {
  t: T;
  csrf: string;
  action: string;
  errors?: Record<string, string>;
  deleteHref?: string;
  notice?: string;
  localized: { fields: TranslatableField[]; values: Translations };
}

function Shell({ t, csrf, action, errors, deleteHref, notice, localized, children }: FormShell & { children: ComponentChildren }) {
  return (
    <>
      <Notice text={notice} />
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={action} class="stack-form" novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        {children}
        <TranslationFields t={t} fields={localized.fields} values={localized.values} errors={errors} />
        <div class="button-row">
          <button type="submit" class="primary">
            {t('admin.save')}
          </button>
          {deleteHref && (
            <a class="button danger" href={deleteHref}>
              {t('admin.delete')}
            </a>
          )}
        </div>
      </form>
    </>
  );
}

const inv = (errors: Record<string, string> | undefined, k: string) =>
  errors?.[k] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${k}-error` } : {};

/** The author profile form. */
export function AuthorForm(p: FormShell & { values: AuthorFormValues; staff: { id: number; name: string; email: string }[] }) {
  const { t, values: v, errors } = p;
  return (
    <Shell {...p}>
      <Field id="name" label={t('admin.field.name')} error={errors?.name}>
        <input id="name" name="name" type="text" required maxLength={200} value={v.name} {...inv(errors, 'name')} />
      </Field>
      <Field id="slug" label={t('admin.field.slug')} hint={t('admin.field.slug_hint')} error={errors?.slug}>
        <input id="slug" name="slug" type="text" maxLength={120} value={v.slug} autocapitalize="off" {...inv(errors, 'slug')} />
      </Field>
      <Field id="title" label={t('admin.authors.byline_title')} hint={t('admin.authors.byline_hint')} error={errors?.title}>
        <input id="title" name="title" type="text" maxLength={200} value={v.title} {...inv(errors, 'title')} />
      </Field>
      <Field id="bio" label={t('admin.authors.bio')} error={errors?.bio}>
        <textarea id="bio" name="bio" rows={6} maxLength={5000} {...inv(errors, 'bio')}>
          {v.bio}
        </textarea>
      </Field>
      <Field id="photo_url" label={t('admin.authors.photo')} error={errors?.photo_url}>
        <input id="photo_url" name="photo_url" type="url" maxLength={2000} value={v.photoUrl} {...inv(errors, 'photo_url')} />
      </Field>
      <Field id="user_id" label={t('admin.authors.account')} hint={t('admin.authors.account_hint')} error={errors?.user_id}>
        <select id="user_id" name="user_id" {...inv(errors, 'user_id')}>
          <option value="">{t('admin.none')}</option>
          {p.staff.map((u) => (
            <option value={String(u.id)} selected={v.userId === String(u.id)}>{`${u.name} <${u.email}>`}</option>
          ))}
        </select>
      </Field>
    </Shell>
  );
}

/** The rubric form. */
export function RubricForm(p: FormShell & { values: RubricFormValues }) {
  const { t, values: v, errors } = p;
  return (
    <Shell {...p}>
      <Field id="name" label={t('admin.field.name')} error={errors?.name}>
        <input id="name" name="name" type="text" required maxLength={100} value={v.name} {...inv(errors, 'name')} />
      </Field>
      <Field id="slug" label={t('admin.field.slug')} hint={t('admin.field.slug_hint')} error={errors?.slug}>
        <input id="slug" name="slug" type="text" maxLength={80} value={v.slug} autocapitalize="off" {...inv(errors, 'slug')} />
      </Field>
      <Field id="description" label={t('admin.rubrics.description')} error={errors?.description}>
        <textarea id="description" name="description" rows={3} maxLength={1000} {...inv(errors, 'description')}>
          {v.description}
        </textarea>
      </Field>
      <Field id="position" label={t('admin.rubrics.position')} hint={t('admin.rubrics.position_hint')} error={errors?.position}>
        <input
          id="position"
          name="position"
          type="number"
          min={0}
          max={10000}
          step={1}
          inputMode="numeric"
          value={v.position}
          {...inv(errors, 'position')}
        />
      </Field>
    </Shell>
  );
}

/** The tag form. */
export function TagForm(p: FormShell & { values: TagFormValues }) {
  const { t, values: v, errors } = p;
  return (
    <Shell {...p}>
      <Field id="name" label={t('admin.field.name')} error={errors?.name}>
        <input id="name" name="name" type="text" required maxLength={200} value={v.name} {...inv(errors, 'name')} />
      </Field>
      <Field id="slug" label={t('admin.field.slug')} hint={t('admin.field.slug_hint')} error={errors?.slug}>
        <input id="slug" name="slug" type="text" maxLength={80} value={v.slug} autocapitalize="off" {...inv(errors, 'slug')} />
      </Field>
      <Field id="type" label={t('admin.tags.type')} error={errors?.type}>
        <select id="type" name="type" {...inv(errors, 'type')}>
          {TAG_TYPES.map((x) => (
            <option value={x} selected={v.type === x}>
              {t(`tag.type.${x}`)}
            </option>
          ))}
        </select>
      </Field>
    </Shell>
  );
}
