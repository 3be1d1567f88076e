// The staff form for an author profile: validation of the raw fields, pure.
import type { AuthorInput } from './author-store.js';

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The author form's fields as typed. */
export interface AuthorFormValues {
  name: string;
  slug: string;
  title: string;
  bio: string;
  photoUrl: string;
  userId: string;
}

/** Reads the raw author fields from a form body. */
export function authorFormValues(form: Record<string, unknown>): AuthorFormValues {
  const s = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  return { name: s('name'), slug: s('slug'), title: s('title'), bio: s('bio'), photoUrl: s('photo_url'), userId: s('user_id') };
}

/** Validates an author form; the slug defaults to one made from the name. Uniqueness is checked by the caller. */
export function parseAuthorForm(
  v: AuthorFormValues,
  slugify: (s: string) => string,
): { ok: true; value: AuthorInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = v.name.trim();
  if (!name) errors.name = 'admin.form.name_required';
  else if (name.length > 200) errors.name = 'admin.form.name_long_200';
  const slug = v.slug.trim().toLowerCase() || slugify(name);
  if (!slug && name) errors.slug = 'admin.form.author_slug_needed';
  else if (slug && (!SLUG_RE.test(slug) || slug.length > 120)) errors.slug = 'admin.form.slug_invalid_120';
  const title = v.title.trim();
  if (title.length > 200) errors.title = 'admin.form.byline_long';
  const bio = v.bio.trim();
  if (bio.length > 5000) errors.bio = 'admin.form.bio_long';
  const photoUrl = v.photoUrl.trim();
  if (photoUrl && (!/^(https?:\/\/|\/)[^\s]*$/.test(photoUrl) || photoUrl.length > 2000)) errors.photo_url = 'admin.form.photo_url';
  const userId = v.userId ? Number(v.userId) : null;
  if (v.userId && !(Number.isInteger(userId) && userId! > 0)) errors.user_id = 'admin.form.staff_account';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { name, slug, title, bio, photoUrl, userId } };
}
