// Translations: an editor links the same article in another language; each version's page names the others
// (hreflang, the switcher, JSON-LD) and speaks its own language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/db.js';
import { testApp, type TestApp } from '../../test/app.js';
import { makeArticle, makeAuthor } from '../../test/factories.js';
import { listTranslationGroup, unlinkTranslation } from '../features/articles/translation-store.js';

const NOW = new Date('2026-06-01T10:00:00Z');

describe.each(DIALECTS)('translations on %s', (dialect) => {
  let app: TestApp;
  let en: number;
  let ru: number;
  let zh: number;
  let ru2: number;
  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const db = app.ctx.db;
    const author = await makeAuthor(db, { slug: 'anna', name: 'Anna' });
    const at = new Date('2026-05-20T08:00:00Z');
    en = await makeArticle(db, { slug: 'state-visit', title: 'The state visit', language: 'en', authorIds: [author], publishedAt: at });
    ru = await makeArticle(db, { slug: 'gosvizit', title: 'Государственный визит', language: 'ru', authorIds: [author], publishedAt: at });
    zh = await makeArticle(db, { slug: 'guoshi-fangwen', title: '国事访问', language: 'zh', authorIds: [author], publishedAt: at });
    ru2 = await makeArticle(db, { slug: 'drugoe', title: 'Другое', language: 'ru', authorIds: [author], publishedAt: at });
  });
  afterEach(async () => {
    await app.close();
  });

  async function link(id: number, slug: string) {
    const ed = await app.signIn('editor');
    return app.server.inject({
      method: 'POST',
      url: `/admin/articles/${id}/translations`,
      headers: { cookie: ed.cookie },
      payload: { _csrf: ed.csrf, slug },
    });
  }

  it('links translations from the editor, refusing an unknown address or a language the group has', async () => {
    const ok = await link(ru, 'state-visit');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/admin/articles/${ru}/edit?notice=linked`);
    // A pasted address works as well as a slug.
    expect((await link(zh, 'http://chancery.test/articles/gosvizit')).statusCode).toBe(303);
    expect((await listTranslationGroup(app.ctx.db, en)).map((x) => x.language)).toEqual(['en', 'ru', 'zh']);

    const unknown = await link(ru2, 'no-such-piece');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('No article has this address.');
    const taken = await link(ru2, 'state-visit');
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('The group already has an article in this language.');
    expect((await link(zh, 'state-visit')).body).toContain('These articles are already linked.');

    const ed = await app.signIn('editor');
    const editor = await app.server.inject({ url: `/admin/articles/${en}/edit`, headers: { cookie: ed.cookie } });
    expect(editor.body).toContain(`href="/admin/articles/${ru}/edit" lang="ru">Государственный визит</a>`);
    expect(editor.body).toContain(`href="/admin/articles/${zh}/edit" lang="zh">国事访问</a>`);

    await unlinkTranslation(app.ctx.db, en);
    expect((await listTranslationGroup(app.ctx.db, ru)).map((x) => x.language)).toEqual(['ru', 'zh']);
    expect(await listTranslationGroup(app.ctx.db, en)).toHaveLength(1);
  });

  it('names every version on each page, switches between them, and speaks the page’s language', async () => {
    await link(ru, 'state-visit');
    await link(zh, 'state-visit');
    const page = await app.server.inject('/articles/gosvizit');
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<html lang="ru"');
    expect(html).toContain('Перейти к содержанию');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="http://chancery.test/articles/state-visit"/>');
    expect(html).toContain('<link rel="alternate" hreflang="ru" href="http://chancery.test/articles/gosvizit"/>');
    expect(html).toContain('<link rel="alternate" hreflang="zh" href="http://chancery.test/articles/guoshi-fangwen"/>');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="http://chancery.test/articles/state-visit"/>');
    // The switcher goes to the same article in each other language.
    expect(html).toContain('<a href="/articles/state-visit" hreflang="en" lang="en">English</a>');
    expect(html).toContain('<a href="/articles/guoshi-fangwen" hreflang="zh" lang="zh">中文</a>');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]);
    expect(ld.inLanguage).toBe('ru');
    expect(ld.translationOfWork).toMatchObject({ inLanguage: 'en', url: 'http://chancery.test/articles/state-visit' });

    const original = await app.server.inject('/articles/state-visit');
    const ldEn = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(original.body)![1]);
    expect(ldEn.translationOfWork).toBeUndefined();
    expect(ldEn.workTranslation.map((w: { inLanguage: string }) => w.inLanguage).sort()).toEqual(['ru', 'zh']);
    expect(original.body).toContain('<html lang="en"');

    // Without a translation, the switcher offers the other editions' homes, and no hreflang is given.
    const alone = await app.server.inject('/articles/drugoe');
    expect(alone.body).toContain('<a href="/" hreflang="en" lang="en">English</a>');
    expect(alone.body).toContain('<a href="/zh/" hreflang="zh" lang="zh">中文</a>');
    expect(alone.body).not.toContain('hreflang="x-default"');
  });

  it('names each article’s translations as hreflang alternates in its edition’s sitemap', async () => {
    await link(ru, 'state-visit');
    await link(zh, 'state-visit');
    const ruMap = (await app.server.inject('/sitemap-ru.xml')).body;
    const entry = ruMap.slice(ruMap.indexOf('<loc>http://chancery.test/articles/gosvizit</loc>'));
    const own = entry.slice(0, entry.indexOf('</url>'));
    expect(own).toContain('<xhtml:link rel="alternate" hreflang="en" href="http://chancery.test/articles/state-visit"');
    expect(own).toContain('<xhtml:link rel="alternate" hreflang="zh" href="http://chancery.test/articles/guoshi-fangwen"');
    expect(own).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="http://chancery.test/articles/state-visit"');
    // An article alone has no alternates.
    const other = ruMap.slice(ruMap.indexOf('<loc>http://chancery.test/articles/drugoe</loc>'));
    expect(other.slice(0, other.indexOf('</url>'))).not.toContain('xhtml:link');
  });
});
