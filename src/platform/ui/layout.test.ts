// The page shell's JSON-LD: content can never close its script element or open another.
import { describe, expect, it } from 'vitest';
import { jsonLdText } from './layout.js';

describe('jsonLdText', () => {
  it('escapes <, > and & wherever they stand and stays the same JSON', () => {
    const data = { headline: 'A </script><script>alert(1)</script> & more', about: ['<b>', '>&<'], plain: 'Визит 访问' };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(text).toContain('\\u0026');
    expect(JSON.parse(text)).toEqual(data);
  });

  it('leaves text without them as JSON.stringify writes it', () => {
    const data = { headline: 'State visit', count: 3 };
    expect(jsonLdText(data)).toBe(JSON.stringify(data));
  });
});
