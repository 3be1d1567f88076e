// A new comment changes its article's page and the lists that show comment counts, nothing else:
// the rest of the cached site stays in memory.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { guardStamp } from '../../platform/form-guard.js';

const SECRET = 'test-secret-test-secret-test-secret';

describe.each(DIALECTS)('comments and the page cache on %s', (dialect) => {
  let app: TestApp;
  const now = new Date('2026-03-01T12:00:00Z');
  beforeEach(async () => {
    app = await testApp(dialect, { pageCache: true }, { clock: () => now });
    const author = await makeAuthor(app.ctx.db, { slug: 'sergey' });
    await makeArticle(app.ctx.db, {
      title: 'Water talks in Dushanbe',
      slug: 'water-talks',
      authorIds: [author],
      publishedAt: new Date('2026-02-01T00:00:00Z'),
    });
    await makeArticle(app.ctx.db, {
      title: 'Grain corridor',
      slug: 'grain',
      authorIds: [author],
      publishedAt: new Date('2026-02-02T00:00:00Z'),
    });
  });
  afterEach(async () => {
    await app.close();
  });

  it('drops the commented article and the lists with counts, and keeps every other cached page', async () => {
    const pages = ['/articles/water-talks', '/articles/grain', '/', '/archive', '/events', '/search?q=water', '/feed.xml'];
    // A page is kept from its second request.
    for (const url of [...pages, ...pages]) expect((await app.server.inject(url)).statusCode).toBe(200);
    expect(app.ctx.cache.size()).toBe(pages.length);
    const anna = await app.signIn('reader', 'anna@example.org');
    await app.ctx.db
      .updateTable('users')
      .set({ name: 'Anna', email_confirmed_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', anna.userId)
      .execute();
    const res = await app.server.inject({
      method: 'POST',
      url: '/articles/water-talks/comments',
      payload: new URLSearchParams({
        _csrf: anna.csrf,
        _ts: guardStamp(new Date(now.getTime() - 5000), SECRET),
        website: '',
        body: 'The Rogun dam matters.',
      }).toString(),
      headers: { cookie: anna.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(303);
    // Kept: the other article, events, search, the feed. Dropped: the article, the home page, the archive.
    expect(app.ctx.cache.size()).toBe(4);
    expect((await app.server.inject('/articles/water-talks')).body).toContain('The Rogun dam matters.');
    expect((await app.server.inject('/')).body).toContain('Comments 1');
    expect((await app.server.inject('/archive')).body).toContain('Comments 1');
  });
});
