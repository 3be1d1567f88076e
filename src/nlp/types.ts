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

export type FactType = 'visit' | 'meeting' | 'agreement' | 'investment' | 'trade' | 'summit' | 'project_milestone';

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
  /** Set for announced but not yet happened events ("will pay a state visit", "is to be held"). */
  status?: 'planned';
  extractor?: string;
}

export interface ExtractResult {
  /** The language that was read. */
  lang?: Lang;
  entities: Entity[];
  facts: Fact[];
}

/** Languages the engine reads. */
export type Lang = 'en' | 'ru' | 'zh';

/** An entity mention found by a language reader (UTF-16 offsets into the input text). */
export interface MentionRef {
  id: string;
  start: number;
  end: number;
}

/** What a language reader (ru/, zh/) returns: its facts and the mentions it found. */
export interface Reading {
  facts: Fact[];
  mentions: MentionRef[];
  /** Type and display name of ids that neither the gazetteer nor the register knows (new people, projects). */
  names: Map<string, { type: EntityType; name: string }>;
}

export interface ExtractOptions {
  /** Publication date YYYY-MM-DD anchoring relative dates. */
  published?: string;
  /** 'auto' (default) detects the language from the text; another code than en, ru or zh cannot be read. */
  lang?: string;
}
