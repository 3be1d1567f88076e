// The register of leaders and officials: one id per person, with the names each language writes
// (transliteration variants included) and the offices held, so that "Tokayev", "Toqaev",
// "Токаев" and "托卡耶夫" are one person and "the president" can be resolved by year.
import { PEOPLE_DATA } from './people.data.js';

/** One office: a title held for a country (or organisation) between two years (open when `to` is absent). */
export interface Office {
  title: string;
  /** `country:CC` or `org:slug`. */
  of: string;
  from: number;
  to?: number;
}

/** A person as the register knows them. */
export interface PersonRecord {
  /** `person:` + slug of the usual English full name (family name first for Chinese names). */
  id: string;
  /** Usual English full name. */
  name: string;
  /** Latin-script forms: full names and transliteration variants, then family-name forms that stand alone. */
  en: string[];
  /** Russian forms in the nominative case (full name first, then the family name alone). */
  ru: string[];
  /** Chinese forms (simplified characters; traditional ones are folded before lookup). */
  zh: string[];
  offices: Office[];
}

export const PEOPLE: readonly PersonRecord[] = PEOPLE_DATA;

const byId = new Map<string, PersonRecord>();
for (const p of PEOPLE) byId.set(p.id, p);

/** The register's record for an id, if any. */
export function personById(id: string): PersonRecord | undefined {
  return byId.get(id);
}

/** People whose office `title` (case-insensitive substring, e.g. "president") for `of` covers `year`. */
export function officeHolders(of: string, title: string, year: number): PersonRecord[] {
  const t = title.toLowerCase();
  return PEOPLE.filter((p) =>
    p.offices.some((o) => o.of === of && o.title.toLowerCase().includes(t) && o.from <= year && (o.to === undefined || o.to >= year)),
  );
}

// ---------------------------------------------------------------------------------------------
// Conventions of the register (people.data.ts), for the readers that look people up in it:
//
// - `offices` lists the current (or, for people out of office, the latest) office first, so
//   offices[0] says what a person is now; years are calendar years, so a handover year belongs
//   to both the outgoing and the incoming holder. Offices still held as of 2026 have no `to`.
// - Where two people share a form, the one listed first in people.data.ts is the more current or
//   more prominent (Shehbaz before Nawaz Sharif, Serdar before Gurbanguly Berdimuhamedov).
// - `en`, `ru` and `zh` start with the full name; the family name alone is listed only when it is
//   distinctive enough to stand for the person in a news story ("Putin", "Токаев", "托卡耶夫").
//   Common words and common surnames ("Kim", "Li", "Wang", "Khan", "Lee", "Ross", "Tai",
//   "Johnson", "Singh", "Park", "Moon") are never listed alone, nor are Chinese family names in
//   Chinese or Russian ("王", "Ван"). "Xi" is the one Chinese surname listed alone in Latin script.
// - Shared family names. When two register people share a family name that the press uses
//   alone, it is listed for BOTH of them, and the reader disambiguates by the article's year with
//   `findPeopleByName(lang, form, year)` (which keeps the people holding an office that year).
//   Pairs whose office years overlap (handover years included) are named in SHARED_FAMILY_NAMES
//   below; a year alone may not separate them, so prefer the full name or a title when present.
//   When it still cannot, the lookup returns heads of state first, so that a bare "Japarov" in
//   2023 is Sadyr Japarov (president) before Akylbek Japarov (chairman of the cabinet), and a bare
//   "Sargsyan" in 2010 is Serzh before Tigran.
//   Family names shared by people active at the same time (the Rajapaksa brothers, the Kims of
//   North Korea, the Al Nahyan, Al Thani and Al Saud princes, "bin Zayed", "Fernández") are
//   listed for none of them.
// - Chinese short forms are listed explicitly (托卡耶夫, 卢拉). Do not derive them by taking the
//   part after the last '·': for Hungarian names that part is the given name (欧尔班·维克托), for
//   Arabic names it is often a patronymic or a common name (…·侯赛因, …·阿卜杜拉, …·穆罕默德),
//   and short parts are substrings of frequent words (罗斯 in 俄罗斯, 克里 in 克里姆林宫, 比亚 in
//   利比亚). Some bare forms that are standard in the press but risky as substrings were left
//   out on purpose (约翰·克里 has no 克里, 威尔伯·罗斯 no 罗斯).
// - Russian forms are nominative; readers inflect them. A few carry a title ("Король Сальман").
// ---------------------------------------------------------------------------------------------

