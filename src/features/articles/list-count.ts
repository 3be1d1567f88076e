// How many articles a list holds, for its pagination: counting walks the whole list's index (a quarter
// of the archive for a rubric), so the count is shared by every page of the list until the content
// changes or the minute turns (a scheduled piece appears on the minute it is published).
import type { Ctx } from '../../platform/context.js';
import { countPublishedArticles, type PublishedFilter } from './article-store.js';

export function countListArticles(ctx: Ctx, f: Omit<PublishedFilter, 'excludeIds'>): Promise<number> {
  const key = `list-count:${f.rubricId ?? ''}:${f.authorId ?? ''}:${f.tagId ?? ''}:${f.language ?? ''}:${Math.floor(f.now.getTime() / 60_000)}`;
  return ctx.memo.get(key, () => countPublishedArticles(ctx.db, f));
}
