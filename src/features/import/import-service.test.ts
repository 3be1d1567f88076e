import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import type { Db } from '../../platform/db.js';
import { findArticleBySlug } from '../articles/article-store.js';
import { findAuthorBySlug } from '../authors/author-store.js';
import { findRubricBySlug } from '../rubrics/rubric-store.js';
import { createImporter, parseArticleFile, parseImportDate, summarize } from './import-service.js';
import { renderBar, progressReporter } from './progress.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const clock = () => NOW;

const GOOD = `---
title: "Bishkek and Beijing: a new gear"
author: Sergey Saenko
date: 2025-03-12T09:00:00Z
rubric: analysis
tags: [kyrgyzstan, china, Belt and Road]
language: en
lead: "A state visit with twenty agreements."
---
The **visit** produced a joint statement.
`;

const TWO_AUTHORS = `---
title: Railway work begins
slug: railway-work-begins
authors: [Daniel Whitcombe, Aigerim Bekova]
date: 2025-01-06
rubric: Economy and Trade
tags:
  - china
  - uzbekistan
language: ru
---
Текст статьи.
`;

const DRAFT = `---
title: A draft opinion
author: Marina Orlova
date: 2026-10-02T08:00:00Z
status: draft
---
Not yet.
`;

const FUTURE = `---
title: Outlook
author: Daniel Whitcombe
date: 2026-12-15T07:00:00Z
status: scheduled
---
Soon.
`;

const BAD_DATE = `---
title: Broken date
author: Someone Else
date: 2025-02-30
---
x
`;

describe('parseArticleFile', () => {
  it('reads a file, defaulting the slug to the file name and the language to English', () => {
    const p = parseArticleFile(GOOD, 'bishkek-beijing.md');
    expect(p).toMatchObject({
      slug: 'bishkek-beijing',
      title: 'Bishkek and Beijing: a new gear',
      authorNames: ['Sergey Saenko'],
      rubric: 'analysis',
      language: 'en',
    });
    expect(p.tags).toEqual(['kyrgyzstan', 'china', 'Belt and Road']);
    expect(p.date?.toISOString()).toBe('2025-03-12T09:00:00.000Z');
    expect(p.bodyMd).toBe('The **visit** produced a joint statement.\n');
  });

  it.each([
    ['missing title', '---\nauthor: A\n---\nx', 1, /title is required/],
    ['bad date', BAD_DATE, 4, /bad date "2025-02-30"/],
    ['unknown language', '---\ntitle: T\nauthor: A\nlanguage: fr\n---\n', 4, /unknown language "fr"/],
    ['no author', '---\ntitle: T\n---\n', 1, /author is required/],
    ['bad status', '---\ntitle: T\nauthor: A\nstatus: live\n---\n', 4, /unknown status/],
    ['bad slug', '---\ntitle: T\nslug: Not A Slug\nauthor: A\n---\n', 3, /bad slug/],
    ['YAML error', '---\ntitle: T\ntags: [a, b\n---\n', 3, /not closed/],
  ])('rejects %s with its line', (_n, text, line, message) => {
    let err: any;
    try {
      parseArticleFile(text, 'x.md');
    } catch (e) {
      err = e;
    }
    expect(err?.line).toBe(line);
    expect(err?.message).toMatch(message);
  });

  it('warns about unknown keys without failing', () => {
    const warnings: any[] = [];
    parseArticleFile('---\ntitle: T\nauthor: A\nmood: sunny\n---\n', 'x.md', warnings);
    expect(warnings).toEqual([{ file: 'x.md', line: 4, message: 'unknown key "mood" ignored' }]);
  });

  it('reads a Hugo export: draft flag, description as lead, a cover map, categories as the rubric', () => {
    const a = parseArticleFile(
      [
        '---',
        'title: "Water talks resume"',
        'date: 2024-05-02T08:00:00+05:00',
        'draft: true',
        'author: Aigerim Bekova',
        'description: >',
        '  Delegations from five states',
        '  meet in Almaty.',
        'categories: [Analysis, Water]',
        'cover:',
        '  image: /media/4',
        '  caption: The Syr Darya',
        '  credit: Staff',
        '---',
        'Body.',
      ].join('\n'),
      'water-talks.md',
    );
    expect(a.status).toBe('draft');
    expect(a.date?.toISOString()).toBe('2024-05-02T03:00:00.000Z');
    expect(a.lead).toBe('Delegations from five states meet in Almaty.');
    expect(a.rubric).toBe('Analysis');
    expect([a.cover, a.coverCaption, a.coverCredit]).toEqual(['/media/4', 'The Syr Darya', 'Staff']);
  });

  it('reads a Jekyll export: "published: false" and a date with a spaced zone', () => {
    const a = parseArticleFile('---\ntitle: T\nauthor: A\npublished: false\ndate: 2024-05-02 10:00:00 +0200\n---\n', 'x.md');
    expect(a.status).toBe('draft');
    expect(a.date?.toISOString()).toBe('2024-05-02T08:00:00.000Z');
  });

  it('refuses a draft flag that contradicts the status, a map where text belongs and a non-boolean draft', () => {
    expect(() => parseArticleFile('---\ntitle: T\nauthor: A\nstatus: published\ndraft: true\n---\n', 'x.md')).toThrow(/marked as a draft/);
    expect(() => parseArticleFile('---\ntitle: {a: b}\nauthor: A\n---\n', 'x.md')).toThrow(/not a map/);
    expect(() => parseArticleFile('---\ntitle: T\nauthor: A\ndraft: maybe\n---\n', 'x.md')).toThrow(/true or false/);
  });

  it('parses dates with and without time and zone', () => {
    expect(parseImportDate('2025-01-06')?.toISOString()).toBe('2025-01-06T00:00:00.000Z');
    expect(parseImportDate('2025-10-14T10:00:00+03:00')?.toISOString()).toBe('2025-10-14T07:00:00.000Z');
    expect(parseImportDate('2025-10-14 10:00')?.toISOString()).toBe('2025-10-14T10:00:00.000Z');
    expect(parseImportDate('14/10/2025')).toBeUndefined();
    expect(parseImportDate('2025-13-01')).toBeUndefined();
  });
});

