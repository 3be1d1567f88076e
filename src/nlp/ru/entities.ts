// Entity mentions in Russian text: countries and their adjectives, places, organisations, people of
// the register in any case form, titled people the register does not know ("посол России в Казахстане Алексей
// Бородавкин"), and references to leaders ("российский лидер", "президент Казахстана", "наш президент",
// "лидеры двух стран", "стороны").
import { PEOPLE, type PersonRecord } from '../people.js';
import { fold, lexicon, type LexEntry, type LexKind } from './lexicon.js';
import { nameLemma, phraseForms } from './morph.js';
import type { Sentence, Tok } from './text.js';
import { slugRu, transliterate } from './translit.js';

export type MentionKind = LexKind | 'person' | 'leader' | 'pair' | 'pronoun';

export interface Mention {
  id: string;
  kind: MentionKind;
  start: number;
  end: number;
  /** Token indexes in the sentence [ti, tj). */
  ti: number;
  tj: number;
  /** Country of a place, adjective, leader reference or person. */
  country?: string;
  /** Lower-case preposition right before the mention. */
  prep?: string;
  /** Part of a person's title ("посол РФ в КНР"): a role, not a participant. */
  inTitle?: boolean;
  /** Leader titles: "president", "prime minister", ... */
  office?: string;
  /** The mention is a personal name (register or learned), not a reference. */
  named?: boolean;
}

export interface DocPerson {
  id: string;
  name: string;
  country?: string;
  office?: string;
}

interface PersonForm {
  toks: string[];
  id: string;
}

/** Register people by the first token of each case form of each Russian name. */
interface Register {
  nominatives: Map<string, NameEntry[]>;
  byId: Map<string, PersonRecord>;
  /** Forms found so far, by the lower-case first word (a memo of a pure function of the register). */
  forms: Map<string, PersonForm[]>;
  /** Words known to start no register name; cleared when it grows past NOT_NAMES_MAX. */
  notNames: Set<string>;
}

function indexForms(index: Map<string, PersonForm[]>, nominative: string, id: string, seen: Set<string>): void {
  for (const f of phraseForms(nominative.replace(/ё/g, 'е'), { person: true, animate: true })) {
    const lo = fold(f);
    const k = id + '|' + lo;
    if (seen.has(k)) continue;
    seen.add(k);
    const toks = lo.split(/\s+/);
    let l = index.get(toks[0]);
    if (!l) index.set(toks[0], (l = []));
    l.push({ toks, id });
  }
}

interface NameEntry {
  id: string;
  /** Nominative as the register writes it. */
  nom: string;
}

let registerCache: Register | undefined;

/**
 * The register by the nominative of each name's first word (built on the first Russian document;
 * English-only runs never pay for it). Case forms are made only for names a text's word could be.
 */
function register(): Register {
  if (registerCache) return registerCache;
  const nominatives = new Map<string, NameEntry[]>();
  const byId = new Map<string, PersonRecord>();
  for (const p of PEOPLE) {
    byId.set(p.id, p);
    for (const n of p.ru) {
      const first = fold(n.split(/\s+/)[0]);
      let l = nominatives.get(first);
      if (!l) nominatives.set(first, (l = []));
      l.push({ id: p.id, nom: n });
    }
  }
  registerCache = { nominatives, byId, forms: new Map(), notNames: new Set() };
  return registerCache;
}

const NO_FORMS: PersonForm[] = [];
const NOT_NAMES_MAX = 100_000;

const CASE_ENDINGS = ['ым', 'ом', 'ем', 'ём', 'ой', 'ою', 'ей', 'ью', 'ию', 'ия', 'ии', 'ием', 'а', 'у', 'е', 'ю', 'я', 'и', 'ы'];
const RESTORE = ['', 'ь', 'й', 'а', 'я', 'ий', 'ия'];

