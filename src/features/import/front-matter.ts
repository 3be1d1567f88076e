// Front matter of Markdown files, read by a real YAML parser (the `yaml` package, YAML 1.2 core schema plus
// YAML 1.1 timestamps) so that Hugo and Jekyll exports work as written: nested maps, block strings (| and >),
// booleans such as `draft: true`, lists, dates. Errors carry the line of the file they are on.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type ScalarTag,
  type YAMLError,
} from 'yaml';

/**
 * A value as read: strings, booleans, dates (`2024-03-01`, `2024-03-01 10:00:00 +0200`), lists and maps.
 * Numbers stay the text they were written as (`title: 1984`, `version: 1.10`), and an empty value or `null` is "".
 */
export type FrontMatterValue = string | boolean | Date | FrontMatterValue[] | { [key: string]: FrontMatterValue };

export interface FrontMatter {
  /** Top-level keys in file order. */
  data: Record<string, FrontMatterValue>;
  /** The 1-based file line each top-level key was written on. */
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

/** Aliases (`*name`) expanded at most this many times: a few are handy, thousands are a "billion laughs" attack. */
const MAX_ALIASES = 100;
/** Nesting deeper than this is no front matter anyone writes; refusing it keeps the walk bounded. */
const MAX_DEPTH = 32;

// YAML 1.1 timestamps, widened to the zone Jekyll writes ("2024-03-06 10:00:00 +0200"); without a zone, UTC.
const TIMESTAMP_RE = /^(\d{4})-(\d\d)-(\d\d)(?:(?:[Tt]|[ \t]+)(\d\d?):(\d\d)(?::(\d\d)(\.\d+)?)?(?:[ \t]*(Z|[-+]\d\d(?::?\d\d)?))?)?$/;
const TIMESTAMP: ScalarTag = {
  tag: 'tag:yaml.org,2002:timestamp',
  identify: (v) => v instanceof Date,
  default: true,
  test: TIMESTAMP_RE,
  resolve(text, onError) {
    const m = TIMESTAMP_RE.exec(text);
    if (!m) return text;
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
    const ms = Math.round(Number(`0${frac}`) * 1000);
    let time = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
    const check = new Date(Date.UTC(+y, +mo - 1, +d));
    if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
      onError(`bad date "${text}": use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ`);
      return text;
    }
    if (zone !== 'Z') {
      const [zh, zm = '0'] = zone
        .slice(1)
        .replace(':', '')
        .match(/^(\d\d)(\d\d)?$/)!
        .slice(1);
      time -= (zone[0] === '-' ? -1 : 1) * (+zh * 60 + +(zm ?? 0)) * 60_000;
    }
    return new Date(time);
  },
};

/** Splits a file into front matter and body; throws FrontMatterError (with a line) on anything it cannot read. */
export function parseFrontMatter(text: string): FrontMatter {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new FrontMatterError('no front matter: the file must start with a line "---"', 1);
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end === -1) throw new FrontMatterError('front matter is not closed: add a line "---" after it', 1);

  // The YAML starts on file line 2: every line the parser reports is shifted by one.
  const source = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  const doc = parseDocument(source, {
    lineCounter: counter,
    customTags: [TIMESTAMP],
    uniqueKeys: false, // duplicates are reported below, with both lines
    prettyErrors: false,
  });
  if (doc.errors.length) throw toFrontMatterError(doc.errors[0], source, fileLine);

  const data: Record<string, FrontMatterValue> = {};
  const keyLines: Record<string, number> = {};
  const seen = new Map<string, number>();
  const root = doc.contents;
  if (root !== null && !(isScalar(root) && (root.value === null || root.value === ''))) {
    if (!isMap(root)) throw new FrontMatterError('front matter must be "key: value" lines', fileLine(root.range?.[0] ?? 0));
    const walker = new Walker(doc, fileLine);
    for (const pair of root.items) {
      const { key, line } = walker.key(pair.key);
      const first = seen.get(key);
      if (first !== undefined) throw new FrontMatterError(`"${key}" is given twice (first on line ${first})`, line);
      seen.set(key, line);
      define(keyLines, key, line);
      define(data, key, walker.value(pair.value as Node | null, 1));
    }
  }

  const body = lines
    .slice(end + 1)
    .join('\n')
    .replace(/^\n+/, '');
  const skipped = lines.slice(end + 1).findIndex((l) => l.trim() !== '');
  return { data, lines: keyLines, body, bodyLine: end + 2 + Math.max(0, skipped) };
}

/** Turns the parser's nodes into plain values, counting aliases and depth. */
class Walker {
  private aliases = 0;
  constructor(
    private readonly doc: Document,
    private readonly fileLine: (offset: number) => number,
  ) {}

