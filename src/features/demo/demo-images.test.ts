// The demo's drawings: each article's cover and inline images come from the media library, with alt text
// in the article's language; loading twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import type { Db } from '../../platform/db.js';
import { findArticleBySlug } from '../articles/article-store.js';
import { createMediaLibrary } from '../media/media-library.js';
import { mediaIdOf, mediaIdsIn } from '../media/media.js';
import { folderStorage } from '../media/media-storage.js';
import { findMedia, listMedia } from '../media/media-store.js';
import { loadDemo } from './demo-loader.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const config = { adminEmail: 'admin@example.org', adminPassword: 'chancery-demo' };

describe.each(DIALECTS)('demo images on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  const dir = `/tmp/chancery-demo-media-${process.pid}-${dialect}`;
  beforeAll(async () => {
    ({ db, close } = await freshDb(dialect));
    const media = createMediaLibrary({ db, storage: folderStorage(dir), clock: () => NOW });
    await loadDemo({ db, clock: () => NOW, config, media });
    // Loaded twice: the drawings are found again, not added again.
    await loadDemo({ db, clock: () => NOW, config, media });
  }, 60_000);
  afterAll(() => close());

  it('gives every demo article a library cover with alt text in its language', async () => {
    for (const [slug, lang] of [
      ['china-kyrgyzstan-uzbekistan-railway', 'en'],
      ['bishkek-pekin-partnerstvo', 'ru'],
      ['bishkek-beijing-huoban-guanxi', 'zh'],
    ] as const) {
      const article = (await findArticleBySlug(db, slug))!;
      const cover = (await findMedia(db, mediaIdOf(article.cover!.url)!))!;
      expect(cover.alt.length, slug).toBeGreaterThan(20);
      if (lang === 'ru') expect(cover.alt).toMatch(/[а-я]/);
      if (lang === 'zh') expect(cover.alt).toMatch(/[\u4e00-\u9fff]/);
      expect(cover.originalName).toMatch(new RegExp(`-${lang}\\.svg$`));
    }
    const railway = (await findArticleBySlug(db, 'china-kyrgyzstan-uzbekistan-railway'))!;
    expect(railway.cover!.caption).toBe('The route of the China–Kyrgyzstan–Uzbekistan railway, drawn schematically');
    const inline = mediaIdsIn(railway.bodyMd);
    expect(inline).toHaveLength(1);
    expect((await findMedia(db, inline[0]))!.alt).toContain('cross-section');
    expect(railway.bodyMd).not.toContain('demo-image:');
    // Each inline image keeps its own paragraph, so the page draws it as a figure.
    for (const slug of ['china-kyrgyzstan-uzbekistan-railway', 'zhong-ji-wu-tielu-kaigong', 'kazakhstan-uzbekistan-trade']) {
      const md = (await findArticleBySlug(db, slug))!.bodyMd;
      expect(md, slug).toMatch(/\n\n!\[\]\(\/media\/\d+\)\n\n/);
    }
  });

  it('adds each drawing once per language', async () => {
    const all = await listMedia(db, { limit: 200 });
    const names = all.map((m) => m.originalName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('demo-railway-map-zh.svg');
    expect(all.every((m) => m.alt !== '')).toBe(true);
  });
});
