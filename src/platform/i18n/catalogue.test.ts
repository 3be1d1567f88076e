// Every t('key') in the code has an English string, and interpolation fills variables.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { formatDate, messageKey, translator } from './index.js';

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