/** Register names with a case form that starts with this lower-case word ("путиным" -> "Путин"). */
function registerForms(lo: string): PersonForm[] {
  const reg = register();
  const cached = reg.forms.get(lo);
  if (cached) return cached;
  // Most words of a text are not names: remembering them skips the case forms' candidates (a vocabulary,
  // bounded by clearing, since unlike names it grows with the texts read).
  if (reg.notNames.has(lo)) return NO_FORMS;
  const cands = new Set<string>([lo]);
  for (const e of CASE_ENDINGS) {
    if (!lo.endsWith(e) || lo.length - e.length < 2) continue;
    const base = lo.slice(0, -e.length);
    for (const r of RESTORE) cands.add(base + r);
  }
  const out: PersonForm[] = [];
  const seen = new Set<string>();
  for (const c of cands) {
    for (const e of reg.nominatives.get(c) ?? []) {
      for (const f of phraseForms(e.nom.replace(/ё/g, 'е'), { person: true, animate: true })) {
        const toks = fold(f).split(/\s+/);
        const k = e.id + '|' + toks.join(' ');
        if (toks[0] !== lo || seen.has(k)) continue;
        seen.add(k);
        out.push({ toks, id: e.id });
      }
    }
  }
  out.sort((a, b) => b.toks.length - a.toks.length);
  // Only words that are names are kept: the memo is bounded by the register, not by the texts read.
  if (out.length) reg.forms.set(lo, out);
  else {
    if (reg.notNames.size >= NOT_NAMES_MAX) reg.notNames.clear();
    reg.notNames.add(lo);
  }
  return out;
}

/** Titles that introduce a person, by the start of the word. */
const TITLE =
  /^(президент|премьер-министр|премьер|председател|глав[аеуыо]|министр|посл[аоуе]м?$|посол|пресс-секретар|помощник|вице-премьер|вице-президент|заместител|замглавы|генсек|генеральн|спикер|канцлер|корол|эмир|султан|шейх|лидер|губернатор|мэр|аким|хоким|советник|спецпредставител|представител|руководител|директор|наследн|принц|госсекретар)/;
/** Words a title phrase does not run across: verbs ("рассказал", "заявил", "считает"). */
const VERBISH = /(л|ла|ли|ло|лся|лась|лись|ет|ит|ют|ят|ать|ить|еть|ется|ится)$/;
const ADJ_NAME = /(ской|ского|ская|скую|ском|ский|ный|ной|ная|ного|ным)$/;
const LEADER_OFFICE: [RegExp, string][] = [
  [/^президент/, 'president'],
  [/^(премьер-министр|премьер|глав[аеуыо]м?\s+правительств)/, 'prime minister'],
  [/^лидер/, 'leader'],
  [/^председател/, 'chairman'],
  [/^(корол|эмир|султан)/, 'monarch'],
];
const FOREIGN_MINISTER = /^(министр|глав[аеуыо]м?)$/;

function officeOf(lo: string): string | undefined {
  for (const [re, o] of LEADER_OFFICE) if (re.test(lo)) return o;
  return undefined;
}

/** Register people whose office fits ("president" of country:KZ). */
function registerOffice(p: PersonRecord): { country?: string; office?: string } {
  const o = p.offices[0];
  if (!o) return {};
  const t = o.title.toLowerCase();
  const office = /^president$/.test(t)
    ? 'president'
    : /^prime minister$/.test(t)
      ? 'prime minister'
      : /chairman|general secretary/.test(t)
        ? 'chairman'
        : /king|emir|sultan/.test(t)
          ? 'monarch'
          : t;
  return { country: o.of.startsWith('country:') ? o.of : undefined, office };
}

function matchAt(toks: Tok[], i: number, want: string[]): boolean {
  let k = i;
  for (const w of want) {
    while (k < toks.length && !toks[k].word && toks[k].s !== '«' && toks[k].s !== '»') k++;
    if (k >= toks.length || toks[k].lo !== w) return false;
    k++;
  }
  return true;
}

function span(toks: Tok[], i: number, n: number): number {
  // Index after the n-th word from i (skipping nothing: lexicon phrases are contiguous words).
  let k = i;
  let seen = 0;
  while (k < toks.length && seen < n) {
    if (toks[k].word) seen++;
    k++;
  }
  return k;
}

const PREPS = new Set([
  'в',
  'во',
  'на',
  'из',
  'с',
  'со',
  'к',
  'ко',
  'до',
  'о',
  'об',
  'у',
  'от',
  'по',
  'для',
  'между',
  'через',
  'под',
  'при',
  'за',
]);

function prepBefore(toks: Tok[], i: number): string | undefined {
  const p = toks[i - 1];
  return p && p.word && PREPS.has(p.lo) ? p.lo : undefined;
}

