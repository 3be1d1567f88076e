// Shared Intl formatters: one per locale and options, however the options are passed.
import { describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, intl } from './index.js';

describe('shared Intl formatters', () => {
  it('gives one formatter per locale and options, frozen constant or literal alike', () => {
    const TWO = Object.freeze({ maximumFractionDigits: 2 });
    expect(intl.number('en', TWO)).toBe(intl.number('en', TWO));
    expect(intl.number('en', TWO)).toBe(intl.number('en', { maximumFractionDigits: 2 }));
    expect(intl.number('fr', TWO)).not.toBe(intl.number('en', TWO));
    expect(intl.number('fr', TWO).format(1.234)).toBe('1,23');
    expect(intl.date('en-GB', Object.freeze({ month: 'long', timeZone: 'UTC' } as const)).format(new Date(Date.UTC(2024, 4, 1)))).toBe(
      'May',
    );
  });

  it('still throws for an unknown locale, with frozen options too', () => {
    expect(() => intl.number('not a locale!', Object.freeze({ maximumFractionDigits: 2 }))).toThrow(RangeError);
  });
});

describe('dates and times', () => {
  const intlDate = (iso: string, lang: string, timeZone: string, time: boolean) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(time ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } : {}),
      timeZone,
    } as Intl.DateTimeFormatOptions).format(new Date(iso));

  it('writes UTC days and times exactly as Intl does, in every language, at any hour', () => {
    for (const lang of ['en', 'ru', 'zh', 'ar', 'en-US']) {
      for (const iso of [
        '2026-03-05T00:04:00.000Z',
        '2026-03-05T12:00:59.999Z',
        '2026-03-05T23:59:00Z',
        '2026-03-06T09:30:00.000Z',
        '1999-12-31T23:59:59.000Z',
      ]) {
        // Twice: the second call reads the day kept by the first.
        for (let i = 0; i < 2; i++) {
          expect(formatDate(iso, lang)).toBe(intlDate(iso, lang, 'UTC', false));
          expect(formatDateTime(iso, lang)).toBe(intlDate(iso, lang, 'UTC', true));
        }
      }
    }
  });

  it('formats other zones, and times given with an offset, through Intl', () => {
    expect(formatDateTime('2026-03-05T22:30:00.000Z', 'en', 'Asia/Tashkent')).toBe(
      intlDate('2026-03-05T22:30:00.000Z', 'en', 'Asia/Tashkent', true),
    );
    expect(formatDate('2026-03-05T22:30:00.000Z', 'en', 'Asia/Tashkent')).toBe('6 March 2026');
    expect(formatDate('2026-03-05T01:00:00+03:00', 'en')).toBe('4 March 2026');
    expect(formatDateTime('2026-03-05T01:00:00+03:00', 'en')).toBe(intlDate('2026-03-05T01:00:00+03:00', 'en', 'UTC', true));
  });

  it('asks Intl once for a day in English, Russian and Chinese, however many times of that day follow', () => {
    for (const lang of ['en', 'ru', 'zh']) formatDateTime('2030-01-01T10:00:00.000Z', lang); // the language's shape, learnt once
    // format is a getter: each use of a formatter reads it once.
    const format = vi.spyOn(Intl.DateTimeFormat.prototype as unknown as { format: unknown }, 'format', 'get');
    try {
      for (const lang of ['en', 'ru', 'zh']) {
        for (let minute = 0; minute < 60; minute += 7)
          formatDateTime(`2031-07-14T${String(minute % 24).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`, lang);
      }
      expect(format).toHaveBeenCalledTimes(3);
    } finally {
      format.mockRestore();
    }
  });
});
