// Fact frames of Russian news style over one clause at a time: visits, meetings, agreements,
// investments, trade figures, summits and project milestones.
import { KNOWN } from '../gazetteer.js';
import type { Fact, FactType, Money, When } from '../types.js';
import type { DateExpr } from './dates.js';
import type { DocPerson, Mention } from './entities.js';
import { isSpokesman } from './entities.js';
import { fold, lexicon } from './lexicon.js';
import { findCount, findMoney, type MoneyExpr } from './numbers.js';
import { execAll, type Sentence, type Tok } from './text.js';
import { slugRu, transliterate } from './translit.js';

/** What the frames need to know about the document. */
export interface DocContext {
  text: string;
  persons: Map<string, DocPerson>;
  /** The two leaders the document is about ("лидеры двух стран", "стороны"). */
  pairPersons: string[];
  pairCountries: string[];
  /** Last subject person (for "он"). */
  lastPerson?: string;
  /** The visitor of the last visit told: whom "его принял", "гостя" refer to. */
  guest?: string;
  /** Organisation of the document's summit, once one is read. */
  summitOrg?: string;
  /** Parties of the last trade figure, for "двусторонний товарооборот". */
  tradePair?: string[];
  /** Countries of the last visit or meeting and the sentence that stated it ("Было подписано 20 документов" after talks). */
  lastEvent?: { countries: string[]; sent: number };
  /** Index of the sentence being read. */
  sent: number;
  /** The document has named the consultative meeting of Central Asian heads of state. */
  consultative?: boolean;
  /** Country of the last "в X" location of the document ("В Узбекистане запущена ..."). */
  lastIn?: string;
  /** The project last named. */
  lastProject?: { id: string; name: string };
  /** Period of the last trade figure, for "за этот период". */
  lastTrade?: DateExpr;
  /** The states of a summit held by no organisation ("Центральная Азия – Китай"). */
  summitCountries?: string[];
  /** The last trade figure read was a country's total with the world. */
  totalTrade?: boolean;
  /** The country whose foreign trade a statistics note reports ("Внешнеторговый оборот Белоруссии ..."). */
  tradeReporter?: string;
  /** Metric of the last trade figure, for a ranked list after it ("Далее следуют Турция (1,1 млрд долларов)"). */
  lastTradeMetric?: string;
  /** The currency of the last trade figure: a ranked list may give its partners' figures bare ("Турция (3,9 млрд)"). */
  lastTradeCurrency?: string;
  /** Parties of the last signing and its paragraph. */
  lastAgreement?: { parties: string[]; para: number; sent?: number };
  names: Map<string, { type: 'project'; name: string }>;
}

/** A clause to read: token range of a sentence, its mentions, dates and modality. */
export interface Clause {
  s: Sentence;
  ti: number;
  tj: number;
  text: string;
  start: number;
  ms: Mention[];
  dates: DateExpr[];
  when?: When;
  /** The date was inherited from context, not stated in the clause. */
  inherited: boolean;
  planned: boolean;
  /** The date of the event the sentence says it happened during ("в ходе визита"). */
  during?: string;
  /** Mentions of the rest of the sentence after the clause (a relative clause may place its event). */
  after?: Mention[];
  /** Mentions of the sentence before the clause (a relative clause's summit may be where the visit went). */
  before?: Mention[];
}

export interface Draft extends Fact {
  /** Own date stated in the clause (wins when duplicates merge). */
  ownDate: boolean;
  sent: number;
  para: number;
}

const NEG =
  /(?<![\p{L}])(не|так и не|ни)\s+(состоял|состоит|подписал|подписан|посетил|прибыл|приехал|приедет|провел|провели|встретил|встреч|удалось|будет|будут|планиру|намерен|договорил|смогл|собира)/iu;
const HEDGE =
  /(?<![\p{L}])(может|могут|мог бы|могли бы|могла бы|возможно|возможен|возможна|предполагается|предполагают|надеется|надеются|надеемся|рассчитывает|рассчитывают|хотел бы|хотели бы|хотят|не исключ\p{L}*|вероятно|прогнозир\p{L}*|ожидается,? что|стремится|стремятся|намерен|намерена|намерены|намерено|намерева\p{L}*|предложил\p{L}*|предлагает|предлагают|пригласил\p{L}*|призвал\p{L}*|призыва\p{L}*|планиру\p{L}+ обсудить|обсуд\p{L}+ возможност\p{L}*|если|в случае|довести|нарастить до|увеличить до|достичь|достигнет|рассмотр\p{L}+ возможност\p{L}*)(?![\p{L}])/iu;
const PLANNED =
  /(?<![\p{L}])(запланирован\p{L}*|ожидается|ожидаются|ожидаем\p{L}*|состоится|состоятся|пройд[её]т|пройдут|будет|будут|предстоящ\p{L}*|намечен\p{L}*|планируется|проведут|проведет|проведёт|встретится|встретятся|подпишет|примет участие|примут участие|примет|посетит|прибудет|совершит|подпишут|откроется|начнется|начнётся|анонсир\p{L}*|следующ\p{L}+ саммит\p{L}*|отправится|приедет|посетят|возглавит|возглавят|прилетит|вложит|вложат|построит|построят|договорил\p{L}*\s+(?:о\s+)?(?:провести|проведении)|условлено)(?![\p{L}])/iu;

const TRAILER =
  /[,–—-]+\s*(?:—|–|-)?\s*(сообщил|сообщила|сообщили|сообщает|заявил|заявила|заявили|сказал|сказала|сказали|отметил|отметила|отметили|говорится|пишет|передает|передаёт|рассказал|рассказала|подчеркнул|подчеркнула|указал|указала|уточнил|уточнила|добавил|добавила|свидетельствуют|сообщается)(?![\p{L}])/iu;

const DOC_NOUN =
  /^(соглашени|меморандум|договор|протокол|декларац|документ|контракт|заявлени|конвенц|дорожн|программ|хартия|хартии|коммюнике|инициатив|план[аеуы]?$|стратеги|концепци)/;
const NAMED_DOC =
  /^(Декларац|Инициатив|Соглашени|Договор|Протокол|Меморандум|Хартия|Хартию|Конвенц|Программ|Заявлени|Стратеги|Концепци|Коммюнике|Дорожн)/;

const KINDS: [RegExp, string][] = [
  [/государственн\p{L}*\s+(?:\p{L}+\s+)?(?:визит|поездк)/iu, 'state'],
  [/официальн\p{L}*\s+(?:\p{L}+\s+)?(?:визит|поездк)/iu, 'official'],
  [/рабоч\p{L}*\s+(?:\p{L}+\s+)?(?:визит|поездк)/iu, 'working'],
];

function confidence(c: Clause, base = 0.85): number {
  return Math.round((c.inherited ? base - 0.1 : base) * 100) / 100;
}

function resolve(m: Mention, ctx: DocContext): string[] {
  if (m.kind === 'person') return [m.id];
  if (m.kind === 'pair') return ctx.pairPersons.length === 2 ? [...ctx.pairPersons] : [...ctx.pairCountries];
  if (m.kind === 'pronoun') {
    const id = m.id === '#guest' ? (ctx.guest ?? ctx.lastPerson) : ctx.lastPerson;
    return id ? [id] : [];
  }
  if (m.kind === 'leader') {
    // A named person of the document who holds that office for that country; otherwise the country.
    const head = (o?: string) =>
      o === 'prime minister' ? 'pm' : o === 'president' || o === 'chairman' || o === 'leader' || o === 'monarch' ? 'head' : o;
    const p =
      [...ctx.persons.values()].find((x) => x.country === m.country && x.office === m.office) ??
      [...ctx.persons.values()].find((x) => x.country === m.country && head(x.office) === head(m.office)) ??
      [...ctx.persons.values()].find(
        (x) =>
          x.country === m.country &&
          (x.office === 'president' || x.office === 'leader' || x.office === 'prime minister') &&
          (m.office === 'leader' || x.office === 'leader'),
      ) ??
      // "индийский министр" after "министр иностранных дел Индии С.Джайшанкар": the minister of that country.
      (m.office?.includes('minister')
        ? [...ctx.persons.values()].find((x) => x.country === m.country && !!x.office?.includes('minister'))
        : undefined);
    return [p ? p.id : m.country!];
  }
  return [];
}

function countryOfId(id: string, ctx: DocContext): string | undefined {
  if (id.startsWith('country:')) return id;
  if (id.startsWith('person:')) return ctx.persons.get(id)?.country;
  return KNOWN.get(id)?.country ?? lexicon().placeInfo.get(id)?.country;
}

/** Nouns whose country is not the state acting: "сборная России", "граждане Казахстана", "Центробанк России". */
const NON_STATE =
  /^(сборн|команд|клуб|компани|банк|центробанк|центральн|фирм|университет|театр|музе|оркестр|артист|спортсмен|футболист|школ|жител|граждан|турист|студент|болельщик|эксперт|учен|фонд|корпораци|биржи|биржа)/;

function governedByNonState(m: Mention, c: Clause): boolean {
  const toks = c.s.toks;
  let k = m.ti - 1;
  while (k >= 0 && !toks[k].word) k--;
  return k >= 0 && NON_STATE.test(toks[k].lo);
}

const isPlaceKind = (m: Mention) => m.kind === 'capital' || m.kind === 'city' || m.kind === 'region';

