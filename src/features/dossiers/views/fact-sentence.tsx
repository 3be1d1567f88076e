// A fact as a readable sentence, entity names linking to their dossiers.
import { articlePath } from '../../../platform/editions.js';
import type { T } from '../../../platform/i18n/index.js';
import { dossierPath, type Segment, type TimelineFact } from '../dossier.js';

/** Renders sentence segments; `link` false renders names as plain text; links go to the edition at `base`. */
export function FactSentence({
  segments,
  link = true,
  skip,
  base = '',
}: {
  segments: Segment[];
  link?: boolean;
  skip?: string[];
  base?: string;
}) {
  return (
    <>
      {segments.map((s) =>
        typeof s === 'string' ? s : link && !(skip ?? []).includes(s.id) ? <a href={dossierPath(s.id, base)}>{s.name}</a> : s.name,
      )}
    </>
  );
}

/** The article's sentence that states a fact, marked with its language where the page speaks another. */
export function Evidence({ fact, lang }: { fact: Pick<TimelineFact, 'evidence' | 'article'>; lang: string }) {
  const text = fact.evidence.text.trim();
  if (!text) return null;
  const own = fact.article.language;
  return (
    <blockquote class="fact-evidence" lang={own && own !== lang ? own : undefined}>
      <p>{text}</p>
    </blockquote>
  );
}

/**
 * "Source: the article's title", to the fact's sentence in it at the article's own address (`prefixed`: every
 * edition under its prefix); the title marked with its language where it differs.
 */
/** The other articles that report the same event: "Also in: A, B". */
export function AlsoReported({ t, facts, lang, prefixed = false }: { t: T; facts?: TimelineFact[]; lang: string; prefixed?: boolean }) {
  if (!facts?.length) return null;
  return (
    <>
      {' · '}
      {t('dossiers.also_in')}
      {/[:;]$/.test(t('dossiers.also_in')) ? ' ' : ''}
      {facts.map((f, i) => [i > 0 ? ', ' : '', <SourceLink t={t} fact={f} lang={lang} prefixed={prefixed} bare />])}
    </>
  );
}

export function SourceLink({
  t,
  fact,
  lang,
  prefixed = false,
  bare = false,
}: {
  t: T;
  fact: Pick<TimelineFact, 'id' | 'article'>;
  lang: string;
  prefixed?: boolean;
  /** The title alone, as in a list of further sources. */
  bare?: boolean;
}) {
  const own = fact.article.language;
  const other = own && own !== lang ? own : undefined;
  const href = `${articlePath(own ?? lang, prefixed, fact.article.slug)}#evidence-${fact.id}`;
  if (bare)
    return (
      <a href={href} hreflang={other}>
        {other ? <span lang={other}>{fact.article.title}</span> : fact.article.title}
      </a>
    );
  if (!other) return <a href={href}>{t('dossiers.source', { title: fact.article.title })}</a>;
  return (
    <a href={href} hreflang={other}>
      {t('dossiers.source', { title: '\u0000' })
        .split('\u0000')
        .map((part, i) => (i === 0 ? part : [<span lang={other}>{fact.article.title}</span>, part]))}
    </a>
  );
}
