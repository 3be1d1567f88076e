// Test-only: a small strict XML parser. Node has none built in; this one rejects what real feed
// readers reject (unbalanced tags, bare & or <, bad references, forbidden characters, two roots).

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, where: number): string {
  return s.replace(/&([^;]*);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & near offset ${where}`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const num = /^#(\d+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
    if (!num) throw new Error(`unknown entity &${ref}; near offset ${where}`);
    const cp = parseInt(num[1], ref[1] === 'x' ? 16 : 10);
    if ((cp < 0x20 && cp !== 9 && cp !== 10 && cp !== 13) || cp > 0x10ffff) throw new Error(`forbidden character reference ${m}`);
    return String.fromCodePoint(cp);
  });
}

/** Parses a whole XML document strictly; throws on anything not well-formed. */
export function parseStrictXml(doc: string): XmlNode {
  const bad = FORBIDDEN.exec(doc);
  if (bad) throw new Error(`forbidden character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at offset ${bad.index}`);
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}: ${JSON.stringify(doc.slice(i, i + 40))}`);
  };
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(doc.slice(i))![0];
      i += ws.length;
      if (doc.startsWith('<!--', i)) {
        const e = doc.indexOf('-->', i + 4);
        if (e < 0) fail('unclosed comment');
        i = e + 3;
        continue;
      }
      if (doc.startsWith('<?', i)) {
        const e = doc.indexOf('?>', i + 2);
        if (e < 0) fail('unclosed processing instruction');
        i = e + 2;
        continue;
      }
      return;
    }
  };
  if (doc.startsWith('<?xml', 0)) {
    const e = doc.indexOf('?>');
    if (e < 0) fail('unclosed declaration');
    i = e + 2;
  } else if (/^\s*<\?xml/i.test(doc)) fail('XML declaration not at the very start');

  function element(): XmlNode {
    if (doc[i] !== '<') fail('expected <');
    i++;
    const name = NAME.exec(doc.slice(i))?.[0] ?? fail('bad element name');
    i += name.length;
    const node: XmlNode = { name, attrs: {}, children: [] };
    for (;;) {
      const ws = /^\s*/.exec(doc.slice(i))![0];
      i += ws.length;
      if (doc.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (doc[i] === '>') {
        i++;
        break;
      }
      if (!ws) fail('expected whitespace before attribute');
      const an = NAME.exec(doc.slice(i))?.[0] ?? fail('bad attribute name');
      i += an.length;
      const m = /^\s*=\s*(["'])/.exec(doc.slice(i)) ?? fail('expected ="');
      i += m[0].length;
      const end = doc.indexOf(m[1], i);
      if (end < 0) fail('unclosed attribute value');
      const raw = doc.slice(i, end);
      if (raw.includes('<')) fail('< in attribute value');
      if (an in node.attrs) fail(`duplicate attribute ${an}`);
      node.attrs[an] = decode(raw, i);
      i = end + 1;
    }
    for (;;) {
      if (i >= doc.length) fail(`unclosed <${name}>`);
      if (doc.startsWith('</', i)) {
        const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(doc.slice(i)) ?? fail('bad end tag');
        if (m[1] !== name) fail(`</${m[1]}> closes <${name}>`);
        i += m[0].length;
        return node;
      }
      if (doc.startsWith('<!--', i)) {
        const e = doc.indexOf('-->', i + 4);
        if (e < 0) fail('unclosed comment');
        i = e + 3;
        continue;
      }
      if (doc.startsWith('<![CDATA[', i)) {
        const e = doc.indexOf(']]>', i + 9);
        if (e < 0) fail('unclosed CDATA');
        node.children.push(doc.slice(i + 9, e));
        i = e + 3;
        continue;
      }
      if (doc[i] === '<') {
        node.children.push(element());
        continue;
      }
      const next = doc.indexOf('<', i);
      const raw = doc.slice(i, next < 0 ? doc.length : next);
      if (raw.includes(']]>')) fail(']]> in text');
      node.children.push(decode(raw, i));
      i += raw.length;
    }
  }

  skipMisc();
  const root = element();
  skipMisc();
  if (i !== doc.length) fail('content after the root element');
  return root;
}

/** Child elements with this name (direct children only). */
export function children(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c): c is XmlNode => typeof c !== 'string' && c.name === name);
}

/** The first child element with this name; throws when absent. */
export function child(node: XmlNode, name: string): XmlNode {
  const c = children(node, name)[0];
  if (!c) throw new Error(`<${node.name}> has no <${name}>`);
  return c;
}

/** The text content of an element, nested elements included. */
export function textOf(node: XmlNode): string {
  return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
