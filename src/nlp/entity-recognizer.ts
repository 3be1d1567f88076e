// Entity mention recognition: gazetteer lookups, companies, abbreviations defined in the text,
// people learned from their titles, and role/surname coreference.
import { CHINESE_SURNAMES, DIPLOMAT_TITLES, GOVERNMENT_HEAD_TITLES, LEADER_TITLES, TITLE_WORDS } from './gazetteer-curated.data.js';
import { COUNTRIES } from './countries.generated.js';
import { KNOWN, LOOKUP, type EntityInfo, type Target } from './gazetteer.js';
import type { PersonRecord } from './people.js';
import { activeIn, FORMS_BY_STEM, foldLatin, NAME_FORMS, personByLatinName } from './person-names.js';
import type { Sentence } from './sentence-splitter.js';
import { slugify } from './text-normalizer.js';
import { tokenize, type Token } from './tokenizer.js';
import type { Role } from './types.js';

export type MentionKind = 'country' | 'place' | 'org' | 'project' | 'person';

export interface Mention {
  start: number;
  end: number;
  id: string;
  kind: MentionKind;
  t0: number;
  t1: number;
  /** A capital or seat of government standing for its country. */
  seat?: boolean;
  /** Adjective/demonym form ("Kyrgyz", "Chinese"). */
  adjective?: boolean;
  /** Found through a role phrase ("the Kyrgyz leader") rather than a name. */
  byRole?: boolean;
  /** Gazetteer kind of the surface form, e.g. 'capital', 'city', 'company'. */
  source?: string;
}

export interface PersonInfo {
  id: string;
  name: string;
  keys: string[];
  roles: Role[];
  leaderOf: Set<string>;
  govHeadOf: Set<string>;
  diplomatOf: Set<string>;
}

export interface DocEntities {
  mentions: Mention[];
  persons: Map<string, PersonInfo>;
  /** Entities defined by this text only (companies, abbreviations). */
  local: Map<string, EntityInfo>;
  aliases: Map<string, Set<string>>;
}

const LEGAL = new Set([
  'co',
  'ltd',
  'limited',
  'inc',
  'llc',
  'plc',
  'corp',
  'ag',
  'sa',
  'gmbh',
  'jsc',
  'pjsc',
  'ojsc',
  'cjsc',
  'nv',
  'bv',
  'spa',
  'ab',
  'asa',
  'llp',
  'pte',
  'bhd',
  'sdn',
  'lp',
  'kk',
]);
const COMPANY_HEADS = new Set(['group', 'holding', 'holdings', 'corporation', 'company', 'conglomerate', ...LEGAL]);
const NOT_NAME = new Set(
  (
    'the a an in on at during after before since while when among this that these those it he she ' +
    'they we our its his her their but and or however meanwhile monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december mr mrs ms dr ' +
    'republic federation kingdom state council committee ministry congress parliament assembly party government office ' +
    'union bank foreign affairs national central people politburo member deputy vice first secretary general majesty ' +
    'highness excellency agreement statement joint summit initiative program programme corridor railway global ' +
    'development security new north south east west chief executive senior former acting ambassador minister prime by ' +
    'for from with to of as if some many all both each also last next today yesterday group co ltd energy company ' +
    'corporation holdings chairman premier leader head cpc npc communist standing supreme court senate house cabinet ' +
    'commission agency service forces army navy air force times news press reuters xinhua tass observer international ' +
    'spring festival year strategic comprehensive partnership cooperation economic forum week day eid ramadan christmas ' +
    'president king queen emir sultan prince sheikh chancellor governor mayor speaker director commissioner envoy ' +
    'spokesperson spokesman spokeswoman ceo defence defense finance trade economy interior justice health education ' +
    'according following under over about after despite because although though there here what which who why how ' +
    'chair chairwoman general-secretary his-majesty royal highness islamic democratic federal socialist soviet ' +
    'organization organisation institute university fund world great grand old new-year lunar calendar era'
  ).split(' '),
);
const COMPANY_STOP = new Set(
  (
    'the a an in on at during among this that it he she they we but and or however meanwhile ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december president minister chairman premier ceo according'
  ).split(' '),
);
const FUNCTION_NAMES = new Set(['to', 'an', 'do', 'ma', 'he', 'ho']);
const PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'da', 'dos', 'das', 'van', 'von', 'der', 'la', 'le', 'di', 'du']);
const STARTERS = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'during',
  'among',
  'yesterday',
  'last',
  'this',
  'by',
  'for',
  'with',
  'from',
  'and',
  'after',
  'before',
  'when',
  'while',
  'both',
  'chinese',
  'state-owned',
]);
const PLACE_PREPS = new Set([
  'in',
  'to',
  'at',
  'from',
  'into',
  'near',
  'via',
  'outside',
  'inside',
  'toward',
  'towards',
  'across',
  'around',
  'visited',
  'visiting',
  'visit',
  'reached',
  'leaving',
  'left',
  'arrived',
  'through',
  'capital',
]);

type Claim = Int32Array;

