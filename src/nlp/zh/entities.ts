// Entity mentions in folded Chinese text: dictionary longest match (countries, places, organisations,
// projects, people of the register), country compounds (中美, 中吉乌), single-character countries after
// verbs (访华, 在美), and people named with a title (国务院副总理汪洋, 发言人高峰, 罗斯部长).
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import { PEOPLE, personById } from '../people.js';
import {
  ABBREV,
  ABBREV_ALT,
  countryNames,
  lexByFirst,
  SURNAMES,
  SURNAMES_2,
  TITLES,
  TITLES_BY_FIRST,
  type LexEntry,
  type LexKind,
  type TitleInfo,
} from './lexicon.js';

export interface Mention {
  id: string;
  kind: LexKind;
  start: number;
  end: number;
  /** A compound (中美) stands for several countries. */
  ids?: string[];
  /** Country of a place, or of a person by their title or office. */
  country?: string;
  capital?: boolean;
  title?: TitleInfo;
  en?: string;
}

const HAN = /\p{Script=Han}/u;
// Made on first use: loading the word dictionary is the dearest thing the engine does at start.
let WORD_SEGMENTER: Intl.Segmenter | undefined;

// What may follow a compound of country abbreviations (中美两国, 中吉乌铁路, 中哈、中乌).
const COMPOUND_NEXT =
  /^(?:两国|三国|四国|五国|六国|双方|三方|各方|关系|经贸|贸易|合作|铁路|公路|高铁|管道|边境|元首|领导人|总理|总统|企业|商贸|联合|战略|友好|伙伴|外长|首脑|会晤|会谈|峰会|互免|人员|货物|商品|服务|进出口|出口|进口|航线|航班|直航|经济|金融|科技|文化|教育|旅游|青年|地方|友城|农产品|召开|举行|举办|签署|签订|实现|建立|达成|进行|开展|正式|互|在|人文|能源|投资|双边|第|之间|间|政府|议会|人民|外交|建交|友谊|全面|共同|农业|产业|[、,和与])/;
// A one-character country after these verbs and prepositions (访华, 在美举行, 对华投资).
const SINGLE_BEFORE = /[访在赴来抵对驻离回]/;
const SINGLE_NEXT =
  /^(?:$|[,。、)!?;]|举行|期间|访问|出席|进行|投资|出口|进口|进出口|贸易|的|工作|留学|企业|人员|使馆|大使|合作|经商|考察|参加|参会|后|前|以来|时|并)/;
// After a capital, words that make it its government.
const GOVERNMENT_NEXT = /^(?:认为|表示|宣布|指出|强调|坚持|反对|拒绝|谴责|批评|回应|方面|当局|政府|希望|要求|决定|同意)/;
// A title right after a name (莫迪总理, 卡拉副总统).
const TITLE_AFTER = /^(?:总统|总理|首相|主席|副总统|副总理|外长|部长|国王|议长|秘书长|先生|女士)/;
// Words that end a name written after a title.
const NAME_STOP =
  /^(?:表示|说|指出|强调|宣布|介绍|认为|称|答|回答|在|于|将|与|和|同|及|会见|会晤|会谈|出席|抵达|就|对|等|也|还|并|率|日|今天|应|主持|一行|分别|访问|致辞|讲话|发表|参加|出访|共同|随后|当天|当日|此前|上午|下午|晚|见证|签署|提出|即|亲自|会|向|接受|举行|先生|女士|为|是|以|从|通电话|通话|已|曾|的|们|报道|[,。、:;!?()“”《》\s\d])/;
