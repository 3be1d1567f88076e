// Deterministic builders for test data, written through the stores.
import type { Db } from '../src/platform/db.js';
import { hashPassword } from '../src/platform/passwords.js';
import type { Role } from '../src/platform/session.js';
import { insertAuthor } from '../src/features/authors/author-store.js';
import { insertRubric } from '../src/features/rubrics/rubric-store.js';
import { createPublishingService } from '../src/features/articles/publishing-service.js';
import { articleSearchIndex } from '../src/features/search/search-index-store.js';
import type { ArticleInput } from '../src/features/articles/article.js';

const FIXED = new Date('2026-01-15T10:00:00Z');
let cachedHash: Promise<string> | undefined;

/** A staff or reader account; the password is always "correct horse battery". */
export async function makeUser(db: Db, u: { role: Role; email: string; name?: string }): Promise<number> {
  cachedHash ??= hashPassword('correct horse battery');
  const r = await db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name ?? u.email.split('@')[0],
      role: u.role,
      password_hash: await cachedHash,
      created_at: FIXED.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** An author with a byline title. */
export async function makeAuthor(db: Db, a: { slug: string; name?: string; title?: string; userId?: number }): Promise<number> {
  return insertAuthor(
    db,
    {
      slug: a.slug,
      name: a.name ?? a.slug,
      title: a.title ?? 'International Observer',
      bio: `${a.name ?? a.slug} writes on foreign policy.`,
      photoUrl: '',
      userId: a.userId ?? null,
    },
    FIXED,
  );
}

/** A rubric. */
export async function makeRubric(db: Db, r: { slug: string; name?: string; position?: number }): Promise<number> {
  return insertRubric(db, { slug: r.slug, name: r.name ?? r.slug, description: '', position: r.position ?? 0 });
}

/** An article, published unless told otherwise, through the publishing service (so it is indexed). */
export async function makeArticle(
  db: Db,
  a: Partial<ArticleInput> & { title: string; authorIds: number[]; publishedAt?: Date; status?: 'draft' | 'published' },
): Promise<number> {
  const clock = () => a.publishedAt ?? FIXED;
  const svc = createPublishingService({ index: articleSearchIndex, db, clock, contentChanged: () => undefined });
  const input: ArticleInput = {
    slug:
      a.slug ??
      a.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    lead: '',
    bodyMd: '',
    language: 'en',
    rubricId: null,
    tagSlugs: [],
    coverUrl: '',
    coverCaption: '',
    coverCredit: '',
    commentsMode: 'on',
    ...a,
  };
  return svc.save({ id: null, role: 'admin' }, input, { action: a.status === 'draft' ? 'draft' : 'publish' });
}
