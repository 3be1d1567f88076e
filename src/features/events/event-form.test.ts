import { describe, expect, it } from 'vitest';
import { countryOptions, isCountryCode } from './event-form.js';

describe('the country select', () => {
  it('names the countries in the page language, sorted in it, built once per language', () => {
    const en = countryOptions('en');
    const ru = countryOptions('ru');
    expect(en.find((c) => c.code === 'KZ')?.name).toBe('Kazakhstan');
    expect(ru.find((c) => c.code === 'KZ')?.name).toBe('Казахстан');
    expect(ru.map((c) => c.name)).toEqual([...ru.map((c) => c.name)].sort((x, y) => x.localeCompare(y, 'ru')));
    // Not places: the EU, the UN, unknown codes.
    expect(en.some((c) => ['EU', 'UN', 'ZZ'].includes(c.code))).toBe(false);
    expect(countryOptions('en')).toBe(en);
    expect(Object.isFrozen(en) && Object.isFrozen(en[0])).toBe(true);
    expect(isCountryCode('KZ')).toBe(true);
    expect(isCountryCode('UN')).toBe(false);
    expect(isCountryCode('kz')).toBe(false);
  });
});
