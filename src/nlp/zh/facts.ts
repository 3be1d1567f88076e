// Fact frames of Chinese news style over sentences with their mentions: visits (国事访问, 访华, 抵达, 赴),
// meetings (会谈, 会见, 通电话, 共同主持, 联委会), agreements (签署, 见证...签约), investment (对X投资),
// trade (贸易额, 进出口, 出口), summits (第二届中国—中亚峰会) and project milestones (开工, 建成, 通车).
import type { Fact, FactType, When } from '../types.js';
import { personById } from '../people.js';
import type { Anchor, DateHit } from './dates.js';
import { ahead, findDates } from './dates.js';
import { syllables, type Mention } from './entities.js';
import { COUNTRY_EN } from './lexicon.js';
import { findMoney, type MoneyHit, parseCount } from './numbers.js';
import type { Sentence } from './sentences.js';

export interface Doc {
  /** Original text (evidence is cut from it). */
  text: string;
  /** Folded text (all matching runs on it). */
  s: string;
  sents: Sentence[];
  mentions: Mention[];
  anchor?: Anchor;
  /** Date of the dateline, when the document has one. */
  dateline?: DateHit;
  /** Place of the dateline (a speech given in Astana). */
  datelinePlace?: string;
  /** Author of a speech or signed article. */
  speaker?: string;
  /** People who speak for others in this text (spokespersons, reporters): never actors. */
  sources: Set<string>;
}

interface SentCtx {
  sent: Sentence;
  idx: number;
  ms: Mention[];
  dates: DateHit[];
  /** Date carried from the sentences before in the same paragraph. */
  carried?: When;
}

interface Draft {
  type: FactType;
  args: Record<string, unknown>;
  when?: When;
  planned: boolean;
  sent: Sentence;
  confidence: number;
}

const NEG = /(没有|并未|尚未|未能|(?<!前所)未(?![来有])|不会|不再|无法|拒绝|取消|推迟)/;
const HEDGE = /(希望|期待|期望|可能|有望|或将|或许|愿意|愿|盼望|争取|力争|预计|预期|设想|建议|考虑|打算|欢迎|邀请|如果|若)/;
const PLANNED = /(将于|将在|将与|即将|将(?![军近])|拟于|拟|计划于|定于|预定|将要|下周|下个?月|明年)/;
const CLAUSE = /[,;:]/;

/** Start of the clause that holds `pos` (after the last , ; : before it, within the sentence). */
/** True when `pos` is inside a book title (《...》): a document's name, which states no event. */
function inTitle(s: string, from: number, pos: number): boolean {
  const open = s.lastIndexOf('《', pos);
  return open >= from && s.lastIndexOf('》', pos) < open;
}

function clauseStart(s: string, sent: Sentence, pos: number): number {
  for (let i = pos - 1; i >= sent.start; i--) if (CLAUSE.test(s[i])) return i + 1;
  return sent.start;
}

function clauseEnd(s: string, sent: Sentence, pos: number): number {
  for (let i = pos; i < sent.end; i++) if (CLAUSE.test(s[i])) return i;
  return sent.end;
}

const uniq = <T>(a: T[]): T[] => a.filter((x, i) => a.indexOf(x) === i);

function countryIds(m: Mention): string[] {
  if (m.ids) return m.ids;
  if (m.kind === 'country') return [m.id];
  return [];
}

/** Modality of a trigger at `pos`: negated, hedged, planned (looking back to the sentence start and in its clause). */
function modality(d: Doc, c: SentCtx, pos: number): { blocked: boolean; planned: boolean } {
  const cs = clauseStart(d.s, c.sent, pos);
  const clause = d.s.slice(cs, pos);
  // "应X邀请" (at X's invitation) introduces a visit; it is not an invitation still to be taken up.
  const lead = d.s
    .slice(c.sent.start, pos)
    .replace(/应[^,。;]{1,30}邀请/g, (m) => '　'.repeat(m.length))
    // "举行隆重欢迎仪式": a welcome ceremony welcomes no proposal.
    .replace(/欢迎(仪式|宴会|晚宴|式|词)/g, (m) => '　'.repeat(m.length))
    .slice(-30);
  // A question asks; it states nothing (是否将访华?), nor what a reporter's question reports.
  const asked = /^(问|记者问)[:：]/.test(d.s.slice(d.sents.find((x) => x.para === c.sent.para)?.start ?? c.sent.start, c.sent.end));
  const question =
    asked || /[?？]\s*$/.test(d.s.slice(c.sent.start, c.sent.end)) || /是否|吗[?？]?$/.test(d.s.slice(cs, clauseEnd(d.s, c.sent, pos)));
  const blocked = NEG.test(clause) || HEDGE.test(lead) || question;
  const planned = PLANNED.test(lead.replace(/必将|将近|将军/g, ''));
  return { blocked, planned };
}

/** The date of a fact whose trigger is at `pos`: its clause, its sentence, the paragraph, the document. */
function whenAt(d: Doc, c: SentCtx, pos: number, planned = false): When | undefined {
  const cs = clauseStart(d.s, c.sent, pos);
  const ce = clauseEnd(d.s, c.sent, pos);
  const pick = (h: DateHit | undefined): When | undefined => {
    if (!h) return undefined;
    const w = planned && /(将于|定于|拟于|将在|计划于|预计于)$/.test(d.s.slice(Math.max(0, h.start - 3), h.start)) ? ahead(h, d.anchor) : h;
    return { value: w.value, precision: w.precision };
  };
  const inClause = c.dates.filter((h) => h.start >= cs && h.end <= ce);
  const before = inClause.filter((h) => h.end <= pos);
  if (before.length) return pick(before[before.length - 1]);
  if (inClause.length) return pick(inClause[0]);
  const sentBefore = c.dates.filter((h) => h.end <= pos);
  if (sentBefore.length) return pick(sentBefore[sentBefore.length - 1]);
  if (c.dates.length) return pick(c.dates[0]);
  return c.carried;
}

function monthOf(w: When | undefined): When | undefined {
  if (!w) return undefined;
  return w.precision === 'day' ? { value: w.value.slice(0, 7), precision: 'month' } : w;
}

export function readFacts(d: Doc): Fact[] {
  const drafts: Draft[] = [];
  const byPara = new Map<number, When>();
  let visitWhen: When | undefined;
  let lastDate: When | undefined;
  const main = mainPair(d);
  const leaders = leadersOf(d);
  const docWhen: When | undefined = d.dateline
    ? { value: d.dateline.value.slice(0, 7), precision: 'month' }
    : d.anchor
      ? { value: `${d.anchor.y}-${String(d.anchor.m).padStart(2, '0')}`, precision: 'month' }
      : undefined;
  const summitsSeen: { name: string; ordinal?: number; organization?: string; zh: string }[] = [];

  let mi = 0;
  for (let idx = 0; idx < d.sents.length; idx++) {
    const sent = d.sents[idx];
    while (mi < d.mentions.length && d.mentions[mi].start < sent.start) mi++;
    const ms: Mention[] = [];
    for (let k = mi; k < d.mentions.length && d.mentions[k].start < sent.end; k++) ms.push(d.mentions[k]);
    const dates = findDates(d.s.slice(sent.start, sent.end), d.anchor, sent.start).filter(
      (h) => !(d.dateline && h.start === d.dateline.start),
    );
    const st = d.s.slice(sent.start, sent.end);
    let carried = byPara.get(sent.para);
    // "当天", "随后", and "会谈后" / "会见后" right after the talks: the day of what was just reported.
    if (/^[^,。]{0,4}(当天|当日|同日|同一天|随后|会谈后|会谈结束后|会见后|会晤后)/.test(st) && lastDate) carried = lastDate;
    if (!carried && /(期间|此访|这次访问|此次访问|访华|访问中)/.test(st)) carried = visitWhen && monthOf(visitWhen);
    const c: SentCtx = { sent, idx, ms, dates, carried: carried ?? docWhen };
    const before = drafts.length;

    visits(d, c, drafts);
    meetings(d, c, drafts, main, leaders);
    agreements(d, c, drafts, main);
    trade(d, c, drafts, main);
    investment(d, c, drafts, main);
    summits(d, c, drafts, summitsSeen);
    milestones(d, c, drafts);

    for (let k = before; k < drafts.length; k++) {
      if (drafts[k].type === 'visit' && drafts[k].when && !visitWhen) visitWhen = drafts[k].when;
    }
    // The date context of the paragraph: the last dated statement.
    const own = dates.filter((h) => h.precision !== 'year' || /年/.test(d.s.slice(h.start, h.end)));
    if (own.length && sent.para > 0) {
      const w: When = { value: own[own.length - 1].value, precision: own[own.length - 1].precision };
      byPara.set(sent.para, w);
      if (w.precision === 'day') lastDate = w;
    } else if (byPara.get(sent.para)?.precision === 'day') lastDate = byPara.get(sent.para);
  }
  return finish(d, drafts);
}

/** The two countries the document is mostly about (compounds count twice). */
function mainPair(d: Doc): string[] {
  const n = new Map<string, number>();
  for (const m of d.mentions) {
    if (m.ids) for (const id of m.ids) n.set(id, (n.get(id) ?? 0) + 2);
    else if (m.kind === 'country') n.set(m.id, (n.get(m.id) ?? 0) + 1);
    else if (m.kind === 'person' && m.country) n.set(m.country, (n.get(m.country) ?? 0) + 0.5);
  }
  return [...n]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([id]) => id);
}

/** Heads of state named in the document, by country. */
function leadersOf(d: Doc): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of d.mentions) {
    if (m.kind !== 'person') continue;
    const p = personById(m.id);
    const year = d.anchor?.y ?? new Date().getUTCFullYear();
    const office = p?.offices.find(
      (o) => /president|chairman|king|emir|sultan|supreme leader/i.test(o.title) && o.from <= year && (o.to === undefined || o.to >= year),
    );
    const country = office?.of ?? (m.title?.leader ? m.country : undefined);
    if (country && !out.has(country)) out.set(country, m.id);
  }
  return out;
}

