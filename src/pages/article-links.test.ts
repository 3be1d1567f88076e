// With every edition under its prefix, a root address of an article answers 301 to its edition's: every link
// and URL the site and its API give to an article must name that address at once, so no reader or partner app
// pays a redirect. Each article link found is followed, and must answer 200.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../test/api.js';
import { testApp, type TestApp } from '../../test/app.js';
import { DIALECTS } from '../../test/db.js';
import { makeAuthor } from '../../test/factories.js';
import type { ArticleInput } from '../features/articles/article.js';
import { linkTranslation } from '../features/articles/translation-store.js';
import { insertComment } from '../features/comments/comment-store.js';
import { TRADE_BODY, VISIT_BODY } from '../features/dossiers/test-fixtures.js';
import { guardStamp } from '../platform/form-guard.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const BASE = 'http://chancery.test';
const SECRET = 'test-secret-test-secret-test-secret';
const ADMIN = { id: null, role: 'admin' as const };
const RU_BODY = 'АСТАНА, 14 мая. Президент Узбекистана Шавкат Мирзиёев прибыл в Астану с государственным визитом.';

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

describe.each(DIALECTS)('article links with every edition prefixed on %s', (dialect) => {
  let app: TestApp;
  let now: Date;
  beforeEach(async () => {
    now = NOW;
    app = await testApp(dialect, { pageCache: false }, { clock: () => now });
  });
  afterEach(async () => {
    await app.close();
  });

  async function publish(slug: string, title: string, bodyMd: string, language: ArticleInput['language'], day: string): Promise<number> {
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
    };
    const id = await app.ctx.publishing.save(ADMIN, input, { action: 'publish', publishedAt: new Date(`${day}T08:00:00Z`) });
    await app.ctx.jobs.runDue();
    return id;
  }

  /** Two English reports with trade figures, a Russian version of the first, a comment, every edition prefixed. */
  async function newsroom() {
    const en = await publish('alliance', 'Tashkent and Astana deepen their alliance', VISIT_BODY, 'en', '2024-05-14');
    const ru = await publish('soyuz', 'Ташкент и Астана углубляют союз', RU_BODY, 'ru', '2024-05-15');
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
      payload: new URLSearchParams({ _csrf: admin.csrf, language: 'en', editions: 'prefixed' }).toString(),
    });
    expect(saved.statusCode).toBe(303);
    return { en, ru, reader, admin };
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
});
