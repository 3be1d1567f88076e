// Fact patterns over sentences: triggers (verbs and nouns) plus the entity mentions around them.
// Precision first: negated, hypothetical or merely planned statements produce nothing
// (announced summits are kept, marked as scheduled).
import { findCapacities, findMoney, parseCount, type CapacityExpr, type MoneyExpr } from './amount-parser.js';
import type { DocEntities, Mention } from './entity-recognizer.js';
import { countryOf, KNOWN, placeIdByName } from './gazetteer.js';
import type { Sentence } from './sentence-splitter.js';
import { slugify } from './text-normalizer.js';
import { findTimes, type TimeExpr } from './time-resolver.js';
import type { Token } from './tokenizer.js';
import type { Fact, FactType, When } from './types.js';

export interface Doc {
  /** Display names of projects named by this text, filled during extraction. */
  projectNames?: Map<string, string>;
  text: string;
  norm: string;
  lower: string;
  toks: Token[];
  sents: Sentence[];
  ents: DocEntities;
  published?: string;
  /** The place an article is datelined from ("NEW DELHI:", "MOSCOW, November 28"). */
  dateline?: string;
  /** The country whose foreign trade a statistics note reports ("Georgia's external trade turnover ..."). */
  tradeReporter?: string;
  /** The project the last fact was about, for "the project", "its construction". */
  lastProject?: string;
  /** The period of that report's total ("in January-September 2024"), which its undated figures share. */
  tradePeriod?: { period: string; when: When };
}

interface Sent {
  s: Sentence;
  start: number;
  end: number;
  lo: string;
  orig: string;
  ms: Mention[];
  money: MoneyExpr[];
  caps: CapacityExpr[];
  times?: Map<boolean, TimeExpr[]>;
  clauses?: [number, number][];
}

export interface ProjectRef {
  id: string;
  name: string;
}

const NEG =
  /\b(not|never|no|without|failed to|fail to|refused to|refuse to|declined to|neither|nor|denied|cancell?ed|postponed|called off)\b|n't\b/;
const MODAL =
  /\b(could|(?<!\b(?:in|on|of|since|until|till|by|from|to|early|late|mid|last|next|this|during|through|between|before|after)[\s-])may(?!\s+\d)(?!\s+(?:19|20)\d\d)|might|would|should|can|possibly|if|unless|whether|consider|considers|considering|considered|propose|proposed|proposes|proposing|hope to|hopes to|hoped to|aim to|aims to|seek to|seeks to|want to|wants to|intend to|intends to|plan to|plans to|planned to|planning to|expected to|likely to|set to|ready to|willing to|discuss|discussed|discussing|called for|urged|possibility of|prospect of|prospects for|potential)\b/;
const FUTURE =
  /\b(invited|invites|will|shall|is to|are to|to be held|scheduled|is due|are due|set to|next|upcoming|forthcoming|planned|plans|is expected|are expected|would)\b/;
const BOILER =
  /\bit (should|must|can|may|is worth|is important to) (be )?(noted|emphasized|emphasised|stressed|said|recalled|added|mentioned|highlighting|note)\b/g;

const PROJECT_HEADS =
  'center|centre|section|railway|railroad|rail line|pipeline|gas pipeline|power plant|plant|station|park|port|terminal|mine|factory|refinery|dam|corridor|highway|expressway|motorway|road|bridge|airport|spaceport|megaport|cosmodrome|metro|SGR|substation|interconnector|zone|complex|facility|hub|farm|smelter|tunnel|canal|line|cable|reactor|project';

/**
 * The person an interview is with: a text of questions and answers ("Q:", "A:") or one that says so in its lead
 * ("spoke to us", "told us", "said in an interview"), the person named right before those words, else the last
 * person its headline names ("...: Uzbek Foreign Minister Bakhtiyor Saidov").
 */
function interviewee(doc: Doc): string | undefined {
  const lead = /\b(?:spoke to us|told us|talked to us|said in an interview|in an interview with)\b/i.exec(doc.text.slice(0, 800));
  const qa = /^\s*(?:Q|A)\s*[:.]\s/m.test(doc.text);
  if (!lead && !qa) return undefined;
  const people = doc.ents.mentions.filter((m) => m.kind === 'person');
  if (lead) {
    const before = people.filter((m) => m.end <= lead.index && lead.index - m.end < 120);
    if (before.length) return before[before.length - 1].id;
  }
  const titleEnd = doc.text.indexOf('\n');
  const inTitle = people.filter((m) => m.end <= titleEnd);
  return inTitle.length ? inTitle[inTitle.length - 1].id : undefined;
}

/**
 * A transcript's speakers by paragraph: "Vladimir Putin: ..." opens a person's statement, which goes on in the
 * paragraphs after it until another speaker or a question ("Question:") takes the floor.
 */
function transcriptSpeakers(doc: Doc): Map<number, string> {
  const out = new Map<number, string>();
  let current: string | undefined;
  let para = -1;
  for (const s of doc.sents) {
    if (s.para === para) continue;
    para = s.para;
    const head = /^([^:\n]{1,60}):\s/.exec(doc.text.slice(s.start, s.start + 64));
    if (head) {
      const who = doc.ents.mentions.find((m) => m.kind === 'person' && m.start >= s.start && m.end === s.start + head[1].length);
      current = who?.id;
    }
    if (current) out.set(para, current);
  }
  return out;
}

/** Extract all facts from a recognised document. */
export function extractFacts(doc: Doc, version: string): Fact[] {
  const facts: Fact[] = [];
  doc.dateline ??= findDateline(doc);
  doc.tradeReporter ??= statisticsOffice(doc);
  const ms = doc.ents.mentions;
  const pair = contextPair(doc);
  const speaker = interviewee(doc);
  const speakers = transcriptSpeakers(doc);
  let mi = 0;
  let lastSubject: string | undefined;
  let lastFormat: { name: string; org?: string } | undefined;
  let lastCompany: string | undefined;
  let lastLender: string | undefined;
  let prevPersons: string[] = [];
  let lastList: string[] | undefined;
  let lastListAll: string[] | undefined;
  let prevStart: number | undefined;
  const generic = new Set<Fact>();
  for (const s of doc.sents) {
    while (mi < ms.length && ms[mi].start < s.start) mi++;
    const sm: Mention[] = [];
    for (let k = mi; k < ms.length && ms[k].start < s.end; k++) sm.push(ms[k]);
    const normS = doc.norm.slice(s.start, s.end);
    const st: Sent = {
      s,
      start: s.start,
      end: s.end,
      lo: doc.lower.slice(s.start, s.end),
      orig: normS,
      ms: sm,
      money: findMoney(normS, s.start),
      caps: findCapacities(normS, s.start),
    };
    const firstPerson = sm.find((m) => m.kind === 'person');
    // In an interview's answers "I", "my", "we" and "our" are the one interviewed (or their country); in a quote
    // a person introduces ('President Erdoğan said: "Our trade ..."'), that person.
    const quoted = /\b(?:said|says|stated|noted|added|told\s+[\w ]{1,30}?)\s*[:,]\s*["“]/.exec(st.lo);
    const quoter = quoted ? [...sm].reverse().find((m) => m.kind === 'person' && m.end <= s.start + quoted.index)?.id : undefined;
    const ownFrom = quoter ?? (speaker && s.para > 1 ? speaker : undefined) ?? speakers.get(s.para);
    const own = ownFrom ? /\b(i|my|we|our)\b/.exec(quoted && quoter ? st.lo.slice(quoted.index) : st.lo) : null;
    if (own && quoted && quoter) own.index += quoted.index;
    // "His Excellency", "Her Majesty" are honorifics of the name that follows, not pronouns.
    const pron = own ?? /\b(he|she|his)\b(?!\s+(?:excellency|majesty|highness|royal|holiness))/.exec(st.lo);
    const pronounRef = own ? ownFrom : pron && (!firstPerson || firstPerson.start > s.start + pron.index) ? lastSubject : firstPerson?.id;
    const env: Env = {
      doc,
      st,
      pair,
      pronoun: pron ? { pos: s.start + pron.index, id: pronounRef } : undefined,
      version,
      facts,
      generic,
      lastCompany,
      lastLender,
      prevPersons,
      lastList,
      lastListAll,
      prevStart,
    };
    // Cheap substring checks keep the trigger regexes off sentences that cannot match.
    const lo = st.lo;
    if (
      /visit|arriv|landed|travel|flew|trip|went to|goes to|delegation|spen[dt]|who (?:is|was) in |came to|comes to|stay in|welcom/.test(lo)
    )
      visits(env);
    if (/\b(?:tour|trip|swing)\b/.test(lo)) tourVisits(env);
    if (
      /met\b|meet|talks|receiv|hosted|spoke|negotiat|discussion|call|conversation|sat down|greet|welcom|consultations|co-chair|commission|council|committee/.test(
        lo,
      )
    )
      meetings(env);
    if (/sign|ink|seal|clinch|initial|ratif|exchang|conclud|reach|agreed|adopt|approv|endors/.test(lo)) agreements(env);
    if (/\bamong |includ/.test(lo)) includedDocument(env);
    // An investment states an amount or a capacity: without one, investments() finds nothing.
    if ((st.money.length || st.caps.length) && /invest|financ|fund|stake|loan|credit|grant|into|commit|allocat|earmark/.test(lo))
      investments(env);
    if (st.money.length) trade(env);
    if (lo.includes('summit') || lo.includes('government meeting') || lo.includes('chogm')) lastFormat = summits(env, lastFormat);
    else if (lo.includes('leaders')) orgLeadersGather(env);
    if (lo.includes('session')) sessions(env);
    if (lo.includes('heads of state') || lo.includes('meeting of the leaders') || lo.includes('meeting of leaders')) leadersMeetings(env);
    else if (lo.includes('-')) lastFormat = formatName(env, lo.length) ?? lastFormat;
    if (/construct|ground|inaugur|commission|complet|open|operat|launch|agreed|service|began|started|begun|grid|first/.test(lo))
      milestones(env);
    // "He held talks with Albanese": a sentence whose subject is a pronoun keeps the one it stands for.
    const pronounSubject =
      pron && !own && /^\s*(?:[^,]{0,40},\s*)?(?:he|she)\b/.test(st.lo) && (!firstPerson || firstPerson.start > s.start + pron.index);
    if (firstPerson && !(pronounSubject && pronounRef)) lastSubject = firstPerson.id;
    const list = countryList(st);
    if (list) {
      lastList = list;
      // With the list, every country the sentence names ("Chinese President Xi and the leaders of A, B and C").
      lastListAll = [
        ...new Set([...sm.filter(isCountry).map((x) => x.id), ...sm.filter(isPerson).map((x) => personCountry(env, x.id))]),
      ].filter((c): c is string => !!c);
    }
    prevPersons = [...new Set(sm.filter(isPerson).map((x) => x.id))];
    // Only the sentence right before may lend its company to "the project"/"the company".
    const co = sm.filter((x) => x.kind === 'org' && x.source === 'company');
    lastCompany = co.length ? co[0].id : undefined;
    lastLender = sm.find((x) => x.kind === 'org' && LENDERS.test(x.id))?.id ?? lastLender;
    prevStart = s.start;
  }
  return inheritDates(doc, mergeFacts(facts, generic));
}

const EVENT_TYPES = new Set(['visit', 'meeting', 'agreement', 'summit', 'project_milestone']);
// Words that set a sentence in the background: its undated event is not today's news.
const BACKGROUND =
  /\b(last (?:meeting|visit|talks|summit|trip)|earlier|previous(?:ly)?|last time|ago|once|history|historic(?:al)?ly|since|undertaken|had been|first (?:visit|meeting|summit)|in the past|former(?:ly)?|used to)\b/;
const REFERS_TO_EVENT =
  /\b(?:during|after|following|at|on the sidelines of|in the course of)\s+(?:the|this|his|her|their|that)\s+(?:[\w-]+\s+){0,2}?(visit|talks|trip|tour|summit|meeting|negotiations)\b/;

/**
 * A fact takes its date from the whole document when its sentence has none: "During the visit the
 * parties signed ..." takes the visit's; an undated event reported as news takes the day of the
 * article's main event (its lead's, its dateline's, or the publication day); a trade figure continues
 * the series of the figure before it.
 */
function inheritDates(doc: Doc, facts: Fact[]): Fact[] {
  const sentIndex = (pos: number) => doc.sents.findIndex((x) => pos >= x.start && pos < x.end);
  const lead = facts.find(
    (f) => EVENT_TYPES.has(f.type) && f.when && f.status === undefined && f.when.precision !== 'year' && sentIndex(f.evidence.start) <= 3,
  );
  const main: When | undefined = lead?.when ?? (doc.published ? { value: doc.published, precision: 'day' } : undefined);
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (f.when) continue;
    const lo = doc.lower.slice(f.evidence.start, f.evidence.end);
    const si = sentIndex(f.evidence.start);
    if (f.type === 'trade') {
      const prev = facts
        .slice(0, i)
        .reverse()
        .find((g) => g.type === 'trade' && g.when && si - sentIndex(g.evidence.start) <= 2);
      if (prev?.when) {
        f.when = prev.when;
        if (prev.args.period && !f.args.period) f.args.period = prev.args.period;
      }
      continue;
    }
    const ref = REFERS_TO_EVENT.exec(lo);
    if (ref) {
      const kind = /talks|negotiations|meeting/.test(ref[1]) ? 'meeting' : ref[1] === 'summit' ? 'summit' : 'visit';
      const ev =
        facts
          .slice(0, i)
          .reverse()
          .find((g) => g.type === kind && g.when && g.status === f.status) ??
        facts
          .slice(0, i)
          .reverse()
          .find((g) => (g.type === 'visit' || g.type === 'meeting' || g.type === 'summit') && g.when && g.status === f.status);
      if (ev?.when) {
        f.when = ev.when;
        continue;
      }
    }
    if (f.status === 'planned' || !main) continue;
    if (f.type === 'investment' && /\b(continues|ongoing|total|cumulative|exceeds?|so far|to date)\b/.test(lo)) continue;
    if (!EVENT_TYPES.has(f.type) && f.type !== 'investment') continue;
    if (BACKGROUND.test(lo)) continue;
    // "... was inaugurated on November 14 by Xi and Boluarte. The two leaders followed the ceremony from Lima,
    // where Xi was on a state visit": a story told on from the sentence before keeps its time.
    const before = facts
      .slice(0, i)
      .reverse()
      .find(
        (g) =>
          EVENT_TYPES.has(g.type) &&
          g.when &&
          g.status === undefined &&
          g.when.precision !== 'year' &&
          si - sentIndex(g.evidence.start) === 1,
      );
    f.when = before?.when ?? main;
  }
  return facts;
}

/** The country of the person an article is most about, unless it is `not`. */
function mainActorCountry(env: Env, not: string): string | undefined {
  const count = new Map<string, number>();
  for (const m of env.doc.ents.mentions) if (m.kind === 'person') count.set(m.id, (count.get(m.id) ?? 0) + 1);
  const top = [...count.entries()].sort((a, b) => b[1] - a[1])[0];
  const c = top ? personCountry(env, top[0]) : undefined;
  return c && c !== not ? c : undefined;
}

/** The two people an article is most about, when they lead two different countries. */
function mainPersons(doc: Doc): [string, string] | undefined {
  const count = new Map<string, number>();
  for (const m of doc.ents.mentions) if (m.kind === 'person') count.set(m.id, (count.get(m.id) ?? 0) + 1);
  const top = [...count.entries()].sort((a, b) => b[1] - a[1]);
  if (top.length < 2 || top[1][1] < 2 || (top[2] && top[2][1] === top[1][1])) return undefined;
  const c = (id: string) => doc.ents.persons.get(id)?.roles.find((r) => r.of?.startsWith('country:'))?.of;
  const [a, b] = [top[0][0], top[1][0]];
  return c(a) && c(b) && c(a) !== c(b) ? [a, b] : undefined;
}

/** Countries coordinated in a sentence ("A, B and C"), when there are three or more. */
function countryList(st: Sent): string[] | undefined {
  const cs = st.ms.filter((x) => isCountry(x) && !x.adjective);
  for (let i = 0; i + 2 < cs.length; i++) {
    const run = [cs[i]];
    for (let k = i + 1; k < cs.length; k++) {
      const gap = st.lo.slice(run[run.length - 1].end - st.start, cs[k].start - st.start);
      if (/^\s*(,|,?\s+and|,?\s+as well as)\s*$/.test(gap)) run.push(cs[k]);
      else break;
    }
    if (run.length >= 3) return [...new Set(run.map((x) => x.id))];
  }
  return undefined;
}

// A dateline opens a paragraph near the top: a place, then a colon, a dash, a comma and a date, or an agency.
function findDateline(doc: Doc): string | undefined {
  for (const m of doc.ents.mentions) {
    if (m.start > 600) break;
    if (m.kind !== 'place' && !m.seat) continue;
    const lineStart = doc.norm.lastIndexOf('\n', m.start - 1) + 1;
    if (doc.norm.slice(lineStart, m.start).trim() !== '' || lineStart === 0) continue;
    if (
      !/^\s*(?:,\s*[A-Z][\w ]{2,30})?\s*(?::|-|,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)|\()/.test(
        doc.norm.slice(m.end, m.end + 40),
      )
    )
      continue;
    const name = doc.text.slice(m.start, m.end);
    const id = m.kind === 'place' ? m.id : placeIdByName(name);
    if (id) return id;
  }
  return undefined;
}

interface Env {
  doc: Doc;
  st: Sent;
  pair?: [string, string];
  pronoun?: { pos: number; id?: string };
  version: string;
  facts: Fact[];
  /** Agreements stated only generically ("signed agreements"), which a titled or counted one makes redundant. */
  generic: Set<Fact>;
  lastCompany?: string;
  /** The last bank or fund named, which "the lender" and "the bank" stand for further on. */
  lastLender?: string;
  /** Distinct people named in the previous sentence. */
  prevPersons?: string[];
  /** The last coordinated list of countries ("Ghana, Namibia and Brazil"). */
  lastList?: string[];
  /** Every country the sentence of that list names, the list among them. */
  lastListAll?: string[];
  /** Where the sentence before this one starts. */
  prevStart?: number;
}

/** The five states of Central Asia, which reporting names as a group. */
const CENTRAL_ASIA = ['country:KZ', 'country:KG', 'country:TJ', 'country:TM', 'country:UZ'];
const CENTRAL_ASIAN_GROUP =
  /\b(?:the\s+(?:five\s+)?central asian\s+(?:states|countries|republics|nations)|the\s+(?:five\s+)?(?:states|countries|republics|nations)\s+of\s+central asia)\b/;

/** The countries "the N countries / leaders / heads of state" stands for: the last list, or its sentence's. */
function listOf(env: Env, n: number): string[] | undefined {
  if (env.lastList?.length === n) return env.lastList;
  if (env.lastListAll?.length === n) return env.lastListAll;
  return undefined;
}

// The two countries an article is mostly about stand behind "the two countries", "the parties".
function contextPair(doc: Doc): [string, string] | undefined {
  const count = new Map<string, number>();
  for (const m of doc.ents.mentions) {
    let id: string | undefined;
    if (m.kind === 'country') id = m.id;
    else if (m.kind === 'person') {
      const p = doc.ents.persons.get(m.id);
      id = p?.roles.find((r) => r.of?.startsWith('country:'))?.of;
    }
    if (id) count.set(id, (count.get(id) ?? 0) + 1);
  }
  const top = [...count.entries()].sort((a, b) => b[1] - a[1]);
  if (top.length < 2 || top[1][1] < 2) return undefined;
  return [top[0][0], top[1][0]];
}

function clauseWindow(st: Sent, absPos: number, width = 60): string {
  const rel = absPos - st.start;
  const from = Math.max(0, rel - width);
  let w = st.lo.slice(from, rel);
  // Never start inside a word: "african" must not read as "can".
  if (from > 0 && /\w/.test(st.lo[from - 1])) w = w.replace(/^\w*/, '');
  const cut = Math.max(w.lastIndexOf(';'), w.lastIndexOf(' but '), w.lastIndexOf(' while '), w.lastIndexOf(' whereas '));
  if (cut >= 0) w = w.slice(cut + 1);
  return w.replace(BOILER, ' ');
}

// Announced events are facts with status "planned"; hedges, wishes and invitations are not facts at all.
const PLANNED =
  /\b(will|shall|is to|are to|is due to|are due to|scheduled to|is scheduled|are scheduled|set to|expected to|is expected|are expected|plans to|planned|upcoming|forthcoming|ahead of|next (?:week|month|year|sunday|monday|tuesday|wednesday|thursday|friday|saturday))\b/;
const HEDGE =
  /\b(could|(?<!\b(?:in|on|of|since|until|till|by|from|to|early|late|mid|last|next|this|during|through|between|before|after)[\s-])may(?!\s+\d)(?!\s+(?:19|20)\d\d)|might|should|can|possibly|if|unless|whether|hopes?|hoped|hoping|wish(?:es|ed)?|wants?|wanted|aims?|aiming|seeks?|seeking|consider(?:s|ed|ing)?|propos(?:e|es|ed|ing)|invit(?:ed|es|ing|ation)|likely|possibility|prospects?|potential|ready to|willing to|intends? to|called for|urged|would)\b/;

/** How a trigger at `absPos` is stated: as a fact, as a planned event, or hedged/negated (no fact). */
function modality(st: Sent, absPos: number, matchText = '', width = 40): 'fact' | 'planned' | 'blocked' {
  const w = clauseWindow(st, absPos, width);
  if (NEG.test(w) || NEG.test(matchText) || HEDGE.test(w) || HEDGE.test(matchText)) return 'blocked';
  if (
    PLANNED.test(w.trimEnd() + ' ' + matchText) ||
    /\b(to be|will be)\s+(signed|held|inked)\b/.test(st.lo.slice(absPos - st.start, absPos - st.start + 80))
  )
    return 'planned';
  return 'fact';
}

function negatedOrHypothetical(st: Sent, absPos: number, matchText = '', width = 45): boolean {
  const w = clauseWindow(st, absPos, width);
  return NEG.test(w) || MODAL.test(w) || NEG.test(matchText) || MODAL.test(matchText);
}

