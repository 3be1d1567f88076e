import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { makeAuthor, makeRubric, makeUser } from '../../../test/factories.js';
import type { Db } from '../../platform/db.js';
import { AppError, ValidationError } from '../../platform/errors.js';
import { createJobRunner } from '../../platform/jobs.js';
import type { ArticleInput } from './article.js';
import { countPublishedArticles, findArticleById, findArticleBySlug, listPublishedArticles } from './article-store.js';
import { createPublishingService, type PublishingService } from './publishing-service.js';
import { articleSearchIndex } from '../search/search-index-store.js';

describe.each(DIALECTS)('publishing service on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let now: Date;
  let svc: PublishingService;
  let changes: number;
  let authorId: number;
  let rubricId: number;
  const admin = { id: null, role: 'admin' as const };
  const input = (over: Partial<ArticleInput> = {}): ArticleInput => ({
    title: 'Bishkek and Beijing sign a railway deal',
    slug: 'railway-deal',
    lead: 'A lead.',
    bodyMd: 'The **railway** will run through the Torugart pass.',
    language: 'en',
    rubricId,
    authorIds: [authorId],
    tagSlugs: ['kyrgyzstan', 'China'],
    coverUrl: '',
    coverCaption: '',
    coverCredit: '',
    commentsMode: 'on',
    ...over,
  });
  const searchCount = async (word: string) => {
    if (dialect === 'postgres')
      return Number(
        (await sql<{ n: number }>`select count(*) as n from article_search where document @@ to_tsquery('simple', ${word})`.execute(db))
          .rows[0].n,
      );
    return Number(
      (await sql<{ n: number }>`select count(*) as n from article_search where article_search match ${word}`.execute(db)).rows[0].n,
    );
  };

  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
    now = new Date('2026-03-01T09:00:00Z');
    changes = 0;
    svc = createPublishingService({
      index: articleSearchIndex,
      db,
      clock: () => now,
      contentChanged: () => {
        changes++;
      },
    });
    authorId = await makeAuthor(db, { slug: 'sergey-saenko', name: 'Sergey Saenko' });
    rubricId = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
  });
  afterEach(() => close());

  it('saves a draft that readers cannot see and the index does not hold', async () => {
    const id = await svc.save(admin, input(), { action: 'draft' });
    const a = await findArticleById(db, id);
    expect(a?.status).toBe('draft');
    expect(a?.bodyHtml).toContain('<strong>railway</strong>');
    expect(a?.tags.map((t) => t.slug).sort()).toEqual(['china', 'kyrgyzstan']);
    expect(await countPublishedArticles(db, { now })).toBe(0);
    expect(await searchCount('torugart')).toBe(0);
    expect(changes).toBe(1);
  });

  it('publishes: listed, indexed, audited; unpublish reverses it', async () => {
    const id = await svc.save(admin, input(), { action: 'publish' });
    expect((await listPublishedArticles(db, { now, limit: 10 })).map((a) => a.id)).toEqual([id]);
    expect(await searchCount('torugart')).toBe(1);
    await svc.unpublish(admin, id);
    expect(await countPublishedArticles(db, { now })).toBe(0);
    expect(await searchCount('torugart')).toBe(0);
    const actions = (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);
    expect(actions).toEqual(['article.publish', 'article.unpublish']);
  });

  it('re-indexes on edit so the old words are gone', async () => {
    const id = await svc.save(admin, input(), { action: 'publish' });
    await svc.save(admin, input({ bodyMd: 'Now about the Irkeshtam crossing.' }), { id, action: 'publish' });
    expect(await searchCount('torugart')).toBe(0);
    expect(await searchCount('irkeshtam')).toBe(1);
  });

  it('rejects a taken slug and a missing author with field messages', async () => {
    await svc.save(admin, input(), { action: 'draft' });
    await expect(svc.save(admin, input({ title: 'Other' }), { action: 'draft' })).rejects.toMatchObject({
      fields: { slug: expect.any(String) },
    });
    await expect(svc.save(admin, input({ slug: 'x', authorIds: [9999] }), { action: 'draft' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('lets authors save only their own drafts and never publish', async () => {
    const author = { id: await makeUser(db, { role: 'author', email: 'a@example.org' }), role: 'author' as const, authorId };
    const id = await svc.save(author, input(), { action: 'draft' });
    await expect(svc.save(author, input(), { id, action: 'publish' })).rejects.toBeInstanceOf(AppError);
    await svc.save(admin, input(), { id, action: 'publish' });
    await expect(svc.save(author, input(), { id, action: 'draft' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('publishes a scheduled article when its job runs, even from a new runner (after a restart)', async () => {
    const id = await svc.save(admin, input(), { action: 'schedule', scheduleAt: new Date('2026-03-02T08:00:00Z') });
    expect((await findArticleById(db, id))?.status).toBe('scheduled');
    expect(await countPublishedArticles(db, { now })).toBe(0);
    const log = { error: () => undefined };
    expect(await createJobRunner(db, { 'publish-scheduled': () => svc.publishDue().then(() => undefined) }, () => now, log).runDue()).toBe(
      0,
    );
    now = new Date('2026-03-02T08:00:01Z');
    const restarted = createJobRunner(db, { 'publish-scheduled': () => svc.publishDue().then(() => undefined) }, () => now, log);
    expect(await restarted.runDue()).toBe(1);
    const a = await findArticleBySlug(db, 'railway-deal');
    expect(a?.status).toBe('published');
    expect(a?.publishedAt).toBe('2026-03-02T08:00:00.000Z');
    expect(await searchCount('torugart')).toBe(1);
  });

  it('refuses a schedule in the past', async () => {
    await expect(svc.save(admin, input(), { action: 'schedule', scheduleAt: new Date('2020-01-01') })).rejects.toMatchObject({
      fields: { publish_at: expect.any(String) },
    });
  });

  it('deletes an article and its index entry', async () => {
    const id = await svc.save(admin, input(), { action: 'publish' });
    await svc.remove(admin, id);
    expect(await findArticleById(db, id)).toBeUndefined();
    expect(await searchCount('torugart')).toBe(0);
  });
});

describe('imported publication dates', () => {
  it('keeps the given date as both published and updated time', async () => {
    const { db, close } = await freshDb('sqlite');
    try {
      const authorId = await makeAuthor(db, { slug: 'a' });
      const svc = createPublishingService({
        index: articleSearchIndex,
        db,
        clock: () => new Date('2026-11-28T12:00:00Z'),
        contentChanged: () => undefined,
      });
      const id = await svc.save(
        { id: null, role: 'admin' },
        {
          title: 'Old piece',
          slug: 'old-piece',
          lead: '',
          bodyMd: 'Text.',
          language: 'en',
          rubricId: null,
          authorIds: [authorId],
          tagSlugs: [],
          coverUrl: '',
          coverCaption: '',
          coverCredit: '',
          commentsMode: 'on',
        },
        { action: 'publish', publishedAt: new Date('2025-03-12T09:00:00Z') },
      );
      const a = await findArticleById(db, id);
      expect(a?.publishedAt).toBe('2025-03-12T09:00:00.000Z');
      expect(a?.updatedAt).toBe('2025-03-12T09:00:00.000Z');
    } finally {
      await close();
    }
  });
});
