import { describe, expect, it } from 'vitest';
import { articlePath, contentPath } from './editions.js';

describe('contentPath', () => {
  const root = { root: 'en', prefixed: false };
  const prefixed = { root: 'en', prefixed: true };

  it('keeps every page at its root address while the default edition is at the root, whatever its language', () => {
    expect(contentPath('ru', root, '/rubric/region')).toBe('/rubric/region');
    expect(contentPath('en', root, '/dossiers/country/kz')).toBe('/dossiers/country/kz');
    expect(articlePath('ru', root, 'soyuz')).toBe('/articles/soyuz');
  });

  it('puts a page under the prefix of its language’s edition when every edition is prefixed', () => {
    expect(contentPath('ru', prefixed, '/events/kruglyj-stol')).toBe('/ru/events/kruglyj-stol');
    expect(contentPath(prefixed.root, prefixed, '/authors/desk')).toBe('/en/authors/desk');
    expect(articlePath('zh', true, 'yi')).toBe('/zh/articles/yi');
  });
});
