// An entity's name as an article in Russian or Chinese writes it, for readers of that language: the register's
// name of a person, the nominative a Russian text's form stands for ("Казахстана" -> "Казахстан"), the Chinese
// name as written. English names are the entities' own (`name` in the output).
import { personById } from './people.js';
import { nameLemma } from './ru/morph.js';
import { listedName as listedRu, nominativeOf } from './ru/lexicon.js';
import { COUNTRIES_ZH } from './zh/countries.data.js';
import { countryNames, listedName as listedZh } from './zh/lexicon.js';
import type { Lang } from './types.js';

let zhShort: Map<string, string> | undefined;
function zhCountry(code: string): string | undefined {
  zhShort ??= new Map(COUNTRIES_ZH.split('\n').map((l) => l.split('|') as [string, string]));
  return zhShort.get(code);
}

// The most frequent of the names, the earliest on a tie (a text names a thing in full first).
function commonest(names: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const n of names) if (n) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: string | undefined;
  for (const [n, c] of counts) if (best === undefined || c > counts.get(best)!) best = n;
  return best;
}

/**
 * The name of entity `id` as a `lang` article writes it, given the texts of its mentions there (in order);
 * undefined for English, or when the article's forms give no name a reader could use.
 */
export function nameIn(id: string, lang: Lang, mentions: string[]): string | undefined {
  if (lang === 'en') return undefined;
  const texts = mentions.map((m) => m.trim()).filter(Boolean);
  if (id.startsWith('person:')) {
    const known = personById(id)?.[lang][0];
    if (known) return known;
    if (!texts.length) return undefined;
    const full = texts.reduce((a, b) => (b.length > a.length ? b : a));
    return lang === 'zh' ? full : full.split(/\s+/).map(nameLemma).join(' ');
  }
  if (lang === 'ru') return commonest(texts.map((t) => nominativeOf(id, t)));
  if (id.startsWith('country:')) {
    const code = id.slice(8);
    const full = new Set(countryNames().get(id) ?? []);
    return commonest(texts.filter((t) => full.has(t))) ?? (texts.length ? zhCountry(code) : undefined);
  }
  return commonest(texts.filter((t) => t.length >= 2));
}

/**
 * The name the engine's own lists give entity `id` in `lang`, with no article to go by: a known person's, or an
 * organisation's or project's full name (上海合作组织, "Шанхайская организация сотрудничества"). Undefined for
 * English and for what the lists do not name in that language.
 */
export function registerName(id: string, lang: Lang): string | undefined {
  if (lang === 'en') return undefined;
  if (id.startsWith('person:')) return personById(id)?.[lang][0];
  return lang === 'ru' ? listedRu(id) : listedZh(id);
}