function nearestTime(env: Env, pos: number, future = false, fine = true): When | undefined {
  const { st, doc } = env;
  const cache = (st.times ??= new Map());
  let times = cache.get(future);
  if (!times) cache.set(future, (times = findTimes(st.orig, st.start, doc.published, future)));
  if (!times.length) return undefined;
  const clauses = (st.clauses ??= relativeClauses(st));
  let best: TimeExpr | undefined;
  let bestD = Infinity;
  for (const t of times) {
    if (!t.when) continue;
    // ... unless the clause is about the trigger's own noun: "the summit, which will be held in December".
    if (clauses.some(([a, b]) => t.start >= a && t.end <= b && !(pos >= a && pos < b) && !(a >= pos && a - pos <= 25))) continue;
    if (
      /\b(takes?|took|taking|come|comes|came)\s+(into\s+)?(effect|force)\s+(?:in|on|from)?\s*$|\b(until|expires?|expiring|through|till)\s+(?:in|on)?\s*$/.test(
        st.lo.slice(Math.max(0, t.start - st.start - 30), t.start - st.start),
      )
    )
      continue;
    // "a programme for 2021 to 2031" dates what was signed, not the signing.
    if (fine && /^\s*(?:to|-|and|until)\s*(?:19|20)\d\d\b/.test(st.lo.slice(t.end - st.start, t.end - st.start + 12))) continue;
    // A day or month beats a bare year a little further off: "Later today ... where Kenya is host this year".
    const d =
      (t.end <= pos ? pos - t.end : t.start >= pos ? t.start - pos : 0) +
      (!fine ? 0 : t.when.precision === 'year' ? 60 : t.when.precision === 'season' ? 30 : 0) +
      (st.lo.slice(Math.min(t.end, pos) - st.start, Math.max(t.start, pos) - st.start).includes(';') ? 200 : 0);
    if (d < bestD) {
      bestD = d;
      best = t;
    }
  }
  return best?.when;
}

/**
 * The sentence's relative clauses: a date inside one the trigger is not part of belongs to something else
 * ("HBIS, which bought the mill in 2016, has invested ...").
 */
function relativeClauses(st: Sent): [number, number][] {
  const clauses: [number, number][] = [];
  if (!/which|who|where/.test(st.lo)) return clauses;
  const rc = /,\s*(?:which|who|whose|where)\b[^,;]*(?:,|$)/g;
  let cm: RegExpExecArray | null;
  while ((cm = rc.exec(st.lo)) !== null) {
    // "..., which was developed in May 2023, when the first summit was held": the date carries over.
    if (/^\s*when\b/.test(st.lo.slice(cm.index + cm[0].length))) continue;
    clauses.push([st.start + cm.index, st.start + cm.index + cm[0].length]);
  }
  return clauses;
}

function evidence(env: Env) {
  const { st, doc } = env;
  return { start: st.start, end: st.end, text: doc.text.slice(st.start, st.end) };
}

function emit(env: Env, type: FactType, args: Record<string, unknown>, confidence: number, when?: When, extra: Partial<Fact> = {}) {
  const f: Fact = { type, args, confidence: Math.round(confidence * 100) / 100, evidence: evidence(env), ...extra, extractor: env.version };
  if (when) f.when = when;
  env.facts.push(f);
  if (typeof args.project === 'string') env.doc.lastProject = args.project;
}

const isPerson = (m: Mention) => m.kind === 'person';
const isCountry = (m: Mention) => m.kind === 'country';

/** Subject actor before a position: first person (not inside "at the invitation of ..."), else a pronoun, else a country. */
function subjectBefore(env: Env, pos: number, allowCountry = true): { id: string; indirect: boolean } | undefined {
  const { st } = env;
  const inv = st.lo.search(/invitation of|on behalf of|according to/);
  const invEnd = inv >= 0 ? st.start + inv + st.lo.slice(inv).search(/,|$/) : -1;
  const skip = (m: Mention) => inv >= 0 && m.start > st.start + inv && m.start < invEnd;
  // "X, President Lee's chief of staff, who arrived": a possessive names whom someone serves, not the subject.
  const owner = (m: Mention) => /^['’]s\s+(?!visit|trip|tour|arrival)/i.test(st.orig.slice(m.end - st.start, m.end - st.start + 10));
  const p = st.ms.find((m) => isPerson(m) && m.end <= pos && !skip(m) && !owner(m));
  if (env.pronoun && env.pronoun.pos < pos && env.pronoun.id && (!p || p.start > env.pronoun.pos)) {
    return { id: env.pronoun.id, indirect: true };
  }
  if (p) return { id: p.id, indirect: !!p.byRole };
  if (!allowCountry) return undefined;
  // A country acts as subject only when no preposition governs it ("migrants from Libya" is no visitor).
  const c = st.ms.find(
    (m) =>
      isCountry(m) &&
      m.end <= pos &&
      !skip(m) &&
      !m.adjective &&
      !/(\b(from|of|in|to|with|at|by|for|on|into|against|over|about|between)\s+(the\s+)?|\(\s*)$/.test(
        st.lo.slice(Math.max(0, m.start - st.start - 14), m.start - st.start),
      ),
  );
  return c ? { id: c.id, indirect: false } : undefined;
}

function personCountry(env: Env, id: string): string | undefined {
  if (id.startsWith('country:')) return id;
  return env.doc.ents.persons.get(id)?.roles.find((r) => r.of?.startsWith('country:'))?.of;
}

/** Project id for a phrase, remembering how the text wrote it. */
function projectId(doc: Doc, name: string): string {
  // A "megaport" is the port annotators and readers name; "the Simandou iron ore project" is Simandou.
  const id =
    'project:' +
    slugify(
      name
        .replace(/\bmegaport\b/i, 'port')
        .replace(
          /^(.*?[A-Z][\w'-]*)\s+(?:(?:iron\s+ore|iron|gas|lng|oil|copper|gold|bauxite|lithium|coal|uranium|nickel|cobalt|mining|energy)\s+)?project$/i,
          '$1',
        ),
    );
  (doc.projectNames ??= new Map()).set(id, doc.projectNames.get(id) ?? name);
  return id;
}

// ---------------------------------------------------------------- visit
const VISIT_RE =
  /\b(?:(?:paid|pays|paying|made|makes|making|undertook|undertakes|on|concluded|began|wrapped up|during|after|following|of)\s+(?:a|an|his|her|their|the|its)\s+)?(?:(?:first|historic|landmark|rare|recent|two-day|three-day|one-day|four-day|five-day|state|official|working|february|march|april|may|june|july|august|september|october|november|december|january)\s+)*(?:visits?|trips?)\s+(?:abroad\s+(?:as\s+[^,;]{1,40}?\s+)?)?(?:of\s+[^,;]{1,80}?\s+|by\s+[^,;]{1,80}?\s+)?to\b|\b(?:is|was|are|were)\s+in(?=\s+\S+(?:\s+\S+)?\s+on\s+an?\s+(?:\w+\s+)?(?:state|official|working)\s+visit)|(?<=,\s+who\s+)(?:is|was)\s+in(?=\s+(?:the\s+)?[A-Z]?\S+(?:\s+\S+){0,2}\s+(?:to|for)\s+(?:co-chair|chair|attend|take part|hold|lead|open|sign|the\b))|\b(?:led|lead|leads|leading|headed|heads|head)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w'-]+\s+){0,3}?delegation\s+(?:of\s+(?:[\w'-]+\s+){1,6}?)?to|\b(visited|(?:is|was|are|were)\s+visiting|went\s+to|goes\s+to|(?:will|to)\s+visit|(?:will|to)\s+come\s+to|came\s+to|comes\s+to|returned from|returning from|returns from|travel(?:s|led|ed|ling|ing)?\s+on\s+to|(?:own|a|an|his|her|their)\s+(?:(?:one|two|three|four|five|\d)-day\s+)?stay\s+in|spen[dt]s?\s+(?:(?:a|one|two|three|four|five|several|\d+)\s+(?:days?|nights?)|the\s+(?:day|weekend))\s+in|arrived in|arrives in|arrive in|arriving in|landed in|lands in|flew into|flies into|flying into|flew in to|fl(?:ew|ies|y|ying) on to|travelled to|traveled to|travels to|travel to|travelling to|traveling to|flew to|flies to|fly to|heads to|headed to|head to)\b/g;

// "... from the Government Palace in Lima, where Xi was on a state visit": the place the relative clause hangs on.
const WHERE_VISIT_RE = /,\s+where\s+$/;
const ON_VISIT_RE =
  /^\s+(?:was|is|were|are)\s+(?:then\s+|already\s+)?on\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:(state|official|working)\s+)?visit\b/;

function whereVisits(env: Env): void {
  const { st } = env;
  for (const p of st.ms) {
    if (!isPerson(p)) continue;
    const on = ON_VISIT_RE.exec(st.lo.slice(p.end - st.start));
    if (!on) continue;
    const host = [...st.ms]
      .reverse()
      .find(
        (x) =>
          x.end <= p.start &&
          (x.kind === 'place' || (isCountry(x) && !x.adjective)) &&
          WHERE_VISIT_RE.test(st.lo.slice(x.end - st.start, p.start - st.start)),
      );
    const c = host && countryOf(host.id);
    if (!host || !c || c === personCountry(env, p.id)) continue;
    const args: Record<string, unknown> = { visitor: p.id, host: c };
    if (host.kind === 'place') args.place = host.id;
    if (on[1]) args.kind = on[1];
    emit(env, 'visit', args, 0.8, nearestTime(env, p.start));
  }
}

// "Albanese welcomed the Prime Minister of Papua New Guinea, the Hon James Marape MP, to Canberra": a visit there.
function welcomedTo(env: Env): void {
  const { st } = env;
  const w = /\bwelcom(?:ed|es|ing)\s+/.exec(st.lo);
  if (!w) return;
  const at = st.start + w.index + w[0].length;
  const guest = st.ms.find((x) => isPerson(x) && x.start >= at && x.start - at < 90);
  if (!guest) return;
  const place = st.ms.find(
    (x) =>
      (x.kind === 'place' || (isCountry(x) && !x.adjective)) &&
      x.start > guest.end &&
      /^(?:\s+mp|\s+\([^)]{1,30}\))?(?:,[^,;]{0,60},)?\s+to\s+(?:the\s+)?$/.test(st.lo.slice(guest.end - st.start, x.start - st.start)),
  );
  const host = place && countryOf(place.id);
  if (!place || !host || host === personCountry(env, guest.id)) return;
  if (modality(st, at, '', 40) === 'blocked') return;
  const args: Record<string, unknown> = { visitor: guest.id, host };
  if (place.kind === 'place') args.place = place.id;
  emit(env, 'visit', args, 0.8, nearestTime(env, place.end));
}

