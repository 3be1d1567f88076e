import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { insertTag } from './tag-store.js';

const NOW = new Date('2026-03-01T12:00:00Z');

describe.each(DIALECTS)('tag pages on %s', (dialect) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const db = app.ctx.db;
    const author = await makeAuthor(db, { slug: 'aigerim-bekova', name: 'Aigerim Bekova' });
    await insertTag(db, { slug: 'kyrgyzstan', name: 'Kyrgyzstan', type: 'country' });
    await insertTag(db, { slug: 'lonely', name: 'Lonely', type: 'topic' });
    for (let i = 1; i <= 22; i++)
      await makeArticle(db, {
        title: `Bishkek note ${i}`,
        slug: `bishkek-${i}`,
        tagSlugs: ['kyrgyzstan'],
        authorIds: [author],
        publishedAt: new Date(Date.UTC(2026, 0, i, 8)),
      });
    await makeArticle(db, { title: 'Untagged piece', slug: 'untagged', authorIds: [author] });
    await makeArticle(db, { title: 'Tagged draft', slug: 'tagged-draft', tagSlugs: ['kyrgyzstan'], authorIds: [author], status: 'draft' });
  });
  afterEach(() => app.close());

  it('shows the tag with its type and its articles, with feeds', async () => {
    const res = await app.server.inject('/tags/kyrgyzstan');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<p class="kicker tag-kind">Country</p><h1>Kyrgyzstan</h1>');
    expect(html).toContain('22 articles');
    expect(html.match(/class="teaser /g)).toHaveLength(20);
    expect(html).not.toContain('Untagged piece');
    expect(html).not.toContain('Tagged draft');
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Chancery: Kyrgyzstan (RSS)" href="/tags/kyrgyzstan/feed.xml"/>',
    );
    expect(html).toContain('href="/tags/kyrgyzstan/atom.xml"');
    expect(html).toContain('href="/tags/kyrgyzstan/feed.json"');
  });

  it('pages and answers 404 past the end and for unknown tags', async () => {
    const two = await app.server.inject('/tags/kyrgyzstan?page=2');
    expect(two.body.match(/class="teaser /g)).toHaveLength(2);
    expect((await app.server.inject('/tags/kyrgyzstan?page=3')).statusCode).toBe(404);
    expect((await app.server.inject('/tags/nowhere')).statusCode).toBe(404);
    const lonely = await app.server.inject('/tags/lonely');
    expect(lonely.statusCode).toBe(200);
    expect(lonely.body).toContain('0 articles');
  });

  it('answers 304 when the page has not changed', async () => {
    const first = await app.server.inject('/tags/kyrgyzstan');
    const again = await app.server.inject({ url: '/tags/kyrgyzstan', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });
});
