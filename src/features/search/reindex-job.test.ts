// On upgrade, Chinese articles indexed before segmentation (a run of Han characters as one word) are
// reindexed by a job the migration queues, so a word inside a sentence finds them.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS, emptyDb } from '../../../test/db.js';
import { migrate, migrateTo } from '../../platform/migrations/index.js';
import { reindexHanJob, REINDEX_HAN_JOB } from './reindex-job.js';
import { parseQuery } from './search-query.js';
import { searchArticles } from './search-store.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const SENTENCE = '中国和吉尔吉斯斯坦签署了铁路协议';

describe.each(DIALECTS)('reindexing Chinese articles on upgrade, on %s', (dialect) => {
  it('queues a job that makes a word inside an old Chinese sentence findable, in batches', async () => {
    const { db, close } = await emptyDb(dialect);
    try {
      await migrateTo(db, '2026-12-07T0100-translations');
      const at = '2026-05-01T00:00:00.000Z';
      const ids: number[] = [];
      for (const [slug, title, language] of [
        ['tielu', SENTENCE, 'zh'],
        ['railways', 'Railways of the steppe', 'en'],
        ['tielu-2', `第二篇：${SENTENCE}`, 'zh'],
      ]) {
        const id = (
          await db
            .insertInto('articles')
            .values({
              slug,
              title,
              lead: '',
              language,
              status: 'published',
              published_at: at,
              updated_at: at,
              created_at: at,
              cover_url: '',
              cover_caption: '',
              cover_credit: '',
              comments_mode: 'on',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        await db
          .insertInto('article_bodies')
          .values({ article_id: id, body_md: title, body_html: `<p>${title}</p>` })
          .execute();
        // As the index held it before: the sentence as one token.
        if (dialect === 'postgres')
          await sql`insert into article_search (article_id, document) values (${id}, to_tsvector('simple', ${title}))`.execute(db);
        else
          await sql`insert into article_search (rowid, title, lead, body, people, tags) values (${id}, ${title}, '', ${title}, '', '')`.execute(
            db,
          );
        ids.push(id);
      }
      const find = async (q: string) =>
        (await searchArticles(db, { terms: parseQuery(q).terms, filters: {}, now: NOW, limit: 10, offset: 0 })).hits.map(
          (h) => h.article.slug,
        );
      expect(await find('铁路')).toEqual([]);

      expect(await migrate(db)).toContain('2026-12-07T0110-reindex-han');
      const queued = await db.selectFrom('jobs').selectAll().where('kind', '=', REINDEX_HAN_JOB).execute();
      expect(queued.map((j) => JSON.parse(j.payload))).toEqual([{ after: 0 }]);

      // A batch of two: the first run reindexes the first two articles and queues the rest.
      const run = reindexHanJob(db, () => NOW, 2);
      await run({ after: 0 });
      expect(await find('铁路')).toEqual(['tielu']);
      const next = await db
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', REINDEX_HAN_JOB)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(next.payload)).toEqual({ after: ids[1] });
      await run({ after: ids[1] });
      expect((await find('铁路')).sort()).toEqual(['tielu', 'tielu-2']);
      // The English article is still found as before.
      expect(await find('steppe')).toEqual(['railways']);
    } finally {
      await close();
    }
  });

  it('queues nothing on a new database', async () => {
    const { db, close } = await emptyDb(dialect);
    try {
      await migrate(db);
      expect(await db.selectFrom('jobs').selectAll().execute()).toEqual([]);
    } finally {
      await close();
    }
  });
});