/** People and references that act in the clause (not the reporting trailer, not titles). */
function actors(c: Clause, ctx: DocContext): { ids: string[]; ms: Mention[] } {
  const ids: string[] = [];
  const ms: Mention[] = [];
  // Two people named make "стороны" and "лидеры" theirs, not the article's pair.
  const named = new Set(c.ms.filter((m) => !m.inTitle && m.kind === 'person').map((m) => m.id));
  for (const m of c.ms) {
    if (m.inTitle) continue;
    if (m.kind !== 'person' && m.kind !== 'leader' && m.kind !== 'pair' && m.kind !== 'pronoun') continue;
    if (m.kind === 'person' && isSpokesman(ctx.persons.get(m.id))) continue;
    if (m.kind === 'pair' && named.size >= 2) continue;
    // "российского и китайского лидеров": the leaders of the two countries the adjectives name.
    const adjs = m.kind === 'pair' ? c.ms.filter((x) => x.kind === 'adj' && x.country && x.end <= m.start && m.start - x.end <= 20) : [];
    if (adjs.length === 2 && /^\s+и\s+$/u.test(ctx.text.slice(adjs[0].end, adjs[1].start))) {
      for (const a of adjs) {
        const lead = [...ctx.persons.values()].find(
          (x) => x.country === a.country && (x.office === 'president' || x.office === 'leader' || x.office === 'prime minister'),
        );
        const id = lead?.id ?? a.country!;
        if (!ids.includes(id)) {
          ids.push(id);
          ms.push(m);
        }
      }
      continue;
    }
    for (const id of resolve(m, ctx))
      if (!ids.includes(id)) {
        ids.push(id);
        ms.push(m);
      }
  }
  return { ids, ms };
}

function evidence(ctx: DocContext, s: Sentence) {
  return { start: s.start, end: s.end, text: ctx.text.slice(s.start, s.end) };
}

function draft(type: FactType, args: Record<string, unknown>, c: Clause, ctx: DocContext, base = 0.85): Draft {
  const f: Draft = {
    type,
    args,
    confidence: confidence(c, base),
    evidence: evidence(ctx, c.s),
    ownDate: !c.inherited,
    sent: c.s.start,
    para: c.s.para,
  };
  if (c.when) f.when = c.when;
  if (c.planned) f.status = 'planned';
  return f;
}

// ---- visits ----
const VISIT =
  /визит|поездк|прибыл|прибыв|прибудет|прилетел|вылетел|вылетит|посетил|посетит|посещал|посещени|приезд|приезжал|побывал|побывает|приедет|отправил\p{L}* в|отправится в|находящ\p{L}* в|отбыл\p{L}* в|направил\p{L}* в|делегаци\p{L}*\s+(?:[\p{L}-]+\s+){0,3}?в\s+[\p{Lu}][\p{L}-]+\s+возглав|возглав\p{L}*\s+(?:[\p{L}-]+\s+){0,3}?делегаци\p{L}*\s+(?:[\p{L}-]+\s+){0,2}?(?:в|во)\s/iu;

function visits(c: Clause, ctx: DocContext, out: Draft[]): void {
  if (!VISIT.test(c.text)) return;
  cameFromWhere(c, ctx, out);
  const toks = c.s.toks;
  const { ids, ms } = actors(c, ctx);
  // Destination: a country or place after "в"/"во" (or right after "посетил"), not part of a title.
  let dest: Mention | undefined;
  for (const m of c.ms) {
    if (m.inTitle || !(m.kind === 'country' || isPlaceKind(m))) continue;
    const before = toks[m.ti - 1]?.lo ?? '';
    if (
      m.prep === 'в' ||
      m.prep === 'во' ||
      (m.prep === 'на' && m.kind === 'region') ||
      /^(посетил|посетит|посетили|посетят|посещал\p{L}*|посещени\p{L}*|посетивш\p{L}*)$/u.test(before)
    ) {
      dest = m;
      break;
    }
  }
  if (!dest) return;
  const host = countryOfId(dest.id, ctx) ?? dest.country;
  if (!host) return;
  let visitor = ids.find((id, k) => ms[k].prep !== 'с' && countryOfId(id, ctx) !== host);
  // "Лавров, прибывший в Браззавиль с визитом, провел переговоры с ...": the one the participle follows.
  const part = /,\s+(?:прибывш|находивш|находящ|посетивш|прилетевш)\p{L}*\s+(?:в|во)\s/iu.exec(c.text);
  if (part) {
    const at = c.start + part.index;
    const k = ms.findLastIndex((m) => m.end <= at && at - m.end <= 3);
    if (k >= 0 && countryOfId(ids[k], ctx) !== host) visitor = ids[k];
  }
  // "визит Президента России Владимира Путина в Азербайджан": the visit's own genitive, whoever speaks of it.
  const noun = /(?<![\p{L}])визит\p{L}*\s+/iu.exec(c.text);
  if (noun && !part) {
    const at = c.start + noun.index + noun[0].length;
    const k = ms.findIndex((m) => m.start >= at && m.start - at <= 40 && m.prep !== 'с' && m.start < dest.start);
    if (k >= 0 && countryOfId(ids[k], ctx) !== host) visitor = ids[k];
  }
  // "переговоры с Президентом Вьетнама То Ламом, находящимся в России с официальным визитом".
  if (!visitor && /(находящ|прибывш|посещающ)\p{L}*\s+(в|во)\s/iu.test(c.text)) visitor = ids.find((id) => countryOfId(id, ctx) !== host);
  if (!visitor) {
    // "Делегация Китая прибыла", "Москву посетил президент Египта" without a person: a country actor.
    const cm = c.ms.find(
      (m) =>
        m.kind === 'country' &&
        !m.inTitle &&
        m !== dest &&
        !m.prep &&
        m.id !== host &&
        !governedByNonState(m, c) &&
        c.ms.indexOf(m) < c.ms.indexOf(dest!),
    );
    visitor = cm?.id;
  }
  if (!visitor) return;
  // "Президенты Кыргызстана ..., Таджикистана ... и Туркменистана ... прибыли в Астану": a visit each.
  const visitors = /(прибыли|вылетели|посетили|прилетели|прибудут|посетят|находящиеся|находятся)(?![\p{L}])/iu.test(c.text)
    ? ids.filter(
        (id, k) =>
          ms[k].kind !== 'pair' &&
          ms[k].prep !== 'с' &&
          countryOfId(id, ctx) !== host &&
          (id.startsWith('person:') || id.startsWith('country:')),
      )
    : [visitor];
  for (const v of visitors.length ? visitors : [visitor]) visitOne(v, host, dest, c, ctx, out);
}

// "Лавров прилетел из Гвинеи, где встретился с ...": the country left behind was visited too.
function cameFromWhere(c: Clause, ctx: DocContext, out: Draft[]): void {
  const m = /(?:прилетел|прибыл|приехал|вернулся)\p{L}*\s+из\s+/iu.exec(c.text);
  if (!m) return;
  const at = c.start + m.index + m[0].length;
  const from = c.ms.find((x) => x.start === at && (x.kind === 'country' || isPlaceKind(x)) && !x.inTitle);
  if (!from || !/^,\s*где\s/u.test(ctx.text.slice(from.end, from.end + 8))) return;
  const host = countryOfId(from.id, ctx) ?? from.country;
  const { ids } = actors(c, ctx);
  const visitor = ids.find((id) => countryOfId(id, ctx) !== host && (id.startsWith('person:') || id.startsWith('country:')));
  if (!host || !visitor) return;
  const args: Record<string, unknown> = { visitor, host };
  if (isPlaceKind(from) && from.kind !== 'region') args.place = from.id;
  out.push(draft('visit', args, c, ctx, 0.75));
}

function visitOne(visitor: string, host: string, dest: Mention, c: Clause, ctx: DocContext, out: Draft[]): void {
  const args: Record<string, unknown> = { visitor, host };
  if ((isPlaceKind(dest) && dest.kind !== 'region') || (dest.kind === 'region' && dest.country)) args.place = dest.id;
  for (const [re, k] of KINDS)
    if (re.test(c.text)) {
      args.kind = k;
      break;
    }
  out.push(draft('visit', args, c, ctx));
}

// ---- meetings ----
const MEET =
  /переговор|встретил|встретят|встретит|встреч|телефонн\p{L}* (разговор|переговор)|по телефону|беседу|беседа|беседы|беседовал\p{L}*|виделись|увиделись|провел\p{L}* консультаци|(?<![\p{L}])приняла?\s+(?:в\s+[\p{Lu}][\p{L}-]+\s+)?(?:[\p{L}-]+\s+){0,2}(?:президент|премьер|министр|глав|председател|посл|делегаци|госсекретар|генеральн|генсек|вице|император|корол|эмир|султан|наследн)|(?<![\p{L}])(?:его|её|ее|гост\p{L}*)\s+(?:также\s+|и\s+|тоже\s+)?(?:приняла?|примет)(?![\p{L}])|созвонил\p{L}*\s+с|(?<![\p{L}])был[аи]?\s+принят[аы]?(?![\p{L}])|под\s+(?:со)?председательством\s+(?:заместител|министр|президент|премьер|глав|председател|вице|[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё])/iu;

// A standing body of two states that sits: "девятое заседание межправительственной комиссии ... пройдет в Улан-Баторе",
// "Стороны договорились провести заседание совместной комиссии в сентябре", "заседание российско-иранской комиссии".
const BODY_SESSION_RU = /заседани\p{L}*\s+(?:[\p{L}-]+\s+){0,4}?(?:комисси|комитет)\p{L}*/iu;

function bodySessions(c: Clause, ctx: DocContext, out: Draft[]): void {
  const m = BODY_SESSION_RU.exec(c.text);
  if (!m) return;
  const from = c.start + m.index;
  const to = from + m[0].length;
  const parties: string[] = [];
  for (const x of c.ms)
    if ((x.kind === 'adj' || x.kind === 'country') && x.country && x.start >= from && x.end <= to && !parties.includes(x.country))
      parties.push(x.country);
  if (parties.length < 2 && /межправительственн|совместн|двусторонн|постоянн/iu.test(m[0]))
    for (const x of ctx.pairCountries) if (!parties.includes(x)) parties.push(x);
  if (parties.length < 2) return;
  const args: Record<string, unknown> = { participants: parties.slice(0, 2) };
  const place = c.ms.find((x) => isPlaceKind(x) && !x.inTitle && x.start >= to && (x.prep === 'в' || x.prep === 'во'));
  if (place && (place.kind !== 'region' || place.country)) args.place = place.id;
  const f = draft('meeting', args, c, ctx, 0.7);
  // "договорились провести", "условлено, что ... пройдет": announced.
  if (/договорил\p{L}*\s+(?:о\s+)?провед|провести|условлено|намечен|запланирован/iu.test(c.text)) f.status = 'planned';
  out.push(f);
}

