// An import under way: a bar of the records done out of the total (none while the total is not known yet),
// refreshed by import.js, or without it by the page reloading itself every two seconds.
import type { T } from '../../../platform/i18n/index.js';
import type { ImportRun } from '../import-run-store.js';

export interface ImportRunBlockProps {
  t: T;
  run: ImportRun;
  /** No news from the run for a long while: the process running it stopped. */
  stalled: boolean;
}

/** The status line under the bar (also sent to import.js as it polls). */
export function importRunStatus(t: T, run: Pick<ImportRun, 'done' | 'total'>, stalled: boolean): string {
  if (stalled) return t('import.run.stalled');
  if (run.total > 0) return t('import.run.items', { done: run.done, total: run.total });
  return run.done > 0 ? t('import.run.reading', { done: run.done }) : t('import.run.starting');
}

export function ImportRunBlock({ t, run, stalled }: ImportRunBlockProps) {
  const known = run.total > 0;
  return (
    <section class="import-run" aria-labelledby="import-run-title" data-import-run={stalled ? undefined : `/admin/import/runs/${run.id}`}>
      {!stalled && (
        <noscript>
          <meta http-equiv="refresh" content="2" />
        </noscript>
      )}
      <h2 id="import-run-title">{t('import.run.title', { file: run.fileName })}</h2>
      <progress
        class="import-progress"
        max={known ? run.total : undefined}
        value={known ? run.done : undefined}
        aria-labelledby="import-run-title"
        aria-describedby="import-run-status"
      />
      <p id="import-run-status" role="status" data-run-status="">
        {importRunStatus(t, run, stalled)}
      </p>
      {!stalled && <p class="hint">{t('import.run.hint')}</p>}
    </section>
  );
}
