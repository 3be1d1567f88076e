// Russian reader: Russian text in, contract facts and entity mentions out.
// Sentences and tokens (text.ts) -> mentions of countries, places, organisations and people in
// any case form (lexicon.ts, entities.ts) -> dates of the document (dates.ts) -> fact frames over
// clauses (facts.ts) -> repeated statements of one fact merged into one.
import { KNOWN } from '../gazetteer.js';
import { personById } from '../people.js';
import type { EntityType, ExtractOptions, MentionRef, Reading, When } from '../types.js';
import { datelineDate, findDates, type DateExpr } from './dates.js';
import { learnPeople, lexMentions, sentenceMentions, isSpokesman } from './entities.js';
import { FRAMES, countryOfId, modality, trailerAt, type Clause, type DocContext, type Draft } from './facts.js';
import { lexicon } from './lexicon.js';
import { splitSentences, type Sentence } from './text.js';

const LEADER_OFFICES = new Set(['president', 'prime minister', 'leader', 'chairman', 'monarch']);
/** Where a sentence divides into clauses that each state their own event. */
const CLAUSE_BREAK = /^(которого|которой|которых|котором|которым|которая|который|которые|где|после|до|а|;)$/;
/** Any word a frame starts from (lower case): a clause without one is not read further. */
const ANY_TRIGGER =
  /визит|поездк|возглав|делегаци|кредит|за[её]м|прибыл|прибыв|прибуд|прилетел|вылетел|посети|посещени|посещал|приезжал|побывал|побывает|приезд|приед|отправи|находящ|переговор|встрет|встреч|телефон|бесед|виделись|консультаци|подпис|заключ|принят|принял|утверд|одобр|поддержан|парафир|строительств|камень|эксплуатаци|запущен|запустил|запуск|открыт|открыл|инвест|вложи|вложени|товарооборот|торгов|экспорт|импорт|саммит|заседани|в их числе|среди них|в том числе|среди которых|следуют|далее|замыка|вошли|месте|место|созвонил|примет/;
const EVENT_REF =
  /(?<![\p{L}])(в ходе|во время|по итогам|по результатам|в рамках|на полях)\s+(визит|переговор|встреч|саммит|заседани|беседы|разговор)/iu;

function bestDate(ds: DateExpr[]): DateExpr | undefined {
  const rank = (d: DateExpr) =>
    d.when.precision === 'day' ? (d.relative ? 2 : 4) : d.when.precision === 'month' ? 3 : d.when.precision === 'season' ? 1 : 0;
  let best: DateExpr | undefined;
  for (const d of ds) if (!best || rank(d) > rank(best)) best = d;
  return best;
}

/** Split a sentence into clauses at relative clauses and "до этого" ellipses. */
function clauses(s: Sentence, cut: number): { ti: number; tj: number; ellipsis: boolean; tjSentence: number }[] {
  const toks = s.toks;
  let end = toks.length;
  if (cut > 0) end = toks.findIndex((t) => t.start >= s.start + cut);
  if (end < 0) end = toks.length;
  const out: { ti: number; tj: number; ellipsis: boolean; tjSentence: number }[] = [];
  let from = 0;
  let ellipsis = false;
  for (let i = 1; i < end; i++) {
    const t = toks[i];
    const prev = toks[i - 1];
    const isBreak =
      ((prev.s === ',' || prev.s === '—' || prev.s === '–' || prev.s === ';') &&
        CLAUSE_BREAK.test(t.lo) &&
        (t.lo !== 'до' || toks[i + 1]?.lo === 'этого') &&
        (t.lo !== 'после' || toks[i + 1]?.lo === 'чего') &&
        (t.lo !== 'а' || /^(до|затем|потом)$/.test(toks[i + 1]?.lo ?? ''))) ||
      (t.lo === 'в' && toks[i + 1]?.lo === 'ходе' && /^(которого|которой|которых)$/.test(toks[i + 2]?.lo ?? '') && prev.s === ',');
    if (!isBreak) continue;
    out.push({ ti: from, tj: i, ellipsis, tjSentence: end });
    ellipsis = t.lo === 'до' || (t.lo === 'а' && toks[i + 1]?.lo === 'до');
    from = i;
  }
  out.push({ ti: from, tj: end, ellipsis, tjSentence: end });
  return out.filter((c) => c.tj > c.ti);
}