// Characters of transliterated foreign names (特朗普, 普里茨克, 托卡耶夫).
const TRANSLIT = new Set(
  (
    '阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜多厄恩尔法凡菲费芬丰弗福夫盖冈戈格根古哈海汉豪赫亨' +
    '胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸拉莱兰朗劳勒雷蕾里利莉连林琳卢鲁路伦罗洛马迈麦曼梅门蒙米明莫姆穆纳奈南内尼涅努诺欧' +
    '帕潘佩彭皮普奇齐恰乔切钦琼丘萨塞桑瑟森沙莎尚舍什施史斯松苏索塔泰坦汤唐特藤提图托瓦万旺威韦维温沃乌伍西希谢辛休修雅亚扬耶伊' +
    '因尤于约泽扎詹兹朱佐茨娜娃丽赛朗纽奎蓬隆杭穆宁汀露贡德扎罕默'
  ).split(''),
);

// pinyin-pro is loaded on first use (its dictionary costs a start ~0.1 s that most texts never need);
// Node's module cache keeps it after that.
const requireHere = createRequire(import.meta.url);

/** Pinyin syllables of Chinese text, without tones (surname readings for the first characters when `surname`). */
export function syllables(text: string, surname = false): string[] {
  const { pinyin } = requireHere('pinyin-pro') as typeof PinyinPro;
  return pinyin(text, { toneType: 'none', type: 'array', v: true, ...(surname ? { surname: 'head' as const } : {}) }) as string[];
}

/** Person id from a Chinese name: family name first, given name joined (俞建华 -> person:yu-jianhua). */
export function chinesePersonId(name: string): string {
  const fam = SURNAMES_2.has(name.slice(0, 2)) ? 2 : 1;
  const py = syllables(name, true);
  return `person:${py.slice(0, fam).join('')}-${py.slice(fam).join('')}`.toLowerCase().replace(/[^a-z:-]/g, '');
}

/** Person id from a transliterated foreign name the register does not know (last resort): its pinyin. */
export function foreignPersonId(name: string): string {
  // The parts of a name written with "·" stay apart in the id (穆罕默德·阿布纳扬: muhanmode-abunayang).
  const parts = name.split('·').map((p) =>
    syllables(p)
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, ''),
  );
  return `person:${parts.filter(Boolean).join('-')}`;
}

function lexAt(s: string, i: number): LexEntry | undefined {
  const list = lexByFirst().get(s[i]);
  if (!list) return undefined;
  for (const e of list) if (s.startsWith(e.phrase, i)) return e;
  return undefined;
}

function titleAt(s: string, i: number): string | undefined {
  const list = TITLES_BY_FIRST.get(s[i]);
  if (list) for (const t of list) if (s.startsWith(t, i)) return t;
  return undefined;
}

/** The reading of an abbreviation that the text names in full (乌 is Uzbekistan, or Ukraine in a text about it). */
function abbrevReading(ch: string, s: string, memo: Map<string, string | undefined>): string | undefined {
  const main = ABBREV.get(ch);
  const alts = ABBREV_ALT.get(ch);
  if (!alts || !main) return main;
  if (memo.has(ch)) return memo.get(ch);
  const r = reading(main, alts, s);
  memo.set(ch, r);
  return r;
}

function reading(main: string, alts: readonly string[], s: string): string {
  const named = (id: string): boolean => (countryNames().get(id) ?? []).some((n) => s.includes(n));
  if (named(main)) return main;
  for (const a of alts) if (named(a)) return a;
  return main;
}

/** Length of an unknown Chinese name at `i` (2 or 3, 4 with a compound family name), or 0. */
function chineseNameLength(s: string, i: number): number {
  const fam = SURNAMES_2.has(s.slice(i, i + 2)) ? 2 : SURNAMES.has(s[i]) ? 1 : 0;
  if (!fam) return 0;
  for (const given of [1, 2]) {
    const end = i + fam + given;
    if (end > s.length) return 0;
    if (![...s.slice(i + fam, end)].every((c) => HAN.test(c))) return 0;
    if (end === s.length || NAME_STOP.test(s.slice(end, end + 3))) {
      // A one-character given name must be a word boundary for the segmenter too (高峰|表示).
      if (given === 1 && !NAME_STOP.test(s.slice(end, end + 3))) return 0;
      return fam + given;
    }
  }
  return 0;
}