/** People acting in a sentence before `pos` (not spokespersons or reporters, not the inviter of 应...邀请). */
function actors(d: Doc, c: SentCtx, from: number, to: number): Mention[] {
  const s = d.s;
  const invite = /应[^,。;]{1,30}邀请/g;
  const spans: [number, number][] = [];
  for (const m of s.slice(c.sent.start, c.sent.end).matchAll(invite))
    spans.push([c.sent.start + m.index, c.sent.start + m.index + m[0].length]);
  return c.ms.filter(
    (m) =>
      m.kind === 'person' &&
      !m.title?.source &&
      !d.sources.has(m.id) &&
      m.start >= from &&
      m.end <= to &&
      !spans.some(([a, b]) => m.start >= a && m.end <= b),
  );
}

function personCountry(m: Mention | undefined, id?: string): string | undefined {
  if (m?.country) return m.country;
  const of = personById(id ?? m?.id ?? '')?.offices[0]?.of;
  return of?.startsWith('country:') ? of : undefined;
}

function push(
  drafts: Draft[],
  c: SentCtx,
  type: FactType,
  args: Record<string, unknown>,
  when: When | undefined,
  planned: boolean,
  confidence = 0.8,
): void {
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined && !(Array.isArray(v) && v.length === 0)) a[k] = v;
  drafts.push({ type, args: a, when, planned, sent: c.sent, confidence });
}

const VISIT_G =
  /(国是访问|国事访问|正式访问|工作访问|友好访问|国事访华|访问|访华|来华(?=出席|参加|访问|进行|举行)|访[美俄哈吉乌塔日韩朝印巴蒙越老柬泰缅英法德意]|抵达|出访|赴|前往|来到)/g;
const VISIT_REF = /^(期间|之际|前夕|成果|结束|时|中|的重要|的成果)/;

function visits(d: Doc, c: SentCtx, drafts: Draft[]): void {
  const s = d.s;
  const st = s.slice(c.sent.start, c.sent.end);
  for (const m of st.matchAll(VISIT_G)) {
    const pos = c.sent.start + m.index;
    const end = pos + m[0].length;
    const trig = m[0];
    // "访问期间" refers to a visit: a new fact only when no visit to that country was told before.
    const ref = VISIT_REF.test(s.slice(end, end + 4)) && trig !== '抵达';
    if (trig === '访问' && /(进行|开始|结束)?$/.test(s.slice(pos - 2, pos)) && /^(团|学者|者)/.test(s.slice(end, end + 2))) continue;
    const cs = clauseStart(s, c.sent, pos);
    let host: string | undefined;
    let place: string | undefined;
    if (trig === '访华' || trig === '国事访华' || trig === '来华') host = 'country:CN';
    else if (trig.length === 2 && trig[0] === '访' && trig !== '访问') host = c.ms.find((x) => x.start === pos + 1)?.id;
    let moreHosts: string[] = [];
    if (!host && /访问$/.test(trig)) {
      // 对X进行...访问, also coordinated: 对新西兰、澳大利亚进行正式访问.
      const dui = c.ms.find(
        (x) => x.end <= pos && x.start >= cs && /对$/.test(s.slice(x.start - 1, x.start)) && (x.kind === 'country' || x.capital),
      );
      if (dui) {
        host = dui.kind === 'country' ? countryIds(dui)[0] : dui.country;
        let prev = dui;
        for (const x of c.ms.filter((y) => y.start > dui.start && y.end <= pos)) {
          if (x.kind !== 'country' || x.ids || !/^[、和及与]$/.test(s.slice(prev.end, x.start))) break;
          moreHosts.push(x.id);
          prev = x;
        }
      }
    }
    // 来华访问, 赴俄访问: the country is written before the verb.
    if (!host && /^访问/.test(trig)) {
      const before = c.ms.find((x) => x.end === pos && x.kind === 'country' && !x.ids && /[来赴到]$/.test(s.slice(x.start - 1, x.start)));
      if (before) host = before.id;
    }
    if (!host) {
      const window = trig === '赴' ? 3 : trig === '前往' ? 4 : 7;
      const nx = c.ms.find((x) => x.start >= end && x.start - end <= window && (x.kind === 'country' || x.kind === 'place'));
      if (nx) {
        if (nx.kind === 'country' && !nx.ids) host = nx.id;
        else if (nx.kind === 'place' && nx.country) {
          host = nx.country;
          place = nx.id;
        }
        // 抵达北京, 赴美国华盛顿: the place after the country.
        const after = c.ms.find((x) => x.start === nx.end && x.kind === 'place' && x.country === host);
        if (after) place = after.id;
      }
    }
    if (!host) continue;
    // "2016年6月...进行国事访问期间" beside this year's visit: a visit of its own year is another visit.
    const ownYear = whenAt(d, c, pos)?.value.slice(0, 4);
    if (
      ref &&
      (drafts.some((f) => f.type === 'visit' && f.args.host === host && (!ownYear || f.when?.value.slice(0, 4) === ownYear)) ||
        !/^(期间|之际|前夕|时|中)/.test(s.slice(end, end + 2)))
    )
      continue;
    if (
      (trig === '赴' || trig === '前往') &&
      !(
        trig === '前往'
          ? /^[^。;]{0,30}(出席|参加|访问|进行|举行|参会|会见|考察|工作)/
          : /^[^,。;]{0,25}(出席|参加|访问|进行|举行|参会|会见|考察|工作)/
      ).test(s.slice(end, c.sent.end))
    )
      continue;
    // "这是扎尔达里总统去年3月再次当选后首次访华": the visit just told, spoken of again.
    if (/^(这是|此访是|这也是|此次是|这将是)/.test(s.slice(cs, pos)) && drafts.some((f) => f.type === 'visit' && f.args.host === host))
      continue;
    // The visitor: the nearest person before the trigger; the speaker of a speech when nobody is named.
    // A relative clause names the visitor after it: 会见来华访问的美国商务部长雷蒙多.
    // ... but "是...对哈萨克斯坦进行正式访问的。" ends a sentence: no relative clause.
    const relative = s[end] === '的' && !/[。,;!?,；]/.test(s[end + 1] ?? '。');
    const who = relative ? actors(d, c, end, Math.min(c.sent.end, end + 16)).slice(0, 1) : actors(d, c, c.sent.start, pos);
    if (relative && !who.length) continue;
    let visitor: string | undefined = who[who.length - 1]?.id;
    let vm = who[who.length - 1];
    if (!visitor && d.speaker && (/(我|我们)/.test(s.slice(cs, pos)) || pos - cs <= 6)) visitor = d.speaker;
    if (!visitor && /^他/.test(s.slice(cs, pos))) {
      const prev = d.mentions.filter((x) => x.kind === 'person' && !x.title?.source && x.end <= c.sent.start);
      vm = prev[prev.length - 1];
      visitor = vm?.id;
    }
    if (!visitor) continue;
    if (personCountry(vm, visitor) === host || visitor === host) continue;
    // A city of the host named with the visit, not later in the sentence (为瓜达尔新国际机场揭幕 is no stop).
    if (!place) place = c.ms.find((x) => x.kind === 'place' && x.country === host && x.end <= end)?.id;
    const { blocked, planned } = modality(d, c, pos);
    if (blocked) continue;
    const kind = /国[事是]/.test(trig) ? 'state' : trig === '正式访问' ? 'official' : trig === '工作访问' ? 'working' : undefined;
    let when = whenAt(d, c, pos, planned);
    if (!when && trig === '来到' && d.dateline) when = { value: d.dateline.value, precision: d.dateline.precision };
    push(drafts, c, 'visit', { visitor, host, place, kind }, when, planned, 0.85);
    // "阿利耶夫和帕希尼扬均于7日抵达华盛顿": each of the people joined before 均/都 travels.
    if (vm && /^[^,。;]{0,3}(均|都|分别|一同|同时)/.test(s.slice(vm.end, pos))) {
      const joined = who.filter(
        (x) => x !== vm && x.start >= cs && /^[和与、及]$/.test(s.slice(x.end, who[who.indexOf(x) + 1]?.start ?? x.end)),
      );
      for (const x of joined)
        if (x.id !== visitor && personCountry(x) !== host)
          push(drafts, c, 'visit', { visitor: x.id, host, place, kind }, when, planned, 0.8);
    }
    for (const h of moreHosts) if (h !== host) push(drafts, c, 'visit', { visitor, host: h, kind }, when, planned, 0.8);
    moreHosts = [];
  }
}

const MEET_G =
  /(举行了?(?:历史性的|首次|视频)?(?:会谈|会晤|会见)|会谈|会晤|会见|会面|通电话|通话|共同主持|举行会议|召开[^,。;]{0,14}(?:联委会|合委会|委员会会议|会议))/g;
const COMMISSION = /(联委会|合委会|委员会(?:第[^,。]{1,3}次)?会议|政府间合作委员会)(?:将于|将在|于|在)?[^,。;]{0,30}举行/g;

const TITLE_ONLY = /(总统|总理|首相|国王|主席|埃米尔|外长|王储)/;

/**
 * Meetings told clause by clause: "习近平主席将会见拉克森总理，李强总理将同他举行会谈，赵乐际将同他会见",
 * "总统将同习近平主席举行会谈，并会见李强总理和赵乐际委员长", "特朗普分别同阿利耶夫和帕希尼扬举行了会谈".
 * Each clause has its subject (named, "他", a title standing for the visitor, or the previous clause's) and its
 * counterparts (after 同/与, or after 会见); each counterpart met apart when the text says 分别 or 会见 lists
 * them. Returns false when the sentence is not of that shape, for the general reading.
 */
