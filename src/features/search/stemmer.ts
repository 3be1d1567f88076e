// Light stemmers for Russian and English: a word's stem is meant as a prefix that every form of the word shares,
// so the search can ask the index for `stem*` without storing stemmed text.

const RU_VOWELS = 'аеиоуыэюя';

/** Longest ending of the list that the word ends with (within `from`), or undefined. */
function longest(word: string, from: number, endings: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const e of endings) {
    if (e.length <= word.length - from && word.endsWith(e) && (!best || e.length > best.length)) best = e;
  }
  return best;
}

/** Like longest(), but the ending must follow "а" or "я" (which stays), or be one of the second group. */
function longestAfterAYa(word: string, from: number, group1: readonly string[], group2: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const e of group1) {
    const i = word.length - e.length;
    if (i - 1 >= from && word.endsWith(e) && (word[i - 1] === 'а' || word[i - 1] === 'я') && (!best || e.length > best.length)) best = e;
  }
  for (const e of group2) {
    if (e.length <= word.length - from && word.endsWith(e) && (!best || e.length > best.length)) best = e;
  }
  return best;
}

const PERFECTIVE_1 = ['в', 'вши', 'вшись'];
const PERFECTIVE_2 = ['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись'];
const REFLEXIVE = ['ся', 'сь'];
const ADJECTIVE = [
  'ее',
  'ие',
  'ые',
  'ое',
  'ими',
  'ыми',
  'ей',
  'ий',
  'ый',
  'ой',
  'ем',
  'им',
  'ым',
  'ом',
  'его',
  'ого',
  'ему',
  'ому',
  'их',
  'ых',
  'ую',
  'юю',
  'ая',
  'яя',
  'ою',
  'ею',
];
const PARTICIPLE_1 = ['ем', 'нн', 'вш', 'ющ', 'щ'];
const PARTICIPLE_2 = ['ивш', 'ывш', 'ующ'];
const VERB_1 = ['ла', 'на', 'ете', 'йте', 'ли', 'й', 'л', 'ем', 'н', 'ло', 'но', 'ет', 'ют', 'ны', 'ть', 'ешь', 'нно'];
const VERB_2 = [
  'ила',
  'ыла',
  'ена',
  'ейте',
  'уйте',
  'ите',
  'или',
  'ыли',
  'ей',
  'уй',
  'ил',
  'ыл',
  'им',
  'ым',
  'ен',
  'ило',
  'ыло',
  'ено',
  'ят',
  'ует',
  'уют',
  'ит',
  'ыт',
  'ены',
  'ить',
  'ыть',
  'ишь',
  'ую',
  'ю',
];
const NOUN = [
  'а',
  'ев',
  'ов',
  'ие',
  'ье',
  'е',
  'иями',
  'ями',
  'ами',
  'еи',
  'ии',
  'и',
  'ией',
  'ей',
  'ой',
  'ий',
  'й',
  'иям',
  'ям',
  'ием',
  'ем',
  'ам',
  'ом',
  'о',
  'у',
  'ах',
  'иях',
  'ях',
  'ы',
  'ь',
  'ию',
  'ью',
  'ю',
  'ия',
  'ья',
  'я',
];
const DERIVATIONAL = ['ост', 'ость'];
const SUPERLATIVE = ['ейш', 'ейше'];

/** Start of the region after the first vowel followed by a non-vowel, searching from `start`. */
function regionAfter(word: string, start: number): number {
  for (let i = start; i < word.length - 1; i++) {
    if (RU_VOWELS.includes(word[i]) && !RU_VOWELS.includes(word[i + 1])) return i + 2;
  }
  return word.length;
}

