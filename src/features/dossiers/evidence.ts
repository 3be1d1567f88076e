// Marks the sentences facts were drawn from inside an article's rendered HTML, so a link to
// /articles/:slug#evidence-<id> scrolls to the sentence and CSS :target highlights it.
import type { SafeHtml } from '../../platform/safe-html.js';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  laquo: '\u00ab',
  raquo: '\u00bb',
};

// Characters compared loosely: curly and straight quotes alike, any space alike, Markdown marks ignored
// (the engine reads Markdown stripped to text, the page shows it rendered). Works on UTF-16 codes, without a
// regular expression per character: an article body is folded on every view of its page. -1 drops the code.
function foldCode(c: number): number {
  if (c < 128) {
    if (c === 32 || (c >= 9 && c <= 13)) return 32;
    if (c === 96) return 39;
    if (c === 42 || c === 95 || c === 126) return -1;
    return c;
  }
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
      return 39;
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
    case 0xab:
    case 0xbb:
      return 34;
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0xfeff:
      return 32;
  }
  return c >= 0x2000 && c <= 0x200a ? 32 : c;
}

interface Folded {
  text: string;
  /** For each UTF-16 unit of text: where its source starts and ends in the HTML. */
  atStart: Int32Array;
  atEnd: Int32Array;
  /** Index of the text token each unit came from (-1 for a block boundary). */
  tok: Int32Array;
}

type Token = { kind: 'text' | 'tag'; start: number; end: number; name?: string; closing?: boolean; selfClosing?: boolean };

const VOID = new Set(['br', 'hr', 'img', 'wbr', 'input', 'meta', 'link']);
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'pre',
  'section',
  'article',
  'aside',
]);
// Text in these never holds an article sentence.
const SKIP = new Set(['script', 'style', 'code', 'pre']);

function tokenize(html: string): Token[] {
  const out: Token[] = [];
  const re = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const s = m[0];
    if (s.startsWith('<!--')) out.push({ kind: 'tag', start: m.index, end: m.index + s.length });
    else if (m[1]) {
      const name = m[1].toLowerCase();
      out.push({
        kind: 'tag',
        start: m.index,
        end: m.index + s.length,
        name,
        closing: s[1] === '/',
        selfClosing: VOID.has(name) || s.endsWith('/>'),
      });
    } else out.push({ kind: 'text', start: m.index, end: m.index + s.length });
  }
  return out;
}

// Reused between calls (marking is synchronous and a call is done with them before the next starts): typed
// arrays of a body's length cost more to allocate and zero than to fill.
let codes = new Uint16Array(0),
  atStart = new Int32Array(0),
  atEnd = new Int32Array(0),
  tokOf = new Int32Array(0);

function foldHtml(html: string, tokens: Token[]): Folded {
  // One folded unit per source unit at most (an entity or a tag gives fewer units than it has characters).
  const cap = html.length + 1;
  if (codes.length < cap) {
    const size = Math.max(cap, codes.length * 2);
    codes = new Uint16Array(size);
    atStart = new Int32Array(size);
    atEnd = new Int32Array(size);
    tokOf = new Int32Array(size);
  }
  const f: Folded = { text: '', atStart, atEnd, tok: tokOf };
  let n = 0;
  let last = -1; // the last folded UTF-16 unit, -1 before any
  const push = (code: number, start: number, end: number, ti: number) => {
    // Collapse runs of spaces; a block boundary counts as a space too.
    if (code < 0 || (code === 32 && (last === 32 || last === -1))) return;
    codes[n] = code;
    f.atStart[n] = start;
    f.atEnd[n] = end;
    f.tok[n] = ti;
    n++;
    last = code;
  };
  let skipDepth = 0;
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti];
    if (t.kind === 'tag') {
      if (t.name && SKIP.has(t.name)) skipDepth += t.closing ? -1 : t.selfClosing ? 0 : 1;
      if (t.name && (BLOCK.has(t.name) || t.name === 'br') && last !== 32 && last !== -1) push(32, t.start, t.start, -1);
      continue;
    }
    if (skipDepth > 0) continue;
    for (let i = t.start; i < t.end; ) {
      const code = html.charCodeAt(i);
      if (code === 38) {
        // &
        const m = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
        if (m) {
          const ent = m[1];
          const ch =
            ent[0] === '#'
              ? String.fromCodePoint(ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10))
              : (ENTITIES[ent] ?? m[0]);
          for (let k = 0; k < ch.length; k++) push(foldCode(ch.charCodeAt(k)), i, i + m[0].length, ti);
          i += m[0].length;
          continue;
        }
      }
      // A pair of surrogates folds to itself, both units mapping to the whole character.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < t.end) {
        const low = html.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          push(code, i, i + 2, ti);
          push(low, i, i + 2, ti);
          i += 2;
          continue;
        }
      }
      push(foldCode(code), i, i + 1, ti);
      i++;
    }
  }
  const chunks: string[] = [];
  for (let k = 0; k < n; k += 4096)
    chunks.push(String.fromCharCode.apply(null, codes.subarray(k, Math.min(n, k + 4096)) as unknown as number[]));
  f.text = chunks.join('');
  return f;
}

