import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { updateAuthor } from './author-store.js';

const NOW = new Date('2026-03-01T12:00:00Z');

function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

describe.each(DIALECTS)('author pages on %s', (dialect) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await testApp(dialect, {}, { clock: () => NOW });
    const db = app.ctx.db;
    const saenko = await makeAuthor(db, { slug: 'sergey-saenko', name: 'Sergey Saenko', title: 'International Observer' });
    await updateAuthor(db, saenko, {
      slug: 'sergey-saenko',
      name: 'Sergey Saenko',
      title: 'International Observer',
      bio: 'Writes on China and Central Asia.',
      photoUrl: '/media/saenko.jpg',
    });
    const orlova = await makeAuthor(db, { slug: 'marina-orlova', name: 'Marina Orlova', title: 'Economics Editor' });
    await makeAuthor(db, { slug: 'new-hire', name: 'New Hire', title: 'Correspondent' });
    for (let i = 1; i <= 41; i++)
      await makeArticle(db, {
        title: `Saenko column ${i}`,
        slug: `saenko-${i}`,
        authorIds: [saenko],
        publishedAt: new Date(Date.UTC(2025, 11, (i % 28) + 1, i % 24)),
      });
    await makeArticle(db, { title: 'Joint piece', slug: 'joint-piece', authorIds: [orlova, saenko] });
    await makeArticle(db, { title: 'Orlova draft', slug: 'orlova-draft', authorIds: [orlova], status: 'draft' });
  });
  afterEach(() => app.close());

  it('lists every author with title and bio', async () => {
    const res = await app.server.inject('/authors');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Authors</h1>');
    expect(res.body).toContain('<a href="/authors/sergey-saenko">Sergey Saenko</a>');
    expect(res.body).toContain('<a href="/authors/new-hire">New Hire</a>');
    expect(res.body).toContain('Economics Editor');
    expect(res.body).toContain('Writes on China and Central Asia.');
  });

  it('shows an author with photo, bio, Person JSON-LD, feeds and their published articles', async () => {
    const res = await app.server.inject('/authors/marina-orlova');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Marina Orlova</h1>');
    expect(res.body).toContain('Joint piece');
    expect(res.body).not.toContain('Orlova draft');
    expect(res.body).toContain('>1 article · ');
    expect(res.body).toContain('href="/authors/marina-orlova/feed.xml"');
    expect(res.body).toContain('href="/authors/marina-orlova/atom.xml"');
    expect(res.body).toContain('href="/authors/marina-orlova/feed.json"');
    const saenko = (await app.server.inject('/authors/sergey-saenko')).body;
    expect(saenko).toContain('<img class="author-photo" src="/media/saenko.jpg" alt="Portrait of Sergey Saenko"');
    expect(saenko).toContain('<meta property="og:type" content="profile"/>');
    const person = jsonLd(saenko).find((o) => o['@type'] === 'Person');
    expect(person).toMatchObject({
      name: 'Sergey Saenko',
      jobTitle: 'International Observer',
      description: 'Writes on China and Central Asia.',
      image: 'http://chancery.test/media/saenko.jpg',
      url: 'http://chancery.test/authors/sergey-saenko',
    });
  });

  it('pages twenty at a time and 404s past the end and for unknown authors', async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => app.server.inject(`/authors/sergey-saenko?page=${p}`)));
    expect(pages.map((r) => r.body.match(/class="teaser /g)?.length)).toEqual([20, 20, 2]);
    expect(pages[0].body).toContain('42 articles');
    expect((await app.server.inject('/authors/sergey-saenko?page=4')).statusCode).toBe(404);
    expect((await app.server.inject('/authors/nobody')).statusCode).toBe(404);
    const empty = await app.server.inject('/authors/new-hire');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('No published articles yet.');
  });

  it('answers 304 when the page has not changed', async () => {
    const first = await app.server.inject('/authors/sergey-saenko');
    const again = await app.server.inject({ url: '/authors/sergey-saenko', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
  });
});
