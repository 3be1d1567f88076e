// Which language a text is written in: the engine reads English, Russian and Chinese, and must say
// plainly when it is given anything else rather than return an empty result that looks like "no facts".
import type { Lang } from './types.js';

/** The language read, or the BCP 47 code of one the engine cannot read. */
export type Detected = { lang: Lang } | { unreadable: string };

// Short function words, frequent in any running text of their language and rare in the others.
const STOPWORDS: Record<string, string> = {
  en: 'the of and to in is that for on with was said by has have are from at as which will its',
  fr: 'le la les des et est du une pour dans que qui au aux sur pas ont avec cette par sont',
  de: 'der die und das ist nicht mit den von zu sich dem ein eine auf auch wird für bei sind',
  es: 'el la los las y que en del por con una para se es al su fue como más sus entre',
  pt: 'o os da do das dos e que em para com uma não no na ao foi pelo pela são mais',
  it: 'il di e che la per un del della non sono gli nel alla dei delle anche con è più',
  nl: 'de het een en van is dat op te zijn met voor niet ook aan er bij werd door',
  tr: 've bir bu ile için da de olan olarak daha ise gibi çok kadar sonra',
  pl: 'i w na z się że nie do jest to o przez jak od po dla oraz są',
  id: 'dan yang di ke dari ini itu dengan untuk tidak akan pada adalah dalam juga',
  uz: "va bilan uchun bu bir ham deb edi esa hamda qilish bo'yicha",
  ru: 'и в не на что с по это как из о к у за от же для который также был была были его их при он она они после года году уже ещё еще только',
  uk: 'і в не на що з по це як із до у за від та також був була були його їх при який',
  bg: 'и в не на че с по това как от за да се са е към който които при',
  kk: 'және мен бен бойынша үшін бұл осы деп болып жылы қазақстан',
  sr: 'и у не на да је са по за од се као који из',
};

// Made on first use: loading the display names costs more than reading a whole article, and only a text
// the engine cannot read needs them.
let NAMES: Intl.DisplayNames | undefined;