function foldPlain(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const x = foldCode(s.charCodeAt(i));
    if (x < 0 || (x === 32 && (out === '' || out.charCodeAt(out.length - 1) === 32))) continue;
    out += String.fromCharCode(x);
  }
  return out.trimEnd();
}

/** True when the tags between two HTML offsets open and close in pairs (a single wrapper stays valid). */
function balanced(tokens: Token[], from: number, to: number): boolean {
  const stack: string[] = [];
  for (const t of tokens) {
    if (t.end <= from || t.start >= to || t.kind !== 'tag' || !t.name || t.selfClosing) continue;
    if (t.start < from) return false; // the range starts inside a tag
    if (BLOCK.has(t.name)) return false;
    if (!t.closing) stack.push(t.name);
    else if (stack.pop() !== t.name) return false;
  }
  return stack.length === 0;
}

/**
 * Wraps the first occurrence of each evidence sentence in `<mark id="evidence-<id>" class="evidence">`.
 * Matching reads the HTML's text, so inline tags, entities (&amp;) and curly quotes do not stop it;
 * a sentence not found (e.g. it was in the title or lead) is skipped. Facts sharing one sentence get
 * empty anchors inside the same mark. Returns the HTML unchanged when nothing matches.
 */
export function markEvidence(bodyHtml: string, evidences: { id: number | string; text: string }[]): SafeHtml {
  return markEvidenceWithIds(bodyHtml, evidences).html;
}

/** markEvidence, also telling which ids got an anchor (so a page links only to sentences it shows). */
export function markEvidenceWithIds(
  bodyHtml: string,
  evidences: { id: number | string; text: string }[],
): { html: SafeHtml; marked: Set<string> } {
  const marked = new Set<string>();
  if (!evidences.length || !bodyHtml) return { html: bodyHtml as SafeHtml, marked };
  const tokens = tokenize(bodyHtml);
  const folded = foldHtml(bodyHtml, tokens);
  const inserts: { pos: number; order: number; html: string }[] = [];
  const taken: [number, number][] = [];
  const byText = new Map<string, (number | string)[]>();
  for (const e of evidences) {
    const key = foldPlain(e.text ?? '');
    if (key.length < 3) continue;
    const ids = byText.get(key) ?? [];
    ids.push(e.id);
    byText.set(key, ids);
  }
  let seq = 0;
  for (const [key, ids] of byText) {
    const i = folded.text.indexOf(key);
    if (i < 0) continue;
    const j = i + key.length - 1;
    const from = folded.atStart[i],
      to = folded.atEnd[j];
    if (taken.some(([a, b]) => from < b && to > a)) continue;
    taken.push([from, to]);
    const [first, ...rest] = ids;
    for (const id of ids) marked.add(String(id));
    const anchors = rest.map((id) => `<span id="evidence-${attr(id)}" class="evidence-anchor"></span>`).join('');
    const open = `<mark id="evidence-${attr(first)}" class="evidence">${anchors}`;
    seq++;
    if (balanced(tokens, from, to)) {
      inserts.push({ pos: from, order: seq * 2 + 1, html: open }, { pos: to, order: -(seq * 2), html: '</mark>' });
      continue;
    }
    // The sentence crosses an element boundary: mark each run of text separately, the first carrying the id.
    let k = i;
    let firstRun = true;
    while (k <= j) {
      const tok = folded.tok[k];
      let e = k;
      while (e + 1 <= j && folded.tok[e + 1] === tok) e++;
      if (tok >= 0) {
        const a = folded.atStart[k],
          b = folded.atEnd[e];
        inserts.push(
          { pos: a, order: seq * 2 + 1, html: firstRun ? open : `<mark class="evidence" data-evidence="${attr(first)}">` },
          { pos: b, order: -(seq * 2), html: '</mark>' },
        );
        firstRun = false;
      }
      k = e + 1;
    }
  }
  if (!inserts.length) return { html: bodyHtml as SafeHtml, marked };
  // At one position, closings go before openings so marks never interleave.
  inserts.sort((a, b) => a.pos - b.pos || a.order - b.order);
  let out = '';
  let last = 0;
  for (const ins of inserts) {
    out += bodyHtml.slice(last, ins.pos) + ins.html;
    last = ins.pos;
  }
  return { html: (out + bodyHtml.slice(last)) as SafeHtml, marked };
}

function attr(id: number | string): string {
  return String(id).replace(/[^A-Za-z0-9_-]/g, '');
}