function clauseMeetings(d: Doc, c: SentCtx, drafts: Draft[], hits: { pos: number; end: number; trig: string }[]): boolean {
  const s = d.s;
  const st = s.slice(c.sent.start, c.sent.end);
  // "在三方会晤前", "会谈后": a meeting referred to, not told.
  hits = hits.filter((h) => !/^(前|后|期间|时|中|上)/.test(s.slice(h.end, h.end + 2)));
  if (!hits.length) return false;
  const clauses = uniq(hits.map((h) => clauseStart(s, c.sent, h.pos)));
  const shaped = clauses.length >= 2 || /分别[同与和]/.test(st) || /[同与]他/.test(st);
  if (!shaped) return false;
  const people = actors(d, c, c.sent.start, c.sent.end);
  const visit = [...drafts].reverse().find((f) => f.type === 'visit');
  const visitor = visit?.args.visitor as string | undefined;
  const before = d.mentions.filter((x) => x.kind === 'person' && !x.title?.source && !d.sources.has(x.id) && x.end <= c.sent.start);
  const out: { subject: string; objects: string[]; apart: boolean; h: (typeof hits)[number] }[] = [];
  let prevSubject: string | undefined;
  let prevObject: string | undefined;
  for (const h of hits) {
    const cs = clauseStart(s, c.sent, h.pos);
    const ce = clauseEnd(s, c.sent, h.end);
    const lead = s.slice(cs, h.pos);
    const prep = /[同与]/.exec(lead);
    const prepAt = prep ? cs + prep.index : -1;
    const subjects = people.filter((x) => x.start >= cs && x.end <= h.pos && (prepAt < 0 || x.end <= prepAt));
    let objects = people
      .filter((x) => (prepAt >= 0 && x.start > prepAt && x.end <= h.pos) || (x.start >= h.end && x.end <= ce))
      .map((x) => x.id);
    let subject: string | undefined = subjects[subjects.length - 1]?.id;
    if (!subject && /^(他|她)/.test(lead.replace(/^\s*(随后|当天|此后)/, ''))) subject = before[before.length - 1]?.id;
    if (!subject && visitor && TITLE_ONLY.test(prepAt >= 0 ? s.slice(cs, prepAt) : lead)) subject = visitor;
    if (!subject && /^(并|还|也|随后|又)/.test(lead)) subject = prevSubject;
    // "同他": the one met in the clause before, else the visitor.
    if (prep && /^他/.test(s.slice(prepAt + 1, prepAt + 2))) {
      const him = prevObject ?? visitor;
      if (him) objects = [him, ...objects];
    }
    objects = uniq(objects.filter((o) => o !== subject));
    if (!subject || !objects.length) return false;
    const apart =
      /分别$/.test(s.slice(Math.max(cs, (prepAt >= 0 ? prepAt : h.pos) - 2), prepAt >= 0 ? prepAt : h.pos)) || /会见/.test(h.trig);
    out.push({ subject, objects, apart, h });
    prevSubject = subject;
    prevObject = objects.length === 1 ? objects[0] : prevObject;
  }
  for (const { subject, objects, apart, h } of out) {
    const { blocked, planned } = modality(d, c, h.pos);
    if (blocked) continue;
    const format = /会谈/.test(h.trig) ? 'talks' : /通电话|通话/.test(h.trig) ? 'phone call' : undefined;
    const place = c.ms.find(
      (x) =>
        x.kind === 'place' && (x.capital || x.country) && /(在|于|赴)\S{0,4}$/.test(s.slice(Math.max(c.sent.start, x.start - 5), x.start)),
    )?.id;
    const when = whenAt(d, c, h.pos, planned);
    for (const group of apart ? objects.map((o) => [o]) : [objects])
      push(drafts, c, 'meeting', { participants: [subject, ...group], place, format }, when, planned, 0.8);
  }
  return true;
}

function meetings(d: Doc, c: SentCtx, drafts: Draft[], main: string[], leaders: Map<string, string>): void {
  const s = d.s;
  const st = s.slice(c.sent.start, c.sent.end);
  // 对越南、马来西亚、柬埔寨进行国事访问，同三国领导人分别举行会谈: talks with the leaders of each country visited.
  const each = /同(?:[两二三四五六七八九十\d]+)国领导人分别(举行会谈|会谈|会见|会晤)/.exec(st);
  if (each) {
    const visited = drafts.filter((f) => f.type === 'visit' && f.sent === c.sent && !f.args.place);
    for (const v of visited.length >= 2 ? visited : [])
      push(
        drafts,
        c,
        'meeting',
        { participants: [v.args.visitor, v.args.host], format: /会谈/.test(each[1]) ? 'talks' : undefined },
        v.when,
        v.planned,
        0.7,
      );
  }
  const hits: { pos: number; end: number; trig: string }[] = [];
  for (const m of st.matchAll(MEET_G)) hits.push({ pos: c.sent.start + m.index, end: c.sent.start + m.index + m[0].length, trig: m[0] });
  if (
    hits.length &&
    !each &&
    clauseMeetings(
      d,
      c,
      drafts,
      hits.filter((h) => !inTitle(s, c.sent.start, h.pos)),
    )
  )
    return;
  // The commission is named first and held after (联委会将于...在华盛顿举行): modality and date are read at 举行.
  for (const m of st.matchAll(COMMISSION))
    hits.push({ pos: c.sent.start + m.index + m[0].length - 2, end: c.sent.start + m.index + m[0].length, trig: m[1] });
  for (const h of hits) {
    const { pos, trig } = h;
    if (inTitle(s, c.sent.start, pos)) continue;
    // "会谈中", "会见后" refer to a meeting; "共同主持中哈合作委员会" is 中 of a compound of countries.
    if (
      /^(期间|后|时)|^中(?![\u4e00-\u9fff]{0,2}(?:合作委员会|委员会|两国|关系|[美俄哈吉乌塔土日韩朝印巴蒙越老柬泰缅英法德意西葡澳加新菲伊沙埃匈塞希波白秘智墨格肯赞非欧阿]))/.test(
        s.slice(h.end, h.end + 3),
      ) &&
      !/举行/.test(trig)
    )
      continue;
    // A meeting already told, referred to again (这次会见是...).
    if (/(这次|此次|本次|这场|此番)$/.test(s.slice(Math.max(c.sent.start, pos - 2), pos))) continue;
    // Those who attend a meeting already told (王受文、伯恩斯参加会见) are no new meeting.
    if (/(参加|出席|陪同|参与)$/.test(s.slice(Math.max(c.sent.start, pos - 2), pos))) continue;
    if (/(记者会|发布会|对话会|研讨会|圆桌会|午餐会|招待会|论坛)/.test(trig)) continue;
    // Meeting the press or unnamed groups (会见记者, 会见企业代表) is no meeting of parties.
    if (/^了?[^,。;]{0,12}(记者|媒体|代表|人士|学生|侨胞|华侨|员工|青年)/.test(s.slice(h.end, h.end + 14)) && /会见/.test(trig)) continue;
    const people = actors(d, c, c.sent.start, c.sent.end);
    let participants = uniq(people.map((x) => x.id));
    const cs = clauseStart(s, c.sent, pos);
    // "同萨勒曼国王举行会谈，同沙特王储兼首相穆罕默德举行会谈": one meeting per clause, each with its own counterpart.
    const own = people.filter((x) => x.start >= cs && x.end <= pos && /[同与]/.test(s.slice(cs, x.start)));
    const subj = people.find((x) => x.end <= hits[0].pos && !/[同与]/.test(s.slice(clauseStart(s, c.sent, x.start), x.start)));
    if (
      hits.length >= 2 &&
      own.length &&
      subj &&
      !own.includes(subj) &&
      hits.some((g) => g !== h && clauseStart(s, c.sent, g.pos) !== cs)
    ) {
      const { blocked, planned } = modality(d, c, pos);
      if (!blocked) {
        const format = /会谈/.test(trig) ? 'talks' : /通电话|通话/.test(trig) ? 'phone call' : undefined;
        push(
          drafts,
          c,
          'meeting',
          { participants: uniq([subj.id, ...own.map((x) => x.id)]), format },
          whenAt(d, c, pos, planned),
          planned,
          0.8,
        );
      }
      continue;
    }
    // "他还会见了X": he is the last person named before (not a spokesperson).
    if (/(^|[,;])\s*(他|她)(还|也|随后|当天|并)?/.test(s.slice(cs, pos)) && !people.some((x) => x.start >= cs && x.end <= pos)) {
      const prev = d.mentions.filter((x) => x.kind === 'person' && !x.title?.source && !d.sources.has(x.id) && x.end <= c.sent.start);
      const he = prev[prev.length - 1]?.id;
      if (he && !participants.includes(he)) participants.unshift(he);
    }
    // A speech: "我同X总统举行了会谈" has the speaker as a participant.
    if (d.speaker && /(^|[^自])我(们|同|与|和)/.test(s.slice(cs, pos)) && !participants.includes(d.speaker))
      participants.unshift(d.speaker);
    // "两国元首举行会晤": the pair, unless someone named in the same clause meets "the two countries' leaders".
    const ce = clauseEnd(s, c.sent, h.end);
    if (
      participants.length < 2 &&
      /(两国元首|两国领导人|双方元首|两国外长|两位领导人|两国总理|两国总统|两国首脑)/.test(s.slice(cs, ce)) &&
      !people.some((x) => x.start >= cs && x.end <= ce)
    ) {
      // "访问期间，两国总理举行会谈": the visitor of the visit just told and the host's holder of that office;
      // else the pair met just before in the paragraph, else the heads of state of the two countries.
      const office = /两国总理/.test(s.slice(cs, ce))
        ? /prime minister|premier/i
        : /两国(总统|元首)/.test(s.slice(cs, ce))
          ? /president/i
          : undefined;
      const visit = [...drafts].reverse().find((f) => f.type === 'visit' && f.sent.para === c.sent.para && !f.planned);
      const host =
        visit &&
        office &&
        d.mentions.find(
          (x) => x.kind === 'person' && x.country === visit.args.host && x.id !== visit.args.visitor && office.test(x.title?.en ?? ''),
        )?.id;
      const prev = [...drafts].reverse().find((f) => f.type === 'meeting' && (f.args.participants as string[]).length === 2);
      const pair =
        visit && host
          ? [visit.args.visitor as string, host]
          : prev
            ? (prev.args.participants as string[])
            : main.map((k) => leaders.get(k) ?? k);
      participants = uniq(pair);
    }
    // An official of a country the text does not name (同蒙古国外交部国务秘书...举行会谈): the country.
    if (participants.length === 1) {
      const counter = c.ms.find(
        (x) =>
          x.kind === 'country' &&
          !x.ids &&
          x.start >= cs &&
          x.end <= pos &&
          /[同与和]$/.test(s.slice(x.start - 1, x.start)) &&
          x.id !== personCountry(people[0]),
      );
      if (counter) participants = [participants[0], counter.id];
    }
    if (participants.length < 2) {
      // Countries meeting as such: a compound (中美召开), or the sides of the document.
      const comp = c.ms.filter((x) => x.start >= cs && x.end <= h.end && x.ids).flatMap((x) => x.ids!);
      // "伊朗和美国19日在罗马举行了第二轮会谈": two countries joined before the trigger; "双方" after them in the
      // sentence are those two, not the document's pair.
      const named = c.ms.filter((x) => x.kind === 'country' && !x.ids && x.start >= c.sent.start && x.end <= pos);
      const joined =
        named.length >= 2 && /^[和与同及]$/.test(s.slice(named[0].end, named[1].start)) ? [named[0].id, named[1].id] : undefined;
      const countries =
        comp.length >= 2
          ? comp
          : joined && (named[1].end >= cs || /(双方|两国)/.test(s.slice(cs, pos)))
            ? joined
            : /(双方|两国)/.test(s.slice(cs, pos)) && main.length === 2
              ? main
              : [];
      if (countries.length >= 2 && participants.length === 0) participants = uniq(countries);
    }
    if (participants.length < 2) continue;
    const { blocked, planned } = modality(d, c, pos);
    if (blocked) continue;
    const format = /会谈/.test(trig) ? 'talks' : /通电话|通话/.test(trig) ? 'phone call' : undefined;
    const place = c.ms.find(
      (x) =>
        x.kind === 'place' && (x.capital || x.country) && /(在|于|赴)\S{0,4}$/.test(s.slice(Math.max(c.sent.start, x.start - 5), x.start)),
    )?.id;
    // "分别会见A和B": one meeting with each.
    const subject = people.filter((x) => x.end <= pos);
    const objects = people.filter((x) => x.start >= h.end);
    if (/分别$/.test(s.slice(Math.max(c.sent.start, pos - 2), pos)) && subject.length && objects.length > 1) {
      for (const o of uniq(objects.map((x) => x.id))) {
        push(
          drafts,
          c,
          'meeting',
          { participants: [subject[subject.length - 1].id, o], place, format },
          whenAt(d, c, pos, planned),
          planned,
          0.8,
        );
      }
      break;
    }
    push(drafts, c, 'meeting', { participants, place, format }, whenAt(d, c, pos, planned), planned, 0.8);
    break;
  }
}

