// With every edition under its prefix, a root address of content answers 301 to its edition's: every link and
// URL the site, its API, webhooks, feeds and sitemaps give to an article, a rubric, a tag, an author, an event or
// a dossier must name that address at once, so no reader, crawler or partner app pays a redirect. Each link found
// is followed, and must answer 200; with the default edition at the root, the same links keep their root addresses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../test/api.js';
import { testApp, type TestApp } from '../../test/app.js';
import { DIALECTS } from '../../test/db.js';
import { makeAuthor, makeRubric } from '../../test/factories.js';
import type { ArticleInput } from '../features/articles/article.js';
import { linkTranslation } from '../features/articles/translation-store.js';
import { webhookResources } from '../features/api/read-routes.js';
import { insertComment } from '../features/comments/comment-store.js';
import { TRADE_BODY, VISIT_BODY } from '../features/dossiers/test-fixtures.js';
import { type EventRow, insertEvent, setEventArticles } from '../features/events/event-store.js';
import type { EditionsMode } from '../platform/editions.js';
import { guardStamp } from '../platform/form-guard.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const BASE = 'http://chancery.test';
const SECRET = 'test-secret-test-secret-test-secret';
const ADMIN = { id: null, role: 'admin' as const };
const RU_BODY = 'АСТАНА, 14 мая. Президент Узбекистана Шавкат Мирзиёев прибыл в Астану с государственным визитом.';
const EVENT: EventRow = {
  slug: 'kruglyj-stol',
  title: 'Круглый стол о коридорах',
  summary: '',
  programmeMd: '',
  programmeHtml: '',
  venueName: 'Зал',
  venueAddress: '',
  venueCity: 'Алматы',
  venueCountry: 'KZ',
  lat: null,
  lon: null,
  timezone: 'Asia/Almaty',
  startsAt: '2026-04-10T05:00:00.000Z',
  endsAt: null,
  onlineUrl: '',
  language: 'ru',
  status: 'published',
  statusNote: '',
  termsMd: '',
  termsHtml: '',
};
const SITE_PREFIX = /^http:\/\/chancery\.test\/(en|ru|zh)(\/|$)/;

/** Every value of a `url` field at any depth of a JSON answer. */
function urlFields(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) urlFields(v, found);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'url' || k === '@id') && typeof v === 'string' && v) found.push(v);
      else urlFields(v, found);
    }
  return found;
}

