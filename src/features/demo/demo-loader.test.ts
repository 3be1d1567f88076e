import { findTranslationInto } from '../../platform/translation-store.js';
import { listTranslationGroup } from '../articles/translation-store.js';
import { findSettings, listQuestions } from '../events/registration-store.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import type { Db } from '../../platform/db.js';
import { verifyPassword } from '../../platform/passwords.js';
import { findArticleBySlug, listPublishedArticles, countPublishedArticles } from '../articles/article-store.js';
import { findEventBySlug, listEventArticleIds } from '../events/event-store.js';
import { findSetting, findSiteInfo } from '../site/site-store.js';
import { findUserWithHashByEmail } from '../staff/user-store.js';
import { findTagBySlug } from '../tags/tag-store.js';
import { listRubrics } from '../rubrics/rubric-store.js';
import { listCorrections } from '../corrections/correction-store.js';
import { countPublished } from '../comments/comment-store.js';
import { DEMO_LOADED_KEY, loadDemo, type DemoResult } from './demo-loader.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const config = { adminEmail: 'admin@example.org', adminPassword: 'chancery-demo' };

describe.each(DIALECTS)('demo loader on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let result: DemoResult;
  let elapsed: number;
  beforeAll(async () => {
    ({ db, close } = await freshDb(dialect));
    const t0 = performance.now();
    result = await loadDemo({ db, clock: () => NOW, config });
    elapsed = performance.now() - t0;
  });
  afterAll(() => close());

  it('loads the newsroom quickly, with site settings and the demo marker', async () => {
    // A first `npm start` waits for this. About half a second on a quiet machine; the bound leaves room for a
    // shared CI machine running PostgreSQL and other test files at once, and still catches a pathology.
    expect(elapsed).toBeLessThan(5000);
    const site = await findSiteInfo(db, 'http://x');
    expect(site).toMatchObject({ title: 'The Eurasian Desk', language: 'en' });
    // The Russian and Chinese editions describe the newsroom in their own language.
    expect(site.byLanguage.ru?.description).toMatch(/^Аналитика, новости и комментарии/);
    expect(site.byLanguage.zh?.description).toMatch(/^关于中亚/);
    expect(await findSetting(db, DEMO_LOADED_KEY)).toBe(NOW.toISOString());
    expect(result.articles.errors).toEqual([]);
    expect((await listRubrics(db)).map((r) => [r.slug, r.position])).toEqual([
      ['analysis', 1],
      ['news', 2],
      ['economy', 3],
      ['opinion', 4],
      ['interviews', 5],
    ]);
    expect(await findTagBySlug(db, 'sco')).toMatchObject({ name: 'Shanghai Cooperation Organization', type: 'organisation' });
  });

  it('has a Russian and a Chinese edition, the state-visit analysis in all three languages', async () => {
    expect(await countPublishedArticles(db, { now: NOW, language: 'ru' })).toBeGreaterThanOrEqual(6);
    expect(await countPublishedArticles(db, { now: NOW, language: 'zh' })).toBeGreaterThanOrEqual(3);
    expect(result.articles.warnings).toEqual([]);
    const analysis = (await findArticleBySlug(db, 'bishkek-beijing-partnership'))!;
    const group = await listTranslationGroup(db, analysis.id);
    expect(group.map((x) => [x.language, x.slug]).sort()).toEqual([
      ['en', 'bishkek-beijing-partnership'],
      ['ru', 'bishkek-pekin-partnerstvo'],
      ['zh', 'bishkek-beijing-huoban-guanxi'],
    ]);
  });

  it('publishes at least 12 English articles with their original dates and bylines', async () => {
    expect(await countPublishedArticles(db, { now: NOW, language: 'en' })).toBeGreaterThanOrEqual(12);
    const analysis = (await findArticleBySlug(db, 'bishkek-beijing-partnership'))!;
    expect(analysis.rubric?.slug).toBe('analysis');
    expect(analysis.publishedAt).toBe('2025-03-12T09:00:00.000Z');
    expect(analysis.authors).toEqual([
      expect.objectContaining({ slug: 'sergey-saenko', name: 'Sergey Saenko', title: 'International Observer' }),
    ]);
    expect((await findArticleBySlug(db, 'opinion-caspian-summitry'))?.status).toBe('draft');
    expect((await findArticleBySlug(db, 'outlook-eurasian-economy-2027'))?.status).toBe('scheduled');
    const newest = await listPublishedArticles(db, { now: NOW, limit: 1 });
    expect(newest[0].slug).toBe('opinion-rules-not-routes');
  });

  it('creates the demo admin and an editor with the configured password', async () => {
    const admin = (await findUserWithHashByEmail(db, 'admin@example.org'))!;
    expect(admin.role).toBe('admin');
    expect(await verifyPassword('chancery-demo', admin.passwordHash)).toBe(true);
    expect((await findUserWithHashByEmail(db, 'editor@example.org'))?.role).toBe('editor');
    expect(result.adminCreated).toBe(true);
  });

  it('has an event with time to be announced, rendered terms and linked articles', async () => {
    const e = (await findEventBySlug(db, 'greater-eurasia-connectivity-conference'))!;
    expect(e.start).toEqual({ kind: 'tba' });
    expect(e.status).toBe('published');
    expect(e.venue.city).toBe('Sochi');
    expect(String(e.termsHtml)).toContain('<h2>Terms of participation</h2>');
    expect(String(e.programmeHtml)).toContain('<strong>Opening plenary.</strong>');
    expect(await listEventArticleIds(db, e.id)).toHaveLength(4);
    // Registration is open on the conference, with its custom questions.
    expect(await findSettings(db, e.id)).toMatchObject({ enabled: true, capacity: 150, approvalRequired: false });
    expect((await listQuestions(db, e.id)).map((q) => q.kind)).toEqual(['choice', 'text', 'checkbox']);
    // The conference in all three languages: the original in English, Russian and Chinese translations.
    const ru = await findTranslationInto(db, 'event', e.id, 'ru');
    expect(ru.title).toBe('Большая Евразия: коридоры, капитал и сотрудничество');
    expect(ru.terms_md).toContain('## Условия участия');
    expect((await findTranslationInto(db, 'event', e.id, 'zh')).venue_name).toBe('丽笙拉祖尔纳亚酒店');
    // Rubrics, tags and byline titles too.
    const rubric = (await db.selectFrom('rubrics').select('id').where('slug', '=', 'analysis').executeTakeFirstOrThrow()).id;
    expect((await findTranslationInto(db, 'rubric', rubric, 'zh')).name).toBe('分析');
    const roundTable = (await findEventBySlug(db, 'round-table-russia-china-energy-2025'))!;
    expect(roundTable.start).toEqual({ kind: 'datetime', instant: '2025-10-14T07:00:00.000Z' });
  });

  it('carries a correction on one article, added once however often the demo loads', async () => {
    const article = (await findArticleBySlug(db, 'brics-rio-summit'))!;
    const first = await listCorrections(db, article.id);
    expect(first.map((c) => [c.kind, c.notedAt])).toEqual([['correction', '2025-07-09T12:00:00.000Z']]);
    await loadDemo({ db, clock: () => NOW, config });
    expect(await listCorrections(db, article.id)).toHaveLength(1);
  });

  it("has readers' threads in English and Russian on the state-visit analysis, added once", async () => {
    const en = (await findArticleBySlug(db, 'bishkek-beijing-partnership'))!;
    const ru = (await findArticleBySlug(db, 'bishkek-pekin-partnerstvo'))!;
    const thread = (id: number) =>
      db
        .selectFrom('comments')
        .select(['body', 'status', 'parent_id', 'reply_to_name'])
        .where('article_id', '=', id)
        .orderBy('id')
        .execute();
    const [enThread, ruThread] = [await thread(en.id), await thread(ru.id)];
    expect(enThread).toHaveLength(3);
    expect(ruThread).toHaveLength(3);
    expect([...enThread, ...ruThread].every((c) => c.status === 'published')).toBe(true);
    // One reply in each, answering its thread's first comment by name.
    expect(enThread.filter((c) => c.parent_id !== null).map((c) => c.reply_to_name)).toEqual(['Daniyar Kasymov']);
    expect(ruThread.filter((c) => c.parent_id !== null).map((c) => c.reply_to_name)).toEqual(['Айгуль Токтосунова']);
    expect(ruThread[0].body).toMatch(/железной дороге/);
    // The count readers see comes from the tallies the comments keep.
    expect(await countPublished(db, ru.id)).toBe(3);
    await loadDemo({ db, clock: () => NOW, config });
    expect(await thread(en.id)).toHaveLength(3);
    const readers = await db.selectFrom('users').select('email').where('role', '=', 'reader').execute();
    expect(readers).toHaveLength(4);
  });

  it('is safe to load twice: nothing duplicated, articles unchanged', async () => {
    const count = async (t: 'articles' | 'authors' | 'events' | 'users' | 'tags') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      articles: await count('articles'),
      authors: await count('authors'),
      events: await count('events'),
      users: await count('users'),
      tags: await count('tags'),
    };
    const again = await loadDemo({ db, clock: () => NOW, config });
    expect(again.adminCreated).toBe(false);
    expect(again.articles.created).toEqual([]);
    expect(again.articles.updated).toEqual([]);
    expect(again.articles.unchanged.length).toBe(result.articles.created.length);
    expect({
      articles: await count('articles'),
      authors: await count('authors'),
      events: await count('events'),
      users: await count('users'),
      tags: await count('tags'),
    }).toEqual(before);
  });
});