/** Family names deliberately listed alone for two register people whose office years overlap. */
export const SHARED_FAMILY_NAMES: ReadonlySet<string> = new Set([
  'aliyev',
  'aliev',
  'алиев',
  '阿利耶夫',
  'berdimuhamedov',
  'berdymukhamedov',
  'berdymukhammedov',
  'berdimuhamedow',
  'бердымухамедов',
  '别尔德穆哈梅多夫',
  'japarov',
  'zhaparov',
  'жапаров',
  '扎帕罗夫',
  'sargsyan',
  'саргсян',
  '萨尔基相',
  'assad',
  'al-assad',
  'асад',
  '阿萨德',
  'aoun',
  'аун',
  '奥恩',
  'duterte',
  'дутерте',
  '杜特尔特',
  'kabila',
  'кабила',
  '卡比拉',
  'deby',
  'déby',
  'деби',
  '代比',
  'patrushev',
  'патрушев',
  '帕特鲁舍夫',
  'rasmussen',
  'расмуссен',
  '拉斯穆森',
  'castro',
  'кастро',
  '卡斯特罗',
  'kirchner',
  'киршнер',
  '基什内尔',
  'sharif',
  'шариф',
  '谢里夫',
  'clinton',
  'клинтон',
  '克林顿',
  'bush',
  'буш',
  '布什',
  'chavez',
  'chávez',
  'чавес',
  '查韦斯',
  'ortega',
  'ортега',
  '奥尔特加',
  'abdullah',
  'абдалла',
  '阿卜杜拉',
  'sall',
  'салл',
  '萨勒',
  'lopez',
  'lópez',
  '洛佩斯',
  'kaczynski',
  'kaczyński',
  'качиньский',
  '卡钦斯基',
  'bhutto',
]);

const APOSTROPHES = /['’ʻʼ`´]/g;
const SPECIAL: Record<string, string> = {
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  đ: 'd',
  Đ: 'd',
  ı: 'i',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
};

/** Lowercase ASCII slug: accents stripped, apostrophes removed, other runs of non-alphanumerics become '-'. */
export function slugify(s: string): string {
  return s
    .replace(/[łŁøØßæÆđĐıœþð]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The id a person's usual English name (family name first for Chinese names) gets. */
export function personIdFor(name: string): string {
  return 'person:' + slugify(name);
}

/** A name form as lookups compare it: NFC, lowercased, whitespace collapsed, typographic apostrophes and dashes unified. */
export function normalizeNameForm(form: string): string {
  return form
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’ʻʼ`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[・•‧]/g, '·')
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    .trim();
}

export type NameLang = 'en' | 'ru' | 'zh';

// Built on first use, one language at a time: `chancery extract` on one English text never pays for
// the Russian and Chinese forms of 1,200 people.
const byForm: Partial<Record<NameLang, Map<string, PersonRecord[]>>> = {};
function formsOf(lang: NameLang): Map<string, PersonRecord[]> {
  let index = byForm[lang];
  if (index) return index;
  index = new Map();
  for (const p of PEOPLE) {
    for (const f of p[lang]) {
      const variants = new Set([normalizeNameForm(f)]);
      if (lang === 'en') variants.add(normalizeNameForm(f.normalize('NFD').replace(/\p{M}/gu, '')));
      for (const k of variants) {
        const list = index.get(k) ?? [];
        if (!list.includes(p)) list.push(p);
        index.set(k, list);
      }
    }
  }
  byForm[lang] = index;
  return index;
}

/** Whether a person held any office (or, with `title`, an office whose title contains it) in `year`. */
export function inOffice(p: PersonRecord, year: number, title?: string): boolean {
  const t = title?.toLowerCase();
  return p.offices.some(
    (o) => o.from <= year && (o.to === undefined || o.to >= year) && (t === undefined || o.title.toLowerCase().includes(t)),
  );
}

/**
 * People listing `form` among their names in `lang` (case-insensitive exact match; accents optional
 * in Latin script; ё = е). With `year`, people holding an office that year are kept when there are
 * any, which separates namesakes of different eras (the two Aliyevs). Several matches come heads of
 * state first, then heads of government, then the others (stable otherwise).
 */
export function findPeopleByName(lang: NameLang, form: string, year?: number): PersonRecord[] {
  const k = normalizeNameForm(lang === 'en' ? form.normalize('NFD').replace(/\p{M}/gu, '') : form);
  const found = formsOf(lang).get(k) ?? (lang === 'en' ? formsOf('en').get(normalizeNameForm(form)) : undefined) ?? [];
  if (found.length < 2) return [...found];
  const current = year === undefined ? [] : found.filter((p) => inOffice(p, year));
  const out = current.length ? current : [...found];
  return out.sort((a, b) => rank(a, year) - rank(b, year));
}

const HEAD_OF_STATE = /^(President|King|Queen|Emir|Sultan|Supreme Leader|Chairman of the Halk Maslahaty|Leader of)\b/;
const HEAD_OF_GOVERNMENT =
  /^(Prime Minister|Premier|Chancellor|Crown Prince|Chairman of the Cabinet|Executive Vice Premier|Vice President)\b/;

/** 0 for a head of state, 1 for a head of government or heir, 2 otherwise (offices held in `year` when given). */
function rank(p: PersonRecord, year?: number): number {
  let best = 2;
  for (const o of p.offices) {
    if (year !== undefined && (o.from > year || (o.to !== undefined && o.to < year))) continue;
    if (o.of.startsWith('org:')) continue;
    best = Math.min(best, HEAD_OF_STATE.test(o.title) ? 0 : HEAD_OF_GOVERNMENT.test(o.title) ? 1 : 2);
  }
  return best;
}

/**
 * People holding exactly the office `title` (case-insensitive, whole title) for `of` in `year`:
 * unlike officeHolders, "Premier" does not also find vice premiers, nor "Foreign Minister" deputies.
 */
export function officeHoldersExact(of: string, title: string, year: number): PersonRecord[] {
  const t = title.toLowerCase();
  return PEOPLE.filter((p) =>
    p.offices.some((o) => o.of === of && o.title.toLowerCase() === t && o.from <= year && (o.to === undefined || o.to >= year)),
  );
}
