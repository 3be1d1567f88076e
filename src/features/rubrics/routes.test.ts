import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor, makeRubric } from '../../../test/factories.js';
import { updateRubric } from './rubric-store.js';

const NOW = new Date('2026-03-01T12:00:00Z');

describe.each(DIALECTS)('rubric pages on %s', (dialect) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const db = app.ctx.db;
    const author = await makeAuthor(db, { slug: 'sergey-saenko', name: 'Sergey Saenko' });
    const analysis = await makeRubric(db, { slug: 'analysis', name: 'Analysis' });
    await updateRubric(db, analysis, { slug: 'analysis', name: 'Analysis', description: 'Context and consequences.', position: 0 });
    const news = await makeRubric(db, { slug: 'news', name: 'News', position: 1 });
    await makeRubric(db, { slug: 'empty', name: 'Empty', position: 2 });
    for (let i = 1; i <= 21; i++)
      await makeArticle(db, {
        title: `Analysis ${i}`,
        slug: `analysis-${i}`,
        rubricId: analysis,
        authorIds: [author],
        publishedAt: new Date(Date.UTC(2026, 0, i, 8)),
      });
    await makeArticle(db, { title: 'A news item', slug: 'news-item', rubricId: news, authorIds: [author] });
    await makeArticle(db, { title: 'Draft analysis', slug: 'draft-analysis', rubricId: analysis, authorIds: [author], status: 'draft' });
  });
  afterEach(() => app.close());

  it('shows the rubric, its description and its newest twenty articles with feeds', async () => {
    const res = await app.server.inject('/rubric/analysis');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>Analysis</h1>');
    expect(html).toContain('Context and consequences.');
    expect(html).toContain('21 articles');
    expect(html.match(/class="teaser /g)).toHaveLength(20);
    expect(html).toContain('<a href="/articles/analysis-21">Analysis 21</a>');
    expect(html).not.toContain('A news item');
    expect(html).not.toContain('Draft analysis');
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Chancery: Analysis (RSS)" href="/rubric/analysis/feed.xml"/>',
    );
    expect(html).toContain('href="/rubric/analysis/atom.xml"');
    expect(html).toContain('href="/rubric/analysis/feed.json"');
    expect(html).toContain('<a href="/rubric/analysis" aria-current="page">Analysis</a>');
    expect(res.headers['last-modified']).toBe(new Date(Date.UTC(2026, 0, 21, 8)).toUTCString());
  });

  it('pages with ?page=N and 404s past the last page or for an unknown rubric', async () => {
    const two = await app.server.inject('/rubric/analysis?page=2');
    expect(two.statusCode).toBe(200);
    expect(two.body.match(/class="teaser /g)).toHaveLength(1);
    expect(two.body).toContain('Analysis 1<');
    expect(two.body).toContain('<link rel="canonical" href="http://chancery.test/rubric/analysis?page=2"/>');
    expect((await app.server.inject('/rubric/analysis?page=3')).statusCode).toBe(404);
    expect((await app.server.inject('/rubric/no-such-rubric')).statusCode).toBe(404);
    // An empty rubric has one (empty) page.
    const empty = await app.server.inject('/rubric/empty');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Nothing here yet.');
    expect((await app.server.inject('/rubric/empty?page=2')).statusCode).toBe(404);
  });

  it('answers 304 when the page has not changed', async () => {
    const first = await app.server.inject('/rubric/news');
    const again = await app.server.inject({ url: '/rubric/news', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });
});
