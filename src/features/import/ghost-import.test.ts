import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import type { Db } from '../../platform/db.js';
import { findArticleBySlug } from '../articles/article-store.js';
import { createMediaLibrary } from '../media/media-library.js';
import { folderStorage } from '../media/media-storage.js';
import { findMedia } from '../media/media-store.js';
import { findRedirect } from '../redirects/redirect-store.js';
import { GhostError, importGhost } from './ghost-import.js';

const NOW = new Date('2026-12-07T06:00:00Z');
const clock = () => NOW;
const FIXTURES = join(import.meta.dirname, 'fixtures');
const GHOST = join(FIXTURES, 'ghost.json');

describe.each(DIALECTS)('Ghost import (%s)', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
    dir = mkdtempSync(join(tmpdir(), 'chancery-ghost-'));
  });
  afterEach(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });
  const deps = () => ({
    db,
    clock,
    media: createMediaLibrary({ db, storage: folderStorage(dir), clock }),
    mediaDir: join(FIXTURES, 'ghost-images'),
  });

  it('imports posts from their HTML with authors, the primary tag as rubric, images and redirects', async () => {
    const r = await importGhost(GHOST, deps());
    expect(r.articles).toEqual({ created: 4, updated: 0, unchanged: 0 });
    const post = (await findArticleBySlug(db, 'border-crossings-reopen'))!;
    expect(post.status).toBe('published');
    expect(post.publishedAt).toBe('2024-06-03T07:30:00.000Z');
    expect(post.lead).toBe('Trade resumes after six weeks.');
    expect(post.authors.map((a) => a.name)).toEqual(['Dana Serik', 'Li Wei']);
    // The internal "#wide" tag is left out; the first public tag is the rubric, the rest are tags.
    expect(post.rubric?.slug).toBe('trade');
    expect(post.tags.map((t) => t.slug)).toEqual(['kazakhstan']);
    const coverId = Number(post.cover?.url.replace('/media/', ''));
    expect((await findMedia(db, coverId))?.width).toBe(600);
    expect(post.bodyHtml).toContain(`/media/${coverId}`);
    expect(post.bodyHtml).not.toContain('<script');
    expect(await findRedirect(db, '/border-crossings-reopen/')).toBe('/articles/border-crossings-reopen');

    const ru = (await findArticleBySlug(db, 'torgovlya'))!;
    expect([ru.status, ru.language]).toEqual(['draft', 'ru']);
    const zh = (await findArticleBySlug(db, 'bian-jing'))!;
    expect([zh.status, zh.language, zh.publishedAt]).toEqual(['scheduled', 'zh', '2027-01-10T02:00:00.000Z']);
    expect(r.warnings.some((w) => w.text.includes('no-html') && w.text.includes('no rendered HTML'))).toBe(true);
    expect(r.skipped.map((s) => s.item + s.reason).join()).toContain('"sent"');

    const again = await importGhost(GHOST, deps());
    expect(again.articles).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.media.imported).toBe(0);
  });

  it('refuses files that are not Ghost exports', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"db": [{"data": {"pages": []}}]');
    await expect(importGhost(bad, deps())).rejects.toThrow(GhostError);
    await expect(importGhost(bad, deps())).rejects.toThrow(/not valid JSON/);
    writeFileSync(bad, JSON.stringify({ db: [{ data: { pages: [] } }] }));
    await expect(importGhost(bad, deps())).rejects.toThrow(/not a Ghost export/);
    writeFileSync(bad, readFileSync(GHOST, 'utf8').replace('"posts": [', '"posts": [null, 7, '));
    expect((await importGhost(bad, deps())).articles.created).toBe(4);
  });
});