const SIGN_G =
  /(签署|签订|签约|缔结|签字|达成[^,。;]{0,12}(?:协议|协定)|交换[^,。;]{0,40}?文本|(?:通过|发表|发布)了?(?=《[^》]{2,60}(?:宣言|声明|公报|纲要|议定书|条约)》))/g;
const DOC_NOUN = /(协议|协定|备忘录|声明|宣言|合同|文件|条约|纲要|规划|意向|项目|议定书|公报|成果|计划)/;
const COUNT =
  /(?:共|合计)?(?:签署|签订|签约)?(?:了)?[^,。;\d]{0,8}?(\d+|[一二两三四五六七八九十]{1,3})(?:余|多)?(?:项|份|个|批)[^,。;]{0,10}?(协议|协定|备忘录|合同|文件|项目|成果|合作)|(?:协议|协定|备忘录|合同|文件|项目)(\d+|[一二两三四五六七八九十]{1,3})(?:项|份|个)/;

/** Lenders that sign loans with states in their own name. */
const LENDER_ORGS = new Set([
  'org:china-exim-bank',
  'org:cdb',
  'org:aiib',
  'org:ndb',
  'org:silk-road-fund',
  'org:world-bank',
  'org:adb',
  'org:imf',
]);

function agreements(d: Doc, c: SentCtx, drafts: Draft[], main: string[]): void {
  const s = d.s;
  const st = s.slice(c.sent.start, c.sent.end);
  for (const m of st.matchAll(SIGN_G)) {
    const pos = c.sent.start + m.index;
    const end = pos + m[0].length;
    const rest = s.slice(end, c.sent.end);
    const around = s.slice(Math.max(c.sent.start, pos - 20), c.sent.end);
    if (!DOC_NOUN.test(around) && !/签约/.test(m[0])) continue;
    if (/^仪式/.test(rest) && /(签署|签订)/.test(rest)) continue; // the verb that follows states it
    const { blocked, planned } = modality(d, c, pos);
    if (blocked) continue;
    const cs = clauseStart(s, c.sent, pos);
    // Organisations coordinated as the subject: 通用电气公司与丝路基金将签署.
    const subj = c.ms.filter((x) => x.end <= pos && x.start >= cs);
    const orgs = subj.filter((x) => x.kind === 'org');
    let parties: string[];
    if (orgs.length >= 2 && /[与和同及、]/.test(s.slice(orgs[0].end, orgs[1].start))) parties = uniq(orgs.map((x) => x.id));
    else {
      parties = uniq(c.ms.filter((x) => x.start >= c.sent.start && x.kind === 'country').flatMap(countryIds));
      for (const p of actors(d, c, c.sent.start, c.sent.end)) {
        const pc = personCountry(p);
        if (pc && !parties.includes(pc)) parties.push(pc);
      }
      const roof = c.ms.find(
        (x) =>
          x.kind === 'org' && ['org:sco', 'org:brics', 'org:asean', 'org:eaeu', 'org:cis', 'org:csto', 'org:eu', 'org:au'].includes(x.id),
      );
      if (roof) parties.push(roof.id);
      // "会议通过了《加巴拉宣言》": a summit just told adopts it, its organisation the party.
      if (!parties.length && /^(通过|发表|发布)/.test(m[0]) && /(会议|峰会|领导人|各方|各国)/.test(s.slice(cs, pos))) {
        const summit = [...drafts].reverse().find((f) => f.type === 'summit' && f.args.organization && f.sent.para === c.sent.para);
        if (summit) parties = [summit.args.organization as string];
      }
      if (parties.length < 2 && /(两国|双方)/.test(st) && main.length === 2) parties = uniq([...parties, ...main]);
      // A state and a lender (匈方与中国进出口银行签署了贷款协议): the bank is the other party.
      const lender = orgs.find((x) => LENDER_ORGS.has(x.id) && /^[与同和]$/.test(s.slice(x.start - 1, x.start)));
      const borrower = lender && subj.filter((x) => x.kind === 'country' && x.end <= lender.start).flatMap(countryIds);
      if (lender && borrower?.length === 1) parties = [borrower[0], lender.id];
      // Companies' contracts are approximated by the article's two countries: "中远海运港口有限公司与秘鲁沃尔坎矿业公司签署协议".
      if (parties.length === 1 && main.length === 2 && main.includes(parties[0]) && /(公司|集团)/.test(s.slice(cs, pos)))
        parties = [...main];
    }
    const cm0 = COUNT.exec(s.slice(Math.max(c.sent.start, pos - 16), c.sent.end));
    const title0 = /^[^,。;]{0,12}《([^》]{2,60})》/.exec(rest)?.[1];
    // Documents adopted under an organisation's roof (《上海合作组织天津宣言》) have it as their party.
    const roofOnly = parties.length === 1 && parties[0].startsWith('org:') && (cm0 || title0);
    if (parties.length < 2 && !roofOnly) continue;
    const from = Math.max(c.sent.start, pos - 16);
    const cm = COUNT.exec(s.slice(from, c.sent.end));
    let count = cm ? parseCount(cm[1] ?? cm[3]) : undefined;
    // 《联合声明》 in brackets, or a distinctive document named bare right after the verb (签署建交联合公报).
    const title =
      /^[^,。;]{0,12}《([^》]{2,60})》/.exec(rest)?.[1] ?? /^了?([^,。;、《》\d]{2,10}?(?:联合公报|联合声明|宣言|条约))/.exec(rest)?.[1];
    // "共同签署并发表《联合声明》,并见证签署...28份合作文件": the titled statement and the package are two facts.
    const split = title && cm && from + cm.index > end + rest.indexOf('》');
    if (split) count = undefined;
    // The fields the documents cover (涉及能源、化工和建材等领域): two signings of one day are told apart by them.
    const field = /(?:涵盖|涉及|包括|覆盖)?((?:[^,。;、]{1,10}、)*[^,。;、]{1,10}?)等?领域/u.exec(
      s.slice(Math.max(c.sent.start, pos - 50), c.sent.end),
    );
    const domain = field?.[1]
      .replace(/^.*[》〉]/u, '')
      .replace(/^[^、]*(?:交换|签署|签订|涉及|涵盖|包括|覆盖|见证)了?/u, '')
      .replace(/^(?:以及|了|在|的)/u, '');
    push(
      drafts,
      c,
      'agreement',
      {
        parties,
        count: Number.isFinite(count) ? count : undefined,
        title: title ? d.text.slice(end + rest.indexOf(title), end + rest.indexOf(title) + title.length) : undefined,
        domain: domain && domain.length >= 2 && !split ? domain : undefined,
      },
      whenAt(d, c, pos, planned),
      planned,
      0.8,
    );
    agreedProject(d, c, drafts, end, parties, whenAt(d, c, pos, planned), planned);
    if (split) {
      const n = parseCount(cm[1] ?? cm[3]);
      const fields = domain && domain.length >= 2 ? domain : undefined;
      if (Number.isFinite(n))
        push(drafts, c, 'agreement', { parties, count: n, domain: fields }, whenAt(d, c, pos, planned), planned, 0.78);
    }
    return;
  }
}

