import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import { createContentMemo } from '../../platform/content-memo.js';
import type { T } from '../../platform/i18n/index.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { renderFragment } from '../../platform/render.js';
import { saveTranslations } from '../../platform/translation-store.js';
import type { Event } from './event.js';
import { eventIn, renderTranslated, translateEvent } from './event-translation.js';
import { EventBlock } from './views/event-block.js';

const event = {
  id: 1,
  language: 'en',
  title: 'Greater Eurasia',
  summary: 'A conference',
  venue: { name: 'Radisson', address: '103 Kurortniy Prospekt', city: 'Sochi', country: 'RU' },
  programmeMd: '## Programme',
  programmeHtml: renderMarkdown('## Programme'),
} as unknown as Event;

describe('translated events', () => {
  it('shows the translated fields, programme and terms rendered from their Markdown', () => {
    const ru = translateEvent(event, 'ru', {
      title: 'Большая Евразия',
      programme_md: '## Программа\n\n**Пленарное** заседание',
      terms_md: 'Условия',
    });
    expect(ru.language).toBe('ru');
    expect(ru.title).toBe('Большая Евразия');
    expect(ru.summary).toBe('A conference');
    expect(ru.programmeHtml).toBe(renderMarkdown('## Программа\n\n**Пленарное** заседание'));
    expect(ru.programmeHtml).toContain('<strong>Пленарное</strong>');
    expect(ru.termsHtml).toBe(renderMarkdown('Условия'));
    // The same text again (the next view) gives the same HTML; an edited translation shows its new text.
    expect(translateEvent(event, 'ru', { programme_md: '## Программа\n\n**Пленарное** заседание' }).programmeHtml).toBe(ru.programmeHtml);
    expect(translateEvent(event, 'ru', { programme_md: '## Программа, исправленная' }).programmeHtml).toContain('исправленная');
    expect(translateEvent(event, 'en', { title: 'x' })).toBe(event);
  });

  it('translates the venue’s name, street and city, and names its country in the page’s language', () => {
    const zh = translateEvent(event, 'zh', { title: '大欧亚', venue_address: '库罗尔特尼大街103号', venue_city: '索契' });
    expect(zh.venue).toEqual({ name: 'Radisson', address: '库罗尔特尼大街103号', city: '索契', country: 'RU' });
    const t = Object.assign((k: string) => k, { lang: 'zh' }) as unknown as T;
    const html = renderFragment(EventBlock({ t, event: { ...zh, slug: 'ge', start: { kind: 'tba' } } as Event }));
    expect(html).toContain('库罗尔特尼大街103号, 索契, 俄罗斯');
    expect(translateEvent(event, 'ru', { title: 'Евразия' }).venue).toEqual(event.venue);
  });

  it('keeps each text its own HTML however many texts pass through', () => {
    const texts = Array.from({ length: 80 }, (_, i) => `Text **${i}** <script>alert(${i})</script>`);
    for (const t of texts) expect(renderTranslated(t)).toBe(renderMarkdown(t));
    // Again in another order, after older texts were dropped: still each its own, still sanitised.
    for (const t of [...texts].reverse()) {
      const html = renderTranslated(t);
      expect(html).toBe(renderMarkdown(t));
      expect(html).not.toContain('<script');
    }
  });
});

describe.each(DIALECTS)('an event in another edition (%s)', (dialect) => {
  it('is read once per version of the event through the content memo, and again once the content changes', async () => {
    const queries: string[] = [];
    const { db, close } = await freshDb(dialect, { onQuery: (q) => queries.push(q) });
    try {
      await saveTranslations(db, 'event', 1, { ru: { title: 'Большая Евразия' } });
      const memo = createContentMemo({ enabled: true });
      const e = { ...event, updatedAt: '2026-12-01T10:00:00.000Z' } as Event;
      queries.length = 0;
      for (let i = 0; i < 3; i++) expect((await eventIn(db, e, 'ru', memo)).title).toBe('Большая Евразия');
      expect(queries).toHaveLength(1);
      // Its own language needs no translation at all.
      expect(await eventIn(db, e, 'en', memo)).toBe(e);
      expect(queries).toHaveLength(1);
      // A saved event is a new version; a cleared memo (any content change) reads the translation again.
      await saveTranslations(db, 'event', 1, { ru: { title: 'Евразия' } });
      queries.length = 0;
      expect((await eventIn(db, { ...e, updatedAt: '2026-12-01T11:00:00.000Z' }, 'ru', memo)).title).toBe('Евразия');
      memo.clear();
      expect((await eventIn(db, e, 'ru', memo)).title).toBe('Евразия');
      expect(queries).toHaveLength(2);
    } finally {
      await close();
    }
  });
});
