// The engine is a pure library: it imports only its own files and node built-ins.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('./', import.meta.url);

describe('module boundaries', () => {
  it('imports nothing outside src/nlp and no npm runtime packages', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      const specs = [
        ...src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
      ].map((m) => m[1] ?? m[2]);
      for (const s of specs) {
        const ok = s.startsWith('node:') || (s.startsWith('./') && !s.includes('..'));
        expect(ok, `${f} imports ${s}`).toBe(true);
      }
    }
  });
});
