// Public types of the knowledge contract (see the contract document for field meanings).

/** A span of the original input, in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = 'country' | 'person' | 'organization' | 'place' | 'project';

export interface Role {
  title: string;
  of?: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  mentions: Span[];
  aliases?: string[];
  roles?: Role[];
  /** Country a place, company or project belongs to, when known. */
  country?: string;
}

export type FactType =
  | 'visit'
  | 'meeting'
  | 'agreement'
  | 'investment'
  | 'trade'
  | 'summit'
  | 'project_milestone';

export interface When {
  value: string;
  precision: 'day' | 'month' | 'season' | 'year';
}

export interface Money {
  value: number;
  currency: string;
}

export interface Fact {
  type: FactType;
  args: Record<string, unknown>;
  when?: When;
  confidence: number;
  evidence: Span;
  /** Set for announced but not yet happened events, e.g. a summit that "is to be held". */
  status?: 'scheduled';
  extractor?: string;
}

export interface ExtractResult {
  entities: Entity[];
  facts: Fact[];
}

export interface ExtractOptions {
  /** Publication date YYYY-MM-DD anchoring relative dates. */
  published?: string;
  lang?: string;
}
