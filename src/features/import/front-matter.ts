// Front matter of Markdown files: a small YAML subset (key: value, quoted strings, [a, b] and "- item" lists, comments).
// A full YAML parser would be one more dependency for a handful of flat keys; errors here carry the file's line number.

export type FrontMatterValue = string | string[];

export interface FrontMatter {
  /** Keys in file order; scalars as strings (unquoted), lists as arrays of strings. */
  data: Record<string, FrontMatterValue>;
  /** The 1-based file line each key was written on. */
  lines: Record<string, number>;
  /** The Markdown after the closing "---". */
  body: string;
  /** The 1-based file line the body starts on. */
  bodyLine: number;
}

/** A problem in a file, with the 1-based line it is on. */
export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'FrontMatterError';
  }
}

const KEY_RE = /^([A-Za-z_][A-Za-z0-9_-]*)\s*:(?:\s+(.*)|\s*)$/;
const ITEM_RE = /^\s+-(?:\s+(.*)|\s*)$/;

/** Splits a file into front matter and body; throws FrontMatterError (with a line) on anything it cannot read. */
export function parseFrontMatter(text: string): FrontMatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new FrontMatterError('no front matter: the file must start with a line "---"', 1);
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end === -1) throw new FrontMatterError('front matter is not closed: add a line "---" after it', 1);

  const data: Record<string, FrontMatterValue> = {};
  const keyLines: Record<string, number> = {};
  let listKey: string | undefined; // the key whose "- item" lines follow
  for (let i = 1; i < end; i++) {
    const lineNo = i + 1;
    const raw = lines[i];
    if (/^\s*(#.*)?$/.test(raw)) continue;
    if (/^ *\t/.test(raw)) throw new FrontMatterError('tabs are not allowed for indentation; use spaces', lineNo);
    const item = ITEM_RE.exec(raw);
    if (item) {
      if (!listKey) throw new FrontMatterError('a list item "- ..." must follow a key with an empty value', lineNo);
      (data[listKey] as string[]).push(parseScalar(item[1] ?? '', lineNo));
      continue;
    }
    if (/^\s/.test(raw)) throw new FrontMatterError('unexpected indentation', lineNo);
    const m = KEY_RE.exec(raw);
    if (!m) throw new FrontMatterError(`expected "key: value", got "${raw.trim().slice(0, 60)}"`, lineNo);
    const key = m[1];
    if (key in data) throw new FrontMatterError(`"${key}" is given twice (first on line ${keyLines[key]})`, lineNo);
    keyLines[key] = lineNo;
    const rest = stripComment(m[2] ?? '').trim();
    listKey = undefined;
    if (rest === '') {
      // Either an empty value or the start of a block list; a following "- item" turns it into a list.
      const next = lines.slice(i + 1, end).find((l) => !/^\s*(#.*)?$/.test(l));
      if (next !== undefined && ITEM_RE.test(next)) {
        data[key] = [];
        listKey = key;
      } else data[key] = '';
    } else if (rest.startsWith('[')) {
      data[key] = parseFlowList(rest, lineNo);
    } else if (rest.startsWith('{')) {
      throw new FrontMatterError(`"${key}": nested maps are not supported`, lineNo);
    } else if (rest === '|' || rest === '>' || /^[|>][+-]?$/.test(rest)) {
      throw new FrontMatterError(`"${key}": multi-line blocks are not supported; write the value on one line in quotes`, lineNo);
    } else {
      data[key] = parseScalar(rest, lineNo);
    }
  }
  const body = lines
    .slice(end + 1)
    .join('\n')
    .replace(/^\n+/, '');
  const skipped = lines.slice(end + 1).findIndex((l) => l.trim() !== '');
  return { data, lines: keyLines, body, bodyLine: end + 2 + Math.max(0, skipped) };
}

/** Removes a trailing " # comment" outside quotes. */
function stripComment(s: string): string {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i);
  }
  return s;
}

/** One value: "double" (with \" \\ \n \t escapes), 'single' ('' for a quote), or plain text. */
function parseScalar(s: string, lineNo: number): string {
  const v = s.trim();
  if (v.startsWith('"') || v.startsWith("'")) {
    const { value, rest } = readQuoted(v, 0, lineNo);
    if (rest.trim() !== '') throw new FrontMatterError(`unexpected text after the closing quote: "${rest.trim().slice(0, 40)}"`, lineNo);
    return value;
  }
  if (v === '~' || v === 'null') return '';
  return v;
}

/** Reads a quoted string starting at s[start]; returns its value and what follows. */
function readQuoted(s: string, start: number, lineNo: number): { value: string; rest: string } {
  const q = s[start];
  let out = '';
  for (let i = start + 1; i < s.length; i++) {
    const c = s[i];
    if (q === '"' && c === '\\') {
      const n = s[++i];
      const esc: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/' };
      if (n === undefined || !(n in esc)) throw new FrontMatterError(`unknown escape "\\${n ?? ''}" in a quoted string`, lineNo);
      out += esc[n];
    } else if (c === q) {
      if (q === "'" && s[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      return { value: out, rest: s.slice(i + 1) };
    } else out += c;
  }
  throw new FrontMatterError(`unterminated ${q === '"' ? 'double' : 'single'}-quoted string`, lineNo);
}

/** A one-line list: [a, "b, c", 'd']. */
function parseFlowList(s: string, lineNo: number): string[] {
  const items: string[] = [];
  let i = 1;
  let current = '';
  let quoted: string | undefined;
  const push = () => {
    const plain = current.trim();
    if (quoted !== undefined) {
      if (plain !== '') throw new FrontMatterError(`unexpected text after a quoted list item: "${plain}"`, lineNo);
      items.push(quoted);
    } else if (plain !== '') items.push(plain);
    else throw new FrontMatterError('empty item in a list (two commas in a row?)', lineNo);
    current = '';
    quoted = undefined;
  };
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c === '"' || c === "'") && current.trim() === '' && quoted === undefined) {
      const r = readQuoted(s, i, lineNo);
      quoted = r.value;
      i = s.length - r.rest.length - 1;
    } else if (c === ',') push();
    else if (c === ']') {
      // "[]" is empty and "[a, b,]" keeps its trailing comma harmless, as in YAML.
      if (current.trim() !== '' || quoted !== undefined) push();
      if (s.slice(i + 1).trim() !== '')
        throw new FrontMatterError(
          `unexpected text after the list: "${s
            .slice(i + 1)
            .trim()
            .slice(0, 40)}"`,
          lineNo,
        );
      return items;
    } else if (c === '[' || c === '{') throw new FrontMatterError('nested lists are not supported', lineNo);
    else current += c;
  }
  throw new FrontMatterError('the list is not closed: add "]"', lineNo);
}
