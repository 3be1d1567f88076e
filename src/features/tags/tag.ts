// Tags, typed as country, organisation, person or topic. The domain types.
import type { TagsTable } from '../../platform/schema.js';

export type TagType = TagsTable['type'];
export const TAG_TYPES: TagType[] = ['topic', 'country', 'organisation', 'person'];
export interface Tag {
  id: number;
  slug: string;
  name: string;
  type: TagType;
}

/** What the tag form saves. */
export interface TagInput {
  slug: string;
  name: string;
  type: TagType;
}