/** Length of a transliterated name at `i` (2 to 7 characters of the transliteration set), or 0. */
function foreignNameLength(s: string, i: number): number {
  let j = i;
  // Up to seven characters, or twelve for a name of two parts (穆罕默德·阿布纳扬).
  while (j < s.length && (j - i < 7 || (j - i < 12 && s.slice(i, j).includes('·'))) && (TRANSLIT.has(s[j]) || (s[j] === '·' && j > i))) {
    if (j - i >= 2 && NAME_STOP.test(s.slice(j, j + 3))) break;
    j++;
  }
  if (j - i < 2 || (j < s.length && HAN.test(s[j]) && !NAME_STOP.test(s.slice(j, j + 3)) && !titleAt(s, j))) return 0;
  return j - i;
}

// Characters that end a title or join names: a name may start right after them.
const NAME_BEFORE = /[长席统理使人官员记部委和与同及、,:;“”《》()\s]/;

/** A name may start at `i`: after a title, a joiner or punctuation, or where the segmenter puts a word boundary. */
function clearStart(s: string, i: number): boolean {
  return i === 0 || NAME_BEFORE.test(s[i - 1]) || !isHan(s.charCodeAt(i - 1)) || boundaryAt(s, i);
}

/** A name may end at `end`: before a stop word, a title, punctuation, or a word boundary. */
function clearEnd(s: string, end: number): boolean {
  return (
    end >= s.length ||
    !isHan(s.charCodeAt(end)) ||
    NAME_STOP.test(s.slice(end, end + 3)) ||
    titleAt(s, end) !== undefined ||
    boundaryAt(s, end)
  );
}

function isHan(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/** Whether a segmenter word boundary falls at `pos` of `s` (checked in a short window). */
function boundaryAt(s: string, pos: number): boolean {
  const a = Math.max(0, pos - 4);
  let at = a;
  WORD_SEGMENTER ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const seg of WORD_SEGMENTER.segment(s.slice(a, pos + 4))) {
    if (at === pos) return true;
    at += seg.segment.length;
  }
  return at === pos;
}