/** Lexicon matches (countries, adjectives, places, organisations) in one sentence. */
export function lexMentions(s: Sentence): Mention[] {
  const out: Mention[] = [];
  const toks = s.toks;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.word && t.s !== '«') continue;
    const list = lexicon().lex.get(t.lo);
    if (!list) {
      // "российско-китайские переговоры": one adjective mention per country of the compound.
      if (t.word && t.lo.includes('-')) {
        const parts = t.lo.split('-');
        const last = lexicon()
          .lex.get(parts[parts.length - 1])
          ?.find((e) => e.kind === 'adj');
        const firsts = parts.slice(0, -1).map((p) => (p.endsWith('о') ? lexicon().adjStems.get(p.slice(0, -1)) : undefined));
        if (last && firsts.every(Boolean)) {
          for (const c of [...firsts, last.country])
            out.push({ id: c!, kind: 'adj', start: t.start, end: t.end, ti: i, tj: i + 1, country: c, prep: prepBefore(toks, i) });
        }
      }
      continue;
    }
    let hit: LexEntry | undefined;
    for (const e of list) {
      if (e.exact && t.s !== e.exact) continue;
      if (e.cap && !t.cap) continue;
      if (e.toks.length > 1 && !matchAt(toks, i, e.toks)) continue;
      hit = e;
      break;
    }
    if (!hit) continue;
    const j = hit.toks.length > 1 ? span(toks, i, hit.toks.length) : i + 1;
    out.push({
      id: hit.id,
      kind: hit.kind,
      start: t.start,
      end: toks[j - 1].end,
      ti: i,
      tj: j,
      country: hit.kind === 'country' ? hit.id : hit.country,
      prep: prepBefore(toks, i),
    });
    i = j - 1;
  }
  return out;
}

const NAME_WORD = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$/;

/** People learned from titles across the document, and their forms for finding them again. */
export interface PeopleIndex {
  persons: Map<string, DocPerson>;
  forms: Map<string, PersonForm[]>;
}

function covered(ms: Mention[], i: number): Mention | undefined {
  return ms.find((m) => m.ti <= i && i < m.tj);
}

/** A register person whose Russian family name is this (nominative) word. */
function registerBySurname(surname: string): PersonRecord | undefined {
  const l = registerForms(fold(surname));
  return l?.find((f) => f.toks.length === 1) ? register().byId.get(l.find((f) => f.toks.length === 1)!.id) : undefined;
}

let bySurnameCache: Map<string, { id: string; initial: string }[]> | undefined;

/** Register people by the family name of their full Russian name, with the initial of its first word. */
function registerByInitial(initial: string, surname: string): PersonRecord | undefined {
  if (!bySurnameCache) {
    bySurnameCache = new Map();
    for (const p of PEOPLE)
      for (const n of p.ru) {
        const w = n.split(/\s+/);
        if (w.length < 2) continue;
        const k = fold(w[w.length - 1]);
        let l = bySurnameCache.get(k);
        if (!l) bySurnameCache.set(k, (l = []));
        if (!l.some((x) => x.id === p.id)) l.push({ id: p.id, initial: fold(w[0])[0] });
      }
  }
  const hits = (bySurnameCache.get(fold(surname)) ?? []).filter((x) => x.initial === fold(initial));
  return hits.length === 1 ? register().byId.get(hits[0].id) : undefined;
}

const INSTITUTION =
  /^(председател|правительств|министр|заместител|президент|премьер|федераци|республик|государств|совет|комитет|палат|собрани|администраци|канцеляри|посольств|секретар)/;

/**
 * First pass over the document: people introduced by a title and a name of two or three words
 * ("президента Казахстана Касым-Жомарта Токаева", "посол России в Казахстане Алексей Бородавкин").
 */
