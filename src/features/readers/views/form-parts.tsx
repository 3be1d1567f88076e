// The account forms' pieces: the shared field and summary, with the account wording.
import type { T } from '../../../platform/i18n/index.js';
import { ErrorSummary as Summary } from '../../../platform/ui/form-fields.js';

export { Field, describedBy } from '../../../platform/ui/form-fields.js';

/** The list of problems at the top of a form shown again with 422 (or the one problem of the form). */
export function ErrorSummary({ t, errors, message }: { t: T; errors?: Record<string, string>; message?: string }) {
  return Summary({ title: t('account.errors_title'), errors, message });
}
