// Related articles: the most shared tags among each tag's newest published articles, then the same rubric.
import { describe, expect, it } from 'vitest';
import { createContentMemo } from '../../platform/content-memo.js';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { findArticleBySlug, listRelatedArticles } from './article-store.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const day = (d: number) => new Date(Date.UTC(2026, 0, d, 9));

describe.each(DIALECTS)('related articles on %s', (dialect) => {
  it('ranks by shared tags, then newest; leaves out the article itself, drafts and future pieces; fills from the rubric', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      const a = await makeAuthor(db, { slug: 'observer' });
      const rubricId = await makeRubric(db, { slug: 'analysis' });
      await makeArticle(db, {
        title: 'Subject',
        slug: 'subject',
        authorIds: [a],
        tagSlugs: ['china', 'kyrgyzstan', 'railways'],
        publishedAt: day(10),
      });
      await makeArticle(db, {
        title: 'Two shared, older',
        slug: 'two-older',
        authorIds: [a],
        tagSlugs: ['china', 'railways'],
        publishedAt: day(2),
      });
      await makeArticle(db, {
        title: 'Two shared, newer',
        slug: 'two-newer',
        authorIds: [a],
        tagSlugs: ['kyrgyzstan', 'railways'],
        publishedAt: day(3),
      });
      await makeArticle(db, { title: 'One shared', slug: 'one', authorIds: [a], tagSlugs: ['china'], publishedAt: day(4) });
      await makeArticle(db, {
        title: 'Three shared, draft',
        slug: 'draft',
        authorIds: [a],
        tagSlugs: ['china', 'kyrgyzstan', 'railways'],
        status: 'draft',
      });
      await makeArticle(db, {
        title: 'Three shared, future',
        slug: 'future',
        authorIds: [a],
        tagSlugs: ['china', 'kyrgyzstan', 'railways'],
        publishedAt: new Date('2026-07-01T00:00:00Z'),
      });
      await makeArticle(db, { title: 'Same rubric', slug: 'rubric-mate', authorIds: [a], rubricId, publishedAt: day(5) });
      await makeArticle(db, { title: 'Unrelated', slug: 'unrelated', authorIds: [a], tagSlugs: ['arctic'], publishedAt: day(6) });
      const subject = (await findArticleBySlug(db, 'subject'))!;

      const related = await listRelatedArticles(db, subject, NOW);
      expect(related.map((r) => r.slug)).toEqual(['two-newer', 'two-older', 'one']);
      expect(related[0].authors.map((x) => x.slug)).toEqual(['observer']);
      expect((await listRelatedArticles(db, subject, NOW, { limit: 2 })).map((r) => r.slug)).toEqual(['two-newer', 'two-older']);
      expect((await listRelatedArticles(db, subject, NOW, { limit: 1 })).map((r) => r.slug)).toEqual(['two-newer']);

      const withRubric = await listRelatedArticles(
        db,
        { ...subject, rubric: { id: rubricId, slug: 'analysis', name: 'analysis', description: '', position: 0 } },
        NOW,
        { limit: 4 },
      );
      expect(withRubric.map((r) => r.slug)).toEqual(['two-newer', 'two-older', 'one', 'rubric-mate']);
    } finally {
      await close();
    }
  });

  it("keeps to the article's language, from its tags and from its rubric, with a memo or without", async () => {
    const { db, close } = await freshDb(dialect);
    try {
      const a = await makeAuthor(db, { slug: 'observer' });
      const rubricId = await makeRubric(db, { slug: 'analysis' });
      const shared = { authorIds: [a], rubricId, tagSlugs: ['china', 'railways'] };
      await makeArticle(db, { ...shared, title: 'Subject', slug: 'subject', publishedAt: day(1) });
      await makeArticle(db, { ...shared, title: 'English mate', slug: 'english-mate', publishedAt: day(2) });
      // Newer and sharing every tag, but in other languages: never offered to this article's readers.
      await makeArticle(db, { ...shared, title: 'Russian mate', slug: 'russian-mate', language: 'ru', publishedAt: day(3) });
      await makeArticle(db, { ...shared, title: 'Chinese mate', slug: 'chinese-mate', language: 'zh', publishedAt: day(4) });
      await makeArticle(db, { authorIds: [a], rubricId, title: 'Rubric, Russian', slug: 'rubric-ru', language: 'ru', publishedAt: day(5) });
      await makeArticle(db, { authorIds: [a], rubricId, title: 'Rubric, English', slug: 'rubric-en', publishedAt: day(6) });
      const subject = (await findArticleBySlug(db, 'subject'))!;
      const russian = (await findArticleBySlug(db, 'russian-mate'))!;
      const memo = createContentMemo({ enabled: true });
      for (const opts of [{}, { memo }, { memo }]) {
        expect((await listRelatedArticles(db, subject, NOW, opts)).map((r) => r.slug)).toEqual(['english-mate', 'rubric-en']);
        // The same tags' windows, kept per language: the Russian article's readers get the Russian pieces.
        expect((await listRelatedArticles(db, russian, NOW, opts)).map((r) => r.slug)).toEqual(['rubric-ru']);
      }
    } finally {
      await close();
    }
  });

  it('with a memo, reads each tag and teaser once and never shows an article that stopped being public', async () => {
    const { db, close } = await freshDb(dialect);
    try {
      const a = await makeAuthor(db, { slug: 'observer' });
      await makeArticle(db, { title: 'First', slug: 'first', authorIds: [a], tagSlugs: ['china'], publishedAt: day(1) });
      await makeArticle(db, { title: 'Second', slug: 'second', authorIds: [a], tagSlugs: ['china'], publishedAt: day(2) });
      await makeArticle(db, { title: 'Third', slug: 'third', authorIds: [a], tagSlugs: ['china'], publishedAt: day(3) });
      const memo = createContentMemo({ enabled: true });
      const first = (await findArticleBySlug(db, 'first'))!;
      const second = (await findArticleBySlug(db, 'second'))!;
      expect((await listRelatedArticles(db, first, NOW, { memo })).map((r) => r.slug)).toEqual(['third', 'second']);
      // The tag's window and the two teasers.
      expect(memo.size()).toBe(3);
      const again = await listRelatedArticles(db, second, NOW, { memo });
      expect(again.map((r) => r.slug)).toEqual(['third', 'first']);
      expect(again[0].authors.map((x) => x.slug)).toEqual(['observer']);
      // Only the teaser not yet kept was read.
      expect(memo.size()).toBe(4);
      // Unpublished by another instance: this one's window and teaser are stale, the check of who is public is not.
      await db.updateTable('articles').set({ status: 'draft' }).where('slug', '=', 'third').execute();
      expect((await listRelatedArticles(db, first, NOW, { memo })).map((r) => r.slug)).toEqual(['second']);
      // Published again: the kept teaser shows once more; a change of its text shows after the memo is cleared,
      // as every change of content clears it.
      await db.updateTable('articles').set({ status: 'published', title: 'Third, revised' }).where('slug', '=', 'third').execute();
      expect((await listRelatedArticles(db, first, NOW, { memo })).map((r) => r.title)).toEqual(['Third', 'Second']);
      memo.clear();
      expect((await listRelatedArticles(db, first, NOW, { memo })).map((r) => r.title)).toEqual(['Third, revised', 'Second']);
    } finally {
      await close();
    }
  });
});