/** English name of a language code ("fr" -> "French"). */
export function languageName(code: string): string {
  try {
    NAMES ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

const WORD = /[\p{L}']+/gu;

// One look-up per word: the languages a function word belongs to.
const STOPWORD_LANGS = new Map<string, string[]>();
for (const [l, words] of Object.entries(STOPWORDS)) {
  for (const w of words.split(' ')) STOPWORD_LANGS.set(w, [...(STOPWORD_LANGS.get(w) ?? []), l]);
}

const CYRILLIC_LANGS = ['ru', 'uk', 'bg', 'kk', 'sr'];
// A word as stopwordScores reads one: a whole run of letters and apostrophes.
const EN_SET = new Set(STOPWORDS.en.split(' '));
const OTHER_SET = new Set(
  Object.entries(STOPWORDS)
    .filter(([l]) => l !== 'en' && !CYRILLIC_LANGS.includes(l))
    .flatMap(([, w]) => w.split(' ')),
);

const LONGEST = Math.max(...[...EN_SET, ...OTHER_SET].map((w) => w.length));

// A letter as stopwordScores reads one (\p{L}), tested by code for ASCII and Latin-1, the bulk of text.
const LETTER = /\p{L}/u;
function isLetter(c: number, s: string, i: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return LETTER.test(s[i]);
}

function plainlyEnglish(sample: string): boolean {
  // Words are whole runs of letters and apostrophes, as in stopwordScores; one pass counts both sets.
  let en = 0;
  let other = 0;
  const n = sample.length;
  let i = 0;
  while (i < n) {
    let c = sample.charCodeAt(i);
    if (!(c === 39 || isLetter(c, sample, i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && ((c = sample.charCodeAt(i)) === 39 || isLetter(c, sample, i))) i++;
    if (i - start > LONGEST) continue;
    const w = sample.slice(start, i).toLowerCase();
    if (EN_SET.has(w)) en++;
    if (OTHER_SET.has(w)) other++;
    // Two dozen English function words and twice those of the others: the rest of the sample will not turn it.
    if (en >= 24 && en >= 2 * other) return true;
  }
  return en >= 3 && en >= 0.8 * other;
}

function clearLead(scores: Map<string, number>): boolean {
  let first = 0;
  let second = 0;
  for (const v of scores.values()) {
    if (v > first) [first, second] = [v, first];
    else if (v > second) second = v;
  }
  return first >= 20 && first >= 3 * second;
}

function stopwordScores(text: string, langs: string[]): [string, number][] {
  const scores = new Map<string, number>(langs.map((l) => [l, 0]));
  const lower = text.toLowerCase();
  let m: RegExpExecArray | null;
  WORD.lastIndex = 0;
  let n = 0;
  // Four hundred words are plenty to tell function words apart.
  while ((m = WORD.exec(lower)) !== null && n < 400) {
    n++;
    // Every fifty words: stop once one language has twenty function words and three times the next one's.
    if (n % 50 === 0 && clearLead(scores)) break;
    const hit = STOPWORD_LANGS.get(m[0]);
    if (hit) for (const l of hit) if (scores.has(l)) scores.set(l, scores.get(l)! + 1);
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1]);
}

const SCRIPTS: [string, RegExp][] = [
  ['han', /\p{Script=Han}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['latin', /\p{Script=Latin}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['armenian', /\p{Script=Armenian}/u],
  ['thai', /\p{Script=Thai}/u],
];
const SCRIPT_LANG: Record<string, string> = {
  kana: 'ja',
  hangul: 'ko',
  arabic: 'ar',
  devanagari: 'hi',
  greek: 'el',
  hebrew: 'he',
  georgian: 'ka',
  armenian: 'hy',
  thai: 'th',
};

/** Detect the language of an article from its letters, then its function words. */
export function detectLanguage(text: string): Detected {
  // A few thousand characters tell the script and the function words; the whole text would only cost time.
  const sample = text.length > 1500 ? text.slice(0, 1500) : text;
  const counts = new Map<string, number>();
  const bump = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  // The common scripts by code range, counted in plain variables (this runs on every article); the rest by
  // their Unicode property.
  let latin = 0;
  let cyrillic = 0;
  let han = 0;
  let kana = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x41 || (c > 0x5a && c < 0x61) || (c > 0x7a && c < 0xc0)) continue; // ASCII punctuation and digits
    if (c <= 0x24f) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else {
      // A character outside the BMP is two code units.
      const ch = c >= 0xd800 && c <= 0xdbff ? sample.slice(i, ++i + 1) : sample[i];
      for (const [name, re] of SCRIPTS) {
        if (re.test(ch)) {
          bump(name);
          break;
        }
      }
    }
  }
  for (const [name, n] of [
    ['latin', latin],
    ['cyrillic', cyrillic],
    ['han', han],
    ['kana', kana],
  ] as const)
    if (n > 0) counts.set(name, (counts.get(name) ?? 0) + n);
  // Letters per word differ by script: a Han character is about half a word, a Latin word about six letters.
  const weight = (s: string) => (counts.get(s) ?? 0) / (s === 'han' || s === 'kana' || s === 'hangul' ? 1.6 : 6);
  const ranked = [...counts.keys()].sort((a, b) => weight(b) - weight(a));
  const top = ranked[0];
  if (!top) return { lang: 'en' };
  if (top === 'han' || top === 'kana') {
    // Japanese mixes kana into Han text; a few kana in a Chinese article are quoted names.
    return (counts.get('kana') ?? 0) > (counts.get('han') ?? 0) * 0.05 ? { unreadable: 'ja' } : { lang: 'zh' };
  }
  if (top === 'cyrillic') {
    if (/[ўЎ]/.test(sample)) return { unreadable: 'be' };
    const scores = stopwordScores(sample, CYRILLIC_LANGS);
    if (/[ієїґ]/i.test(sample) && scores[0][0] === 'uk') return { unreadable: 'uk' };
    if (scores[0][1] === 0 || scores[0][0] === 'ru') return { lang: 'ru' };
    // Bulgarian, Ukrainian and Serbian have no ы, э or ё; a few of them outweigh a short text's function words
    // ("Лулой да Силвой" lends Bulgarian its "да").
    if (['bg', 'uk', 'sr'].includes(scores[0][0]) && (sample.match(/[ыэё]/giu)?.length ?? 0) >= 3) return { lang: 'ru' };
    // Russian wins ties: its function words overlap with its neighbours'.
    const ru = scores.find(([l]) => l === 'ru')![1];
    return ru >= scores[0][1] * 0.8 ? { lang: 'ru' } : { unreadable: scores[0][0] };
  }
  if (top === 'latin') {
    // Most articles are English: when English function words are at least 0.8 times those of all the other
    // Latin-script languages together, they are at least 0.8 times the best of them, and the count below
    // would say English too. Counted with two patterns, without a look-up per word.
    if (plainlyEnglish(sample)) return { lang: 'en' };
    const scores = stopwordScores(
      sample,
      Object.keys(STOPWORDS).filter((l) => !CYRILLIC_LANGS.includes(l)),
    );
    const en = scores.find(([l]) => l === 'en')![1];
    const [best, bestScore] = scores[0];
    // A headline or a few words with no function word at all read as English: names and figures are what they hold.
    if (best === 'en' || bestScore < 3 || en >= bestScore * 0.8) return { lang: 'en' };
    return { unreadable: best };
  }
  return { unreadable: SCRIPT_LANG[top] ?? 'und' };
}