describe.each(DIALECTS)('importer on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
    dir = mkdtempSync(join(tmpdir(), 'chancery-import-'));
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await close();
  });

  it('imports good files with authors, rubric, tags and date; reports a bad file by name and line and skips it', async () => {
    writeFileSync(join(dir, 'bishkek-beijing.md'), GOOD);
    writeFileSync(join(dir, 'railway.md'), TWO_AUTHORS);
    writeFileSync(join(dir, 'broken.md'), BAD_DATE);
    writeFileSync(join(dir, 'draft.md'), DRAFT);
    writeFileSync(join(dir, 'outlook.md'), FUTURE);
    writeFileSync(join(dir, 'notes.txt'), 'not markdown');
    const progress: string[] = [];
    const r = await createImporter({ db, clock }).importFolder(dir, { onProgress: (d, t, f) => progress.push(`${d}/${t} ${f}`) });

    expect(r.errors).toEqual([{ file: 'broken.md', line: 4, message: 'bad date "2025-02-30": use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ' }]);
    expect(r.created.map((c) => c.slug).sort()).toEqual(['bishkek-beijing', 'draft', 'outlook', 'railway-work-begins']);
    expect(progress).toEqual(['0/5 bishkek-beijing.md', '1/5 broken.md', '2/5 draft.md', '3/5 outlook.md', '4/5 railway.md', '5/5 ']);
    expect(await db.selectFrom('articles').select('slug').where('slug', '=', 'broken').executeTakeFirst()).toBeUndefined();

    const a = (await findArticleBySlug(db, 'bishkek-beijing'))!;
    expect(a.status).toBe('published');
    expect(a.publishedAt).toBe('2025-03-12T09:00:00.000Z');
    expect(a.authors.map((x) => [x.slug, x.name])).toEqual([['sergey-saenko', 'Sergey Saenko']]);
    expect(a.rubric?.slug).toBe('analysis');
    expect(a.tags.map((t) => t.slug).sort()).toEqual(['belt-and-road', 'china', 'kyrgyzstan']);
    expect(String(a.bodyHtml)).toContain('<strong>visit</strong>');

    const b = (await findArticleBySlug(db, 'railway-work-begins'))!;
    expect(b.authors.map((x) => x.slug)).toEqual(['daniel-whitcombe', 'aigerim-bekova']);
    expect(b.language).toBe('ru');
    expect(b.publishedAt).toBe('2025-01-06T00:00:00.000Z');
    expect(await findRubricBySlug(db, 'economy-and-trade')).toMatchObject({ name: 'Economy and Trade' });
    expect(await findAuthorBySlug(db, 'aigerim-bekova')).toMatchObject({ name: 'Aigerim Bekova' });

    expect(await findArticleBySlug(db, 'draft')).toMatchObject({ status: 'draft', publishedAt: null });
    expect(await findArticleBySlug(db, 'outlook')).toMatchObject({ status: 'scheduled', publishedAt: '2026-12-15T07:00:00.000Z' });
    const jobs = await db.selectFrom('jobs').select('kind').execute();
    // The scheduled piece waits for its time; each published one is announced to webhook subscribers.
    expect(jobs.filter((j) => j.kind !== 'webhook-event').map((j) => j.kind)).toEqual(['publish-scheduled']);
    expect(jobs.filter((j) => j.kind === 'webhook-event')).toHaveLength(2);
    expect(summarize(r)).toBe('Imported 4 (4 new, 0 updated), skipped 0 unchanged, 1 error.');
  });

  it('says a refusal in English words on the command line, never as its catalogue key', async () => {
    writeFileSync(join(dir, 'bishkek-beijing.md'), GOOD);
    const r = await createImporter({ db, clock, actor: { id: null, role: 'author' } }).importFolder(dir);
    expect(r.errors).toEqual([{ file: 'bishkek-beijing.md', line: 0, message: 'Only editors can publish or schedule.' }]);
  });

  it('imports a Chinese article by a Chinese author, and Kazakh tags, with transliterated slugs', async () => {
    writeFileSync(
      join(dir, '铁路协议.md'),
      `---\ntitle: 中国和吉尔吉斯斯坦签署铁路协议\nauthor: 王毅\ndate: 2026-06-01\ntags: [Қазақстан, Тоқаев]\nlanguage: zh\n---\n双方签署了铁路协议。\n`,
    );
    const r = await createImporter({ db, clock }).importFolder(dir);
    expect(r.errors).toEqual([]);
    const a = (await findArticleBySlug(db, 'tielu-xieyi'))!;
    expect(a.language).toBe('zh');
    expect(a.authors.map((x) => [x.slug, x.name])).toEqual([['wang-yi', '王毅']]);
    expect(a.tags.map((t) => t.slug).sort()).toEqual(['kazakhstan', 'tokaev']);
  });

  it('updates on re-import instead of duplicating, and leaves unchanged files alone', async () => {
    writeFileSync(join(dir, 'bishkek-beijing.md'), GOOD);
    writeFileSync(join(dir, 'railway.md'), TWO_AUTHORS);
    const importer = createImporter({ db, clock });
    const first = await importer.importFolder(dir);
    expect(first.created).toHaveLength(2);
    const id = first.created.find((c) => c.slug === 'bishkek-beijing')!.id;

    writeFileSync(
      join(dir, 'bishkek-beijing.md'),
      GOOD.replace('a new gear', 'a higher gear').replace('tags: [kyrgyzstan, china, Belt and Road]', 'tags: [kyrgyzstan]'),
    );
    const second = await createImporter({ db, clock }).importFolder(dir);
    expect(second.updated).toEqual([{ file: 'bishkek-beijing.md', slug: 'bishkek-beijing', id }]);
    expect(second.unchanged.map((u) => u.slug)).toEqual(['railway-work-begins']);
    expect(second.created).toEqual([]);

    const rows = await db.selectFrom('articles').select(['id', 'title']).where('slug', '=', 'bishkek-beijing').execute();
    expect(rows).toEqual([{ id, title: 'Bishkek and Beijing: a higher gear' }]);
    const a = (await findArticleBySlug(db, 'bishkek-beijing'))!;
    expect(a.tags.map((t) => t.slug)).toEqual(['kyrgyzstan']);
    expect(a.publishedAt).toBe('2025-03-12T09:00:00.000Z');
    expect(
      Number(
        (
          await db
            .selectFrom('authors')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(3);
  });

  it('imports everything as drafts with status draft, taking published pieces back', async () => {
    writeFileSync(join(dir, 'bishkek-beijing.md'), GOOD);
    await createImporter({ db, clock }).importFolder(dir);
    const r = await createImporter({ db, clock }).importFolder(dir, { status: 'draft' });
    expect(r.updated).toHaveLength(1);
    expect((await findArticleBySlug(db, 'bishkek-beijing'))?.status).toBe('draft');
  });

  it('reports two files with one slug', async () => {
    writeFileSync(join(dir, 'a.md'), GOOD.replace('author:', 'slug: same\nauthor:'));
    writeFileSync(join(dir, 'b.md'), TWO_AUTHORS.replace('slug: railway-work-begins', 'slug: same'));
    const r = await createImporter({ db, clock }).importFolder(dir);
    expect(r.created.map((c) => c.file)).toEqual(['a.md']);
    expect(r.errors).toEqual([{ file: 'b.md', line: 1, message: 'slug "same" is also used by a.md' }]);
  });
});

describe('progress bar', () => {
  it('renders the bar and writes one line per tenth when not a terminal', () => {
    expect(renderBar(12, 40, 'file.md', 10)).toBe('[###.......] 12/40 file.md');
    const out: string[] = [];
    const p = progressReporter({ write: (s) => out.push(s), isTTY: false });
    for (let i = 0; i <= 40; i++) p.update(i, 40, `f${i}.md`);
    p.finish();
    expect(out).toHaveLength(11);
    expect(out[10]).toBe('[####################] 40/40 f40.md\n');
  });

  it('redraws in place on a terminal', () => {
    const out: string[] = [];
    const p = progressReporter({ write: (s) => out.push(s), isTTY: true, columns: 80 });
    p.update(1, 2, 'a.md');
    p.finish();
    expect(out[0]).toMatch(/^\r\[#{10}\.{10}\] 1\/2 a\.md/);
    expect(out.at(-1)).toBe('\n');
  });
});
