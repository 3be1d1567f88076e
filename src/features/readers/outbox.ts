// Reading the mail outbox: .eml files written when no SMTP server is configured. Parses just enough
// of RFC 5322/2045/2047 to list messages and show their headers and plain-text body.
import { openSync, readSync, closeSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxEntry {
  name: string;
  date: string;
  to: string;
  subject: string;
}
export interface OutboxMessage {
  name: string;
  headers: [string, string][];
  text: string;
}

/** True for a file name the outbox may hold: no separators, no dots but the extension's. */
export function isOutboxName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,150}\.eml$/.test(name);
}

function decodeCharset(buf: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase() || 'utf-8').decode(buf);
  } catch {
    return buf.toString('utf8');
  }
}

/** Decodes RFC 2047 encoded words (=?utf-8?Q?...?= and =?utf-8?B?...?=). */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)\s+(?==\?)/g, '$1') // whitespace between encoded words is dropped
    .replace(/=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g, (_, charset: string, enc: string, text: string) => {
      const buf =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      return decodeCharset(buf, charset.split('*')[0]);
    });
}

/** Splits a message (or a MIME part) into its unfolded headers and its body. */
export function splitMessage(raw: string): { headers: [string, string][]; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers: [string, string][] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length) headers[headers.length - 1][1] += ' ' + line.trim();
    else {
      const i = line.indexOf(':');
      if (i > 0) headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return { headers: headers.map(([k, v]) => [k, decodeWords(v)]), body };
}

const header = (headers: [string, string][], name: string) => headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
const param = (value: string, name: string) => new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(value)?.[1] ?? '';

function decodeBody(body: string, encoding: string, charset: string): string {
  const enc = encoding.toLowerCase();
  if (enc === 'base64') return decodeCharset(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset || 'utf-8');
  if (enc === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return decodeCharset(Buffer.from(bytes, 'latin1'), charset || 'utf-8');
  }
  return body;
}

/** The plain-text body of a message: the text/plain part of a multipart one, decoded. */
export function textBody(headers: [string, string][], body: string, depth = 0): string {
  const type = header(headers, 'content-type') || 'text/plain';
  if (/^multipart\//i.test(type) && depth < 4) {
    const boundary = param(type, 'boundary');
    if (!boundary) return body;
    const parts = body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'));
    let fallback = '';
    for (const p of parts) {
      const part = splitMessage(p.replace(/^\r?\n/, ''));
      const ptype = header(part.headers, 'content-type') || 'text/plain';
      if (/^text\/plain/i.test(ptype) || /^multipart\//i.test(ptype)) {
        const text = textBody(part.headers, part.body, depth + 1);
        if (text.trim()) return text;
      } else if (!fallback && /^text\//i.test(ptype)) fallback = textBody(part.headers, part.body, depth + 1);
    }
    return fallback;
  }
  return decodeBody(body, header(headers, 'content-transfer-encoding'), param(type, 'charset')).replace(/\r\n/g, '\n');
}

function readHead(file: string, max = 16_384): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(max);
    const n = readSync(fd, buf, 0, max, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The newest messages in the outbox folder (none when it does not exist). */
export function listOutbox(dir: string, limit = 200): { entries: OutboxEntry[]; total: number } {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isOutboxName);
  } catch {
    return { entries: [], total: 0 };
  }
  const stamped = names
    .map((name) => {
      try {
        return { name, mtime: statSync(join(dir, name)).mtimeMs };
      } catch {
        return undefined;
      }
    })
    .filter((x): x is { name: string; mtime: number } => !!x);
  // Names start with the sending time; the modification time breaks ties for foreign files.
  stamped.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
  const entries = stamped.slice(0, limit).map(({ name, mtime }) => {
    const { headers } = splitMessage(readHead(join(dir, name)));
    const d = Date.parse(header(headers, 'date'));
    return {
      name,
      date: new Date(Number.isNaN(d) ? mtime : d).toISOString(),
      to: header(headers, 'to'),
      subject: header(headers, 'subject'),
    };
  });
  return { entries, total: stamped.length };
}

/** One message of the outbox, or undefined for a bad name or a missing file. */
export function readOutboxMessage(dir: string, name: string): OutboxMessage | undefined {
  if (!isOutboxName(name)) return undefined;
  let raw: string;
  try {
    const file = join(dir, name);
    if (!statSync(file).isFile()) return undefined;
    raw = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const { headers, body } = splitMessage(raw);
  return { name, headers, text: textBody(headers, body) };
}
