import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { replaceManyTranslations } from '../../platform/translation-store.js';

const NOW = new Date('2026-06-01T12:00:00Z');

describe.each(DIALECTS)('search routes on %s', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const db = app.ctx.db;
    const anna = await makeAuthor(db, { slug: 'anna-petrova', name: 'Anna Petrova' });
    const li = await makeAuthor(db, { slug: 'li-wei', name: 'Li Wei' });
    const analysis = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
    await makeArticle(db, {
      title: 'The railway to Kashgar',
      slug: 'railway-kashgar',
      authorIds: [anna],
      rubricId: analysis,
      bodyMd: 'Freight <b>&</b> agreements.',
      publishedAt: new Date('2026-02-01T09:00:00Z'),
    });
    await makeArticle(db, {
      title: 'Ports of the Caspian',
      slug: 'caspian-ports',
      authorIds: [li],
      bodyMd: 'New railways reach the ports.',
      tagSlugs: ['caspian'],
      publishedAt: new Date('2026-03-01T09:00:00Z'),
    });
    await makeArticle(db, {
      title: 'Итоги переговоров',
      slug: 'itogi',
      language: 'ru',
      authorIds: [anna],
      bodyMd: 'Участники саммита в Астане.',
      publishedAt: new Date('2026-04-01T09:00:00Z'),
    });
    for (let i = 0; i < 12; i++) {
      await makeArticle(db, {
        title: `Corridor brief ${i}`,
        slug: `corridor-${i}`,
        authorIds: [li],
        bodyMd: 'The corridor.',
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
      });
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (url: string) => app.server.inject({ method: 'GET', url });
  const links = (html: string) => [...html.matchAll(/class="search-hit-title"[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);

  it('shows the form and a hint for an empty query', async () => {
    const res = await get('/search');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form class="search-form" action="/search" method="get" role="search">');
    expect(res.body).toContain('<select id="search-rubric" name="rubric">');
    expect(res.body).toContain('<option value="analysis">Analysis</option>');
    expect(res.body).toContain('<option value="li-wei">Li Wei</option>');
    expect(res.body).toContain('<option value="ru">Russian</option>');
    expect(res.body).toContain('type="date" name="from"');
    expect(res.body).toContain('class="search-hint"');
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    expect(links(res.body)).toEqual([]);
  });

  it('finds, ranks and highlights', async () => {
    const res = await get('/search?q=railway');
    expect(res.statusCode).toBe(200);
    expect(links(res.body)).toEqual(['/articles/railway-kashgar', '/articles/caspian-ports']);
    expect(res.body).toContain('2 results for “railway”');
    expect(res.body).toContain('The <mark>railway</mark> to Kashgar');
    expect(res.body).toContain('New <mark>railways</mark> reach the ports');
    expect(res.body).toContain('value="railway"');
  });

  it('finds Russian word forms in the Russian edition, and in every language when asked', async () => {
    const q = encodeURIComponent('переговоры саммит');
    const res = await get(`/ru/search?q=${q}`);
    expect(links(res.body)).toEqual(['/articles/itogi']);
    expect(res.body).toContain('<html lang="ru"');
    expect(res.body).toContain('1 результат по запросу «переговоры саммит»');
    expect(res.body).toContain('<form class="search-form" action="/ru/search"');
    // The English edition at the root searches English unless every language is asked for.
    expect(links((await get(`/search?q=${q}`)).body)).toEqual([]);
    const all = await get(`/search?q=${q}&lang=all`);
    expect(links(all.body)).toEqual(['/articles/itogi']);
    expect(all.body).toContain('1 result for “переговоры саммит”');
    expect(all.body).toContain('<h2 class="search-hit-title" lang="ru">');
    expect(all.body).toContain('<option value="all" selected>');
    // The root edition's language under its prefix leads to the root.
    const prefixed = await get(`/en/search?q=${q}`);
    expect(prefixed.statusCode).toBe(301);
    expect(prefixed.headers.location).toBe(`/search?q=${q}`);
  });

  it('names rubrics in the edition’s language, in the menu and on each hit', async () => {
    const db = app.ctx.db;
    const economy = await makeRubric(db, { slug: 'economy', name: 'Economy' });
    await replaceManyTranslations(db, [{ subject: 'rubric', id: economy, translations: { ru: { name: 'Экономика' } } }]);
    const author = await makeAuthor(db, { slug: 'orlova', name: 'Marina Orlova' });
    await makeArticle(db, {
      title: 'Тарифы на транзит',
      slug: 'tarify',
      language: 'ru',
      rubricId: economy,
      authorIds: [author],
      bodyMd: 'Транзитные тарифы выросли.',
      publishedAt: new Date('2026-04-02T09:00:00Z'),
    });
    app.ctx.contentChanged();
    const res = await get(`/ru/search?q=${encodeURIComponent('тарифы')}`);
    expect(links(res.body)).toEqual(['/articles/tarify']);
    expect(res.body).toContain('<option value="economy">Экономика</option>');
    expect(res.body).toMatch(/<a class="kicker" href="\/ru\/rubric\/economy">Экономика<\/a>/);
    expect(res.body).not.toContain('>Economy<');
    expect((await get('/search?q=tarify')).body).toContain('<option value="economy">Economy</option>');
  });

  it('applies filters from the query string and keeps them in the form', async () => {
    expect(links((await get('/search?q=railway&rubric=analysis')).body)).toEqual(['/articles/railway-kashgar']);
    expect(links((await get('/search?q=railway&author=li-wei')).body)).toEqual(['/articles/caspian-ports']);
    expect(links((await get('/search?q=railway&lang=ru')).body)).toEqual([]);
    const dated = await get('/search?q=railway&from=2026-02-15&to=2026-03-01');
    expect(links(dated.body)).toEqual(['/articles/caspian-ports']);
    expect(dated.body).toContain('name="from" value="2026-02-15"');
    const kept = await get('/search?q=railway&rubric=analysis&lang=en');
    expect(kept.body).toContain('<option value="analysis" selected>Analysis</option>');
    expect(kept.body).toContain('<option value="en" selected>English</option>');
  });

  it('says so when nothing matches, with a way out of the filters', async () => {
    const res = await get('/search?q=railway&lang=zh');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Nothing matches “railway”');
    expect(res.body).toContain('href="/search?q=railway">Search again without filters');
    expect((await get('/search?q=zanzibar')).body).toContain('Nothing matches “zanzibar”');
  });

  it('ignores unknown filters and bad dates with a notice', async () => {
    const res = await get('/search?q=railway&rubric=nope&author=ghost&lang=xx&from=2026-13-45&to=yesterday');
    expect(res.statusCode).toBe(200);
    expect(links(res.body)).toHaveLength(2);
    expect(res.body).toContain('There is no rubric “nope”');
    expect(res.body).toContain('There is no author “ghost”');
    expect(res.body).toContain('We do not publish in “xx”');
    expect(res.body).toContain('“2026-13-45” is not a date');
    expect(res.body).toContain('“yesterday” is not a date');
  });

  it('paginates ten to a page', async () => {
    const p1 = await get('/search?q=corridor');
    expect(links(p1.body)).toHaveLength(10);
    expect(p1.body).toContain('12 results for “corridor”');
    expect(p1.body).toContain('Page 1 of 2');
    expect(p1.body).toContain('rel="next" href="/search?q=corridor&amp;page=2"');
    const p2 = await get('/search?q=corridor&page=2');
    expect(links(p2.body)).toHaveLength(2);
    expect(p2.body).toContain('<ol class="search-results" start="11">');
    expect(new Set([...links(p1.body), ...links(p2.body)]).size).toBe(12);
    const past = await get('/search?q=corridor&page=9');
    expect(past.statusCode).toBe(200);
    expect(past.body).toContain('There are no more results.');
    expect((await get('/search?q=corridor&page=-3')).statusCode).toBe(200);
  });

  it('never fails on hostile input', async () => {
    const hostile = [
      '"',
      '*',
      'NEAR(',
      'a AND OR',
      '"railway',
      'railway"*',
      "'; drop table articles; --",
      '(railway',
      'title:railway',
      '^railway',
      '-railway',
      'railway NOT',
      ':*',
      "'':*",
      '&|!',
      '\u0002\u0003',
      '\u0301',
      '<script>alert(1)</script>',
      'x'.repeat(10_000),
      'раз '.repeat(2500),
    ];
    for (const q of hostile) {
      const res = await get(`/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q.slice(0, 20)).toBe(200);
      expect(res.body).not.toContain('<script>alert');
    }
    expect(links((await get(`/search?q=${encodeURIComponent('"railway')}`)).body)).toHaveLength(2);
    const punct = await get(`/search?q=${encodeURIComponent('"*()')}`);
    expect(punct.body).toContain('class="search-hint"');
    const long = await get(`/search?q=${'x'.repeat(10_000)}`);
    expect(long.body).toContain('shortened to its first 200 characters');
    expect((await get('/search?q=a&q=b&page=x&page=y&rubric[]=1')).statusCode).toBe(200);
  });

  it('is served from the page cache with validators', async () => {
    const first = await get('/search?q=caspian');
    expect(first.headers.etag).toBeTruthy();
    const again = await app.server.inject({
      method: 'GET',
      url: '/search?q=caspian',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });
});
