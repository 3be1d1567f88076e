// Every t('key') in the code has an English string, and interpolation fills variables.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { en } from './en.js';
import { CATALOGUES, formatDate, LANGUAGES, type MessageKey, messageKey, translator } from './index.js';

/** The variables a message names, with the kind of each ("count:plural", "q:"), from its ICU syntax tree. */
function variablesOf(message: string, lang: string): string[] {
  // A message without a typed argument is filled by plain {name} places (literal braces, as in JSON, stay text).
  if (!/\{\s*\w+\s*,/.test(message)) return [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => `${m[1]}:`))].sort();
  const out = new Set<string>();
  type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }> };
  const KINDS: Record<number, string> = { 1: '', 2: 'number', 3: 'date', 4: 'time', 5: 'select', 6: 'plural' };
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.value !== undefined && n.type in KINDS) out.add(`${n.value}:${KINDS[n.type]}`);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(message, lang).getAst() as Node[]);
  // "#" inside a plural stands for its count: a plain {count} elsewhere is the same variable.
  return [...out].filter((v) => !(v.endsWith(':') && out.has(`${v.slice(0, -1)}:plural`))).sort();
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('i18n catalogue', () => {
  it('has every key the code asks for', () => {
    const missing = new Set<string>();
    for (const f of files(resolve(__dirname, '..', '..'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-z0-9_]+(?:\.[a-z0-9_]+)+)'/g))
        if (!(m[1] in en)) missing.add(`${m[1]} (${f.split('/src/')[1]})`);
    }
    expect([...missing]).toEqual([]);
  });

  it('has every key in every language, and nothing more', () => {
    const keys = Object.keys(en).sort();
    for (const lang of LANGUAGES) {
      const cat = CATALOGUES[lang] as Record<string, string>;
      expect({ lang, missing: keys.filter((k) => typeof cat[k] !== 'string' || !cat[k].trim()) }).toEqual({ lang, missing: [] });
      expect({ lang, extra: Object.keys(cat).filter((k) => !(k in en)) }).toEqual({ lang, extra: [] });
    }
  });

  it('names the same variables in every language, each parsing as an ICU message', () => {
    const differ: string[] = [];
    for (const key of Object.keys(en) as MessageKey[]) {
      const want = variablesOf(en[key], 'en').join(' ');
      for (const lang of LANGUAGES) {
        const got = variablesOf(CATALOGUES[lang][key], lang).join(' ');
        if (got !== want) differ.push(`${key} (${lang}): ${got} ≠ ${want}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('finds a variable missing from a translation', () => {
    expect(variablesOf('{count, plural, one {# fact} other {# facts}}', 'en')).toEqual(['count:plural']);
    expect(variablesOf('Dossiers matching “{q}”', 'en')).toEqual(['q:']);
    expect(variablesOf('{count, plural, other {# 条事实}}', 'zh')).toEqual(['count:plural']);
    expect(variablesOf('Досье', 'ru')).not.toEqual(variablesOf('Dossiers matching “{q}”', 'en'));
    expect(variablesOf('{n, select, a {x {y}} other {z}}', 'en')).toEqual(['n:select', 'y:']);
  });

  it('uses each language’s plural rules: Russian one, few and many', () => {
    const ru = translator('ru');
    expect([1, 3, 5, 21, 22, 25, 11].map((n) => ru('list.count', { count: n }))).toEqual([
      '1 статья',
      '3 статьи',
      '5 статей',
      '21 статья',
      '22 статьи',
      '25 статей',
      '11 статей',
    ]);
    expect(ru('list.count', { count: 1234 })).toBe('1\u00a0234 статьи');
    expect(translator('en')('list.count', { count: 1 })).toBe('1 article');
    expect(translator('en')('list.count', { count: 2000 })).toBe('2,000 articles');
    expect(translator('zh')('list.count', { count: 3 })).toBe('3 篇文章');
    expect(ru('search.results', { count: 2, shown: '2', q: 'визит' })).toBe('2 результата по запросу «визит»');
  });

  it('fills every plural message exactly as intl-messageformat does, in every language and at any count', () => {
    const differ: string[] = [];
    const counts = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 111, 999, 1000, 1001, 1234, 21000, 1.5, -1];
    for (const lang of LANGUAGES) {
      const t = translator(lang);
      for (const [key, message] of Object.entries(CATALOGUES[lang])) {
        if (!/\{\s*\w+\s*,/.test(message)) continue;
        const format = new IntlMessageFormat(message, lang === 'en' ? 'en-GB' : lang);
        const names = variablesOf(message, lang).map((v) => v.split(':')[0]);
        for (const count of counts) {
          const vars = Object.fromEntries(names.map((n) => [n, count]));
          const got = t(messageKey(key), vars);
          // Twice: the second fill reads what the first one kept.
          if (got !== String(format.format(vars)) || t(messageKey(key), vars) !== got) differ.push(`${lang} ${key} ${count}: ${got}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('gives one translator per language, which knows its language, and falls back to English', () => {
    expect(translator('ru')).toBe(translator('ru'));
    expect(translator('ru').lang).toBe('ru');
    expect(translator('xx').lang).toBe('en');
    expect(translator('zh')('site.nav.search')).toBe('搜索');
    // A plural message without its count is shown as written, not thrown.
    expect(translator('en')('list.count')).toContain('plural');
  });

  it('refuses, at type-check time, a key the catalogue does not have', () => {
    const t = translator('en');
    // tsc fails on this line if t() ever accepts any string again: the directive would then be unused.
    // @ts-expect-error 'site.no_such_key' is not a MessageKey
    const unknown = () => t('site.no_such_key');
    expect(unknown()).toBe('site.no_such_key');
  });

  it('fills variables and falls back to the key', () => {
    const t = translator('en');
    expect(t('pagination.page', { page: 2, pages: 9 })).toBe('Page 2 of 9');
    expect(t(messageKey('no.such.key'))).toBe('no.such.key');
    expect(t(messageKey('no.such.{key}'), { key: 'x' })).toBe('no.such.{key}');
    // The same message twice (its split form is kept), a variable it does not name, one it names but is not given.
    expect(t('pagination.page', { page: 3, pages: 4, extra: 1 })).toBe('Page 3 of 4');
    expect(t('pagination.page', { page: 5 })).toBe('Page 5 of {pages}');
  });

  it('formats dates through Intl', () => {
    expect(formatDate('2025-03-12T09:00:00Z')).toBe('12 March 2025');
    expect(formatDate('2025-03-12T09:00:00Z', 'ru')).toMatch(/12 марта 2025/);
  });
});
