// Shared Intl formatters: one per locale and options, however the options are passed.
import { describe, expect, it } from 'vitest';
import { intl } from './index.js';

describe('shared Intl formatters', () => {
  it('gives one formatter per locale and options, frozen constant or literal alike', () => {
    const TWO = Object.freeze({ maximumFractionDigits: 2 });
    expect(intl.number('en', TWO)).toBe(intl.number('en', TWO));
    expect(intl.number('en', TWO)).toBe(intl.number('en', { maximumFractionDigits: 2 }));
    expect(intl.number('fr', TWO)).not.toBe(intl.number('en', TWO));
    expect(intl.number('fr', TWO).format(1.234)).toBe('1,23');
    expect(intl.date('en-GB', Object.freeze({ month: 'long', timeZone: 'UTC' } as const)).format(new Date(Date.UTC(2024, 4, 1)))).toBe('May');
  });

  it('still throws for an unknown locale, with frozen options too', () => {
    expect(() => intl.number('not a locale!', Object.freeze({ maximumFractionDigits: 2 }))).toThrow(RangeError);
  });
});
