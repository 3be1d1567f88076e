// Dossiers in each edition: names as that language's articles write them, each fact's sentence from the version
// of its article in the reader's language, and the original sentence marked with its language where there is none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeAuthor } from '../../../test/factories.js';
import type { ArticleInput } from '../articles/article.js';
import { linkTranslation } from '../articles/translation-store.js';
import { extractArticle } from './dossier-service.js';
import { VISIT_BODY } from './test-fixtures.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const ADMIN = { id: null, role: 'admin' as const };

const RU_VISIT =
  'Президент Узбекистана Шавкат Мирзиёев прибыл в Астану с государственным визитом по приглашению Президента Казахстана Касым-Жомарта Токаева.';
const RU_BODY = [`АСТАНА, 14 мая. ${RU_VISIT}`, '', 'Мирзиёев провёл переговоры с Токаевым в узком и расширенном составе.'].join('\n');

describe.each(DIALECTS)('dossiers in each edition on %s', (dialect) => {
  let app: TestApp;
  let author: number;
  beforeEach(async () => {
    app = await testApp(dialect, { pageCache: false }, { clock: () => NOW });
    author = await makeAuthor(app.ctx.db, { slug: 'desk' });
  });
  afterEach(async () => {
    await app.close();
  });

  async function publish(slug: string, title: string, bodyMd: string, language: ArticleInput['language']): Promise<number> {
    const input: ArticleInput = {
      title,
      slug,
      lead: '',
      bodyMd,
      language,
      rubricId: null,
      authorIds: [author],
      tagSlugs: [],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on',
    };
    const id = await app.ctx.publishing.save(ADMIN, input, { action: 'publish', publishedAt: new Date('2024-05-14T08:00:00Z') });
    await app.ctx.jobs.runDue();
    return id;
  }
  const get = (url: string) => app.server.inject({ method: 'GET', url });
  const timeline = (body: string) => body.slice(body.indexOf('id="timeline-title"'), body.indexOf('class="dossier-aside"'));

  async function twoVersions() {
    const en = await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, 'en');
    const ru = await publish('soyuz', 'Ташкент и Астана углубляют союз', RU_BODY, 'ru');
    expect(await linkTranslation(app.ctx.db, ru, en)).toBeUndefined();
    return { en, ru };
  }

  it('names entities as the edition’s articles write them, and quotes the version in the reader’s language', async () => {
    await twoVersions();
    const res = await get('/ru/dossiers/country/kz');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ru"');
    expect(res.body).toMatch(/<h1>Казахстан<\/h1>/);
    const facts = timeline(res.body);
    expect(facts).toContain('Шавкат Мирзиёев');
    expect(facts).toContain(RU_VISIT);
    // The English version states the same visit: it is shown once, in Russian, citing the Russian article.
    expect(facts).not.toContain('arrived in Astana on Tuesday');
    expect(facts).toMatch(/href="\/articles\/soyuz#evidence-\d+">Источник: Ташкент и Астана углубляют союз<\/a>/);
    // The English article's other facts (the trade figure the Russian text lacks) keep their sentence, marked English.
    expect(facts).toMatch(/<blockquote class="fact-evidence" lang="en"><p>Trade between Uzbekistan and Kazakhstan reached/);
    expect(facts).toMatch(/hreflang="en">Источник: <span lang="en">Tashkent and Astana deepen their alliance<\/span><\/a>/);
    // Dossier links stay in the edition.
    expect(facts).toContain('href="/ru/dossiers/person/shavkat-mirziyoyev"');
  });

  it('marks a trade figure’s source with its language where the edition speaks another, as the timeline does', async () => {
    await twoVersions();
    const chart = (body: string) => {
      const at = body.indexOf('class="trade-chart"');
      expect(at).toBeGreaterThan(0);
      return body.slice(at, body.indexOf('</figure>', at));
    };
    // The Russian edition's chart cites the English report (no Russian version states the figure).
    expect(chart((await get('/ru/dossiers/country/kz')).body)).toMatch(
      /<a href="\/articles\/alliance#evidence-\d+" hreflang="en" lang="en">Tashkent and Astana deepen their alliance<\/a>/,
    );
    // In the article's own language there is nothing to mark.
    const en = chart((await get('/dossiers/country/kz')).body);
    expect(en).toMatch(/<a href="\/articles\/alliance#evidence-\d+">Tashkent and Astana deepen their alliance<\/a>/);
    expect(en).not.toContain('hreflang');
  });

  it('asks for the facts of versions in the reader’s language only where an article has such a version', async () => {
    const queries: string[] = [];
    await app.close();
    app = await testApp(dialect, { pageCache: false }, { clock: () => NOW, onQuery: (q) => queries.push(q) });
    author = await makeAuthor(app.ctx.db, { slug: 'desk' });
    const versionReads = () => queries.filter((q) => /"articles"\."translation_group" in \(/.test(q));
    const ru = await publish('soyuz', 'Ташкент и Астана углубляют союз', RU_BODY, 'ru');
    queries.length = 0;
    const alone = await get('/dossiers/country/kz');
    expect(timeline(alone.body)).toContain(RU_VISIT);
    expect(versionReads()).toEqual([]);

    const en = await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, 'en');
    expect(await linkTranslation(app.ctx.db, ru, en)).toBeUndefined();
    app.ctx.contentChanged();
    queries.length = 0;
    const linked = await get('/dossiers/country/kz');
    expect(timeline(linked.body)).toContain('arrived in Astana on Tuesday');
    expect(timeline(linked.body)).not.toContain(RU_VISIT);
    expect(versionReads()).toHaveLength(1);
  });

  it('keeps English names and sentences at the root, and falls back to a country’s name in Chinese', async () => {
    await twoVersions();
    const en = await get('/dossiers/country/kz');
    expect(en.body).toMatch(/<h1>Kazakhstan<\/h1>/);
    expect(timeline(en.body)).toContain('arrived in Astana on Tuesday');
    expect(timeline(en.body)).not.toContain(RU_VISIT);
    expect(timeline(en.body)).not.toContain('lang="ru"');

    const zh = await get('/zh/dossiers/country/kz');
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('<html lang="zh"');
    // No Chinese article names Kazakhstan: Intl's name; no Chinese version: the original English sentence, marked.
    expect(zh.body).toMatch(/<h1>哈萨克斯坦<\/h1>/);
    expect(timeline(zh.body)).toMatch(/<blockquote class="fact-evidence" lang="en"><p>ASTANA, May 14|lang="en"><p>Uzbek President/);
    expect(timeline(zh.body)).not.toContain(RU_VISIT);
    expect(timeline(zh.body)).toContain('US$44亿');
    // No Chinese article names the Uzbek president either: the engine's register gives his Chinese name.
    expect(timeline(zh.body)).toContain('>沙夫卡特·米尔济约耶夫</a>');
  });

  it('lets an article’s name replace a register’s, never the other way round', async () => {
    const en = await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, 'en');
    const row = () =>
      app.ctx.db
        .selectFrom('entity_names')
        .select(['name', 'from_article'])
        .where('entity_id', '=', 'person:shavkat-mirziyoyev')
        .where('language', '=', 'ru')
        .executeTakeFirst();
    expect(await row()).toEqual({ name: 'Шавкат Мирзиёев', from_article: 0 });
    await app.ctx.db.updateTable('entity_names').set({ name: 'Ш. Мирзиёев' }).where('language', '=', 'ru').execute();
    await publish('soyuz', 'Ташкент и Астана углубляют союз', RU_BODY, 'ru');
    expect(await row()).toEqual({ name: 'Шавкат Мирзиёев', from_article: 1 });
    // Re-extracting the English article leaves the Russian article's name alone.
    await app.ctx.db.updateTable('entity_names').set({ name: 'Шавкат Мирзиёев (статья)' }).where('language', '=', 'ru').execute();
    await extractArticle(app.ctx.db, en, { now: NOW });
    expect(await row()).toEqual({ name: 'Шавкат Мирзиёев (статья)', from_article: 1 });
  });

  it('names an organisation in Russian and Chinese from the engine’s lists before any article in those languages does', async () => {
    await publish(
      'sco-summit',
      'SCO leaders meet in Astana',
      'ASTANA, July 4 — The Shanghai Cooperation Organization held its summit in Astana on Thursday, and its members signed the Astana Declaration.',
      'en',
    );
    const names = await app.ctx.db
      .selectFrom('entity_names')
      .select(['language', 'name', 'from_article'])
      .where('entity_id', '=', 'org:sco')
      .orderBy('language')
      .execute();
    expect(names).toEqual([
      { language: 'ru', name: 'Шанхайская организация сотрудничества', from_article: 0 },
      { language: 'zh', name: '上海合作组织', from_article: 0 },
    ]);
    expect((await get('/zh/dossiers/org/sco')).body).toMatch(/<h1>上海合作组织<\/h1>/);
    expect((await get('/dossiers/org/sco')).body).toMatch(/<h1>Shanghai Cooperation Organization<\/h1>/);
  });

  it('carries hreflang alternates and a switcher to the same dossier in each edition', async () => {
    await twoVersions();
    const res = await get('/ru/dossiers/country/kz');
    expect(res.body).toContain(`<link rel="alternate" hreflang="en" href="${app.ctx.config.baseUrl}/dossiers/country/kz"/>`);
    expect(res.body).toContain(`hreflang="zh" href="${app.ctx.config.baseUrl}/zh/dossiers/country/kz"`);
    expect(res.body).toContain(`hreflang="x-default" href="${app.ctx.config.baseUrl}/dossiers/country/kz"`);
    expect(res.body).toMatch(/<nav class="editions"[^>]*>[\s\S]*href="\/zh\/dossiers\/country\/kz" hreflang="zh"/);
    expect(res.body).toContain(`<link rel="canonical" href="${app.ctx.config.baseUrl}/ru/dossiers/country/kz"`);
    const upper = await get('/ru/dossiers/country/KZ');
    expect(upper.statusCode).toBe(301);
    expect(upper.headers.location).toBe('/ru/dossiers/country/kz');
    const pair = await get('/ru/dossiers/pair/uz/kz');
    expect(pair.statusCode).toBe(301);
    expect(pair.headers.location).toBe('/ru/dossiers/pair/kz/uz');
    const ok = await get('/ru/dossiers/pair/kz/uz');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Казахстан');
    expect(ok.body).toContain('Узбекистан');
    expect((await get('/zh/dossiers/country/zz')).statusCode).toBe(404);
  });

  it('lists and finds dossiers by any of their names, named in the edition’s language', async () => {
    await twoVersions();
    const index = await get('/ru/dossiers');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<a href="/ru/dossiers/country/kz">Казахстан</a>');
    expect(index.body).toContain('action="/ru/dossiers"');
    const byRussian = await get(`/dossiers?q=${encodeURIComponent('Мирзиёев')}`);
    expect(byRussian.body).toContain('<a href="/dossiers/person/shavkat-mirziyoyev">Shavkat Mirziyoyev</a>');
    const inRussian = await get(`/ru/dossiers?q=${encodeURIComponent('Mirziyoyev')}`);
    expect(inRussian.body).toContain('<a href="/ru/dossiers/person/shavkat-mirziyoyev">Шавкат Мирзиёев</a>');
  });

  it('names the facts of a Russian article in Russian on its page, linking to the Russian edition’s dossiers', async () => {
    await twoVersions();
    const res = await get('/articles/soyuz');
    const block = res.body.slice(res.body.indexOf('class="facts-block"'));
    expect(block).toContain('<a href="/ru/dossiers/person/shavkat-mirziyoyev">Шавкат Мирзиёев</a>');
    expect(block).not.toContain('Shavkat Mirziyoyev');
  });
});