// A document on a project agrees the project: "签署阿拉木图州100万千瓦风电项目投资协议", "签署中吉乌铁路项目政府间协定",
// "签署沙特哈伊勒200万千瓦光伏电站项目EPC总承包合同".
const PROJECT_DOC =
  /^(.{2,40}?)(?:项目|工程)?(?:的)?(?:投资|建设|融资|贷款|设计、?采购和施工|EPC|（EPC）|\(EPC\)|总承包|政府间|合作|实施|项目|工程)*(?:协议|协定|合同|备忘录)/u;

function agreedProject(
  d: Doc,
  c: SentCtx,
  drafts: Draft[],
  from: number,
  parties: string[],
  when: When | undefined,
  planned: boolean,
): void {
  const s = d.s;
  const m = PROJECT_DOC.exec(s.slice(from, c.sent.end).replace(/^了/, ''));
  if (!m) return;
  const off = s[from] === '了' ? 1 : 0;
  // The phrase up to the project noun, as the milestones read it.
  const head = m[1].replace(/(?:项目|工程)$/u, '');
  const pn = PROJECT_NOUN.exec(head);
  if (!pn) return;
  const lead = head.slice(0, pn.index + pn[0].length);
  const found = projectBefore(d, c, from + off, lead);
  if (!found) return;
  const countries = uniq([...found.parties, ...parties.filter((x) => x.startsWith('country:'))]);
  push(
    drafts,
    c,
    'project_milestone',
    { project: found.project, stage: 'agreed', parties: countries.length >= 2 ? countries : undefined },
    when,
    planned,
    0.72,
  );
}

const BLOCS = new Set(['org:asean', 'org:eu', 'org:eaeu', 'org:au', 'org:gcc', 'org:celac', 'org:sco', 'org:brics', 'org:arab-league']);
const TRADE_G =
  /(双边货物贸易额|货物贸易额|双边贸易额|贸易总额|贸易总值|贸易规模|贸易额|进出口总额|进出口总值|进出口额|进出口|贸易往来|出口额|出口|进口额|进口)/g;
const FORECAST = /(有望|预计|预期|力争|争取|目标|将达到|将超过|可能|或将|希望)/;

/**
 * Figures given "respectively" (分别为X和Y) for a list of partners named before in the sentence: the partners
 * in order with their figures, and the country trading with them (the one named before the trigger outside the list).
 */
function respectively(
  d: Doc,
  c: SentCtx,
  pos: number,
  end: number,
  ce: number,
): (Array<[string, MoneyHit]> & { subject: string }) | undefined {
  const s = d.s;
  const r = /^[^,。;]{0,4}分别(?:为|是|达到?|约为|约)?/.exec(s.slice(end, ce));
  if (!r) return undefined;
  const figs = findMoney(s.slice(end, ce), end);
  if (figs.length < 2) return undefined;
  const named = c.ms.filter((x) => x.kind === 'country' && !x.ids && x.end <= pos);
  // The longest run of countries joined by 、和与及, as long as the figures.
  let list: Mention[] = [];
  for (let i = 0; i < named.length; i++) {
    const run = [named[i]];
    while (run.length < named.length - i && /^[、和与及]$/.test(s.slice(run[run.length - 1].end, named[i + run.length].start)))
      run.push(named[i + run.length]);
    if (run.length > list.length) list = run;
  }
  if (list.length !== figs.length) return undefined;
  const subject = named.filter((x) => !list.includes(x) && !list.some((y) => y.id === x.id)).pop()?.id;
  if (!subject) return undefined;
  const out = list.map((x, i): [string, MoneyHit] => [x.id, figs[i]]) as Array<[string, MoneyHit]> & { subject: string };
  out.subject = subject;
  return out;
}

function trade(d: Doc, c: SentCtx, drafts: Draft[], main: string[]): void {
  const s = d.s;
  const st = s.slice(c.sent.start, c.sent.end);
  for (const m of st.matchAll(TRADE_G)) {
    const pos = c.sent.start + m.index;
    const end = pos + m[0].length;
    const ce = clauseEnd(s, c.sent, end);
    let money = findMoney(s.slice(end, ce), end).filter((x) => x.start - end <= 16);
    // 贸易额同比增长32%,达到1550亿美元: the figure in the clause that follows.
    if (!money.length && ce < c.sent.end && /^[,;](?:达到|达|为|总计|合计|共计)/.test(s.slice(ce, ce + 4))) {
      const ce2 = clauseEnd(s, c.sent, ce + 1);
      money = findMoney(s.slice(ce + 1, ce2), ce + 1).filter((x) => x.start - ce <= 8);
    }
    if (!money.length) continue;
    if (/^(市场|来源|目的地|伙伴)/.test(s.slice(end, end + 3))) continue;
    // "日本、韩国分列第三、四位，蒙古国与两国的贸易额分别为7.3亿美元和5.9亿美元": one figure per partner listed.
    const listed = respectively(d, c, pos, end, ce);
    if (listed) {
      const metric = /^(出口)/.test(m[0]) ? 'exports' : /^进口/.test(m[0]) ? 'imports' : 'trade_turnover';
      const w = whenAt(d, c, pos);
      for (const [partner, fig] of listed)
        push(
          drafts,
          c,
          'trade',
          { parties: [listed.subject, partner], metric, amount: { value: fig.value, currency: fig.currency } },
          w && { value: w.value.slice(0, 4), precision: 'year' },
          false,
          0.8,
        );
      continue;
    }
    // A threshold that describes something (首个贸易额突破1000亿美元的国家) states no figure.
    if (/^的/.test(s.slice(money[0].end, money[0].end + 1))) continue;
    const cs = clauseStart(s, c.sent, pos);
    if (FORECAST.test(s.slice(cs, money[0].start)) || NEG.test(s.slice(cs, pos))) continue;
    const metric = /^(出口)/.test(m[0]) ? 'exports' : /^进口/.test(m[0]) ? 'imports' : 'trade_turnover';
    // Partners: two countries, as the contract has it; trade with a bloc (中国同东盟贸易额) is no pair.
    if (c.ms.some((x) => x.kind === 'org' && BLOCS.has(x.id) && x.start >= cs && x.end <= money[0].start)) continue;
    let parties = uniq(c.ms.filter((x) => x.kind === 'country' && x.end <= money[0].start).flatMap((x) => countryIds(x)));
    // A region as the partner (中国同中亚五国贸易额) is no pair of countries, nor a group (与共建"一带一路"国家),
    // nor a country's total with the world (我国货物贸易进出口总值).
    const region =
      c.ms.some((x) => (x.kind === 'region' || (x.kind === 'place' && !x.country)) && x.end <= money[0].start && x.start >= cs) ||
      /[与同对][^,。;]{0,16}国家(?:合计|共计|总计)?$/.test(s.slice(cs, pos)) ||
      (/(总值|总额)$/.test(m[0]) &&
        !c.ms.some((x) => x.kind === 'country' && x.start >= cs && x.end <= pos && /[与同对]$/.test(s.slice(x.start - 1, x.start))));
    // "..., 与拉美地区贸易额首次突破5000亿美元": the partner nearest the figure is a region, so no pair.
    const before = c.ms.filter((x) => x.end <= pos && (x.kind === 'country' || x.kind === 'region'));
    if (before.length && before[before.length - 1].kind === 'region' && before[before.length - 1].start >= cs) continue;
    // A customs note's figures by partner: "对俄罗斯进出口1.44万亿元", "我与韩国贸易总值为1.94万亿元" are China's
    // with that country; each clause has its own partner.
    const own = c.ms.filter((x) => x.kind === 'country' && !x.ids && x.start >= cs && x.end <= money[0].start);
    if (
      !region &&
      own.length === 1 &&
      own[0].id !== 'country:CN' &&
      /[对与同自从向]$/.test(s.slice(own[0].start - 1, own[0].start)) &&
      (/我/.test(s.slice(cs, own[0].start)) ||
        /海关|我国/.test(s.slice(0, 200)) ||
        (/^对/.test(s.slice(own[0].start - 1, own[0].start)) && /海关/.test(s)))
    )
      parties = ['country:CN', own[0].id];
    // "我国进出口5.07万亿美元": the country's total with the world, no pair.
    const total = own.length === 1 && own[0].id === 'country:CN' && own[0].end === pos;
    if (total) continue;
    if (!region && parties.length < 2 && main.length === 2 && /(双边|两国|双方)/.test(st)) parties = uniq([...parties, ...main]);
    if (!region && parties.length === 1 && main.length === 2 && main.includes(parties[0])) parties = uniq([...parties, ...main]);
    if (parties.length < 2) continue;
    parties = parties.slice(0, 2);
    // China first, unless another country reports its own flows (蒙对华出口, 自华进口).
    const reporter = c.ms.find((x) => x.kind === 'country' && !x.ids && x.end <= pos && /^[对自向从]/.test(s.slice(x.end, x.end + 1)));
    if (
      parties.includes('country:CN') &&
      !(metric !== 'trade_turnover' && reporter && reporter.id !== 'country:CN' && parties[0] === reporter.id)
    )
      parties = ['country:CN', ...parties.filter((x) => x !== 'country:CN')];
    const when = whenAt(d, c, pos);
    const yearWhen = when && { value: when.value.slice(0, 4), precision: 'year' as const };
    const half = /上半年/.test(st) ? '-H1' : /下半年/.test(st) ? '-H2' : '';
    const ownYear = c.dates.some((h) => h.end <= pos && h.precision === 'year');
    const full = ownYear && !/(前\S{1,3}个月|一季度|前三季度|\d+月份?|上半年|下半年|其中)/.test(s.slice(c.sent.start, pos));
    push(
      drafts,
      c,
      'trade',
      {
        parties,
        metric,
        amount: { value: money[0].value, currency: money[0].currency },
        period: yearWhen && (half || full) ? yearWhen.value + half : undefined,
      },
      yearWhen,
      false,
      0.85,
    );
  }
}

