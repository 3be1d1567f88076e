// An event's title, summary, programme, venue and terms, translated per language (platform/translation-store.ts): the
// event's page in an edition shows them in that edition's language, and the original where there is none.
import type { ContentMemo } from '../../platform/content-memo.js';
import type { Db } from '../../platform/db.js';
import { renderMarkdown } from '../../platform/markdown.js';
import type { SafeHtml } from '../../platform/safe-html.js';
import { findTranslationInto } from '../../platform/translation-store.js';
import type { TranslatableField } from '../../platform/ui/translation-fields.js';
import type { Event } from './event.js';

/** The fields of an event a newsroom translates, as the staff form shows them. */
export const EVENT_TRANSLATABLE: TranslatableField[] = [
  { field: 'title', label: 'events.admin.field.title', max: 300 },
  { field: 'summary', label: 'events.admin.field.summary', max: 2000, multiline: true },
  { field: 'programme_md', label: 'events.admin.field.programme', max: 50_000, multiline: true },
  { field: 'venue_name', label: 'events.admin.field.venue_name', max: 300 },
  { field: 'venue_address', label: 'events.admin.field.address', max: 300 },
  { field: 'venue_city', label: 'events.admin.field.city', max: 120 },
  { field: 'terms_md', label: 'events.admin.field.terms', max: 50_000, multiline: true },
];

// A page in another edition than the event's shows the event (the next one on the front page, an article's own)
// on every view, and translating it rendered its programme and terms from Markdown each time: about 2.7 ms of a
// Russian article's 4 ms miss, for HTML that only the event's own page shows. The HTML depends on the text
// alone, so the last few texts keep theirs (an edited translation is a new text).
const RENDERED_MAX = 32;
const rendered = new Map<string, SafeHtml>();

/** renderMarkdown, remembered for the last RENDERED_MAX texts. */
export function renderTranslated(md: string): SafeHtml {
  let html = rendered.get(md);
  if (html !== undefined) {
    // Used again: moved to the end, so the least recently used text goes first.
    rendered.delete(md);
  } else {
    html = renderMarkdown(md);
    if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  }
  rendered.set(md, html);
  return html;
}

/** The event with its translated fields in place; a translated title makes the event speak that language. */
export function translateEvent(e: Event, lang: string, fields: Record<string, string>): Event {
  if (!Object.keys(fields).length || lang === e.language) return e;
  return {
    ...e,
    language: fields.title ? lang : e.language,
    title: fields.title || e.title,
    summary: fields.summary || e.summary,
    venue: {
      ...e.venue,
      name: fields.venue_name || e.venue.name,
      address: fields.venue_address || e.venue.address,
      city: fields.venue_city || e.venue.city,
    },
    ...(fields.programme_md ? { programmeMd: fields.programme_md, programmeHtml: renderTranslated(fields.programme_md) } : {}),
    ...(fields.terms_md ? { termsMd: fields.terms_md, termsHtml: renderTranslated(fields.terms_md) } : {}),
  };
}

/**
 * The event as a page in `lang` shows it. With the content memo, read and translated once per version of the
 * event: the front page and every article linked to it show the same one on each miss.
 */
export async function eventIn(db: Db, e: Event, lang: string, memo?: ContentMemo): Promise<Event> {
  if (lang === e.language) return e;
  const load = async () => translateEvent(e, lang, await findTranslationInto(db, 'event', e.id, lang));
  return memo ? memo.get(`event-in:${e.id}:${lang}:${e.updatedAt}`, load) : load();
}