function meetings(c: Clause, ctx: DocContext, out: Draft[], inherited?: string[], only?: string[]): void {
  bodySessions(c, ctx, out);
  // "по итогам переговоров, которые российский лидер провел 3 сентября с президентом Монголии": the talks a
  // relative clause tells are its own clause's.
  const relTalks =
    /^котор\p{L}*\s+(?:[\p{L}-]+\s+){0,4}?(?:провел\p{L}*|провёл|проводил\p{L}*)\s/iu.test(c.text) &&
    /(переговор\p{L}*|встреч\p{L}*|бесед\p{L}*)\s*,\s*$/iu.test(ctx.text.slice(Math.max(0, c.start - 40), c.start));
  let triggered = relTalks || MEET.test(c.text);
  // "консультативная встреча глав государств", "встреча лидеров стран ШОС": a summit, not a meeting.
  if (
    triggered &&
    /консультативн\p{L}*\s+встреч|встреч\p{L}*\s+(глав|лидеров)\s+(государств|стран)/iu.test(c.text) &&
    !/переговор|встретил|провел\p{L}*\s+встреч|телефон|беседу/iu.test(c.text)
  )
    triggered = false;
  if (!triggered && !inherited) return;
  // "Путин встретился с X, а наиболее заметной стала беседа с Y": two meetings, the second of the first's subject.
  const but = /,\s+а\s+/u.exec(c.text);
  if (but && !inherited) {
    const cut = c.start + but.index;
    const first: Clause = { ...c, text: c.text.slice(0, but.index), ms: c.ms.filter((m) => m.end <= cut) };
    const rest = c.text.slice(but.index + but[0].length).split(/[:;]/)[0];
    const second: Clause = {
      ...c,
      text: rest,
      start: cut + but[0].length,
      ms: c.ms.filter((m) => m.start >= cut && m.end <= cut + but[0].length + rest.length),
    };
    const subj = actors(first, ctx).ids[0];
    const others = actors(second, ctx).ids;
    if (MEET.test(first.text) && MEET.test(second.text) && subj && others.length === 1 && others[0] !== subj) {
      meetings(first, ctx, out);
      meetings(second, ctx, out, [subj, others[0]]);
      return;
    }
  }
  // "По итогам встречи лидеры трех стран подписали декларацию" after the meeting was told: that meeting again.
  if (
    /^[^,]{0,20}(по итогам|в ходе|после|на полях)\s+(этой\s+|их\s+)?встреч/iu.test(c.text) &&
    SUMMIT_CROWD.test(c.text) &&
    !c.ms.some((m) => m.kind === 'person' && !m.inTitle) &&
    out.some((d) => d.type === 'meeting')
  )
    return;
  // "По итогам встречи лидеры приняли декларацию" in a summit's report: the summit's sitting, not talks of two.
  if (
    ctx.summitOrg &&
    /(по итогам|в ходе|на|после)\s+(этой\s+)?встреч/iu.test(c.text) &&
    SUMMIT_CROWD.test(c.text) &&
    !c.ms.some((m) => m.kind === 'person' && !m.inTitle)
  )
    return;
  if (
    !relTalks &&
    /переговор/iu.test(c.text) &&
    !/(провел|провели|провёл|проведут|проведет|проведёт|проводят|проводит|состоял|состоятся|состоится|прошли|пройдут|переговоры\s+в\s+узком|в\s+ходе\s+переговоров|по итогам переговоров|после переговоров|переговоров в|телефонн)/iu.test(
      c.text,
    ) &&
    !/встреч|встретил|разговор|бесед|виделись/iu.test(c.text)
  )
    return;
  let ids = actors(c, ctx).ids;
  if (inherited && (!triggered || ids.length < 2)) ids = inherited;
  // Countries act when no person does ("Россия и Китай провели переговоры").
  if (ids.length < 2) {
    // ... or an adjective of the talks themselves ("российско-китайские переговоры").
    const cs = c.ms
      .filter(
        (m) =>
          !m.inTitle &&
          !m.prep &&
          !governedByNonState(m, c) &&
          (m.kind === 'country' ||
            (m.kind === 'adj' && /^[\s\p{L}-]{0,20}?(переговор|встреч|консультаци|саммит)/iu.test(ctx.text.slice(m.end, m.end + 40)))),
      )
      .map((m) => m.country!);
    for (const x of cs) if (!ids.some((id) => countryOfId(id, ctx) === x)) ids.push(x);
  }
  // "В Акорде состоялись переговоры в узком и расширенном составах": talks held with no one named are the
  // talks of the article's two leaders.
  if (
    ids.length < 2 &&
    ctx.pairPersons.length === 2 &&
    /(состоял\p{L}*|прошли|начались|завершились)\s+(российско-\p{L}+\s+|двусторонние\s+)?переговоры|переговоры\s+(\p{L}+\s+){0,4}(состоял\p{L}*|прошли)/iu.test(
      c.text,
    )
  )
    ids = [...ctx.pairPersons];
  if (only) ids = only;
  if (ids.length < 2) return;
  // "провел двусторонние встречи с X и Y": one meeting with each.
  if (!only && ids.length >= 3 && /двусторонн\p{L}*\s+(встреч|переговор|бесед)|встречи\s+с\s/iu.test(c.text)) {
    for (const other of ids.slice(1))
      meetings(
        {
          ...c,
          ms: c.ms.filter((m) => {
            const r = resolve(m, ctx);
            return (
              r.includes(ids[0]) ||
              r.includes(other) ||
              !(m.kind === 'person' || m.kind === 'leader' || m.kind === 'pair' || m.kind === 'pronoun')
            );
          }),
        },
        ctx,
        out,
        undefined,
        [ids[0], other],
      );
    return;
  }
  const args: Record<string, unknown> = { participants: ids.slice(0, 6) };
  const place = c.ms.find((m) => isPlaceKind(m) && !m.inTitle && (m.prep === 'в' || m.prep === 'во' || m.prep === 'на'));
  if (place && (place.kind !== 'region' || place.country)) args.place = place.id;
  if (/телефон|созвонил/iu.test(c.text)) args.format = 'phone call';
  else if (/переговор|встреч/iu.test(c.text) || (relTalks && /переговор/iu.test(ctx.text.slice(Math.max(0, c.start - 40), c.start))))
    args.format = 'talks';
  out.push(draft('meeting', args, c, ctx));
}

// ---- agreements and project milestones ----
const SIGN =
  /подписал|подписан|подписи|подписани|подпишут|заключил|заключен|заключени|принят|принял|утвердил|утвержден|одобрил|одобрен|поддержан|парафир/iu;

const CENTRAL_ASIA_RU = ['country:KZ', 'country:KG', 'country:TJ', 'country:TM', 'country:UZ'];

/** The many who act at a summit: its leaders, heads of state, members. */
const SUMMIT_CROWD = /(главы государств|глав государств|лидеры|участники|государства-члены|страны-участницы|членами)/iu;

function agreementParties(c: Clause, ctx: DocContext): string[] {
  const parties: string[] = [];
  const add = (x?: string) => {
    if (x && !parties.includes(x)) parties.push(x);
  };
  const org = c.ms.find((m) => m.kind === 'org' && !m.inTitle);
  if (/(на|в ходе|по итогам|в рамках) (саммит|заседани)/iu.test(c.text) || /членами/iu.test(c.text)) {
    if (org) return [org.id];
    if (ctx.summitOrg) return [ctx.summitOrg];
  }
  // "Лидеры приняли декларацию" at a summit, no one named: the organisation's documents, whatever pair the
  // article is about ("лидеры двух стран" stay that pair).
  if (
    (ctx.summitOrg || ctx.summitCountries) &&
    SUMMIT_CROWD.test(c.text) &&
    !/(двух|обеих|обоих) (стран|государств|сторон)/iu.test(c.text) &&
    !c.ms.some((m) => !m.inTitle && (m.kind === 'person' || m.kind === 'country' || m.kind === 'capital'))
  )
    return ctx.summitOrg ? [ctx.summitOrg] : [...ctx.summitCountries!];
  for (const m of c.ms) {
    if (m.inTitle) continue;
    if (m.kind === 'person') add(countryOfId(m.id, ctx));
    else if (m.kind === 'leader' || m.kind === 'pronoun') for (const id of resolve(m, ctx)) add(countryOfId(id, ctx));
    else if (m.kind === 'pair') ctx.pairCountries.forEach(add);
    else if (
      (m.kind === 'country' || m.kind === 'capital') &&
      (!m.prep || m.prep === 'между' || m.prep === 'с' || m.prep === 'со') &&
      !governedByNonState(m, c)
    )
      add(m.country);
    else if (m.kind === 'adj' && /^(сторон|делегаци)/iu.test(ctx.text.slice(m.end + 1, m.end + 12))) add(m.country);
  }
  if (
    parties.length < 2 &&
    /(двумя|обеими|обе|двух) (странами|государствами|сторонами|стран|государств|сторон)|сторон[ыа]\b|двусторонн/iu.test(c.text)
  )
    ctx.pairCountries.forEach(add);
  if (
    parties.length <= 1 &&
    (c.during || /в присутствии|по итогам (переговоров|встречи|визита)|в ходе (переговоров|встречи|визита)/iu.test(c.text))
  )
    ctx.pairCountries.forEach(add);
  if (!parties.length && ctx.lastEvent && ctx.sent - ctx.lastEvent.sent <= 2) ctx.lastEvent.countries.forEach(add);
  // "Межправительственное соглашение ... было подписано в 2018 году", no one named, in an article about two
  // countries: theirs.
  // "пакет из 12 многосторонних документов" at a summit of several states is theirs.
  if (!parties.length && ctx.summitCountries && /многосторонн/iu.test(c.text)) ctx.summitCountries.forEach(add);
  if (
    !parties.length &&
    /(?:был[оаи]?\s+)?подписан\p{L}*|межправительствен|межгосударствен/iu.test(c.text) &&
    !ctx.summitOrg &&
    !ctx.summitCountries
  )
    ctx.pairCountries.forEach(add);
  // "Главы государств подписали ..." at a summit: the organisation's documents.
  if (parties.length < 2 && ctx.summitOrg && SUMMIT_CROWD.test(c.text)) return [ctx.summitOrg];
  // "Кроме того, была принята декларация": the parties of the signing just reported.
  if (!parties.length && ctx.lastAgreement && ctx.lastAgreement.para === c.s.para) return [...ctx.lastAgreement.parties];
  return parties;
}