// A stake bought (以2.25亿美元收购...60%的股权) is money invested too.
const INVEST_G = /(投资存量|直接投资|投资额|总投资|出资|投资|金融支持|贷款|收购(?=[^,。;]{0,20}(?:股权|股份)))/g;

function investment(d: Doc, c: SentCtx, drafts: Draft[], main: string[]): void {
  const s = d.s;
  const st = s.slice(c.sent.start, c.sent.end);
  for (const m of st.matchAll(INVEST_G)) {
    const pos = c.sent.start + m.index;
    const end = pos + m[0].length;
    const cs = clauseStart(s, c.sent, pos);
    const ce = clauseEnd(s, c.sent, end);
    if (/双向|相互/.test(s.slice(Math.max(cs, pos - 4), pos))) continue;
    const money = findMoney(s.slice(cs, ce), cs);
    if (!money.length) continue;
    // The recipient: 对X投资, 在X投资, 向X提供...贷款.
    let rec: Mention | undefined = [...c.ms]
      .reverse()
      .find((x) => x.end <= pos && x.start >= cs && x.kind === 'country' && !x.ids && /[对在向]$/.test(s.slice(x.start - 1, x.start)));
    // 投资约11亿美元在撒马尔罕州建设, 由中方企业投资约12亿美元建设的阿拉木图州风电项目: where it is built.
    if (!rec && /^[^,。;]{0,16}?(?:在|建设的|兴建的)/.test(s.slice(end, end + 20))) {
      const where = c.ms.find(
        (x) => x.start >= end && x.start - end <= 30 && (x.kind === 'country' || (x.kind === 'place' && x.country)) && !x.ids,
      );
      if (where) rec = where.kind === 'country' ? where : { ...where, id: where.country!, kind: 'country' };
    }
    // A project's cost (该项目总投资约56亿元) or a purchase (出资4600万欧元收购): the country it is in, named in
    // the sentence, else where the paragraph is (在乌兹别克斯坦，...), else the article's other side.
    // "两国企业签署了总额约54亿美元的投资协议", "论坛期间各方共签署投资协议总额305亿美元": deals signed for
    // investment in the country of the article, the other side of China.
    const deals = m[0] === '投资' && s.slice(end, end + 2) === '协议' && /签署|签订|达成/.test(s.slice(cs, ce));
    if (!rec && (/^(总投资|出资|收购)$/.test(m[0]) || deals)) {
      const para = d.sents.find((x) => x.para === c.sent.para)?.start ?? c.sent.start;
      const inSent = c.ms.find(
        (x) =>
          x.start >= c.sent.start &&
          (x.kind === 'country' ? x.id !== 'country:CN' && !x.ids : x.kind === 'place' && x.country && x.country !== 'country:CN'),
      );
      const lead = /^在(\p{Script=Han}{2,8})[,，]/u.exec(s.slice(para, para + 12))
        ? d.mentions.find((x) => x.start === para + 1 && (x.kind === 'country' || (x.kind === 'place' && x.country)))
        : undefined;
      const where = inSent ?? lead;
      const other = main.find((x) => x !== 'country:CN');
      const id = where ? (where.kind === 'country' ? where.id : where.country!) : other;
      if (id && id !== 'country:CN') rec = { id, kind: 'country', start: where?.start ?? pos, end: where?.end ?? pos };
    }
    if (!rec) continue;
    const recId = rec.id;
    const isInv = (x: Mention): boolean => (x.kind === 'country' || x.kind === 'org') && x.id !== recId;
    const before = Math.min(rec.start, pos);
    const compound = deals ? c.ms.find((x) => x.ids?.includes(recId) && x.ids.length === 2) : undefined;
    const inv = compound
      ? { ...compound, id: compound.ids!.find((k) => k !== recId)!, ids: undefined }
      : ([...c.ms].reverse().find((x) => x.start >= cs && x.end <= before && isInv(x)) ??
        c.ms.find((x) => x.start >= c.sent.start && x.end <= before && isInv(x)));
    if (FORECAST.test(s.slice(cs, pos)) || NEG.test(s.slice(cs, pos))) continue;
    const { planned } = modality(d, c, pos);
    push(
      drafts,
      c,
      'investment',
      {
        recipient: rec.id,
        investor: inv && inv.id !== rec.id ? (countryIds(inv)[0] ?? inv.id) : undefined,
        amount: { value: money[0].value, currency: money[0].currency },
      },
      whenAt(d, c, pos, planned),
      planned,
      0.75,
    );
    return;
  }
}

/** Summits named by abbreviation: 中阿 (China and the Arab states), 中海 (China and the GCC). */
const SUMMIT_ABBR = new Map<string, { en: string; org?: string }>([
  ['中阿', { en: 'China–Arab States' }],
  ['中海', { en: 'China–Gulf Cooperation Council (GCC)', org: 'org:gcc' }],
  ['中非', { en: 'China–Africa' }],
  ['中拉', { en: 'China–Latin America' }],
  ['中欧', { en: 'China–EU', org: 'org:eu' }],
]);

const SUMMIT_G =
  /(峰会|(?:总理|领导人|首脑|元首)?(?:年度|定期)会晤|领导人(?:第[^,。]{1,4}次)?(?:非正式)?(?:会晤|会议)|首脑会议|元首理事会(?:会议)?)/g;

