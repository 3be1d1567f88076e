import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/db.js';
import { testApp, type TestApp } from '../../test/app.js';
import { makeArticle, makeAuthor } from '../../test/factories.js';

describe.each(DIALECTS)('the signed-in visitor in the page header on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect);
    const authorId = await makeAuthor(app.ctx.db, { slug: 'a', name: 'A' });
    await makeArticle(app.ctx.db, { title: 'Water talks', authorIds: [authorId] });
  });
  afterEach(() => app.close());

  it('names the reader on every public page, and never leaks the name to anonymous readers through the cache', async () => {
    const reader = await app.signIn('reader', 'vera@example.org');
    await app.ctx.db.updateTable('users').set({ name: 'Vera Zasulich' }).where('id', '=', reader.userId).execute();
    for (const url of ['/', '/articles/water-talks', '/search?q=water', '/archive', '/no-such-page']) {
      const res = await app.server.inject({ url, headers: { cookie: reader.cookie } });
      expect(res.body, url).toContain('<a href="/account">Vera Zasulich</a>');
    }
    const anon = await app.server.inject('/');
    expect(anon.body).not.toContain('Vera Zasulich');
    expect(anon.body).toContain('href="/account/login"');
  });
});
