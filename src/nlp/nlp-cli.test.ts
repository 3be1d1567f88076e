// The CLI entry points that the main `chancery` command calls.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runEvalCli, runExtractCli } from './cli.js';

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      stdin: Readable.from([Buffer.from(stdin)]),
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'chancery-nlp-'));
const article = join(dir, 'a.txt');
writeFileSync(article, 'Visit\nTurkish President Recep Tayyip Erdogan paid an official visit to Baku on Monday.\n');

describe('chancery extract', () => {
  it('prints one JSON document and exits 0', async () => {
    const t = io();
    expect(await runExtractCli([article, '--published', '2024-06-05'], t.io)).toBe(0);
    const doc = JSON.parse(t.out.join(''));
    expect(doc.facts[0]).toMatchObject({
      type: 'visit',
      args: { host: 'country:AZ', place: 'place:baku', kind: 'official' },
      when: { value: '2024-06-03' },
    });
  });
  it('reads standard input with -', async () => {
    const t = io('Title\nBrazil and Argentina signed 12 agreements.');
    expect(await runExtractCli(['extract', '-'], t.io)).toBe(0);
    expect(JSON.parse(t.out.join('')).facts[0].args.count).toBe(12);
  });
  it.each([
    [['missing.txt'], /cannot read/],
    [[], /missing FILE/],
    [['--published', '2024-13-40', 'x'], /--published/],
  ])('rejects bad input %j with exit 2', async (argv, re) => {
    const t = io();
    expect(await runExtractCli(argv as string[], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(re);
    expect(t.err.join('').trim().split('\n')).toHaveLength(1);
  });
  it('reads Russian and Chinese, detected or named, and names the language it read', async () => {
    let t = io('Визит\nПрезидент Казахстана Касым-Жомарт Токаев прибыл в Баку с официальным визитом.');
    expect(await runExtractCli(['-', '--published', '2024-06-05'], t.io)).toBe(0);
    let doc = JSON.parse(t.out.join(''));
    expect(doc.lang).toBe('ru');
    expect(doc.facts[0]).toMatchObject({ type: 'visit', args: { visitor: 'person:kassym-jomart-tokayev', host: 'country:AZ' } });
    t = io('访问\n哈萨克斯坦总统托卡耶夫抵达巴库，进行正式访问。');
    expect(await runExtractCli(['-', '--lang', 'zh', '--published', '2024-06-05'], t.io)).toBe(0);
    doc = JSON.parse(t.out.join(''));
    expect(doc.lang).toBe('zh');
    expect(doc.facts[0]).toMatchObject({ type: 'visit', args: { host: 'country:AZ' } });
  });
  it.each([
    ['Titre\nLe président de la République a signé un accord avec le Maroc pour les échanges et la sécurité.', [], /French/],
    [
      'Titel\nDer Bundeskanzler hat mit dem Präsidenten der Türkei über die Zusammenarbeit gesprochen und ist nach Ankara gereist.',
      [],
      /German/,
    ],
    ['タイトル\n日本の首相は北京を訪問し、中国の国家主席と会談した。', [], /Japanese/],
    ['Title\nThe president visited Baku.', ['--lang', 'fr'], /French/],
    ['Title\nThe president visited Baku.', ['--lang', 'english'], /--lang/],
  ])('refuses a language it cannot read with one line and exit 2: %j', async (text, extra, re) => {
    const t = io(text);
    expect(await runExtractCli(['-', ...(extra as string[])], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(re);
    expect(t.err.join('').trim().split('\n')).toHaveLength(1);
    expect(t.out).toEqual([]);
  });
  it('rejects empty and non-UTF-8 files', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n');
    const bin = join(dir, 'bin.txt');
    writeFileSync(bin, Buffer.from([0x48, 0xff, 0xfe, 0x00, 0xc3]));
    let t = io();
    expect(await runExtractCli([empty], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/empty/);
    t = io();
    expect(await runExtractCli([bin], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/UTF-8/);
  });
});

describe('chancery eval', () => {
  it('prints the precision/recall/F1 table', async () => {
    const t = io();
    expect(await runEvalCli([], t.io)).toBe(0);
    expect(t.out.join('')).toMatch(/overall\s+\d+/);
  });
});