function summits(d: Doc, c: SentCtx, drafts: Draft[], seen: { name: string; ordinal?: number; organization?: string; zh: string }[]): void {
  const s = d.s;
  const st = s.slice(c.sent.start, c.sent.end);
  for (const m of st.matchAll(SUMMIT_G)) {
    const pos = c.sent.start + m.index;
    const end = pos + m[0].length;
    // The name: mentions and dashes right before the trigger (中国—中亚, 上合组织, 金砖国家).
    // Words between the name and the trigger: 上海合作组织成员国元首理事会, 上合组织下一次峰会.
    const filler =
      /(成员国|国家|领导人|元首|首脑|下一次|下一届|下届|本届|此次|这次|新一届|非正式|紧急|特别|的|第[\d一二三四五六七八九十]+[届次]|[（(]10\s*\+\s*[13][）)])+$/.exec(
        s.slice(Math.max(c.sent.start, pos - 14), pos),
      );
    let b = filler && !c.ms.some((y) => y.end === pos) ? pos - filler[0].length : pos;
    const parts: Mention[] = [];
    for (;;) {
      const x = c.ms.find((y) => y.end === b || (y.end === b - 1 && /[—–\-·与和]/.test(s[b - 1])));
      if (!x || x.start < c.sent.start) break;
      parts.unshift(x);
      b = x.start;
    }
    // 中阿峰会, 中海峰会: summits named by two-character abbreviations, no mention of their own.
    const abbr = parts.length ? undefined : SUMMIT_ABBR.get(s.slice(b - 2, b));
    if (abbr) b -= 2;
    // "下一届峰会将于2026年在哈萨克斯坦举行": the next of the summit the text has just told.
    const next = !parts.length && !abbr && filler && /(下一届|下届|下一次)/.test(filler[0]) ? seen[seen.length - 1] : undefined;
    if (next) {
      const held = /^[^,。;]{0,24}?(举行|召开)/.exec(s.slice(end, Math.min(c.sent.end, end + 30)));
      if (!held) continue;
      const { blocked, planned } = modality(d, c, end + held[0].length - 2);
      if (blocked) continue;
      const at = c.ms.find(
        (x) => (x.kind === 'place' || (x.kind === 'country' && !x.ids)) && x.start >= end && x.start < end + held[0].length,
      );
      if (!at) continue;
      push(
        drafts,
        c,
        'summit',
        { name: next.name, place: at.id, organization: next.organization },
        whenAt(d, c, pos, planned),
        planned,
        0.7,
      );
      continue;
    }
    if (!parts.length && !abbr) continue;
    if (inTitle(s, c.sent.start, pos)) continue;
    const ordM = /(?:第([\d一二三四五六七八九十]+)(?:届|次|轮)|(首)届)$/.exec(s.slice(Math.max(c.sent.start, b - 6), b));
    let ordinal = ordM ? (ordM[2] ? 1 : parseCount(ordM[1])) : undefined;
    const innerOrd =
      /第([\d一二三四五六七八九十]+)次/.exec(m[0]) ?? /^第([\d一二三四五六七八九十]+)次(?:会议|会晤)/.exec(s.slice(end, end + 10));
    if (innerOrd) ordinal = parseCount(innerOrd[1]);
    const fillOrd = filler && /第([\d一二三四五六七八九十]+)[届次]/.exec(filler[0]);
    if (!ordinal && fillOrd && b < pos) ordinal = parseCount(fillOrd[1]);
    const countries = parts.filter((x) => x.kind === 'country');
    const org: { id: string } | undefined = parts.find((x) => x.kind === 'org') ?? (abbr?.org ? { id: abbr.org } : undefined);
    // Two countries without an ordinal: a one-off meeting of two leaders, not a named summit.
    if (!org && countries.length === 2 && !ordinal && parts.length === 2) continue;
    if (!org && parts.length === 1 && countries[0]?.ids?.length === 2 && !ordinal) continue;
    const en = abbr
      ? abbr.en
      : parts
          .map((x) => {
            if (x.kind === 'country') return (x.ids ?? [x.id]).map((k) => COUNTRY_EN.get(k) ?? k.slice(8)).join('–');
            // Organisations by name and acronym: "Shanghai Cooperation Organization (SCO)".
            const acr = x.kind === 'org' ? x.id.slice(4).toUpperCase() : '';
            return x.en && acr && acr.length <= 5 && x.en.toUpperCase() !== acr ? `${x.en} (${acr})` : (x.en ?? x.id);
          })
          .join('–');
    const zh = d.text.slice(b, end);
    const kind = /(年度|定期)会晤/.test(m[0]) ? 'annual leaders’ meeting' : 'summit';
    const name = `${en} ${kind} (${zh.replace(/(下一次|下一届|下届|本届|此次|这次|新一届)/, '')})`;
    // Only a summit that is held, attended or announced, not one merely named.
    const tail = s.slice(end, Math.min(c.sent.end, end + 30));
    const head = s.slice(Math.max(c.sent.start, b - 24), b);
    if (
      !/(出席|参加|举行|召开|主持|主办|承办|开幕|闭幕|在[^,。]{1,10}$|期间)/.test(head) &&
      !/^[^,。]{0,24}(举行|召开|开幕|闭幕)/.test(tail)
    )
      continue;
    if (/^期间/.test(tail) && seen.some((x) => x.zh === zh)) continue;
    // Named first and held after (峰会将于明年在比什凯克举行): modality is read at the verb.
    const held = /^[^,。;]{0,24}?(举行|召开)/.exec(tail);
    const { blocked, planned } = modality(d, c, held ? end + held[0].length - 2 : pos);
    if (blocked) continue;
    let place = c.ms.find((x) => x.kind === 'place' && x.start > c.sent.start && !parts.includes(x))?.id;
    // 将于2025年在巴西举行: the host country when no city is named.
    if (!place && held) place = c.ms.find((x) => x.kind === 'country' && !x.ids && x.start >= end && x.start < end + held[0].length)?.id;
    // 支持哈萨克斯坦于2025年主办第二届中国—中亚峰会: the host named before 主办.
    const hostAt = /(主办|承办)[^,。]{0,8}$/.exec(head);
    if (!place && hostAt) {
      const at = b - head.length + hostAt.index;
      place = [...c.ms]
        .reverse()
        .find((x) => (x.kind === 'country' || x.kind === 'place') && !x.ids && x.end <= at && at - x.end <= 12)?.id;
    }
    // 出访哈萨克斯坦,出席上合组织峰会: the country travelled to.
    if (!place)
      place = c.ms.find((x) => x.kind === 'country' && !x.ids && /(出访|访问|赴|抵达|前往)$/.test(s.slice(x.start - 2, x.start)))?.id;
    if (!place && d.datelinePlace && /(出席|参加|来到|今天)/.test(st)) place = d.datelinePlace;
    let when = whenAt(d, c, pos, planned);
    if (d.dateline && /(出席|来到|今天|今日)/.test(st) && !c.dates.length)
      when = { value: d.dateline.value, precision: d.dateline.precision };
    seen.push({ name, ordinal, organization: org?.id, zh });
    push(drafts, c, 'summit', { name, place, ordinal, organization: org?.id }, when, planned, 0.8);
    // "出席首届中阿峰会和首届中海峰会": every summit a sentence names as attended or held.
    if (!/^[^,。;]{0,3}[和与及、]/.test(tail)) return;
  }
  // A past gathering of the same summit, told in a speech: "两年前,我们相聚中国西安".
  const g = /(相聚|聚首|齐聚|会聚|欢聚)/.exec(st);
  if (g && seen.length && /(\d+|[两三四五六七八九十])年前|去年|前年|上次|上届/.test(st)) {
    const cur = seen[seen.length - 1];
    const pos = c.sent.start + g.index;
    const place = c.ms.find((x) => x.kind === 'place' && x.start >= pos && x.start - pos <= 6)?.id;
    if (!place || !c.dates.length) return;
    const prevOrd = cur.ordinal && cur.ordinal > 1 ? cur.ordinal - 1 : undefined;
    push(drafts, c, 'summit', { name: cur.name, place, ordinal: prevOrd, organization: cur.organization }, whenAt(d, c, pos), false, 0.6);
  }
}

const MILESTONE_G =
  /(开港|正式启动|启动|开工建设|开工|破土动工|动工|奠基|建成投产|建成通车|建成|竣工|完工|落成|揭幕|全线贯通|贯通|通车|投入运营|投入商业运营|投入使用|投运|正式运营|商业运营|开通运营|正式开通|开通(?=仪式)|投产|并网发电)/g;
const PROJECT_NOUN =
  /(高速铁路|高铁|铁路|环城公路|高速公路|公路|天然气管道|输油管道|管道|管线|港口|码头|(?<=\p{Script=Han})港|大坝|水坝|水电站|核电站|光伏电站|风电场|风电|光伏|热电厂|热电站|电站|电厂|工业园|产业园|大桥|隧道|机场|炼油厂|水泥厂|水泥生产线|生产线|铁合金|钢厂|钢铁厂|化工厂|化肥厂)(?:改造|扩建|新建|升级|及配套储能|储能)?(?:项目|工程)?(?:[一二三四]期)?(?:项目|工程)?$/u;
const NOUN_EN: Record<string, string> = {
  大坝: 'dam',
  水坝: 'dam',
  高速铁路: 'high-speed-railway',
  高铁: 'high-speed-railway',
  铁路: 'railway',
  环城公路: 'ring-road',
  高速公路: 'expressway',
  公路: 'highway',
  天然气管道: 'gas-pipeline',
  输油管道: 'oil-pipeline',
  管道: 'pipeline',
  管线: 'pipeline',
  港口: 'port',
  港: 'port',
  码头: 'terminal',
  水电站: 'hydropower-station',
  核电站: 'nuclear-power-plant',
  光伏电站: 'solar-power-plant',
  风电场: 'wind-farm',
  热电厂: 'thermal-power-plant',
  热电站: 'thermal-power-plant',
  电站: 'power-plant',
  电厂: 'power-plant',
  工业园: 'industrial-park',
  产业园: 'industrial-park',
  大桥: 'bridge',
  隧道: 'tunnel',
  机场: 'airport',
  炼油厂: 'refinery',
  风电: 'wind-farm',
  光伏: 'solar-power-plant',
  水泥厂: 'cement-plant',
  水泥生产线: 'cement-plant',
  生产线: 'plant',
  铁合金: 'ferroalloy-plant',
  钢厂: 'steel-plant',
  钢铁厂: 'steel-plant',
  化工厂: 'chemical-plant',
  化肥厂: 'fertilizer-plant',
};

/**
 * The project a phrase ending at its noun names (`lead` runs from the clause start `cs` to that noun, adverbs
 * dropped): a dictionary project, else a name made of the mentions (in English) and the other characters (in
 * pinyin) before 铁路, 电站, 工业园...; with the countries that name it (中吉乌) as its parties.
 */