export function learnPeople(sents: Sentence[], lex: Mention[][]): PeopleIndex {
  const persons = new Map<string, DocPerson>();
  const forms = new Map<string, PersonForm[]>();
  const seen = new Set<string>();
  sents.forEach((s, si) => {
    const toks = s.toks;
    const ms = lex[si];
    for (let i = 0; i < toks.length; i++) {
      if (!TITLE.test(toks[i].lo)) continue;
      let country: string | undefined;
      const prev = ms.find((m) => m.tj === i && m.kind === 'adj');
      if (prev) country = prev.country;
      let k = i + 1;
      let steps = 0;
      while (k < toks.length && steps < 9) {
        const t = toks[k];
        const m = covered(ms, k);
        if (m) {
          if (!country && (m.kind === 'country' || m.kind === 'adj') && m.prep !== 'в') country = m.country;
          k = m.tj;
          steps++;
          continue;
        }
        // Official style capitalises titles and institutions ("Заместителем Председателя Правительства
        // Российской Федерации"): they are part of the title, not a name.
        if (t.word && t.cap && (TITLE.test(t.lo) || INSTITUTION.test(t.lo))) {
          k++;
          steps++;
          continue;
        }
        if (!t.word || (t.cap && NAME_WORD.test(t.s))) break;
        if (
          !/^[а-яё-]+$/.test(t.s) ||
          (VERBISH.test(t.lo) &&
            t.lo.length > 3 &&
            !/^(глав|министр|председател|торговл)/.test(t.lo) &&
            !/(ого|его|ой|ей|ых|их|ия|ии|ств|ства|ельств|ельства)$/.test(t.lo))
        )
          break;
        k++;
        steps++;
      }
      // Official style puts initials before the family name: "с Министром иностранных дел Малайзии М.Хасаном".
      let initial: string | undefined;
      while (k + 1 < toks.length && /^[А-ЯЁ]$/.test(toks[k].s) && toks[k + 1].s === '.') {
        initial ??= toks[k].s;
        k += 2;
      }
      // Two or three name words, none of them a known entity.
      const words: Tok[] = [];
      while (k < toks.length && words.length < 3 && toks[k].word && NAME_WORD.test(toks[k].s) && !covered(ms, k)) words.push(toks[k++]);
      if (words.length < 1 || words.some((w) => ADJ_NAME.test(w.lo))) continue;
      const lemma = words.map((w) => nameLemma(w.s)).join(' ');
      const surname = nameLemma(words[words.length - 1].s);
      const reg = registerForms(fold(words[0].s))?.find((f) => matchAt(toks, k - words.length, f.toks)) ?? undefined;
      const bySurname = reg ? undefined : registerBySurname(surname);
      const byInitial = reg || bySurname || !initial || words.length !== 1 ? undefined : registerByInitial(initial, surname);
      const regP = reg ? register().byId.get(reg.id) : (bySurname ?? byInitial);
      let id: string;
      let name: string;
      if (regP) {
        id = regP.id;
        name = regP.name;
      } else if (words.length >= 2) {
        id = 'person:' + slugRu(lemma);
        name = transliterate(lemma);
      } else {
        const known = [...persons.values()].find((p) => p.name.toLowerCase().endsWith(transliterate(surname).toLowerCase()));
        if (!known) continue;
        id = known.id;
        name = known.name;
      }
      // "Председатель правительства РФ" is the prime minister, not a chairman.
      const office =
        (/^(председател|глав)/.test(toks[i].lo) && /^правительств/.test(toks[i + 1]?.lo ?? '') ? 'prime minister' : undefined) ??
        officeOf(toks[i].lo) ??
        (regP ? registerOffice(regP).office : undefined) ??
        (FOREIGN_MINISTER.test(toks[i].lo) ? 'minister' : toks[i].lo.replace(/[аеуыо]$|ом$|ем$/, ''));
      const old = persons.get(id);
      if (!old) persons.set(id, { id, name, country: country ?? (regP ? registerOffice(regP).country : undefined), office });
      else if (!old.country && country) old.country = country;
      if (!regP) {
        indexForms(forms, lemma, id, seen);
        indexForms(forms, surname, id, seen);
      } else if (byInitial) indexForms(forms, surname, id, seen);
      i = k - 1;
    }
  });
  for (const l of forms.values()) l.sort((a, b) => b.toks.length - a.toks.length);
  return { persons, forms };
}

const PAIR = /^(лидеры|лидеров|лидерам|лидерами|президенты|президентов|президентам|президентами|стороны|сторон|сторонами|главы|глав)$/;
const TWO = /^(двух|обеих|обоих|двум|двумя)$/;

/**
 * All mentions of one sentence: lexicon matches, people (register, learned, by family name),
 * leader references and pair references. `year` picks the register's office holders.
 */
const PATRONYMIC = /(?:ович|евич|ьич|овна|евна|ична|инична)(?:а|у|ем|ом|е|ой|у|ы)?$/;