const PROJECT_TYPES: [RegExp, string][] = [
  [/^железн\p{L}*\s+дорог\p{L}*/iu, 'railway'],
  // "железнодорожный участок Решт — Астара", "железнодорожная линия".
  [/^железнодорожн\p{L}*\s+(?:участ\p{L}*|лини\p{L}*|магистрал\p{L}*)/iu, 'railway'],
  [/^(автомобильн|автодорог)\p{L}*(\s+дорог\p{L}*)?/iu, 'highway'],
  [/^газопровод\p{L}*/iu, 'gas pipeline'],
  [/^нефтепровод\p{L}*/iu, 'oil pipeline'],
  [/^трубопровод\p{L}*/iu, 'pipeline'],
  [/^ГЭС/u, 'hydropower plant'],
  [/^АЭС/u, 'nuclear power plant'],
  [/^(?:ветроэлектростанци\p{L}*|ветров\p{L}*\s+электростанци\p{L}*|ВЭС)(?:\s*\(ВЭС\))?/iu, 'wind farm'],
  [/^(?:солнечн\p{L}*\s+электростанци\p{L}*|СЭС)(?:\s*\(СЭС\))?/iu, 'solar power plant'],
  [/^(электростанци|ТЭС|ТЭЦ)\p{L}*/iu, 'power plant'],
  [/^завод\p{L}*/iu, 'plant'],
  [/^мост\p{L}*/iu, 'bridge'],
  [/^(морск\p{L}*\s+)?порт\p{L}*/iu, 'port'],
  [/^тоннел\p{L}*/iu, 'tunnel'],
  [/^коридор\p{L}*/iu, 'corridor'],
  [/^канал\p{L}*/iu, 'canal'],
  [/^терминал\p{L}*/iu, 'terminal'],
  [/^лини\p{L}*\s+электропередач\p{L}*/iu, 'power line'],
  [/^ЛЭП/u, 'power line'],
  [/^зон[аыуе](?!\p{L})/iu, 'zone'],
  [/^(?:техно)?парк\p{L}*/iu, 'park'],
];

/** Common adjectives of project names ("цементного завода" -> "cement plant"). */
const PROJECT_ADJ: [RegExp, string][] = [
  [/^цементн/, 'cement'],
  [/^солнечн/, 'solar'],
  [/^ветров/, 'wind'],
  [/^угольн/, 'coal'],
  [/^химическ/, 'chemical'],
  [/^металлургическ/, 'steel'],
  [/^сталелитейн/, 'steel'],
  [/^нефтеперерабатывающ/, 'oil refining'],
  [/^газоперерабатывающ/, 'gas processing'],
  [/^горно-обогатительн/, 'mining and processing'],
  [/^автомобильн/, 'car'],
  [/^стекольн/, 'glass'],
  [/^текстильн/, 'textile'],
  [/^атомн/, 'nuclear'],
  [/^медеплавильн/, 'copper smelting'],
  [/^нефтехимическ/, 'petrochemical'],
  [/^газохимическ/, 'gas chemical'],
  [/^сахарн/, 'sugar'],
  [/^фармацевтическ/, 'pharmaceutical'],
  [/^хлопкоперерабатывающ/, 'cotton processing'],
  [/^судостроительн/, 'shipbuilding'],
  [/^зернов/, 'grain'],
  [/^контейнерн/, 'container'],
  [/^сухопутн/, 'dry'],
  [/^высокоскоростн/, 'high-speed'],
  [/^гидро/, 'hydro'],
  [/^тепло/, 'thermal'],
  [/^логистическ/, 'logistics'],
  [/^индустриальн/, 'industrial'],
  [/^промышленн/, 'industrial'],
  [/^экономическ/, 'economic'],
];

/** English name of a name part: a known place or country, else a transliteration. */
function englishPart(w: string): string {
  const toks = w.split(/\s+/).map(fold);
  const e = lexicon()
    .lex.get(toks[0])
    ?.find((x) => x.toks.length === toks.length && x.toks.every((t, i) => t === toks[i]) && x.kind !== 'adj');
  if (e) {
    const k = KNOWN.get(e.id);
    if (e.kind === 'org') return k?.aliases.find((a) => /^[A-Z0-9]{2,}$/.test(a)) ?? k?.name ?? transliterate(w);
    return k?.name ?? lexicon().placeInfo.get(e.id)?.name ?? transliterate(w);
  }
  // "Российская промышленная зона" is Russia's: a country's adjective names the country.
  const adj = lexicon()
    .lex.get(toks[0])
    ?.find((x) => x.toks.length === toks.length && x.kind === 'adj');
  const country = adj ? KNOWN.get(adj.id)?.name : undefined;
  if (country) return country;
  return transliterate(w.replace(/(ская|ской|скую|ский|ского|ском)$/u, ''));
}

/** Projects the world knows by an English name, by their quoted Russian one ("Сила Сибири 2"). */
const KNOWN_PROJECT_NAMES = new Map([
  ['сила сибири', 'Power of Siberia'],
  ['сила сибири 2', 'Power of Siberia 2'],
  ['северный поток', 'Nord Stream'],
  ['северный поток 2', 'Nord Stream 2'],
  ['турецкий поток', 'TurkStream'],
  ['голубой поток', 'Blue Stream'],
  ['север юг', 'North–South'],
  ['ямал спг', 'Yamal LNG'],
  ['арктик спг 2', 'Arctic LNG 2'],
  ['восток ойл', 'Vostok Oil'],
]);

