// Rubrics: the sections of the site (Analysis, News, ...), each article in one. The domain types.

export interface Rubric {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
}

/** What the rubric form saves. */
export interface RubricInput {
  slug: string;
  name: string;
  description: string;
  position: number;
}
