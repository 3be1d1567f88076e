// Each rubric's newest published articles, as the front page's sections show them, on every dialect.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { listLatestPerRubric } from './article-store.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const day = (d: number) => new Date(Date.UTC(2026, 0, d, 9));

describe.each(DIALECTS)('latest articles per rubric on %s', (dialect) => {
  it('keeps each rubric to its newest, in its language, without drafts, future pieces or the excluded ones', async () => {
    const seen: { sql: string; parameters: readonly unknown[] }[] = [];
    const { db, close } = await freshDb(dialect, { onQuery: (q, parameters) => seen.push({ sql: q, parameters }) });
    try {
      const a = await makeAuthor(db, { slug: 'observer' });
      const analysis = await makeRubric(db, { slug: 'analysis' });
      const news = await makeRubric(db, { slug: 'news' });
      await makeRubric(db, { slug: 'empty' });
      const ids: Record<string, number> = {};
      for (let d = 1; d <= 5; d++)
        ids[`a${d}`] = await makeArticle(db, { title: `A${d}`, authorIds: [a], rubricId: analysis, publishedAt: day(d) });
      ids.n1 = await makeArticle(db, { title: 'N1', authorIds: [a], rubricId: news, publishedAt: day(2) });
      ids.n2 = await makeArticle(db, { title: 'N2', authorIds: [a], rubricId: news, publishedAt: day(8) });
      await makeArticle(db, { title: 'N draft', authorIds: [a], rubricId: news, status: 'draft' });
      await makeArticle(db, { title: 'N future', authorIds: [a], rubricId: news, publishedAt: new Date('2026-07-01T00:00:00Z') });
      await makeArticle(db, { title: 'N russian', authorIds: [a], rubricId: news, language: 'ru', publishedAt: day(9) });

      seen.length = 0;
      const got = await listLatestPerRubric(db, { now: NOW, language: 'en', perRubric: 3, excludeIds: [ids.a5] });
      if (dialect === 'postgres') {
        // The newest rows are looked up once per rubric, not tested by a subquery run for every article.
        const q = seen.find((x) => x.sql.includes('from "rubrics"'))!;
        const plan = await sql
          .raw(`explain ${q.sql.replace(/\$(\d+)/g, (_, k) => `'${String(q.parameters[Number(k) - 1])}'`)}`)
          .execute(db);
        expect(JSON.stringify(plan.rows)).not.toContain('SubPlan');
      }
      const titles = (id: number) => (got.get(id) ?? []).map((x) => x.title);
      expect(titles(analysis)).toEqual(['A4', 'A3', 'A2']);
      expect(titles(news)).toEqual(['N2', 'N1']);
      expect([...got.keys()].sort()).toEqual([analysis, news].sort());
      expect(got.get(news)![0].authors.map((x) => x.slug)).toEqual(['observer']);
      expect(got.get(news)![0].rubric?.slug).toBe('news');
      const ru = await listLatestPerRubric(db, { now: NOW, language: 'ru', perRubric: 3 });
      expect((ru.get(news) ?? []).map((x) => x.title)).toEqual(['N russian']);
    } finally {
      await close();
    }
  });
});