/** The Snowball Russian stemmer, for one lowercase word ("переговорах" -> "переговор"). */
export function stemRussian(input: string): string {
  let w = input.replace(/ё/g, 'е');
  let rv = w.length;
  for (let i = 0; i < w.length; i++)
    if (RU_VOWELS.includes(w[i])) {
      rv = i + 1;
      break;
    }
  const r2 = regionAfter(w, regionAfter(w, 0));
  const cut = (e: string | undefined) => {
    if (e) w = w.slice(0, -e.length);
    return e !== undefined;
  };

  // Step 1: a perfective gerund, or else a reflexive ending then an adjectival, verb or noun ending.
  if (!cut(longestAfterAYa(w, rv, PERFECTIVE_1, PERFECTIVE_2))) {
    cut(longest(w, rv, REFLEXIVE));
    const adj = longest(w, rv, ADJECTIVE);
    if (adj) {
      w = w.slice(0, -adj.length);
      cut(longestAfterAYa(w, rv, PARTICIPLE_1, PARTICIPLE_2));
    } else if (!cut(longestAfterAYa(w, rv, VERB_1, VERB_2))) {
      cut(longest(w, rv, NOUN));
    }
  }
  // Step 2: a final "и".
  if (w.length > rv && w.endsWith('и')) w = w.slice(0, -1);
  // Step 3: derivational "ость" in R2.
  cut(longest(w, Math.max(r2, rv), DERIVATIONAL));
  // Step 4: "нн" -> "н", a superlative, or a soft sign.
  if (w.length - 2 >= rv && w.endsWith('нн')) w = w.slice(0, -1);
  else if (cut(longest(w, rv, SUPERLATIVE))) {
    if (w.endsWith('нн')) w = w.slice(0, -1);
  } else if (w.length > rv && w.endsWith('ь')) w = w.slice(0, -1);
  return w;
}

const EN_VOWEL = /[aeiouy]/;
const EN_INVARIANT = new Set(['news', 'series', 'species', 'this', 'has', 'was', 'is', 'us', 'gas', 'yes', 'thus', 'less', 'always']);

/** Removes a doubled final consonant left by -ing/-ed ("plann" -> "plan"), keeping ll, ss and zz. */
function undouble(w: string): string {
  const n = w.length;
  return n >= 4 && w[n - 1] === w[n - 2] && !/[aeiouylsz]/.test(w[n - 1]) ? w.slice(0, -1) : w;
}

/** A light English stemmer for prefix search: plurals, -ing, -ed, -ion, final -e/-y ("agreements" -> "agreement"). */
export function stemEnglish(input: string): string {
  let w = input.replace(/['’]s$/, '');
  if (w.length <= 3 || EN_INVARIANT.has(w)) return w;
  // Plurals and third person.
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(ss|us|is)$/.test(w)) {
    /* crisis, consensus, address: not plurals */
  } else if (/(ches|shes|sses|xes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s')) w = w.slice(0, -1);
  // Verb forms, when a vowel stays in the stem.
  for (const suf of ['ings', 'ing', 'ied', 'ed']) {
    if (w.endsWith(suf) && !(suf === 'ed' && w.endsWith('eed')) && w.length - suf.length >= 3 && EN_VOWEL.test(w.slice(0, -suf.length))) {
      w = suf === 'ied' ? w.slice(0, -3) + 'y' : undouble(w.slice(0, -suf.length));
      break;
    }
  }
  // Nouns of action share their stem with the verb: negotiation, negotiate, negotiating -> "negotiat".
  if (/[^aeiou]ions?$/.test(w) && w.length >= 7) w = w.replace(/ions?$/, '');
  else if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  // policy / policies -> "polic"; railway stays.
  if (w.endsWith('y') && w.length >= 5 && !EN_VOWEL.test(w[w.length - 2])) w = w.slice(0, -1);
  return w;
}

const CYRILLIC = /^[\u0400-\u04ff]+$/;
const LATIN = /^[a-z\u00c0-\u024f'’]+$/;

/** The stem of one lowercase word: Russian for Cyrillic, English for Latin, the word itself otherwise. */
export function stem(word: string): string {
  if (CYRILLIC.test(word)) return stemRussian(word);
  if (LATIN.test(word)) return stemEnglish(word);
  return word;
}
