// Which language a text is in: sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage among Cyrillic languages', () => {
  it('reads a short Russian text as Russian even when a name lends Bulgarian a function word', () => {
    const t =
      'Российский лидер прилетел в таджикскую столицу с визитом накануне вечером. Днем ранее он созвонился с президентом Бразилии Луисом Инасиу Лулой да Силвой.';
    expect(detectLanguage(t)).toEqual({ lang: 'ru' });
  });
  it('still tells Bulgarian and Ukrainian apart from Russian', () => {
    expect(detectLanguage('Президентът каза, че срещата е важна и че страните са готови да работят заедно за това.')).toEqual({
      unreadable: 'bg',
    });
    expect(detectLanguage('Президент сказав, що зустріч була важливою, і що країни готові працювати разом над цим питанням.')).toEqual({
      unreadable: 'uk',
    });
  });
});