/** Recognise entity mentions in the tokenised text and learn people from their titles. */
export function recognizeEntities(text: string, toks: Token[], sents: Sentence[], year?: number): DocEntities {
  const lower = text.toLowerCase();
  const claim: Claim = new Int32Array(toks.length).fill(-1);
  const mentions: Mention[] = [];
  const local = new Map<string, EntityInfo>();
  const aliases = new Map<string, Set<string>>();
  const addAlias = (id: string, a: string) => {
    let s = aliases.get(id);
    if (!s) aliases.set(id, (s = new Set()));
    s.add(a);
  };
  const push = (m: Mention) => {
    for (let k = m.t0; k < m.t1; k++) claim[k] = mentions.length;
    mentions.push(m);
  };
  const paraBreak = (a: number, b: number) => text.slice(toks[a].end, toks[b].start).includes('\n');

  // 1. Companies by legal suffix or "Group"/"Corporation".
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    if (t.k !== 'w' || !t.cap || !COMPANY_HEADS.has(t.lo) || claim[i] >= 0) continue;
    let b = i;
    while (b - 1 >= 0 && !paraBreak(b - 1, b)) {
      const p = toks[b - 1];
      if (
        (p.k === 'w' && p.cap && !STARTERS.has(p.lo) && !COMPANY_STOP.has(p.lo)) ||
        p.s === '&' ||
        (p.s === '-' && p.start === toks[b - 2]?.end && p.end === toks[b].start)
      )
        b--;
      else if (p.lo === 'and' && toks[b - 2]?.cap && toks[b].cap) b--;
      else break;
      if (i - b > 6) break;
    }
    while (b < i && (toks[b].lo === 'and' || toks[b].s === '&' || toks[b].s === '-')) b++;
    const nonLegal = toks.slice(b, i).filter((x) => x.k === 'w' && !LEGAL.has(x.lo));
    if (nonLegal.length === 0 || (LEGAL.has(t.lo) && nonLegal.length === 0)) continue;
    // A lone gazetteer phrase before "Group" is still a company ("Adani Group" is known).
    let e = i + 1;
    while (e < toks.length && toks[e].cap && COMPANY_HEADS.has(toks[e].lo) && !LEGAL.has(toks[e].lo)) e++; // "Holding Company"
    while (
      e < toks.length &&
      !paraBreak(e - 1, e) &&
      ((LEGAL.has(toks[e].lo) && toks[e].cap) ||
        ((toks[e].s === '.' || toks[e].s === ',') && e + 1 < toks.length && LEGAL.has(toks[e + 1].lo) && toks[e + 1].cap) ||
        (toks[e].s === '.' && LEGAL.has(toks[e - 1].lo)))
    )
      e++;
    let coreEnd = e;
    while (coreEnd > b && (LEGAL.has(toks[coreEnd - 1].lo) || toks[coreEnd - 1].k === 'p')) coreEnd--;
    if (coreEnd <= b) continue;
    const coreName = text.slice(toks[b].start, toks[coreEnd - 1].end);
    const known = lookupAt(toks, b, claim, new Map());
    const id = known && known.len === coreEnd - b ? known.target.id : 'org:' + slugify(coreName);
    if (!KNOWN.has(id) && !local.has(id)) local.set(id, { id, type: 'organization', name: coreName, aliases: [] });
    push({ start: toks[b].start, end: toks[e - 1].end, id, kind: 'org', t0: b, t1: e, source: 'company' });
    i = e - 1;
  }

  // 2. Gazetteer phrases, with abbreviations defined in the text: "Kyrgyz Republic (KR)".
  const docAbbr = new Map<string, Target>();
  for (let i = 0; i < toks.length; i++) {
    if (claim[i] >= 0) {
      const m = mentions[claim[i]];
      i = m.t1 - 1;
      if (m.t1 + 2 < toks.length) defineAbbr(m.t1, { kind: 'org', id: m.id, name: '' } as Target);
      continue;
    }
    const t = toks[i];
    if (t.k === 'p') {
      if (t.s === '(') tryUnknownAbbr(i);
      continue;
    }
    const abbr = t.k === 'w' && docAbbr.size > 0 ? docAbbr.get(t.s) : undefined;
    const hit = abbr ? { target: abbr, len: 1 } : lookupAt(toks, i, claim, docAbbr);
    if (!hit) continue;
    const j = i + hit.len;
    if (j - 1 > i && paraBreak(i, j - 1)) continue;
    // "US$18 billion" and "512.6 million US dollars" are a currency, not the United States.
    if (text[toks[j - 1].end] === '$') continue;
    const tg = hit.target;
    if (tg.kind === 'country' && CURRENCY_AFTER.test(toks[j]?.lo ?? '') && /^[A-Z.]+$/.test(text.slice(toks[i].start, toks[j - 1].end)))
      continue;
    const m = toMention(tg, i, j);
    push(m);
    defineAbbr(j, tg);
    i = j - 1;
  }

  function toMention(tg: Target, i: number, j: number): Mention {
    // Written out rather than spread from a common base: one object shape, made on every gazetteer hit.
    const start = toks[i].start;
    const end = toks[j - 1].end;
    switch (tg.kind) {
      case 'country':
        return { start, end, t0: i, t1: j, source: tg.kind, id: tg.id, kind: 'country', adjective: isAdjectiveForm(toks[i].s, j - i) };
      case 'capital':
      case 'city':
      case 'region':
        return { start, end, t0: i, t1: j, source: tg.kind, id: tg.id, kind: 'place' }; // capitals classified below
      case 'project':
        return { start, end, t0: i, t1: j, source: tg.kind, id: tg.id, kind: 'project' };
      default:
        return { start, end, t0: i, t1: j, source: tg.kind, id: tg.id, kind: 'org' };
    }
  }

  function defineAbbr(j: number, tg: Target): void {
    if (j + 2 >= toks.length || toks[j].s !== '(' || toks[j + 2].s !== ')') return;
    const a = toks[j + 1];
    if (a.k !== 'w' || !/^[A-Z][A-Za-z]{0,6}[A-Z]$/.test(a.s)) return;
    let real = 'name' in tg && tg.name === '' ? mentionTargetById(tg.id) : tg;
    if (!real) return;
    const loc = local.get(real.id);
    if (loc && loc.type === 'organization' && real.id !== 'org:' + slugify(a.s)) {
      const nid = 'org:' + slugify(a.s);
      local.delete(real.id);
      for (const m of mentions) if (m.id === real.id) m.id = nid;
      local.set(nid, { ...loc, id: nid, aliases: [a.s] });
      real = { kind: 'org', id: nid, name: loc.name };
    }
    docAbbr.set(a.s, real);
    addAlias(real.id, a.s);
    push({ ...toMention(real, j + 1, j + 2), adjective: false });
  }

  function mentionTargetById(id: string): Target | undefined {
    if (id.startsWith('country:')) return { kind: 'country', id, code: id.slice(8) };
    const k = KNOWN.get(id) ?? local.get(id);
    if (!k) return undefined;
    if (k.type === 'place') return { kind: 'city', id, code: (k.country ?? '').slice(8), name: k.name };
    if (k.type === 'project') return { kind: 'project', id, name: k.name };
    return { kind: 'org', id, name: k.name };
  }

  // "Southern Transport Corridor (STC)": an unknown capitalised phrase whose initials spell the acronym.
  function tryUnknownAbbr(i: number): void {
    if (i + 2 >= toks.length || toks[i + 2].s !== ')') return;
    const a = toks[i + 1].s;
    if (!/^[A-Z]{2,6}$/.test(a) || docAbbr.has(a)) return;
    const words: Token[] = [];
    for (let b = i - 1; b >= 0 && i - b < 10; b--) {
      const p = toks[b];
      if (claim[b] >= 0) break;
      if (p.k === 'w' && (p.cap || ['of', 'and', 'for', 'the', 'on', 'in'].includes(p.lo))) words.unshift(p);
      else break;
    }
    while (words.length && !words[0].cap) words.shift();
    const initials = words
      .filter((w) => w.cap)
      .map((w) => w.s[0])
      .join('');
    if (initials.length < 2 || (!initials.endsWith(a) && initials !== a)) return;
    const capWords = words.filter((w) => w.cap);
    const used = capWords.slice(capWords.length - a.length);
    const name = text.slice(used[0].start, used[used.length - 1].end);
    const heads = /(railway|corridor|road|pipeline|park|plant|zone|project|initiative|program|programme|port|dam)$/i;
    const id = heads.test(name) ? 'project:' + slugify(name) : 'org:' + slugify(a);
    const tg: Target = heads.test(name) ? { kind: 'project', id, name } : { kind: 'org', id, name };
    if (!local.has(id) && !KNOWN.has(id)) {
      local.set(id, { id, type: heads.test(name) ? 'project' : 'organization', name, aliases: [a] });
    }
    const t0 = toks.indexOf(used[0]);
    push({ start: used[0].start, end: used[used.length - 1].end, id, kind: tg.kind === 'project' ? 'project' : 'org', t0, t1: i });
    docAbbr.set(a, tg);
    addAlias(id, a);
    push({ start: toks[i + 1].start, end: toks[i + 1].end, id, kind: tg.kind === 'project' ? 'project' : 'org', t0: i + 1, t1: i + 2 });
  }

  // 2b. "Masdar and Egypt's Infinity Power": a capitalised name coordinated with a company is a company.
  for (const c of [...mentions]) {
    if (c.source !== 'company') continue;
    let k = c.t1;
    if (toks[k]?.lo !== 'and') continue;
    k++;
    if (claim[k] >= 0 && mentions[claim[k]].kind === 'country' && toks[mentions[claim[k]].t1]?.s === "'s") k = mentions[claim[k]].t1 + 1;
    const b = k;
    while (k < toks.length && k - b < 3 && claim[k] < 0 && toks[k].k === 'w' && toks[k].cap && !NOT_NAME.has(toks[k].lo)) k++;
    if (k === b || toks[k]?.cap) continue;
    const name = text.slice(toks[b].start, toks[k - 1].end);
    const id = 'org:' + slugify(name);
    if (!KNOWN.has(id)) local.set(id, { id, type: 'organization', name, aliases: [] });
    push({ start: toks[b].start, end: toks[k - 1].end, id, kind: 'org', t0: b, t1: k, source: 'company' });
  }

  // 2c. "the Samoan capital", "the Kenyan capital": the country's capital, a place.
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    if (m.kind !== 'country' || toks[m.t1]?.lo !== 'capital' || toks[m.t0 - 1]?.lo !== 'the') continue;
    const cap = CAPITAL_OF.get(m.id.slice(8));
    if (!cap || !KNOWN.has(cap) || claim[m.t1] >= 0) continue;
    claim[m.t1] = k;
    Object.assign(m, { id: cap, kind: 'place', source: 'city', end: toks[m.t1].end, t1: m.t1 + 1, adjective: undefined });
  }

  // 3. Capitals: a government when acting, a place after a locative word.
  for (const m of mentions) {
    if (m.source !== 'capital') continue;
    let p = m.t0 - 1;
    if (p >= 1 && toks[p].lo === 'of' && toks[p - 1].lo === 'city') p -= 2;
    // "at the White House", "in the Kremlin": the article before a palace.
    if (p >= 1 && toks[p].lo === 'the') p--;
    let prev = p >= 0 ? toks[p].lo : '';
    if (prev === 'and' && p - 1 >= 0 && claim[p - 1] >= 0) {
      const before = mentions[claim[p - 1]];
      if (before.source === 'capital') {
        prev = before.seat ? '' : 'in';
      }
    }
    const nextIsComma = toks[m.t1]?.s === ',' && claim[m.t1 + 1] >= 0 && mentions[claim[m.t1 + 1]].kind === 'country';
    // Datelines ("DUSHANBE -") name the place of writing.
    const dateline = /^[A-Z\s'-]{4,}$/.test(text.slice(m.start, m.end));
    if (PLACE_PREPS.has(prev) || nextIsComma || dateline) continue;
    const code = KNOWN.get(m.id)?.country;
    if (!code) continue;
    m.seat = true;
    m.kind = 'country';
    m.id = code;
  }

  const persons = learnPeople(text, lower, toks, sents, claim, mentions, push, year);
  mentions.sort((a, b) => a.start - b.start);
  // "President Yoon Suk Yeol, who is in our country on a state visit": in a leader's readout (outside quotes)
  // "our country" is the country of the leader the text names first.
  if (lower.includes('our country')) {
    const first = mentions.find((m) => m.kind === 'person');
    const own = first && persons.get(first.id)?.roles.find((r) => r.of?.startsWith('country:'))?.of;
    for (let i = 0; own && i + 1 < toks.length; i++) {
      if (toks[i].lo !== 'our' || toks[i + 1].lo !== 'country' || claim[i] >= 0 || claim[i + 1] >= 0) continue;
      const quotes = (text.slice(0, toks[i].start).match(/["“”]/g) ?? []).length;
      if (quotes % 2 === 1) continue;
      mentions.push({ start: toks[i].start, end: toks[i + 1].end, t0: i, t1: i + 2, id: own, kind: 'country', source: 'our' });
    }
    mentions.sort((a, b) => a.start - b.start);
  }
  return { mentions, persons, local, aliases };
}

/** Each country's first capital as a place id ("AE" -> "place:abu-dhabi"). */
const CAPITAL_OF = new Map(
  COUNTRIES.filter((c) => c.capitals.length).map((c) => [c.code, 'place:' + slugify(c.capitals[0].replace(/ D\.C\.$/, ''))]),
);

const ADJ_CACHE = new Map<string, boolean>();

function isAdjectiveForm(s: string, len: number): boolean {
  if (len > 1) return false;
  let v = ADJ_CACHE.get(s);
  if (v === undefined) {
    v = isAdjectiveUncached(s);
    ADJ_CACHE.set(s, v);
  }
  return v;
}

function isAdjectiveUncached(s: string): boolean {
  return (
    (/(ese|ish|ian|an|i|ic|ch|yz|kh|ek|ik|en|ot|ai|ao|ese)$/.test(s) && !/(stan|land|ia|ea|ana|an)$/.test(s)) ||
    /^(Kyrgyz|Kazakh|Uzbek|Tajik|Turkmen|Chinese|Russian|American|British|Thai|Lao|Swiss|French|Dutch|Greek|Iraqi|Saudi|Afghan|Korean|German|Indian|Iranian|Pakistani|Israeli|Emirati|Qatari|Omani|Kuwaiti|Yemeni|Nepali|Mongolian|Nigerian|Kenyan|Egyptian|Ethiopian|Mexican|Brazilian|Chilean|Peruvian|Argentine|Cuban|Polish|Ukrainian|Italian|Spanish|Turkish|Japanese|Vietnamese|Malaysian|Indonesian|Filipino|Ghanaian|Senegalese|Moroccan|Algerian|Angolan|Congolese|Tanzanian|Ugandan|Rwandan|Zambian|Colombian|Venezuelan|Bolivian|Azerbaijani|Armenian|Georgian|Belarusian|Serbian|Hungarian|Austrian|Canadian|Australian|Sudanese|Libyan|Tunisian|Syrian|Lebanese|Jordanian|Palestinian|Bangladeshi|Burmese|Cambodian|Singaporean|Mozambican|Malian|Ivorian|Portuguese|Romanian|Czech|Swedish|Norwegian|Finnish|Danish|Irish|Belgian|Bulgarian|Slovak|Croatian)$/.test(
      s,
    )
  );
}

// First words of the phrases a lowercase token may begin ("the Gambia"): a capitalised phrase needs a
// capitalised first word, and acronyms match exactly.
const LOWERCASE_FIRST = new Set(
  [...LOOKUP].filter(([, l]) => l.some((e) => !e.exact && e.raw[0][0] === e.raw[0][0].toLowerCase())).map(([k]) => k),
);
// Words after a country's acronym that make it a currency: "US dollars", "HK dollar".
const CURRENCY_AFTER = /^(?:dollars?|cents?)$/;

function lookupAt(toks: Token[], i: number, claim: Claim, _abbr: Map<string, Target>): { target: Target; len: number } | undefined {
  const t = toks[i];
  // Most words of running text are lowercase, and only phrases starting with these words can begin with one:
  // the look-up is skipped for the rest.
  if (!t.cap && !LOWERCASE_FIRST.has(t.lo)) return undefined;
  const list = LOOKUP.get(t.lo);
  if (!list) return undefined;
  outer: for (const e of list) {
    const n = e.toks.length;
    if (i + n > toks.length) continue;
    for (let k = 0; k < n; k++) {
      const tk = toks[i + k];
      if (claim[i + k] >= 0) continue outer;
      if (tk.lo !== e.toks[k]) continue outer;
      if (e.exact && tk.s !== e.raw[k]) continue outer;
      if (k > 0 && tk.start - toks[i + k - 1].end > 2) continue outer;
    }
    if (!e.exact && e.raw[0][0] !== e.raw[0][0].toLowerCase() && !t.cap) continue;
    // Possessive-free word boundary: "Chinese-made" is still Chinese; "Georgian-era" too.
    if (
      n === 1 &&
      e.exact &&
      t.s.length <= 3 &&
      toks[i + 1]?.s === '.' &&
      toks[i + 1].start === t.end &&
      toks[i + 2]?.k === 'w' &&
      toks[i + 2].start === toks[i + 1].end
    )
      continue;
    return { target: e.target, len: n };
  }
  return undefined;
}

interface TitleHit {
  title: string;
  len: number;
}

// Titles by their first token, longest first, compared token by token: most tokens are rejected with one
// lookup, and none builds a string to look up. `glued` marks the tokens a title writes without a space before
// them ("vice-president"); the others follow whitespace, as any run of it between two tokens of the text.
// Titles of up to four tokens, as the text's title phrases are read.
const TITLES_BY_FIRST = new Map<string, { toks: string[]; glued: boolean[]; title: string }[]>();
for (const [key, title] of Object.entries(TITLE_WORDS)) {
  const ts = tokenize(key);
  if (ts.length > 4) continue;
  const entry = { toks: ts.map((t) => t.lo), glued: ts.map((t, k) => k > 0 && t.start === ts[k - 1].end), title };
  const list = TITLES_BY_FIRST.get(entry.toks[0]) ?? [];
  list.push(entry);
  TITLES_BY_FIRST.set(entry.toks[0], list);
}
for (const list of TITLES_BY_FIRST.values()) list.sort((a, b) => b.toks.length - a.toks.length);

function titleAt(toks: Token[], i: number): TitleHit | undefined {
  const list = TITLES_BY_FIRST.get(toks[i].lo);
  if (!list) return undefined;
  outer: for (const e of list) {
    const n = e.toks.length;
    if (i + n > toks.length) continue;
    for (let k = 1; k < n; k++) {
      const t = toks[i + k];
      if (t.lo !== e.toks[k] || (t.start === toks[i + k - 1].end) !== e.glued[k]) continue outer;
    }
    return { title: e.title, len: n };
  }
  return undefined;
}

function learnPeople(
  text: string,
  lower: string,
  toks: Token[],
  sents: Sentence[],
  claim: Claim,
  mentions: Mention[],
  push: (m: Mention) => void,
  year?: number,
): Map<string, PersonInfo> {
  const persons = new Map<string, PersonInfo>();
  // Accents folded only when the text has any: most English text is plain ASCII already.
  const ascii = !/[^\x00-\x7f]/.test(text);
  const folded = ascii ? lower.replace(/-/g, ' ') : foldLatin(text);
  // A register person gets the register's id, name, family-name keys and the offices held that year.
  const fromRegister = (rec: PersonRecord): PersonInfo => {
    let p = persons.get(rec.id);
    if (p) return p;
    const keys = rec.en.filter((f) => !/\s/.test(f.trim()) && f !== rec.name);
    // Vietnamese leaders go by the last word of their name, a given name ("Chinh", "Lam"), once named in full.
    if (rec.offices.some((o) => o.of === 'country:VN')) {
      const last = (rec.en.find((f) => /^[\x00-\x7f]+$/.test(f)) ?? rec.name).split(/\s+/).pop() ?? '';
      if (last.length >= 3 && !NOT_NAME.has(last.toLowerCase())) keys.push(last);
    }
    p = { id: rec.id, name: rec.name, keys, roles: [], leaderOf: new Set(), govHeadOf: new Set(), diplomatOf: new Set() };
    for (const o of rec.offices) {
      if (year !== undefined && !(o.from <= year && (o.to === undefined || o.to >= year))) continue;
      p.roles.push({ title: o.title, of: o.of });
      if (!o.of.startsWith('country:')) continue;
      if (LEADER_TITLES.has(o.title) || o.title === 'Crown Prince') p.leaderOf.add(o.of);
      if (GOVERNMENT_HEAD_TITLES.has(o.title)) p.govHeadOf.add(o.of);
      if (DIPLOMAT_TITLES.has(o.title)) p.diplomatOf.add(o.of);
    }
    persons.set(rec.id, p);
    return p;
  };
  // "Mohammad Bin Rashid" and "Mohammed bin Rashid" name one register person: same family key, same given-name stem.
  const registerMatch = (name: string): PersonRecord | undefined => {
    const exact = personByLatinName(name, year);
    if (exact) return exact;
    const w = foldLatin(name).split(/\s+/).filter(Boolean);
    if (w.length < 2) return undefined;
    const cands = (NAME_FORMS.get(w[0]) ?? []).map((f) => f.person);
    for (const x of FORMS_BY_STEM.get(w[0].slice(0, 3)) ?? []) cands.push(x.person);
    const hits = [...new Set(cands)].filter(
      (p) =>
        activeIn(p, year) &&
        p.en.some((f) => {
          const fw = foldLatin(f).split(/\s+/);
          return (
            fw.length >= 2 && fw[0].slice(0, 3) === w[0].slice(0, 3) && fw.some((x, i) => i > 0 && x.length > 3 && w.slice(1).includes(x))
          );
        }),
    );
    return hits.length === 1 ? hits[0] : undefined;
  };
  const nameEligible = (k: number) => {
    const t = toks[k];
    // Capitalised short function words inside a sentence are names here ("President To Lam").
    const fn = t.cap && FUNCTION_NAMES.has(t.lo) && k > 0 && toks[k - 1].cap && !text.slice(toks[k - 1].end, t.start).includes('\n');
    return (
      t.k === 'w' &&
      claim[k] < 0 &&
      ((t.cap && (!NOT_NAME.has(t.lo) || fn) && t.s.length > 1 && !/^[A-Z]{2,}$/.test(t.s)) || PARTICLES.has(t.lo))
    );
  };
  // Joins hyphen-glued pieces: "Kassym-Jomart" is one name word.
  const nameWordEnd = (k: number, lim: number) => {
    let e = k + 1;
    while (
      e + 1 < lim &&
      toks[e].s === '-' &&
      toks[e].start === toks[e - 1].end &&
      toks[e + 1].start === toks[e].end &&
      toks[e + 1].k === 'w'
    )
      e += 2;
    return e;
  };
  const register = (t0: number, t1: number, title: string, of: string | undefined, qualified: boolean) => {
    const name = text.slice(toks[t0].start, toks[t1 - 1].end).replace(/\s+/g, ' ');
    // "Prince Mohammed", "Sheikh Tamim": an honorific and a given name stand for the person of that name already met.
    const hon = /^(?:Crown\s+)?(?:Prince|Sheikh|Shaikh|Emir|King)\s+(\S+)$/.exec(name);
    if (hon) {
      const known = [...persons.values()].find(
        (p) => p.name.split(/\s+/)[0] === hon[1] || (p.name.split(/\s+/)[1] === hon[1] && /^(Sheikh|Prince)$/.test(p.name.split(/\s+/)[0])),
      );
      if (known) {
        push({ start: toks[t0].start, end: toks[t1 - 1].end, id: known.id, kind: 'person', t0, t1 });
        return;
      }
    }
    const rec = registerMatch(name);
    if (rec) {
      const p = fromRegister(rec);
      if (title && title !== 'Counterpart' && !p.roles.some((r) => r.title === title && r.of === of))
        p.roles.push(of ? { title, of } : { title });
      if (of?.startsWith('country:') && LEADER_TITLES.has(title) && !qualified) p.leaderOf.add(of);
      push({ start: toks[t0].start, end: toks[t1 - 1].end, id: rec.id, kind: 'person', t0, t1 });
      return;
    }
    const words = name.split(' ');
    const chinese =
      words.length === 2 &&
      CHINESE_SURNAMES.has(words[0]) &&
      /^[A-Z][a-z]+$/.test(words[1]) &&
      (of === undefined || of === 'country:CN' || of === 'country:TW' || of === 'country:SG');
    const id = 'person:' + slugify(name);
    let p = persons.get(id);
    if (!p) {
      const keys = chinese ? [words[0]] : [words[words.length - 1]];
      if (!chinese && words.length >= 3 && !PARTICLES.has(words[words.length - 2].toLowerCase())) keys.push(words[words.length - 2]);
      p = { id, name, keys, roles: [], leaderOf: new Set(), govHeadOf: new Set(), diplomatOf: new Set() };
      persons.set(id, p);
    }
    if (title && title !== 'Counterpart' && !p.roles.some((r) => r.title === title && r.of === of))
      p.roles.push(of ? { title, of } : { title });
    if (of?.startsWith('country:')) {
      if (LEADER_TITLES.has(title) && !qualified) p.leaderOf.add(of);
      if (GOVERNMENT_HEAD_TITLES.has(title)) p.govHeadOf.add(of);
      if (DIPLOMAT_TITLES.has(title)) p.diplomatOf.add(of);
    }
    push({ start: toks[t0].start, end: toks[t1 - 1].end, id, kind: 'person', t0, t1 });
  };

  for (const s of sents) {
    // Title-case headlines ("President Tokayev Arrives") would yield false names; bodies name people properly.
    if (s.para === 0) continue;
    for (let i = s.t0; i < s.t1; i++) {
      if (claim[i] >= 0) continue;
      const hit = titleAt(toks, i);
      if (hit) {
        const r = scanTitled(i, hit, s.t1);
        if (r) i = r - 1;
        continue;
      }
      // Appositive: "Cyril Ramaphosa, South Africa's president,"
      if (nameEligible(i) && (i === s.t0 || !nameEligible(i - 1))) {
        const words: [number, number][] = [];
        let k = i;
        while (k < s.t1 && nameEligible(k) && words.length < 4) {
          const e = nameWordEnd(k, s.t1);
          words.push([k, e]);
          k = e;
        }
        if (words.length < 2 || toks[k]?.s !== ',') continue;
        let q = k + 1;
        // Post-nominal letters between the name and the title: "William Samoei Ruto, C.G.H., President of ...".
        const post = /^\s*(?:[A-Z]\.?){1,5}\s*,/.exec(text.slice(toks[k].end, toks[k].end + 16));
        if (post) {
          const to = toks[k].end + post[0].length;
          while (q < s.t1 && toks[q].start < to) q++;
        }
        if (toks[q]?.lo === 'the') q++;
        let of: string | undefined;
        if (claim[q] >= 0 && mentions[claim[q]].kind === 'country') {
          of = mentions[claim[q]].id;
          q = mentions[claim[q]].t1;
          if (toks[q]?.s === "'s") q++;
        }
        const th = q < s.t1 ? titleAt(toks, q) : undefined;
        if (!th) continue;
        let qualified = false;
        const end = q + th.len;
        // "Prime Minister of Fiji", "of the Independent State of Papua New Guinea": the country after "of",
        // across an article and the capitalised words of a long official name.
        let c = end + 1;
        while (
          toks[end]?.lo === 'of' &&
          c < s.t1 &&
          c - end <= 6 &&
          claim[c] < 0 &&
          (toks[c].lo === 'the' || toks[c].lo === 'of' || toks[c].cap)
        )
          c++;
        if (toks[end]?.lo === 'of' && claim[c] >= 0 && mentions[claim[c]].kind === 'country') {
          of = mentions[claim[c]].id;
        } else if (toks[end]?.lo === 'of') qualified = true;
        if (!of && th.title !== 'CEO') continue;
        register(i, k, th.title, of, qualified);
        i = k - 1;
      }
    }
  }

  function scanTitled(i: number, hit: TitleHit, lim: number): number | undefined {
    let title = hit.title;
    let of: string | undefined;
    let qualified = false;
    // Country or organisation right before the title: "Kazakh President", "China's Premier".
    let b = i - 1;
    if (b >= 0 && toks[b].s === "'s") b--;
    if (b >= 0 && claim[b] >= 0) {
      const m = mentions[claim[b]];
      if (m.kind === 'country' || m.kind === 'org') of = m.id;
    }
    let j = i + hit.len;
    const qual: Token[] = [];
    let lastStructural = j;
    while (j < lim && j - i < 18) {
      const t = toks[j];
      if (claim[j] >= 0) {
        const m = mentions[claim[j]];
        if (m.kind === 'person') break;
        if (m.kind === 'country' || m.kind === 'org') of = of && m.kind === 'org' && of.startsWith('country:') ? of : m.id;
        if (m.kind === 'country') of = m.id;
        j = m.t1;
        lastStructural = j;
        continue;
      }
      if (t.lo === 'of' || t.lo === 'the' || t.lo === 'for' || t.s === "'s") {
        j++;
        lastStructural = j;
        continue;
      }
      if (t.s === '(' && toks[j + 2]?.s === ')') {
        j += 3;
        lastStructural = j;
        continue;
      }
      if (t.k === 'w' && t.cap) {
        qual.push(t);
        j++;
        continue;
      }
      if (t.s === '-' && t.start === toks[j - 1].end && toks[j + 1] && toks[j + 1].start === t.end) {
        j++;
        continue;
      }
      const gluedCap = toks[j + 1]?.s === '-' && toks[j + 1].start === t.end && toks[j + 2]?.cap && toks[j + 2].start === toks[j + 1].end;
      if (
        PARTICLES.has(t.lo) &&
        (toks[j - 1]?.cap || PARTICLES.has(toks[j - 1]?.lo ?? '')) &&
        (toks[j + 1]?.cap || gluedCap || PARTICLES.has(toks[j + 1]?.lo ?? ''))
      ) {
        if (gluedCap) {
          qual.push(t);
          j += 3;
          continue;
        }
        qual.push(t);
        j++;
        continue;
      }
      break;
    }
    // The name is the longest run of name words that ends the phrase.
    let k = lastStructural;
    const words: [number, number][] = [];
    while (k < j) {
      if (!nameEligible(k)) {
        words.length = 0;
        k++;
        continue;
      }
      const e = nameWordEnd(k, j + 1);
      words.push([k, e]);
      k = e;
    }
    // "the President of the Kyrgyz Republic (KR), Sadyr Japarov, travelled": the name after a comma.
    if (words.length === 0 && toks[j]?.s === ',' && j + 1 < lim) {
      let k2 = j + 1;
      const w2: [number, number][] = [];
      while (k2 < lim && nameEligible(k2) && w2.length < 5) {
        const e = nameWordEnd(k2, lim);
        w2.push([k2, e]);
        k2 = e;
      }
      const after = toks[k2];
      if (
        w2.length >= 2 &&
        (!after || after.s === ',' || after.s === '.' || (after.k === 'w' && !after.cap)) &&
        !PARTICLES.has(toks[w2[w2.length - 1][1] - 1].lo)
      ) {
        register(w2[0][0], w2[w2.length - 1][1], title, of, qual.length > 0);
        return w2[w2.length - 1][1];
      }
    }
    const nameStart = words.length ? words[0][0] : j;
    const qualText = lower.slice(toks[i].start, toks[Math.max(i, nameStart - 1)].end);
    if (/foreign (ministry|affairs|minister)/.test(qualText) && (title === 'Head' || title === 'Minister' || title === 'Leader')) {
      title = 'Foreign Minister';
    } else if (/foreign (ministry|affairs)/.test(qualText) && (title === 'Deputy Minister' || title === 'Vice Minister')) {
      title = title === 'Deputy Minister' ? 'Deputy Foreign Minister' : 'Vice Foreign Minister';
    } else if (qual.some((q) => q.start < toks[nameStart]?.start && !/^(Foreign|Affairs)$/.test(q.s))) qualified = true;
    // "Sheikh Hasina": an honorific that is part of a one-word name.
    if (
      words.length === 1 &&
      nameStart - 1 > i &&
      /^(sheikh|prince|princess|emir)$/.test(toks[nameStart - 1].lo) &&
      toks[nameStart - 1].cap
    ) {
      words.unshift([nameStart - 1, nameStart]);
    }
    if (words.length >= 2 && words.length <= 5 && !PARTICLES.has(toks[words[words.length - 1][1] - 1].lo)) {
      register(words[0][0], words[words.length - 1][1], title, of, qualified);
      return words[words.length - 1][1];
    }
    return undefined;
  }

  // Register people anywhere, titled or not ("Lula", "Putin said", "XI ARRIVES"): longest folded form first.
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (claim[i] >= 0 || t.k !== 'w' || !t.cap) continue;
    const forms = NAME_FORMS.get(ascii || /^[\x00-\x7f]*$/.test(t.lo) ? t.lo : folded.slice(t.start, t.end));
    if (!forms) continue;
    for (const f of forms) {
      if (!folded.startsWith(f.form, t.start)) continue;
      const endPos = t.start + f.form.length;
      if (/[\p{L}\d]/u.test(text[endPos] ?? '')) continue;
      let e = i;
      while (e < toks.length && toks[e].end <= endPos) e++;
      if (toks.slice(i, e).some((_, k) => claim[i + k] >= 0)) continue;
      if (f.words === 1) {
        // A lone family name must not be the start or end of someone else's full name.
        if (toks[e] && nameEligible(e) && text.slice(toks[e - 1].end, toks[e].start) === ' ') break;
        if (i > 0 && nameEligible(i - 1) && text.slice(toks[i - 1].end, toks[i].start) === ' ' && !titleAt(toks, i - 1)) break;
        // "the XI Summit" is a number.
        if (/^[IVXLC]+$/.test(t.s) && /^(summit|annual|session|congress|plenum|forum|meeting|international)$/.test(toks[e]?.lo ?? ''))
          break;
      }
      const same = forms.filter((x) => x.form === f.form).map((x) => x.person);
      const pick =
        same.length === 1
          ? same[0]
          : same.filter((x) => activeIn(x, year)).length === 1
            ? same.filter((x) => activeIn(x, year))[0]
            : undefined;
      if (!pick) break;
      fromRegister(pick);
      push({ start: t.start, end: toks[e - 1].end, id: pick.id, kind: 'person', t0: i, t1: e });
      i = e - 1;
      break;
    }
  }

  // Full names and surnames anywhere in the text.
  const byFirst = new Map<string, { lo: string[]; id: string }[]>();
  const byKey = new Map<string, string | null>();
  for (const p of persons.values()) {
    const lo = p.name.toLowerCase().split(/\s+/);
    const first = lo[0].split('-')[0];
    const l = byFirst.get(first) ?? [];
    l.push({ lo: p.name.split(/\s+/).map((w) => w.toLowerCase()), id: p.id });
    byFirst.set(first, l);
    for (const k of p.keys) byKey.set(k, byKey.has(k) && byKey.get(k) !== p.id ? null : p.id);
  }
  // Given names as a weaker key, only when no one else in the text shares them.
  for (const p of persons.values()) {
    const w = p.name.split(/\s+/);
    for (const x of w.slice(0, -1)) {
      if (
        w.length >= 2 &&
        !p.keys.includes(x) &&
        !PARTICLES.has(x.toLowerCase()) &&
        !/^(sheikh|prince|princess|emir)$/i.test(x) &&
        !byKey.has(x)
      )
        byKey.set(x, p.id);
    }
  }
  for (let i = 0; i < toks.length; i++) {
    if (claim[i] >= 0 || toks[i].k !== 'w' || !toks[i].cap) continue;
    const cands = byFirst.get(toks[i].lo);
    let done = false;
    if (cands) {
      for (const c of cands) {
        const surface = lower.slice(toks[i].start, toks[i].start + c.lo.join(' ').length);
        if (surface.replace(/\s+/g, ' ') === c.lo.join(' ')) {
          let e = i;
          while (e < toks.length && toks[e].end <= toks[i].start + surface.length) e++;
          push({ start: toks[i].start, end: toks[e - 1].end, id: c.id, kind: 'person', t0: i, t1: e });
          i = e - 1;
          done = true;
          break;
        }
      }
    }
    if (done) continue;
    const w = toks[i];
    const e = nameWordEnd(i, toks.length);
    const surface = text.slice(w.start, toks[e - 1].end);
    const id = byKey.get(surface);
    if (!id) continue;
    if (toks[e] && nameEligible(e) && toks[e].start - toks[e - 1].end <= 1) continue; // another person's full name
    push({ start: w.start, end: toks[e - 1].end, id, kind: 'person', t0: i, t1: e });
    i = e - 1;
  }

  // Role phrases: "the Kyrgyz leader", "the leader of Kyrgyzstan", "the country's top diplomat".
  const pick = (set: 'leaderOf' | 'govHeadOf' | 'diplomatOf', country?: string, before?: number) => {
    let best: string | undefined;
    for (const p of persons.values()) {
      if (country ? p[set].has(country) : p[set].size > 0) {
        if (!best) best = p.id;
        if (!country && before !== undefined) best = p.id;
      }
    }
    return best;
  };
  const roleClass = (s: string): 'leaderOf' | 'govHeadOf' | 'diplomatOf' | undefined => {
    if (/^(leader|president|head of state|head|chairman|king|emir)$/.test(s)) return 'leaderOf';
    if (/^(premier|prime minister|chancellor|head of government)$/.test(s)) return 'govHeadOf';
    if (/^(foreign minister|top diplomat|chief diplomat)$/.test(s)) return 'diplomatOf';
    return undefined;
  };
  const ROLE_RE =
    /^(head of state|head of government|prime minister|foreign minister|top diplomat|chief diplomat|leader|president|head|chairman|premier|chancellor|crown prince|king|emir|sultan|ambassador)\b/;
  for (const s of sents) {
    for (let i = s.t0; i < s.t1; i++) {
      if (claim[i] >= 0) {
        const m = mentions[claim[i]];
        // "Kyrgyz leader", "the country's top diplomat" style: adjective + role word.
        // A demonym that ends the text ("... by the French") has no role word after it.
        // "the US president": a country's name used as one after "the".
        if (m.kind === 'country' && (m.adjective || toks[m.t0 - 1]?.lo === 'the') && m.t1 < toks.length) {
          const rest = lower.slice(toks[m.t1].start, toks[m.t1].start + 24);
          const rm = ROLE_RE.exec(rest);
          const cls = rm ? roleClass(rm[1]) : undefined;
          if (rm && cls) {
            let e = m.t1;
            while (e < s.t1 && toks[e].end <= toks[m.t1].start + rm[1].length) e++;
            if ((claim[e] >= 0 && mentions[claim[e]].kind === 'person') || (toks[e] && nameEligible(e))) continue;
            const id = pick(cls, m.id);
            if (id) push({ start: m.start, end: toks[e - 1].end, id, kind: 'person', t0: e - 1, t1: e, byRole: true });
          }
        }
        i = m.t1 - 1;
        continue;
      }
      if (toks[i].lo !== 'the' || i + 1 >= s.t1) continue;
      const rest = lower.slice(toks[i + 1].start, toks[i + 1].start + 40);
      const cm = /^country's (top diplomat|chief diplomat|foreign minister|leader|president|prime minister)\b/.exec(rest);
      if (cm) {
        const cls = roleClass(cm[1])!;
        const id = pick(cls, undefined, toks[i].start);
        let e = i + 1;
        while (e < s.t1 && toks[e].end <= toks[i + 1].start + cm[0].length) e++;
        if (id) push({ start: toks[i + 1].start, end: toks[e - 1].end, id, kind: 'person', t0: i + 1, t1: e, byRole: true });
        continue;
      }
      const rm = ROLE_RE.exec(rest);
      if (!rm) continue;
      const cls = roleClass(rm[1]);
      // "the ambassador" is only ever the one ambassador the text named (below); no class of office stands for it.
      if (!cls && rm[1] !== 'ambassador' && rm[1] !== 'crown prince') continue;
      let e = i + 1;
      while (e < s.t1 && toks[e].end <= toks[i + 1].start + rm[1].length) e++;
      if (toks[e]?.lo !== 'of') {
        // "the president", "the prime minister": the one holder of that title named in this text.
        if (
          claim[e] >= 0 ||
          (toks[e] && nameEligible(e)) ||
          !/^(president|prime minister|premier|chancellor|foreign minister|ambassador|crown prince|emir|king|sultan)$/.test(rm[1])
        )
          continue;
        const want = TITLE_WORDS[rm[1]];
        const holders = [...persons.values()].filter((p) => p.roles.some((r) => r.title === want));
        // Of several, the one the text opened with, when it is the first person the text names (a readout's
        // "the Prime Minister" is its own principal).
        const first = mentions.find((x) => x.kind === 'person' && x.start < toks[i].start);
        const holder = holders.length === 1 ? holders[0].id : first && holders.some((p) => p.id === first.id) ? first.id : undefined;
        if (holder) push({ start: toks[i + 1].start, end: toks[e - 1].end, id: holder, kind: 'person', t0: i + 1, t1: e, byRole: true });
        continue;
      }
      if (!cls) continue;
      let q = e + 1;
      if (toks[q]?.lo === 'the') q++;
      if (claim[q] < 0 || mentions[claim[q]].kind !== 'country') continue;
      const cm2 = mentions[claim[q]];
      const after = cm2.t1;
      if (claim[after] >= 0 && mentions[claim[after]].kind === 'person') continue;
      if (toks[after] && nameEligible(after)) continue;
      const id = pick(cls, cm2.id);
      // The mention spans the whole role phrase ("leader of Kyrgyzstan"); only the role words are claimed.
      if (id) push({ start: toks[i + 1].start, end: cm2.end, id, kind: 'person', t0: i + 1, t1: e, byRole: true });
    }
  }
  return persons;
}
