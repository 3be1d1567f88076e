// Markdown to sanitised HTML, done once when content is saved.
import { createRequire } from 'node:module';
import type { Marked } from 'marked';
import { sanitize, type SafeHtml } from './safe-html.js';

// Loaded on first use, as the sanitizer is: pages are served from stored HTML. Node's require cache keeps it.
const load = createRequire(import.meta.url);

/** Renders Markdown (GitHub flavour) to SafeHtml; never throws on broken Markdown. */
export function renderMarkdown(md: string): SafeHtml {
  // A fresh instance per call keeps extensions from leaking between callers.
  const marked = new (load('marked') as { Marked: typeof Marked }).Marked({ gfm: true, breaks: false, async: false });
  let html: string;
  try {
    html = marked.parse(md) as string;
  } catch {
    html = md
      .split(/\n{2,}/)
      .map((p) => `<p>${p.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</p>`)
      .join('\n');
  }
  return sanitize(html);
}

/** Plain text of Markdown, for search documents, feeds summaries and the knowledge engine. */
export function markdownToText(md: string): string {
  return md
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/<[^>]+>/g, ' ');
}

/** Estimated reading time in minutes (230 words a minute, at least 1). */
export function readingMinutes(text: string): number {
  // Counted on character codes: splitting a long article into an array of words on every page view was
  // a measurable share of rendering it.
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space =
      c === 32 ||
      (c >= 9 && c <= 13) ||
      c === 0xa0 ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x3000 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x1680 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return Math.max(1, Math.round(words / 230));
}