/** All mentions in folded text `s`, left to right, non-overlapping. */
export function findMentions(s: string): Mention[] {
  const out: Mention[] = [];
  let lastCountry: Mention | undefined;
  const memo = new Map<string, string | undefined>();
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff) {
      i++;
      continue;
    }
    const lex = lexAt(s, i);
    // Compounds of abbreviations: 中美, 中吉乌 (followed by a noun such as 两国, 铁路, 关系).
    if (ABBREV.has(c) && (!lex || lex.kind !== 'country' || lex.phrase.length < 2 || !lex.phrase.startsWith(c + s[i + 1]))) {
      let j = i;
      while (j < s.length && ABBREV.has(s[j]) && j - i < 5) j++;
      if (j - i >= 2 && (!lex || lex.phrase.length <= j - i) && COMPOUND_NEXT.test(s.slice(j, j + 3)) && s[j] !== '洲') {
        const ids = [...s.slice(i, j)].map((ch) => abbrevReading(ch, s, memo)!).filter((x, k, a) => a.indexOf(x) === k);
        if (ids.length >= 2) {
          out.push({ id: ids[0], ids, kind: 'country', start: i, end: j });
          i = j;
          continue;
        }
      }
    }
    // A short name must be a word for the segmenter too: 韩正 is no person in 中韩正式建交.
    if (lex && lex.kind === 'person' && lex.phrase.length <= 3 && (!clearStart(s, i) || !clearEnd(s, i + lex.phrase.length))) {
      i++;
      continue;
    }
    // A register name followed by "·" begins someone else's full name (穆罕默德·阿布纳扬 is not Mahathir Mohamad).
    if (lex && lex.kind === 'person' && runsOn(s, i + lex.phrase.length)) {
      i++;
      continue;
    }
    // A foreign surname alone (卡拉 of 尤素福·卡拉) inside a longer transliteration (卡拉干达) is a part of that word.
    if (
      lex &&
      lex.kind === 'person' &&
      lex.phrase.length <= 3 &&
      isHan(s.charCodeAt(i + lex.phrase.length)) &&
      !NAME_STOP.test(s.slice(i + lex.phrase.length)) &&
      !TITLE_AFTER.test(s.slice(i + lex.phrase.length)) &&
      personById(lex.id)?.zh.some((n) => n.includes('·') && n !== lex.phrase && n.endsWith(lex.phrase))
    ) {
      i++;
      continue;
    }
    if (lex) {
      const m: Mention = { id: lex.id, kind: lex.kind, start: i, end: i + lex.phrase.length, en: lex.en };
      if (lex.country) m.country = lex.country;
      if (lex.capital) {
        m.capital = true;
        // A seat of government that speaks or acts is its country: 北京认为, 华盛顿方面.
        if (
          GOVERNMENT_NEXT.test(s.slice(m.end, m.end + 3)) &&
          lex.country &&
          !/(在|于|赴|抵达|到|访问|前往)$/.test(s.slice(Math.max(0, i - 2), i))
        ) {
          m.id = lex.country;
          m.kind = 'country';
          m.capital = undefined;
          m.country = undefined;
        }
      }
      if (lex.kind === 'person') {
        const p = personById(lex.id);
        const office = p?.offices[0];
        if (office?.of.startsWith('country:')) m.country = office.of;
        // A title right after the name (汪洋副总理, 特朗普总统).
        const t = titleAt(s, m.end);
        if (t) {
          m.title = TITLES.get(t);
          if (!m.country && lastCountry && m.start - lastCountry.end <= 8) m.country = lastCountry.id;
        }
      }
      if (lex.kind === 'country') lastCountry = m;
      out.push(m);
      i = m.end;
      continue;
    }
    // A single-character country after a verb or preposition: 访华, 在美举行, 对华投资.
    if (
      (c === '华' || ABBREV.has(c)) &&
      i > 0 &&
      SINGLE_BEFORE.test(s[i - 1]) &&
      SINGLE_NEXT.test(s.slice(i + 1, i + 4)) &&
      !(c === '日' && /[前后内起电]/.test(s[i + 1] ?? ''))
    ) {
      const id = c === '华' ? 'country:CN' : abbrevReading(c, s, memo)!;
      out.push({ id, kind: 'country', start: i, end: i + 1 });
      i++;
      continue;
    }
    // A one-character country as the subject of trade with another (蒙对华出口, 哈自华进口), when the text
    // names that country in full somewhere: a clause opens on it and a preposition and a country follow.
    if (
      ABBREV.has(c) &&
      (i === 0 || /[,。;:、\n]|其中$/.test(s.slice(Math.max(0, i - 2), i).replace(/^.(?=[,。;:、\n])/, ''))) &&
      /^[对自与同向从](?:华|[^\s,。])(?:出口|进口|贸易|投资|进出口)/.test(s.slice(i + 1, i + 6)) &&
      (ABBREV.has(s[i + 2]) || s[i + 2] === '华')
    ) {
      const id = abbrevReading(c, s, memo)!;
      if ((countryNames().get(id) ?? []).some((n) => n.length > 1 && s.includes(n))) {
        out.push({ id, kind: 'country', start: i, end: i + 1 });
        i++;
        continue;
      }
    }
    // The one-character names of Beijing and Shanghai: 在京举行, 赴沪出席.
    if ((c === '京' || c === '沪') && i > 0 && SINGLE_BEFORE.test(s[i - 1]) && SINGLE_NEXT.test(s.slice(i + 1, i + 4))) {
      const [id, en] = c === '京' ? ['place:beijing', 'Beijing'] : ['place:shanghai', 'Shanghai'];
      out.push({ id, kind: 'place', start: i, end: i + 1, country: 'country:CN', capital: c === '京' || undefined, en });
      i++;
      continue;
    }
    const t = titleAt(s, i);
    if (t) {
      const title = TITLES.get(t)!;
      const end = i + t.length;
      const ctx = lastCountry && i - lastCountry.end <= 10 && !/[,。;]/.test(s.slice(lastCountry.end, i)) ? lastCountry.id : undefined;
      const country =
        ctx ??
        (/^(国务院|国家主席)/.test(t) ||
        /(国务院|外交部|商务部|国家|中央|发改委|财政部)[^,。;:]{0,14}$/.test(s.slice(Math.max(0, i - 20), i))
          ? 'country:CN'
          : undefined);
      // A known name follows: handled by the dictionary on the next step (titled there).
      const next = lexAt(s, end);
      // ... unless it only begins a longer one (穆罕默德·阿布纳扬).
      if (next?.kind === 'person' && !runsOn(s, end + next.phrase.length)) {
        out.push({
          id: next.id,
          kind: 'person',
          start: end,
          end: end + next.phrase.length,
          title,
          country: country ?? countryOfPerson(next.id),
          en: next.en,
        });
        i = end + next.phrase.length;
        continue;
      }
      // An unknown name after the title: Chinese when the title is China's (or nobody's), else transliterated.
      const foreign = country && country !== 'country:CN';
      const len = foreign ? foreignNameLength(s, end) : chineseNameLength(s, end) || foreignNameLength(s, end);
      if (len && boundaryAt(s, end + len)) {
        const name = s.slice(end, end + len);
        const isChinese = !foreign && chineseNameLength(s, end) === len;
        // "沙特王储兼首相穆罕默德": the one person of that country whose register name has this part.
        const known = foreign ? partOfName(name, country) : undefined;
        const id = known ?? (isChinese ? chinesePersonId(name) : foreignPersonId(name));
        out.push({
          id,
          kind: 'person',
          start: end,
          end: end + len,
          title,
          country: country ?? (isChinese ? 'country:CN' : undefined),
          en: name,
        });
        i = end + len;
        continue;
      }
      // An unknown transliterated name before the title, after an organ: 商务部罗斯部长.
      if ((NAME_STOP.test(s.slice(end, end + 3)) || end === s.length) && out[out.length - 1]?.end !== i) {
        let b = i;
        while (b > 0 && i - b < 6 && TRANSLIT.has(s[b - 1])) b--;
        if (i - b >= 2 && b > 0 && /[部院委局署的,、]/.test(s[b - 1])) {
          const name = s.slice(b, i);
          out.push({ id: foreignPersonId(name), kind: 'person', start: b, end: i, title, country: ctx, en: name });
        }
      }
      i = end;
      continue;
    }
    i++;
  }
  return out;
}

/** A name goes on at `at`: a "·", or a few more transliterated characters up to one (克里 of 克里斯托弗·拉克森). */
function runsOn(s: string, at: number): boolean {
  if (s[at] === '·') return true;
  let j = at;
  while (j < s.length && j - at < 4 && TRANSLIT.has(s[j])) j++;
  return j > at && s[j] === '·';
}

function partOfName(part: string, country: string): string | undefined {
  const hits = PEOPLE.filter((p) => p.offices.some((o) => o.of === country) && p.zh.some((n) => n.split(/[·・•]/).includes(part)));
  if (hits.length === 1) return hits[0].id;
  // Of several, the one still in office there.
  const current = hits.filter((p) => p.offices.some((o) => o.of === country && o.to === undefined));
  return current.length === 1 ? current[0].id : undefined;
}

function countryOfPerson(id: string): string | undefined {
  const of = personById(id)?.offices[0]?.of;
  return of?.startsWith('country:') ? of : undefined;
}
