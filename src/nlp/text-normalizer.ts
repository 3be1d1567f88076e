// Offset-preserving normalisation: every output string has the same length as its input,
// so positions found in the normalised text are positions in the original.

const CHAR_MAP: Record<string, string> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2012': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
};

const TYPOGRAPHY = /[\u2019\u2018\u02bc\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014\u2012\u2010\u2011\u2212\u00a0\u2009\u202f]/g;

/** Normalise quotes, dashes and spaces only, one character for one (names in the gazetteer). */
export function normalizeTypography(text: string): string {
  TYPOGRAPHY.lastIndex = 0;
  if (!TYPOGRAPHY.test(text)) return text;
  TYPOGRAPHY.lastIndex = 0;
  return text.replace(TYPOGRAPHY, (c) => CHAR_MAP[c] ?? c);
}

const MARKUP = /[<[*_`~|#>]|^[ \t]*(?:[-+]|\d{1,3}[.)])[ \t]/m;

/** Normalise quotes/dashes and blank out Markdown/HTML markup without moving any offsets. */
export function maskMarkup(text: string): string {
  let s = normalizeTypography(text);
  // Plain text, the usual input, has none of the characters the passes below look for.
  if (!MARKUP.test(s)) return s;
  const blank = (m: string) => ' '.repeat(m.length);
  s = s.replace(/<[^<>\n]{1,200}>/g, blank); // inline HTML tags
  s = s.replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, (m, inner: string) => ' ' + inner + ' '.repeat(m.length - inner.length - 1));
  s = s.replace(/^([ \t]*)(#{1,6}[ \t]|>[ \t]?|[-*+][ \t]|\d{1,3}[.)][ \t])/gm, (_m, lead: string, mark: string) => lead + blank(mark));
  s = s.replace(/(\*\*|__|\*|`+|~~)/g, blank);
  s = s.replace(/^\s*(\|[-: |]*\|?)\s*$/gm, blank);
  s = s.replace(/\|/g, ' ');
  return s;
}

// Letters that do not decompose into a Latin letter and a mark ("Iğdır", "Łódź", "Ørsted").
const LATIN_EXTRA: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  đ: 'd',
  Đ: 'd',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
};

/** Lowercase ASCII slug used in entity ids. */
export function slugify(s: string): string {
  return s
    .replace(/[ıłŁøØßæÆđĐœþð]/g, (c) => LATIN_EXTRA[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, '-')
    .replace(/\+/g, '-plus')
    .replace(/^-+|-+$/g, '');
}
