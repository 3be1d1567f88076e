import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../platform/markdown.js';
import type { Event } from './event.js';
import { renderTranslated, translateEvent } from './event-translation.js';

const event = {
  id: 1,
  language: 'en',
  title: 'Greater Eurasia',
  summary: 'A conference',
  venue: { name: 'Sochi' },
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
