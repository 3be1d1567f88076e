// The revisions of an article: the list (pick two to compare, or one to restore) and the comparison.
import type { T } from '../../../platform/i18n/index.js';
import { formatDateTime } from '../../../platform/i18n/index.js';
import type { FieldDiff, Revision } from '../revision.js';

export interface RevisionListProps {
  t: T;
  csrf: string;
  articleId: number;
  revisions: Revision[];
  canRestore: boolean;
}

export function RevisionListPage({ t, csrf, articleId, revisions, canRestore }: RevisionListProps) {
  const base = `/admin/articles/${articleId}`;
  return (
    <>
      <p class="toolbar">
        <a href={`${base}/edit`}>{t('revisions.back')}</a>
      </p>
      {revisions.length === 0 ? (
        <p>{t('revisions.none')}</p>
      ) : (
        <>
          <form method="get" action={`${base}/revisions/compare`} id="compare" />
          <div class="table-wrap">
            <table class="data">
              <caption>{t('revisions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('revisions.saved')}</th>
                  <th scope="col">{t('revisions.by')}</th>
                  <th scope="col">{t('revisions.from')}</th>
                  <th scope="col">{t('revisions.to')}</th>
                  {canRestore && <th scope="col">{t('revisions.restore')}</th>}
                </tr>
              </thead>
              <tbody>
                {revisions.map((r, i) => (
                  <tr>
                    <th scope="row">
                      {formatDateTime(r.createdAt)} {i === 0 && <em>({t('revisions.current')})</em>}
                      <br />
                      <span class="meta">{r.input.title}</span>
                    </th>
                    <td>{r.userName ?? '—'}</td>
                    <td>
                      <input
                        type="radio"
                        name="from"
                        value={r.id}
                        form="compare"
                        checked={i === 1 || (revisions.length === 1 && i === 0)}
                        aria-label={t('revisions.from_label', { when: formatDateTime(r.createdAt) })}
                      />
                    </td>
                    <td>
                      <input
                        type="radio"
                        name="to"
                        value={r.id}
                        form="compare"
                        checked={i === 0}
                        aria-label={t('revisions.to_label', { when: formatDateTime(r.createdAt) })}
                      />
                    </td>
                    {canRestore && (
                      <td>
                        {i > 0 && (
                          <form method="post" action={`${base}/revisions/${r.id}/restore`}>
                            <input type="hidden" name="_csrf" value={csrf} />
                            <button type="submit" class="link-button">
                              {t('revisions.restore_this')}
                            </button>
                          </form>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="submit" form="compare">
              {t('revisions.compare')}
            </button>
          </p>
        </>
      )}
    </>
  );
}

export interface RevisionDiffProps {
  t: T;
  articleId: number;
  from: Revision;
  to: Revision;
  diffs: FieldDiff[];
}

export function RevisionDiffPage({ t, articleId, from, to, diffs }: RevisionDiffProps) {
  return (
    <>
      <p class="toolbar">
        <a href={`/admin/articles/${articleId}/revisions`}>{t('revisions.all')}</a>
      </p>
      <p>
        {t('revisions.between', {
          from: `${formatDateTime(from.createdAt)} (${from.userName ?? '—'})`,
          to: `${formatDateTime(to.createdAt)} (${to.userName ?? '—'})`,
        })}
      </p>
      {diffs.length === 0 ? (
        <p>{t('revisions.same')}</p>
      ) : (
        diffs.map((d) => (
          <section class="revision-diff">
            <h2>{d.field}</h2>
            <p class="diff">
              {d.parts.map((p) => (p.added ? <ins>{p.text}</ins> : p.removed ? <del>{p.text}</del> : <span>{p.text}</span>))}
            </p>
          </section>
        ))
      )}
    </>
  );
}
