// The staff review of extracted facts: a filterable list; each fact with its evidence and the
// forms to confirm, reject or correct one argument.
import { articlePath } from '../../../platform/editions.js';
import type { T } from '../../../platform/i18n/index.js';
import { Pagination, type PageInfo } from '../../../platform/ui/pagination.js';
import {
  FACT_STATUSES,
  FACT_TYPES,
  argInputValue,
  factSentence,
  formatAmount,
  isEntityId,
  sentenceText,
  type EntityRef,
  type FactStatus,
  type PublicFact,
} from '../dossier.js';

export interface FactsAdminProps {
  t: T;
  csrf: string;
  filter: { status: FactStatus | ''; type: string; article: string };
  items: PublicFact[];
  total: number;
  info: PageInfo;
  names: Map<string, EntityRef>;
  /** The list's own URL, where actions return. */
  back: string;
  notice?: string;
  error?: { factId: number; arg: string; value: string; message: string };
  /** Every edition under its prefix (the `site.editions` setting): articles are linked at their own address. */
  prefixed?: boolean;
}

function showArg(v: unknown, names: Map<string, EntityRef>): string {
  const one = (x: unknown) => (isEntityId(x) ? `${names.get(x)?.name ?? '?'} (${x})` : String(x));
  if (Array.isArray(v)) return v.map(one).join(', ');
  if (v && typeof v === 'object') {
    const o = v as { value?: unknown; currency?: unknown; unit?: unknown };
    if (typeof o.value === 'number' && typeof o.currency === 'string') return formatAmount(o.value, o.currency);
    return argInputValue(v);
  }
  return one(v);
}

/** The body of /admin/facts (AdminLayout wraps it). */
export function FactsAdminPage({ t, csrf, filter, items, total, info, names, back, notice, error, prefixed = false }: FactsAdminProps) {
  const Hidden = () => (
    <>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="back" value={back} />
    </>
  );
  return (
    <div class="facts-admin">
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <div class="error-summary" role="alert">
          <p>
            <a href={`#fact-${error.factId}-${error.arg}`}>{error.message}</a>
          </p>
        </div>
      )}
      <form class="facts-filter" method="get" action="/admin/facts">
        <div class="field">
          <label for="filter-status">{t('admin.facts.filter.status')}</label>
          <select id="filter-status" name="status">
            <option value="all" selected={filter.status === ''}>
              {t('admin.facts.filter.any')}
            </option>
            {FACT_STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {t(`admin.facts.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-type">{t('admin.facts.filter.type')}</label>
          <select id="filter-type" name="type">
            <option value="" selected={!filter.type}>
              {t('admin.facts.filter.any')}
            </option>
            {FACT_TYPES.map((x) => (
              <option value={x} selected={filter.type === x}>
                {x.replace('_', ' ')}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-article">{t('admin.facts.filter.article')}</label>
          <input id="filter-article" name="article" inputMode="numeric" value={filter.article} size={8} />
        </div>
        <button type="submit">{t('admin.facts.filter')}</button>
      </form>
      <p class="meta">{t('admin.facts.count', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('admin.facts.empty')}</p>
      ) : (
        <ol class="fact-cards">
          {items.map((f) => (
            <li class={`fact-card fact-${f.status}`} id={`fact-${f.id}`}>
              <h2>
                <span class="fact-type">{f.type.replace('_', ' ')}</span> {sentenceText(factSentence(t, f, names))}
              </h2>
              <p class="meta">
                <span class={`status status-${f.status}`}>{t(`admin.facts.status.${f.status}`)}</span>
                {' · '}
                {t('admin.facts.confidence', { value: f.confidence.toFixed(2) })}
                {f.when && (
                  <>
                    {' '}
                    · {f.when.value} ({f.when.precision})
                  </>
                )}
                {' · '}
                <a href={`${articlePath(f.article.language ?? t.lang, prefixed, f.article.slug)}#evidence-${f.id}`}>
                  {t('admin.facts.article', { title: f.article.title })}
                </a>
                {' · '}
                <a href={`/admin/facts?status=all&article=${f.articleId}`}>#{f.articleId}</a>
              </p>
              <blockquote class="evidence-text" aria-label={t('admin.facts.evidence')}>
                {f.evidence.text}
              </blockquote>
              <dl class="fact-args">
                {Object.entries(f.args).map(([k, v]) => {
                  const err = error && error.factId === f.id && error.arg === k ? error : undefined;
                  const inputId = `fact-${f.id}-${k}`;
                  return (
                    <div class={err ? 'fact-arg field-error' : 'fact-arg'}>
                      <dt>{k}</dt>
                      <dd>
                        <span class="arg-value">{showArg(v, names)}</span>
                        <form method="post" action={`/admin/facts/${f.id}/correct`} class="correct-form">
                          <Hidden />
                          <input type="hidden" name="arg" value={k} />
                          <label class="visually-hidden" for={inputId}>{`${t('admin.facts.correct')} ${k}`}</label>
                          <input
                            id={inputId}
                            name="value"
                            value={err ? err.value : argInputValue(v)}
                            aria-describedby={err ? `${inputId}-error` : undefined}
                            aria-invalid={err ? 'true' : undefined}
                          />
                          <button type="submit" class="secondary">
                            {t('admin.facts.correct')}
                          </button>
                          {err && (
                            <p class="error" id={`${inputId}-error`}>
                              {err.message}
                            </p>
                          )}
                        </form>
                      </dd>
                    </div>
                  );
                })}
              </dl>
              <div class="fact-actions">
                {f.status !== 'confirmed' && (
                  <form method="post" action={`/admin/facts/${f.id}/confirm`}>
                    <Hidden />
                    <button type="submit">{t('admin.facts.confirm')}</button>
                  </form>
                )}
                {f.status !== 'rejected' && (
                  <form method="post" action={`/admin/facts/${f.id}/reject`}>
                    <Hidden />
                    <button type="submit" class="danger">
                      {t('admin.facts.reject')}
                    </button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pagination t={t} info={info} />
      <p class="hint">{t('admin.facts.correct.hint')}</p>
    </div>
  );
}
