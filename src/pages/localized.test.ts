// Rubrics, tags and bylines are translated per language in the admin and shown so in each edition's pages,
// falling back to the original where there is no translation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/db.js';
import { testApp, type TestApp } from '../../test/app.js';
import { makeArticle, makeAuthor, makeRubric } from '../../test/factories.js';
import { findTranslations } from '../platform/translation-store.js';

const NOW = new Date('2026-06-01T10:00:00Z');

describe.each(DIALECTS)('translated rubrics, tags and bylines on %s', (dialect) => {
  let app: TestApp;
  let rubric: number;
  let author: number;
  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const db = app.ctx.db;
    author = await makeAuthor(db, { slug: 'anna', name: 'Anna', title: 'International observer' });
    rubric = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
    const day = (d: number) => new Date(Date.UTC(2026, 4, d));
    await makeArticle(db, {
      slug: 'state-visit',
      title: 'The state visit',
      language: 'en',
      rubricId: rubric,
      authorIds: [author],
      publishedAt: day(3),
    });
    await makeArticle(db, {
      slug: 'gosvizit',
      title: 'Государственный визит',
      language: 'ru',
      rubricId: rubric,
      authorIds: [author],
      tagSlugs: ['railways'],
      publishedAt: day(4),
    });
    await makeArticle(db, { slug: 'tielu', title: '铁路协议', language: 'zh', rubricId: rubric, authorIds: [author], publishedAt: day(5) });
  });
  afterEach(() => app.close());

  type Who = { cookie: string; csrf: string };
  const post = (who: Who, url: string, payload: Record<string, string>) =>
    app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...payload } });

  it('are edited in the admin and shown in the reader’s edition, else as written', async () => {
    const ed = await app.signIn('editor');
    const form = await app.server.inject({ url: `/admin/rubrics/${rubric}/edit`, headers: { cookie: ed.cookie } });
    expect(form.body).toContain('name="tr_ru_name"');
    expect(form.body).toContain('name="tr_zh_description"');
    const saved = await post(ed, `/admin/rubrics/${rubric}/edit`, {
      name: 'Analysis',
      slug: 'analysis',
      description: 'Long reads',
      position: '1',
      tr_ru_name: 'Аналитика',
      tr_ru_description: 'Большие тексты',
      tr_zh_name: '  ',
    });
    expect(saved.statusCode).toBe(303);
    expect(await findTranslations(app.ctx.db, 'rubric', rubric)).toEqual({ ru: { name: 'Аналитика', description: 'Большие тексты' } });
    // The form shows the saved translation again.
    expect((await app.server.inject({ url: `/admin/rubrics/${rubric}/edit`, headers: { cookie: ed.cookie } })).body).toContain(
      'value="Аналитика"',
    );
    expect(
      (
        await post(ed, `/admin/authors/${author}/edit`, {
          name: 'Anna',
          slug: 'anna',
          title: 'International observer',
          tr_ru_title: 'Международный обозреватель',
          tr_zh_title: '国际观察员',
        })
      ).statusCode,
    ).toBe(303);
    const tag = (await app.ctx.db.selectFrom('tags').select('id').where('slug', '=', 'railways').executeTakeFirstOrThrow()).id;
    expect(
      (await post(ed, `/admin/tags/${tag}/edit`, { name: 'railways', slug: 'railways', type: 'topic', tr_ru_name: 'Железные дороги' }))
        .statusCode,
    ).toBe(303);

    // The Russian edition: menu, rubric page, teasers.
    const ru = await app.server.inject('/ru/');
    expect(ru.body).toContain('>Аналитика</a>');
    const ruRubric = await app.server.inject('/ru/rubric/analysis');
    expect(ruRubric.body).toContain('Аналитика');
    expect(ruRubric.body).toContain('Большие тексты');
    expect(ruRubric.body).not.toContain('Long reads');
    // A Russian article: its rubric, byline title and tag in Russian.
    const article = await app.server.inject('/articles/gosvizit');
    expect(article.body).toContain('Аналитика');
    expect(article.body).toContain('Международный обозреватель');
    expect(article.body).toContain('Железные дороги');
    expect(article.body).not.toContain('International observer');
    // The Chinese edition has a byline title, no rubric name: it falls back to the original.
    const zh = await app.server.inject('/articles/tielu');
    expect(zh.body).toContain('国际观察员');
    expect(zh.body).toContain('Analysis');
    expect(zh.body).not.toContain('Аналитика');
    // The English edition is as written.
    const en = await app.server.inject('/');
    expect(en.body).toContain('>Analysis</a>');
    expect(en.body).not.toContain('Аналитика');
  });

  it('refuses a translation too long with a 422 and keeps what was typed', async () => {
    const ed = await app.signIn('editor');
    const res = await post(ed, `/admin/tags/new`, {
      name: 'Energy',
      slug: '',
      type: 'topic',
      tr_zh_name: '能'.repeat(201),
      tr_ru_name: 'Энергетика',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="Энергетика"');
    expect(res.body).toContain('at most 200 characters');
  });

  it('are deleted with their subject', async () => {
    const ed = await app.signIn('editor');
    await post(ed, `/admin/rubrics/${rubric}/edit`, {
      name: 'Analysis',
      slug: 'analysis',
      description: '',
      position: '1',
      tr_ru_name: 'Аналитика',
    });
    expect((await post(ed, `/admin/rubrics/${rubric}/delete`, {})).statusCode).toBe(303);
    expect(await findTranslations(app.ctx.db, 'rubric', rubric)).toEqual({});
  });
});
