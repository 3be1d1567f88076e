import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeAuthor } from '../../../test/factories.js';
import type { ArticleInput } from '../articles/article.js';
import { DIALECTS } from '../../../test/db.js';
import { listFactsOfArticle, listPublicFactsForArticle } from './dossier-store.js';
import { markEvidenceWithIds } from './evidence.js';
import { TRADE_BODY, VISIT_BODY } from './test-fixtures.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const ADMIN = { id: null, role: 'admin' as const };

describe.each(DIALECTS)('dossier routes on %s', (dialect) => {
  let app: TestApp;
  let author: number;
  let queries: string[];
  beforeEach(async () => {
    queries = [];
    app = await testApp(dialect, { pageCache: false }, { clock: () => NOW, onQuery: (q) => queries.push(q) });
    author = await makeAuthor(app.ctx.db, { slug: 'desk' });
  });
  afterEach(async () => {
    await app.close();
  });

  /** Publishes through the app's own service, then runs the queued extraction job. */
  async function publish(slug: string, title: string, bodyMd: string, publishedAt: string): Promise<number> {
    const input: ArticleInput = {
      title,
      slug,
      lead: '',
      bodyMd,
      language: 'en',
      rubricId: null,
      authorIds: [author],
      tagSlugs: [],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on',
    };
    const id = await app.ctx.publishing.save(ADMIN, input, { action: 'publish', publishedAt: new Date(publishedAt) });
    await app.ctx.jobs.runDue();
    return id;
  }
  const get = (url: string) => app.server.inject({ method: 'GET', url });

  it('extracts on publish through the job queue', async () => {
    const id = await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, '2024-05-14T08:00:00Z');
    const jobs = await app.ctx.db.selectFrom('jobs').select(['kind', 'status']).where('kind', '=', 'extract-article').execute();
    expect(jobs).toEqual([{ kind: 'extract-article', status: 'done' }]);
    expect((await listFactsOfArticle(app.ctx.db, id)).map((f) => f.type)).toEqual(expect.arrayContaining(['visit', 'meeting', 'trade']));
    // Every fact's sentence is found again in the rendered body, ready for the article page's anchors.
    const { facts } = await listPublicFactsForArticle(app.ctx.db, id);
    const { body_html } = await app.ctx.db
      .selectFrom('article_bodies')
      .select('body_html')
      .where('article_id', '=', id)
      .executeTakeFirstOrThrow();
    const { html, marked } = markEvidenceWithIds(
      body_html,
      facts.map((f) => ({ id: f.id, text: f.evidence.text })),
    );
    expect([...marked].sort()).toEqual(facts.map((f) => String(f.id)).sort());
    expect(html).toContain(
      `<mark id="evidence-${facts.find((f) => f.type === 'trade')!.id}" class="evidence">Trade between Uzbekistan and Kazakhstan reached $4.4 billion in 2023, according to official statistics.</mark>`,
    );
  });

  it('renders a person dossier with sentences, dates, evidence links and JSON-LD', async () => {
    const id = await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, '2024-05-14T08:00:00Z');
    const visit = (await listFactsOfArticle(app.ctx.db, id)).find((f) => f.type === 'visit')!;
    const res = await get('/dossiers/person/shavkat-mirziyoyev');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Shavkat Mirziyoyev</h1>');
    expect(res.body).toMatch(/Shavkat Mirziyoyev (paid a state visit to|visited) <a href="\/dossiers\/country\/kz">Kazakhstan<\/a>/);
    expect(res.body).toContain('<time datetime="2024-05-14">14 May 2024</time>');
    expect(res.body).toContain(`href="/articles/alliance#evidence-${visit.id}"`);
    expect(res.body).toContain('President of Uzbekistan');
    expect(res.body).toMatch(/\d+ facts from 1 article, 202[34]/);
    expect(res.body).toContain('"@type":"Person"');
    expect(res.body).toContain('href="/dossiers/person/kassym-jomart-tokayev"');
  });

  it('renders country and pair dossiers with a trade chart and its data table', async () => {
    await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, '2024-05-14T08:00:00Z');
    await publish('trade-2024', 'Trade grows again', TRADE_BODY, '2025-02-01T08:00:00Z');
    const country = await get('/dossiers/country/kz');
    expect(country.statusCode).toBe(200);
    expect(country.body).toContain('<svg');
    expect(country.body).toContain('href="/dossiers/pair/kz/uz"');
    const redirect = await get('/dossiers/pair/uz/kz?page=1');
    expect(redirect.statusCode).toBe(301);
    expect(redirect.headers.location).toBe('/dossiers/pair/kz/uz');
    const pair = await get('/dossiers/pair/kz/uz');
    expect(pair.statusCode).toBe(200);
    expect(pair.body).toContain('role="img"');
    expect(pair.body).toMatch(/<title id="trade-0-title">Trade turnover, Kazakhstan and Uzbekistan<\/title>/);
    expect(pair.body).toContain('<th scope="row">2024</th><td>$5.1 billion</td>');
    expect(pair.body).toContain('<th scope="row">2023</th><td>$4.4 billion</td>');
    // The visit is a pair fact through the visitor's country; newest facts come first.
    const visitAt = pair.body.search(/Shavkat Mirziyoyev<\/a> (visited|paid)/);
    expect(visitAt).toBeGreaterThan(0);
    expect(pair.body.indexOf('$5.1 billion in 2024')).toBeLessThan(visitAt);
  });

  it('answers 404 for unknown dossiers and pages, and never 500 for odd input', async () => {
    await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, '2024-05-14T08:00:00Z');
    for (const url of [
      '/dossiers/country/zz',
      '/dossiers/person/nobody',
      '/dossiers/galaxy/x',
      '/dossiers/country/kaz',
      '/dossiers/pair/kz/kz',
      '/dossiers/pair/kz/zz',
      '/dossiers/pair/k1/uz',
      '/dossiers/person/shavkat-mirziyoyev?page=99',
      '/dossiers/person/%E2%80%A6',
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
    expect((await get('/dossiers/country/KZ')).statusCode).toBe(301);
    expect((await get('/dossiers/person/shavkat-mirziyoyev?page=abc')).statusCode).toBe(200);
    for (const q of ['%', '_', "'; drop table facts; --", 'x'.repeat(500)])
      expect((await get(`/dossiers?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
  });

  it('lists and searches dossiers', async () => {
    await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, '2024-05-14T08:00:00Z');
    const index = await get('/dossiers');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('<h2 id="group-country">Countries</h2>');
    expect(index.body).toMatch(/<a href="\/dossiers\/country\/kz">Kazakhstan<\/a> <span class="meta">\d+ facts<\/span>/);
    const search = await get('/dossiers?q=tokay');
    expect(search.body).toContain('href="/dossiers/person/kassym-jomart-tokayev"');
    expect(search.body).not.toContain('href="/dossiers/country/kz"');
    expect((await get('/dossiers?q=nothing-like-this')).body).toContain('No dossier matches');
  });

  it('hides dossiers once their only article is unpublished', async () => {
    const id = await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, '2024-05-14T08:00:00Z');
    expect((await get('/dossiers/person/olzhas-bektenov')).statusCode).toBe(200);
    await app.ctx.publishing.unpublish(ADMIN, id);
    expect((await get('/dossiers/person/olzhas-bektenov')).statusCode).toBe(404);
    expect((await get('/dossiers')).body).not.toContain('Olzhas Bektenov');
  });

  it('runs the same number of queries however many facts a page shows', async () => {
    await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, '2024-05-14T08:00:00Z');
    queries.length = 0;
    await get('/dossiers/country/kz');
    const one = queries.length;
    for (let i = 0; i < 4; i++) await publish(`more-${i}`, `More ${i}`, VISIT_BODY, `2024-06-0${i + 1}T08:00:00Z`);
    queries.length = 0;
    const res = await get('/dossiers/country/kz');
    expect(res.statusCode).toBe(200);
    expect(queries.length).toBe(one);
  });
});

describe.each(DIALECTS)('shared dossier aggregates on %s', (dialect) => {
  let app: TestApp;
  let author: number;
  let queries: string[];
  let now: Date;
  beforeEach(async () => {
    queries = [];
    now = NOW;
    app = await testApp(dialect, { pageCache: true }, { clock: () => now, onQuery: (q) => queries.push(q) });
    author = await makeAuthor(app.ctx.db, { slug: 'desk' });
  });
  afterEach(async () => {
    await app.close();
  });

  async function publish(slug: string, title: string, bodyMd: string, publishedAt: Date): Promise<void> {
    const input: ArticleInput = {
      title,
      slug,
      lead: '',
      bodyMd,
      language: 'en',
      rubricId: null,
      authorIds: [author],
      tagSlugs: [],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on',
    };
    await app.ctx.publishing.save(ADMIN, input, { action: 'publish', publishedAt });
    await app.ctx.jobs.runDue();
  }
  /** A page view with its queries; each URL is new to the page cache, so every view renders. */
  async function view(url: string) {
    queries.length = 0;
    const res = await app.server.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    return { body: res.body, queries: [...queries] };
  }
  // The aggregates' queries: counts, the mentioning articles, the figure facts, the related entities.
  const aggregateQueries = (qs: string[]) => qs.filter((q) => /count\(|article_entities|"fact_type" in|group by/i.test(q));
  const timelineQueries = (qs: string[]) => qs.filter((q) => /order by "fe"\."sort_date" desc/i.test(q) && /offset/i.test(q));

  it('draws the dossier once for every reader, a signed-in one first, and names only that reader in the shell', async () => {
    await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, new Date('2024-05-14T08:00:00Z'));
    const reader = await app.signIn('reader', 'vera@example.org');
    await app.ctx.db.updateTable('users').set({ name: 'Vera Zasulich' }).where('id', '=', reader.userId).execute();
    const signedIn = await app.server.inject({ url: '/dossiers/country/kz?r=1', headers: { cookie: reader.cookie } });
    expect(signedIn.body).toContain('<a href="/account">Vera Zasulich</a>');
    const anonymous = await view('/dossiers/country/kz?r=2');
    expect(anonymous.queries.filter((q) => /"fe"\."sort_date"/.test(q))).toEqual([]);
    expect(anonymous.body).not.toContain('Vera Zasulich');
    expect(anonymous.body).toContain('href="/account/login"');
    // The same dossier as the signed-in reader saw it, shell aside.
    const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main(anonymous.body)).toBe(main(signedIn.body));
    expect(main(anonymous.body)).toContain('Tashkent and Astana deepen their alliance');
  });

  it('computes them once for every URL of a dossier, and again after a content change or on the next minute', async () => {
    await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, new Date('2024-05-14T08:00:00Z'));
    await publish('trade-2024', 'Trade grows again', TRADE_BODY, new Date('2025-02-01T08:00:00Z'));

    const first = await view('/dossiers/country/kz');
    expect(aggregateQueries(first.queries).length).toBeGreaterThanOrEqual(5);
    expect(first.body).toContain('<th scope="row">2024</th><td>$5.1 billion</td>');
    for (const url of ['/dossiers/country/kz?utm=x', '/dossiers/country/kz?page=1']) {
      const again = await view(url);
      expect(aggregateQueries(again.queries), url).toEqual([]);
      // The timeline page is drawn once too, for every reader of the edition: none of its queries run again.
      expect(timelineQueries(again.queries), url).toEqual([]);
      expect(again.body.replace(/utm=x|page=1/g, '')).toContain('<th scope="row">2024</th><td>$5.1 billion</td>');
    }
    // Another dossier has its own aggregates.
    expect(aggregateQueries((await view('/dossiers/pair/kz/uz')).queries).length).toBeGreaterThanOrEqual(5);

    // Publishing changes the content: the next view counts the new article and charts its figure.
    const before = await view('/dossiers/country/kz?utm=before');
    expect(before.body).not.toContain('Trade keeps growing');
    await publish(
      'trade-2025',
      'Trade keeps growing',
      TRADE_BODY.replace('$5.1 billion in 2024', '$6.2 billion in 2025'),
      new Date('2026-02-01T08:00:00Z'),
    );
    const after = await view('/dossiers/country/kz?utm=after');
    expect(aggregateQueries(after.queries).length).toBeGreaterThanOrEqual(5);
    expect(after.body).toContain('<th scope="row">2025</th><td>$6.2 billion</td>');
    expect(after.body).toContain('>Trade keeps growing</a>');

    // A piece dated a minute ahead appears on its minute, with no other change.
    await publish(
      'trade-2026',
      'Trade outlook',
      TRADE_BODY.replace('$5.1 billion in 2024', '$7.3 billion in 2026'),
      new Date(NOW.getTime() + 90_000),
    );
    expect((await view('/dossiers/country/kz?utm=early')).body).not.toContain('$7.3 billion');
    expect(aggregateQueries((await view('/dossiers/country/kz?utm=early2')).queries)).toEqual([]);
    now = new Date(NOW.getTime() + 120_000);
    const onTime = await view('/dossiers/country/kz?utm=on-time');
    expect(onTime.body).toContain('<th scope="row">2026</th><td>$7.3 billion</td>');
    expect(onTime.body).toContain('>Trade outlook</a>');
  });

  it('memo clear alone makes the next view read the facts again', async () => {
    await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, new Date('2024-05-14T08:00:00Z'));
    const first = await view('/dossiers/person/shavkat-mirziyoyev');
    expect(first.body).toMatch(/\d+ facts from 1 article/);
    // An editor's decision made elsewhere (another instance, a script): only the memo is cleared here.
    await app.ctx.db.updateTable('facts').set({ status: 'rejected' }).execute();
    await app.ctx.db.updateTable('fact_entities').set({ public: 0 }).execute();
    expect((await view('/dossiers/person/shavkat-mirziyoyev?utm=x')).body).toMatch(/\d+ facts from 1 article/);
    app.ctx.memo.clear();
    const after = await view('/dossiers/person/shavkat-mirziyoyev?utm=y');
    expect(after.body).toContain('No facts recorded yet.');
  });
});

describe.each(DIALECTS)('upcoming events on a dossier on %s', (dialect) => {
  let app: TestApp;
  let author: number;
  let now: Date;
  beforeEach(async () => {
    now = new Date('2026-02-21T10:00:00Z');
    app = await testApp(dialect, { pageCache: false }, { clock: () => now });
    author = await makeAuthor(app.ctx.db, { slug: 'desk' });
  });
  afterEach(async () => {
    await app.close();
  });

  async function publish(slug: string, title: string, bodyMd: string, publishedAt: string): Promise<void> {
    const input: ArticleInput = {
      title,
      slug,
      lead: '',
      bodyMd,
      language: 'en',
      rubricId: null,
      authorIds: [author],
      tagSlugs: [],
      coverUrl: '',
      coverCaption: '',
      coverCredit: '',
      commentsMode: 'on',
    };
    await app.ctx.publishing.save(ADMIN, input, { action: 'publish', publishedAt: new Date(publishedAt) });
    await app.ctx.jobs.runDue();
  }
  const sections = async (url: string) => {
    const res = await app.server.inject({ method: 'GET', url });
    expect(res.statusCode, url).toBe(200);
    const at = res.body.indexOf('id="timeline-title"');
    const upcomingAt = res.body.indexOf('id="upcoming-title"');
    return {
      upcoming: upcomingAt < 0 ? '' : res.body.slice(upcomingAt, at),
      timeline: res.body.slice(at, res.body.indexOf('</section>', at)),
    };
  };

  it('shows an announced visit under Upcoming, not in the timeline, until an article reports it happened', async () => {
    // The real engine reads "will pay ... next month" as planned, dated from the article's day.
    await publish(
      'announced',
      'Bishkek prepares for talks',
      'Kyrgyz President Sadyr Japarov will pay a state visit to China next month, the foreign ministry said.',
      '2026-02-20T08:00:00Z',
    );
    const before = await sections('/dossiers/person/sadyr-japarov');
    expect(before.upcoming).toContain('>Upcoming</h2>');
    expect(before.upcoming).toMatch(/Sadyr Japarov will pay a state visit to <a href="\/dossiers\/country\/cn">China<\/a>/);
    expect(before.upcoming).toContain('<time datetime="2026-03">March 2026</time>');
    expect(before.upcoming).toMatch(/href="\/articles\/announced#evidence-\d+">Source: Bishkek prepares for talks<\/a>/);
    expect(before.timeline).not.toContain('China');
    expect(before.timeline).toContain('No facts recorded yet.');
    // The host country's dossier lists it as upcoming too.
    expect((await sections('/dossiers/country/cn')).upcoming).toContain('will pay a state visit');

    now = new Date('2026-03-12T10:00:00Z');
    await publish(
      'arrived',
      'A week in Beijing',
      'Kyrgyz President Sadyr Japarov paid a state visit to China on Tuesday, the foreign ministry said.',
      '2026-03-12T08:00:00Z',
    );
    const after = await sections('/dossiers/person/sadyr-japarov');
    expect(after.upcoming).toBe('');
    expect(after.timeline).toMatch(/Sadyr Japarov paid a state visit to <a href="\/dossiers\/country\/cn">China<\/a>/);
    expect(after.timeline).toContain('<time datetime="2026-03-10">10 March 2026</time>');
    expect(after.timeline).toContain('href="/articles/arrived#evidence-');
    expect(after.timeline).not.toContain('/articles/announced');
  });
});