/** "сергеем" is a case form of "сергей". */
function sameFirstName(lo: string, nom: string): boolean {
  if (lo === nom) return true;
  const stem = /[йьаяо]$/.test(nom) ? nom.slice(0, -1) : nom;
  return lo.startsWith(stem) && lo.length - stem.length <= 2;
}

export function sentenceMentions(s: Sentence, lex: Mention[], people: PeopleIndex): Mention[] {
  const toks = s.toks;
  const ms = [...lex];
  const cover: (Mention | undefined)[] = new Array(toks.length);
  for (const m of lex) for (let k = m.ti; k < m.tj; k++) cover[k] = m;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.word || cover[i]) continue;
    if (t.cap) {
      let hit: PersonForm | undefined;
      for (const list of [registerForms(t.lo), people.forms.get(t.lo)]) {
        const cands = list?.filter((f) => matchAt(toks, i, f.toks));
        // One family name, two people ("Жапаров"): the one the document has named.
        hit = cands?.find((f) => people.persons.has(f.id) && f.toks.length === cands[0].toks.length) ?? cands?.[0];
        if (hit) break;
      }
      if (hit) {
        const j = span(toks, i, hit.toks.length);
        const reg = register().byId.get(hit.id);
        const dp = people.persons.get(hit.id);
        const ro = reg ? registerOffice(reg) : {};
        ms.push({
          id: hit.id,
          kind: 'person',
          start: t.start,
          end: toks[j - 1].end,
          ti: i,
          tj: j,
          country: dp?.country ?? ro.country,
          office: dp?.office ?? ro.office,
          prep: prepBefore(toks, i),
          named: true,
        });
        if (!people.persons.has(hit.id))
          people.persons.set(hit.id, { id: hit.id, name: reg?.name ?? hit.id, country: ro.country, office: ro.office });
        i = j - 1;
        continue;
      }
      // "Сергей Викторович" in an interview: the one person of the document with that first name.
      const pat = toks[i + 1];
      if (pat?.cap && PATRONYMIC.test(pat.lo)) {
        const same = [...people.persons.values()].filter((p) => {
          const first = register().byId.get(p.id)?.ru[0]?.split(/\s+/)[0];
          return !!first && sameFirstName(t.lo, fold(first));
        });
        if (same.length === 1) {
          const dp = same[0];
          ms.push({
            id: dp.id,
            kind: 'person',
            start: t.start,
            end: pat.end,
            ti: i,
            tj: i + 2,
            country: dp.country,
            office: dp.office,
            prep: prepBefore(toks, i),
            named: true,
          });
          i++;
          continue;
        }
      }
    }
    if (PAIR.test(t.lo)) {
      const n = toks[i + 1];
      const n2 = toks[i + 2];
      const pairish = /^(стороны|сторон|сторонами)$/.test(t.lo)
        ? !(n && /^(света|мира)$/.test(n.lo))
        : !!(n && TWO.test(n.lo) && n2 && /^(стран|государств)$/.test(n2.lo)) ||
          (/^(лидеров|президентов|президенты|лидеры)$/.test(t.lo) && !(n && (covered(ms, i + 1) || /^(стран|государств)$/.test(n.lo))));
      if (pairish && !/^(главы|глав)$/.test(t.lo)) {
        const j = n && TWO.test(n.lo) ? i + 3 : i + 1;
        ms.push({
          id: '#pair',
          kind: 'pair',
          start: t.start,
          end: toks[Math.min(j, toks.length) - 1].end,
          ti: i,
          tj: Math.min(j, toks.length),
          prep: prepBefore(toks, i),
        });
        i = j - 1;
        continue;
      }
    }
    if (/^столиц[еуаы]$/.test(t.lo)) {
      // "в сербской столице": the capital of the country the adjective names.
      const a = ms.find((m) => m.tj === i && m.kind === 'adj');
      const acap = a?.country && lexicon().capitalOf.get(a.country);
      if (a && acap) {
        ms.splice(ms.indexOf(a), 1, {
          id: acap,
          kind: 'capital',
          start: a.start,
          end: t.end,
          ti: a.ti,
          tj: i + 1,
          country: a.country,
          prep: a.prep,
        });
        continue;
      }
      // "в столице Белоруссии" without the city's name: the capital as a place.
      const c = ms.find((m) => m.ti === i + 1 && m.kind === 'country');
      const cap = c && lexicon().capitalOf.get(c.id);
      if (c && cap && !ms.some((m) => m.ti === c.tj && (m.kind === 'capital' || m.kind === 'city'))) {
        ms.push({ id: cap, kind: 'capital', start: t.start, end: c.end, ti: i, tj: c.tj, country: c.id, prep: prepBefore(toks, i) });
        c.inTitle = true;
        i = c.tj - 1;
        continue;
      }
    }
    if (/^(глава|главы|главой|главе)$/.test(t.lo) && toks[i + 1]?.lo === 'государства') {
      // "Глава государства" without a country: the leader the text is following.
      ms.push({ id: '#he', kind: 'pronoun', start: t.start, end: toks[i + 1].end, ti: i, tj: i + 2 });
      i++;
      continue;
    }
    if (/^(он|она)$/.test(t.lo)) {
      ms.push({ id: '#he', kind: 'pronoun', start: t.start, end: t.end, ti: i, tj: i + 1 });
      continue;
    }
    // "Его также принял премьер-министр", "Китайского гостя принял и ...": the one received is the leader the
    // text is following ("его" only before the verb: elsewhere it is mostly "his").
    if (
      (/^(его|её|ее)$/.test(t.lo) &&
        /^(также\s+|и\s+|тоже\s+)?(приня(л|ла|ли)|примет)$/u.test(
          `${toks[i + 1]?.lo ?? ''}${toks[i + 2] && /^(также|и|тоже)$/.test(toks[i + 1]?.lo ?? '') ? ` ${toks[i + 2].lo}` : ''}`,
        )) ||
      /^гост(я|ю|ем)$/.test(t.lo)
    ) {
      ms.push({ id: '#guest', kind: 'pronoun', start: t.start, end: t.end, ti: i, tj: i + 1 });
      continue;
    }
    // "глава российского кабмина", "глава правительства Вьетнама": the head of that country's government.
    if (/^(глава|главы|главой|главе|главу)$/.test(t.lo)) {
      const adj = ms.find((m) => m.ti === i + 1 && m.kind === 'adj');
      const at = adj ? adj.tj : i + 1;
      // "Глава Российского государства": the head of state.
      if (adj && toks[at] && /^государств/.test(toks[at].lo)) {
        ms.push({
          id: '#leader',
          kind: 'leader',
          start: t.start,
          end: toks[at].end,
          ti: i,
          tj: at + 1,
          country: adj.country,
          office: 'president',
          prep: prepBefore(toks, i),
        });
        adj.inTitle = true;
        i = at;
        continue;
      }
      // "глава российской дипломатии", "глава российского внешнеполитического ведомства", "глава МИД России": the
      // foreign minister.
      if (toks[at] && /^(дипломати|внешнеполитическ|мид$)/.test(toks[at].lo)) {
        const end = toks[at].lo.startsWith('внешнеполитическ') && /^ведомств/.test(toks[at + 1]?.lo ?? '') ? at + 2 : at + 1;
        const after = adj ? undefined : ms.find((m) => m.ti === end && m.kind === 'country');
        const country = adj?.country ?? after?.country;
        const stop = after ? after.tj : end;
        const next = toks[stop];
        if (country && !(next && next.word && next.cap && NAME_WORD.test(next.s))) {
          ms.push({
            id: '#leader',
            kind: 'leader',
            start: t.start,
            end: toks[stop - 1].end,
            ti: i,
            tj: stop,
            country,
            office: 'minister',
            prep: prepBefore(toks, i),
          });
          if (adj) adj.inTitle = true;
          if (after) after.inTitle = true;
          i = stop - 1;
          continue;
        }
      }
      if (toks[at] && /^(правительств|кабмин|кабинет)/.test(toks[at].lo)) {
        let end = at + 1;
        if (toks[at].lo.startsWith('кабинет') && toks[end]?.lo === 'министров') end++;
        const after = adj ? undefined : ms.find((m) => m.ti === end && m.kind === 'country');
        const country = adj?.country ?? after?.country;
        const stop = after ? after.tj : end;
        const next = toks[stop];
        if (country && !(next && next.word && next.cap && NAME_WORD.test(next.s))) {
          ms.push({
            id: '#leader',
            kind: 'leader',
            start: t.start,
            end: toks[stop - 1].end,
            ti: i,
            tj: stop,
            country,
            office: 'prime minister',
            prep: prepBefore(toks, i),
          });
          if (adj) adj.inTitle = true;
          if (after) after.inTitle = true;
          i = stop - 1;
          continue;
        }
      }
    }
    // "с руководством Буркина-Фасо": the country's leadership, no one named.
    if (/^руководств/.test(t.lo)) {
      const after = ms.find((m) => m.ti === i + 1 && m.kind === 'country');
      if (after) {
        ms.push({
          id: '#leader',
          kind: 'leader',
          start: t.start,
          end: after.end,
          ti: i,
          tj: after.tj,
          country: after.country,
          office: 'leadership',
          prep: prepBefore(toks, i),
        });
        after.inTitle = true;
        i = after.tj - 1;
        continue;
      }
    }
    const office = officeOf(t.lo);
    if (office && /(ы|и)$/.test(t.lo) && !/^(главы|глав)$/.test(t.lo)) {
      // "президенты России и Казахстана", "лидеры Китая, Казахстана и Узбекистана": a leader of each.
      const list: Mention[] = [];
      let k = i + 1;
      while (k < toks.length) {
        const m = ms.find((x) => x.ti === k && x.kind === 'country');
        if (!m) break;
        list.push(m);
        k = m.tj;
        if (toks[k] && (toks[k].s === ',' || toks[k].lo === 'и')) k++;
        else break;
      }
      if (list.length >= 2) {
        for (const m of list) {
          m.inTitle = true;
          ms.push({
            id: '#leader',
            kind: 'leader',
            start: t.start,
            end: m.end,
            ti: i,
            tj: m.tj,
            country: m.country,
            office,
            prep: prepBefore(toks, i),
          });
        }
        i = list[list.length - 1].tj - 1;
        continue;
      }
    }
    if (office) {
      // "президент Казахстана", "российский лидер", "наш президент", "президент Эрдоган".
      const adj = ms.find((m) => m.tj === i && m.kind === 'adj');
      const our = toks[i - 1]?.lo === 'наш' || toks[i - 1]?.lo === 'нашего' || toks[i - 1]?.lo === 'нашим';
      const after = ms.find((m) => m.ti === i + 1 && (m.kind === 'country' || m.kind === 'adj'));
      const country = adj?.country ?? after?.country ?? (our ? 'country:RU' : undefined);
      if (!country) continue;
      const end = after ? after.tj : i + 1;
      const next = toks[end];
      // A name right after the title makes it a title, not a reference.
      if (next && next.word && next.cap && NAME_WORD.test(next.s)) continue;
      const start = adj ? adj.ti : our ? i - 1 : i;
      ms.push({
        id: '#leader',
        kind: 'leader',
        start: toks[start].start,
        end: toks[end - 1].end,
        ti: start,
        tj: end,
        country,
        office,
        prep: prepBefore(toks, start),
      });
      if (after) after.inTitle = true;
      if (adj) adj.inTitle = true;
    }
  }
  // Countries and places inside a person's title ("посол России в Казахстане Алексей Бородавкин") are roles.
  for (const p of ms.filter((m) => m.kind === 'person')) {
    let k = p.ti - 1;
    let steps = 0;
    while (k >= 0 && steps < 9) {
      const t = toks[k];
      if (!t.word) break;
      const m = covered(ms, k);
      if (m && m !== p && (m.kind === 'person' || m.kind === 'leader' || m.kind === 'pair')) break;
      if (TITLE.test(t.lo)) {
        for (const x of ms)
          if (
            x.ti > k &&
            x.tj <= p.ti &&
            (x.kind === 'country' || x.kind === 'adj' || x.kind === 'capital' || x.kind === 'city' || x.kind === 'org')
          )
            x.inTitle = true;
        const adj = ms.find((x) => x.tj === k && x.kind === 'adj');
        if (adj) adj.inTitle = true;
        break;
      }
      if (m) {
        k = m.ti - 1;
        steps++;
        continue;
      }
      if (t.cap && k > 0) break;
      k--;
      steps++;
    }
  }
  return ms.sort((a, b) => a.ti - b.ti);
}

/** Title that a person holds in the document, if any ("посол" for an ambassador). */
export function isSpokesman(p: DocPerson | undefined): boolean {
  return (
    !!p?.office &&
    (/^(посл|посол|пресс-секретар|представител|помощник|советник|официальн|директор|спецпредставител)/.test(p.office) ||
      /press secretary|spokes|ambassador|aide|advis|representative|director/i.test(p.office))
  );
}