// "since visiting Captain Ibrahim Traore there in March": a visit to the place named before, and a meeting.
function visitingPerson(env: Env): void {
  const { st } = env;
  const re = /\bvisit(?:ing|ed)\s+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(st.lo)) !== null) {
    const at = st.start + m.index + m[0].length;
    const host = st.ms.find((x) => isPerson(x) && x.start >= at && x.start - at <= 30);
    if (!host || !/^(?:[A-Z][\w.'-]*\s+)*$/.test(st.orig.slice(at - st.start, host.start - st.start))) continue;
    if (!/^\s+there\b/.test(st.lo.slice(host.end - st.start))) continue;
    const place = [...st.ms].reverse().find((x) => x.kind === 'place' && x.end <= st.start + m!.index);
    const c = place && countryOf(place.id);
    const visitor = subjectBefore(env, st.start + m.index);
    if (!c || !visitor || c === personCountry(env, visitor.id) || c !== personCountry(env, host.id)) continue;
    if (modality(st, st.start + m.index, m[0], 40) === 'blocked') continue;
    const when = nearestTime(env, host.end);
    emit(env, 'visit', { visitor: visitor.id, host: c, place: place.id }, 0.75, when);
    emit(env, 'meeting', { participants: [visitor.id, host.id], place: place.id }, 0.75, when);
  }
}

// "Aliyev and Pashinyan, both in Washington on working visits, ...": a visit of each of the two named before.
function bothInVisits(env: Env): void {
  const { st } = env;
  const re = /,\s+both\s+(?:of\s+(?:them|whom)\s+(?:are|were)\s+)?in\s+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(st.lo)) !== null) {
    const at = st.start + m.index + m[0].length;
    const where = st.ms.find((x) => x.start === at && (x.kind === 'place' || (isCountry(x) && !x.adjective)));
    const kind = where && /^\s+on\s+(?:an?\s+)?(?:(state|official|working)\s+)?visits?\b/.exec(st.lo.slice(where.end - st.start));
    if (!where || !kind) continue;
    const host = countryOf(where.id);
    const two = st.ms.filter((x) => isPerson(x) && x.end <= st.start + m!.index).slice(-2);
    if (!host || two.length !== 2 || !/^\s+and\s+(?:[\w'-]+\s+){0,3}$/.test(st.lo.slice(two[0].end - st.start, two[1].start - st.start)))
      continue;
    if (st.start + m.index - two[1].end > 1) continue;
    if (modality(st, st.start + m.index, m[0], 40) === 'blocked') continue;
    for (const p of two) {
      if (personCountry(env, p.id) === host) continue;
      const args: Record<string, unknown> = { visitor: p.id, host };
      if (where.kind === 'place') args.place = where.id;
      if (kind[1]) args.kind = kind[1];
      emit(env, 'visit', args, 0.8, nearestTime(env, where.start));
    }
  }
}

function visits(env: Env): void {
  const { st } = env;
  if (st.lo.includes(', both ')) bothInVisits(env);
  if (/\bvisit(?:ing|ed)\s+[^.;]{1,40}?\s+there\b/.test(st.lo)) visitingPerson(env);
  if (st.lo.includes(', where ')) whereVisits(env);
  if (st.lo.includes('welcom')) welcomedTo(env);
  VISIT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VISIT_RE.exec(st.lo)) !== null) {
    const trig = st.start + m.index;
    const after = trig + m[0].length;
    // Host: first country/place after the trigger (looked for first: most triggers have none).
    const hostM = st.ms.find((x) => x.start >= after && x.start < after + 40 && (isCountry(x) || x.kind === 'place'));
    if (!hostM) continue;
    const host = countryOf(hostM.id);
    if (!host) continue;
    // "came to Kazan": only a place or country right after it ("came to power in ..." is no trip).
    if (/^(?:came|comes|went|goes)\s/.test(m[0]) && !/^\s*(?:the\s+)?$/.test(st.lo.slice(after - st.start, hostM.start - st.start)))
      continue;
    let mod = modality(st, trig, m[0], 40);
    if (mod === 'blocked') continue;
    const win = clauseWindow(st, trig, 30);
    // A headline's "Japarov to visit Astana" announces the visit.
    if (mod === 'fact' && /^to\s/.test(m[0]) && st.s.para === 0) mod = 'planned';
    // "in order to visit", "trying to visit": a purpose, not a visit.
    if (mod === 'fact' && /^to\s/.test(m[0]) && /\b(in order|trying|tried|going|asked)\s+$/.test(win)) continue;
    if (mod === 'fact' && /\bto\s+$/.test(win)) continue;
    // "Both men flew to Washington": the two people the text just named, each a visitor.
    const pair = env.prevPersons?.filter((v) => personCountry(env, v) !== host);
    if (
      pair?.length === 2 &&
      /\b(?:both\s+(?:men|women|leaders|presidents)|the\s+two\s+(?:men|leaders|presidents|heads\s+of\s+state))\s+(?:(?:then|later|also|had|have|then)\s+)?$/.test(
        st.lo.slice(Math.max(0, m.index - 40), m.index),
      )
    ) {
      const planned = mod === 'planned';
      for (const v of pair) {
        const args: Record<string, unknown> = { visitor: v, host };
        if (hostM.kind === 'place') args.place = hostM.id;
        emit(env, 'visit', args, 0.75, nearestTime(env, trig, planned), planned ? { status: 'planned' } : {});
      }
      continue;
    }
    let visitor: { id: string; indirect: boolean } | undefined;
    const ofBy = /visits?\s+(of|by)\s+/.exec(m[0]);
    if (ofBy) {
      const v = st.ms.find((x) => x.start >= trig && x.end <= after && (isPerson(x) || (isCountry(x) && !x.adjective)));
      const vp = st.ms.find((x) => x.start >= trig && x.end <= after && isPerson(x));
      visitor = vp ? { id: vp.id, indirect: !!vp.byRole } : v ? { id: v.id, indirect: false } : undefined;
    }
    // "accompanied President Ruto on his state visit to China": the visit is the one accompanied.
    if (!visitor && /\b(his|her)\b/.test(m[0])) {
      const led = [...st.ms]
        .reverse()
        .find((x) => isPerson(x) && x.end <= trig && /^\s+(?:on\s+)?$/.test(st.lo.slice(x.end - st.start, trig - st.start)));
      if (
        led &&
        /\baccompan(?:ied|ying|ies|y)\s+(?:[\w'-]+\s+){0,4}$/.test(
          st.lo.slice(Math.max(0, led.start - st.start - 40), led.start - st.start),
        )
      )
        visitor = { id: led.id, indirect: false };
    }
    // "ahead of his visit to Vietnam": the person the text is talking about.
    if (!visitor && /\b(his|her)\b/.test(m[0]) && env.pronoun?.id) visitor = { id: env.pronoun.id, indirect: true };
    // "... met Hakan Fidan, who is in Baku on a working visit": the person the relative clause is about.
    if (
      !visitor &&
      /,\s+who\s+(?:(?:has|had|is|was|are|were|also|then|later|just|recently|last|first|once|previously|earlier|already)\s+)*$/.test(
        st.lo.slice(Math.max(0, m.index - 40), m.index),
      )
    ) {
      const comma = st.lo.lastIndexOf(',', m.index);
      const rel = st.ms.find((x) => isPerson(x) && st.start + comma - x.end >= 0 && st.start + comma - x.end <= 1);
      if (rel) visitor = { id: rel.id, indirect: !!rel.byRole };
    }
    if (!visitor) {
      // "Japarov's visit to" -- possessive right before the trigger.
      const poss = st.ms.find((x) => isPerson(x) && x.end <= trig && trig - x.end < 25 && /^'s\b/.test(st.orig.slice(x.end - st.start)));
      visitor = poss ? { id: poss.id, indirect: false } : subjectBefore(env, trig);
    }
    if (!visitor || visitor.id === host) continue;
    // "Two months after hosting Xi, Orbán flew to Beijing": the first person named is the host's; the one
    // right before the verb travels.
    if (personCountry(env, visitor.id) === host) {
      if (!/^(?:flew|travelled|traveled|arrived|landed|visited)\b/.test(m[0])) continue;
      const near = [...st.ms].reverse().find((x) => isPerson(x) && x.end <= trig && trig - x.end < 40 && personCountry(env, x.id) !== host);
      if (!near) continue;
      visitor = { id: near.id, indirect: !!near.byRole };
    }
    const args: Record<string, unknown> = { visitor: visitor.id, host };
    if (hostM.kind === 'place') args.place = hostM.id;
    const kind = /\b(state|official|working)\s+visit/.exec(m[0]) ?? /\b(state|official|working)\s+visit/.exec(st.lo.slice(m.index));
    if (kind) args.kind = kind[1];
    const planned = mod === 'planned';
    const when = nearestTime(env, trig, planned);
    emit(env, 'visit', args, (visitor.indirect ? 0.75 : 0.9) - (planned ? 0.1 : 0), when, planned ? { status: 'planned' } : {});
    // "Presidents A of Kyrgyzstan, B of Tajikistan and C of Uzbekistan arrived in Astana": each one visits.
    const people = st.ms.filter((x) => isPerson(x) && x.end <= trig);
    const i0 = people.findIndex((x) => x.id === visitor!.id);
    for (let k = i0 + 1; i0 >= 0 && k < people.length; k++) {
      const gap = st.lo.slice(people[k - 1].end - st.start, people[k].start - st.start);
      // "..., and Swedish Prime Minister Y arrived": the next one may bring a nationality and a title of their own.
      if (
        !/^(?:\s+of\s+(?:the\s+)?[\w' -]{2,40}?)?\s*(,|,?\s+and)\s*(?:(?:[\w'-]+\s+){0,2}(?:president|prime minister|premier|chancellor|king|emir|foreign minister|vice president|crown prince)\s+)?$/.test(
          gap,
        )
      )
        break;
      const pid = people[k].id;
      if (pid === visitor.id || personCountry(env, pid) === host) continue;
      emit(env, 'visit', { ...args, visitor: pid }, 0.8 - (planned ? 0.1 : 0), when, planned ? { status: 'planned' } : {});
    }
    // "official visits to Ghana, Namibia and Brazil": one visit per country of the list.
    let last = hostM;
    for (const x of st.ms) {
      if (x.start <= last.end || !((isCountry(x) && !x.adjective) || x.kind === 'place')) continue;
      // "to London and then to New York", "to Paris, then on to Rome": each stop a visit.
      if (
        !/^\s*(,|,?\s+and|,?\s+as well as)\s*$|^\s*(?:,|,?\s+and)?\s*(?:then|later|afterwards)?\s*(?:on\s+)?to\s+(?:the\s+)?$/.test(
          st.lo.slice(last.end - st.start, x.start - st.start),
        )
      )
        break;
      const c = countryOf(x.id);
      if (c && c !== host && c !== personCountry(env, visitor.id)) {
        const a2: Record<string, unknown> = { ...args, host: c };
        delete a2.place;
        if (x.kind === 'place') a2.place = x.id;
        emit(env, 'visit', a2, (visitor.indirect ? 0.72 : 0.85) - (planned ? 0.1 : 0), when, planned ? { status: 'planned' } : {});
      }
      last = x;
    }
  }
}

// A tour told by its stops: "a European tour that had earlier taken him to France and Serbia", "the
// Prime Minister's tour, which began in Ghana on July 2 and also took him to Trinidad and Tobago, Argentina
// and Brazil": one visit to each country named after "took him to" or "began in".
const TOUR_RE = /\b(?:tour|trip|swing|journey)\b/;
const TOUR_STOPS_RE =
  /\b(?:(?:also\s+)?(?:took|taken|taking|takes)\s+(?:him|her|them)\s+(?:also\s+)?to|(?:began|begun|started|opened)\s+in)\s+/g;

function tourVisits(env: Env): void {
  const { st } = env;
  const tour = TOUR_RE.exec(st.lo);
  if (!tour) return;
  TOUR_STOPS_RE.lastIndex = tour.index;
  let m: RegExpExecArray | null;
  while ((m = TOUR_STOPS_RE.exec(st.lo)) !== null && m.index - tour.index < 220) {
    const trig = st.start + m.index;
    const after = trig + m[0].length;
    if (modality(st, trig, m[0], 40) !== 'fact') continue;
    // Whose tour: a person named with it ("Modi's tour", "the Prime Minister's"), else the one the text is about.
    const own = [...st.ms].reverse().find((x) => isPerson(x) && x.end <= trig + 40 && /^['’]s\b/.test(st.orig.slice(x.end - st.start)));
    const visitor = own?.id ?? subjectBefore(env, trig, false)?.id ?? env.pronoun?.id ?? env.prevPersons?.[0];
    if (!visitor) continue;
    let last: Mention | undefined;
    for (const x of st.ms) {
      if (x.start < after || !((isCountry(x) && !x.adjective) || x.kind === 'place')) continue;
      const gap = st.lo.slice((last ? last.end : after) - st.start, x.start - st.start);
      if (last ? !/^\s*(,|,?\s+and|,?\s+as well as)\s*$/.test(gap) : gap.trim() !== '') break;
      last = x;
      const host = countryOf(x.id);
      if (!host || host === personCountry(env, visitor)) continue;
      const args: Record<string, unknown> = { visitor, host };
      if (x.kind === 'place') args.place = x.id;
      // Only the stop a day is told for ("began in Ghana on July 2") has that day; the others, its month.
      const when = nearestTime(env, x.start);
      const own = /^\s+(?:on|in)\s+\S/.test(st.lo.slice(x.end - st.start, x.end - st.start + 12));
      emit(
        env,
        'visit',
        args,
        0.7,
        when && !own && when.precision === 'day' ? { value: when.value.slice(0, 7), precision: 'month' } : when,
      );
    }
  }
}

// ---------------------------------------------------------------- meeting
const MEET_RE =
  /(?:,\s+meeting\s+(?:with\s+)?|\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:(?:also|earlier|later|then|first|warmly|formally)\s+)*(?:welcomed|received|greeted|hosted)\s+(?:(?:with|at|in)\s+[^.;,]{3,60}?\s+)?by\b|\b(?:held|hold|holds|holding|had|has|conducted)\s+(?:\w+\s+){0,2}?(talks|negotiations|a meeting|meetings|a phone call|a telephone call|phone talks|telephone talks|a phone conversation|a telephone conversation|a bilateral meeting|discussions|(?:the\s+\w+\s+round\s+of\s+)?(?:political\s+|bilateral\s+|strategic\s+)?consultations)(?:\s+(?:in|at)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?|\s+there)?\s+with|\b(?:held|hold|holds|had|conducted)\s+(?:\w+\s+){0,2}?(?:talks|negotiations|a meeting|meetings|a phone call|phone talks|a bilateral meeting)\b|met\s+(?:(?:today|yesterday|here|on\s+\w+|in\s+[\w'-]+(?:\s+[\w'-]+)?)\s+){1,3}with|met\s+with|met|meets\s+with|meets|meet\s+with|meet|spoke\s+(?:by\s+(?:phone|telephone)|on\s+the\s+phone)\s+with|spoke\s+(?:to|with)(?=\s[^.;]{0,80}\b(?:by\s+(?:tele)?phone|on\s+the\s+phone)\b)|talks\s+with|received\s+a\s+delegation\s+(?:of|from)\s+[^.;]{3,80}?\s+(?:led|headed)\s+by(?:\s+(?:its|the))?|received|hosted|co-chaired\s+[^.;]{3,120}?\s+with|sat\s+down\s+with|paid\s+a\s+courtesy\s+(?:call|visit)\s+(?:on|to)|called\s+on)\b/g;

const LEAD_WORDS = new Set(
  (
    'the his her their its visiting counterpart counterparts foreign minister president prime premier ' +
    'chancellor king emir crown prince secretary of state deputy vice chairman general top diplomat envoy special leader head ' +
    'defence defense finance trade economy energy interior affairs and a an newly elected incoming outgoing former acting ' +
    'speaker governor mayor ambassador spokesperson sheikh sultan queen commissioner director-general secretary-general'
  ).split(' '),
);

/**
 * "Trump held separate bilateral meetings with both leaders": one meeting with each of the two people the
 * article named before, when it named exactly two besides the subject.
 */
function separateMeetings(env: Env): void {
  const { st, doc } = env;
  const m =
    /\b(?:held|had)\s+(?:separate\s+)?(?:bilateral\s+)?(?:meetings|talks)\s+with\s+(?:both|the two|each of the two)\s+(?:leaders|presidents|ministers|prime ministers|heads of state|delegations)\b/.exec(
      st.lo,
    );
  if (!m) return;
  const at = st.start + m.index;
  if (modality(st, at, m[0], 35) !== 'fact') return;
  const subject = st.ms.filter((x) => isPerson(x) && x.end <= at).pop();
  if (!subject) return;
  const earlier = [...new Set(doc.ents.mentions.filter((x) => isPerson(x) && x.start < st.start).map((x) => x.id))].filter(
    (id) => id !== subject.id,
  );
  if (earlier.length !== 2) return;
  for (const other of earlier) emit(env, 'meeting', { participants: [subject.id, other] }, 0.75, nearestTime(env, at));
}

/** Words between two names that end a list of subjects: a verb, a relative pronoun or a new clause. */
const SUBJECT_GAP_STOP =
  /\b(who|which|was|were|said|is|are|has|had|met|held|after|before|when|while|since|until|because|although|though|once|shortly)\b/;

function meetings(env: Env): void {
  const { st } = env;
  // "..., and the two presidents held talks": the two people just named.
  const two =
    /\b(?:the two|both|the)\s+(?:presidents|leaders|ministers|prime ministers|foreign ministers|heads of state|premiers)\s+(?:also\s+|then\s+|later\s+)?(held talks|had talks|met|spoke by phone|held a phone call|co-chaired)\b/.exec(
      st.lo,
    );
  if (two && !negatedOrHypothetical(st, st.start + two.index, '', 35)) {
    const at = st.start + two.index;
    let ids = [...new Set(st.ms.filter((x) => isPerson(x) && x.end <= at).map((x) => x.id))];
    if (ids.length === 0) ids = env.prevPersons ?? [];
    if (ids.length === 2) {
      const args: Record<string, unknown> = { participants: ids };
      if (/talks/.test(two[1])) args.format = 'talks';
      if (/phone/.test(two[1])) args.format = 'phone call';
      emit(env, 'meeting', args, 0.75, nearestTime(env, at));
    }
  }
  separateMeetings(env);
  nominalMeetings(env);
  bodyMeetings(env);
  bodySessions(env);
  // "Talks between Xi Jinping and Joe Biden lasted four hours."
  const nb = /\b(talks|meeting|negotiations|phone call|telephone call|phone conversation|telephone conversation)\s+between\b/.exec(st.lo);
  if (nb) {
    const at = st.start + nb.index;
    const ps = st.ms.filter((x) => isPerson(x) && x.start > at && x.start - at < 120);
    const gap = ps.length >= 2 ? st.lo.slice(ps[0].end - st.start, ps[1].start - st.start) : '';
    if (
      ps.length >= 2 &&
      /^\s+and\s+([\w'-]+\s+){0,6}$/.test(gap) &&
      !negatedOrHypothetical(st, at, '', 35) &&
      !/\b(will|would|to|planned|upcoming|expected)\s+$/.test(clauseWindow(st, at, 20))
    ) {
      const args: Record<string, unknown> = { participants: [ps[0].id, ps[1].id] };
      const format = /phone|telephone/.test(nb[1]) ? 'phone call' : /talks|negotiations/.test(nb[1]) ? 'talks' : undefined;
      if (format) args.format = format;
      emit(env, 'meeting', args, 0.8, nearestTime(env, at));
    }
  }
  MEET_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MEET_RE.exec(st.lo)) !== null) {
    const trig = st.start + m.index;
    const after = trig + m[0].length;
    const mod = modality(st, trig, m[0], 35);
    if (mod === 'blocked') continue;
    const win = clauseWindow(st, trig, 25);
    if (mod === 'fact' && /\b(to)\s+$/.test(win)) continue;
    if (/^meet/.test(m[0]) && mod !== 'planned') continue;
    // Objects: people after the trigger, then people coordinated with them ("X and Y").
    // An honorific's period ("H.E. Bassirou Diomaye Faye", "Dr. Ali") ends no clause.
    const rest = st.lo.slice(after - st.start).replace(/\b(?:h\.e|hon|mr|mrs|ms|dr|prof|amb|rt)\./g, (x) => x.replace(/\./g, ' '));
    const stop = rest.search(
      /[;.]|,\s*(?:and\s+)?(?:which|where|during|who|after|before|to discuss|on)\b|\b(?:to discuss|on the sidelines|about)\b/,
    );
    const limit = stop >= 0 ? after + stop : st.end;
    const people = st.ms.filter((x) => isPerson(x) && x.start >= after && x.start < limit);
    const objs: Mention[] = [];
    const lead = people.length ? st.orig.slice(after - st.start, people[0].start - st.start) : '';
    const direct = lead
      .split(/\s+/)
      .filter(Boolean)
      .every((w) => /^[A-Z(]|^'s$/.test(w) || LEAD_WORDS.has(w.toLowerCase()));
    if (!direct && !/with\s*$/.test(m[0])) continue;
    // "with Minister of Foreign Affairs of the Kingdom of Saudi Arabia, His Highness Prince Faisal": a comma inside
    // a title of capitalised words is no clause boundary.
    const titled = /^\s*(?:(?:[A-Z][\w'’.-]*|of|the|and|for)[\s,]+)+$/.test(lead);
    if (
      people.length &&
      people[0].start - after < (titled ? 120 : 70) &&
      (titled || !/[,;]/.test(st.lo.slice(after - st.start, people[0].start - st.start).replace(/^\s*,/, '')))
    ) {
      objs.push(people[0]);
      for (let k = 1; k < people.length; k++) {
        const gap = st.lo.slice(people[k - 1].end - st.start, people[k].start - st.start);
        if (
          /^(\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+as well as\s+)([\w'-]+\s+){0,12}$/.test(gap) &&
          !/\b(who|which|was|were|said|is|are|has|had|will|would|hold|held|talks|with|to|met|meet)\b/.test(gap)
        )
          objs.push(people[k]);
        else break;
      }
    }
    // Subjects: the actor before the trigger, with people coordinated to it.
    const subs: { id: string; indirect: boolean }[] = [];
    const before = st.ms.filter((x) => isPerson(x) && x.end <= trig);
    let subj0 = subjectBefore(env, trig, objs.length > 0);
    // "..., shortly after Ruto held talks with ...": a name right before the verb is its subject, and so are the
    // names coordinated before it ("Aliyev and Pashinyan sat down with").
    let near = before.length - 1;
    if (
      objs.length &&
      near >= 0 &&
      /^(?:\s*,\s*both\b[^,;]{0,80},)?\s*(?:(?:also|then|later|first|again|briefly|separately|had|have|has)\s+)*$/.test(
        st.lo.slice(before[near].end - st.start, trig - st.start),
      )
    ) {
      const chain = [before[near].id];
      while (near > 0) {
        const gap = st.lo.slice(before[near - 1].end - st.start, before[near].start - st.start);
        if (!/^(\s*,\s*|\s+and\s+|\s*,\s*and\s+)([\w'-]+\s+){0,7}$/.test(gap) || SUBJECT_GAP_STOP.test(gap)) break;
        near--;
        chain.push(before[near].id);
      }
      if (!subj0 || !chain.includes(subj0.id)) subj0 = { id: before[near].id, indirect: !!before[near].byRole };
    }
    if (subj0) subs.push(subj0);
    if (subj0 && before.length >= 2) {
      const i0 = before.findIndex((x) => x.id === subj0.id);
      for (let k = Math.max(i0, 0) + 1; i0 >= 0 && k < before.length; k++) {
        const gap = st.lo.slice(before[k - 1].end - st.start, before[k].start - st.start);
        if (/^(\s*,\s*|\s+and\s+|\s*,\s*and\s+)([\w'-]+\s+){0,7}$/.test(gap) && !SUBJECT_GAP_STOP.test(gap))
          subs.push({ id: before[k].id, indirect: !!before[k].byRole });
        else break;
      }
    }
    if (
      objs.length === 0 &&
      subs.length >= 2 &&
      /^\s*$/.test(
        st.lo
          .slice(before[before.length - 1].end - st.start, trig - st.start)
          .replace(/\b(also|later|then|had|have|on \w+|last|first|previously|again|already|recently)\b/g, ''),
      )
    ) {
      objs.push(...before.filter((x) => x.id === subs[subs.length - 1].id).slice(0, 1));
      subs.pop();
    }
    // "he and President Putin held a bilateral meeting": the one the text is about, and the person after "and".
    // "he and President Putin held a bilateral meeting": the one "he" is, and the person after "and".
    if (objs.length === 0 && subs.length === 1 && env.pronoun?.id) {
      const he = env.pronoun.id;
      const other = [...before].reverse().find((x) => x.id !== he && x.end <= trig);
      if (
        other &&
        /\b(?:he|she)\s+and\s+(?:[\w.'-]+\s+){0,3}$/.test(st.lo.slice(Math.max(0, other.start - st.start - 40), other.start - st.start))
      ) {
        subs[0] = { id: he, indirect: true };
        objs.push(other);
      }
    }
    // "the host held separate talks with A and B": the one the text said hosted the gathering.
    if (subs.length === 0 && /\bthe\s+host\s+(?:[\w-]+\s+){0,2}$/.test(st.lo.slice(Math.max(0, m.index - 30), m.index))) {
      const hostedBy = /\bhosted\s+by\s+/g;
      let h: RegExpExecArray | null;
      let hostId: string | undefined;
      const lo = env.doc.text.toLowerCase();
      while ((h = hostedBy.exec(lo)) !== null && h.index < st.start) {
        const at = h.index + h[0].length;
        const p = env.doc.ents.mentions.find((x) => isPerson(x) && x.start >= at && x.start - at < 40);
        if (p) hostId = p.id;
      }
      if (hostId) subs.push({ id: hostId, indirect: true });
    }
    if (subs.length === 0 || objs.length === 0) continue;
    // "called on President Murmu" is a call paid; "called on Putin to end the war" urges.
    if (/^called/.test(m[0]) && /^(?:\s*\([^)]*\))?(?:\s*,[^,;]{0,80},)?\s+to\s/.test(st.lo.slice(objs[objs.length - 1].end - st.start)))
      continue;
    const format =
      /phone|telephone/.test(m[0]) || (/^spoke/.test(m[0]) && /\b(?:by\s+(?:tele)?phone|on\s+the\s+phone)\b/.test(st.lo.slice(m.index)))
        ? 'phone call'
        : /talks|negotiations/.test(m[0])
          ? 'talks'
          : undefined;
    // "had been received at the White House by Biden": the one received there visited.
    if (/^(?:was|were|had|has|have)\b/.test(m[0]) && subs.length === 1 && mod !== 'planned') {
      const at = st.ms.find((x) => x.kind === 'place' && x.start >= trig && x.end <= after);
      const host = at && countryOf(at.id);
      if (at && host && host !== personCountry(env, subs[0].id) && host === personCountry(env, objs[0].id))
        emit(env, 'visit', { visitor: subs[0].id, host, place: at.id }, 0.75, nearestTime(env, trig));
    }
    // "Aliyev and Pashinyan sat down with Macron and Michel": one meeting of the four, not four of two.
    if (subs.length >= 2 && objs.length >= 2) {
      const ids = [...new Set([...subs.map((x) => x.id), ...objs.map((x) => x.id)])].slice(0, 6);
      const args: Record<string, unknown> = { participants: ids };
      if (format) args.format = format;
      const place = placeAfter(env, st.start, st.end);
      if (place) args.place = place;
      emit(env, 'meeting', args, 0.75, nearestTime(env, trig, mod === 'planned'), mod === 'planned' ? { status: 'planned' } : {});
      continue;
    }
    for (const sj of subs)
      for (const o of objs) {
        if (o.id === sj.id) continue;
        const subj = sj;
        const args: Record<string, unknown> = { participants: [subj.id, o.id] };
        if (format) args.format = format;
        const place = st.ms.find(
          (x) => x.kind === 'place' && /\b(in|at)\s+(the\s+)?$/.test(st.lo.slice(Math.max(0, x.start - st.start - 8), x.start - st.start)),
        );
        if (place) args.place = place.id;
        // "held a bilateral meeting there": the place the sentence took them to.
        else if (/^\s*there\b/.test(st.lo.slice(after - st.start)) || /\bthere$/.test(m[0])) {
          const there = [...st.ms].reverse().find((x) => x.kind === 'place' && x.end <= trig);
          if (there) args.place = there.id;
        }
        const conf = 0.85 - (subj.indirect ? 0.1 : 0) - (o.byRole ? 0.1 : 0) - (mod === 'planned' ? 0.1 : 0);
        emit(env, 'meeting', args, conf, nearestTime(env, trig, mod === 'planned'), mod === 'planned' ? { status: 'planned' } : {});
      }
  }
}

// Meetings named by nouns: "during a meeting with X", "in a joint press conference with X",
// "had a long meeting with X", "welcomed his counterpart X to Cairo", "after their talks".
const NOMINAL_MEET_RE =
  /\b(?:(?:during|at|in|after|following|on the sidelines of|ahead of|had|held|hold|holds|has)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}?(meeting|talks|phone call|telephone call|phone conversation|telephone conversation|press conference|news conference|conversation|discussions?)|(?:after|following|during)\s+(talks))\s+with\b/g;
const WELCOME_RE = /\b(welcomed|received|hosted)\s+(?:his|her|the)?\s*/g;
const THEIR_TALKS_RE =
  /\b(?:after|following|during|at|recalled|since)\s+(?:their|(?:a|the)\s+(?=bilateral|trilateral|three-way))\s*(?:(?:last|previous|first|latest|recent|bilateral|trilateral|three-way)\s+)?(talks|meeting|negotiations)\b/;

function formatOf(word: string): string | undefined {
  if (/phone|telephone/.test(word)) return 'phone call';
  if (/press|news/.test(word)) return 'press conference';
  if (/talks|negotiations/.test(word)) return 'talks';
  return undefined;
}

function placeAfter(env: Env, from: number, to: number): string | undefined {
  const { st } = env;
  const pl = st.ms.find(
    (x) =>
      x.kind === 'place' &&
      x.start >= from &&
      x.start < to &&
      /\b(in|at)\s+(the\s+)?$/.test(st.lo.slice(Math.max(0, x.start - st.start - 8), x.start - st.start)),
  );
  return pl?.id;
}

/** People coordinated after one ("X and Y", "A's X and B's Y"): the other participants of one meeting. */
function coordinatedPeople(env: Env, first: Mention): string[] {
  const { st } = env;
  const out: string[] = [];
  let prev = first;
  for (const x of st.ms) {
    if (!isPerson(x) || x.start <= prev.end) continue;
    const gap = st.orig.slice(prev.end - st.start, x.start - st.start);
    if (!/^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:\p{L}[\p{L}-]*['’]s\s+|(?:president|prime minister|premier|king|emir)\s+)*$/iu.test(gap))
      break;
    out.push(x.id);
    prev = x;
  }
  return out;
}

// A standing body of two or more states that will sit: "The Joint Economic Commission between the two countries
// will meet in Mogadishu in November", "the next meeting of the Russian-Iranian Intergovernmental Commission would
// take place in Tehran", "the next trilateral meeting of the foreign ministers of A, B and C will be held in D".
const BODY_MEETS_RE =
  /\b(?:(?:the\s+next\s+|its\s+next\s+)?(?:(?:trilateral|bilateral|quadrilateral)\s+)?meeting\s+of\s+(?:the\s+)?[^.;]{0,120}?|(?:the\s+)?[^.;,]{0,80}?\b(?:commission|committee|council|task force|working group)(?:\s+(?:between|of|on|for)\s+[^.;,]{0,60}?)?)\s+(?:will|would|is\s+(?:scheduled|due|set)\s+to|are\s+(?:scheduled|due|set)\s+to|is\s+to|are\s+to)\s+(?:meet|convene|sit|take place|be held)\b/g;

function bodyMeetings(env: Env): void {
  const { st } = env;
  if (
    !/(?:commission|committee|council|task force|working group|meeting of)/.test(st.lo) ||
    !/\b(?:will|would|to)\s+(?:meet|convene|sit|take place|be held)\b/.test(st.lo)
  )
    return;
  BODY_MEETS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BODY_MEETS_RE.exec(st.lo)) !== null) {
    const trig = st.start + m.index;
    const end = trig + m[0].length;
    if (/\b(could|may|might|hope|hopes|hoped|proposed|if|whether)\b/.test(clauseWindow(st, trig, 60) + ' ' + m[0])) continue;
    if (/\bsummit\b/.test(m[0])) continue;
    // Its states: those the phrase names (adjectives too: "Russian-Iranian"), else the article's two.
    let parties = [...new Set(st.ms.filter((x) => isCountry(x) && x.start >= trig && x.end <= end).map((x) => x.id))];
    // "The next meeting of the commission": the two states' commission the article has named.
    const named =
      /\b(?:the|its|this)\s+(?:\w+\s+)?(?:commission|council|committee)\b/.test(m[0]) &&
      /\b(?:intergovernmental|joint|bilateral|high-level)\b[^.;]{0,80}\b(?:commission|council|committee)\b/.test(
        env.doc.lower.slice(0, st.start),
      );
    if (
      parties.length < 2 &&
      env.pair &&
      (named || /\b(two countries|both countries|two sides|bilateral|joint|intergovernmental)\b/.test(m[0]))
    )
      parties = [...new Set([...parties, ...env.pair])];
    if (parties.length < 2) continue;
    const args: Record<string, unknown> = { participants: parties };
    const place = placeAfter(env, end, st.end);
    if (place) args.place = place;
    emit(env, 'meeting', args, 0.7, nearestTime(env, end, true), { status: 'planned' });
  }
}

// A session of a standing body of two or more states told as held: "the seventh meeting of the Kazakh-Vietnamese
// Intergovernmental Commission, which was held in Hanoi in April", "the first session of the Joint Commission took place".
const BODY_SESSION_RE = /\b(?:meeting|session|sitting)\s+of\s+(?:the\s+)?([^.;]{0,100}?\b(?:commission|council|committee))\b/g;
const SESSION_HELD = /^[^.;]{0,80}?(?:,\s*which\s+)?\b(?:was|were)\s+held\b|^[^.;]{0,80}?\btook\s+place\b/;

function bodySessions(env: Env): void {
  const { st } = env;
  if (!/commission|council|committee/.test(st.lo) || !/\b(?:was|were)\s+held\b|\btook\s+place\b/.test(st.lo)) return;
  BODY_SESSION_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = BODY_SESSION_RE.exec(st.lo)) !== null; ) {
    const trig = st.start + m.index;
    const end = trig + m[0].length;
    const held = SESSION_HELD.exec(st.lo.slice(end - st.start));
    if (!held || negatedOrHypothetical(st, end + held[0].length, '', 35)) continue;
    let parties = [...new Set(st.ms.filter((x) => isCountry(x) && x.start >= trig && x.end <= end).map((x) => x.id))];
    if (parties.length < 2 && env.pair && /\b(?:intergovernmental|joint|bilateral|high-level)\b/.test(m[1]))
      parties = [...new Set([...parties, ...env.pair])];
    if (parties.length < 2) continue;
    const args: Record<string, unknown> = { participants: parties };
    const place = placeAfter(env, end, st.end);
    if (place) args.place = place;
    emit(env, 'meeting', args, 0.7, nearestTime(env, end + held[0].length));
  }
}

function nominalMeetings(env: Env): void {
  const { st } = env;
  NOMINAL_MEET_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NOMINAL_MEET_RE.exec(st.lo)) !== null) {
    const trig = st.start + m.index;
    const after = trig + m[0].length;
    const mod = modality(st, trig, m[0], 35);
    if (mod === 'blocked') continue;
    // "with Tanzania's Samia Suluhu Hassan": the possessive names the person's country, not a party.
    const possessive = (x: Mention) => /^['’]s\b/.test(st.orig.slice(x.end - st.start, x.end - st.start + 3));
    const obj = st.ms.find(
      (x) => x.start >= after && x.start - after < 60 && (isPerson(x) || (isCountry(x) && !x.adjective && !possessive(x))),
    );
    if (!obj) continue;
    // "a phone call with the President of Egypt", never named: the country.
    if (
      !isPerson(obj) &&
      !/\bthe\s+(?:president|leader|prime minister|premier|king|emir|head of state|foreign minister)\s+of\s+(?:the\s+)?$/.test(
        st.lo.slice(after - st.start, obj.start - st.start),
      )
    )
      continue;
    // The other side: the nearest person before the trigger, else the person the sentence goes on to name as speaker.
    const before = st.ms.filter((x) => isPerson(x) && x.end <= trig && x.id !== obj.id);
    let subj = before.length ? before[before.length - 1].id : undefined;
    if (!subj && /\b(his|her)\b/.test(m[0])) subj = env.pronoun?.id;
    if (!subj) subj = st.ms.find((x) => isPerson(x) && x.start > obj.end && x.id !== obj.id)?.id;
    // "After talks with Viktor Orbán on 9 May, the two leaders ...": the one the sentence before was about.
    if (!subj && /^(?:after|following|during)\b/.test(m[0]) && env.prevPersons?.length) subj = env.prevPersons.find((p) => p !== obj.id);
    if (!subj || subj === obj.id) continue;
    const others = isPerson(obj) ? coordinatedPeople(env, obj) : [];
    const args: Record<string, unknown> = { participants: [subj, obj.id, ...others.filter((o) => o !== subj)] };
    const format = formatOf(m[1] ?? m[2]);
    if (format) args.format = format;
    const place = placeAfter(env, obj.end, st.end);
    if (place) args.place = place;
    const planned = mod === 'planned';
    emit(env, 'meeting', args, 0.78 - (planned ? 0.1 : 0), nearestTime(env, trig, planned), planned ? { status: 'planned' } : {});
  }
  // "X welcomed his Angolan counterpart Y to Cairo": a meeting, and a visit by Y to the host's country.
  WELCOME_RE.lastIndex = 0;
  while ((m = WELCOME_RE.exec(st.lo)) !== null) {
    const trig = st.start + m.index;
    const after = trig + m[0].length;
    if (modality(st, trig, m[0], 35) !== 'fact') continue;
    const host = [...st.ms].reverse().find((x) => isPerson(x) && x.end <= trig && trig - x.end < 40);
    const guest = st.ms.find((x) => isPerson(x) && x.start >= after && x.start - after < 50);
    if (!host || !guest || host.id === guest.id) continue;
    const gap = st.lo.slice(after - st.start, guest.start - st.start);
    if (/[,;.]/.test(gap)) continue;
    const to = st.ms.find(
      (x) =>
        (x.kind === 'place' || (isCountry(x) && !x.adjective)) &&
        x.start >= guest.end &&
        x.start - guest.end < 12 &&
        /^\s+(to|in)\s+(the\s+)?$/.test(st.lo.slice(guest.end - st.start, x.start - st.start)),
    );
    if (!to) continue;
    const when = nearestTime(env, trig);
    const margs: Record<string, unknown> = { participants: [host.id, guest.id] };
    if (to.kind === 'place') margs.place = to.id;
    emit(env, 'meeting', margs, 0.78, when);
    const country = countryOf(to.id);
    if (country && personCountry(env, guest.id) !== country) {
      const vargs: Record<string, unknown> = { visitor: guest.id, host: country };
      if (to.kind === 'place') vargs.place = to.id;
      emit(env, 'visit', vargs, 0.75, when);
    }
  }
  // "talks with the leaders of the four states": one meeting per country the text has just listed.
  const lead =
    /\b(?:held|had|holds|has)\s+(?:[\w-]+\s+){0,2}(talks|discussions?|meetings?|consultations)\s+with\s+the\s+leaders\s+of\s+the\s+(three|four|five|six|\d+)\s+(?:countries|nations|states)\b/.exec(
      st.lo,
    );
  if (lead && env.lastList && env.lastList.length === parseCount(lead[2])) {
    const at = st.start + lead.index;
    const subj = subjectBefore(env, at, false);
    if (subj && modality(st, at, lead[0], 30) === 'fact') {
      for (const c of env.lastList) {
        if (personCountry(env, subj.id) === c) continue;
        const args: Record<string, unknown> = { participants: [subj.id, c] };
        const format = formatOf(lead[1]);
        if (format) args.format = format;
        emit(env, 'meeting', args, 0.7, nearestTime(env, at));
      }
    }
  }
  // "Climate came up during the talks": the talks of the two leaders the article is about.
  if (/\b(?:during|at|in)\s+the\s+talks\b/.test(st.lo) && !env.facts.some((f) => f.type === 'meeting')) {
    const two = mainPersons(env.doc);
    if (two && st.ms.every((x) => !isPerson(x) || two.includes(x.id))) {
      const at = st.start + st.lo.search(/\b(?:during|at|in)\s+the\s+talks\b/);
      if (modality(st, at, '', 30) === 'fact') emit(env, 'meeting', { participants: two, format: 'talks' }, 0.65, nearestTime(env, at));
    }
  }
  // "A protocol was signed in Havana after their talks": the two people the text has just named.
  const tt = THEIR_TALKS_RE.exec(st.lo);
  const here = [...new Set(st.ms.filter((x) => isPerson(x) && x.start < st.start + (tt?.index ?? 0)).map((x) => x.id))];
  // "A, B and C signed a declaration after a trilateral meeting": the three named.
  const n = tt && /trilateral|three-way/.test(tt[0]) ? 3 : 2;
  const theirs = here.length === n ? here : !st.ms.some(isPerson) && env.prevPersons?.length === n ? env.prevPersons : undefined;
  if (tt && theirs) {
    const at = st.start + tt.index;
    if (modality(st, at, tt[0], 30) === 'fact') {
      const args: Record<string, unknown> = { participants: [...theirs] };
      const format = formatOf(tt[1]);
      if (format) args.format = format;
      const place = placeAfter(env, at, st.end) ?? placeAfter(env, st.start, st.end);
      if (place) args.place = place;
      emit(env, 'meeting', args, 0.7, nearestTime(env, at));
    }
  }
}

// "the sixth Consultative Meeting of the Heads of State of Central Asia", "a meeting of the Council of Heads of
// State of the CIS": a recurring gathering of leaders named as a meeting is a summit.
const LEADERS_MEETING_RE =
  /\b(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+)?((?:consultative\s+|informal\s+|regular\s+|extraordinary\s+)?(?:meeting|session)\s+of\s+(?:the\s+)?(?:council\s+of\s+)?(?:heads\s+of\s+state|leaders)(?:\s+and\s+government)?\s+of\s+(?:the\s+)?)/g;

function leadersMeetings(env: Env): void {
  const { st } = env;
  LEADERS_MEETING_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LEADERS_MEETING_RE.exec(st.lo)) !== null) {
    const trig = st.start + m.index;
    const after = trig + m[0].length;
    const mod = modality(st, trig, m[0], 40);
    if (mod === 'blocked') continue;
    const of = st.ms.find((x) => x.start >= after && x.start - after < 3 && (x.kind === 'org' || x.kind === 'place' || isCountry(x)));
    // The name runs to the end of the group it names ("Central Asia", "the CIS").
    const nameEnd = of ? of.end : after + (/^[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*/.exec(st.orig.slice(after - st.start))?.[0].length ?? 0);
    if (nameEnd <= after) continue;
    const name = env.doc.text.slice(trig + (m[1] ? m[1].length + 1 : 0), nameEnd).replace(/^\w/, (c) => c.toUpperCase());
    const place =
      st.ms.find(
        (x) =>
          (x.kind === 'place' || (isCountry(x) && !x.adjective)) &&
          (x.end <= trig || x.start >= nameEnd) &&
          /\b(in|at)\s+(the\s+)?$/.test(st.lo.slice(Math.max(0, x.start - st.start - 8), x.start - st.start)),
      )?.id ?? env.doc.dateline;
    if (!place) continue;
    const args: Record<string, unknown> = { name, place };
    const ord = m[1] ? (ORDINALS[m[1]] ?? parseInt(m[1], 10)) : undefined;
    if (ord) args.ordinal = ord;
    if (of?.kind === 'org') args.organization = of.id;
    const planned = mod === 'planned';
    emit(env, 'summit', args, planned ? 0.7 : 0.8, nearestTime(env, trig, planned), planned ? { status: 'planned' } : {});
  }
}

// A body's leaders gathering in a city are its summit, named or not: "when NATO leaders meet in The Hague on
// June 24-25". A clause opened by "when" dates the gathering; what it hedges is the main clause's.
const ORG_LEADERS_RE =
  /^\s+(?:leaders\s+(will\s+|are\s+to\s+|are\s+due\s+to\s+|are\s+set\s+to\s+)?(?:meet|gather|convene|assemble)(?:s|d|ed)?\s+in\s+(?:the\s+)?|leaders['’]?\s+meeting,?\s+(?:(?:was|will\s+be|to\s+be)\s+)?(?:held\s+)?in\s+(?:the\s+)?)$/;

function orgLeadersGather(env: Env): void {
  const { st } = env;
  for (const o of st.ms) {
    if (o.kind !== 'org' || o.source === 'company') continue;
    const place = st.ms.find(
      (x) =>
        x.start > o.end &&
        x.start - o.end < 50 &&
        (x.kind === 'place' || (isCountry(x) && !x.adjective)) &&
        ORG_LEADERS_RE.test(st.lo.slice(o.end - st.start, x.start - st.start)),
    );
    if (!place) continue;
    const trig = o.start;
    const when = /\bwhen\s+$/.test(st.lo.slice(0, o.start - st.start));
    const mod = when ? 'fact' : modality(st, trig, '', 40);
    if (mod === 'blocked') continue;
    const held = /^\s+leaders['’]?\s+meeting,?\s+held\b/.test(st.lo.slice(o.end - st.start));
    const ahead = !held && (mod === 'planned' || /^\s+leaders\s+(?:will|are)\b/.test(st.lo.slice(o.end - st.start)));
    const time = nearestTime(env, place.end, ahead);
    const planned = ahead || (!held && !!time && !!env.doc.published && time.value > env.doc.published.slice(0, time.value.length));
    if (!planned && when) continue;
    const name = `${KNOWN.get(o.id)?.aliases.find((a) => /^[A-Z0-9]{2,6}$/.test(a)) ?? env.doc.text.slice(o.start, o.end)} summit`;
    const args: Record<string, unknown> = { name, place: place.id, organization: o.id };
    // "the 54th Pacific Islands Forum Leaders Meeting".
    const ord = /\b(\d+)(?:st|nd|rd|th)\s+$/.exec(st.lo.slice(Math.max(0, o.start - st.start - 8), o.start - st.start));
    if (ord) args.ordinal = Number(ord[1]);
    emit(env, 'summit', args, planned ? 0.7 : 0.8, time, planned ? { status: 'planned' } : {});
  }
}

// ---------------------------------------------------------------- agreement
const DOCN =
  '(?:agreements?|memorand(?:ums?|a)|mous?|deals?|treat(?:y|ies)|accords?|declarations?|statements?|protocols?|contracts?|documents?|roadmaps?|conventions?|pacts?|charters?|programmes?|programs?|action plans?|plans? of (?:consultations|cooperation|action|joint actions|measures)|(?:cooperation\\s+|legal\\s+)?instruments|(?:strategic\\s+)?partnerships?\\s+(?:on|in|for)|(?:framework\\s+)?arrangements?)';
// A match that begins with the document, not with its verb.
const NOUN_FIRST = new RegExp(`^${DOCN}\\b`);
const AGREE_RE = new RegExp(
  `\\b(?:signed|signs|(?:by|after|while)\\s+signing|inked|inks|sealed|seals|clinched|initialled|initialed|ratified|exchanged|concluded\\s+(?:a|an|the)|reached\\s+(?:a|an|the)?)\\s+(?:[$€£\\w'.,-]+\\s+){0,7}?${DOCN}\\b` +
    `|\\b(?:the\\s+)?(?:signing|exchange)\\s+of\\s+(?:[\\w'-]+\\s+){0,7}?${DOCN}\\b` +
    `|\\b(?:adopted|adopting|adopts|approved|approving|endorsed)\\s+(?:[$€£\\w'.,-]+\\s+){0,6}?(?:${DOCN}|strateg(?:y|ies))\\b` +
    `|\\b(?:the\\s+)?adoption\\s+of\\s+(?:[\\w'-]+\\s+){0,7}?(?:${DOCN}|strateg(?:y|ies))\\b` +
    // A document that opens its sentence may be described at length before its verb: "An agreement for Sinopec to
    // build a refinery ..., next to the port there, was signed in January".
    `|^(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?${DOCN}\\b(?:[^.;]|\\.(?=\\d)){80,170}?\\b(?:were|was|have\\s+been|has\\s+been)\\s+(?:also\\s+)?(?:signed|inked|concluded|sealed)\\b` +
    `|\\b${DOCN}\\b[^.;]{0,80}?\\b(?:were|was|(?:have|has|had)\\s+(?:also\\s+)?been)\\s+(?:also\\s+)?(?:signed|inked|concluded|reached|sealed|adopted|exchanged|initialled|initialed)\\b` +
    // A relative clause after a long title: "the Treaty on ... between A and B, which was signed in the Kremlin".
    `|\\b${DOCN}\\b[^.;]{0,160}?,\\s+(?:which|that)\\s+(?:was|were|had\\s+been|has\\s+been)\\s+(?:signed|inked|concluded|sealed)\\b` +
    // Reduced and object relatives: "the Declaration on ..., signed by the two Presidents in June 2021",
    // "the agreement signed in Tehran in May 2023", "the Treaty that our two countries signed in Abu Dhabi".
    `|\\b${DOCN}\\b[^.;,]{0,80}?,\\s+(?:(?:first|originally|jointly)\\s+)?(?:signed|inked|concluded)\\s+(?:by|in|on|at|during|after|following|last|earlier|two|three|a)\\b` +
    `|\\b${DOCN}\\s+(?:(?:they|we|the two (?:countries|sides|leaders|presidents))\\s+)?(?:signed|inked|concluded)\\s+(?:during|at|on|after|following|in the course of|in|by|last|earlier)\\b` +
    `|\\b${DOCN}\\s+that\\s+(?:[\\w'-]+\\s+){1,4}?(?:signed|inked|concluded)\\s+(?:in|on|at|during|last|earlier|when)\\b` +
    `|\\bagreed\\s+(?:on|upon)\\s+(?:[\\w'.,-]+\\s+){0,6}?${DOCN}\\b`,
  'g',
);
const TITLE_RE =
  /\b((?:Joint|Intergovernmental|Bilateral|Comprehensive|Strategic|Free|Framework|Final|Paris|Memorandum)\b[\w\s'-]*?|)((?:[A-Z][\w'-]*\s+){0,5}(?:Agreement|Statement|Memorandum of Understanding|Memorandum|Treaty|Declaration|Protocol|Convention|Accord|Charter|Roadmap|Pact|Plan|Programme|Program)(?:\s+(?:on|of|for|in|to|the|and|[A-Z][\w'-]*|\d{4}(?:[-–]\d{4})?)|,\s+[A-Z][\w'-]*(?=\s+and\s+[A-Z]))*)/;
// The document noun and "on"/"of" and what it is about, up to a comma, a clause or a time ("on Monday").
const LOWER_TITLE_RE =
  /^[^.;]{0,60}?\b(?:[Aa]|[Aa]n|[Tt]he)\s+((?:joint\s+statement|(?:joint\s+|new\s+)?(?:treaty|convention|charter|roadmap|road map|declaration|memorandum|accord|pact))\s+(?:on|of)\s+((?:[a-z][\w'-]*)(?:\s+(?!(?:with|between|during|at|after|before|which|that|as|to|in|by|and|giving|making|setting|under|was|were|is|are|has|have|had|will)\b)[a-z][\w'-]*){0,5}))/;
const TIME_WORD =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+(?:sidelines|margins|occasion|eve|same|day|first|second|last|final|opening|closing)|this|that|last|next|its|their|his|her)\b/;
const NUMBER_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|dozen|two dozen';
const COUNT_RE = new RegExp(
  `\\b(?:(?:more than|over|some|about|around|nearly|almost|at least|a total of|a package of|a set of|up to)\\s+)?(\\d+|${NUMBER_WORDS})\\s+(?:[a-z-]+\\s+){0,3}?(?:documents|agreements|memoranda|memorandums|mous|deals|contracts|treaties|accords|protocols|instruments)\\b`,
);

const DESCRIPTOR =
  /^\s+(company|firm|developer|carmaker|automaker|giant|group|conglomerate|operator|producer|manufacturer|lender|bank|investor|state-owned|miner|mining|utility|contractor|builder|maker|fund|energy|oil|tech|telecom|shipping|airline|construction|power)\b/;
const BOTH =
  /\b(two countries|two states|both countries|both sides|the parties|two sides|the sides|bilateral|two nations|two governments|both governments|two leaders|two presidents|two ministers|the delegations|two heads of state|two prime ministers)\b/;

/** Countries and organisations named in a span, skipping country adjectives that only describe a company. */
function partiesIn(env: Env, from: number, to: number): string[] {
  const { st } = env;
  const out: string[] = [];
  const addP = (id: string | undefined) => {
    if (id && !out.includes(id)) out.push(id);
  };
  for (const x of st.ms) {
    if (x.start < from || x.start >= to) continue;
    if (isCountry(x)) {
      if (x.adjective && DESCRIPTOR.test(st.lo.slice(x.end - st.start, x.end - st.start + 20))) continue;
      if (st.ms.some((y) => y.kind === 'org' && y.source === 'company' && y.start > x.end && y.start - x.end <= 3)) continue;
      addP(x.id);
    } else if (x.kind === 'org') addP(x.id);
    else if (isPerson(x)) {
      // A leader who attended or witnessed a signing is not a party to it.
      if (
        /\b(attended by|in the presence of|witnessed by|presence of|ceremony with)\s+([\w'-]+\s+){0,5}$/.test(
          st.lo.slice(Math.max(0, x.start - st.start - 60), x.start - st.start),
        )
      )
        continue;
      addP(personCountry(env, x.id));
    }
  }
  return out;
}

// A document singled out of a signing: "Among them was an agreement on ...", "..., including a production
// sharing agreement for ...", "among them a framework on ...".
// The documents of a signing singled out: "including a memorandum on ...", "Among the documents were an
// agreement on X, a protocol on Y and a treaty on Z", "The signed documents also included ...".
const INCLUDED_DOC_RE =
  /\b(?:among\s+(?:them|which|these|the\s+(?:documents|agreements|deals|texts)(?:\s+(?:signed|inked|adopted|concluded|exchanged))?)(?:\s+(?:was|were|is|are))?|including|(?:documents|agreements|deals|texts)\s+(?:(?:signed|adopted|inked)\s+)?(?:also\s+)?(?:included|include))\s*[:–—-]?\s*(?=(?:a|an|the)\s)/;
// One listed document: an article, up to five words, a document noun, and what it is on.
const LISTED_DOC =
  /^(?:a|an|the)\s+((?:[\w'’-]+\s+){0,5}?(?:agreement|memorandum of understanding|memorandum|mou|treaty|protocol|framework|contract|roadmap|road map|programme|program|declaration|statement|convention|charter|plan)\s+(?:on|for|to|of|between|with|in)\s+.{3,})$/i;
// Where the next item of a list begins: a comma or "and" before an article and a document noun within six words.
const NEXT_DOC =
  /(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?(?:agreement|memorandum|mou|treaty|protocol|framework|contract|roadmap|road map|programme|program|declaration|statement|convention|charter|plan)\b)/gi;

function includedDocument(env: Env): void {
  const { st } = env;
  const m = INCLUDED_DOC_RE.exec(st.lo);
  if (!m) return;
  // The signing it belongs to: an agreement of this sentence or the one before; "the documents" may look a
  // little further back, past a sentence on the visit.
  const definite = /\b(?:the|signed)\s+(?:documents|agreements|deals|texts)\b/.test(m[0]);
  const signing = [...env.facts]
    .reverse()
    .find((f) => f.type === 'agreement' && f.evidence.end >= st.start - (definite ? 800 : 400) && !f.status);
  if (!signing || (!definite && signing.evidence.start < (env.prevStart ?? st.start))) return;
  const base = m.index + m[0].length;
  const rest = st.orig.slice(base).replace(/[.;]\s*$/, '');
  const items: [string, number][] = [];
  let from = 0;
  NEXT_DOC.lastIndex = 0;
  for (let n: RegExpExecArray | null; (n = NEXT_DOC.exec(rest)) !== null; ) {
    items.push([rest.slice(from, n.index), from]);
    from = n.index + n[0].length;
  }
  items.push([rest.slice(from), from]);
  for (const [item, at] of items) {
    const d = LISTED_DOC.exec(item.trim());
    if (!d) break;
    // The last item runs on to the sentence's end: "..., officials said", "... which was signed ...".
    const title = d[1]
      .replace(/,.*$/, '')
      .replace(/\s+(?:which|that|signed|worth|according)\b.*$/i, '')
      .trim();
    // The package is one fact (its count), the document singled out of it another.
    if (typeof signing.args.title === 'string' && title.toLowerCase().startsWith(signing.args.title.toLowerCase().slice(0, 12)))
      delete signing.args.title;
    emit(
      env,
      'agreement',
      { parties: [...(signing.args.parties as string[])], title: title[0].toUpperCase() + title.slice(1) },
      0.75,
      signing.when,
    );
    agreedProject(env, base + at, base + at + item.length, env.facts[env.facts.length - 1]);
    if (item.includes(',')) break;
  }
}

function agreements(env: Env): void {
  const { st } = env;
  AGREE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const matches: RegExpExecArray[] = [];
  while ((m = AGREE_RE.exec(st.lo)) !== null) matches.push(m);
  for (let mi = 0; mi < matches.length; mi++) {
    m = matches[mi];
    const trig = st.start + m.index;
    const segEnd = mi + 1 < matches.length ? matches[mi + 1].index : st.lo.length;
    const mod = modality(st, trig, m[0], 40);
    if (mod === 'blocked') continue;
    // "the agreement ..., whose negotiations were concluded in December, has still not been signed".
    if (
      /\b(?:has|have|had|is|was|were)\s+(?:still\s+|yet\s+)?not\s+(?:yet\s+)?been\s+(?:signed|ratified|concluded)|\bnot\s+yet\s+(?:been\s+)?signed|\byet\s+to\s+be\s+signed/.test(
        st.lo.slice(m.index, segEnd),
      )
    )
      continue;
    // "met ... to discuss trade and signed 28 MoUs": the purpose clause before "and signed" does not hedge the signing.
    if (mod === 'fact' && /\b(to)\s+(be\s+)?$/.test(clauseWindow(st, trig, 20))) continue;
    // "..., including a memorandum between BOTAŞ and EGAS": the document singled out has parties of its own.
    const incl = /,\s*including\s+(?:a|an|the)\b/.exec(st.lo.slice(m.index));
    let parties = partiesIn(env, st.start, incl ? trig + incl.index : st.end);
    let fromContext = false;
    // A body that adopts documents is their one party: "the SCO concluded its summit by adopting 24 documents".
    const adopts = /^(?:the\s+)?(?:adopt|approv|endors)/.test(m[0]);
    if (adopts) {
      const org = st.ms.find((x) => x.kind === 'org' && x.source !== 'company' && x.end <= trig);
      const summitOrg = [...env.facts].reverse().find((f) => f.type === 'summit' && f.args.organization)?.args.organization as
        | string
        | undefined;
      // "Leaders adopted a Joint Declaration elevating relations between the European Union and ...": the body
      // the sentence names, wherever it names it.
      const anyOrg = org ?? st.ms.find((x) => x.kind === 'org' && x.source !== 'company');
      if (anyOrg) parties = [anyOrg.id, ...parties.filter((p) => p !== anyOrg.id && p.startsWith('country:'))];
      else if (
        summitOrg &&
        /(?:^|\b(?:the|its|their)\s+)(bloc|group|organi[sz]ation|alliance|union|leaders|members|summit)\b/.test(st.lo.slice(0, m.index))
      )
        parties = [summitOrg];
      else continue;
    }
    // "with the three nations": the three countries the text has just listed.
    const nn = /\b(?:the\s+)?(three|four|five|six|seven|eight|nine|ten|\d+)\s+(countries|states|nations|governments)\b/.exec(st.lo);
    if (nn && parties.length < 3) {
      const n = parseCount(nn[1]) ?? 0;
      const listed = listOf(env, n);
      if (!listed) continue;
      for (const c of listed) if (!parties.includes(c)) parties.push(c);
      fromContext = true;
    } else if (/\b(three|four|five|six|seven|eight|nine|ten|\d+)\s+(members|sides|parties)\b/.test(st.lo) && parties.length < 3) continue;
    // "The three leaders signed": the countries of the three people the article has named.
    const nl = /\bthe\s+(three|four|five|six|seven|eight|nine|ten)\s+(?:leaders|presidents|heads of state)\b/.exec(st.lo);
    if (nl && parties.length < 3) {
      const n = parseCount(nl[1]) ?? 0;
      const named = [...new Set(env.doc.ents.mentions.filter((x) => isPerson(x) && x.start < st.start).map((x) => x.id))];
      const countries = [...new Set(named.map((id) => personCountry(env, id)).filter((c): c is string => !!c))];
      const listed = listOf(env, n);
      if (named.length === n && countries.length === n) {
        parties = countries;
        fromContext = true;
      } else if (listed) {
        parties = [...listed];
        fromContext = true;
      }
    }
    // "the leaders of China and the five Central Asian states".
    if (CENTRAL_ASIAN_GROUP.test(st.lo)) for (const c of CENTRAL_ASIA) if (!parties.includes(c)) parties.push(c);
    const both = BOTH.test(st.lo);
    // "In Windhoek, the two sides signed": the host of the place, and the visiting side.
    const at = both
      ? st.ms.find((x) => x.kind === 'place' && /\b(in|at)\s+$/.test(st.lo.slice(Math.max(0, x.start - st.start - 4), x.start - st.start)))
      : undefined;
    const atCountry = at ? countryOf(at.id) : undefined;
    const visitorSide = atCountry && env.pair && !env.pair.includes(atCountry) ? mainActorCountry(env, atCountry) : undefined;
    if (both && atCountry && visitorSide && !parties.some((p) => p.startsWith('org:'))) {
      parties = [visitorSide, atCountry];
      fromContext = true;
    } else if (both && env.pair && !parties.some((p) => p.startsWith('org:'))) {
      parties = [...env.pair];
      fromContext = true;
    }
    if (
      /\b(the company|the group|the firm)\b/.test(st.lo.slice(0, m.index + 20)) &&
      env.lastCompany &&
      !parties.includes(env.lastCompany)
    ) {
      parties.unshift(env.lastCompany);
      fromContext = true;
    }
    // A document named first ("the Ankara Declaration that ... signed"): its title may begin before the noun.
    const from = NOUN_FIRST.test(m[0]) ? Math.max(0, st.orig.lastIndexOf(' the ', m.index) + 1, m.index - 40) : m.index;
    const titleSeg = st.orig.slice(from, Math.min(segEnd, m.index + m[0].length + 200));
    let title: string | undefined;
    const tm = TITLE_RE.exec(titleSeg);
    if (tm) {
      let t = (tm[1] + tm[2]).trim().replace(/\s+(between|with)\b.*$/i, '');
      t = t.replace(/^((signs?|signed|inks?|inked|seals?|sealed|the|a|an)\s+)+/i, '');
      while (/\s+(on|of|for|in|to|the|and)$/i.test(t)) t = t.replace(/\s+(on|of|for|in|to|the|and)$/i, '');
      if (/^[A-Z]/.test(t) && t.split(/\s+/).length >= 2) title = t;
    }
    // "by signing a Horizon 2035 energy cooperation agreement": a name in lower case after a proper word.
    if (!title) {
      const lt =
        /\b(?:a|an|the)\s+((?:[A-Z][\w-]*|\d{4})(?:\s+[\w-]+){1,5}?\s+(?:agreement|treaty|declaration|roadmap|programme|program|memorandum|accord|pact|charter|protocol))\b/.exec(
          st.orig.slice(m.index, m.index + m[0].length),
        );
      if ((lt && !/^(Joint|Bilateral|New|First|Second)\s/.test(lt[1])) || (lt && /\d/.test(lt[1]))) title = lt![1];
    }
    // "signed a treaty on permanent good-neighbourliness": a document named by what it is about.
    if (!title) {
      const dt = LOWER_TITLE_RE.exec(st.orig.slice(from, m.index + m[0].length + 120));
      if (dt && !TIME_WORD.test(dt[2])) title = dt[1][0].toUpperCase() + dt[1].slice(1).replace(/\s+$/, '');
    }
    // "Memoranda have been signed" with no party named, in an article about two countries, is theirs.
    // A document named first and signed after ("the agreement signed in Yerevan", "..., which was signed on
    // 17 January"): a passive, dated by the time nearest its verb.
    const verb = NOUN_FIRST.test(m[0])
      ? /\b(?:signed|inked|concluded|sealed|reached|adopted|exchanged|initialled|initialed)\b/.exec(m[0])
      : null;
    const passive =
      /\b(?:were|was|have been|has been|had been)\s+(?:also\s+)?(?:signed|inked|concluded|sealed|adopted|exchanged|initialled|initialed)\b|\b(?:signed|inked|concluded)\s+(?:during|at|on|after|following|in the course of)$/.test(
        m[0],
      ) || verb !== null;
    // A company's contract in an article about two countries is approximated by the two: "the deal for the
    // highway was concluded with China Road and Bridge Corporation".
    const states = parties.filter((p) => !st.ms.some((x) => x.id === p && x.kind === 'org' && x.source === 'company'));
    if (
      parties.length < 2 &&
      env.pair &&
      (states.length === 0 ? title !== undefined || both || passive : states.some((p) => env.pair!.includes(p)))
    ) {
      env.pair.forEach((p) => {
        if (!parties.includes(p)) parties.push(p);
      });
      fromContext = true;
    }
    if (parties.length < 2 && !(adopts && parties.length === 1 && parties[0].startsWith('org:'))) continue;
    const args: Record<string, unknown> = { parties };
    if (title) args.title = title;
    // "In all, 15 documents were signed": the count stands before a document named first.
    const cm =
      COUNT_RE.exec(m[0]) ?? (NOUN_FIRST.test(m[0]) ? COUNT_RE.exec(st.lo.slice(Math.max(0, m.index - 40), m.index + m[0].length)) : null);
    if (cm) {
      const n = parseCount(cm[1]);
      if (n && n > 1) args.count = n;
    }
    // "in the fields of energy, railways and finance", "covering trade and education".
    const dm =
      /\b(?:in the (?:fields?|areas?|spheres?|sectors?) of|in (?:a number of |several |various )?(?:sectors|areas|fields) (?:including|such as)|related to|covering|including)\s+([^.;()"]{3,140}?)(?=,\s*(?:which|that|while|as|including|and (?:the|a)\b)|[.;()"]|\s+(?:which|that)\b|$)/.exec(
        st.lo.slice(m.index),
      );
    // "including a pact on ..." lists documents, not fields.
    if (dm && !/\b(the|a|an)\s*$/.test(dm[1]) && !new RegExp(`^(?:an?|the|one|two|three|\\d+)\\s|\\b${DOCN}\\b`).test(dm[1]))
      args.domain = dm[1]
        .replace(/\b(the|sector|sectors)\b/g, '')
        .replace(/\s+/g, ' ')
        .replace(/^[\s,]+|[\s,]+$/g, '');
    const planned = mod === 'planned';
    emit(
      env,
      'agreement',
      args,
      (fromContext ? 0.75 : 0.88) - (planned ? 0.1 : 0),
      nearestTime(env, verb ? trig + verb.index : trig, planned),
      planned ? { status: 'planned' } : {},
    );
    const last = env.facts[env.facts.length - 1];
    if (!title && !args.count && /s\b/.test(m[0].split(/\s+/).pop() ?? '') && !/\bstatus\b/.test(m[0])) env.generic.add(last);
    agreedProject(env, m.index, Math.min(segEnd, m.index + m[0].length + 160), last);
  }
}

// A document on a project agrees the project: "signed an agreement on the construction of the Rogun dam",
// "an investment agreement on the project was signed", "the railway, whose framework agreement was signed ...".
const ON_PROJECT =
  /\bfeasibility\s+stud(?:y|ies)\s+(?:for|of|on)\s+(?:the\s+)?|\b(?:deal|contract|concession)\s+for\s+(?:the\s+)?|\b(?:on|for|to|regarding|concerning)\s+(?:the\s+)?(?:construction|building|development|implementation|financing|funding|revitali[sz]ation|modernization|modernisation|expansion|dualling|upgrading|upgrade|rehabilitation|extension)\s+of\s+|\bto\s+(?:build|construct|develop|finance)\s+|\b(?:on|for)\s+(?:the|this|that)\s+(project|plant|railway|line|facility)\b|\b(?:on|for)\s+its\s+(?:construction|revitali[sz]ation|financing|development)\b/;

function agreedProject(env: Env, from: number, to: number, signing: Fact): void {
  const { st } = env;
  if (signing.type !== 'agreement') return;
  const seg = st.lo.slice(from, to);
  const om = ON_PROJECT.exec(seg);
  const whose = /,\s+whose\s+(?:[\w-]+\s+){0,3}$/.exec(st.lo.slice(Math.max(0, from - 120), from));
  if (!om && !whose) return;
  let project: string | undefined;
  if (om && !om[1] && !/\bits\s/.test(om[0])) {
    // The project named right after "the construction of".
    const at = st.start + from + om.index + om[0].length;
    const named = st.ms.find((x) => x.kind === 'project' && x.start >= at && x.start - at < 10);
    // A named project ("the Surkhan power plant"), not a described one ("a 10 GW onshore wind farm").
    const phrase = projectPhrases(st, at, Math.min(st.end, at + 120)).find((p) => p.start - at < 40 && /\b[A-Z][a-z]/.test(p.name));
    project = named?.id ?? (phrase ? projectId(env.doc, phrase.name) : undefined);
  } else if (whose) {
    const before = st.start + Math.max(0, from - 120);
    const phrase = projectPhrases(st, before, before + whose.index)
      .filter((p) => /\b[A-Z][a-z]/.test(p.name))
      .pop();
    project = phrase ? projectId(env.doc, phrase.name) : undefined;
  } else project = env.doc.lastProject;
  if (!project) return;
  const parties = (signing.args.parties as string[]).filter((p) => p.startsWith('country:'));
  emit(
    env,
    'project_milestone',
    { project, stage: 'agreed', ...(parties.length >= 2 ? { parties } : {}) },
    0.72,
    signing.when,
    signing.status ? { status: signing.status } : {},
  );
}

// ---------------------------------------------------------------- investment
// Money put into something ("poured $2 billion into", "committed 5.5 billion reais to", "allocated $300 million
// for") and loans a country or lender provides are investments too.
const INVEST_RE = new RegExp(
  [
    '\\binvest(?:s|ed|ing|ment|ments)?\\b|\\bfinanc(?:e|es|ed|ing)\\b|\\bfunding\\b|\\bfunded\\b',
    '\\b(?:bought|acquired|purchased|took|takes|buys|acquires)\\s+(?:a|an|the)?\\s*(?:\\d+(?:\\.\\d+)?%\\s+|majority\\s+|minority\\s+|controlling\\s+|\\w+\\s+)?stake\\b',
    '\\b(?:put|puts|putting|poured|pours|pouring|pumped|pumps|pumping)\\s+(?:[\\w$€£¥.,()-]+\\s+){1,7}?into\\b',
    '\\b(?:committed|commits|allocated|allocates|allocating|earmarked|earmarks)\\s+(?:(?:about|around|some|nearly|almost|over|roughly|more\\s+than|up\\s+to|an\\s+additional|a\\s+further|another)\\s+)?(?=[$€£¥]|us\\$|usd\\b|eur\\b|aed\\b|\\d)',
    '\\b(?:provid(?:es|ed|ing|e)|extend(?:s|ed|ing)?|grant(?:s|ed|ing)?|lend(?:s|ing)?|lent|allocat(?:es|ed|ing))\\s+(?:[\\w$€£.,-]+\\s+){0,5}?(?:(?:state|soft|concessional|preferential|export|sovereign|government)\\s+)*(?:loans?|credits?|credit\\s+lines?|line\\s+of\\s+credit)\\b',
  ].join('|'),
  'g',
);

// "the plant at Hambantota": a bare head named by what follows it.
function tail0(seg: string, m: RegExpExecArray): boolean {
  return /^\s+(?:at|of)\s+[A-Z]/.test(seg.slice(m.index + m[0].length));
}

const PROJECT_HEAD_RE = new RegExp(`\\b(?:${PROJECT_HEADS})\\b`, 'i');
// Words of a name may carry any letter ("Iğdır–Nakhchivan") and join by hyphens or dashes.
const PROJECT_PHRASE_RE = new RegExp(`((?:(?:\\p{L}[\\p{L}\\p{N}_'’–-]*|\\d+|\\([A-Z]{2,8}\\))\\s+){0,5}?)(${PROJECT_HEADS})\\b`, 'giu');

function projectPhrases(st: Sent, from: number, to: number): { start: number; end: number; name: string }[] {
  const seg = st.orig.slice(from - st.start, to - st.start);
  const out: { start: number; end: number; name: string }[] = [];
  // The phrase pattern tries up to five words before a head at every position: only worth it with a head.
  if (!PROJECT_HEAD_RE.test(seg)) return out;
  const re = PROJECT_PHRASE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(seg)) !== null) {
    const words = m[1].trim().split(/\s+/).filter(Boolean);
    // Keep only modifiers after the last determiner/preposition/verb.
    let k = words.length;
    while (
      k > 0 &&
      !(/^(of)$/i.test(words[k - 1]) && k >= 2 && /^[A-Z]/.test(words[k - 2]) && /^[A-Z]/.test(words[k] ?? '')) &&
      !/^(a|an|the|of|on|in|for|and|with|to|by|at|its|their|new|two|three|is|was|were|has|have|this|that|from|plus|each|also|both|will|building|construction|constructing|build|develop|developing|into)$/i.test(
        words[k - 1],
      )
    )
      k--;
    let mods = words.slice(k);
    // "the 233-kilometre Rironi-Mau Summit road": a length is no part of the name.
    // "a 1,860 MW project" is described, not named: figures and units are no part of a name either.
    while (
      mods.length &&
      /^(?:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|long|\d[\d.,]*|[kmg]wp?|[mg]wh|kv|bcm|mtpa|megawatts?|gigawatts?)$/i.test(mods[0])
    )
      mods = mods.slice(1);
    // "Zambia's Mopani copper mine" is the Mopani copper mine.
    const poss = mods.map((w) => /'s$/i.test(w)).lastIndexOf(true);
    if (poss >= 0) mods = mods.slice(poss + 1);
    // "Turkmenistan-Afghanistan-Pakistan-India (TAPI) gas pipeline" is named by its acronym.
    const acr = mods.findIndex((w) => /^\([A-Z]{2,8}\)$/.test(w));
    if (acr >= 0) mods = [mods[acr].slice(1, -1), ...mods.slice(acr + 1)];
    // A bare "plant" or "project" names nothing.
    if (mods.length === 0 && !(tail0(seg, m) && !/^project$/i.test(m[2]))) continue;
    let name = [...mods, m[2]].join(' ');
    const tail = /^\s+(?:at|of|in)\s+([A-Z][\w'-]+)/.exec(seg.slice(m.index + m[0].length));
    // "a new plant in Kazakhstan" is located, not named: a country or region after "in" names no project.
    const tailAt = tail ? from + m.index + m[0].length + tail[0].length - tail[1].length : -1;
    const located = tail && st.ms.some((x) => (isCountry(x) || (x.kind === 'place' && /^\s+in\s/.test(tail[0]))) && x.start === tailAt);
    if (tail && !located && mods.every((w) => !/^[A-Z]/.test(w)) && !/^(project)$/i.test(m[2])) {
      name = [tail[1], ...mods, m[2]].join(' ');
      out.push({ start: from + m.index + m[0].length - m[2].length, end: from + m.index + m[0].length + tail[0].length, name });
      continue;
    }
    out.push({ start: from + m.index + m[0].length - name.length, end: from + m.index + m[0].length, name });
  }
  return out;
}

const LOAN_RE = /\b(?:loans?|credit lines?|line of credit|grants?)\b/;
const LENDERS = /bank|fund|aiib|adb|ebrd|eib|ndb|afdb|isdb|jbic|jica|kfw|dfc|usaid|exim|cdb|pif|rdif|mubadala|qia/;
const PLURAL_HEADS =
  /\b([A-Z][\w-]*(?:\s+\d+)?)\s+and\s+([A-Z][\w-]*(?:\s+\d+)?)\s+((?:[a-z-]+\s+){0,2})(plants|stations|parks|farms|mines|factories|units|projects)\b/;

function investments(env: Env): void {
  const { st } = env;
  INVEST_RE.lastIndex = 0;
  // Loans and credit lines count when a lender gives them. A heading ("Trade and investment:") is no trigger.
  let mi = INVEST_RE.exec(st.lo);
  while (mi && /^\w*\s*:/.test(st.lo.slice(mi.index + mi[0].length))) mi = INVEST_RE.exec(st.lo);
  // "funded"/"financing" alone need a funder named in the sentence; "investment" does not.
  const weak = mi !== null && /^(financ|fund)/.test(mi[0]);
  const m = mi ?? (st.ms.some((x) => x.kind === 'org' && LENDERS.test(x.id)) ? LOAN_RE.exec(st.lo) : null);
  if (!m) return;
  const trig = st.start + m.index;
  const pre = clauseWindow(st, trig, 40);
  if (NEG.test(pre) || MODAL.test(pre.replace(/\b(agreed|pledged|committed|promised|decided)\s+to\b/g, ''))) return;
  if (
    /\b(could|may|might)\s+$/.test(pre) ||
    (/\bto\s+$/.test(pre) && !/\b(agreed|pledged|committed|promised|decided|signed \S+ \S+)\s+to\s+$/.test(pre))
  )
    return;
  if (st.money.length === 0 && st.caps.length === 0) return;
  // Investor: a company or lender; else a country acting as subject.
  const company = st.ms.find((x) => x.kind === 'org' && x.source === 'company');
  const orgInvestor = company ?? st.ms.find((x) => x.kind === 'org' && LENDERS.test(x.id));
  let investor = orgInvestor?.id;
  let indirect = false;
  // The investor's own country ("Chinese carmaker BYD", "Abu Dhabi's Masdar") is not the recipient.
  const investorHome = new Set<string>();
  if (orgInvestor) {
    for (const x of st.ms) {
      if (
        isCountry(x) &&
        x.end <= orgInvestor.start &&
        orgInvestor.start - x.end <= 25 &&
        ((x.adjective && /^(\s+[a-z][a-z-]*){0,2}\s*$/.test(st.lo.slice(x.end - st.start, orgInvestor.start - st.start))) ||
          /^'s\s+$/.test(st.lo.slice(x.end - st.start, orgInvestor.start - st.start)))
      )
        investorHome.add(x.id);
    }
  }
  // "the Abu Dhabi-based ...": where the investor is based is not where the money goes.
  for (const x of st.ms)
    if ((isCountry(x) || x.kind === 'place') && /^-based\b/.test(st.orig.slice(x.end - st.start))) {
      const c = countryOf(x.id);
      if (c) investorHome.add(c);
    }
  // Recipient: "in <country/place>" else the first other country named.
  let recipient: string | undefined;
  for (const x of st.ms) {
    if (!(isCountry(x) || x.kind === 'place') || x.start < trig - 120) continue;
    const pre = st.lo.slice(Math.max(0, x.start - st.start - 24), x.start - st.start);
    if (
      /\b(in|into|to)\s+(the\s+)?((southern|northern|eastern|western|central|north|south|east|west)\s+)?$/.test(pre) &&
      // "into Indian infrastructure", "in the Russian economy": an adjective names where the money goes.
      (!x.adjective ||
        /\binto\s+$/.test(pre) ||
        /^\s+(?:economy|market|markets|infrastructure|industry|energy\s+sector|sector|companies|projects)\b/.test(
          st.lo.slice(x.end - st.start),
        ))
    ) {
      recipient = countryOf(x.id);
      if (recipient && !investorHome.has(recipient)) break;
      recipient = undefined;
    }
  }
  if (!investor) {
    const subj = st.ms.find((x) => isCountry(x) && x.start < trig && !x.adjective && countryOf(x.id) !== recipient);
    if (
      subj &&
      /\b(invest(s|ed|ing)?|will invest|pledged|committed|provid(e|es|ed|ing)|will provide|allocate[sd]?|lend|lent|extend(s|ed|ing)?|grant(s|ed)?|financ(e|es|ed|ing)|put|poured|pumped)\b/.test(
        st.lo.slice(subj.end - st.start, trig - st.start + 12),
      )
    )
      investor = subj.id;
  }
  // "Qatari investment in the Russian economy": the nationality of the investment itself.
  if (!investor) {
    const own = st.ms.find((x) => isCountry(x) && x.adjective && x.end <= trig && trig - x.end <= 2 && countryOf(x.id) !== recipient);
    if (own) investor = own.id;
  }
  // "Indian companies have invested", "Chinese investors poured": the country of the businesses named by a nationality.
  if (!investor) {
    const adj = st.ms.find(
      (x) =>
        isCountry(x) &&
        x.adjective &&
        x.end < trig &&
        countryOf(x.id) !== recipient &&
        /^\s+(?:state-owned\s+|private\s+|sovereign\s+|state\s+)?(?:companies|firms|investors|businesses|enterprises|corporations|funds|wealth\s+funds)\b/.test(
          st.lo.slice(x.end - st.start),
        ),
    );
    if (adj) investor = adj.id;
  }
  if (!investor && env.lastLender && /\bthe\s+(lender|bank)\b/.test(st.lo.slice(0, trig - st.start))) investor = env.lastLender;
  if (!investor && env.lastCompany && /\b(the (project|company|group|firm|investment|plant))\b/.test(st.lo)) {
    investor = env.lastCompany;
    indirect = true;
  }
  // "... in the Central Asian country": the country the sentence named before, not the investor's.
  if (!recipient && /\bin\s+the\s+(?:[\w-]+\s+){0,3}(?:country|nation|republic|state)\b/.test(st.lo.slice(trig - st.start))) {
    const named = [...st.ms]
      .reverse()
      .find(
        (x) => isCountry(x) && !x.adjective && x.start < trig && !investorHome.has(countryOf(x.id) ?? '') && countryOf(x.id) !== investor,
      );
    if (named) recipient = countryOf(named.id);
  }
  if (!recipient) {
    const first = st.ms.find(
      (x) =>
        (isCountry(x) || (x.kind === 'place' && countryOf(x.id))) &&
        x.id !== investor &&
        !investorHome.has(x.id) &&
        !investorHome.has(countryOf(x.id) ?? ''),
    );
    recipient = first ? countryOf(first.id) : undefined;
  }
  if (!recipient && env.pair && investorHome.size) {
    recipient = env.pair.find((p) => !investorHome.has(p));
    indirect = true;
  }
  if (!recipient) return;
  const base: Record<string, unknown> = { recipient };
  if (investor && investor !== recipient) base.investor = investor;
  const fromTo = /\bfrom\s+([^\s]+(?:\s+(?:billion|million|bn|mln|trillion))?)\s+to\s+/.exec(st.lo);
  if (weak && !investor && !/\binvest/.test(st.lo) && !fromTo) return;
  let amount: MoneyExpr | undefined;
  let prev: MoneyExpr | undefined;
  if (fromTo && st.money.length >= 2) {
    const a = st.money.findIndex((x) => x.start >= st.start + fromTo.index);
    if (a >= 0 && st.money[a + 1]) {
      prev = st.money[a];
      amount = st.money[a + 1];
    }
  }
  // The amount nearest the trigger ("trade stood at $4.2 billion and companies invested $3.7 billion" is the
  // second); one described as a running total ("bringing its total investment to") is not this investment.
  // A figure before the trigger weighs double: "trade reached $5.5 billion ... and Indian investment has crossed
  // $2.2 billion" invests the second; and a figure trade reached is trade's.
  const dist = (x: MoneyExpr) => (x.start >= trig ? x.start - trig : 2 * (trig - x.end));
  amount ??= st.money
    .filter((x) => {
      const before = st.lo.slice(Math.max(0, x.start - st.start - 40), x.start - st.start);
      return (
        (x.start >= trig ? x.start - trig : trig - x.end) < 160 &&
        !/\b(total|totals|overall|cumulative|bringing)\b[^$]*$/.test(before) &&
        !(x.end <= trig && /\b(?:trade|turnover|exports?|imports?)\s+(?:[\w-]+\s+){0,3}$/.test(before))
      );
    })
    .sort((a, b) => dist(a) - dist(b))[0];
  // "$3 billion in African logistics hubs": money spread over a region has no single recipient.
  if (
    amount &&
    /^\s+(?:in|into|across|throughout)\s+(?:the\s+)?(?:african|asian|european|latin american|arab|gulf|middle eastern|central asian|southeast asian|regional|global|overseas|foreign|several|various|multiple|other|\w+\s+countries|the region|emerging)\b/.test(
      st.lo.slice(amount.end - st.start),
    )
  )
    return;
  if (amount) base.amount = { value: amount.value, currency: amount.currency };
  if (prev) base.previous_amount = { value: prev.value, currency: prev.currency };
  const when = nearestTime(env, trig);
  const projects = projectPhrases(st, st.start, st.end).filter((p) => !/^(investment|the)\b/i.test(p.name));
  const cap = st.caps.find((c) => c.unit === 'MW');
  const each = cap && /\beach\b/.test(st.lo.slice(Math.max(0, cap.start - st.start - 30), cap.start - st.start));
  const conf = indirect ? 0.7 : 0.82;
  // "will invest $500 million": announced money is a planned investment.
  const plannedInv = /\b(will|shall|is to|are to|is set to|are set to|is due to)\s+(?:\w+\s+)?$/.test(pre);
  if (each && cap) {
    let names = projects.filter((p) => p.start < cap.start).map((p) => p.name);
    const pl = PLURAL_HEADS.exec(st.orig);
    if (names.length < 2 && pl) {
      const mid = pl[3].trim();
      const head = pl[4].replace(/ies$/, 'y').replace(/s$/, '');
      names = [pl[1], pl[2]].map((n) => [n, mid, head].filter(Boolean).join(' '));
    }
    if (names.length >= 2) {
      // The sum is the whole's, not each plant's.
      const { amount: _whole, ...each } = base;
      for (const n of names) {
        emit(
          env,
          'investment',
          { ...each, project: projectId(env.doc, n), capacity: { value: cap.value, unit: cap.unit } },
          conf,
          when,
          plannedInv ? { status: 'planned' } : {},
        );
      }
      return;
    }
  }
  if (!amount && !cap) return;
  const args = { ...base };
  if (cap) args.capacity = { value: cap.value, unit: cap.unit };
  const proj = projects.find((p) => !/^project$/i.test(p.name)) ?? projects[0];
  if (proj) args.project = projectId(env.doc, proj.name);
  emit(env, 'investment', args, conf, when, plannedInv ? { status: 'planned' } : {});
}

// ---------------------------------------------------------------- trade
const TRADE_RE =
  /(?<!-)\b(trade turnover|turnover of trade|turnover with|turnover of|purchases from|purchases of|shipments to|shipments|sales to|deliveries to|goods turnover|commodity turnover|bilateral trade|trade volume|volume of trade|volume of bilateral trade|mutual trade|two-way trade|trade between|trade with|trade\s+(?:of|worth)|trade\s+(?:reached|reaching|amounted|amounting|totaled|totalled|totaling|stood|standing|grew|rose|increased|exceeded|hit|climbed)|exports?|imports?|exported|imported)\b/g;

// A country's trade with the world, not with a partner: "overall foreign trade turnover reached ...".
const WORLD_TRADE =
  /\b(?:overall|total|aggregate)\s+(?:foreign\s+|external\s+)?(?:merchandise\s+|goods\s+)?trade\b|\b(?:foreign|external)\s+(?:merchandise\s+|goods\s+)?trade\s+turnover\b/;
const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_RANGE = new RegExp(
  `\\b(${MONTHS_EN.join('|')})\\s*(?:-|–|to|through)\\s*(${MONTHS_EN.join('|')})(?:\\s+(?:of\\s+)?((?:19|20)\\d\\d))?\\b`,
);

/** "January-September 2024": the period, and the year as the figure's date (a half year is "2024-H1"). */
function monthRange(env: Env, text: string): { period: string; when: When } | undefined {
  // "the first nine months of 2025", "in the third quarter", "the first half of the year".
  const n = /\b(?:the\s+)?first\s+(three|six|nine|ten|eleven)\s+months(?:\s+of\s+((?:19|20)\d\d))?/.exec(text);
  const q = /\b(?:the\s+)?(first|second|third|fourth)\s+quarter(?:\s+of\s+((?:19|20)\d\d))?/.exec(text);
  const h = /\b(?:the\s+)?(first|second)\s+half(?:\s+of\s+((?:19|20)\d\d))?/.exec(text);
  const y0 = (n?.[2] ?? q?.[2] ?? h?.[2] ?? env.doc.published?.slice(0, 4)) as string | undefined;
  if (y0 && (n || q || h)) {
    const months: Record<string, number> = { three: 3, six: 6, nine: 9, ten: 10, eleven: 11 };
    const period = n
      ? months[n[1]] === 6
        ? `${y0}-H1`
        : `${y0}-01/${String(months[n[1]]).padStart(2, '0')}`
      : q
        ? `${y0}-Q${['first', 'second', 'third', 'fourth'].indexOf(q[1]) + 1}`
        : `${y0}-H${h![1] === 'first' ? 1 : 2}`;
    return { period, when: { value: y0, precision: 'year' } };
  }
  const r = MONTH_RANGE.exec(text);
  if (!r) return undefined;
  const a = MONTHS_EN.indexOf(r[1]) + 1;
  const b = MONTHS_EN.indexOf(r[2]) + 1;
  const y = r[3] ?? env.doc.published?.slice(0, 4);
  if (!y || b <= a) return undefined;
  const period =
    a === 1 && b === 6
      ? `${y}-H1`
      : a === 7 && b === 12
        ? `${y}-H2`
        : a === 1 && b === 12
          ? y
          : `${y}-${String(a).padStart(2, '0')}/${String(b).padStart(2, '0')}`;
  return { period, when: { value: y, precision: 'year' } };
}

/** The country most of the document's trade figures so far are of: the one a statistics note reports on. */
/**
 * A statistics note from a country's statistics office or customs ("Turkish Statistical Institute", "Kazakhstan's
 * Bureau of National Statistics") reports that country's trade, near its start.
 */
const STATS_OFFICE_AFTER =
  /^(?:['’]s)?\s+(?:(?:national|state|general|main|federal|central)\s+)*(?:statistic(?:s|al)\s+(?:institute|office|agency|committee|service|bureau)|bureau\s+of\s+(?:national\s+)?statistics|customs\s+(?:administration|service|committee|office))\b/;

function statisticsOffice(doc: Doc): string | undefined {
  if (!/statistic|customs/.test(doc.lower.slice(0, 600))) return undefined;
  for (const m of doc.ents.mentions) {
    if (m.start > 600) break;
    if (m.kind !== 'country') continue;
    if (STATS_OFFICE_AFTER.test(doc.lower.slice(m.end, m.end + 60))) return m.id;
  }
  return undefined;
}

function reportingCountry(env: Env): string | undefined {
  const n = new Map<string, number>();
  for (const f of env.facts) if (f.type === 'trade') for (const p of f.args.parties as string[]) n.set(p, (n.get(p) ?? 0) + 1);
  let best: string | undefined;
  for (const [id, k] of n) if (!best || k > n.get(best)!) best = id;
  return env.doc.tradeReporter ?? best;
}

function trade(env: Env): void {
  const { st } = env;
  if (st.money.length === 0) return;
  if (WORLD_TRADE.test(st.lo) && !/\b(?:with|to|from)\s+(?:the\s+)?[a-z]/.test(st.lo.slice(st.lo.search(WORLD_TRADE)).split(/[,;]/)[0])) {
    // "Georgia's external trade turnover reached ...": the note's reporting country, whose partners follow.
    const at = st.start + st.lo.search(WORLD_TRADE);
    const owner = [...st.ms].reverse().find((x) => isCountry(x) && x.end <= at && at - x.end <= 4);
    env.doc.tradeReporter ??= owner?.id;
    if (owner) env.doc.tradePeriod ??= monthRange(env, st.lo);
    return;
  }
  TRADE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const used = new Set<MoneyExpr>();
  while ((m = TRADE_RE.exec(st.lo)) !== null) {
    if (/\binvest/.test(st.lo.slice(0, m.index)) && !/\btrade\b/.test(st.lo.slice(0, m.index + 12))) return;
    // A company's "turnover of $5 million" is no trade: only a trading partner's or a trade figure's.
    if (m[1] === 'turnover of' && !/\btrad(?:e|ing)\b/.test(st.lo)) continue;
    // "Washington's export credit agency", "the Export-Import Bank": a lender, not a trade figure.
    if (/^exports?\s+(?:credit|finance|financing|guarantee|-?import\s+bank)/.test(st.lo.slice(m.index))) continue;
    const trig = st.start + m.index;
    if (negatedOrHypothetical(st, trig, '', 40)) continue;
    const amount = st.money.find((x) => x.start > trig && !used.has(x) && x.start - trig < 140);
    if (!amount) continue;
    const between = st.lo.slice(m.index, amount.start - st.start);
    if (/[;]/.test(between) || TRADE_RE.test(between.slice(m[0].length))) {
      TRADE_RE.lastIndex = m.index + m[0].length;
      continue;
    }
    TRADE_RE.lastIndex = m.index + m[0].length;
    const pre = clauseWindow(st, trig, 60);
    // "increased by 15.5 percent last year to reach $4.8 billion" is a result; "aims to reach" a target.
    const result = /\b(?:rose|grew|increased|climbed|jumped|fell|declined|dropped|decreased)\b[^.;]{0,50}\bto reach\b/.test(between);
    if (
      MODAL.test(between) ||
      (!result && /\b(target|goal|aim|aims|to reach|to raise|to increase|to boost|to double|could|would)\b/.test(between + ' ' + pre)) ||
      (result && /\b(target|goal|aims?|could|would)\b/.test(between + ' ' + pre)) ||
      /^\s*by\s+20[3-9]\d/.test(st.lo.slice(amount.end - st.start))
    )
      continue;
    used.add(amount);
    const metric = /export|shipments|sales|deliveries/.test(m[1])
      ? 'exports'
      : /import|purchases/.test(m[1])
        ? 'imports'
        : 'trade_turnover';
    // Parties: countries in this clause, nearest the trigger first.
    const clauseStart = Math.max(
      0,
      st.lo.lastIndexOf(';', m.index),
      st.lo.lastIndexOf(' while ', m.index),
      st.lo.lastIndexOf(' whereas ', m.index),
    );
    const parties: string[] = [];
    for (const x of st.ms) {
      if (!isCountry(x) || x.start < st.start + clauseStart || x.start > amount.end + 40) continue;
      // ", whereas China ranked first in imports": a new clause, its own figure's.
      if (x.start > amount.end && /[,;]\s*(?:whereas|while|but)\b/.test(st.lo.slice(amount.end - st.start, x.start - st.start))) continue;
      // "$900 million came from China and $250 million from Georgia": Georgia is the next figure's.
      // "..., ahead of Hong Kong with $350 million": so is a country right before a later figure.
      if (
        x.start > amount.end &&
        st.money.some(
          (y) =>
            (y.start >= amount.end && y.end <= x.start) ||
            (y.start > x.end && /^\s+with\s+$/.test(st.lo.slice(x.end - st.start, y.start - st.start))),
        )
      )
        continue;
      if (!parties.includes(x.id)) parties.push(x.id);
    }
    // "Trade with South Korea reached $66.2 billion, and trade with Japan $37.0 billion": the country the
    // trigger governs is this figure's partner; those after its amount are the next figures'.
    const governed = new RegExp(
      `^(?:${m[1].endsWith(' with') || m[1].endsWith(' to') || m[1].endsWith(' from') ? '' : '\\s+(?:with|to|from)'})\\s+(?:the\\s+)?$`,
    );
    const partner = st.ms.find(
      (x) =>
        isCountry(x) &&
        !x.adjective &&
        x.start >= trig + m![0].length &&
        governed.test(st.lo.slice(m!.index + m![0].length, x.start - st.start)),
    );
    if (partner && partner.start < amount.start) {
      for (let k = parties.length - 1; k >= 0; k--) {
        if (parties[k] === partner.id) continue;
        const x = st.ms.find((y) => y.id === parties[k] && isCountry(y) && !y.adjective);
        // Before the trigger only its owner stays ("Vietnam's trade with China"), not an earlier figure's partner.
        const owner = x && x.end <= trig && /^['’]s\s+(?:[\w-]+\s+){0,2}$/.test(st.orig.slice(x.end - st.start, trig - st.start));
        if (x && (x.start > amount.end || (x.end <= trig && !owner))) parties.splice(k, 1);
      }
    }
    // A statistics note's partner figure ("Germany was the main partner country for exports with $10.6 billion"):
    // the note's country and the partner.
    const noteOf = env.doc.tradeReporter;
    if (noteOf && parties.length === 1 && parties[0] !== noteOf) parties.unshift(noteOf);
    // "imports from Bangladesh" after "India's exports to Bangladesh": the reporting country carries over.
    if (parties.length === 1 && metric !== 'trade_turnover') {
      const prevFact = env.facts.filter((f) => f.type === 'trade' && f.evidence.start === st.start).pop();
      const reporter = prevFact ? (prevFact.args.parties as string[])[0] : undefined;
      if (reporter && reporter !== parties[0]) parties.unshift(reporter);
    }
    let conf = 0.88;
    // "Exports from Kazakhstan rose to $13.2 billion" in an article about Kazakhstan and China.
    if (parties.length === 1 && metric !== 'trade_turnover' && env.pair?.includes(parties[0])) {
      parties.push(env.pair.find((p) => p !== parties[0])!);
      conf = 0.75;
    }
    // "Our trade with Japan", said by a minister interviewed: their country's.
    if (
      parties.length <= 1 &&
      env.pronoun?.id &&
      /\b(?:our\s+(?:\w+\s+){0,2}|we\s+(?:\w+\s+)?)$/.test(st.lo.slice(Math.max(0, m.index - 30), m.index + m[0].length - m[1].length))
    ) {
      const own = personCountry(env, env.pronoun.id);
      if (own && own !== parties[0]) parties.unshift(own);
      // "Our trade volume reached ..." with no partner named: the other of the article's two.
      if (own && parties.length === 1 && env.pair?.includes(own)) parties.push(env.pair.find((p) => p !== own)!);
    }
    // A statistics note names its reporting country once: "Exports to Türkiye fell to $2.1 billion" is its
    // figure. The reporter is the country in most of the trade figures read so far.
    const reporter = reportingCountry(env);
    const partnerOnly = (id: string) => {
      const x = st.ms.find((y) => y.id === id);
      return !!x && /\b(?:to|from|with)\s+(?:the\s+)?$/.test(st.lo.slice(Math.max(0, x.start - st.start - 10), x.start - st.start));
    };
    if (parties.length === 1 && reporter && reporter !== parties[0] && partnerOnly(parties[0])) {
      parties.unshift(reporter);
      conf = 0.72;
    }
    // The reporting country first: "exports to Russia" are the reporter's.
    if (parties.length === 2 && reporter && parties[1] === reporter) parties.reverse();
    // "Italy's statistics office said imports from Azerbaijan came to ...": the office's country reports this
    // figure, whatever the note reported before.
    const office = /statistic|customs/.test(st.lo)
      ? st.ms.find((x) => isCountry(x) && STATS_OFFICE_AFTER.test(st.lo.slice(x.end - st.start, x.end - st.start + 60)))
      : undefined;
    if (office && parties[0] !== office.id) {
      const other = partner?.id ?? parties.find((p) => p !== office.id);
      if (other && other !== office.id) parties.splice(0, parties.length, office.id, other);
    }
    if (
      parties.length < 2 &&
      env.pair &&
      /\b(two countries|both countries|two states|bilateral|the sides|two nations|mutual|two-way|our\s+(?:\w+\s+)?(?:trade|turnover))\b/.test(
        st.lo,
      )
    ) {
      for (const p of env.pair) if (!parties.includes(p)) parties.push(p);
      conf = 0.78;
    }
    if (parties.length < 2) continue;
    const args: Record<string, unknown> = {
      parties: parties.slice(0, 2),
      metric,
      amount: { value: amount.value, currency: amount.currency },
    };
    // "Last year our trade reached $27.8 billion, and in January-September it amounted to ...": each figure's
    // period is in its own clause when the sentence gives several.
    let scope = st.lo;
    const k = st.money.indexOf(amount);
    if (k >= 0) {
      const from = k > 0 ? st.money[k - 1].end - st.start : 0;
      const rest = st.lo.slice(amount.end - st.start);
      const cut = rest.search(/[;,]\s*(?:and|while|but|whereas)\s/);
      scope = st.lo.slice(from, amount.end - st.start + (cut >= 0 ? cut : rest.length));
    }
    const range = monthRange(env, scope);
    let when = range?.when ?? nearestTime(env, amount.start, false, false);
    if (range) args.period = range.period;
    else if (when && when.precision !== 'season') args.period = when.value;
    // "over the nine months", "in the same period": the period of the report's last figure.
    // "over the nine months": the report's nine-month figure's period, not the quarter read just before.
    const span = /\b(three|six|nine|ten|eleven)[- ]months?\b/.exec(st.lo)?.[1];
    const spanMonths: Record<string, string> = { three: '03', six: '06', nine: '09', ten: '10', eleven: '11' };
    const prev =
      (span &&
        env.facts.findLast(
          (f) =>
            f.type === 'trade' &&
            typeof f.args.period === 'string' &&
            (f.args.period.endsWith(`-01/${spanMonths[span]}`) || (span === 'six' && f.args.period.endsWith('-H1'))),
        )) ||
      env.facts.findLast((f) => f.type === 'trade');
    // A figure with no time of its own in a statistics note (its reporter known) is of the note's period.
    const undatedInReport = !when && reporter !== undefined;
    if (undatedInReport && env.doc.tradePeriod) {
      args.period = env.doc.tradePeriod.period;
      when = env.doc.tradePeriod.when;
    } else if (
      !range &&
      prev?.args.period &&
      (undatedInReport ||
        /\b(?:over|in|for|during)\s+the\s+(?:same\s+|reporting\s+|nine[- ]month\s+|six[- ]month\s+)?(?:period|(?:three|six|nine|ten|eleven)\s+months)\b/.test(
          st.lo,
        ))
    ) {
      args.period = prev.args.period;
      when = prev.when;
    }
    emit(env, 'trade', args, conf, when);
  }
  rankedTrade(env);
}

// A ranked list after a trade figure carries its metric, partner and year over:
// "... with trade reaching $43.8 billion. Uzbekistan followed with $13.8 billion, Turkmenistan placed third with $10.7 billion",
// "It was followed by Russia ($1.87 billion) and China ($1.44 billion)", "..., ahead of Kazakhstan with $573.4 million";
// and a figure's partner told after it in the same sentence: "$1.73 billion came from Türkiye and $1.35 billion from Russia".
const RANK_RE = /\b(?:followed|ranked|ranks|placed|came|was|were|stood|is|ahead\s+of|behind)\b[^,;$]{0,30}?\bwith\s*$/;
const RANKED_LIST = /\b(?:followed|next|then|ahead|behind|ranked|second|third|fourth|fifth)\b/;

function rankedTrade(env: Env): void {
  const { st } = env;
  // "Singaporean investors registered $4.1 billion, followed by South Korea with $3.2 billion" ranks investors.
  if (/\binvest/.test(st.lo)) return;
  const here = env.facts.filter((f) => f.type === 'trade' && f.evidence.start === st.start);
  const prev = here[here.length - 1] ?? [...env.facts].reverse().find((f) => f.type === 'trade');
  if (!prev || (!here.length && st.start - prev.evidence.end > 3)) return;
  const used = new Set(here.map((f) => (f.args.amount as { value: number }).value));
  const prevParties = prev.args.parties as string[];
  const partner = prevParties[1];
  const listed = RANKED_LIST.test(st.lo);
  let ranking = here.length > 0;
  for (const money of st.money) {
    if (used.has(money.value)) {
      ranking = true;
      continue;
    }
    const before = st.lo.slice(0, money.start - st.start);
    const after = st.lo.slice(money.end - st.start, money.end - st.start + 40);
    let c: Mention | undefined;
    // "..., the USA with $7.41 billion and Iraq with $6.1 billion": the list goes on after a ranked figure.
    const goesOn = ranking && listed && /(?:,|\band)\s+(?:the\s+)?[^,;$]{2,40}?\bwith\s*$/.test(before);
    if (RANK_RE.test(before) || goesOn || (listed && /\(\s*$/.test(before))) {
      c = [...st.ms].reverse().find((x) => isCountry(x) && x.end <= money.start && money.start - x.end < 45);
    } else if (here.length && /^\s+(?:(?:worth\s+of\s+goods|of\s+goods)\s+)?(?:from|to|with)\s+(?:the\s+)?/.test(after)) {
      c = st.ms.find((x) => isCountry(x) && x.start >= money.end && x.start - money.end < 30);
      if (
        c &&
        !/^\s+(?:(?:worth\s+of\s+goods|of\s+goods)\s+)?(?:from|to|with)\s+(?:the\s+)?$/.test(
          st.lo.slice(money.end - st.start, c.start - st.start),
        )
      )
        c = undefined;
    }
    if (!c) continue;
    // The ranked countries are the reporter's partners when a statistics note reports one country's foreign
    // trade; otherwise they rank as the previous figure's first party did ("China's trade with Kazakhstan ...").
    const reporter = env.doc.tradeReporter;
    const parties = (reporter && prevParties[0] === reporter) || here.length ? [prevParties[0], c.id] : [c.id, partner];
    if (parties[0] === parties[1]) continue;
    const args: Record<string, unknown> = {
      parties,
      metric: prev.args.metric,
      amount: { value: money.value, currency: money.currency },
    };
    if (prev.args.period) args.period = prev.args.period;
    emit(env, 'trade', args, 0.7, prev.when);
    used.add(money.value);
    ranking = true;
  }
}

// ---------------------------------------------------------------- summit
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  inaugural: 1,
};

function formatName(env: Env, uptoRel: number): { name: string; org?: string } | undefined {
  // "China - Central Asia" style compounds of two named parties.
  const { st } = env;
  let found: { name: string; org?: string } | undefined;
  const ms = st.ms.filter((x) => x.start - st.start < uptoRel);
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i];
    const b = ms[i + 1];
    const gap = st.orig.slice(a.end - st.start, b.start - st.start);
    if (/^\s*-\s*$/.test(gap) && a.kind !== 'person' && b.kind !== 'person') {
      const an = env.doc.text.slice(a.start, a.end);
      const bn = env.doc.text.slice(b.start, b.end);
      found = { name: `${displayName(a) ?? an}–${displayName(b) ?? bn}` };
    }
  }
  return found;
}

function displayName(m: Mention): string | undefined {
  if (m.kind === 'country' && m.adjective) return KNOWN.get(m.id)?.name;
  if (m.kind === 'org') return undefined;
  return undefined;
}

function summits(env: Env, lastFormat: { name: string; org?: string } | undefined): { name: string; org?: string } | undefined {
  const { st } = env;
  // The Commonwealth calls its summit a "Heads of Government Meeting" (CHOGM).
  const re = /\bsummits?\b|\bheads of government meeting\b|\bchogm\b/g;
  let m: RegExpExecArray | null;
  let current = formatName(env, st.end - st.start) ?? lastFormat;
  while ((m = re.exec(st.lo)) !== null) {
    const rel = m.index;
    const trig = st.start + rel;
    const pre = st.lo.slice(Math.max(0, rel - 60), rel);
    const modal =
      /\b(could|(?<!\b(?:in|on|of|since|until|till|by|from|to|early|late|mid|last|next|this|during|through|between|before|after)[\s-])may(?!\s+\d)(?!\s+(?:19|20)\d\d)|might|would|possibly|proposed|propose|if|whether|consider)\b/;
    if (modal.test(clauseWindow(st, trig, 50)) || modal.test(st.lo.slice(rel, rel + 50))) continue;
    if (NEG.test(clauseWindow(st, trig, 30)) || /\b(not|never)\b/.test(st.lo.slice(rel, rel + 30))) continue;
    // "invited Modi to visit Russia to take part in the summit" states an invitation; "invited leaders to the summit in Kazan" states the summit.
    if (/\binvit(?:ed|es|ing|ation)\b[^;]*\bto\s+(?:visit|participate|take part|attend)\b/.test(st.lo.slice(0, rel))) continue;
    // "the Russia-US summit": two countries joined by a dash make a one-off meeting of their leaders, not a recurring summit.
    const two = st.ms.filter((x) => x.end <= trig && trig - x.end < 4 + 30 && isCountry(x)).slice(-2);
    if (
      two.length === 2 &&
      two[0].id !== two[1].id &&
      /^\s*-\s*$/.test(st.orig.slice(two[0].end - st.start, two[1].start - st.start)) &&
      /^\s*$/.test(st.lo.slice(two[1].end - st.start, rel)) &&
      !/\b(annual|\d+(st|nd|rd|th)|first|second|third|next)\s+$/.test(st.lo.slice(0, two[0].start - st.start))
    ) {
      if (modality(st, trig, '', 40) !== 'fact') continue;
      const lead = subjectBefore(env, two[0].start, false);
      const parts = [two[0].id, two[1].id].map((c) => (lead && personCountry(env, lead.id) === c ? lead.id : c));
      const margs: Record<string, unknown> = { participants: parts };
      const pl = [...st.ms].reverse().find((x) => x.kind === 'place' && x.end <= two[0].start);
      if (pl) margs.place = pl.id;
      emit(env, 'meeting', margs, 0.7, nearestTime(env, trig));
      continue;
    }
    // Name: what directly precedes "summit".
    let name: string | undefined;
    let org: string | undefined;
    const immediate = st.ms.filter(
      (x) =>
        x.end <= trig &&
        x.kind !== 'person' &&
        /^\)?\s*(-?\s*|leaders'?\s+|heads of state\s+|ministerial\s+|annual\s+|extraordinary\s+|emergency\s+|jubilee\s+)$/.test(
          st.lo.slice(x.end - st.start, rel),
        ),
    );
    const localFormat = formatName(env, rel);
    if (m[0] === 'chogm') {
      name = 'Commonwealth Heads of Government Meeting';
      org = 'org:commonwealth';
    }
    if (
      localFormat &&
      /\s*-?\s*$/.test(pre) &&
      st.lo.slice(0, rel).trimEnd().length - (localFormat ? 0 : 0) >= 0 &&
      immediate.length &&
      st.orig.slice(immediate[0].start - st.start - 3, immediate[0].start - st.start).includes('-')
    ) {
      name = localFormat.name + ' summit';
      current = localFormat;
    } else if (immediate.length && !name) {
      const im = immediate[0];
      const surface = env.doc.text.slice(im.start, im.end);
      if (im.kind === 'org') {
        org = im.id;
        name = `${surface} summit`;
      } else if (im.kind === 'country' && im.adjective) {
        // "the Chinese city" style adjectives do not name a summit; "EU-China" compounds handled above.
        name = `${surface} summit`;
      } else if (im.kind === 'place') {
        name = `${surface} summit`;
      }
    }
    // "concluded its leaders' summit": the organisation the sentence is about.
    if (
      !name &&
      /\b(its|the bloc's|the group's|the organization's|the organisation's|the alliance's|the union's|the association's|the forum's)\s+(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:(?:19|20)\d\d\s+)?((?:leaders'?|annual|heads of state|ordinary|extraordinary|regular|next|previous|last|upcoming|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth)\s+){0,2}$/.test(
        pre,
      )
    ) {
      // "the alliance's July 2023 summit": the body the sentence, or else the article, names.
      const orgs = env.doc.ents.mentions.filter((x) => x.kind === 'org' && x.source !== 'company');
      const o =
        [...st.ms].reverse().find((x) => x.kind === 'org' && x.end <= trig) ??
        st.ms.find((x) => x.kind === 'org' && x.source !== 'company') ??
        orgs.sort((a, b) => orgs.filter((x) => x.id === b.id).length - orgs.filter((x) => x.id === a.id).length)[0];
      if (o) {
        org = o.id;
        name = `${KNOWN.get(o.id)?.aliases.find((a) => /^[A-Z]{2,6}$/.test(a)) ?? env.doc.text.slice(o.start, o.end)} summit`;
      }
    }
    // "the 16th Summit of Heads of State of the SCO", "a Summit of Leaders of ASEAN".
    if (!name) {
      const ofOrg =
        /^summits?\s+of\s+(?:the\s+)?(?:(?:council of\s+)?heads of (?:state|government)(?:\s+and government)?|leaders|heads)?\s*(?:of\s+)?(?:the\s+)?(?:member states of\s+(?:the\s+)?)?$/;
      const o = st.ms.find(
        (x) => x.kind === 'org' && x.start > trig && x.start - trig < 70 && ofOrg.test(st.lo.slice(rel, x.start - st.start)),
      );
      if (o) {
        org = o.id;
        name = `${env.doc.text.slice(o.start, o.end)} summit`;
      }
    }
    // "the World Government Summit": a proper name in title case.
    if (!name && st.orig[rel] === 'S') {
      const tm = /((?:[A-Z][\w'-]+\s+(?:of\s+|and\s+|for\s+)?){1,5})$/.exec(st.orig.slice(Math.max(0, rel - 70), rel));
      if (tm && rel - tm[1].length > 0 && !/^(The|A|An|In|At|On|This|That)\s/.test(tm[1])) name = tm[1].trim() + ' Summit';
    }
    // "NATO leaders will gather in Washington in July for a summit": the body whose leaders gather.
    if (!name) {
      const o = [...st.ms]
        .reverse()
        .find(
          (x) =>
            x.kind === 'org' &&
            x.source !== 'company' &&
            x.end <= trig &&
            /^\s+leaders\s+(?:will\s+|are\s+to\s+|are\s+due\s+to\s+)?(?:gather|meet|convene|assemble)(?:s|d)?\b[^;]*$/.test(
              st.lo.slice(x.end - st.start, rel),
            ),
        );
      if (o) {
        org = o.id;
        name = `${env.doc.text.slice(o.start, o.end)} summit`;
      }
    }
    // "for the annual summit" of the two countries the article is about.
    if (!name && /\bannual\s+$/.test(pre) && env.pair) {
      name = `${KNOWN.get(env.pair[0])?.name}–${KNOWN.get(env.pair[1])?.name} annual summit`;
    }
    if (
      (!name && /\b(this|that|the same|their|the)\s+(\w+\s+)?(format|forum|mechanism)\b/.test(st.lo.slice(rel, rel + 40))) ||
      (!name && /\b(second|third|first|next|fourth|fifth|\d+(st|nd|rd|th))\s+$/.test(pre))
    ) {
      if (current) {
        name = current.name + ' summit';
        org = current.org;
      }
    }
    // "The 22nd summit was held in Moscow" after "the 23rd annual summit": the series the article has named.
    if (!name && /\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|previous|last|next)\s+$/.test(pre)) {
      // "... at the previous summit in Abuja": the series just named, numbered or a body's.
      const series = [...env.facts]
        .reverse()
        .find(
          (f) => f.type === 'summit' && (f.args.ordinal !== undefined || (/\b(?:previous|last|next)\s+$/.test(pre) && f.args.organization)),
        );
      if (series) {
        name = String(series.args.name);
        org = series.args.organization as string | undefined;
      }
    }
    if (!name) continue;
    // Place: "in (the city of) X" after the trigger, or a place named in the summit name.
    let place: string | undefined;
    const after = st.ms.filter((x) => x.start > trig && (x.kind === 'place' || (isCountry(x) && !x.adjective)));
    for (const x of after) {
      const gap = st.lo.slice(trig - st.start, x.start - st.start);
      // "..., and the second edition will take place in Addis Ababa": another clause, another summit.
      // "... for the bloc's summit, ..., who took over at the previous summit in Accra": another summit's place.
      if (gap.length > 90 || /[;]|,\s*(?:and|but|while|whereas)\s/.test(gap) || /\bsummits?\b/.test(gap.slice(6))) break;
      if (/\b(in|at|hosted by|host)\s+(the\s+)?((\w+\s+)?(city|capital|resort|town)\s+of\s+)?$/.test(gap.slice(-40))) {
        place = x.id;
        break;
      }
      if (isCountry(x) && /\b(in|at)\s+(the\s+)?\w+\s+(city|capital)\s+of\s+$/.test(gap.slice(-40))) continue;
    }
    if (!place) {
      // "Leaders gathered in Astana for the SCO summit", "Modi came to Kazan for the BRICS summit".
      const pre2 = st.ms.filter(
        (x) =>
          x.end <= trig &&
          trig - x.end < 60 &&
          (x.kind === 'place' || (isCountry(x) && !x.adjective)) &&
          /\b(?:gather(?:ed|s)?|met|meets?|meeting|convene[ds]?|assemble[ds]?|arrived)\s+in\s+(?:the\s+)?$|\b(?:came|comes|travell?ed|went|flew|headed)\s+to\s+(?:the\s+)?$/.test(
            st.lo.slice(Math.max(0, x.start - st.start - 30), x.start - st.start),
          ) &&
          /^\s+(?:(?:on|in|last|this)\s+\w+(?:\s+\d{1,4})?,?\s+)?(?:for|at|to\s+attend)\s+(?:the|a|an)\s+/.test(
            st.lo.slice(x.end - st.start, rel),
          ),
      );
      if (pre2.length) place = pre2[pre2.length - 1].id;
    }
    // "met Pezeshkian in Kazan in October 2024 on the sidelines of the BRICS summit": the place of the meeting.
    if (!place && /\b(?:on|at)\s+the\s+(?:sidelines|margins)\s+of\s+(?:the|a|an|its)\s+(?:[\w'-]+\s+){0,4}$/.test(pre)) {
      const cut = rel - pre.length + pre.search(/\b(?:on|at)\s+the\s+(?:sidelines|margins)/);
      const inX = [...st.ms]
        .reverse()
        .find(
          (x) =>
            x.kind === 'place' &&
            x.end <= st.start + cut &&
            st.start + cut - x.end < 40 &&
            /\bin\s+$/.test(st.lo.slice(Math.max(0, x.start - st.start - 4), x.start - st.start)) &&
            !/[;]/.test(st.lo.slice(x.end - st.start, cut)),
        );
      if (inX) place = inX.id;
    }
    if (!place) {
      // A city in the name (the "Astana summit"), never a region ("the EU–Central Asia summit" is not in Central Asia).
      const named = immediate.find((x) => x.kind === 'place' && countryOf(x.id) !== undefined);
      if (named) place = named.id;
      const host = st.ms.find(
        (x) =>
          (x.kind === 'place' || (isCountry(x) && !x.adjective)) &&
          x.end <= trig &&
          /^\s+(will\s+host|hosts|hosted|is\s+hosting|is\s+to\s+host)\b/.test(st.lo.slice(x.end - st.start)),
      );
      if (!place && host) place = host.id;
    }
    // "travel to Brazil for the annual summit": where the visit went.
    if (!place) {
      const v = st.ms.find(
        (x) =>
          (x.kind === 'place' || (isCountry(x) && !x.adjective)) &&
          x.end <= trig &&
          /\bvisit(?:ed|ing|s)?\s+$/.test(st.lo.slice(Math.max(0, x.start - st.start - 12), x.start - st.start)),
      );
      if (v) place = v.id;
    }
    // "a deal struck in Vilnius on the eve of the alliance's summit there": the place named before.
    if (!place && /^summits?\s+there\b/.test(st.lo.slice(rel))) {
      const before = [...st.ms].reverse().find((x) => (x.kind === 'place' || (isCountry(x) && !x.adjective)) && x.end <= trig);
      if (before) place = before.id;
    }
    // "... in Kazan, where Putin hosted a BRICS summit": the place the relative clause hangs on.
    if (!place) {
      const where = [...st.ms]
        .reverse()
        .find(
          (x) =>
            (x.kind === 'place' || (isCountry(x) && !x.adjective)) && x.end <= trig && /^,\s*where\b/.test(st.lo.slice(x.end - st.start)),
        );
      if (where) place = where.id;
    }
    // An article datelined in a city reports its summit from there; not its headline, which the body may
    // place elsewhere ("... on sidelines of BRICS Summit" over "NEW DELHI: ... at the summit in Kazan").
    if (!place && env.doc.dateline && st.s.para > 0 && !/\b(next|upcoming|last|previous|earlier)\b/.test(pre)) place = env.doc.dateline;
    if (!place) continue;
    const args: Record<string, unknown> = { name, place };
    const om =
      /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|inaugural|(\d+)(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,3}$/.exec(
        pre + ' ',
      );
    // "attending his first AU summit" counts the person's summits, not the bloc's.
    const personal = om && /\b(?:his|her|my|your)\s+$/.test(pre.slice(0, om.index));
    if (om && !personal) {
      const ord = om[2] ? +om[2] : ORDINALS[om[1]];
      if (ord && om[0].split(/\s+/).length <= 5) args.ordinal = ord;
    }
    if (org) args.organization = org;
    // "who last travelled to Jakarta for the 43rd ASEAN Summit, is expected to ...": a trip told in the past
    // went to a summit that was; what follows it is about the traveller.
    const pastTrip = /\b(?:travell?ed|went|flew|came|attended|arrived)\b[^,;]*$/.test(clauseWindow(st, trig, 90));
    const clause = clauseWindow(st, trig, 40) + (pastTrip ? '' : st.lo.slice(rel, rel + 60).split(/;|,\s*(?:and|but|while|whereas)\s/)[0]);
    // "Heads of state will gather in Abuja on December 14 for the bloc's ordinary summit": the gathering is ahead.
    const gathering =
      /\bwill\s+(?:gather|meet|convene|assemble)\b[^.;]*$/.test(st.lo.slice(0, rel)) &&
      !pastTrip &&
      !/\b(?:previous|last|earlier|past)\s+$/.test(pre);
    const scheduled = (FUTURE.test(clause) || gathering) && !/\b(was|were|took place|had been)\b/.test(st.lo.slice(rel, rel + 40));
    const when = nearestTime(env, trig, scheduled);
    emit(env, 'summit', args, scheduled ? 0.72 : 0.86, when, scheduled ? { status: 'planned' } : {});
  }
  // "The first X summit was held in Xi'an; the second is to be held in Kazakhstan."
  const first = env.facts.filter((f) => f.type === 'summit' && f.evidence.start === st.start).pop();
  const el =
    /(?:;|,\s*and|,\s*while)\s+the\s+(second|third|fourth|fifth|next)\s+(?:(?:one|edition|summit|meeting|session)\s+)?(?:is|will|was|would)\b[^;.]*?\b(?:held|take place|convene|hosted)\s+(?:in|by)\s+/.exec(
      st.lo,
    );
  if (first && el && !/\b(could|may|might)\b/.test(el[0])) {
    const at = st.start + el.index + el[0].length;
    const pm = st.ms.find((x) => x.start >= at && x.start - at < 25 && (x.kind === 'place' || (isCountry(x) && !x.adjective)));
    if (pm) {
      const args: Record<string, unknown> = { name: first.args.name, place: pm.id };
      const ord = ORDINALS[el[1]];
      if (ord) args.ordinal = ord;
      if (first.args.organization) args.organization = first.args.organization;
      const scheduled = !/\bwas\b/.test(el[0]);
      emit(env, 'summit', args, scheduled ? 0.7 : 0.8, nearestTime(env, at, scheduled), scheduled ? { status: 'planned' } : {});
    }
  }
  return current;
}

// A body's sitting of heads of state named as a session: "The 67th Ordinary Session of the ECOWAS Authority of
// Heads of State and Government was held ... in Abuja", "decided to hold its 68th Ordinary Session in Abuja".
const SESSION_RE =
  /\b(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(\d+)(?:st|nd|rd|th))\s+)?(?:ordinary|extraordinary|regular|annual)\s+session\b(?:\s+of\s+the\s+([^.;,]{2,80}?)\b(?:authority|council|assembly|conference)\s+of\s+heads\s+of\s+state)?/g;

function sessions(env: Env): void {
  const { st } = env;
  SESSION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SESSION_RE.exec(st.lo)) !== null) {
    const trig = st.start + m.index;
    const end = trig + m[0].length;
    if (/\b(could|may|might|if|whether|proposed)\b/.test(clauseWindow(st, trig, 40))) continue;
    // The body: named in the phrase, else the one the text's summits or sessions are of ("its 68th Ordinary Session").
    const inPhrase = st.ms.find((x) => x.kind === 'org' && x.start >= trig && x.end <= end);
    const before = [...env.facts].reverse().find((f) => f.type === 'summit' && f.args.organization)?.args.organization as
      | string
      | undefined;
    const org =
      inPhrase?.id ?? (m[3] === undefined && /\b(its|the)\s+$/.test(st.lo.slice(Math.max(0, m.index - 6), m.index)) ? before : undefined);
    if (!org || !/heads of state|^(?:its)\b/.test(m[0] + ' ' + st.lo.slice(Math.max(0, m.index - 6), m.index).trim())) {
      if (!org || m[3] !== undefined) continue;
    }
    const place = placeAfter(env, end, Math.min(st.end, end + 60)) ?? env.doc.dateline;
    if (!place) continue;
    const args: Record<string, unknown> = {
      name: `${KNOWN.get(org)?.aliases.find((a) => /^[A-Z]{2,8}$/.test(a)) ?? org.slice(4).toUpperCase()} summit`,
      place,
      organization: org,
    };
    const ord = m[2] ? +m[2] : m[1] ? ORDINALS[m[1]] : undefined;
    if (ord) args.ordinal = ord;
    const scheduled =
      FUTURE.test(clauseWindow(st, trig, 40) + st.lo.slice(m.index, m.index + 80)) ||
      /\b(decided|agreed)\s+to\s+hold\s+(its|the)\s+$/.test(st.lo.slice(0, m.index));
    emit(env, 'summit', args, scheduled ? 0.7 : 0.8, nearestTime(env, end, scheduled), scheduled ? { status: 'planned' } : {});
  }
}

// ---------------------------------------------------------------- project milestone
const MILESTONE_RE = new RegExp(
  [
    '\\b(?:start|beginning|launch|commencement|kick-off)\\s+of\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:construction|works?)\\s+(?:work\\s+)?(?:of|on)\\b',
    '\\b(?:construction|work)\\s+(?:work\\s+)?(?:of|on)\\s+[^,;]{3,80}?\\s+(?:began|started|has\\s+begun|have\\s+begun|had\\s+begun|commenced|got\\s+under\\s*way|kicked\\s+off|is\\s+under\\s*way)\\b',
    '\\b(?:began|started|begun|commenced|launched|kicked\\s+off)(?:\\s*,[^,;]{2,40},)?\\s+(?:the\\s+)?construction\\s+(?:work\\s+)?(?:of|on)\\b',
    '\\b(?:broke|breaks)\\s+ground\\s+(?:(?:on|in)\\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\\w+\\s+\\d{1,2})\\s+)?(?:on|for)\\b',
    '\\bconstruction\\s+of\\s+which\\s+(?:began|started|has\\s+begun|commenced)\\b',
    '\\bcompleted\\s+(?:the\\s+)?construction\\s+(?:work\\s+)?(?:of|on)\\b',
    '\\b(?:began|begin|begins|start|started|starts|launched)\\s+(?:(?:commercial|cross-border|passenger|regular|freight|full|scheduled|serial|mass)\\s+)*(?:production|operations?|services|traffic|deliveries)\\b',
    '\\bagreed\\s+on\\s+the\\s+(?:project|construction|building)\\b',
    '\\bwhose\\s+construction\\s+(?:work\\s+)?(?:began|started|has\\s+begun|commenced|kicked\\s+off)\\b',
    '\\bgroundbreaking\\s+(?:ceremony\\s+)?(?:of|for)\\b',
    '\\b(?:inaugurated|commissioned|completed|opened)\\b',
    '\\b(?:inauguration|commissioning|completion|opening)\\s+(?:(?:last|this|earlier|in)\\s+(?:week|month|year|\\w+)\\s+)?of\\b',
    '\\b(?:went|came|was\\s+put|were\\s+put|entered)\\s+into\\s+(?:operation|service)\\b',
    '\\bbegan\\s+(?:commercial\\s+)?operations?\\b',
    '\\blaunched\\b|\\blaunch\\s+of\\b',
    '\\bagreed\\s+(?:to\\s+build|to\\s+construct|on\\s+the\\s+construction\\s+of)\\b',
    '\\b(?:trains|train|services|flights|ships|ferries)\\s+(?:began|started|have\\s+begun|begin|start)\\s+(?:running|operating|to\\s+run)\\b',
    '\\b(?:was|were|been|is|are)\\s+(?:connected|synchroni[sz]ed|hooked\\s+up)\\s+to\\s+(?:the\\s+)?(?:\\w+\\s+)?grid\\b',
    // A mine or gas field's first shipment: "loaded its first export cargo", "shipped its first cargo of LNG".
    '\\b(?:loaded|shipped|exported|delivered|sent)\\s+(?:its|their|the)\\s+(?:very\\s+)?first\\s+(?:export\\s+)?(?:cargo|shipment|consignment)\\b',
  ].join('|'),
  'g',
);

const SUBJ_GAP = new RegExp(
  `^\\s*(?:\\([a-z]+\\)\\s*)?(?:(?:${PROJECT_HEADS})\\s*)?(?:,[^,;]*,\\s*(?:(?:which|that)\\s+)?|,\\s*(?:which|that)\\s+|,\\s*)?(?:(?:was|were|has|have|had|been|be|is|are|will|scheduled|due|set|to|officially|finally|formally|also|just|recently|successfully)\\s+)*$`,
);

function stageOf(t: string): string {
  if (/^complet/.test(t)) return 'completed';
  if (
    /production|operation|services|traffic|deliveries|running|operating|to\s+run|grid|first\s+(?:export\s+)?(?:cargo|shipment|consignment)/.test(
      t,
    )
  )
    return 'launched';
  if (/construction|ground|^work|\bworks?\s+(?:of|on)\b/.test(t)) return 'construction_started';
  if (/agreed/.test(t)) return 'agreed';
  if (/launch/.test(t)) return 'launched';
  // An inaugurated, commissioned or opened project starts working: launched, as annotators of news read it
  // (decision 027); "completed" is the end of building.
  if (/^(?:inaugur|commission|open)/.test(t)) return 'launched';
  return 'completed';
}

function milestones(env: Env): void {
  const { st } = env;
  MILESTONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  const seen = new Set<string>();
  while ((m = MILESTONE_RE.exec(st.lo)) !== null) {
    const trig = st.start + m.index;
    if (negatedOrHypothetical(st, trig, m[0], 35)) continue;
    // "is due to begin production in 2026", "is scheduled to be completed by 2030": announced, so planned;
    // what is expected or would happen is a forecast.
    const ahead = clauseWindow(st, trig, 30);
    if (/\b(would|expected|could)\s+(to\s+)?(be\s+)?$/.test(ahead)) continue;
    const planned = /\b(will|(?:is|are|was|were)\s+(?:due|scheduled|set)\s+to|scheduled\s+to|due\s+to)\s+(be\s+)?$/.test(ahead);
    if (!planned && /\b(to|be|planned)\s+(be\s+)?$/.test(ahead)) continue;
    const stage = stageOf(m[0]);
    // The project: a proper-named phrase with a project head near the trigger.
    const candidates = projectPhrases(st, st.start, st.end).filter(
      (p) =>
        /[A-Z]/.test(p.name.slice(0, p.name.length - 1)) ||
        st.ms.some((x) => x.kind === 'project' && x.start <= p.start && x.end >= p.start),
    );
    let proj: { id: string; start: number; end: number; name: string } | undefined;
    let bestD = Infinity;
    // "the X plant, a 1,860 MW project of three countries, whose construction began": a relative clause's
    // project is its antecedent, before it and past any apposition.
    const relative = /^(whose|construction of which)/.test(m[0]);
    for (const p of candidates) {
      if (/^(the|a)\b/i.test(p.name)) continue;
      if (relative && p.start >= trig) continue;
      const d = p.start >= trig ? p.start - trig - m[0].length : trig - p.end;
      if (d < bestD && d < (relative ? 160 : 60)) {
        bestD = d;
        proj = { id: projectId(env.doc, p.name), ...p };
      }
    }
    // "the Afghan section of the TAPI gas pipeline": the milestone belongs to the whole project.
    if (proj && /(section|phase|segment|leg|stage)$/i.test(proj.name)) {
      const whole = candidates.find(
        (p) =>
          (p.start > proj!.end &&
            /^\s+of\s+(the\s+)?$/i.test(
              st.orig.slice(proj!.end - st.start, p.start - st.start).replace(/[A-Z][\w-]*(\s+\([A-Z]+\))?\s+(?=[a-z])/g, ''),
            )) ||
          (p.start > proj!.end && p.start - proj!.end < 90 && /^\s+of\s/.test(st.orig.slice(proj!.end - st.start))),
      );
      if (whole) proj = { id: projectId(env.doc, whole.name), ...whole };
    }
    // "The Colombo West International Terminal, an $800 million facility built by Adani Ports and Special
    // Economic Zone, began commercial operations": a verb without an object has the sentence's subject, past
    // its apposition.
    if (stage === 'launched' && !/^(?:launched|launch of)/.test(m[0])) {
      const first = candidates.find((p) => !/^(the|a)\b/i.test(p.name));
      if (
        first &&
        first.end <= trig &&
        first.start - st.start < 40 &&
        /^\s*,[^;]*,\s*(?:(?:has|have|had|also|finally|officially|formally)\s+)*$/.test(st.lo.slice(first.end - st.start, m.index))
      )
        proj = { id: projectId(env.doc, first.name), ...first };
    }
    const named = st.ms.find((x) => x.kind === 'project' && Math.abs(x.start - trig) < 60);
    if (!proj && named) proj = { id: named.id, start: named.start, end: named.end, name: env.doc.text.slice(named.start, named.end) };
    // "The X railway, which links ..., was completed in 1929": the subject is the project.
    const passive = /\b(was|were|has been|have been|had been)\s+$/.test(st.lo.slice(Math.max(0, m.index - 16), m.index));
    if (!proj && passive) {
      const first = candidates.find((p) => p.end <= trig && !/^(the|a)\b/i.test(p.name));
      if (first) proj = { id: projectId(env.doc, first.name), ...first };
    }
    if (!proj) continue;
    if (
      /^(launched|launch of)/.test(m[0]) &&
      /\b(attacks?|strikes?|missiles?|drones?|offensive|operation|investigation|probe|campaign|raids?|rockets?|shelling|assault)\b/.test(
        st.lo,
      )
    )
      continue;
    if (
      /^(launched|launch of)/.test(m[0]) &&
      !named &&
      !/(railway|line|corridor|pipeline|port|plant|park|route|service|bridge|airport|expressway|metro|sgr)$/i.test(proj.name)
    )
      continue;
    if (/^(opened|completed|inaugurated|commissioned)$/.test(m[0].trim())) {
      // The project must be what opened: its subject ("X, which ..., was completed") or its object ("inaugurated the X").
      const before = proj.end <= trig ? st.lo.slice(proj.end - st.start, m.index) : null;
      const afterGap = proj.start >= trig + m[0].length ? st.orig.slice(m.index + m[0].length, proj.start - st.start) : null;
      const subjOk =
        before !== null &&
        SUBJ_GAP.test(before) &&
        !/\b(about|featuring|depicting|showing|photos of|images of|film about|book about)\s+(?:the\s+)?$/.test(
          st.lo.slice(Math.max(0, proj.start - st.start - 25), proj.start - st.start),
        );
      const objOk = afterGap !== null && /^\s+(?:(?:the|a|an|new|first|second|its|their|[A-Z][\w'-]*)\s+)*$/.test(afterGap + ' ');
      if (!subjOk && !objOk) continue;
    }
    const key = proj.id + stage;
    if (seen.has(key)) continue;
    seen.add(key);
    const parties = [
      ...new Set(
        st.ms
          .filter((x) => (isCountry(x) || x.kind === 'place') && x.start >= proj!.start && x.end <= proj!.end)
          .map((x) => countryOf(x.id))
          .filter((c): c is string => !!c),
      ),
    ];
    const args: Record<string, unknown> = { project: proj.id, stage };
    if (parties.length) args.parties = parties;
    emit(env, 'project_milestone', args, planned ? 0.7 : 0.8, nearestTime(env, trig, planned), planned ? { status: 'planned' } : {});
  }
}

// ---------------------------------------------------------------- merging
function factKey(f: Fact): string {
  const a = f.args;
  const sorted = (x: unknown) => (Array.isArray(x) ? [...(x as string[])].sort().join(',') : String(x));
  switch (f.type) {
    case 'visit':
      return `visit|${a.visitor}|${a.host}`;
    case 'meeting':
      return `meeting|${sorted(a.participants)}`;
    case 'agreement':
      return `agreement|${sorted(a.parties)}|${a.title ?? ''}|${a.count ?? ''}`;
    case 'investment':
      // One sum from one investor to one country is one investment, however the headline and the lead name it.
      return a.amount
        ? `investment|${a.recipient}|${a.investor ?? ''}|${JSON.stringify(a.amount)}`
        : `investment|${a.recipient}|${a.investor ?? ''}|${a.project ?? ''}|${JSON.stringify(a.capacity ?? '')}`;
    case 'trade':
      return `trade|${sorted(a.parties)}|${a.metric}|${JSON.stringify(a.amount)}`;
    case 'summit':
      // The 46th and the 47th ASEAN summit in one city are two summits.
      return `summit|${slugify(String(a.name))}|${countryOf(String(a.place)) ?? a.place}|${f.status ?? ''}`;
    default:
      return `milestone|${a.project}|${a.stage}`;
  }
}

const titleWords = (t: unknown) =>
  String(t)
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean);

/** Two agreements naming one document: one title's words begin the other's (three words at least), parties shared. */
function sameDocument(a: Fact, b: Fact): boolean {
  if (typeof b.args.title !== 'string') return false;
  const [x, y] = [titleWords(a.args.title), titleWords(b.args.title)];
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length < 3 || short.some((w, i) => long[i] !== w)) return false;
  const pb = b.args.parties as string[];
  return (a.args.parties as string[]).some((p) => pb.includes(p));
}

/** Collapse repeated statements of one fact, keeping the first evidence and the richest arguments. */
function mergeFacts(facts: Fact[], generic: Set<Fact>): Fact[] {
  const out: Fact[] = [];
  const byKey = new Map<string, Fact>();
  for (const f of facts) {
    let k = factKey(f);
    let prev = byKey.get(k);
    // The 46th and the 47th ASEAN summit in one city are two summits; a headline's unnumbered one is either.
    if (
      prev &&
      f.type === 'summit' &&
      prev.args.ordinal !== undefined &&
      f.args.ordinal !== undefined &&
      prev.args.ordinal !== f.args.ordinal
    ) {
      k = `${k}|${f.args.ordinal}`;
      prev = byKey.get(k);
    }
    // A body's next summit in the city of its last ("will gather in Abuja ..., the previous summit in Abuja in
    // June"): one announced, one held, two summits.
    if (
      prev &&
      f.type === 'summit' &&
      !!prev.status !== !!f.status &&
      prev.when &&
      f.when &&
      prev.when.value.slice(0, 7) !== f.when.value.slice(0, 7)
    ) {
      k = `${k}|${f.status ?? 'held'}`;
      prev = byKey.get(k);
    }
    // Two trips of one person to one country told with two cities are two visits (and meetings); a date alone
    // does not tell them apart ("returned on Sunday after state visits to ..." dates the return).
    if (prev && (f.type === 'visit' || f.type === 'meeting') && prev.args.place && f.args.place && prev.args.place !== f.args.place) {
      k = `${k}|${f.args.place}`;
      prev = byKey.get(k);
    }
    // ... and so are trips of different years ("visited Saudi Arabia in January 2016" beside this week's visit).
    if (
      prev &&
      (f.type === 'visit' || f.type === 'meeting') &&
      prev.when &&
      f.when &&
      prev.when.value.slice(0, 4) !== f.when.value.slice(0, 4)
    ) {
      k = `${k}|${f.when.value.slice(0, 4)}`;
      prev = byKey.get(k);
    }
    if (!prev) {
      byKey.set(k, f);
      out.push(f);
      continue;
    }
    for (const [ak, av] of Object.entries(f.args)) if (!(ak in prev.args)) prev.args[ak] = av;
    if (!prev.when && f.when) prev.when = f.when;
    prev.confidence = Math.max(prev.confidence, f.confidence);
  }
  // One document named twice ("a treaty on permanent good-neighbourliness", then "the Treaty on Permanent
  // Good-Neighbourliness, Friendship and Cooperation"): one title begins the other, and the parties overlap.
  for (let i = out.length - 1; i >= 0; i--) {
    const f = out[i];
    if (f.type !== 'agreement' || typeof f.args.title !== 'string' || f.status) continue;
    const twin = out.find((g, j) => j !== i && g.type === 'agreement' && !g.status && sameDocument(f, g));
    if (!twin) continue;
    // The sentence with the fuller title stands: it names the document as the text does when it is precise.
    const [keep, drop] = String(twin.args.title).length >= String(f.args.title).length ? [twin, f] : [f, twin];
    for (const p of drop.args.parties as string[])
      if (!(keep.args.parties as string[]).includes(p)) (keep.args.parties as string[]).push(p);
    keep.when ??= drop.when;
    keep.args.count ??= drop.args.count;
    out.splice(out.indexOf(drop), 1);
  }
  // A bare "signed agreements" adds nothing next to a titled or counted one between the same parties.
  return out
    .filter((f) => {
      if (f.type !== 'agreement' || !generic.has(f) || f.args.domain) return true;
      const parties = [...(f.args.parties as string[])].sort().join(',');
      const other = out.find(
        (g) =>
          g !== f &&
          g.type === 'agreement' &&
          (g.args.title || g.args.count) &&
          [...(g.args.parties as string[])].sort().join(',') === parties,
      );
      if (other && !other.when && f.when) other.when = f.when;
      return !other;
    })
    .filter((f) => {
      // Same summit named once with a place and once with its country: keep the place.
      if (f.type !== 'summit') return true;
      if (
        out.some(
          (g) =>
            g !== f &&
            g.type === 'summit' &&
            g.args.name === f.args.name &&
            g.args.place !== f.args.place &&
            countryOf(String(g.args.place)) === f.args.place &&
            g.when?.value === f.when?.value,
        )
      )
        return false;
      // A headline's "Tianjin Summit" is the body's SCO summit in Tianjin: keep the one that names its organisation.
      return !(
        !f.args.organization &&
        f.status === undefined &&
        out.some(
          (g) =>
            g !== f &&
            g.type === 'summit' &&
            g.args.organization &&
            g.args.place === f.args.place &&
            g.status === undefined &&
            (!g.when || !f.when || g.when.value.slice(0, 7) === f.when.value.slice(0, 7)),
        )
      );
    });
}
