// Latin-script lookup of the register: the forms English reporting writes ("Toqaev", "Lula",
// "Mohammad Bin Zayed"), folded so that accents, case and hyphens do not matter.
import { PEOPLE, type PersonRecord } from './people.js';

const ASCII = /^[\x00-\x7f]*$/;

/** Lowercase, strip accents and turn hyphens into spaces, one output character per input code unit. */
export function foldLatin(s: string): string {
  // Most forms are plain ASCII: one pass of the built-ins instead of a character loop.
  if (ASCII.test(s)) return s.toLowerCase().replaceAll('-', ' ');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (code < 128) out += c === '-' ? ' ' : c.toLowerCase();
    else if (c === 'ı') out += 'i';
    else if (c === '’' || c === 'ʼ' || c === '‘') out += "'";
    else {
      const base = c.normalize('NFD')[0].toLowerCase();
      out += base.length === 1 ? base : c;
    }
  }
  return out;
}

/** One Latin form of a register person, folded. */
export interface NameForm {
  form: string;
  words: number;
  person: PersonRecord;
}

/** Folded first word -> forms starting with it, longest first. */
export const NAME_FORMS: Map<string, NameForm[]> = new Map();
/** Folded full form -> people it may name. */
const BY_FORM = new Map<string, PersonRecord[]>();

for (const p of PEOPLE) {
  for (const raw of new Set([p.name, ...p.en])) {
    const form = foldLatin(raw).replace(/\s+/g, ' ').trim();
    if (!form) continue;
    const list = BY_FORM.get(form) ?? [];
    if (!list.includes(p)) list.push(p);
    BY_FORM.set(form, list);
    const first = form.split(' ')[0];
    const l = NAME_FORMS.get(first) ?? [];
    if (!l.some((x) => x.form === form && x.person === p)) l.push({ form, words: form.split(' ').length, person: p });
    NAME_FORMS.set(first, l);
  }
}
for (const l of NAME_FORMS.values()) l.sort((a, b) => b.form.length - a.form.length);

/** Forms of two words or more by the first three letters of their first word ("moh" for Mohammad, Mohamed). */
export const FORMS_BY_STEM: Map<string, NameForm[]> = new Map();
for (const l of NAME_FORMS.values()) {
  for (const f of l) {
    if (f.words < 2) continue;
    const k = f.form.slice(0, 3);
    const list = FORMS_BY_STEM.get(k) ?? [];
    list.push(f);
    FORMS_BY_STEM.set(k, list);
  }
}

/** Whether a person held any office in `year` (no year: any time). */
export function activeIn(p: PersonRecord, year?: number): boolean {
  if (year === undefined || p.offices.length === 0) return true;
  return p.offices.some((o) => o.from <= year + 1 && (o.to === undefined || o.to >= year - 1));
}

/** The one register person a Latin form names, preferring people in office in `year`. */
export function personByLatinName(name: string, year?: number): PersonRecord | undefined {
  const list = BY_FORM.get(foldLatin(name).replace(/\s+/g, ' ').trim());
  if (!list) return undefined;
  if (list.length === 1) return list[0];
  const active = list.filter((p) => activeIn(p, year));
  return active.length === 1 ? active[0] : undefined;
}