/** Read a Russian article (first line title, then body). Offsets are into `text`. */
export function readRussian(text: string, opts: ExtractOptions = {}): Reading {
  const published = opts.published;
  const sents = splitSentences(text);
  const lex = sents.map(lexMentions);
  const people = learnPeople(sents, lex);
  const mentions = sents.map((s, i) => sentenceMentions(s, lex[i], people));

  // The document's two leaders and two countries.
  const pairPersons: string[] = [];
  for (const ms of mentions)
    for (const m of ms) {
      if (m.kind !== 'person' || pairPersons.includes(m.id) || pairPersons.length >= 2) continue;
      const p = people.persons.get(m.id);
      if (p && LEADER_OFFICES.has(p.office ?? '')) pairPersons.push(m.id);
    }
  const pairCountries: string[] = [];
  const pc = pairPersons.map((id) => people.persons.get(id)?.country);
  if (pc.length === 2 && pc[0] && pc[1] && pc[0] !== pc[1]) pairCountries.push(pc[0], pc[1]);
  else {
    const counts = new Map<string, number>();
    for (const ms of mentions)
      for (const m of ms)
        if ((m.kind === 'country' || m.kind === 'adj' || m.kind === 'capital') && m.country)
          counts.set(m.country, (counts.get(m.country) ?? 0) + 1);
    for (const [c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2)) pairCountries.push(c);
  }
  if (pairPersons.length < 2) pairPersons.length = 0;

  const names = new Map<string, { type: EntityType; name: string }>();
  const ctx: DocContext = { text, persons: people.persons, pairPersons, pairCountries, names: names as DocContext['names'], sent: 0 };

  // The day the text narrates: the dateline's, else the publication day.
  let docDay = published;
  // The dateline opens the first body paragraphs ("Москва. 12 марта. ИНТЕРФАКС -" spans sentences).
  for (const s of sents.filter((x, k) => k === 0 || x.para !== sents[k - 1].para).slice(0, 3)) {
    const d = datelineDate(text.slice(s.start, s.start + 160), published);
    if (d) {
      docDay = d;
      break;
    }
  }

  const drafts: Draft[] = [];
  let paraDay: { para: number; when: When } | undefined;
  let lastEvent: When | undefined;
  let lastEventSent = -10;
  sents.forEach((s, si) => {
    ctx.sent = si;
    const stext = text.slice(s.start, s.end);
    const slo = stext.toLowerCase();
    const triggered = ANY_TRIGGER.test(slo);
    const hasDate =
      /\d|накануне|вчера|сегодня|завтра|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|недел|месяц|год|весной|летом|осенью|зимой|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье/.test(
        slo,
      );
    if (!triggered && !hasDate) {
      const fp = mentions[si].find((m) => m.kind === 'person' && !m.inTitle && !isSpokesman(people.persons.get(m.id)));
      if (fp) ctx.lastPerson = fp.id;
      return;
    }
    const cut = trailerAt(stext);
    // A relative clause about a document ("..., в котором стороны поставили цель довести ...") hedges its own
    // content, not the signing the main clause reports.
    const main = cut > 0 ? stext.slice(0, cut) : stext;
    const rel = /,\s+(?:(?:в|на|по|с|из)\s+)?котор\p{L}+\s/iu.exec(main);
    let mod = modality(main);
    if (mod === 'hedge' && rel && ANY_TRIGGER.test(main.slice(0, rel.index).toLowerCase())) mod = modality(main.slice(0, rel.index));
    // "..., лидеры подписали заявление, однако газовой сделки добиться не удалось": the contrast denies its own
    // clause, not the signing before it.
    const but = mod === 'neg' || mod === 'hedge' ? /,\s+(?:однако|но|хотя)\s/iu.exec(main) : null;
    if (but && ANY_TRIGGER.test(main.slice(0, but.index).toLowerCase()) && modality(main.slice(0, but.index)) === 'fact') mod = 'fact';
    const ms = mentions[si];
    const firstPerson = ms.find((m) => m.kind === 'person' && !m.inTitle && !isSpokesman(people.persons.get(m.id)));
    if (mod === 'neg' || mod === 'hedge') {
      if (firstPerson) ctx.lastPerson = firstPerson.id;
      return;
    }
    const planned = mod === 'planned';
    const narrated = paraDay && paraDay.para === s.para && paraDay.when.precision === 'day' ? paraDay.when.value : docDay;
    const dates = findDates(stext, s.start, narrated, planned);
    const own = bestDate(dates.filter((d) => d.when.precision !== 'year' || dates.every((x) => x.when.precision === 'year')));
    let when: When | undefined = own?.when;
    let inherited = false;
    const during = EVENT_REF.test(stext);
    if (!when) {
      inherited = true;
      if (during && lastEvent) when = lastEvent;
      else if (paraDay && paraDay.para === s.para) when = paraDay.when;
      // A sentence right after an event's report goes on narrating it.
      else if (!planned && lastEvent && si - lastEventSent <= 2 && lastEvent.precision === 'day') when = lastEvent;
      else if (docDay) when = planned ? { value: docDay.slice(0, 7), precision: 'month' } : { value: docDay, precision: 'day' };
    } else if (!own!.relative || own!.when.precision === 'day') {
      if (own!.when.precision !== 'year') paraDay = { para: s.para, when: own!.when };
    }
    let prevIds: string[] | undefined;
    let prevVisitor: string | undefined;
    for (const cl of triggered ? clauses(s, cut) : []) {
      const cms = ms.filter((m) => m.ti >= cl.ti && m.tj <= cl.tj);
      const cstart = s.toks[cl.ti].start;
      const cend = s.toks[cl.tj - 1].end;
      const cdates = dates.filter((d) => d.start >= cstart && d.end <= cend);
      const cown = bestDate(cdates.filter((d) => d.when.precision !== 'year'));
      const c: Clause = {
        s,
        ti: cl.ti,
        tj: cl.tj,
        text: text.slice(cstart, cend),
        start: cstart,
        ms: cms,
        dates: cdates.length ? cdates : dates,
        when: cown?.when ?? when,
        inherited: !cown && inherited,
        planned,
        during: during ? lastEvent?.value : undefined,
        after: ms.filter((m) => m.ti >= cl.tj),
        before: ms.filter((m) => m.tj <= cl.ti),
      };
      const before = drafts.length;
      FRAMES.summits(c, ctx, drafts);
      FRAMES.visits(c, ctx, drafts);
      const whereVisitor = prevVisitor;
      prevVisitor = undefined;
      if (!whereVisitor || !FRAMES.meetingsWhere(c, ctx, drafts, whereVisitor))
        FRAMES.meetings(c, ctx, drafts, cl.ellipsis ? prevIds : undefined);
      if (cl.ti === 0) {
        // Signings and milestones read the whole sentence: their documents often sit in a relative clause.
        const whole: Clause = {
          ...c,
          tj: cl.tjSentence,
          text: text.slice(s.start, s.toks[cl.tjSentence - 1].end),
          ms: ms.filter((m) => m.tj <= cl.tjSentence),
          dates,
        };
        FRAMES.agreements(whole, ctx, drafts);
        FRAMES.milestones(whole, ctx, drafts);
      }
      // A committed investment ("вложит 300 млн долларов") is announced as planned, as in English; a trade figure
      // for the future is a forecast, not a fact.
      FRAMES.investments(c, ctx, drafts);
      if (!planned) FRAMES.trade(c, ctx, drafts);
      for (const f of drafts.slice(before)) {
        if (f.type === 'meeting') prevIds = f.args.participants as string[];
        if (f.type === 'visit' && !drafts.slice(before).some((g) => g.type === 'meeting')) prevVisitor = f.args.visitor as string;
        if (f.type === 'visit' && !f.status) ctx.guest = f.args.visitor as string;
        if ((f.type === 'meeting' || f.type === 'visit') && !f.status) {
          const ids = f.type === 'meeting' ? (f.args.participants as string[]) : [f.args.visitor as string, f.args.host as string];
          const countries = [...new Set(ids.map((id) => countryOfId(id, ctx)).filter((x): x is string => !!x))];
          if (countries.length >= 2) ctx.lastEvent = { countries, sent: si };
        }
        if (
          (f.type === 'visit' || f.type === 'meeting' || f.type === 'summit') &&
          f.when &&
          f.when.precision !== 'year' &&
          s.para > 0 &&
          !f.status
        ) {
          lastEvent = f.when;
          lastEventSent = si;
        }
      }
    }
    if (firstPerson) ctx.lastPerson = firstPerson.id;
    const loc = ms.find(
      (m) => !m.inTitle && (m.prep === 'в' || m.prep === 'во') && (m.kind === 'country' || m.kind === 'capital' || m.kind === 'city'),
    );
    if (loc?.country) ctx.lastIn = loc.country;
  });

  const facts = merge(drafts);
  // Mentions with their resolved ids; names for ids the register and gazetteer do not know.
  const refs: MentionRef[] = [];
  mentions.forEach((ms) => {
    for (const m of ms) {
      let id = m.id;
      if (m.kind === 'leader') {
        const p = [...people.persons.values()].find((x) => x.country === m.country && x.office === m.office);
        id = p?.id ?? m.country!;
      }
      if (id.startsWith('#')) continue;
      refs.push({ id, start: m.start, end: m.end });
    }
  });
  for (const r of refs) {
    if (names.has(r.id) || KNOWN.has(r.id)) continue;
    if (r.id.startsWith('person:') && !personById(r.id)) {
      const p = people.persons.get(r.id);
      if (p) names.set(r.id, { type: 'person', name: p.name });
    } else if (r.id.startsWith('place:')) {
      const p = lexicon().placeInfo.get(r.id);
      if (p) names.set(r.id, { type: 'place', name: p.name });
    }
  }
  for (const f of facts) {
    for (const v of Object.values(f.args))
      for (const x of Array.isArray(v) ? v : [v]) {
        if (typeof x !== 'string' || names.has(x) || KNOWN.has(x)) continue;
        if (x.startsWith('place:') && lexicon().placeInfo.has(x)) names.set(x, { type: 'place', name: lexicon().placeInfo.get(x)!.name });
        if (x.startsWith('person:') && !personById(x) && people.persons.has(x))
          names.set(x, { type: 'person', name: people.persons.get(x)!.name });
      }
  }
  return { facts, mentions: refs, names };
}

