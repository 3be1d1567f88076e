// The staff form for a tag: validation of the raw fields, pure.
import { TAG_TYPES, type TagInput, type TagType } from './tag.js';

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The tag form's fields as typed. */
export interface TagFormValues {
  name: string;
  slug: string;
  type: string;
}

/** Reads the raw tag fields from a form body. */
export function tagFormValues(form: Record<string, unknown>): TagFormValues {
  const s = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  return { name: s('name'), slug: s('slug'), type: s('type') || 'topic' };
}

/** Validates a tag form; the slug defaults to one made from the name. Uniqueness is checked by the caller. */
export function parseTagForm(
  v: TagFormValues,
  slugify: (s: string) => string,
): { ok: true; value: TagInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = v.name.trim();
  if (!name) errors.name = 'admin.form.name_required';
  else if (name.length > 200) errors.name = 'admin.form.name_long_200';
  const slug = v.slug.trim().toLowerCase() || slugify(name);
  if (!slug && name) errors.slug = 'admin.form.tag_slug_needed';
  else if (slug && (!SLUG_RE.test(slug) || slug.length > 80)) errors.slug = 'admin.form.slug_invalid_80';
  if (!(TAG_TYPES as string[]).includes(v.type)) errors.type = 'admin.form.tag_type';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { name, slug, type: v.type as TagType } };
}