/** A project named after `from` in the clause text ("железной дороги Карс-Нахчыван", "Рогунской ГЭС"). */
function projectAt(rest: string): { id: string; name: string } | undefined {
  const r = rest.replace(/^[\s«"]+/, '');
  // "Рогунской ГЭС": a capitalised adjective before the type noun.
  let adj = /^([А-ЯЁ][а-яё]+(?:ская|ской|скую|ский|ского|ском))\s+/u.exec(r);
  // ... or a country's in lower case ("по российской промышленной зоне").
  const low = adj ? null : /^([а-яё]+(?:ская|ской|скую|ский|ского|ском))\s+/u.exec(r);
  if (
    low &&
    lexicon()
      .lex.get(fold(low[1]))
      ?.some((x) => x.kind === 'adj' && x.toks.length === 1)
  )
    adj = low;
  let body = adj ? r.slice(adj[0].length) : r;
  const kinds: string[] = [];
  for (let g = /^([а-яё-]+)\s+/u.exec(body); g; g = /^([а-яё-]+)\s+/u.exec(body)) {
    const k = PROJECT_ADJ.find(([re]) => re.test(g![1]));
    if (!k) break;
    kinds.push(k[1]);
    body = body.slice(g[0].length);
  }
  for (const [re, type] of PROJECT_TYPES) {
    const m = re.exec(body);
    if (!m) continue;
    let tail = body.slice(m[0].length);
    const parts: string[] = [];
    if (adj) parts.push(englishPart(adj[1]));
    // A name after the type: "Карс-Нахчыван", "Китай — Киргизия — Узбекистан", «Сила Сибири».
    const q = /^\s*[«"„“]([^»"“”]{2,40})[»"“”]/u.exec(tail);
    // A name in Latin letters stays as written ("линия электропередачи CASA-1000").
    const latin = /^\s*([A-Z][A-Za-z]*(?:-[A-Za-z0-9]+)+|[A-Z]{2,}[A-Za-z0-9]*)/u.exec(tail);
    const known = q ? KNOWN_PROJECT_NAMES.get(fold(q[1]).replace(/\s*[-–—]\s*/gu, ' ')) : undefined;
    if (known) parts.push(known);
    else if (q) parts.push(...q[1].split(/\s+/).map(transliterate));
    else if (latin) parts.push(latin[1]);
    else {
      const nm = /^\s*((?:[А-ЯЁ][\p{L}]+)(?:\s*[-–—]\s*[А-ЯЁ][\p{L}]+)*)/u.exec(tail);
      if (nm) parts.push(...nm[1].split(/\s*[-–—]\s*/u).map(englishPart));
      tail = '';
    }
    if (!parts.length && !kinds.length) return undefined;
    const name = [parts.join('–'), ...kinds, type].filter(Boolean).join(' ');
    return { id: 'project:' + slugRu(name.replace(/–/g, '-')), name };
  }
  return undefined;
}

const DOC_HEAD =
  /^(декларац|харти|заявлени|коммюнике|меморандум|программ|план|стратеги|концепци|инициатив|конвенц|карт|договор|соглашени|протокол)/iu;

/**
 * A document's title as its name reads, from the object of "подписали", "утвердили": "Тяньцзиньскую
 * декларацию" is the "Тяньцзиньская декларация", "Дорожную карту по ..." the "Дорожная карта по ...". Only the
 * words up to the document's own noun change; what follows it ("развития ШОС") is already in its case.
 */
export function nominativeTitle(title: string): string {
  const words = title.split(' ');
  const head = words.findIndex((w) => DOC_HEAD.test(w));
  if (head < 0) return title;
  for (let i = 0; i <= head; i++) {
    const w = words[i];
    // The object of "подписали" is accusative; "текст Соглашения", "подписание Договора" genitive.
    words[i] =
      i < head
        ? w.replace(/ую$/u, 'ая').replace(/юю$/u, 'яя')
        : /^(договор|меморандум|протокол|контракт|план)а$/iu.test(w)
          ? w.slice(0, -1)
          : w
              .replace(/ения$/u, 'ение')
              .replace(/ания$/u, 'ание')
              .replace(/ию$/u, 'ия')
              .replace(/([^и])ю$/u, '$1я')
              .replace(/у$/u, 'а');
  }
  return words.join(' ');
}

// Documents singled out of the signing just told: "В их числе - межправительственное соглашение о строительстве
// ...", "В частности, подписаны соглашение о ... и меморандум о ...", "среди принятых документов – программа ...".
const INCLUDED_RU =
  /^(?:в\s+их\s+числе|среди\s+них|в\s+том\s+числе|среди\s+которых|в\s+(?:пакет|их\s+число|него|число\s+документов)\s+вошли,?(?:\s+в\s+частности,?)?|(?:[\p{L}\s,]{0,40}?)среди\s+(?:подписанных|принятых|одобренных)\s+(?:документов|соглашений)|в\s+частности,?\s+(?:были\s+)?(?:подписаны|подписан[оа]?|приняты|заключены))\s*[-–—:]?\s*((?:[\p{L}-]+\s+){0,2}?(?:соглашени|договор|меморандум|протокол|контракт|дорожн|программ|заявлени|декларац|план)\p{L}*(?:\s+[\p{Ll}\d–-]+|\s+[А-ЯЁ][\p{L}-]*(?:\s*[-–—]\s*[А-ЯЁ][\p{L}-]*)?){1,30})/iu;
// Where the next document of a list begins: "и" or a comma before a document noun (after at most two adjectives).
const NEXT_DOC_RU =
  /(?:,\s*|\s+)и\s+(?=(?:[\p{L}-]+(?:ое|ый|ий|ой|ая|ее|ые|ие)\s+){0,2}?(?:соглашени|договор|меморандум|протокол|контракт|дорожн|программ|заявлени|декларац|план)\p{L}*\s)|,\s*(?=(?:[\p{L}-]+(?:ое|ый|ий|ой|ая|ее|ые|ие)\s+){0,2}?(?:соглашени|договор|меморандум|протокол|контракт|дорожн|программ|заявлени|декларац|план)\p{L}*\s)/giu;

function includedDocument(c: Clause, ctx: DocContext, out: Draft[]): boolean {
  const m = INCLUDED_RU.exec(c.text.trim());
  // The signing just told: in this paragraph, or in the sentence right before (a new paragraph may list them).
  const last = ctx.lastAgreement;
  // "В пакет вошли", "среди подписанных документов" name the package: it may have been told a paragraph before.
  const reach = m && /пакет|документов|соглашений/iu.test(m[0].slice(0, m[0].length - m[1].length)) ? 4 : 1;
  if (!m || !last || (last.para !== c.s.para && (last.sent === undefined || ctx.sent - last.sent > reach))) return false;
  const list = m[1];
  const items: string[] = [];
  let from = 0;
  NEXT_DOC_RU.lastIndex = 0;
  for (let n: RegExpExecArray | null; (n = NEXT_DOC_RU.exec(list)) !== null; ) {
    items.push(list.slice(from, n.index));
    from = n.index + n[0].length;
  }
  items.push(list.slice(from));
  const parties = [...last.parties];
  for (const item of items) {
    const title = item
      .replace(/,.*$/u, '')
      .trim()
      .replace(/\s+(?:о|об|в|во|на|по|и|с|со|для|между)$/u, '');
    if (!title) continue;
    out.push(draft('agreement', { parties, title: title[0].toUpperCase() + title.slice(1) }, c, ctx, 0.75));
  }
  projectAgreed(c, ctx, parties, out);
  return true;
}

/** "... по проекту железной дороги", "о строительстве ...": the project the agreement is on, agreed. */
function projectAgreed(c: Clause, ctx: DocContext, parties: string[], out: Draft[]): void {
  // "о ее строительстве", "на его сооружение": the project the text has just named.
  const own =
    /(?<![\p{L}])(?:о|об|на|по)\s+(?:ее|её|его)\s+(?:строительств|сооружени|создани|реализаци|финансировани|возведени)\p{L}*/iu.exec(
      c.text,
    );
  const pm = own ? null : /(?:по проекту|по проектам|о строительстве|по строительству|о реализации проекта|о создании)\s+/iu.exec(c.text);
  if (!pm && !own) return;
  const p = own
    ? (ctx.lastProject ?? lastProjectIn(ctx.text.slice(Math.max(0, c.start - 400), c.start)))
    : projectAt(c.text.slice(pm!.index + pm![0].length));
  if (!p) return;
  ctx.lastProject = p;
  ctx.names.set(p.id, { type: 'project', name: p.name });
  const countries = parties.filter((x) => x.startsWith('country:'));
  out.push(
    draft('project_milestone', { project: p.id, stage: 'agreed', ...(countries.length ? { parties: countries } : {}) }, c, ctx, 0.75),
  );
}

function agreements(c: Clause, ctx: DocContext, out: Draft[]): void {
  if (includedDocument(c, ctx, out)) return;
  if (!SIGN.test(c.text)) return;
  const toks = c.s.toks.slice(c.ti, c.tj);
  if (!toks.some((t) => DOC_NOUN.test(t.lo))) return;
  const parties = agreementParties(c, ctx);
  if (!parties.length || (parties.length < 2 && !parties[0].startsWith('org:'))) return;
  const made: Draft[] = [];
  const count = findCount(c.text);
  if (count) made.push(draft('agreement', { parties, count }, c, ctx));
  // Documents named by a title in quotes or a capitalised document noun.
  for (const m of c.text.matchAll(/«([^»]{4,300})»/gu)) {
    if (!NAMED_DOC.test(m[1]) && !/^(о|об|по)\s/u.test(m[1])) continue;
    if (/под названием\s*$/u.test(c.text.slice(0, m.index))) continue;
    made.push(draft('agreement', { parties, title: m[1] }, c, ctx));
  }
  for (const m of c.text.matchAll(
    /(?<![«\p{L}])([А-ЯЁ][а-яё]+(?:ая|ую|ой|ое|ый|ого|ий)\s+(?:декларац|харти|заявлени|коммюнике|меморандум|программ|план|стратеги|концепци)\p{L}*|(?<=[\p{Ll},]\s)(?:Декларац|Инициатив|Хартию|Хартия|Конвенц|Стратеги|Концепци|Программ|Дорожн|Договор|Соглашени|Меморандум|Протокол)\p{L}*(?:(?:\s+|,\s+(?=[\p{Ll}]+\s+и\s))(?:(?:на|до)\s+\d{4}(?:\s*[–—-]\s*\d{4})?\s+год\p{L}*|о|об|по|в|во|за|для|и|[\p{Ll}]+|[А-ЯЁ]{2,6}(?=[\s.,;]|$))(?!\p{L})){0,8})/gu,
  )) {
    if (c.text[m.index! - 1] === '«') continue;
    made.push(draft('agreement', { parties, title: nominativeTitle(m[1].trim()) }, c, ctx));
  }
  if (!made.length) made.push(draft('agreement', { parties }, c, ctx));
  out.push(...made);
  ctx.lastAgreement = { parties, para: c.s.para, sent: ctx.sent };
  // Agreements on a project: "протокол ... по проекту железной дороги Карс-Нахчыван".
  projectAgreed(c, ctx, parties, out);
}

const MILESTONE: [RegExp, string][] = [
  [
    /(началось|начато|начали|начался|начнется|начнётся|стартовало|стартует|приступили к|старт)\s+строительств\p{L}*\s+/iu,
    'construction_started',
  ],
  [/(заложили|заложен\p{L}*)\s+(первый\s+)?камень\s+в\s+основание\s+/iu, 'construction_started'],
  [/(завершено|завершилось|завершили|закончено)\s+строительств\p{L}*\s+/iu, 'completed'],
  // Put into service: the project starts working (decision 027).
  [/(введен\p{L}*|ввел[иа]?|ввод|введ[её]т|сдан\p{L}*)\s+в\s+(?:промышленн\p{L}*\s+|коммерческ\p{L}*\s+)?эксплуатацию\s+/iu, 'launched'],
  [/в\s+(?:промышленн\p{L}*\s+|коммерческ\p{L}*\s+)?эксплуатацию\s+(введен\p{L}*|ввел[иа]?|введ[её]т|сдан\p{L}*)\s+/iu, 'launched'],
  [/(запущен\p{L}*|запустили|запуск|открыт\p{L}*|открыли|открытие)\s+/iu, 'launched'],
];

/** "Строительство магистрали начнется в октябре": the project between the noun and the verb. */
const MILESTONE_NOUN_FIRST: [RegExp, string][] = [
  [
    /строительств\p{L}*\s+([^,.;]{3,80}?)\s+(началось|начнется|начнётся|стартовало|стартует|стартовал[оа]?|начато|начали)(?![\p{L}])/iu,
    'construction_started',
  ],
  [/строительств\p{L}*\s+([^,.;]{3,80}?)\s+(завершено|завершилось|завершится|завершат|закончено)(?![\p{L}])/iu, 'completed'],
];

function milestones(c: Clause, ctx: DocContext, out: Draft[]): void {
  if (!/строительств|эксплуатаци|запу|открыт|открыл|камень/i.test(c.text)) return;
  for (const [re, stage] of [...MILESTONE_NOUN_FIRST, ...MILESTONE]) {
    const m = re.exec(c.text);
    if (!m) continue;
    const rest = MILESTONE_NOUN_FIRST.some(([r]) => r === re) ? m[1] + ' ' : c.text.slice(m.index + m[0].length);
    // "строительство магистрали" after the project was named: the same project.
    const p =
      projectAt(rest) ??
      projectBefore(c.text.slice(0, m.index)) ??
      (ctx.lastProject && /^(магистрал|дорог|объект|проект|трасс|ветк|линии|участк)/iu.test(rest) ? ctx.lastProject : undefined);
    if (!p) continue;
    ctx.lastProject = p;
    ctx.names.set(p.id, { type: 'project', name: p.name });
    const countries = [...new Set(c.ms.filter((x) => (x.kind === 'country' || x.kind === 'adj') && !x.inTitle).map((x) => x.country!))];
    out.push(draft('project_milestone', { project: p.id, stage, ...(countries.length >= 2 ? { parties: countries } : {}) }, c, ctx, 0.75));
    return;
  }
}

/** The last project the text before names, for "её", "его" ("соглашение о её строительстве"). */
function lastProjectIn(text: string): { id: string; name: string } | undefined {
  let last: { id: string; name: string } | undefined;
  for (const m of text.matchAll(
    /(?<![\p{L}])([А-ЯЁ][а-яё]+(?:ская|ской|скую|ский|ского|ском)\s+)?((?:[а-яё-]+\s+){0,2}?)(?:железн|газопровод|нефтепровод|трубопровод|ГЭС|АЭС|электростанц|завод|мост|порт|тоннел|коридор|канал|терминал|зон|парк)/gu,
  )) {
    // From the capitalised adjective, else from the words before the type noun, else from the noun itself
    // ("проектом остается железнодорожный участок Решт — Астара").
    // A project named in a relative clause ("..., который должен замкнуть коридор «Север — Юг»") is not what
    // "его" refers to next.
    if (/котор\p{L}*[^.!?]*$/u.test(text.slice(0, m.index)) && last) continue;
    const p = projectAt(text.slice(m.index)) ?? (m[1] ? undefined : projectAt(text.slice(m.index + m[2].length)));
    if (p) last = p;
  }
  return last;
}

/** "Железная дорога Китай — Киргизия — Узбекистан введена в эксплуатацию": the project before the verb. */
function projectBefore(head: string): { id: string; name: string } | undefined {
  const m =
    /(?:^|[\s,])((?:[А-ЯЁ][а-яё]+(?:ская|ская)\s+)?(?:железн|газопровод|нефтепровод|трубопровод|ГЭС|АЭС|электростанц|завод|мост|порт|тоннел|коридор|канал|терминал|автомобильн)[^,.]*)$/u.exec(
      head,
    );
  return m ? projectAt(m[1].replace(/^\s+/, '')) : undefined;
}

// ---- investments ----
const INVEST = /инвестировал|инвестирует|инвестируют|инвестировала|инвестировали|вложил|вложила|вложили|вложит|вложат|инвестици|вложени/iu;

// "Россия предоставляет Ирану государственный кредит в размере 1,3 млрд евро": a state's loan to another.
const LOAN_RU =
  /(предостав\p{L}*|выдел\p{L}*|выдал\p{L}*|выдаст)\s+(?:[\p{L}-]+\s+){0,4}?(?:государственн\p{L}*\s+|льготн\p{L}*\s+|экспортн\p{L}*\s+)?(?:кредит|за[её]м)/iu;

// "транша российского государственного кредита в размере 400 млн евро", "1,3 млрд евро предоставит Россия в виде
// государственного кредита": a state's loan, to the other state of the article, for the project it is about.
const LOAN_NOMINAL = /(?:кредит\p{L}*|за[её]м\p{L}*)\s+в\s+размере|в\s+виде\s+(?:[\p{L}-]+\s+)?(?:кредит|за[её]м)/iu;

function nominalLoan(c: Clause, ctx: DocContext, out: Draft[]): void {
  const v = LOAN_NOMINAL.exec(c.text);
  if (!v || ctx.pairCountries.length !== 2) return;
  const at = c.start + v.index;
  const adj = [...c.ms].reverse().find((m) => m.kind === 'adj' && m.country && m.end <= at && at - m.end <= 20);
  const subject = c.ms.find((m) => m.kind === 'country' && !m.prep && !m.inTitle && m.country);
  const lender = adj?.country ?? subject?.country;
  const borrower = ctx.pairCountries.find((x) => x !== lender);
  if (!lender || !borrower || !ctx.pairCountries.includes(lender)) return;
  const money = findMoney(c.text, c.start);
  if (!money.length) return;
  const amount = money.reduce((a, b) => (Math.abs(b.start - at) < Math.abs(a.start - at) ? b : a));
  const args: Record<string, unknown> = {
    recipient: borrower,
    investor: lender,
    amount: { value: amount.value, currency: amount.currency },
  };
  const project = lastProjectIn(ctx.text.slice(Math.max(0, c.start - 800), c.start));
  if (project) args.project = project.id;
  out.push(draft('investment', args, c, ctx, 0.7));
}

function loans(c: Clause, ctx: DocContext, out: Draft[]): void {
  const v = LOAN_RU.exec(c.text);
  if (!v) {
    nominalLoan(c, ctx, out);
    return;
  }
  const at = c.start + v.index;
  const states = c.ms.filter((m) => !m.inTitle && m.kind === 'country' && !m.prep && m.country);
  const lender = [...states].reverse().find((m) => m.end <= at);
  const borrower = states.find((m) => m.start >= at && m.start < at + v[0].length + 20);
  const money = findMoney(c.text, c.start).filter((m) => m.start > at);
  if (!lender || !borrower || lender.country === borrower.country || !money.length) {
    nominalLoan(c, ctx, out);
    return;
  }
  const amount = pickAmount(c, money);
  const args: Record<string, unknown> = { recipient: borrower.country, investor: lender.country };
  if (amount) args.amount = { value: amount.value, currency: amount.currency };
  out.push(draft('investment', args, c, ctx, 0.78));
}

function investments(c: Clause, ctx: DocContext, out: Draft[]): void {
  if (/кредит|за[её]м/iu.test(c.text)) loans(c, ctx, out);
  if (!/инвест|влож/i.test(c.text) || !INVEST.test(c.text)) return;
  // "товарооборот ... достиг 13,8 млрд долларов, а объем инвестиций вырос в 3,5 раза": an amount the trade
  // word governs is not invested.
  const money = findMoney(c.text, c.start).filter((m) => {
    const head = c.text.slice(0, m.start - c.start);
    const lastTrade = Math.max(...execAll(TRADE_ALL, head).map((h) => h.index), -1);
    const lastInvest = Math.max(...execAll(/инвест|влож/giu, head).map((h) => h.index), -1);
    return !(lastTrade > lastInvest);
  });
  if (!money.length) return;
  const amount = pickAmount(c, money);
  let recipient: string | undefined;
  let investor: string | undefined;
  for (const m of c.ms) {
    if (m.inTitle) continue;
    const cc =
      m.kind === 'person'
        ? countryOfId(m.id, ctx)
        : m.kind === 'country' || m.kind === 'capital'
          ? m.country
          : m.kind === 'adj'
            ? m.country
            : undefined;
    if (!cc) continue;
    const into =
      /(?:в|во)\s+(?:экономик\p{L}*|развити\p{L}*|проект\p{L}*|сектор\p{L}*|отрасл\p{L}*|промышленност\p{L}*|энергетик\p{L}*)\s*$/iu.test(
        ctx.text.slice(Math.max(0, m.start - 30), m.start),
      );
    // "в Кашкадарьинской области Узбекистана": the country of a place the money goes to.
    const within =
      /(?:^|\s)(?:в|во)\s+(?:[\p{L}-]+\s+){0,3}(?:област\p{L}*|регион\p{L}*|город\p{L}*|провинци\p{L}*|район\p{L}*|столиц\p{L}*|штат\p{L}*|округ\p{L}*)\s*$/iu.test(
        ctx.text.slice(Math.max(0, m.start - 60), m.start),
      );
    if ((m.prep === 'в' || m.prep === 'во' || into || within) && !recipient) recipient = cc;
    else if (!m.prep && !investor) investor = cc;
  }
  const ek = /в\s+экономик\p{L}*\s+(\p{L}+)/iu.exec(c.text);
  if (!recipient && ek && /^(республик|стран|государств)/iu.test(ek[1])) recipient = ctx.pairCountries.find((x) => x !== investor);
  // "инвестировала в проект 400 млн долларов": the country where the project just reported is.
  if (!recipient && /в\s+(проект|строительств|завод|станци|электростанци)/iu.test(c.text) && ctx.lastIn && ctx.lastIn !== investor)
    recipient = ctx.lastIn;
  if (!recipient) return;
  const args: Record<string, unknown> = { recipient };
  if (investor && investor !== recipient) args.investor = investor;
  if (amount) args.amount = { value: amount.value, currency: amount.currency };
  out.push(draft('investment', args, c, ctx, 0.8));
}

function pickAmount(c: Clause, money: MoneyExpr[]): Money | undefined {
  const rel = (m: MoneyExpr) => c.text.slice(Math.max(0, m.start - c.start - 30), m.start - c.start);
  // "вырос на 2 млрд долларов" is a change; "составил", "до", "в объеме" name the figure.
  const good = money.find((m) =>
    /(составил\p{L}*|составив|достиг\p{L}*|превысил\p{L}*|превысив|до|объем\p{L}*|сумм\p{L}*|около|более|свыше|порядка|почти|рекордн\p{L}*|уровне|отметк\p{L}*)\s*(в\s+)?$/iu.test(
      rel(m),
    ),
  );
  return good ?? money.find((m) => !/(на|увеличил\p{L}*|вырос\p{L}*)\s*$/iu.test(rel(m))) ?? money[0];
}

// ---- trade ----
const TRADE =
  /товарооборот|торгов\p{L}*\s+оборот|объ[её]м\p{L}*\s+(взаимной\s+|двусторонней\s+)?торговли|взаимн\p{L}*\s+торговл|экспорт|импорт/iu;
// A figure hoped or forecast for ("может превысить", "ожидается"): no fact, and no period for the next.
const FORECAST_RU =
  /(мож\p{L}*|могут|может|ожида\p{L}*|прогноз\p{L}*|рассчитыва\p{L}*|планиру\p{L}*|полага\p{L}*|цел\p{L}*\s+|довести|достичь)/iu;

const TRADE_ALL = new RegExp(TRADE.source, 'giu');

/** Each trade figure of a clause: "экспорт ... составил X, импорт ... — Y" gives two. */
function trade(c: Clause, ctx: DocContext, out: Draft[]): void {
  if (partnersInTurn(c, ctx, out)) return;
  const hits = execAll(TRADE_ALL, c.text);
  if (hits.length <= 1) {
    tradeOne(c, ctx, out);
    return;
  }
  hits.forEach((h, k) => {
    const from = h.index;
    const to = k + 1 < hits.length ? hits[k + 1].index : c.text.length;
    const sub: Clause = {
      ...c,
      text: c.text.slice(from, to),
      start: c.start + from,
      ms: c.ms.filter((m) => m.start >= c.start + from && m.end <= c.start + to),
    };
    if (!sub.dates.some((d) => d.start >= sub.start)) sub.dates = c.dates;
    tradeOne(sub, ctx, out);
  });
}

// "Товарооборот с Республикой Корея ... составил 486,7 млн долларов, с Японией — 402 млн долларов": each partner
// after "с" takes the figure that follows it, for the note's reporting country.
function partnersInTurn(c: Clause, ctx: DocContext, out: Draft[]): boolean {
  const reporter = ctx.tradeReporter;
  if (!reporter) return false;
  const tm = TRADE.exec(c.text);
  if (!tm || !/товарооборот|торгов/iu.test(tm[0])) return false;
  const partners = c.ms.filter((m) => !m.inTitle && m.kind === 'country' && (m.prep === 'с' || m.prep === 'со') && m.country !== reporter);
  const money = findMoney(c.text, c.start);
  if (partners.length < 2 || money.length < 2) return false;
  let made = 0;
  for (const p of partners) {
    const next = partners.find((q) => q.start > p.start);
    const amount = money.find((m) => m.start > p.end && (!next || m.start < next.start));
    if (!amount || !p.country) continue;
    const args: Record<string, unknown> = {
      parties: [reporter, p.country],
      metric: 'trade_turnover',
      amount: { value: amount.value, currency: amount.currency },
    };
    if (ctx.lastTrade?.period) args.period = ctx.lastTrade.period;
    const f = draft('trade', args, c, ctx, 0.75);
    if (ctx.lastTrade) f.when = ctx.lastTrade.when;
    out.push(f);
    made++;
  }
  return made > 0;
}

// A ranked list after a statistics note's figures: "Далее следуют Турция (1,1 млрд долларов) и Узбекистан (...)".
const RANKED_RU =
  /(?:следу\p{L}*|далее|затем|замыка\p{L}*|на\s+(?:первом|втором|третьем|четв[её]ртом|пятом)(?:\s+месте)?|(?:первое|второе|третье|четв[её]ртое|пятое)\s+место)/iu;

function rankedTrade(c: Clause, ctx: DocContext, out: Draft[]): void {
  const reporter = ctx.tradeReporter ?? ctx.tradePair?.[0];
  if (!reporter || !ctx.lastTradeMetric || !RANKED_RU.test(c.text)) return;
  const found = findMoney(c.text, c.start);
  // "Далее следуют Турция (3,9 млрд), Узбекистан (3,1 млрд)": figures in the currency of the total before.
  if (!found.length && ctx.lastTradeCurrency)
    for (const b of c.text.matchAll(/\((\d+(?:[.,]\d+)?)\s*(млрд|млн)\.?\s*\)/gu)) {
      const value = Math.round(Number(b[1].replace(',', '.')) * (b[2] === 'млрд' ? 1e9 : 1e6));
      found.push({
        value,
        currency: ctx.lastTradeCurrency,
        start: c.start + b.index + 1,
        end: c.start + b.index + b[0].length - 1,
      } as (typeof found)[number]);
    }
  for (const amount of found) {
    // "Турция (1,1 млрд долларов)", "на втором месте Россия с 1,86 млрд долларов".
    if (!/(?:\(|\sсо?\s)\s*$/u.test(ctx.text.slice(Math.max(0, amount.start - 4), amount.start))) continue;
    const m = [...c.ms]
      .reverse()
      .find((x) => (x.kind === 'country' || x.kind === 'adj') && x.end <= amount.start && amount.start - x.end <= 4);
    if (!m?.country || m.country === reporter) continue;
    const args: Record<string, unknown> = {
      parties: [reporter, m.country],
      metric: ctx.lastTradeMetric,
      amount: { value: amount.value, currency: amount.currency },
    };
    if (ctx.lastTrade?.period) args.period = ctx.lastTrade.period;
    const f = draft('trade', args, c, ctx, 0.7);
    if (ctx.lastTrade) f.when = ctx.lastTrade.when;
    out.push(f);
  }
}

function tradeOne(c: Clause, ctx: DocContext, out: Draft[]): void {
  const tm = TRADE.exec(c.text);
  if (!tm) {
    rankedTrade(c, ctx, out);
    return;
  }
  if (/подряд|ежегодно|в среднем/iu.test(c.text)) return;
  const money = findMoney(c.text, c.start);
  if (!money.length) return;
  let period = c.dates.find((d) => d.period && !d.relative) ?? c.dates.find((d) => d.period);
  // "за этот период", "за тот же период": the period of the figure just reported.
  if (!period && ctx.lastTrade && /за\s+(этот|тот же|данный|указанный|аналогичный этому|отч[её]тный)\s+период/iu.test(c.text))
    period = ctx.lastTrade;
  // A statistics report states its period once, in its lead: the figures after it are of that period.
  const explicit = period !== undefined || c.dates.some((d) => d.when.precision === 'month');
  if (!explicit && ctx.lastTrade && !FORECAST_RU.test(c.text)) period = ctx.lastTrade;
  if (!period && !explicit) return;
  const amount = pickAmount(c, money);
  if (!amount) return;
  // Parties: countries after the trigger first ("товарооборот Китая и России", "между Россией и Узбекистаном").
  const trigPos = c.start + tm.index;
  const cs: string[] = [];
  const csM: Mention[] = [];
  let source: string | undefined;
  const cands = c.ms.filter((m) => !m.inTitle && (m.kind === 'country' || m.kind === 'adj' || m.kind === 'person'));
  const after = cands.filter((m) => m.start >= trigPos);
  const before = cands.filter((m) => m.start < trigPos);
  for (const m of [...after, ...before.reverse()]) {
    const x = m.kind === 'person' ? countryOfId(m.id, ctx) : m.country;
    // "долларов США" is a currency, not a party.
    if (m.country === 'country:US' && /доллар\p{L}*\s*$/iu.test(ctx.text.slice(Math.max(0, m.start - 12), m.start))) continue;
    // A data source ("таможенного управления КНР") is not a party.
    if (
      /(управлени\p{L}*|служб\p{L}*|ведомств\p{L}*|статистик\p{L}*|комитет\p{L}*|агентств\p{L}*|министерств\p{L}*)\s*$/iu.test(
        ctx.text.slice(Math.max(0, m.start - 25), m.start),
      )
    ) {
      source ??= x;
      continue;
    }
    if (x && !cs.includes(x)) {
      cs.push(x);
      csM.push(m);
    }
    if (cs.length === 2) break;
  }
  // "Внешнеторговый оборот Монголии с Россией": the country whose trade it is reports the note's figures.
  if (
    cs.length === 2 &&
    csM[0].start >= trigPos &&
    !csM[0].prep &&
    (csM[1].prep === 'с' || csM[1].prep === 'со') &&
    csM[0].kind === 'country'
  )
    ctx.tradeReporter ??= cs[0];
  // A country's total foreign trade or its trade with a bloc ("со странами ЕАЭС") has no second country.
  // "..., или 62,9% от общего объема внешней торговли" is a share of the total, not the total.
  const ownText = c.text.replace(/(?:от|в)\s+(?:общего\s+|общем\s+)?(?:объем\p{L}*|оборот\p{L}*)\s+внешн\p{L}*\s+торговл\p{L}*/giu, '');
  if (
    cs.length < 2 &&
    // (a figure split off a longer sentence keeps the adjective before it: "общий внешнеторговый | оборот России").
    (/внешнеторгов|внешней\s+торговл|со\s+странами|с\s+миром|мировой\s+торговл/iu.test(ownText) ||
      /внешне(?:торгов\p{L}*\s+)?$/iu.test(ctx.text.slice(Math.max(0, c.start - 25), c.start)) ||
      c.ms.some((m) => m.kind === 'org' && m.start >= trigPos))
  ) {
    // Its period is the report's, for the figures by country that follow; its country their reporter.
    if (period) ctx.lastTrade = period;
    // Partners ranked after the total ("на втором месте Китай с ...") take its measure and currency.
    ctx.lastTradeCurrency ??= amount.currency;
    ctx.lastTradeMetric ??= /экспорт/iu.test(tm[0]) ? 'exports' : /импорт/iu.test(tm[0]) ? 'imports' : 'trade_turnover';
    // "внешнеторговый оборот страны" by "таможенного управления Монголии": the office's country.
    if (cs.length === 1) ctx.tradeReporter ??= cs[0];
    else if (cs.length === 0 && source && /страны|республики/iu.test(c.text)) ctx.tradeReporter ??= source;
    ctx.totalTrade = true;
    return;
  }
  // "Экспорт за девять месяцев достиг ..." right after a country's total: its total exports, no pair.
  if (cs.length === 0 && ctx.totalTrade) return;
  ctx.totalTrade = false;
  // "товарооборот двух стран" right after a meeting of two leaders: their countries, not the article's pair.
  const recent =
    ctx.lastEvent && ctx.sent - ctx.lastEvent.sent <= 2 && ctx.lastEvent.countries.length === 2 ? ctx.lastEvent.countries : undefined;
  if (cs.length === 0 && recent && /(двух|обеих)\s+(стран|государств)|двусторонн|взаимн/iu.test(c.text)) cs.push(...recent);
  if (cs.length < 2) {
    // "импорт из Китая": the note's reporting country, the one of the figure before, then the document's pair.
    const pool = [...(ctx.tradeReporter ? [ctx.tradeReporter] : []), ...(ctx.tradePair ?? []), ...ctx.pairCountries];
    for (const x of pool) if (!cs.includes(x) && cs.length < 2) cs.push(x);
  }
  if (cs.length < 2) return;
  // The reporting country first, as the contract orders a trade figure's parties.
  if (ctx.tradeReporter && cs[1] === ctx.tradeReporter) cs.reverse();
  ctx.tradePair = cs;
  if (period) ctx.lastTrade = period;
  const metric = /экспорт/iu.test(tm[0]) ? 'exports' : /импорт/iu.test(tm[0]) ? 'imports' : 'trade_turnover';
  ctx.lastTradeMetric = metric;
  const args: Record<string, unknown> = { parties: cs, metric, amount: { value: amount.value, currency: amount.currency } };
  if (period?.period) args.period = period.period;
  ctx.lastTradeCurrency = amount.currency;
  const f = draft('trade', args, c, ctx, 0.85);
  if (period) f.when = period.when;
  out.push(f);
}

// ---- summits ----
const ORDINALS = [
  'перв',
  'втор',
  'трет',
  'четверт',
  'пят',
  'шест',
  'седьм',
  'восьм',
  'девят',
  'десят',
  'одиннадцат',
  'двенадцат',
  'тринадцат',
  'четырнадцат',
  'пятнадцат',
  'шестнадцат',
  'семнадцат',
  'восемнадцат',
  'девятнадцат',
  'двадцат',
];
const ORDINAL_WORD = new RegExp(
  `(?<![\\p{L}])(${ORDINALS.join('|')})(?:ый|ой|ий|ья|ье|ая|ого|ом|ую|ей|ем|ьего|ьем|ьей|ью)\\s+(?:[\\p{L}-]+\\s+)?$`,
  'iu',
);
const SUMMIT =
  /(?<![\p{L}])(саммит\p{L}*|консультативн\p{L}*\s+встреч\p{L}*|заседани\p{L}*\s+(?=Высш|Совета\s+глав|Совета\s+коллективной|Евразийского\s+межправ))/giu;

function summits(c: Clause, ctx: DocContext, out: Draft[]): void {
  if (!/саммит|заседани|консультативн/i.test(c.text)) return;
  const hits = execAll(SUMMIT, c.text);
  hits.forEach((h, k) => {
    const from = c.start + h.index!;
    const to = k + 1 < hits.length ? c.start + hits[k + 1].index! : c.start + c.text.length;
    const after = c.ms.find((m) => m.kind === 'org' && m.start >= from && m.start < Math.min(to, from + 90));
    // "на саммите ОДКБ", "заседание Совета глав государств Содружества Независимых Государств".
    const org = after;
    const fmt = !org
      ? /^саммит\p{L}*\s+["«„]?([А-ЯЁ][\p{L}]+(?:\s+[А-ЯЁ][\p{L}]+)?(?:\s*[-–—+]\s*[А-ЯЁ][\p{L}]+(?:\s+[А-ЯЁ][\p{L}]+)?)+)["»“]?/u.exec(
          c.text.slice(h.index!),
        )
      : null;
    // The consultative meeting of Central Asian heads of state, or "следующая консультативная встреча" once it is named.
    const consult =
      /^консультативн/iu.test(h[0]) && (/Центральной\s+Азии/u.test(c.text.slice(h.index!, h.index! + 80)) || ctx.consultative === true);
    if (consult) ctx.consultative = true;
    // "российско-индийский саммит": the countries of the compound adjective right before it.
    const compound = !org && !fmt && !consult ? /(\p{L}+(?:-\p{L}+)+)\s+$/u.exec(c.text.slice(0, h.index!)) : null;
    const compoundCountries = compound
      ? [
          ...new Set(
            c.ms
              .filter((m) => m.kind === 'adj' && m.start >= from - compound[0].length && m.end <= from && m.country)
              .map((m) => m.country!),
          ),
        ]
      : [];
    if (!org && !fmt && !consult && compoundCountries.length < 2) return;
    const place = c.ms.find(
      (m) =>
        isPlaceKind(m) &&
        !m.inTitle &&
        m.start >= (k > 0 ? c.start + hits[k - 1].index! : c.start) &&
        m.start < to &&
        (m.kind !== 'region' || m.country),
    );
    const args: Record<string, unknown> = {};
    const lead = c.text.slice(Math.max(0, h.index! - 50), h.index!);
    // "22-го ежегодного российско-индийского саммита": the number may stand two words before.
    const ord = /(\d{1,3})-?(?:й|го|м|ом|ый)\s+(?:[\p{L}-]+\s+){0,2}$/iu.exec(lead);
    const informal = /неформальн\p{L}*\s+$/iu.test(lead);
    const isCouncil = /^заседани/iu.test(h[0]);
    let name: string;
    if (consult && !org) {
      args.name = 'Consultative Meeting of the Heads of State of Central Asia';
    } else if (org) {
      const known = KNOWN.get(org.id);
      const short =
        known && /^[A-Z0-9]{2,}$/.test(known.name)
          ? known.name
          : (known?.aliases.find((a) => /^[A-Z0-9]{2,}$/.test(a)) ?? lexicon().orgShort.get(org.id) ?? org.id.slice(4).toUpperCase());
      if (org.id === 'org:eaeu' && (isCouncil || /высш/iu.test(c.text.slice(h.index!, h.index! + 40))))
        name = 'Supreme Eurasian Economic Council meeting';
      else if (/Совета\s+глав\s+государств/u.test(c.text.slice(h.index!, h.index! + 40)))
        name = `${short} Council of Heads of State summit`;
      else if (/Совета\s+глав\s+правительств/u.test(c.text.slice(h.index!, h.index! + 40)))
        name = `${short} Council of Heads of Government meeting`;
      else if (/Совета\s+коллективной\s+безопасности/u.test(c.text.slice(h.index!, h.index! + 50)))
        name = `${short} Collective Security Council summit`;
      else name = `${informal ? 'Informal ' : ''}${short} summit`;
      args.name = name;
      args.organization = org.id;
      ctx.summitOrg = org.id;
    } else if (fmt) {
      const parts = fmt[1].split(/\s*[-–—+]\s*/u).map(englishPart);
      args.name = `${parts.join('–')} summit`;
      // "Центральная Азия – Китай": its members are the five states of the region and the other side.
      if (/централ\p{L}*\s+ази/iu.test(fmt[1])) {
        const others = c.ms
          .filter((m) => m.kind === 'country' && m.start >= c.start + h.index! - 40 && m.end <= c.start + h.index! + 80)
          .map((m) => m.country!);
        ctx.summitCountries = [...new Set([...others, ...CENTRAL_ASIA_RU])];
      }
    } else {
      args.name = `${compoundCountries.map((x) => KNOWN.get(x)?.name ?? x.slice(8)).join('–')} summit`;
    }
    // "... саммиту, который пройдет в Нью-Дели": the place in the relative clause about the summit.
    const relPlace =
      place || k + 1 < hits.length
        ? undefined
        : c.after?.find(
            (m) =>
              isPlaceKind(m) &&
              (m.prep === 'в' || m.prep === 'во') &&
              /^\s*,?\s*(?:который|которая|которое|где)\s[^,.;]*$/iu.test(ctx.text.slice(c.start + c.text.length, m.start)),
          );
    if (place ?? relPlace) args.place = (place ?? relPlace)!.id;
    else {
      const host = c.ms.find(
        (m) => m.kind === 'country' && (m.prep === 'в' || m.prep === 'во') && !m.inTitle && m.start >= from - 60 && m.start < to,
      );
      // "визит ... в Москву 8–9 июля, который прошел в рамках 22-го ежегодного саммита": where the visit went.
      const went = host
        ? undefined
        : [...(c.before ?? []), ...c.ms].find(
            (m) =>
              isPlaceKind(m) &&
              m.kind !== 'region' &&
              (m.prep === 'в' || m.prep === 'во') &&
              !m.inTitle &&
              m.end <= from &&
              /визит|прибыл|прилетел|приезд/iu.test(ctx.text.slice(Math.max(c.s.start, m.start - 120), m.start)),
          );
      if (host ?? went) args.place = (host ?? went)!.id;
    }
    if (ord) args.ordinal = Number(ord[1]);
    else {
      const w = ORDINAL_WORD.exec(lead);
      if (w) args.ordinal = ORDINALS.indexOf(w[1].toLowerCase()) + 1;
    }
    out.push(draft('summit', args, c, ctx, 0.85));
  });
}

export { countryOfId };
// "Лавров побывал в Бразилиа, где был принят президентом Лулой": the traveller meets the one the relative clause
// names.
function meetingsWhere(c: Clause, ctx: DocContext, out: Draft[], visitor: string): boolean {
  if (!/^где\s/iu.test(c.text) || !MEET.test(c.text)) return false;
  const all = actors(c, ctx).ids;
  const ids = all.filter((id) => id !== visitor);
  if (ids.length !== 1 || all.length !== 1) return false;
  meetings(c, ctx, out, undefined, [visitor, ids[0]]);
  return true;
}

export const FRAMES = { visits, meetings, meetingsWhere, agreements, milestones, investments, trade, summits };

/** Clause modality: negated or hedged clauses state nothing; planned ones are kept with a status. */
const HINT_NEG = /(^|[^а-яё])(не|ни) /;
const HINT_HEDGE = new RegExp(
  HEDGE.source
    .replace('(?<![\\p{L}])', '')
    .replace(/\(\?!\[\\p\{L\}\]\)$/, '')
    .replace(/\\p\{L\}/g, '[а-яё]'),
);
const HINT_PLANNED = new RegExp(
  PLANNED.source
    .replace('(?<![\\p{L}])', '')
    .replace(/\(\?!\[\\p\{L\}\]\)$/, '')
    .replace(/\\p\{L\}/g, '[а-яё]'),
);

export function modality(raw: string): 'neg' | 'hedge' | 'planned' | 'fact' {
  // Titles in quotes («Протокол о намерениях ...») say nothing about the clause around them.
  const text = raw.replace(/«([^»]*)»/gu, (q, inner: string) => (NAMED_DOC.test(inner) ? '«»' : q));
  const lo = text.toLowerCase();
  if (HINT_NEG.test(lo) && NEG.test(text)) return 'neg';
  if (HINT_HEDGE.test(lo) && HEDGE.test(text)) return 'hedge';
  if (HINT_PLANNED.test(lo) && PLANNED.test(text)) return 'planned';
  return 'fact';
}

/** Where a reporting trailer (", — сообщил X", ", заявил Y") starts in the sentence text, if any. */
export function trailerAt(text: string): number {
  const m = TRAILER.exec(text);
  return m ? m.index : -1;
}

export type { Tok };
