// A page in one edition shows rubrics, tags and authors' byline titles in that edition's language where the
// newsroom translated them (translation-store.ts), and as they were written where it did not. The
// translations of these small tables into one language are read once per content change (ctx.memo).
import type { Ctx } from './context.js';
import { listTranslationsInto } from './translation-store.js';

type Named = { id: number; name: string; description?: string };
type Titled = { id: number; title: string };

/** Puts translations into a page's rubrics, tags and bylines; every method returns new objects. */
export interface Localizer {
  readonly lang: string;
  rubric<R extends Named>(r: R): R;
  tag<R extends Named>(t: R): R;
  author<R extends Titled>(a: R): R;
  /** An article or a teaser: its rubric, its authors' titles and its tags. */
  article<A extends { rubric?: Named | null; authors: Titled[]; tags?: Named[] }>(a: A): A;
}

/** The localizer of one language (none translated: every method returns what it is given, copied). */
export function localizer(lang: string, byKey: Map<string, Record<string, string>>): Localizer {
  const named = <R extends Named>(subject: string, r: R): R => {
    const tr = byKey.get(`${subject}:${r.id}`);
    if (!tr) return r;
    return {
      ...r,
      name: tr.name || r.name,
      ...(r.description !== undefined ? { description: tr.description || r.description } : {}),
    };
  };
  const self: Localizer = {
    lang,
    rubric: (r) => named('rubric', r),
    tag: (t) => named('tag', t),
    author: (a) => {
      const title = byKey.get(`author:${a.id}`)?.title;
      return title ? { ...a, title } : a;
    },
    article: (a) => {
      if (byKey.size === 0) return a;
      return {
        ...a,
        rubric: a.rubric ? self.rubric(a.rubric) : a.rubric,
        authors: a.authors.map(self.author),
        ...(a.tags ? { tags: a.tags.map(self.tag) } : {}),
      };
    },
  };
  return self;
}

/** The localizer for a language, its translations read once per content change. */
export async function loadLocalizer(ctx: Pick<Ctx, 'db' | 'memo'>, lang: string): Promise<Localizer> {
  return localizer(lang, await ctx.memo.get(`translations:${lang}`, () => listTranslationsInto(ctx.db, lang)));
}
