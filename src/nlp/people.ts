// The register of leaders and officials: one id per person, with the names each language writes
// (transliteration variants included) and the offices held, so that "Tokayev", "Toqaev",
// "Токаев" and "托卡耶夫" are one person and "the president" can be resolved by year.
import { PEOPLE_DATA } from './people.data.ts';

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
  return PEOPLE.filter((p) => p.offices.some((o) => o.of === of && o.title.toLowerCase().includes(t) && o.from <= year && (o.to === undefined || o.to >= year)));
}
