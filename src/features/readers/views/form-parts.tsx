// Small pieces shared by the account forms: labelled fields with their errors, an error summary.
import type { ComponentChildren } from 'preact';
import type { T } from '../../../platform/i18n/index.js';

/** A form field with its label, hint and error, tied together for screen readers. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {children}
      {error && <p class="error" id={`${id}-error`}>{error}</p>}
    </div>
  );
}

/** aria-describedby for a field with an optional hint and error. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** The list of problems at the top of a form shown again with 422 (or the one problem of the form). */
export function ErrorSummary({ t, errors, message }: { t: T; errors?: Record<string, string>; message?: string }) {
  const list = Object.entries(errors ?? {});
  if (!list.length && !message) return null;
  return (
    <div class="error-summary" role="alert">
      {message ? <p><strong>{message}</strong></p> : <p><strong>{t('account.errors_title')}</strong></p>}
      {list.length > 0 && <ul>{list.map(([k, v]) => <li><a href={`#${k}`}>{v}</a></li>)}</ul>}
    </div>
  );
}
