import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { countListArticles } from './list-count.js';

describe.each(DIALECTS)('list counts on %s', (dialect) => {
  let app: TestApp;
  let author: number;
  const now = new Date('2026-03-01T12:00:00Z');
  beforeEach(async () => {
    app = await testApp(dialect, { pageCache: true });
    author = await makeAuthor(app.ctx.db, { slug: 'sergey' });
    await makeArticle(app.ctx.db, { title: 'One', slug: 'one', authorIds: [author], publishedAt: new Date('2026-02-01T00:00:00Z') });
  });
  afterEach(async () => {
    await app.close();
  });

  it('is shared until the content changes or the minute turns', async () => {
    expect(await countListArticles(app.ctx, { now })).toBe(1);
    await makeArticle(app.ctx.db, { title: 'Two', slug: 'two', authorIds: [author], publishedAt: new Date('2026-02-02T00:00:00Z') });
    // Written behind the app's back: the shared count stands until told.
    expect(await countListArticles(app.ctx, { now: new Date(now.getTime() + 30_000) })).toBe(1);
    expect(await countListArticles(app.ctx, { now: new Date(now.getTime() + 60_000) })).toBe(2);
    await makeArticle(app.ctx.db, { title: 'Three', slug: 'three', authorIds: [author], publishedAt: new Date('2026-02-03T00:00:00Z') });
    app.ctx.contentChanged();
    expect(await countListArticles(app.ctx, { now })).toBe(3);
    expect(await countListArticles(app.ctx, { now, authorId: author + 1000 })).toBe(0);
  });
});
