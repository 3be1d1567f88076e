// A tiny XML writer: every text and attribute value passes through one escaper that also drops
// characters XML 1.0 forbids, so feeds stay well-formed whatever editors type.

/** Serialized markup; only el() and xmlList() make it, so a plain string is always text. */
export class Xml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

// C0 controls except tab and newline, lone surrogates, and the two non-characters XML forbids.
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const NAME = /^[A-Za-z_][\w.:-]*$/;

/** Removes characters that may not appear in an XML document (feed readers choke on them in JSON too). */
export function stripForbidden(s: string): string {
  return s.replace(FORBIDDEN, '');
}

/** Escapes text for XML content or a quoted attribute value, dropping forbidden characters. */
export function escapeXml(s: string): string {
  return stripForbidden(s).replace(/[&<>"']/g, (c) => ESC[c]);
}

export type Attrs = Record<string, string | number | undefined>;
export type Child = Xml | string | null | undefined | false;

/** An element: plain strings among the children are escaped text, Xml values are nested markup. */
export function el(name: string, attrs: Attrs = {}, ...children: Child[]): Xml {
  if (!NAME.test(name)) throw new Error(`bad XML name: ${name}`);
  let s = '<' + name;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (!NAME.test(k)) throw new Error(`bad XML attribute name: ${k}`);
    s += ` ${k}="${escapeXml(String(v))}"`;
  }
  const inner = xmlList(children).markup;
  return new Xml(inner ? `${s}>${inner}</${name}>` : `${s}/>`);
}

/** Joins children into one piece of markup, escaping plain strings. */
export function xmlList(children: Child[]): Xml {
  let out = '';
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    out += c instanceof Xml ? c.markup : escapeXml(c);
  }
  return new Xml(out);
}

/** A whole document: the XML declaration and the root element. */
export function xmlDocument(root: Xml): string {
  return '<?xml version="1.0" encoding="utf-8"?>\n' + root.markup + '\n';
}
