import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { createContentMemo } from '../../platform/content-memo.js';
import type { Db } from '../../platform/db.js';
import { createPublishingService } from '../articles/publishing-service.js';
import { sql } from 'kysely';
import { articleSearchIndex, languageLexeme } from './search-index-store.js';
import { parseQuery } from './search-query.js';
import { COUNT_CAP, markedToHtml, searchArticles, type SearchFilters } from './search-store.js';

const NOW = new Date('2026-06-01T00:00:00Z');

describe('markedToHtml', () => {
  it('escapes the text and inserts only balanced marks', () => {
    expect(markedToHtml('a <b> \u0002c\u0003 & \u0003d\u0002e')).toBe('a &lt;b&gt; <mark>c</mark> &amp; d<mark>e</mark>');
    expect(markedToHtml('\u0002\u0002x')).toBe('<mark>x</mark>');
  });
});

describe.each(DIALECTS)('search store on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let author: number;
  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
    author = await makeAuthor(db, { slug: 'anna-petrova', name: 'Anna Petrova' });
  });
  afterEach(async () => {
    await close();
  });

  async function search(q: string, filters: SearchFilters = {}, page = 1, now = NOW) {
    return searchArticles(db, { terms: parseQuery(q).terms, filters, now, limit: 10, offset: (page - 1) * 10 });
  }
  const titles = (r: Awaited<ReturnType<typeof search>>) => r.hits.map((h) => h.article.title);

  it('ranks a title match above a body match', async () => {
    await makeArticle(db, {
      title: 'Notes from Central Asia',
      authorIds: [author],
      bodyMd: 'The railway through the steppe was discussed at length.',
      publishedAt: new Date('2026-03-02T00:00:00Z'),
    });
    await makeArticle(db, {
      title: 'The railway to Kashgar',
      authorIds: [author],
      bodyMd: 'A long piece about freight.',
      publishedAt: new Date('2026-03-01T00:00:00Z'),
    });
    const r = await search('railway');
    expect(titles(r)).toEqual(['The railway to Kashgar', 'Notes from Central Asia']);
    expect(r.total).toBe(2);
    expect(r.hits[0].titleHtml).toBe('The <mark>railway</mark> to Kashgar');
  });

  it('finds a Chinese word inside a sentence, marks it, and keeps Russian and English word forms', async () => {
    await makeArticle(db, {
      title: '中吉签署铁路协议',
      slug: 'zhong-ji-tielu',
      language: 'zh',
      authorIds: [author],
      lead: '双方在北京举行会谈。',
      bodyMd: '中国和吉尔吉斯斯坦签署了铁路协议。SCO 秘书处表示欢迎。',
    });
    await makeArticle(db, {
      title: 'Железная дорога через Кыргызстан',
      slug: 'zheleznaya-doroga',
      language: 'ru',
      authorIds: [author],
      bodyMd: 'Стороны подписали соглашение о строительстве железной дороги.',
    });
    await makeArticle(db, { title: 'Railways of the steppe', authorIds: [author], bodyMd: 'Two railways were agreed.' });
    const zh = await search('铁路');
    expect(titles(zh)).toEqual(['中吉签署铁路协议']);
    expect(String(zh.hits[0].titleHtml)).toBe('中吉签署<mark>铁路</mark>协议');
    expect(String(zh.hits[0].snippetHtml)).toContain('签署了<mark>铁路</mark>协议');
    // A word the sentence holds only as part of a longer one is not a match of its own.
    expect(titles(await search('吉尔吉斯斯坦 协议'))).toEqual(['中吉签署铁路协议']);
    expect(titles(await search('sco 铁路'))).toEqual(['中吉签署铁路协议']);
    expect(titles(await search('铁路 railway'))).toEqual([]);
    expect(titles(await search('铁路', { language: 'ru' }))).toEqual([]);
    expect(titles(await search('железная дорога'))).toEqual(['Железная дорога через Кыргызстан']);
    expect(titles(await search('railway'))).toEqual(['Railways of the steppe']);
  });

  it('ranks tag and author matches above body matches', async () => {
    await makeArticle(db, { title: 'Body mention', authorIds: [author], bodyMd: 'Uzbekistan was mentioned once.' });
    await makeArticle(db, { title: 'Tagged piece', authorIds: [author], bodyMd: 'Nothing here.', tagSlugs: ['uzbekistan'] });
    expect(titles(await search('uzbekistan'))).toEqual(['Tagged piece', 'Body mention']);
    expect(titles(await search('petrova'))).toEqual(expect.arrayContaining(['Tagged piece', 'Body mention']));
  });

  it('finds Russian words in other forms', async () => {
    await makeArticle(db, {
      slug: 'ru-1',
      title: 'Итоги недели',
      language: 'ru',
      authorIds: [author],
      bodyMd: 'На переговорах в Астане участники саммита обсудили транзит через территорию Казахстана.',
    });
    for (const q of ['переговоры', 'саммит', 'Казахстан', 'переговорах', 'транзитом']) {
      expect(titles(await search(q)), q).toEqual(['Итоги недели']);
    }
    expect(titles(await search('Узбекистан'))).toEqual([]);
  });

  it('finds English plurals from the singular and back', async () => {
    await makeArticle(db, { title: 'Trade talks', authorIds: [author], bodyMd: 'Several agreements on new railways were signed.' });
    expect(titles(await search('agreement'))).toEqual(['Trade talks']);
    expect(titles(await search('railway'))).toEqual(['Trade talks']);
    expect(titles(await search('railway agreement signing'))).toEqual(['Trade talks']);
    expect(titles(await search('railway ferry'))).toEqual([]);
  });

  it('highlights the matched words in an escaped snippet', async () => {
    await makeArticle(db, {
      title: 'Security notes',
      authorIds: [author],
      bodyMd: 'The page showed `<script>alert(1)</script>` near the word sanctions & more.',
    });
    const r = await search('sanctions');
    const html = r.hits[0].snippetHtml;
    expect(html).toContain('<mark>sanctions</mark>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&amp;');
    expect(html).not.toContain('<script');
    const script = await search('script');
    expect(script.hits[0].snippetHtml).toContain('&lt;<mark>script</mark>&gt;');
  });

  it('shows the lead when only the title matches', async () => {
    await makeArticle(db, {
      title: 'Caspian shipping',
      lead: 'Ports & <ships> on the sea.',
      authorIds: [author],
      bodyMd: 'Freight volumes grew.',
    });
    const r = await search('caspian');
    expect(r.hits[0].snippetHtml).toBe('Ports &amp; &lt;ships&gt; on the sea.');
  });

  it('filters by rubric, author, language and dates', async () => {
    const analysis = await makeRubric(db, { slug: 'analysis' });
    const other = await makeAuthor(db, { slug: 'li-wei', name: 'Li Wei' });
    await makeArticle(db, {
      title: 'Summit one',
      authorIds: [author],
      rubricId: analysis,
      bodyMd: 'summit',
      publishedAt: new Date('2026-01-10T12:00:00Z'),
    });
    await makeArticle(db, {
      title: 'Summit two',
      authorIds: [other],
      language: 'ru',
      bodyMd: 'summit',
      publishedAt: new Date('2026-02-10T12:00:00Z'),
    });
    await makeArticle(db, {
      title: 'Summit three',
      authorIds: [author, other],
      bodyMd: 'summit',
      publishedAt: new Date('2026-03-10T12:00:00Z'),
    });
    expect(titles(await search('summit', { rubricId: analysis }))).toEqual(['Summit one']);
    expect(titles(await search('summit', { authorId: other })).sort()).toEqual(['Summit three', 'Summit two']);
    expect(titles(await search('summit', { language: 'ru' }))).toEqual(['Summit two']);
    expect(titles(await search('summit', { from: '2026-02-01T00:00:00.000Z', before: '2026-03-01T00:00:00.000Z' }))).toEqual([
      'Summit two',
    ]);
    expect(titles(await search('summit', { from: '2026-02-10T12:00:00.000Z' })).sort()).toEqual(['Summit three', 'Summit two']);
    expect((await search('summit', { language: 'zh' })).total).toBe(0);
  });

  it('shows only published articles published by now', async () => {
    await makeArticle(db, { title: 'Draft on tariffs', authorIds: [author], status: 'draft' });
    await makeArticle(db, { title: 'Old tariffs', authorIds: [author], publishedAt: new Date('2026-01-01T00:00:00Z') });
    await makeArticle(db, { title: 'Future tariffs', authorIds: [author], publishedAt: new Date('2026-12-01T00:00:00Z') });
    expect(titles(await search('tariffs'))).toEqual(['Old tariffs']);
    expect(titles(await search('tariffs', {}, 1, new Date('2027-01-01T00:00:00Z'))).sort()).toEqual(['Future tariffs', 'Old tariffs']);
  });

  it('stays current on publish, edit, unpublish and delete', async () => {
    const svc = createPublishingService({
      index: articleSearchIndex,
      db,
      clock: () => new Date('2026-01-15T10:00:00Z'),
      contentChanged: () => undefined,
    });
    const editor = { id: null, role: 'admin' as const };
    const input = {
      title: 'Pipeline diplomacy',
      slug: 'pipeline',
      lead: '',
      bodyMd: 'About gas.',
      language: 'en' as const,
      rubricId: null,
      authorIds: [author],
      tagSlugs: [],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on' as const,
    };
    const id = await svc.save(editor, input, { action: 'draft' });
    expect((await search('pipeline')).total).toBe(0);
    await svc.save(editor, input, { id, action: 'publish' });
    expect(titles(await search('pipeline'))).toEqual(['Pipeline diplomacy']);
    await svc.save(editor, { ...input, title: 'Grid diplomacy', bodyMd: 'About electricity.' }, { id, action: 'publish' });
    expect((await search('pipeline')).total).toBe(0);
    expect(titles(await search('electricity'))).toEqual(['Grid diplomacy']);
    await svc.unpublish(editor, id);
    expect((await search('electricity')).total).toBe(0);
    await svc.save(editor, input, { id, action: 'publish' });
    expect((await search('pipeline')).total).toBe(1);
    await svc.remove(editor, id);
    expect((await search('pipeline')).total).toBe(0);
  });

  /** The ids the index itself files under one language: no article row is read. */
  async function indexedIn(language: string): Promise<number[]> {
    const r =
      dialect === 'postgres'
        ? await sql<{ id: number }>`select article_id as id from article_search
            where document @@ ${`'${languageLexeme(language)}'`}::tsquery order by 1`.execute(db)
        : await sql<{ id: number }>`select rowid as id from article_search where article_search match ${`{language} : "${language}"`}
            order by 1`.execute(db);
    return r.rows.map((x) => Number(x.id));
  }

  it('files each article under its language in the index, through publish, edit and removal', async () => {
    const svc = createPublishingService({ index: articleSearchIndex, db, clock: () => NOW, contentChanged: () => undefined });
    const editor = { id: null, role: 'admin' as const };
    const input = (slug: string, language: 'en' | 'ru', bodyMd: string) => ({
      title: 'Tashkent summit',
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
      commentsMode: 'on' as const,
    });
    const en = await svc.save(editor, input('tashkent-en', 'en', 'Leaders met.'), { action: 'publish' });
    // Newer, and with the word more often: the one a query of every language would meet first.
    const ru = await svc.save(editor, input('tashkent-ru', 'ru', 'Tashkent, Tashkent.'), {
      action: 'publish',
      publishedAt: new Date('2026-05-01T00:00:00Z'),
    });
    expect(await indexedIn('en')).toEqual([en]);
    expect(await indexedIn('ru')).toEqual([ru]);
    expect(await indexedIn('zh')).toEqual([]);
    // An English query does not return the Russian article, nor a Russian one the English.
    expect((await search('tashkent', { language: 'en' })).hits.map((h) => h.article.id)).toEqual([en]);
    expect((await search('tashkent', { language: 'ru' })).hits.map((h) => h.article.id)).toEqual([ru]);
    expect((await search('tashkent')).total).toBe(2);
    // The same through a memo, which leaves out the other languages when they are the fewer articles.
    const terms = parseQuery('tashkent').terms;
    for (const extra of [0, 1, 2]) {
      if (extra) await svc.save(editor, input(`tashkent-en-${extra}`, 'en', 'More.'), { action: 'publish' });
      const memo = createContentMemo({ enabled: true });
      const ids = async (language: string) =>
        (await searchArticles(db, { terms, filters: { language }, now: NOW, limit: 10, offset: 0, memo })).hits.map((h) => h.article.id);
      expect(await ids('en')).not.toContain(ru);
      expect(await ids('en')).toHaveLength(1 + extra);
      expect(await ids('ru')).toEqual([ru]);
      expect(await ids('zh')).toEqual([]);
    }
    // An edit that changes the language moves the article in the index.
    await svc.save(editor, input('tashkent-ru', 'en', 'Tashkent, Tashkent.'), { id: ru, action: 'publish' });
    expect(await indexedIn('en')).toContain(ru);
    expect(await indexedIn('ru')).toEqual([]);
    expect((await search('tashkent', { language: 'ru' })).total).toBe(0);
    await svc.remove(editor, ru);
    expect(await indexedIn('en')).not.toContain(ru);
    expect(await indexedIn('en')).toHaveLength(3);
  });

  it('paginates ten at a time with a total', async () => {
    for (let i = 0; i < 23; i++) {
      await makeArticle(db, {
        title: `Corridor report ${i}`,
        slug: `corridor-${i}`,
        authorIds: [author],
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
      });
    }
    const p1 = await search('corridor');
    const p3 = await search('corridor', {}, 3);
    expect(p1.total).toBe(23);
    expect(p1.capped).toBe(false);
    expect(p1.hits).toHaveLength(10);
    expect(p3.hits).toHaveLength(3);
    // Equal relevance: newest first.
    expect(p1.hits[0].article.title).toBe('Corridor report 22');
    const all = new Set([...p1.hits, ...(await search('corridor', {}, 2)).hits, ...p3.hits].map((h) => h.article.id));
    expect(all.size).toBe(23);
    expect(p1.hits[0].article.authors.map((a) => a.slug)).toEqual(['anna-petrova']);
  });

  it('stops counting at the cap', async () => {
    for (let i = 0; i < 7; i++) await makeArticle(db, { title: `Steppe ${i}`, slug: `steppe-${i}`, authorIds: [author] });
    const r = await searchArticles(db, { terms: parseQuery('steppe').terms, filters: {}, now: NOW, limit: 10, offset: 0, countCap: 5 });
    expect(r).toMatchObject({ total: 6, capped: true });
    expect(r.hits).toHaveLength(7);
    expect(COUNT_CAP).toBe(1000);
  });

  it('ranks only the newest matches when there are very many', async () => {
    await makeArticle(db, { title: 'Oasis chronicle', slug: 'oldest', authorIds: [author], bodyMd: 'A title match, but the oldest.' });
    for (let i = 0; i < 4; i++)
      await makeArticle(db, { title: `Note ${i}`, slug: `note-${i}`, authorIds: [author], bodyMd: 'An oasis in passing.' });
    const all = await searchArticles(db, { terms: parseQuery('oasis').terms, filters: {}, now: NOW, limit: 10, offset: 0 });
    expect(all.hits[0].article.slug).toBe('oldest');
    const windowed = await searchArticles(db, {
      terms: parseQuery('oasis').terms,
      filters: {},
      now: NOW,
      limit: 10,
      offset: 0,
      countCap: 2,
      rankWindow: 3,
    });
    expect(windowed.hits.map((h) => h.article.slug).sort()).toEqual(['note-1', 'note-2', 'note-3']);
    expect(windowed).toMatchObject({ total: 3, capped: true });
  });

  it('finds the newest matches among recent articles first, and older ones when the recent hold too few', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 14; i++) {
      const words = ['steppe', i < 3 ? 'oasis' : '', i === 4 || i === 11 ? 'caravan' : ''].join(' ');
      ids.push(
        await makeArticle(db, {
          title: `Dispatch ${i}`,
          slug: `dispatch-${i}`,
          authorIds: [author],
          bodyMd: words,
          publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        }),
      );
    }
    // A window of two: on PostgreSQL the last eight ids are asked first.
    const newest = async (q: string) =>
      (
        await searchArticles(db, {
          terms: parseQuery(q).terms,
          filters: { language: 'en' },
          now: NOW,
          limit: 10,
          offset: 0,
          countCap: 1,
          rankWindow: 2,
        })
      ).hits
        .map((h) => h.article.id)
        .sort((a, b) => b - a);
    expect(await newest('steppe')).toEqual([ids[13], ids[12]]);
    expect(await newest('oasis')).toEqual([ids[2], ids[1]]);
    expect(await newest('caravan')).toEqual([ids[11], ids[4]]);
    expect(await newest('caravan oasis')).toEqual([]);
  });

  it('puts headline matches first, then the newest, when the matches fill the ranking window', async () => {
    await makeArticle(db, { title: 'Note 0', slug: 'note-0', authorIds: [author], bodyMd: 'An oasis in passing.' });
    await makeArticle(db, { title: 'Oasis report', slug: 'headline', authorIds: [author], bodyMd: 'The oasis again.' });
    for (let i = 1; i <= 2; i++)
      await makeArticle(db, { title: `Note ${i}`, slug: `note-${i}`, authorIds: [author], bodyMd: 'An oasis in passing.' });
    const r = await searchArticles(db, {
      terms: parseQuery('oasis').terms,
      filters: {},
      now: NOW,
      limit: 10,
      offset: 0,
      countCap: 2,
      rankWindow: 3,
    });
    expect(r.hits.map((h) => h.article.slug)).toEqual(['headline', 'note-2', 'note-1']);
    expect(r).toMatchObject({ total: 3, capped: true });
  });

  it('orders a window of more titles than are read at a time: headline matches first, on every page', async () => {
    // 132 matches, newest last: headline matches at 15 and 16 (old) and at 120 to 131 (new), by publication date.
    const slugs: string[] = [];
    for (let i = 0; i < 132; i++) {
      const headline = i === 15 || i === 16 || i >= 120;
      const slug = `${headline ? 'headline' : 'note'}-${i}`;
      slugs.push(slug);
      await makeArticle(db, {
        title: headline ? `Caravan ${i}` : `Note ${i}`,
        slug,
        authorIds: [author],
        bodyMd: 'A caravan in passing.',
        publishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      });
    }
    const page = async (n: number) =>
      (
        await searchArticles(db, {
          terms: parseQuery('caravan').terms,
          filters: {},
          now: NOW,
          limit: 10,
          offset: (n - 1) * 10,
          countCap: 119,
          rankWindow: 120,
        })
      ).hits.map((h) => h.article.slug);
    // The window is the newest 120: 12 new headline matches, 2 old ones, then the rest newest first.
    const window = slugs.slice(12).reverse();
    const expected = [...window.filter((x) => x.startsWith('headline')), ...window.filter((x) => x.startsWith('note'))];
    expect(expected.slice(0, 14)).toEqual([...slugs.slice(120).reverse(), 'headline-16', 'headline-15']);
    expect(await page(1)).toEqual(expected.slice(0, 10));
    expect(await page(2)).toEqual(expected.slice(10, 20));
    expect(await page(12)).toEqual(expected.slice(110, 120));
  });

  it('finds a rare word’s best match first among many matches of a common word', async () => {
    // Many articles share the common word, more than the ranking window; the rare word is in a few of them,
    // in the title of the oldest.
    await makeArticle(db, {
      title: 'The caravanserai at the oasis',
      slug: 'caravanserai',
      authorIds: [author],
      bodyMd: 'An oasis on the old road.',
      publishedAt: new Date('2026-01-01T00:00:00Z'),
    });
    for (let i = 0; i < 12; i++)
      await makeArticle(db, {
        title: `Oasis note ${i}`,
        slug: `oasis-${i}`,
        authorIds: [author],
        bodyMd: i % 5 === 0 ? 'An oasis, and the caravanserais beside it.' : 'An oasis in passing.',
        publishedAt: new Date(Date.UTC(2026, 1, 1 + i)),
      });
    const opts = { filters: {}, now: NOW, limit: 10, offset: 0, countCap: 5, rankWindow: 6 };
    const common = await searchArticles(db, { ...opts, terms: parseQuery('oasis').terms });
    expect(common).toMatchObject({ total: 6, capped: true });
    for (const q of ['caravanserai', 'caravanserai oasis', 'oasis caravanserai']) {
      const r = await searchArticles(db, { ...opts, terms: parseQuery(q).terms });
      expect(r.hits[0]?.article.slug, q).toBe('caravanserai');
      expect(r.hits.map((h) => h.article.slug).sort(), q).toEqual(['caravanserai', 'oasis-0', 'oasis-10', 'oasis-5']);
    }
  });

  it('finds the same through a shared memo, and nothing for a prefix no word starts with', async () => {
    for (let i = 0; i < 4; i++)
      await makeArticle(db, {
        title: `Railway ${i}`,
        slug: `railway-${i}`,
        authorIds: [author],
        bodyMd: i % 2 ? 'The railways were built.' : 'A railwayman spoke.',
      });
    const memo = createContentMemo({ enabled: true });
    for (const q of ['railway', 'railways', 'railwayman', 'rail', 'railwaymen', 'zzzyx']) {
      const plain = await search(q);
      const shared = await searchArticles(db, { terms: parseQuery(q).terms, filters: {}, now: NOW, limit: 10, offset: 0, memo });
      expect(titles(shared), q).toEqual(titles(plain));
      expect(shared.total, q).toBe(plain.total);
    }
    expect(titles(await search('railway'))).toHaveLength(4);
    expect(titles(await search('zzzyx'))).toEqual([]);
  });

  it('returns nothing for no terms', async () => {
    await makeArticle(db, { title: 'Anything', authorIds: [author] });
    expect(await search('"*()')).toEqual({ hits: [], total: 0, capped: false });
  });
});
