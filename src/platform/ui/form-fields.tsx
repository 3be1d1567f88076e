// Form pieces every feature's forms share: a labelled field with its hint and error, and the
// summary of errors above a form shown again with 422.
import type { ComponentChildren } from 'preact';

/** A form field with its label, hint and error, tied together for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** aria-describedby for a field with an optional hint and error. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

/** The problems above a rejected form, each a link to its field (or one message for the whole form). */
export function ErrorSummary({ title, errors, message }: { title: string; errors?: Record<string, string>; message?: string }) {
  const list = Object.entries(errors ?? {});
  if (!list.length && !message) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <p>
        <strong>{message ?? title}</strong>
      </p>
      {list.length > 0 && (
        <ul>
          {list.map(([k, v]) => (
            <li>
              <a href={`#${k}`}>{v}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
