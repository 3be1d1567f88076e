// The notes under an article: each correction or update with its date.
import { formatDate, type T } from '../../../platform/i18n/index.js';
import type { Correction } from '../correction.js';

/** The "Corrections and updates" section of an article page; nothing when there are none. */
export function CorrectionsBlock({ t, corrections, lang, base = '' }: { t: T; corrections: Correction[]; lang: string; base?: string }) {
  if (!corrections.length) return null;
  return (
    <section class="corrections" id="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t('corrections.heading')}</h2>
      <ul role="list">
        {corrections.map((c) => (
          <li class={`correction correction-${c.kind}`} id={`correction-${c.id}`}>
            <p class="correction-label">
              <strong>{t(c.kind === 'correction' ? 'corrections.kind.correction' : 'corrections.kind.update')}</strong>{' '}
              <time dateTime={c.notedAt}>{formatDate(c.notedAt, lang)}</time>
            </p>
            <p class="correction-body">{c.body}</p>
          </li>
        ))}
      </ul>
      <p class="meta">
        <a href={`${base}/corrections`}>{t('corrections.all_link')}</a>
      </p>
    </section>
  );
}
