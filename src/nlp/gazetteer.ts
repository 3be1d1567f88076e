// The gazetteer: countries, places, organisations, projects and companies known before reading any text.
// Its tables are built in gazetteer.tables.ts; this module is what the readers use.
import { CAPITALS_OF, KNOWN, LOOKUP, PLACE_BY_NAME } from './gazetteer.tables.js';

export { CAPITALS_OF, KNOWN, LOOKUP };

export type Target =
  | { kind: 'country'; id: string; code: string }
  | { kind: 'capital'; id: string; code: string; name: string }
  | { kind: 'city'; id: string; code: string; name: string }
  | { kind: 'region'; id: string; code: string; name: string }
  | { kind: 'org'; id: string; name: string }
  | { kind: 'company'; id: string; name: string }
  | { kind: 'project'; id: string; name: string };

export interface GazEntry {
  toks: string[];
  /** Acronyms must match case exactly. */
  exact: boolean;
  raw: string[];
  target: Target;
  prio: number;
}

export interface EntityInfo {
  id: string;
  type: 'country' | 'place' | 'organization' | 'project';
  name: string;
  aliases: string[];
  country?: string;
}

/** The id of the place of this name (any case), the first known when several share it. */
export function placeIdByName(name: string): string | undefined {
  return PLACE_BY_NAME.get(name.toLowerCase());
}

/** Country id a place or country id belongs to (the id itself for countries). */
export function countryOf(id: string): string | undefined {
  if (id.startsWith('country:')) return id;
  return KNOWN.get(id)?.country;
}