  key(node: unknown): { key: string; line: number } {
    const line = this.fileLine((node as Node | null)?.range?.[0] ?? 0);
    if (!isScalar(node) || node.value === null || typeof node.value === 'object')
      throw new FrontMatterError('a key must be plain text', line);
    return { key: scalarText(node), line };
  }

  value(node: Node | null, depth: number): FrontMatterValue {
    if (node === null) return '';
    const line = this.fileLine(node.range?.[0] ?? 0);
    if (depth > MAX_DEPTH) throw new FrontMatterError(`nested more than ${MAX_DEPTH} levels deep`, line);
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIASES) throw new FrontMatterError(`more than ${MAX_ALIASES} aliases (*name)`, line);
      const target = node.resolve(this.doc);
      if (!target) throw new FrontMatterError(`unknown alias "*${node.source}"`, line);
      return this.value(target as Node, depth + 1);
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || v === undefined) return '';
      if (typeof v === 'boolean' || typeof v === 'string' || v instanceof Date) return v;
      return scalarText(node);
    }
    if (isSeq(node)) return node.items.map((item) => this.value(item as Node | null, depth + 1));
    if (isMap(node)) {
      const out: Record<string, FrontMatterValue> = {};
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const { key, line: keyLine } = this.key(pair.key);
        const first = seen.get(key);
        if (first !== undefined) throw new FrontMatterError(`"${key}" is given twice (first on line ${first})`, keyLine);
        seen.set(key, keyLine);
        define(out, key, this.value(pair.value as Node | null, depth + 1));
      }
      return out;
    }
    throw new FrontMatterError('a value this reader does not understand', line);
  }
}

/** A scalar as written: numbers keep their source text so "1.10" does not become 1.1. */
function scalarText(node: { value: unknown; source?: string }): string {
  if (typeof node.value === 'number' || typeof node.value === 'bigint') return node.source ?? String(node.value);
  if (node.value instanceof Date) return node.value.toISOString();
  return String(node.value);
}

/** Sets a key without letting "__proto__" reach the object's prototype. */
function define<V>(target: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The parser's first error, said as a person would and placed on its file line. */
function toFrontMatterError(err: YAMLError, source: string, fileLine: (offset: number) => number): FrontMatterError {
  const [start, endPos] = err.pos;
  const line = fileLine(start);
  const near = source.slice(start, endPos).trim().slice(0, 40);
  switch (err.code) {
    case 'MISSING_CHAR':
      if (/closing "quote/.test(err.message)) return new FrontMatterError('unterminated double-quoted string', line);
      if (/closing 'quote/.test(err.message)) return new FrontMatterError('unterminated single-quoted string', line);
      if (/followed by map values/.test(err.message))
        return new FrontMatterError(`expected "key: value", got "${lineText(source, start)}"`, line);
      return new FrontMatterError(`a character is missing: ${err.message}`, line);
    case 'BAD_INDENT':
      if (/end with a \]/.test(err.message)) return new FrontMatterError('the list is not closed: add "]"', line);
      if (/end with a \}/.test(err.message)) return new FrontMatterError('the map is not closed: add "}"', line);
      return new FrontMatterError('unexpected indentation: the keys of one map must line up', line);
    case 'TAB_AS_INDENT':
      return new FrontMatterError('tabs are not allowed for indentation; use spaces', line);
    case 'BAD_DQ_ESCAPE':
      return new FrontMatterError(`unknown escape "${near}" in a quoted string`, line);
    case 'BLOCK_AS_IMPLICIT_KEY':
      return new FrontMatterError('a value runs into the next line: check the indentation of the lines below it', line);
    case 'MULTILINE_IMPLICIT_KEY':
      return new FrontMatterError(`expected "key: value", got "${lineText(source, start)}"`, line);
    case 'UNEXPECTED_TOKEN':
      if (/Unexpected , /.test(err.message)) return new FrontMatterError('empty item in a list (two commas in a row?)', line);
      if (/["']\s*$/.test(source.slice(0, start)))
        return new FrontMatterError(`unexpected text after the closing quote: "${lineText(source, start).slice(0, 40)}"`, line);
      return new FrontMatterError(`unexpected text: "${near || lineText(source, start)}"`, line);
    case 'TAG_RESOLVE_FAILED':
      return new FrontMatterError(err.message.split('\n')[0], line);
    default:
      return new FrontMatterError(`cannot read the front matter: ${err.message.split('\n')[0]}`, line);
  }
}

function lineText(source: string, offset: number): string {
  const from = source.lastIndexOf('\n', offset - 1) + 1;
  const to = source.indexOf('\n', offset);
  return source
    .slice(from, to === -1 ? undefined : to)
    .trim()
    .slice(0, 60);
}
