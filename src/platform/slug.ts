// URL slugs from names in any script of the region: Cyrillic of Russian, Kazakh, Kyrgyz, Tajik and Uzbek
// transliterated (@sindresorhus/transliterate, with the region's letters given their usual Latin spelling),
// Chinese written in pinyin word by word (pinyin-pro, words found by Intl.Segmenter).
import transliterate from '@sindresorhus/transliterate';
import { pinyin } from 'pinyin-pro';
import { EXONYMS } from './slug-exonyms.generated.js';

// Russian as our slugs have always spelt it (х kh, щ shch, й y, ё e, soft and hard signs dropped), then the
// letters of the other Cyrillic alphabets of Central Asia as their passports spell them in Latin.
const CYRILLIC: [string, string][] = [
  ...pairs('аa бb вv гg дd еe ёe жzh зz иi йy кk лl мm нn оo пp рr сs тt уu фf хkh цts чch шsh щshch ъ ыy ь эe юyu яya'),
  // Kazakh, Kyrgyz, Tajik, Uzbek (and Bashkir/Tatar where they share a letter).
  ...pairs('әa ғg қk ңng өo ұu үu һh іi ҳh ҷj ӣi ӯu ўu җzh'),
];

function pairs(spec: string): [string, string][] {
  const out: [string, string][] = [];
  for (const item of spec.split(' ')) {
    const [cyr, lat] = [item[0], item.slice(1)];
    out.push([cyr, lat], [cyr.toUpperCase(), lat ? lat[0].toUpperCase() + lat.slice(1) : '']);
  }
  return out;
}

const WITH_EXONYMS = [...EXONYMS, ...CYRILLIC] as [string, string][];
const HAN = /\p{Script=Han}/u;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Latin letters for Chinese: pinyin without tones, read with the whole run for context, one word's syllables joined. */
function pinyinWords(text: string): string {
  return text.replace(/\p{Script=Han}+/gu, (run) => {
    const chars = [...run];
    const syllables = pinyin(run, { toneType: 'none', type: 'array' });
    if (syllables.length !== chars.length) return ` ${syllables.join(' ')} `;
    let at = 0;
    let out = ' ';
    for (const { segment } of words.segment(run)) {
      const n = [...segment].length;
      out += `${syllables.slice(at, at + n).join('')} `;
      at += n;
    }
    return out;
  });
}

/**
 * A URL slug: lowercase Latin letters, digits and single hyphens, at most 80 characters; "" when the name
 * has no letter or digit in any script. Country names of Kazakh, Kyrgyz and Tajik take their English form
 * unless `exonyms` is false ("Қазақстан" gives "kazakhstan").
 */
export function slugify(s: string, opts: { exonyms?: boolean } = {}): string {
  const latin = transliterate(HAN.test(s) ? pinyinWords(s) : s, {
    customReplacements: opts.exonyms === false ? CYRILLIC : WITH_EXONYMS,
  });
  return latin
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’ʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** True for a slug a person typed that the site can use as it is. */
export function isSlug(s: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) && s.length <= 80;
}
