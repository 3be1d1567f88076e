// The article page keeps what it shows every reader the same way (body, facts, translations, corrections,
// pictures) in the content memo: a second miss reads none of it again, and a change shows at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/app.js';
import { DIALECTS } from '../../test/db.js';
import { makeArticle, makeAuthor } from '../../test/factories.js';

const NOW = new Date('2026-03-10T12:00:00Z');

describe.each(DIALECTS)('the article page on a miss (%s)', (dialect) => {
  let app: TestApp;
  let articleId: number;
  const queries: string[] = [];
  beforeEach(async () => {
    app = await testApp(dialect, { pageCache: true }, { clock: () => NOW, onQuery: (q) => queries.push(q) });
    const author = await makeAuthor(app.ctx.db, { slug: 'nadia', name: 'Nadia Orlova' });
    articleId = await makeArticle(app.ctx.db, {
      title: 'Caspian summit ends',
      slug: 'caspian-summit',
      authorIds: [author],
      bodyMd: 'Five leaders met in Aktau.',
      publishedAt: new Date('2026-03-01T08:00:00Z'),
    });
  });
  afterEach(() => app.close());

  const miss = async (n: number) => {
    queries.length = 0;
    const res = await app.server.inject({ method: 'GET', url: `/articles/caspian-summit?miss=${n}` });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  const reads = (table: string) => queries.filter((q) => q.includes(`"${table}"`)).length;

  it('draws the article once per version, and again as soon as its content changes', async () => {
    await miss(1);
    for (const table of ['facts', 'article_corrections']) expect(reads(table)).toBe(1);
    const first = await miss(2);
    // The reader's own parts are read again; what every reader sees the same way is not.
    for (const table of ['facts', 'article_corrections', 'media_images']) expect(reads(table)).toBe(0);
    expect(reads('articles')).toBeGreaterThan(0);
    expect(first).toContain('Five leaders met in Aktau.');
    expect(first).not.toContain('corrections-title');

    const ed = await app.signIn('editor');
    const added = await app.server.inject({
      method: 'POST',
      url: `/admin/articles/${articleId}/corrections`,
      headers: { cookie: ed.cookie },
      payload: { _csrf: ed.csrf, kind: 'update', body: 'The final communiqué is out.', date: '' },
    });
    expect(added.statusCode).toBe(303);
    const after = await miss(3);
    expect(after).toContain('corrections-title');
    expect(after).toContain('The final communiqué is out.');
    expect(reads('article_corrections')).toBe(1);
  });
});
