// "Facts in this article": embedded on the article page (decision 002). It loads nothing itself:
// the page passes what listPublicFactsForArticle returned.
import type { T } from '../../../platform/i18n/index.js';
import { dossierPath, entityArgs, factSentence, formatWhen, type EntityRef, type StoredFact } from '../dossier.js';
import { FactSentence } from './fact-sentence.js';

export interface FactsBlockProps {
  t: T;
  facts: StoredFact[];
  entities: Map<string, EntityRef>;
  lang?: string;
  /** Fact ids whose sentence is marked in the body (markEvidenceWithIds); others get no "show" link. */
  anchored?: Set<string>;
  /** The page's edition prefix, for the dossiers' links. */
  base?: string;
}

/** The list of facts an article states, each linking to its dossiers and to its sentence in the text. */
export function FactsBlock({ t, facts, entities, lang = 'en', anchored, base }: FactsBlockProps) {
  if (!facts.length) return null;
  return (
    <section class="facts-block" aria-labelledby="facts-block-title">
      <h2 id="facts-block-title">{t('dossiers.facts_block.title')}</h2>
      <ul>
        {facts.map((f) => {
          const involved = entityArgs(f.args)
            .map((a) => entities.get(a.id))
            .filter((e): e is EntityRef => !!e && e.type !== 'place');
          return (
            <li>
              <p class="fact-sentence">
                <FactSentence segments={factSentence(t, f, entities, lang, f.planned)} base={base} />
                {f.when && (
                  <>
                    {' '}
                    — <time datetime={f.when.value}>{formatWhen(f.when.value, f.when.precision, lang)}</time>
                  </>
                )}
              </p>
              <p class="meta">
                {(!anchored || anchored.has(String(f.id))) && (
                  <>
                    <a href={`#evidence-${f.id}`}>{t('dossiers.facts_block.evidence')}</a>
                    {involved.length > 0 && ' · '}
                  </>
                )}
                {involved.length > 0 && (
                  <>
                    {t('dossiers.facts_block.dossier')}:{' '}
                    {involved.map((e, i) => (
                      <>
                        {i > 0 && ', '}
                        <a href={dossierPath(e.id, base)}>{e.name}</a>
                      </>
                    ))}
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
