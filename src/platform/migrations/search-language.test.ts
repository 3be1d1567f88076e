// The search index's language: a database indexed before it held the language is rebuilt by the migration,
// and search keeps finding the articles already published, in their own edition only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { parseQuery } from '../../features/search/search-query.js';
import { searchArticles } from '../../features/search/search-store.js';
import type { Db } from '../db.js';
import { down, up } from './2026-12-10T1000-search-language.js';

const NOW = new Date('2026-06-01T00:00:00Z');

describe.each(DIALECTS)('search language migration on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
  });
  afterEach(async () => {
    await close();
  });

  const titles = async (q: string, language?: string) =>
    (
      await searchArticles(db, { terms: parseQuery(q).terms, filters: language ? { language } : {}, now: NOW, limit: 10, offset: 0 })
    ).hits.map((h) => h.article.title);

  it('rebuilds an index without languages, and every edition finds its own articles again', async () => {
    const author = await makeAuthor(db, { slug: 'desk' });
    await makeArticle(db, { title: 'Caspian summit', slug: 'caspian-en', authorIds: [author], bodyMd: 'Leaders met in Aktau.' });
    await makeArticle(db, { title: 'Caspian summit (Russian desk)', slug: 'caspian-ru', language: 'ru', authorIds: [author] });
    await makeArticle(db, {
      title: 'Каспийский саммит',
      slug: 'kaspiy',
      language: 'ru',
      authorIds: [author],
      bodyMd: 'Лидеры встретились в Актау.',
    });
    await makeArticle(db, { title: 'Caspian draft', slug: 'caspian-draft', authorIds: [author], status: 'draft' });

    await down(db as never);
    await up(db as never);

    expect(await titles('caspian', 'en')).toEqual(['Caspian summit']);
    expect(await titles('caspian', 'ru')).toEqual(['Caspian summit (Russian desk)']);
    expect((await titles('caspian')).sort()).toEqual(['Caspian summit', 'Caspian summit (Russian desk)']);
    expect(await titles('саммит', 'ru')).toEqual(['Каспийский саммит']);
    expect(await titles('aktau', 'en')).toEqual(['Caspian summit']);
    // Prefixes still go through the vocabulary, rebuilt with the index.
    expect(await titles('summits', 'en')).toEqual(['Caspian summit']);
  });
});
