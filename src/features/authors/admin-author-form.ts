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
  if (!name) errors.name = 'A name is required.';
  else if (name.length > 200) errors.name = 'The name is longer than 200 characters.';
  const slug = v.slug.trim().toLowerCase() || slugify(name);
  if (!slug && name) errors.slug = 'Give the author a slug with Latin letters or digits.';
  else if (slug && (!SLUG_RE.test(slug) || slug.length > 120))
    errors.slug = 'Use lowercase letters, digits and single hyphens (at most 120).';
  const title = v.title.trim();
  if (title.length > 200) errors.title = 'The byline title is longer than 200 characters.';
  const bio = v.bio.trim();
  if (bio.length > 5000) errors.bio = 'The biography is longer than 5,000 characters.';
  const photoUrl = v.photoUrl.trim();
  if (photoUrl && (!/^(https?:\/\/|\/)[^\s]*$/.test(photoUrl) || photoUrl.length > 2000))
    errors.photo_url = 'The photo must be an http(s) address or a path on this site.';
  const userId = v.userId ? Number(v.userId) : null;
  if (v.userId && !(Number.isInteger(userId) && userId! > 0)) errors.user_id = 'Choose a staff account from the list.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { name, slug, title, bio, photoUrl, userId } };
}
