// Scraped text is often cut mid-sentence: the engine must read any prefix of an article without throwing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TESTDATA_DIR } from './eval.js';
import { extract, UnreadableLanguageError } from './index.js';

describe('truncated and odd input', () => {
  it('reads every cut of every golden article without throwing', () => {
    let runs = 0;
    for (const f of readdirSync(TESTDATA_DIR).filter((x) => x.endsWith('.txt'))) {
      const text = readFileSync(join(TESTDATA_DIR, f), 'utf8');
      // Deterministic cuts: 23 positions spread over the text, each also without its last character.
      for (let k = 1; k <= 23; k++) {
        const at = Math.floor((text.length * k) / 24);
        for (const cut of [text.slice(0, at), text.slice(0, at - 1), 'Headline\n' + text.slice(at)]) {
          try {
            extract(cut, { published: '2025-03-01' });
          } catch (e) {
            if (e instanceof UnreadableLanguageError) continue;
            throw new Error(`${f} cut at ${at}: ${(e as Error).message}`);
          }
          runs++;
        }
      }
    }
    expect(runs).toBeGreaterThan(1000);
  });

  it('reads a text that ends with a nationality word and no full stop', () => {
    expect(extract('Headline\nDeal welcomed by the French').facts).toEqual([]);
  });

  it.each(['', ' ', '\n\n', '.', 'A', '"', '$', '1', 'The', 'Xi', '((((', '\u200b'])('reads %j', (t) => {
    expect(() => extract(t)).not.toThrow();
  });
});
