// The gazetteer's tables, built from the curated data: phrases keyed by their first lowercased token for
// longest-match lookup, and what is known of each entity. This module exports plain data only (Maps of plain
// values): the production build evaluates it and writes its result into the bundle (scripts/build.ts), so a
// start parses the tables instead of tokenising some six thousand phrases.
import { COUNTRIES } from './countries.generated.js';
import {
  CITIES,
  COMPANIES,
  COUNTRY_EXTRAS,
  INITIATIVES,
  LANDMARKS,
  ORGANIZATIONS,
  REGIONS,
  SEATS_EXTRAS,
} from './gazetteer-curated.data.js';
import type { EntityInfo, GazEntry, Target } from './gazetteer.js';
import { normalizeTypography, slugify } from './text-normalizer.js';
import { tokenize } from './tokenizer.js';

/** Entity facts known before reading any text, keyed by id. */
export const KNOWN: Map<string, EntityInfo> = new Map();
/** First-token index of all gazetteer phrases, longest phrase first. */
export const LOOKUP: Map<string, GazEntry[]> = new Map();
/** Country code -> capital/seat place ids. */
export const CAPITALS_OF: Map<string, string[]> = new Map();
/** Lowercased place name -> id, the first known when several share it. */
export const PLACE_BY_NAME: Map<string, string> = new Map();

const PRIO = { country: 6, org: 5, project: 5, company: 4, capital: 3, city: 2, region: 1 } as const;
const phraseOwner = new Map<string, GazEntry>();
// Names too ambiguous with ordinary words to be looked up as places.
const SKIP_CAPITALS = new Set([
  'The Valley',
  'Kingston',
  'Victoria',
  'Hamilton',
  'Georgetown',
  "Saint John's",
  'Road Town',
  'Avarua',
  'Palikir',
  'Basseterre',
  'Castries',
  'Plymouth',
  'Adamstown',
  'Alofi',
  'Flying Fish Cove',
  'West Island',
  'Longyearbyen',
  'Kingstown',
  'Gustavia',
  'Marigot',
  'Philipsburg',
  'Mata-Utu',
  'Cockburn Town',
  'Jamestown',
  'King Edward Point',
  'Stanley',
  'Hagåtña',
  'Saipan',
  'Pago Pago',
  'Charlotte Amalie',
  'Majuro',
  'Funafuti',
  'Yaren',
  'South Tarawa',
  'Ngerulmud',
  'Sri Jayawardenepura Kotte',
  'Diego Garcia',
  'Port-aux-Français',
]);

function add(phrase: string, target: Target): void {
  // Curated names carry no markup: only their typography needs the text's normalisation.
  const norm = normalizeTypography(phrase).trim();
  const toks = tokenize(norm);
  if (toks.length === 0) return;
  const lo = toks.map((t) => t.lo);
  const key = lo.join(' ');
  const exact = /^[A-Z][A-Z.+&-]{1,6}$/.test(norm.replace(/\s/g, '')) || /^[A-Z][a-z]?[A-Z]{2,}$/.test(norm);
  const entry: GazEntry = { toks: lo, exact, raw: toks.map((t) => t.s), target, prio: PRIO[target.kind] };
  const prev = phraseOwner.get(key + (exact ? '#x' : ''));
  if (prev && prev.prio >= entry.prio) return;
  phraseOwner.set(key + (exact ? '#x' : ''), entry);
  let list = LOOKUP.get(lo[0]);
  if (!list) LOOKUP.set(lo[0], (list = []));
  if (prev) list.splice(list.indexOf(prev), 1);
  list.push(entry);
}

function info(e: EntityInfo): void {
  const prev = KNOWN.get(e.id);
  if (prev) {
    for (const a of e.aliases) if (!prev.aliases.includes(a)) prev.aliases.push(a);
  } else KNOWN.set(e.id, e);
}

function pairs(s: string): [string, string][] {
  return s
    .split(/;\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split('|') as [string, string]);
}

function placeTarget(kind: 'capital' | 'city' | 'region', name: string, code: string): Target {
  const id = 'place:' + slugify(name.replace(/^Xian$/, "Xi'an"));
  info({ id, type: 'place', name, aliases: [], country: code ? 'country:' + code : undefined });
  return { kind, id, code, name } as Target;
}

function build(): void {
  // Larger independent countries win contested demonyms ("Congolese", "Dominican").
  const ordered = [...COUNTRIES].sort((a, b) => Number(b.independent) - Number(a.independent) || b.area - a.area);
  for (const c of COUNTRIES) {
    info({ id: 'country:' + c.code, type: 'country', name: c.name, aliases: [] });
  }
  const demonymSeen = new Set<string>();
  for (const c of ordered) {
    const t: Target = { kind: 'country', id: 'country:' + c.code, code: c.code };
    for (const n of c.names) add(n, t);
    for (const d of c.demonyms.flatMap((x) => x.split(/,\s*/))) {
      if (demonymSeen.has(d)) continue;
      demonymSeen.add(d);
      add(d, t);
    }
  }
  for (const [alias, code] of pairs(COUNTRY_EXTRAS)) add(alias, { kind: 'country', id: 'country:' + code, code });
  for (const c of COUNTRIES) {
    for (const cap of c.capitals) {
      if (SKIP_CAPITALS.has(cap)) continue;
      const t = placeTarget('capital', cap.replace(/ D\.C\.$/, ''), c.code);
      add(cap, t);
      if (cap.endsWith(' D.C.')) add(cap.replace(/ D\.C\.$/, ''), t);
    }
  }
  for (const [city, code] of pairs(SEATS_EXTRAS)) add(city, placeTarget('capital', city, code));
  for (const [city, code] of pairs(CITIES)) add(city, placeTarget('city', city === 'Xian' ? "Xi'an" : city, code));
  // A palace stands for its city, and like a capital for its government when it acts ("the Kremlin said").
  for (const line of LANDMARKS.split(/;\s*/)) {
    const [landmark, city, code] = line.trim().split('|');
    add(landmark, placeTarget('capital', city, code));
  }
  for (const [name, code] of pairs(REGIONS)) add(name, placeTarget('region', name, code ?? ''));
  for (const line of ORGANIZATIONS.split('\n')) {
    const [slug, name, ...aliases] = line.split('|');
    const id = 'org:' + slug;
    info({ id, type: 'organization', name, aliases });
    for (const n of [name, ...aliases]) add(n, { kind: 'org', id, name });
  }
  for (const line of INITIATIVES.split('\n')) {
    const [slug, name, ...aliases] = line.split('|');
    const id = 'project:' + slug;
    info({ id, type: 'project', name, aliases });
    for (const n of [name, ...aliases]) add(n, { kind: 'project', id, name });
  }
  for (const line of COMPANIES.split('\n')) {
    const [slug, name, ...aliases] = line.split('|');
    const id = 'org:' + slug;
    info({ id, type: 'organization', name, aliases });
    for (const n of [name, ...aliases]) add(n, { kind: 'company', id, name });
  }
  for (const list of LOOKUP.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  for (const e of KNOWN.values()) {
    if (e.type === 'place' && !PLACE_BY_NAME.has(e.name.toLowerCase())) PLACE_BY_NAME.set(e.name.toLowerCase(), e.id);
    if (e.type === 'place' && e.country) {
      const l = CAPITALS_OF.get(e.country) ?? [];
      l.push(e.id);
      CAPITALS_OF.set(e.country, l);
    }
  }
}

build();
