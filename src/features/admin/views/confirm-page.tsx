// The one confirmation step before anything is deleted for good.
import type { T } from '../../../platform/i18n/index.js';

/** The confirmation page before deleting something for good. */
export function ConfirmDeletePage({
  t,
  csrf,
  action,
  what,
  cancel,
  detail,
}: {
  t: T;
  csrf: string;
  action: string;
  what: string;
  cancel: string;
  detail?: string;
}) {
  return (
    <div class="confirm">
      <p>{t('admin.delete.question', { what })}</p>
      {detail && <p class="hint">{detail}</p>}
      <form method="post" action={action} class="button-row">
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit" class="danger">
          {t('admin.delete.confirm')}
        </button>
        <a class="button secondary" href={cancel}>
          {t('admin.cancel')}
        </a>
      </form>
    </div>
  );
}
