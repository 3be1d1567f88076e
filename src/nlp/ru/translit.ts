// Russian (and Kazakh, Kyrgyz, Uzbek, Tajik, Azerbaijani Cyrillic) to Latin, following the
// conventions of the English-language press: Дмитрий -> Dmitry, Сергей -> Sergey, Юрий -> Yuri,
// Токаев -> Tokayev (е after a vowel is "ye"), Мирзиёев -> Mirziyoyev, Жомарт -> Zhomart.

const MAP: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Kazakh, Kyrgyz, Uzbek, Tajik, Azerbaijani letters.
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ў: 'o',
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
  ј: 'y',
};

const VOWELS = new Set([...'аеёиоуыэюяәөұүіӯӣ']);
/** Given names the English press spells against the letter rules. */
const EXCEPTIONS: Record<string, string> = { юрий: 'yuri', юрия: 'yuri', алексей: 'alexei', александр: 'alexander', ильхам: 'ilham' };

/** One word in Latin letters, lower case. */
function word(w: string): string {
  const lo = w.toLowerCase();
  const ex = EXCEPTIONS[lo];
  if (ex) return ex;
  let out = '';
  for (let i = 0; i < lo.length; i++) {
    const c = lo[i];
    const prev = i > 0 ? lo[i - 1] : '';
    if (c === 'и' && lo[i + 1] === 'й' && i + 2 === lo.length) {
      out += 'y';
      i++;
      continue;
    } // Дмитрий
    if (c === 'ы' && lo[i + 1] === 'й' && i + 2 === lo.length) {
      out += 'y';
      i++;
      continue;
    }
    if (c === 'е' && (i === 0 || VOWELS.has(prev) || prev === 'ь' || prev === 'ъ')) {
      out += 'ye';
      continue;
    }
    if (c === 'ь' && lo[i + 1] === 'е') {
      out += '';
      continue;
    }
    const m = MAP[c];
    out += m === undefined ? c : m;
  }
  return out;
}

/** Latin transcription of a Cyrillic phrase, words capitalised ("Игорь Моргулов" -> "Igor Morgulov"). */
export function transliterate(s: string): string {
  return s.replace(/[\p{L}]+/gu, (w) => {
    if (!/[\u0400-\u04FF]/.test(w)) return w;
    const t = word(w);
    return t ? t[0].toUpperCase() + t.slice(1) : t;
  });
}

/** Slug for an id: lower case Latin words joined by hyphens ("Касым-Жомарт Токаев" -> "kassym..." style). */
export function slugRu(s: string): string {
  return transliterate(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