/** Every address on the site that a feed or a sitemap names (a category's scheme is a prefix of terms, not a page). */
function siteUrls(text: string): string[] {
  return [...text.matchAll(/http:\/\/chancery\.test[^"'<>\s]*/g)]
    .map((m) => m[0].replace(/&amp;/g, '&'))
    .filter((u) => !/\/(rubric|tags)\/$/.test(u));
}

/** The schema.org objects of a page. */
function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

/** Every address of an article in a page's links (and sign-in returns), without its fragment. */
function articleHrefs(html: string): string[] {
  const found = [...html.matchAll(/(?:href|action)="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  const next = found.flatMap((h) => {
    const n = /[?&]next=([^&]+)/.exec(h);
    return n ? [decodeURIComponent(n[1])] : [];
  });
  return [
    ...new Set([...found, ...next].map((h) => h.split('#')[0]).filter((h) => /^(\/[a-z]{2})?\/articles\/[^/]+$/.test(h.split('?')[0]))),
  ];
}

describe.each(DIALECTS)('links to content with every edition prefixed on %s', (dialect) => {
  let app: TestApp;
  let now: Date;
  beforeEach(async () => {
    now = NOW;
    app = await testApp(dialect, { pageCache: false }, { clock: () => now });
  });
  afterEach(async () => {
    await app.close();
  });

  async function publish(
    slug: string,
    title: string,
    bodyMd: string,
    language: ArticleInput['language'],
    day: string,
    more: Partial<ArticleInput> = {},
  ): Promise<number> {
    const author = await makeAuthor(app.ctx.db, { slug: `desk-${slug}` });
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
      ...more,
    };
    const id = await app.ctx.publishing.save(ADMIN, input, { action: 'publish', publishedAt: new Date(`${day}T08:00:00Z`) });
    await app.ctx.jobs.runDue();
    return id;
  }

  /**
   * Two English reports with trade figures, a Russian version of the first in a rubric with tags, a Russian event
   * the English report belongs to, a comment; every edition prefixed unless told otherwise.
   */
  async function newsroom(editions: EditionsMode = 'prefixed') {
    const rubricId = await makeRubric(app.ctx.db, { slug: 'region', name: 'Region' });
    const filed = { rubricId, tagSlugs: ['energy', 'central-asia'] };
    const en = await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, 'en', '2024-05-14', filed);
    const ru = await publish('soyuz', 'Ташкент и Астана углубляют союз', RU_BODY, 'ru', '2024-05-15', filed);
    const event = await insertEvent(app.ctx.db, { ...EVENT, language: 'ru' }, now);
    await setEventArticles(app.ctx.db, event, [en]);
    await publish('trade-2024', 'Trade grows again', TRADE_BODY, 'en', '2025-02-01');
    expect(await linkTranslation(app.ctx.db, ru, en)).toBeUndefined();
    const reader = await app.signIn('reader', 'reader@example.org');
    await app.ctx.db
      .updateTable('users')
      .set({ name: 'Reader', email_confirmed_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', reader.userId)
      .execute();
    for (const body of ['First.', 'Second.'])
      await insertComment(app.ctx.db, {
        articleId: en,
        userId: reader.userId,
        parentId: null,
        replyToUserId: null,
        replyToName: '',
        body,
        status: 'published',
        rejectReason: '',
        now,
      });
    const admin = await app.signIn('admin');
    const saved = await app.server.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: admin.csrf, language: 'en', editions }).toString(),
    });
    expect(saved.statusCode).toBe(303);
    return { en, ru, event, reader, admin };
  }

  /** Follows each link as a reader would: every one answers 200 at once. */
  async function expectDirect(links: string[]) {
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const res = await app.server.inject(link.startsWith(BASE) ? link.slice(BASE.length) : link);
      expect([link, res.statusCode, res.headers.location]).toEqual([link, 200, undefined]);
    }
  }

  it('gives the API’s article URLs at their edition’s address', async () => {
    const { en } = await newsroom();
    const api = await apiClient(app);
    const list = (await api.call('/api/v1/articles')).json() as { data: { url: string; language: string }[] };
    expect(list.data.map((a) => a.url)).toContain(`${BASE}/ru/articles/soyuz`);
    const one = (await api.call(`/api/v1/articles/${en}`)).json() as { url: string; translations: { url: string }[] };
    expect(one.translations.map((x) => x.url)).toEqual([`${BASE}/ru/articles/soyuz`]);
    const facts = (await api.call('/api/v1/facts?entity=country:KZ')).json() as { data: { article: { url: string } }[] };
    const dossier = (await api.call('/api/v1/dossiers/country:KZ')).json() as { latest_articles: { url: string }[] };
    const urls = [
      ...list.data.map((a) => a.url),
      one.url,
      ...one.translations.map((x) => x.url),
      ...facts.data.map((f) => f.article.url),
      ...dossier.latest_articles.map((a) => a.url),
    ];
    expect(urls.filter((u) => !/^http:\/\/chancery\.test\/(en|ru|zh)\/articles\//.test(u))).toEqual([]);
    await expectDirect([...new Set(urls)]);
  });

  it('links a dossier’s sources, trade figures and articles at their edition’s address, in both editions', async () => {
    await newsroom();
    for (const url of ['/en/dossiers/country/kz', '/ru/dossiers/country/kz', '/en/dossiers/pair/kz/uz']) {
      const page = await app.server.inject(url);
      expect(page.statusCode).toBe(200);
      const links = articleHrefs(page.body);
      expect(links.some((l) => l.startsWith('/articles/'))).toBe(false);
      await expectDirect(links);
    }
    // The trade chart's sources are among them.
    const chart = (await app.server.inject('/en/dossiers/pair/kz/uz')).body;
    expect(chart).toMatch(/<td><a href="\/en\/articles\/trade-2024#evidence-\d+">Trade grows again<\/a><\/td>/);
  });

  it('links the comment thread, its sign-in and its answers at the article’s edition address', async () => {
    const { reader } = await newsroom();
    const anonymous = (await app.server.inject('/en/articles/alliance')).body;
    const thread = anonymous.slice(anonymous.indexOf('data-comments'));
    const links = articleHrefs(thread);
    expect(links).toContain('/en/articles/alliance?order=newest');
    expect(links).toContain('/en/articles/alliance');
    expect(thread).toContain(`next=${encodeURIComponent('/en/articles/alliance#comments')}`);
    await expectDirect(links);
    // The form still posts at the root (forms stay there), and its answer returns to the edition's address.
    const signedIn = (await app.server.inject({ url: '/en/articles/alliance', headers: { cookie: reader.cookie } })).body;
    expect(signedIn).toContain('action="/articles/alliance/comments"');
    now = new Date(NOW.getTime() + 10_000);
    const posted = await app.server.inject({
      method: 'POST',
      url: '/articles/alliance/comments',
      headers: { cookie: reader.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: reader.csrf,
        _ts: guardStamp(new Date(now.getTime() - 5000), SECRET),
        website: '',
        body: 'Third.',
      }).toString(),
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toMatch(/^\/en\/articles\/alliance(\?[^#]*)?#comment-\d+$/);
    await expectDirect([String(posted.headers.location).split('#')[0]]);
    // A comment's own pages lead back there too.
    const id = /#comment-(\d+)$/.exec(String(posted.headers.location))![1];
    const report = (await app.server.inject({ url: `/comments/${id}/report`, headers: { cookie: (await app.signIn('reader')).cookie } }))
      .body;
    expect(articleHrefs(report)).toEqual(['/en/articles/alliance']);
  });

  it('links staff pages (moderation, facts, the editor) to the article’s edition address', async () => {
    const { en, admin } = await newsroom();
    const pages = [`/admin/articles/${en}/edit`, '/admin/comments?queue=all', '/admin/facts?status=all'];
    for (const url of pages) {
      const page = await app.server.inject({ url, headers: { cookie: admin.cookie } });
      expect(page.statusCode).toBe(200);
      const links = articleHrefs(page.body);
      expect([url, links.filter((l) => l.startsWith('/articles/'))]).toEqual([url, []]);
      await expectDirect(links);
    }
  });

  it.each<EditionsMode>(['prefixed', 'root'])(
    'gives the API’s and webhooks’ URLs of rubrics, tags, authors, events and dossiers at their edition’s address (%s)',
    async (editions) => {
      const { en, ru, event } = await newsroom(editions);
      const api = await apiClient(app);
      const get = async (url: string) => {
        const res = await api.call(url);
        expect([url, res.statusCode]).toEqual([url, 200]);
        return res.json() as { data: { id: number }[] };
      };
      const authors = await get('/api/v1/authors');
      const hooks = webhookResources(app.ctx);
      const answers = [
        authors,
        await get(`/api/v1/authors/${authors.data[0].id}`),
        await get('/api/v1/rubrics'),
        await get('/api/v1/tags'),
        await get('/api/v1/events'),
        await get(`/api/v1/events/${event}`),
        await get('/api/v1/articles'),
        await get(`/api/v1/articles/${en}`),
        await get(`/api/v1/articles/${ru}`),
        await get('/api/v1/search?q=Tashkent'),
        await get('/api/v1/entities?type=country'),
        await get('/api/v1/entities/country:KZ'),
        await get('/api/v1/dossiers/country:KZ'),
        await get('/api/v1/dossiers/country:KZ/country:UZ'),
        // Webhooks carry the same representations.
        await hooks.article(en),
        await hooks.article(ru),
        await hooks.event(event),
      ];
      const urls = [...new Set(urlFields(answers))];
      // The pages every edition has: the default edition's from a list, an article's own edition's beside it, an
      // event's in its language; all at the root, as they always were, while the default edition is there.
      const p = (lang: string, path: string) => `${BASE}${editions === 'prefixed' ? `/${lang}` : ''}${path}`;
      expect(urls).toEqual(
        expect.arrayContaining([
          p('en', '/rubric/region'),
          p('ru', '/rubric/region'),
          p('en', '/tags/energy'),
          p('ru', '/tags/central-asia'),
          p('en', '/authors/desk-alliance'),
          p('ru', '/events/kruglyj-stol'),
          p('en', '/events/kruglyj-stol'),
          p('en', '/dossiers/country/kz'),
          p('en', '/dossiers/pair/kz/uz'),
          p('en', '/articles/alliance'),
          p('ru', '/articles/soyuz'),
        ]),
      );
      if (editions === 'prefixed') expect(urls.filter((u) => !SITE_PREFIX.test(u))).toEqual([]);
      else expect(urls.filter((u) => SITE_PREFIX.test(u))).toEqual([]);
      await expectDirect(urls);
    },
  );

  it.each<EditionsMode>(['prefixed', 'root'])(
    'links feeds, sitemaps and the pages’ schema.org objects to their edition’s addresses (%s)',
    async (editions) => {
      await newsroom(editions);
      const p = editions === 'prefixed' ? '/en' : '';
      const feeds = [
        `${p}/feed.xml`,
        `${p}/rubric/region/atom.xml`,
        `${p}/tags/energy/feed.json`,
        `${p}/authors/desk-alliance/feed.xml`,
        '/ru/rubric/region/feed.json',
        '/ru/authors/desk-soyuz/atom.xml',
        `${p}/events.ics`,
        '/ru/events/kruglyj-stol/calendar.ics',
      ];
      const found: string[] = [];
      for (const feed of feeds) {
        const res = await app.server.inject(feed);
        expect([feed, res.statusCode]).toEqual([feed, 200]);
        // A calendar folds its lines at 75 octets.
        found.push(...siteUrls(res.body.replace(/\r\n[ \t]/g, '')));
      }
      expect(found).toContain(`${BASE}${p}/events/kruglyj-stol`);
      expect(found).toContain(`${BASE}${p}/authors/desk-alliance`);
      expect(found).toContain(`${BASE}/ru/rubric/region`);
      // The sitemap index names each edition's file, which names every page and its alternates.
      const index = await app.server.inject('/sitemap.xml');
      expect(index.statusCode).toBe(200);
      for (const file of siteUrls(index.body)) {
        const res = await app.server.inject(file.slice(BASE.length));
        expect([file, res.statusCode]).toEqual([file, 200]);
        found.push(file, ...siteUrls(res.body));
      }
      expect(found).toContain(`${BASE}${p}/tags/central-asia`);
      // The schema.org objects name the pages (the newsroom as an organisation keeps the site's bare address, its way in).
      const pages = [`${p}/`, '/ru/', `${p}/authors/desk-alliance`, '/ru/events/kruglyj-stol', `${p}/dossiers/country/kz`];
      for (const page of [...pages, editions === 'prefixed' ? '/en/articles/alliance' : '/articles/alliance']) {
        const res = await app.server.inject(page);
        expect([page, res.statusCode]).toEqual([page, 200]);
        const objects = jsonLdOf(res.body);
        expect(objects.length).toBeGreaterThan(0);
        found.push(...urlFields(objects).filter((u) => u !== BASE));
      }
      expect(found).toContain(`${BASE}${p}/authors/desk-alliance`);
      const urls = [...new Set(found)];
      if (editions === 'prefixed')
        expect(urls.filter((u) => !SITE_PREFIX.test(u) && !u.includes('/sitemap') && !u.includes('/assets/'))).toEqual([]);
      await expectDirect(urls);
    },
  );
});