// Descriptive words of project names (新国际机场 is a new international airport, 复兴大坝 a renaissance dam).
const NAME_WORDS: Record<string, string> = {
  新: 'new',
  国际: 'international',
  跨境: 'cross-border',
  一体化: 'integrated',
  复兴: 'renaissance',
  国家: 'national',
  中央: 'central',
  联合: 'joint',
  工业: 'industrial',
  经济: 'economic',
  自由: 'free',
};
const NAME_WORD_SPLIT = new RegExp(
  `(${Object.keys(NAME_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'u',
);

function projectBefore(
  d: Doc,
  c: SentCtx,
  cs: number,
  lead: string,
): { project: string; parties: string[]; nameStart: number } | undefined {
  const s = d.s;
  const pn = PROJECT_NOUN.exec(lead);
  let project: string | undefined;
  let parties: string[] = [];
  let nameStart = cs;
  const named = c.ms.find((x) => x.kind === 'project' && x.start >= cs && x.end === cs + lead.length);
  if (named && !pn) {
    project = named.id;
    nameStart = named.start;
  } else if (pn) {
    const nounStart = cs + pn.index;
    // Mentions that make up the name (中吉乌, 阿斯塔纳).
    const inName = c.ms.filter((x) => x.start >= cs && x.end <= nounStart);
    const lexProject = c.ms.find((x) => x.kind === 'project' && x.start >= cs && x.end === cs + lead.length);
    if (lexProject) project = lexProject.id;
    else {
      // The name: from the last break (的, 和, a comma) to the noun; mentions in English, other characters in pinyin.
      // A chain of mentions right before the noun is the whole name (出席钱凯港 -> 钱凯).
      let chainStart = nounStart;
      for (
        let k = inName.length - 1;
        k >= 0 && (inName[k].end === chainStart || (inName[k].end === chainStart - 1 && /[—–\-·]/.test(s[chainStart - 1])));
        k--
      )
        chainStart = inName[k].start;
      // The window back from the noun never starts inside a name (塔吉克斯坦 cut to 克斯坦).
      let ws = Math.max(cs, nounStart - 16);
      const cut = inName.find((x) => x.start < ws && x.end > ws);
      if (cut) ws = cut.start;
      const zhName =
        chainStart < nounStart
          ? s.slice(chainStart, nounStart)
          : s
              .slice(ws, nounStart)
              .replace(/^.*(?:[的和与在及、为]|出席|参加|建设|签署|位于|举行|共同|宣布|承建|投资|参与)/, '')
              .replace(/^[了将已]/, '');
      nameStart = nounStart - zhName.length;
      const words: string[] = [];
      let run: Mention[] = [];
      for (let at = nameStart; at < nounStart; ) {
        const x = inName.find((y) => y.start === at);
        // A country before a place (塔吉克斯坦杜尚别—丹加拉公路) says where the project is; it names a party.
        if (x && x.kind === 'country' && !x.ids && at === nameStart && x.end < nounStart - 1) {
          run.push(x);
          at = x.end;
          continue;
        }
        if (x) {
          run.push(x);
          words.push(
            (x.ids ?? [x.id])
              .map((k) => (k.startsWith('country:') ? (COUNTRY_EN.get(k) ?? k.slice(8)) : (x.en ?? k.split(':')[1])))
              .join('-'),
          );
          at = x.end;
          continue;
        }
        let e = at;
        while (e < nounStart && !inName.some((y) => y.start === e)) e++;
        // A capacity or a region's suffix is no part of the name (阿拉木图州1000兆瓦风电项目, 年产300万吨水泥生产线).
        const chunk = s
          .slice(at, e)
          .replace(/年产\d+(?:\.\d+)?万?吨|\d+(?:\.\d+)?(?:兆瓦|万千瓦|千瓦|吉瓦|万吨|吨|公里)/gu, ' ')
          .trim()
          .replace(/^(?:州|省|地区|区|市)|(?:州|省|地区)$/gu, ' ')
          .replace(/[号第—–\-·]/g, ' ');
        for (const part of chunk.match(/\d+|\p{Script=Han}+/gu) ?? []) {
          if (/\d/.test(part)) {
            words.push(part);
            continue;
          }
          // Words of description in English, as annotators and English reports name projects; the rest in pinyin.
          for (const w of part.split(NAME_WORD_SPLIT).filter(Boolean)) words.push(NAME_WORDS[w] ?? syllables(w).join(''));
        }
        at = e;
      }
      if (!words.length || (run.length === 0 && zhName.replace(/[^\p{Script=Han}]/gu, '').length < 2)) return undefined;
      run = run.filter((x) => x.kind === 'country');
      const noun = pn[1];
      const slug = (words.join('-') + '-' + NOUN_EN[noun])
        .toLowerCase()
        .replace(/['’]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
      project = 'project:' + slug;
      parties = uniq(run.flatMap((x) => (x.kind === 'country' ? countryIds(x) : [])));
    }
  }
  return project ? { project, parties, nameStart } : undefined;
}

// The project a relative clause describes: the name right after its 的, up to its noun.
const PROJECT_AFTER = new RegExp(`^([^,。;的]{1,16}?${PROJECT_NOUN.source.replace(/^\(/, '(?:').replace(/\$$/, '')})`, 'u');

function milestones(d: Doc, c: SentCtx, drafts: Draft[]): void {
  const s = d.s;
  const st = s.slice(c.sent.start, c.sent.end);
  for (const m of st.matchAll(MILESTONE_G)) {
    const pos = c.sent.start + m.index;
    const cs = clauseStart(s, c.sent, pos);
    // The project: a noun phrase ending in 铁路, 电站, 工业园... right before the trigger (adverbs between).
    if (/^[^,。;]{0,3}周年/.test(s.slice(pos + m[0].length, pos + m[0].length + 5))) continue; // an anniversary
    const lead = s
      .slice(cs, pos)
      .replace(
        /(已经|已|正式|顺利|全面|全线|首段|实现|如期|提前|举行|举办|于[^,。]{0,14}|在[^,。]{1,16}|将|即将|日前|近日|今年|去年|上月|本月|\d{1,2}日|当天|[^,。的路线港站]{1,8}至[^,。]{1,10}段|[一二三四五]期)+$/,
        '',
      );
    // "2017年5月31日通车的蒙内铁路": the milestone told in a clause before the project it describes.
    const after = pos + m[0].length;
    const rel = s[after] === '的' ? PROJECT_AFTER.exec(s.slice(after + 1, c.sent.end)) : null;
    let found = projectBefore(d, c, cs, lead) ?? (rel ? projectBefore(d, c, after + 1, rel[1]) : undefined);
    // "...建设的卡洛特水电站装机容量72万千瓦，已于2022年6月全面投入商业运营": the project is the sentence's
    // subject, named in its first clause, when this clause names none.
    if (!found && !lead.trim() && cs > c.sent.start) {
      const first = s.slice(c.sent.start, clauseEnd(s, c.sent, c.sent.start));
      const nouns = [...first.matchAll(new RegExp(PROJECT_NOUN.source.replace(/\$$/, ''), 'gu'))];
      const last = nouns[nouns.length - 1];
      if (last) found = projectBefore(d, c, c.sent.start, first.slice(0, last.index + last[0].length));
    }
    if (!found) continue;
    const { project, parties, nameStart } = found;
    if (/班列/.test(s.slice(nameStart, pos))) continue;
    const cl = s.slice(cs, pos);
    if (FORECAST.test(cl) || NEG.test(cl)) continue;
    const t = m[0];
    const stage = /启动|开工|动工|奠基/.test(t)
      ? 'construction_started'
      : /建成投产|建成通车|投入|投运|运营|开通|投产|并网|通车|开港/.test(t)
        ? 'launched'
        : 'completed';
    // "举行...落成典礼" and "为...揭幕" complete a project; 揭幕 of a plaque or an exhibition is no milestone.
    if (/揭幕/.test(t) && !/为$/.test(s.slice(Math.max(cs, found.nameStart - 1), found.nameStart))) continue;
    const planned = PLANNED.test(cl);
    // A period such as 两年来 dates nothing.
    const when = /来[,,]|以来/.test(s.slice(c.sent.start, cs + 4)) && !c.dates.some((h) => h.start >= cs) ? undefined : whenAt(d, c, pos);
    push(drafts, c, 'project_milestone', { project, stage, parties: parties.length >= 2 ? parties : undefined }, when, planned, 0.75);
  }
}

function keyOf(f: Draft): string {
  const a = f.args;
  switch (f.type) {
    case 'visit':
      return `${a.visitor}|${a.host}`;
    case 'meeting':
      return [...(a.participants as string[])].sort().join(',');
    case 'agreement':
      return `${[...(a.parties as string[])].sort().join(',')}|${a.count ?? ''}|${a.title ?? ''}|${a.domain ?? ''}`;
    case 'trade':
      return `${(a.parties as string[]).join(',')}|${a.metric}|${(a.amount as { value: number }).value}|${a.period ?? ''}`;
    case 'investment':
      return `${a.recipient}|${(a.amount as { value: number } | undefined)?.value}`;
    case 'summit':
      return `${String(a.name).replace(/ \(.*$/, '')}|${a.ordinal ?? ''}`;
    default:
      return `${a.project}|${a.stage}`;
  }
}

/** Merge repeated statements and turn drafts into contract facts with evidence in the original text. */
function finish(d: Doc, drafts: Draft[]): Fact[] {
  const kept: Draft[] = [];
  const byKey = new Map<string, Draft>();
  // A headline restates the body: body statements first, so that the headline only fills gaps.
  const ordered = [...drafts.filter((f) => f.sent.para > 0), ...drafts.filter((f) => f.sent.para === 0)];
  for (const f of ordered) {
    const k = f.type + ':' + keyOf(f);
    const prev = byKey.get(k);
    // One fact stated twice; the same kind of event at another time (two sessions of a commission) is another fact.
    const compatible = (x?: When, y?: When): boolean =>
      !x || !y || x.value.startsWith(y.value.slice(0, 7)) || y.value.startsWith(x.value.slice(0, 7));
    const sameYear = !prev?.when || !f.when || prev.when.value.slice(0, 4) === f.when.value.slice(0, 4);
    if (prev && (compatible(prev.when, f.when) || ((f.type === 'visit' || f.type === 'agreement') && sameYear) || f.sent.para === 0)) {
      for (const [n, v] of Object.entries(f.args)) if (prev.args[n] === undefined) prev.args[n] = v;
      if (f.when && (!prev.when || (f.when.value.startsWith(prev.when.value) && f.when.value.length > prev.when.value.length)))
        prev.when = f.when;
      continue;
    }
    // An agreement restated without a count or title (两国企业还签署了...) repeats one already read.
    if (f.type === 'agreement' && !f.args.count && !f.args.title && !f.args.domain) {
      const ps = [...(f.args.parties as string[])].sort().join(',');
      if (
        ordered.some(
          (g) =>
            g !== f &&
            g.type === 'agreement' &&
            (g.args.count || g.args.title || kept.includes(g)) &&
            [...(g.args.parties as string[])].sort().join(',') === ps &&
            // A signing dated to another year is another signing (2019年1月...签署协议 beside this week's).
            !(f.when && g.when && f.when.value.slice(0, 4) !== g.when.value.slice(0, 4)),
        )
      )
        continue;
    }
    byKey.set(k, f);
    kept.push(f);
  }
  // A meeting of countries (中美商贸联委会将在华盛顿举行) and the meeting of their officials told next to it are one.
  const out = kept.filter((f) => {
    if (f.type !== 'meeting') return true;
    const ps = f.args.participants as string[];
    if (!ps.every((p) => p.startsWith('country:'))) return true;
    const twin = kept.find(
      (g) =>
        g !== f &&
        g.type === 'meeting' &&
        g.planned === f.planned &&
        Math.abs(d.sents.indexOf(g.sent) - d.sents.indexOf(f.sent)) <= 3 &&
        (g.args.participants as string[]).some((p) => p.startsWith('person:')),
    );
    if (!twin) return true;
    if (!twin.args.place && f.args.place) twin.args.place = f.args.place;
    if (f.when && (!twin.when || twin.when.precision !== 'day')) twin.when = f.when;
    return false;
  });
  return out.map((f) => {
    const fact: Fact = {
      type: f.type,
      args: f.args,
      confidence: f.confidence,
      evidence: { start: f.sent.start, end: f.sent.end, text: d.text.slice(f.sent.start, f.sent.end) },
    };
    if (f.when) fact.when = f.when;
    if (f.planned) fact.status = 'planned';
    return fact;
  });
}
