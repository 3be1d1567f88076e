import { describe, expect, it } from 'vitest';
import {
  PEOPLE,
  SHARED_FAMILY_NAMES,
  findPeopleByName,
  officeHolders,
  officeHoldersExact,
  personById,
  personIdFor,
  slugify,
} from './people.js';

const ids = (ps: { id: string }[]) => ps.map((p) => p.id);

describe('register of leaders and officials', () => {
  it('holds hundreds of people with unique ids made from their names', () => {
    expect(PEOPLE.length).toBeGreaterThan(300);
    const seen = new Set<string>();
    for (const p of PEOPLE) {
      expect(seen.has(p.id), p.id).toBe(false);
      seen.add(p.id);
      expect(p.id, p.name).toBe(personIdFor(p.name));
      expect(p.id).toMatch(/^person:[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('slugs names as the contract says', () => {
    expect(slugify('Luiz Inácio Lula da Silva')).toBe('luiz-inacio-lula-da-silva');
    expect(slugify('Recep Tayyip Erdoğan')).toBe('recep-tayyip-erdogan');
    expect(slugify("Paul O'Neill")).toBe('paul-oneill');
    expect(slugify('João Lourenço')).toBe('joao-lourenco');
    expect(slugify('Lech Wałęsa')).toBe('lech-walesa');
  });

  it('writes each language in its own script', () => {
    for (const p of PEOPLE) {
      expect(p.en.length, p.id).toBeGreaterThan(0);
      expect(p.en[0], p.id).toBe(p.name);
      for (const f of p.en) expect(f, p.id).toMatch(/^[\p{Script=Latin}0-9 .'’-]+$/u);
      expect(p.ru.length, p.id).toBeGreaterThan(0);
      for (const f of p.ru) expect(f, p.id).toMatch(/^[\p{Script=Cyrillic} .'’-]+( [IVX]+)?$/u);
      expect(p.zh.length, p.id).toBeGreaterThan(0);
      for (const f of p.zh) expect(f, p.id).toMatch(/^[\p{Script=Han}·\-A-Z]+$/u);
      for (const f of p.zh) expect(f, p.id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('has well-formed offices', () => {
    for (const p of PEOPLE) {
      expect(p.offices.length, p.id).toBeGreaterThan(0);
      for (const o of p.offices) {
        expect(o.title, p.id).toMatch(/^[A-Z]/);
        expect(o.of, p.id).toMatch(/^(country:[A-Z]{2}|org:[a-z0-9]+(-[a-z0-9]+)*)$/);
        expect(o.from, p.id).toBeGreaterThanOrEqual(1940);
        expect(o.from, p.id).toBeLessThanOrEqual(2026);
        if (o.to !== undefined) {
          expect(o.to, p.id).toBeGreaterThanOrEqual(o.from);
          expect(o.to, p.id).toBeLessThanOrEqual(2026);
        }
      }
    }
  });

  it('puts the current or latest office first', () => {
    for (const p of PEOPLE) {
      const end = (to?: number) => to ?? 9999;
      for (const o of p.offices) expect(end(p.offices[0].to), p.id).toBeGreaterThanOrEqual(end(o.to));
    }
    expect(personById('person:dmitry-medvedev')?.offices[0].title).toBe('Deputy Chairman of the Security Council');
  });

  it('lists no family name alone for two people in office at once unless documented', () => {
    const years = (p: (typeof PEOPLE)[number]) => {
      const s = new Set<number>();
      for (const o of p.offices) for (let y = o.from; y <= (o.to ?? 2026); y++) s.add(y);
      return s;
    };
    const clashes: string[] = [];
    for (const lang of ['en', 'ru', 'zh'] as const) {
      const owners = new Map<string, (typeof PEOPLE)[number][]>();
      for (const p of PEOPLE) {
        for (const f of p[lang]) {
          // A form is a family name standing alone when it has no space or middle dot in it.
          if (/[\s·]/.test(f) || f === p[lang][0]) continue;
          const k = f.toLowerCase();
          const list = owners.get(k) ?? [];
          if (!list.includes(p)) list.push(p);
          owners.set(k, list);
        }
      }
      for (const [form, ps] of owners) {
        if (ps.length < 2 || SHARED_FAMILY_NAMES.has(form)) continue;
        for (let i = 0; i < ps.length; i++) {
          for (let j = i + 1; j < ps.length; j++) {
            const a = years(ps[i]);
            const overlap = [...years(ps[j])].some((y) => a.has(y));
            if (overlap) clashes.push(`${lang} "${form}": ${ps[i].id} and ${ps[j].id}`);
          }
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('resolves spellings in three languages to one person', () => {
    for (const [lang, form] of [
      ['en', 'Tokayev'],
      ['en', 'Toqaev'],
      ['en', 'kassym-jomart tokayev'],
      ['ru', 'Токаев'],
      ['zh', '托卡耶夫'],
      ['zh', '卡瑟姆若马尔特·托卡耶夫'],
    ] as const) {
      expect(ids(findPeopleByName(lang, form)), form).toEqual(['person:kassym-jomart-tokayev']);
    }
    expect(ids(findPeopleByName('en', 'Mirziyoev'))).toEqual(['person:shavkat-mirziyoyev']);
    expect(ids(findPeopleByName('ru', 'Мирзиеев'))).toEqual(['person:shavkat-mirziyoyev']);
    expect(ids(findPeopleByName('en', 'Rakhmon'))).toEqual(['person:emomali-rahmon']);
    expect(ids(findPeopleByName('ru', 'Си Цзиньпин'))).toEqual(['person:xi-jinping']);
    expect(ids(findPeopleByName('zh', '王毅'))).toEqual(['person:wang-yi']);
    expect(ids(findPeopleByName('en', 'Putin'))).toEqual(['person:vladimir-putin']);
    expect(findPeopleByName('en', 'Nobody Atall')).toEqual([]);
  });

  it('separates namesakes by year, heads of state first', () => {
    expect(ids(findPeopleByName('en', 'Aliyev', 2000))).toEqual(['person:heydar-aliyev']);
    expect(ids(findPeopleByName('en', 'Aliyev', 2015))).toEqual(['person:ilham-aliyev']);
    expect(ids(findPeopleByName('ru', 'Бердымухамедов', 2010))).toEqual(['person:gurbanguly-berdimuhamedov']);
    expect(ids(findPeopleByName('en', 'Japarov', 2023))[0]).toBe('person:sadyr-japarov');
    expect(findPeopleByName('en', 'Aliyev')).toHaveLength(2);
  });

  it('answers who held an office in a year', () => {
    expect(ids(officeHolders('country:KZ', 'president', 2018))).toEqual(['person:nursultan-nazarbayev']);
    expect(ids(officeHolders('country:KZ', 'president', 2020))).toEqual(['person:kassym-jomart-tokayev']);
    expect(ids(officeHolders('country:US', 'commerce secretary', 2022))).toEqual(['person:gina-raimondo']);
    expect(personById('person:xi-jinping')?.zh).toContain('习近平');
    expect(ids(officeHoldersExact('country:CN', 'premier', 2024))).toEqual(['person:li-qiang']);
    expect(ids(officeHoldersExact('country:RU', 'Foreign Minister', 2020))).toEqual(['person:sergey-lavrov']);
    expect(ids(officeHoldersExact('org:un', 'Secretary-General', 2010))).toEqual(['person:ban-ki-moon']);
  });
});
