// The names backfill: a database whose articles were read before entity names existed gets them back by the
// extraction job the migration queues, without a fact added or lost.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeAuthor } from '../../../test/factories.js';
import type { ArticleInput } from '../../features/articles/article.js';
import { up } from './2026-12-08T0210-entity-names-backfill.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const RU_BODY =
  'АСТАНА, 14 мая. Президент Узбекистана Шавкат Мирзиёев прибыл в Астану с государственным визитом по приглашению Президента Казахстана Касым-Жомарта Токаева.';

describe.each(DIALECTS)('entity names backfill on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect, { pageCache: false }, { clock: () => NOW });
  });
  afterEach(async () => {
    await app.close();
  });

  it('queues each article with facts once, and its job writes the names again', async () => {
    const author = await makeAuthor(app.ctx.db, { slug: 'desk' });
    const input = (slug: string, bodyMd: string): ArticleInput => ({
      title: slug,
      slug,
      lead: '',
      bodyMd,
      language: 'ru',
      rubricId: null,
      authorIds: [author],
      tagSlugs: [],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on',
    });
    const admin = { id: null, role: 'admin' as const };
    const at = { action: 'publish' as const, publishedAt: new Date('2024-05-14T08:00:00Z') };
    const withFacts = await app.ctx.publishing.save(admin, input('vizit', RU_BODY), at);
    await app.ctx.publishing.save(admin, input('bez-faktov', 'Погода в Астане была ясной.'), at);
    await app.ctx.jobs.runDue();

    const db = app.ctx.db;
    const names = async () =>
      (await db.selectFrom('entity_names').select(['entity_id', 'name']).where('language', '=', 'ru').execute()).length;
    const facts = async () => (await db.selectFrom('facts').select('id').execute()).map((f) => f.id).sort();
    const before = { names: await names(), facts: await facts() };
    expect(before.names).toBeGreaterThan(0);
    await sql`delete from entity_names`.execute(db);

    await up(db);
    const queued = await db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'extract-article')
      .where('status', '=', 'pending')
      .execute();
    expect(queued.map((j) => JSON.parse(j.payload))).toEqual([{ articleId: withFacts }]);

    // The migration queues at the real time; this app's clock stands earlier.
    await db.updateTable('jobs').set({ run_at: NOW.toISOString() }).where('status', '=', 'pending').execute();
    await app.ctx.jobs.runDue();
    expect(await names()).toBe(before.names);
    expect(await facts()).toEqual(before.facts);
  });
});