function key(f: Draft): string {
  const a = f.args;
  const set = (x: unknown) => (Array.isArray(x) ? [...x].sort().join('+') : '');
  const month = f.when?.value.slice(0, 7) ?? '';
  switch (f.type) {
    case 'visit':
      return `v|${a.visitor}|${a.host}|${f.status ?? ''}`;
    case 'meeting':
      return `m|${set(a.participants)}|${month}|${f.status ?? ''}`;
    case 'agreement':
      // A document with no title or count is told apart by the month its own sentence dates it to.
      return `a|${set(a.parties)}|${a.title ?? ''}|${a.count ?? ''}|${a.title === undefined && a.count === undefined && f.ownDate ? month : ''}`;
    case 'trade':
      return `t|${set(a.parties)}|${a.metric}|${a.period ?? ''}|${(a.amount as { value: number })?.value}`;
    case 'investment':
      return `i|${a.recipient}|${a.investor ?? ''}|${(a.amount as { value: number })?.value ?? ''}`;
    case 'summit':
      return `s|${a.organization ?? a.name}|${a.organization ? '' : a.name}|${month}`;
    default:
      return `p|${a.project}|${a.stage}`;
  }
}

/** Repeated statements of one fact become one: args united, the stated date and a body sentence kept. */
function merge(all: Draft[]): Draft[] {
  const byKey = new Map<string, Draft>();
  const out: Draft[] = [];
  // A headline restates a fact of the body: it merges with the body's statement whatever its date.
  const undated = (f: Draft) => key({ ...f, when: undefined, status: undefined });
  const body = new Set(all.filter((f) => f.para > 0).map(undated));
  const drafts = all.filter((f) => f.para > 0 || !body.has(undated(f)) || (f.args.title ?? f.args.count) !== undefined);
  const fromTitle = all.filter((f) => f.para === 0 && !drafts.includes(f));
  for (const f of drafts) {
    const k = key(f);
    const old = byKey.get(k);
    if (!old) {
      byKey.set(k, f);
      out.push(f);
      continue;
    }
    for (const [n, v] of Object.entries(f.args)) if (old.args[n] === undefined) old.args[n] = v;
    // The fuller name of one summit ("SCO Council of Heads of State summit" over "SCO summit").
    if (f.type === 'summit' && String(f.args.name).length > String(old.args.name).length) old.args.name = f.args.name;
    if (f.ownDate && !old.ownDate && f.when) {
      old.when = f.when;
      old.ownDate = true;
    }
    old.confidence = Math.max(old.confidence, f.confidence);
  }
  for (const t of fromTitle) {
    const b = out.find((o) => undated(o) === undated(t));
    if (b) for (const [n, v] of Object.entries(t.args)) if (b.args[n] === undefined) b.args[n] = v;
  }
  // An agreement stated without a title or a count is the same signing as a fuller one of the same parties.
  const agreements = out.filter((f) => f.type === 'agreement');
  const plain = agreements.filter((f) => f.args.title === undefined && f.args.count === undefined);
  const drop = new Set<Draft>();
  for (const p of plain) {
    const ps = new Set(p.args.parties as string[]);
    const other = agreements.find(
      (o) =>
        o !== p &&
        !drop.has(o) &&
        (o.args.parties as string[]).some((x) => ps.has(x)) &&
        // "соглашение ... было подписано в мае 2023 года" beside this January's treaty: another signing.
        !(p.ownDate && o.when && p.when && o.when.value.slice(0, 7) !== p.when.value.slice(0, 7)) &&
        (o.args.title !== undefined || o.args.count !== undefined || out.indexOf(o) < out.indexOf(p)),
    );
    if (other) drop.add(p);
  }
  // A planned visit or meeting restated by a sentence without a date takes the dated statement.
  return out
    .filter((f) => !drop.has(f))
    .map((f) => {
      const { ownDate: _o, sent: _s, para: _p, ...fact } = f;
      void _o;
      void _s;
      void _p;
      return fact as Draft;
    });
}
