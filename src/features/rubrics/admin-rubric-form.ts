// The staff form for a rubric: validation of the raw fields, pure.
import type { RubricInput } from './rubric.js';

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rubric form's fields as typed. */
export interface RubricFormValues {
  name: string;
  slug: string;
  description: string;
  position: string;
}

/** Reads the raw rubric fields from a form body. */
export function rubricFormValues(form: Record<string, unknown>): RubricFormValues {
  const s = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  return { name: s('name'), slug: s('slug'), description: s('description'), position: s('position') };
}

/** Validates a rubric form; the slug defaults to one made from the name. Uniqueness is checked by the caller. */
export function parseRubricForm(
  v: RubricFormValues,
  slugify: (s: string) => string,
): { ok: true; value: RubricInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = v.name.trim();
  if (!name) errors.name = 'admin.form.name_required';
  else if (name.length > 100) errors.name = 'admin.form.name_long_100';
  const slug = v.slug.trim().toLowerCase() || slugify(name);
  if (!slug && name) errors.slug = 'admin.form.rubric_slug_needed';
  else if (slug && (!SLUG_RE.test(slug) || slug.length > 80)) errors.slug = 'admin.form.slug_invalid_80';
  const description = v.description.trim();
  if (description.length > 1000) errors.description = 'admin.form.description_long';
  const posRaw = v.position.trim();
  const position = posRaw === '' ? 0 : Number(posRaw);
  if (!Number.isInteger(position) || position < 0 || position > 10_000) errors.position = 'admin.form.position';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { name, slug, description, position } };
}
