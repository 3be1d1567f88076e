// "Upcoming": the events a dossier's articles announce, above its timeline of what happened. It loads
// nothing itself: the page passes what listUpcomingFacts returned.
import type { T } from '../../../platform/i18n/index.js';
import { factSentence, formatWhen, type EntityRef, type Reported, type TimelineFact } from '../dossier.js';
import { AlsoReported, Evidence, FactSentence, SourceLink } from './fact-sentence.js';

export interface UpcomingBlockProps {
  t: T;
  facts: Reported<TimelineFact>[];
  names: Map<string, EntityRef>;
  /** The dossier's own subjects: named, not linked to the page itself. */
  skip: string[];
  lang?: string;
  /** The edition's address prefix ("/ru"), for dossier links. */
  base?: string;
  /** Every edition under its prefix (the `site.editions` setting), for article links. */
  prefixed?: boolean;
}

/** The announced events, soonest first, each with its date and the article sentence that announces it; nothing when there are none. */
export function UpcomingBlock({ t, facts, names, skip, lang = 'en', base = '', prefixed = false }: UpcomingBlockProps) {
  if (!facts.length) return null;
  return (
    <section class="dossier-upcoming" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{t('dossiers.upcoming')}</h2>
      <ol class="upcoming">
        {facts.map((f) => (
          <li id={`plan-${f.id}`}>
            <p class="fact-sentence">
              <FactSentence segments={factSentence(t, f, names, lang, true)} skip={skip} base={base} />
            </p>
            <Evidence fact={f} lang={lang} />
            <p class="meta">
              {f.when ? (
                <time datetime={f.when.value}>{formatWhen(f.when.value, f.when.precision, lang)}</time>
              ) : (
                t('dossiers.upcoming.tba')
              )}
              {' · '}
              <SourceLink t={t} fact={f} lang={lang} prefixed={prefixed} />
              <AlsoReported t={t} facts={f.also} lang={lang} prefixed={prefixed} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
