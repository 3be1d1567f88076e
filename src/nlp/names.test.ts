import { describe, expect, it } from 'vitest';
import { nameIn, registerName } from './names.js';

describe('nameIn: an entity named as a Russian or Chinese article names it', () => {
  it('gives a Russian text’s nominative, whatever case the text uses', () => {
    expect(nameIn('country:KZ', 'ru', ['Казахстана', 'Казахстаном'])).toBe('Казахстан');
    expect(nameIn('place:beijing', 'ru', ['Пекине'])).toBe('Пекин');
    expect(nameIn('place:astana', 'ru', ['АСТАНА', 'Астану'])).toBe('Астана');
    expect(nameIn('org:sco', 'ru', ['ШОС'])).toBe('ШОС');
    // The form the text uses most wins over the register's other names of the country.
    expect(nameIn('country:CN', 'ru', ['КНР', 'Китая', 'Китаем'])).toBe('Китай');
  });

  it('gives a known person’s full name in the language, from the register', () => {
    expect(nameIn('person:xi-jinping', 'ru', ['Си Цзиньпина'])).toBe('Си Цзиньпин');
    expect(nameIn('person:xi-jinping', 'zh', ['习近平'])).toBe('习近平');
    expect(nameIn('person:kassym-jomart-tokayev', 'ru', ['Токаевым'])).toBe('Касым-Жомарт Токаев');
  });

  it('gives a Chinese text’s name as written, and a country’s full name rather than a short form', () => {
    expect(nameIn('country:KZ', 'zh', ['哈萨克斯坦', '哈方'])).toBe('哈萨克斯坦');
    expect(nameIn('country:KZ', 'zh', ['哈方'])).toBe('哈萨克斯坦');
    expect(nameIn('project:belt-and-road-initiative', 'zh', ['一带一路'])).toBe('一带一路');
  });

  it('gives nothing for English, nor for a Russian form it cannot read back to a name', () => {
    expect(nameIn('country:KZ', 'en', ['Kazakhstan'])).toBeUndefined();
    expect(nameIn('project:some-new-plant', 'ru', ['завода'])).toBeUndefined();
    expect(nameIn('country:KZ', 'zh', [])).toBeUndefined();
  });
});

describe('registerName: what the engine calls an entity in a language with no article to go by', () => {
  it('gives a known person’s, organisation’s or project’s listed name, the full one rather than an acronym', () => {
    expect(registerName('person:xi-jinping', 'ru')).toBe('Си Цзиньпин');
    expect(registerName('org:sco', 'zh')).toBe('上海合作组织');
    expect(registerName('org:sco', 'ru')).toBe('Шанхайская организация сотрудничества');
    expect(registerName('org:eaeu', 'ru')).toBe('Евразийский экономический союз');
    expect(registerName('org:brics', 'ru')).toBe('БРИКС');
    expect(registerName('project:belt-and-road-initiative', 'zh')).toBe('一带一路');
  });
  it('gives nothing for English, nor for what the lists do not name in the language', () => {
    expect(registerName('org:sco', 'en')).toBeUndefined();
    expect(registerName('org:gazprom', 'ru')).toBeUndefined();
    expect(registerName('org:no-such-body', 'zh')).toBeUndefined();
  });
});
