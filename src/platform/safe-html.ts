// Untrusted HTML reaches a page only as SafeHtml, made by the sanitizer below.
import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

// Content is sanitised when it is saved, never when it is read: the sanitizer (a tenth of the server's
// start-up with its HTML and CSS parsers) is loaded on first use. Node's require cache keeps it.
const load = createRequire(import.meta.url);

declare const safe: unique symbol;
/** HTML that has been sanitised (or built by us) and may be inserted without escaping. */
export type SafeHtml = string & { readonly [safe]: true };

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'em',
    'strong',
    'code',
    'pre',
    'hr',
    'br',
    'figure',
    'figcaption',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'sup',
    'sub',
    'del',
    's',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    th: ['align'],
    td: ['align'],
    '*': ['id'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  transformTags: {
    // Headings inside an article sit below its h1; an h1 in the body becomes h2.
    h1: 'h2',
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
};

/** Sanitises untrusted HTML into SafeHtml: no scripts, no event handlers, no javascript: links. */
export function sanitize(html: string): SafeHtml {
  return (load('sanitize-html') as typeof sanitizeHtml)(html, OPTIONS) as SafeHtml;
}

/** Marks HTML we built ourselves from escaped parts as safe. */
export function trusted(html: string): SafeHtml {
  return html as SafeHtml;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML and XML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}
